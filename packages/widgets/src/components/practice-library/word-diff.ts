/**
 * Word-level changes between two texts as a reader sees them: a plain text, or the server's
 * rendered (sanitised) HTML of a rich text. The words of each side are compared as they read —
 * a word with its inline formatting (`strong`, `em`, `code`, a link) — and each side's own DOM is
 * marked in place: deleted words in `<del>` on the before side, inserted words in `<ins>` on the
 * after side, each run opened and closed by a visually hidden cue for screen readers. Only text
 * nodes are split, so the structure (paragraphs, lists) stays the card's.
 *
 * The comparison is a longest common subsequence of words after the common beginning and end
 * are cut off, so a small edit in a long text costs little. The part left is compared word by
 * word only up to `MAX_CELLS` pairs (e.g. 700 × 700 words): beyond that, all of it is marked as
 * replaced, which keeps the worst case (two unrelated long texts) to linear time and bounded memory.
 */
import { openOutside } from '../../shared/user-links.ts';

/** The most word pairs compared one by one (a `Uint32Array` of this many cells: 2 MB). */
export const MAX_CELLS = 500_000;

const INLINE = new Set(['STRONG', 'EM', 'B', 'I', 'S', 'CODE', 'A']);

interface Word {
  node: Text;
  start: number;
  end: number;
  /** The word with its inline formatting: bold "x" is not the same word as plain "x". */
  key: string;
}

/** What a screen reader hears around a run of changed words. */
export interface DiffCues {
  deletedStart: string;
  deletedEnd: string;
  insertedStart: string;
  insertedEnd: string;
}

/** The two sides of one change, marked; each is a `<span>` or, for rendered HTML, a `<div class="richtext">`. */
export interface MarkedPair {
  before: HTMLElement;
  after: HTMLElement;
}

/**
 * The words of `before` and `after` that changed, marked.
 *
 * @example
 * const { before, after } = diffText('saves EUR 180,000 a year', 'saves EUR 190,000 a year', cues);
 * before.querySelectorAll('del').length; // 1 ("180,000")
 * after.querySelector('ins')?.textContent; // "insertion start 190,000 insertion end" (the cues are visually hidden)
 */
export function diffText(before: string, after: string, cues: DiffCues): MarkedPair {
  const side = (text: string) => {
    const span = document.createElement('span');
    span.textContent = text;
    return span;
  };
  return mark(side(before), side(after), cues);
}

/**
 * Rendered rich texts (the server's sanitised HTML), marked; links open outside the widget as
 * they do on the card.
 *
 * @example
 * diffHtml('<p>costs <strong>EUR 1</strong></p>', '<p>costs <strong>EUR 2</strong></p>', cues).after.innerHTML;
 * // '<p>costs <strong>EUR <ins>…2…</ins></strong></p>'
 */
export function diffHtml(before: string, after: string, cues: DiffCues): MarkedPair {
  const side = (source: string) => {
    // A template's content is inert: parsing it runs nothing and loads nothing.
    const template = document.createElement('template');
    template.innerHTML = source;
    for (const link of template.content.querySelectorAll('a')) openOutside(link);
    const div = document.createElement('div');
    div.className = 'richtext';
    div.append(template.content);
    return div;
  };
  return mark(side(before), side(after), cues);
}

function mark(before: HTMLElement, after: HTMLElement, cues: DiffCues): MarkedPair {
  const a = wordsOf(before);
  const b = wordsOf(after);
  const [deleted, inserted] = changedWords(
    a.map((w) => w.key),
    b.map((w) => w.key),
  );
  wrap(a, deleted, 'del', cues.deletedStart, cues.deletedEnd);
  wrap(b, inserted, 'ins', cues.insertedStart, cues.insertedEnd);
  return { before, after };
}

function wordsOf(root: HTMLElement): Word[] {
  const words: Word[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    let format = '';
    for (let el = node.parentElement; el && el !== root; el = el.parentElement) if (INLINE.has(el.tagName)) format += `${el.tagName} `;
    for (const match of node.data.matchAll(/\S+/g)) {
      words.push({ node, start: match.index, end: match.index + match[0].length, key: `${format}\u0000${match[0]}` });
    }
  }
  return words;
}

/**
 * Which items of `a` are not in the longest common subsequence with `b`, and which of `b` are not.
 *
 * @example
 * changedWords(['a', 'b', 'c'], ['a', 'x', 'c']); // [[false, true, false], [false, true, false]]
 */
export function changedWords(a: readonly string[], b: readonly string[]): [boolean[], boolean[]] {
  const outA = new Array<boolean>(a.length).fill(false);
  const outB = new Array<boolean>(b.length).fill(false);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const n = a.length - head - tail;
  const m = b.length - head - tail;
  if (n === 0 || m === 0 || n * m > MAX_CELLS) {
    outA.fill(true, head, head + n);
    outB.fill(true, head, head + m);
    return [outA, outB];
  }
  // lengths[i * (m + 1) + j]: the LCS length of the middles of a from i and b from j.
  const lengths = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => lengths[i * (m + 1) + j] as number;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * (m + 1) + j] = a[head + i] === b[head + j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[head + i] === b[head + j]) {
      i++;
      j++;
    } else if (j < m && (i === n || at(i, j + 1) >= at(i + 1, j))) {
      outB[head + j++] = true;
    } else {
      outA[head + i++] = true;
    }
  }
  return [outA, outB];
}

/** Wraps each run of changed words of one text node in `tag`; a cue opens and closes each run of the whole text. */
function wrap(words: readonly Word[], changed: readonly boolean[], tag: 'del' | 'ins', start: string, end: string): void {
  const cue = (text: string) => {
    const span = document.createElement('span');
    span.className = 'visually-hidden';
    span.textContent = text;
    return span;
  };
  // Text nodes from the last, so that the words' offsets in a node hold while it is split.
  let k = words.length - 1;
  while (k >= 0) {
    const node = (words[k] as Word).node;
    let first = k;
    while (first > 0 && (words[first - 1] as Word).node === node) first--;
    const parts: Node[] = [];
    let offset = 0;
    for (let w = first; w <= k; w++) {
      if (!changed[w]) continue;
      let last = w;
      while (last < k && changed[last + 1]) last++;
      const from = (words[w] as Word).start;
      const to = (words[last] as Word).end;
      const run = document.createElement(tag);
      if (!changed[w - 1]) run.append(cue(`${start} `));
      run.append(node.data.slice(from, to));
      if (!changed[last + 1]) run.append(cue(` ${end}`));
      parts.push(document.createTextNode(node.data.slice(offset, from)), run);
      offset = to;
      w = last;
    }
    if (parts.length > 0) node.replaceWith(...parts, node.data.slice(offset));
    k = first - 1;
  }
}
