/**
 * The Markdown parser, with its work bounded: CommonMark (markdown-it, which parses in linear
 * time where micromark needed seconds for 10 kB of hostile input) plus bare-URL autolinks, no
 * raw HTML and no images — and a budget of parser steps proportional to the input, so that no
 * input, however it is built, costs more than a fixed multiple of its length.
 *
 * The parser pays steps as it works: `BLOCK_STEPS` for each block it starts (a paragraph,
 * heading, list item, quote… — a block costs several times what an inline element does: its
 * tokens, its own inline parse), one for each position in a line where inline markup could begin
 * (`*`, `[`, `` ` ``, `<`, `&`, `\`, a line end…), and `LINK_STEPS` for each autolinked URL.
 * Ordinary text costs a step every few dozen characters; a storm of markup (thousands of setext
 * headings, brackets, delimiters or reference definitions) one every character or two. Once the
 * budget is spent, the rest of the input — of the block, and of every block after
 * it — is kept as literal text, so nothing is lost and nothing more is parsed. Containers nest at
 * most `MAX_BLOCK_DEPTH` deep, by the same means.
 */
import MarkdownIt, { type StateBlock, type StateInline, type Token } from 'markdown-it';

export type { Token };

/**
 * The longest Markdown anyone can send: the largest a tenant template may make a richtext field
 * (comments allow 10,000). The step budget and the benchmark are sized for it; the renderer
 * refuses longer input.
 */
export const MARKDOWN_MAX_LENGTH = 50_000;

/** Steps every input may take, however short: more than any real comment needs. */
export const BASE_STEPS = 1_000;
/** Characters per further step: one element of inline markup for every eight characters is very dense. */
export const CHARS_PER_STEP = 8;
/** What starting a block costs. */
export const BLOCK_STEPS = 4;
/** What an autolinked URL costs. */
export const LINK_STEPS = 2;
/** Block nesting (list and quote levels, each counting one or two) beyond which lines stay text. */
export const MAX_BLOCK_DEPTH = 40;

/** The steps a source of `length` characters may take. */
export const stepBudget = (length: number): number => BASE_STEPS + Math.ceil(length / CHARS_PER_STEP);

/** What one parse cost; for tests and the benchmark. */
export interface ParseStats {
  /** Steps taken: at most `stepBudget(length)` plus the cost of the step that found it spent. */
  steps: number;
  budget: number;
  /** Whether the budget ran out and the rest stayed literal text. */
  exhausted: boolean;
  /** The deepest block level reached. */
  depth: number;
}

export interface Parsed {
  tokens: Token[];
  stats: ParseStats;
}

/** The budget of the parse under way (parsing is synchronous, so there is at most one). */
let current: ParseStats | undefined;

function spend(steps: number): boolean {
  const stats = current;
  if (!stats) return true;
  stats.steps += steps;
  if (stats.steps > stats.budget) stats.exhausted = true;
  return !stats.exhausted;
}

const md = new MarkdownIt('commonmark', { html: false, linkify: true, maxNesting: MAX_BLOCK_DEPTH + 20 });
md.enable(['linkify']);
md.disable(['image', 'html_block', 'html_inline']);
// GitHub's rules for bare links: a scheme or `www.`, and e-mail addresses; not bare domains
// (fuzzy links are on for `www.`; the others are dropped below).
md.linkify.set({ fuzzyLink: true, fuzzyEmail: true, fuzzyIP: false });
// Every target is checked by the renderer, which keeps the words of a link it refuses.
md.validateLink = () => true;

// Block guard: runs first at every block start. Over budget or too deep, it takes the rest of
// the container's lines as one literal paragraph.
md.block.ruler.before('table', 'bk_guard', (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
  if (silent) return false;
  if (current) current.depth = Math.max(current.depth, state.level);
  if (state.level < MAX_BLOCK_DEPTH && spend(BLOCK_STEPS)) return false;
  const open = state.push('paragraph_open', 'p', 1);
  open.map = [startLine, endLine];
  const literal = state.push('bk_literal', '', 0);
  literal.content = state.getLines(startLine, endLine, state.blkIndent, false).trim();
  state.push('paragraph_close', 'p', -1);
  state.line = endLine;
  return true;
});

// Inline guard: runs wherever the plain-text rule stops (a character markup may start with).
md.inline.ruler.after('text', 'bk_guard', (state: StateInline, silent: boolean) => {
  if (spend(1)) return false;
  if (!silent) state.pending += state.src.slice(state.pos, state.posMax);
  state.pos = state.posMax;
  return true;
});

// Autolinked URLs are found after inline parsing, so they pay their steps here.
const linkify = md.linkify;
const match = linkify.match.bind(linkify);
linkify.match = (text: string) => {
  const found = match(text);
  if (!found) return found;
  // An empty list leaves the text as it is (markdown-it only calls this after `test` said yes).
  return found.filter((link) => (link.schema !== '' || /^www\./i.test(link.raw)) && spend(LINK_STEPS));
};

/**
 * Parses Markdown into markdown-it tokens within the step budget. The source should be
 * normalised first (normalize.ts) and at most `MARKDOWN_MAX_LENGTH` characters long.
 *
 * @example
 * parseMarkdown('a\n=\n'.repeat(12_500)).stats; // { steps: 7252, budget: 7250, exhausted: true, depth: 0 }
 */
export function parseMarkdown(source: string): Parsed {
  if (source.length > MARKDOWN_MAX_LENGTH) {
    throw new RangeError(`Markdown is limited to ${MARKDOWN_MAX_LENGTH} characters; validate the length before rendering.`);
  }
  const stats: ParseStats = { steps: 0, budget: stepBudget(source.length), exhausted: false, depth: 0 };
  current = stats;
  try {
    return { tokens: md.parse(source, {}), stats };
  } finally {
    current = undefined;
  }
}
