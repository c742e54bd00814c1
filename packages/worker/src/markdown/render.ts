/**
 * Safe server-side Markdown for discussion comments: CommonMark (emphasis, lists, links, code,
 * quotes, headings) plus bare-URL autolinks, `@handle` mentions of known members, and no raw
 * HTML or images. Links go only to http:, https: and mailto: targets and carry
 * `rel="nofollow ugc noopener"`.
 *
 * micromark escapes raw HTML and clears unsafe link targets; `sanitize.ts` then rebuilds its
 * output from an allow-list, so safety does not rest on micromark's defaults alone. Rendering is
 * super-linear on some hostile input; `normalize.ts` defuses the worst cases, but callers must
 * still bound the source length (the API allows 10,000 characters).
 */
import { micromark } from 'micromark';
import { gfmAutolinkLiteral, gfmAutolinkLiteralHtml } from 'micromark-extension-gfm-autolink-literal';
import { hasTooManyEmphasisRuns, limitNesting, normalizeSource } from './normalize.ts';
import { type Sanitized, sanitizeHtml } from './sanitize.ts';

/** A rendered comment. */
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

const gfmAutolinks = gfmAutolinkLiteral();
const gfmAutolinksHtml = gfmAutolinkLiteralHtml();

/**
 * Renders a comment's Markdown source to safe HTML, with its plain text, links and mentions.
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
  return render(source, (handle) => known?.has(handle) === true);
}

/**
 * The handles the source appears to @mention (outside code and links, not in e-mail
 * addresses), lower case, each once, at most `MAX_MENTION_CANDIDATES`: the ones to look up
 * before `renderMarkdown`. Costs about one render.
 *
 * @example
 * mentionCandidates('@Ana and @bob, not `@carol` or dan@x.org'); // ['ana', 'bob']
 */
export function mentionCandidates(source: string): string[] {
  if (!source.includes('@')) return [];
  return render(source, () => true).mentions.slice(0, MAX_MENTION_CANDIDATES);
}

function render(source: string, isMention: (handle: string) => boolean): Sanitized {
  const normalized = limitNesting(normalizeSource(source));
  const disabled = ['labelStartImage'];
  if (hasTooManyEmphasisRuns(normalized)) disabled.push('attention');
  const html = micromark(normalized, {
    extensions: [gfmAutolinks, { disable: { null: disabled } }],
    htmlExtensions: [gfmAutolinksHtml],
  });
  return sanitizeHtml(html, isMention);
}
