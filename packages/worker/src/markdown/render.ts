/**
 * Safe server-side Markdown for comments and card fields: CommonMark (emphasis, lists, links,
 * code, quotes, headings) plus bare-URL autolinks, `@handle` mentions of known members, and no
 * raw HTML or images. Links go only to http:, https: and mailto: targets and carry
 * `rel="nofollow ugc noopener"`.
 *
 * The HTML is written here, from the parser's tokens, by an allow-list: each kind of token we
 * know becomes the few tags and attributes we write ourselves; any other token contributes its
 * text, escaped. No HTML from the parser reaches the output, so safety does not rest on its
 * defaults. Cost is linear in the source (parser.ts bounds the parser's work), and the source is
 * at most `MARKDOWN_MAX_LENGTH` characters.
 */
import { findMentions } from './mentions.ts';
import { normalizeSource } from './normalize.ts';
import { MARKDOWN_MAX_LENGTH, type ParseStats, parseMarkdown, type Token } from './parser.ts';

export { MARKDOWN_MAX_LENGTH };

/** A rendered comment or field. */
export interface RenderedMarkdown {
  /** Safe HTML, ready to insert as is. */
  html: string;
  /** The text a reader sees, without markup, references decoded and whitespace collapsed (code and link text included). */
  text: string;
  /** Every link target in the HTML, in order (explicit links, autolinks, bare URLs and e-mail addresses). */
  links: string[];
  /** The handles rendered as mentions, lower case, each once, in order. */
  mentions: string[];
}

/** Options of `renderMarkdown`. */
export interface RenderOptions {
  /** Handles of the tenant's members that the source mentions (see `mentionCandidates`), lower case. */
  knownHandles?: ReadonlySet<string>;
}

/** At most this many handles come back from `mentionCandidates`. */
export const MAX_MENTION_CANDIDATES = 20;

export const LINK_REL = 'nofollow ugc noopener';

/**
 * Renders Markdown to safe HTML, with its plain text, links and mentions.
 *
 * @example
 * renderMarkdown('Thanks @ana, see https://x.org', { knownHandles: new Set(['ana']) });
 * // {
 * //   html: '<p>Thanks <span class="bk-mention" data-handle="ana">@ana</span>, see <a href="https://x.org" rel="nofollow ugc noopener">https://x.org</a></p>',
 * //   text: 'Thanks @ana, see https://x.org',
 * //   links: ['https://x.org'],
 * //   mentions: ['ana'],
 * // }
 */
export function renderMarkdown(source: string, options: RenderOptions = {}): RenderedMarkdown {
  const known = options.knownHandles;
  return renderTokens(parsed(source).tokens, (handle) => known?.has(handle) === true);
}

/**
 * The handles the source appears to @mention (outside code and links, not in e-mail
 * addresses), lower case, each once, at most `MAX_MENTION_CANDIDATES`: the ones to look up
 * before `renderMarkdown`. The parse is kept for the `renderMarkdown` call that follows.
 *
 * @example
 * mentionCandidates('@Ana and @bob, not `@carol` or dan@x.org'); // ['ana', 'bob']
 */
export function mentionCandidates(source: string): string[] {
  if (!source.includes('@')) return [];
  return renderTokens(parsed(source).tokens, () => true).mentions.slice(0, MAX_MENTION_CANDIDATES);
}

/** What parsing `source` cost (steps against the budget, nesting depth); for tests and the benchmark. */
export function markdownCost(source: string): ParseStats {
  return parsed(source).stats;
}

// A comment is parsed for its mention candidates, then — after the handles are looked up —
// rendered; the one parse serves both.
let last: { source: string; result: ReturnType<typeof parseMarkdown> } | undefined;

function parsed(source: string): ReturnType<typeof parseMarkdown> {
  if (last?.source === source) return last.result;
  const result = parseMarkdown(normalizeSource(source));
  last = { source, result };
  return result;
}

// Tags whose text a reader sees apart from what surrounds it.
const BLOCK_TAGS: Record<string, string> = {
  paragraph_open: 'p',
  paragraph_close: 'p',
  heading_open: '',
  heading_close: '',
  blockquote_open: 'blockquote',
  blockquote_close: 'blockquote',
  bullet_list_open: 'ul',
  bullet_list_close: 'ul',
  ordered_list_open: 'ol',
  ordered_list_close: 'ol',
  list_item_open: 'li',
  list_item_close: 'li',
};
const HEADING = /^h[1-6]$/;
const LANGUAGE = /^[\w-]+$/;
const LIST_START = /^[0-9]{1,9}$/;

function renderTokens(tokens: readonly Token[], isMention: (handle: string) => boolean): RenderedMarkdown {
  const out: string[] = [];
  const text: string[] = [];
  const links: string[] = [];
  const mentions = new Set<string>();

  const addText = (content: string, plain: boolean) => {
    text.push(content);
    if (!plain || !content.includes('@')) {
      out.push(escapeHtml(content));
      return;
    }
    let from = 0;
    for (const mention of findMentions(content)) {
      if (!isMention(mention.handle)) continue;
      mentions.add(mention.handle);
      const end = mention.index + mention.length;
      out.push(
        escapeHtml(content.slice(from, mention.index)),
        `<span class="bk-mention" data-handle="${mention.handle}">${escapeHtml(content.slice(mention.index, end))}</span>`,
      );
      from = end;
    }
    out.push(escapeHtml(content.slice(from)));
  };

  const inline = (children: readonly Token[]) => {
    // Each entry says whether the matching close tag is written (a refused link writes none).
    const openLinks: boolean[] = [];
    for (const token of children) {
      switch (token.type) {
        case 'text':
        case 'text_special':
        case 'bk_literal':
          addText(token.content, openLinks.length === 0);
          break;
        case 'softbreak':
          out.push('\n');
          text.push(' ');
          break;
        case 'hardbreak':
          out.push('<br />\n');
          text.push(' ');
          break;
        case 'code_inline':
          out.push('<code>');
          addText(token.content, false);
          out.push('</code>');
          break;
        case 'em_open':
        case 'strong_open':
        case 'em_close':
        case 'strong_close':
          out.push(`<${token.nesting === -1 ? '/' : ''}${token.tag === 'strong' ? 'strong' : 'em'}>`);
          break;
        case 'link_open': {
          const href = openLinks.length === 0 ? safeUrl(String(token.attrGet('href') ?? '')) : null;
          openLinks.push(href !== null);
          if (href !== null) {
            const title = String(token.attrGet('title') ?? '');
            links.push(href);
            out.push(`<a href="${escapeHtml(href)}" rel="${LINK_REL}"${title ? ` title="${escapeHtml(title)}"` : ''}>`);
          }
          break;
        }
        case 'link_close':
          if (openLinks.pop()) out.push('</a>');
          break;
        default:
          // Fail closed: a token this renderer does not know shows its text, escaped.
          if (token.content) addText(token.content, false);
      }
    }
    for (const written of openLinks.reverse()) if (written) out.push('</a>');
  };

  tokens.forEach((token, index) => {
    switch (token.type) {
      case 'inline':
        inline(token.children ?? []);
        break;
      case 'bk_literal':
        addText(token.content, true);
        break;
      case 'fence':
      case 'code_block': {
        const language = token.type === 'fence' ? token.info.trim().split(/\s+/)[0] : '';
        out.push(language && LANGUAGE.test(language) ? `<pre><code class="language-${language}">` : '<pre><code>');
        addText(token.content, false);
        out.push('</code></pre>\n');
        text.push(' ');
        break;
      }
      case 'hr':
        out.push('<hr />\n');
        text.push(' ');
        break;
      default: {
        if (!(token.type in BLOCK_TAGS)) {
          if (token.content) addText(token.content, false);
          break;
        }
        text.push(' ');
        if (token.hidden) break;
        const tag = BLOCK_TAGS[token.type] || (HEADING.test(token.tag) ? token.tag : 'p');
        const start = token.type === 'ordered_list_open' ? String(token.attrGet('start') ?? '') : '';
        // Line breaks between block tags as the CommonMark reference renderer writes them.
        if (token.nesting === 1 && index > 0 && tokens[index - 1]?.hidden) out.push('\n');
        out.push(token.nesting === -1 ? `</${tag}` : `<${tag}`, start && LIST_START.test(start) ? ` start="${start}"` : '');
        const next = tokens[index + 1];
        const inlineNext =
          token.nesting === 1 &&
          next !== undefined &&
          (next.type === 'inline' || next.hidden || (next.nesting === -1 && next.tag === token.tag));
        out.push(inlineNext ? '>' : '>\n');
      }
    }
  });

  return {
    html: out.join('').replace(/\n$/, ''),
    text: text.join('').replace(/\s+/g, ' ').trim(),
    links,
    mentions: [...mentions],
  };
}

const SAFE_SCHEME = /^(https?:\/\/|mailto:)(?=.)/i;

/**
 * The link target if it is an absolute `http:`, `https:` or `mailto:` URL of printable ASCII
 * (the parser percent-encodes spaces and non-ASCII), else null; the scheme comes back
 * lower-cased.
 *
 * @example
 * safeUrl('HTTPS://x.org/?a=1&b=2'); // 'https://x.org/?a=1&b=2'
 * safeUrl('javascript:alert(1)'); // null
 */
export function safeUrl(url: string): string | null {
  if (!/^[\x21-\x7E]+$/.test(url)) return null;
  const scheme = SAFE_SCHEME.exec(url)?.[1];
  return scheme === undefined ? null : scheme.toLowerCase() + url.slice(scheme.length);
}

const SPECIAL = /[&<>"]/g;
const ESCAPED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function escapeHtml(value: string): string {
  SPECIAL.lastIndex = 0;
  return SPECIAL.test(value) ? value.replace(SPECIAL, (c) => ESCAPED[c] ?? c) : value;
}
