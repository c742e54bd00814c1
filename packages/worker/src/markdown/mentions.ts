/** `@handle` mentions in plain text: what counts as one, and where it may start and end. */

/** A member handle, lower case: 1–40 of `a-z 0-9 . _ -`, starting and ending with a letter or digit. */
export const HANDLE = /^[a-z0-9](?:[a-z0-9._-]{0,38}[a-z0-9])?$/;

// Not after a letter, digit or URL/e-mail character (`a@b`, `x.com/@b`), and the run of handle
// characters is taken whole, so a handle too long or followed by a letter is not cut short.
const MENTION = /(?<![\p{L}\p{N}\p{M}_.%+\-@/])@([A-Za-z0-9._-]+)/gu;
const BLOCKS_END = /^[\p{L}\p{N}\p{M}@]/u;

/** One mention in a text: the `@` is at `index`; `length` covers `@` and the handle as written. */
export interface MentionMatch {
  index: number;
  length: number;
  /** Lower-cased. */
  handle: string;
}

/**
 * The `@handle`s in a run of plain text, in order. Trailing `.`, `_` and `-` belong to the
 * sentence, not the handle (`@ana.` mentions `ana`); `@Ana` mentions `ana`.
 *
 * @example
 * findMentions('hi @Ana. mail ana@x.org'); // [{ index: 3, length: 4, handle: 'ana' }]
 */
export function findMentions(text: string): MentionMatch[] {
  const found: MentionMatch[] = [];
  for (const match of text.matchAll(MENTION)) {
    const run = match[1] ?? '';
    if (BLOCKS_END.test(text.slice(match.index + match[0].length, match.index + match[0].length + 2))) continue;
    const written = run.replace(/[._-]+$/, '');
    const handle = written.toLowerCase();
    if (HANDLE.test(handle)) found.push({ index: match.index, length: written.length + 1, handle });
  }
  return found;
}
