/**
 * Rebuilds micromark's HTML from an allow-list, and derives the plain text, links and mentions.
 *
 * Why a pass over the output string rather than an htmlExtension: micromark encodes every `<`,
 * `>`, `&` and `"` that comes from the source (raw HTML, link titles, code), so each `<` in its
 * output opens a tag micromark wrote itself, and a tiny tokenizer reads them exactly. Link
 * output, in particular, is built from state private to micromark's compiler (definitions,
 * the media stack); an extension could only replace it by re-implementing it. The pass also
 * fails closed: a tag, attribute or entity it does not expect is dropped, not passed on.
 */
import { findMentions } from './mentions.ts';

/** What the sanitizer produces; see `RenderedMarkdown`. */
export interface Sanitized {
  html: string;
  text: string;
  links: string[];
  mentions: string[];
}

export const LINK_REL = 'nofollow ugc noopener';

const TAG = /<(\/?)([a-z][a-z0-9]*)((?:[ \t\n]+[a-z-]+="[^"<>]*")*)[ \t\n]*\/?>/y;
const ATTRIBUTE = /([a-z-]+)="([^"<>]*)"/g;
const ALLOWED = new Set([
  'p',
  'em',
  'strong',
  'a',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);
const VOID = new Set(['br', 'hr']);
// Tags between which the plain text gets a space, as a reader would see them apart.
const SEPARATES = new Set(['p', 'pre', 'blockquote', 'ul', 'ol', 'li', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6}));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const SPECIAL = /[&<>"]/g;
const ESCAPED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const SAFE_SCHEME = /^(https?:\/\/|mailto:)(?=.)/i;

/**
 * Sanitizes micromark output. `isMention(handle)` decides whether an `@handle` outside code
 * and links becomes a mention.
 *
 * @example
 * sanitizeHtml('<p><a href="https://x.org">x</a> @ana</p>', (h) => h === 'ana').html;
 * // '<p><a href="https://x.org" rel="nofollow ugc noopener">x</a> <span class="bk-mention" data-handle="ana">@ana</span></p>'
 */
export function sanitizeHtml(input: string, isMention: (handle: string) => boolean): Sanitized {
  const html: string[] = [];
  const text: string[] = [];
  const links: string[] = [];
  const mentions = new Set<string>();
  const open: { name: string; emitted: boolean }[] = [];
  let inCode = 0;
  let inLink = 0;

  const addText = (raw: string) => {
    const plain = decodeReferences(raw);
    text.push(plain);
    if (inCode || inLink) {
      html.push(escapeHtml(plain));
      return;
    }
    let last = 0;
    for (const mention of findMentions(plain)) {
      if (!isMention(mention.handle)) continue;
      mentions.add(mention.handle);
      const end = mention.index + mention.length;
      html.push(
        escapeHtml(plain.slice(last, mention.index)),
        `<span class="bk-mention" data-handle="${mention.handle}">${escapeHtml(plain.slice(mention.index, end))}</span>`,
      );
      last = end;
    }
    html.push(escapeHtml(plain.slice(last)));
  };

  const openTag = (name: string, attributes: string) => {
    if (VOID.has(name)) {
      html.push(`<${name} />`);
      return;
    }
    let emitted = true;
    const attrs = parseAttributes(attributes);
    if (name === 'a') {
      const href = attrs && inLink === 0 ? safeHref(attrs.get('href') ?? '') : null;
      emitted = href !== null;
      if (href !== null) {
        const title = attrs?.get('title');
        const decodedTitle = title === undefined ? null : decodeAttribute(title);
        links.push(href);
        html.push(`<a href="${escapeHtml(href)}" rel="${LINK_REL}"${decodedTitle ? ` title="${escapeHtml(decodedTitle)}"` : ''}>`);
      }
      inLink++;
    } else if (name === 'ol') {
      const start = attrs?.get('start');
      html.push(start !== undefined && /^[0-9]{1,9}$/.test(start) ? `<ol start="${start}">` : '<ol>');
    } else if (name === 'code') {
      const language = decodeAttribute(attrs?.get('class') ?? '');
      html.push(language && /^language-[\w-]+$/.test(language) ? `<code class="${language}">` : '<code>');
      inCode++;
    } else {
      html.push(`<${name}>`);
    }
    open.push({ name, emitted });
  };

  const closeTag = (name: string) => {
    const top = open.at(-1);
    if (top?.name !== name) return;
    open.pop();
    if (name === 'a') inLink--;
    if (name === 'code') inCode--;
    if (top.emitted) html.push(`</${name}>`);
  };

  let position = 0;
  while (position < input.length) {
    const lt = input.indexOf('<', position);
    const end = lt < 0 ? input.length : lt;
    if (end > position) addText(input.slice(position, end));
    if (lt < 0) break;
    TAG.lastIndex = lt;
    const tag = TAG.exec(input);
    if (tag === null) {
      addText('&lt;');
      position = lt + 1;
      continue;
    }
    position = TAG.lastIndex;
    const [, slash, name = '', attributes = ''] = tag;
    if (!ALLOWED.has(name)) continue;
    if (SEPARATES.has(name)) text.push(' ');
    if (slash) closeTag(name);
    else openTag(name, attributes);
  }
  for (const element of open.reverse()) if (element.emitted) html.push(`</${element.name}>`);

  return {
    html: html.join(''),
    text: text.join('').replace(/\s+/g, ' ').trim(),
    links,
    mentions: [...mentions],
  };
}

/**
 * The link target if it is an absolute `http:`, `https:` or `mailto:` URL, else null. Takes
 * the attribute value as written in the HTML and decodes its character references first, as a
 * browser would; an unknown reference, whitespace, a control or non-ASCII character (micromark
 * percent-encodes all of these) rejects it. The scheme comes back lower-cased.
 *
 * @example
 * safeHref('HTTPS://x.org/?a=1&amp;b=2'); // 'https://x.org/?a=1&b=2'
 * safeHref('&#106;avascript:alert(1)'); // null
 */
export function safeHref(attribute: string): string | null {
  const value = decodeAttribute(attribute);
  if (value === null || !/^[\x21-\x7E]+$/.test(value)) return null;
  const scheme = SAFE_SCHEME.exec(value)?.[1];
  return scheme === undefined ? null : scheme.toLowerCase() + value.slice(scheme.length);
}

function parseAttributes(source: string): Map<string, string> | null {
  const attrs = new Map<string, string>();
  for (const [, name = '', value = ''] of source.matchAll(ATTRIBUTE)) {
    if (attrs.has(name)) return null;
    attrs.set(name, value);
  }
  return attrs;
}

/** Decodes an attribute value, or null if it has an `&` that is not a reference we know. */
function decodeAttribute(value: string): string | null {
  const decoded = decodeReferences(value);
  return value.replace(REFERENCE, '').includes('&') ? null : decoded;
}

function decodeReferences(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(REFERENCE, (_, name: string | undefined, decimal: string | undefined, hex: string | undefined) => {
    if (name) return NAMED[name] ?? '';
    const code = decimal ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
    return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(code);
  });
}

function escapeHtml(value: string): string {
  return value.replace(SPECIAL, (c) => ESCAPED[c] ?? c);
}
