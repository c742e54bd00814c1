/**
 * Finds listed words and phrases in user text (comments, ideas, cards), for the banned-words and suspect-words phases.
 *
 * Text and list are both folded by `foldText` (compatibility forms, case, accents, invisible
 * characters), then entries match as whole words: "class" is not found in "classic", and the
 * spaces of a phrase match any run of spaces, hyphens or underscores ("free money" is found in
 * "FREE   money!" and "free-money"). A word is a run of letters, marks and digits; entries that
 * are made of such words are looked up in a hash map word by word, so a list of a thousand
 * costs no more than a list of ten. The few entries with other characters ("c++", "don't")
 * become one regular expression with the same whole-word rule.
 *
 * Spelled-out words ("f.u.c.k", "f u c k", "f-u-c-k", "f_u_c_k") are found by a second look at
 * the text in which each run of three or more single letters, joined by one and the same
 * single separator, is closed up into a word. Only whole runs are closed up, so a listed "ass"
 * is not found in "c l a s s", and one-letter words next to a run ("a f u c k") keep it from
 * being recognised — the price of never joining ordinary words ("an al" never becomes "anal").
 * Digits are never joined, so dates and versions stay as they are.
 *
 * Not handled: look-alike letters from other scripts (Cyrillic "а" for Latin "a"), digits or
 * symbols for letters ("sh1t", "f*ck"), stretched letters ("fuuuck"). Moderators list such
 * variants themselves.
 */

const DIACRITICS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/gu;
// Format characters (zero-width spaces and joiners, soft hyphen, BOM, bidi controls, …) and variation selectors.
const INVISIBLE = /[\p{Cf}\p{Variation_Selector}]/gu;
const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';
const WORDS = new RegExp(`${WORD_CHAR}+`, 'gu');
const ONE_WORD = new RegExp(`^${WORD_CHAR}+$`, 'u');
const GAP = '[\\s_\\-]+';
const GAPS = new RegExp(GAP, 'gu');
const ONLY_GAP = new RegExp(`^${GAP}$`, 'u');
const SPELLED_OUT = new RegExp(`(?<!${WORD_CHAR})\\p{L}([._\\-\\s])\\p{L}(?:\\1\\p{L})+(?!${WORD_CHAR})`, 'gu');
const REGEX_SYNTAX = /[.*+?^${}()|[\]\\/]/g;

/**
 * Folds text for comparison: compatibility forms (fullwidth and styled letters) to plain ones,
 * lower case (with ß as ss and ς as σ), combining accents and invisible characters removed,
 * typographic apostrophes as `'`.
 *
 * @example
 * foldText('Ｆück\u200Bing'); // 'fucking'
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(DIACRITICS, '')
    .replace(INVISIBLE, '')
    .replace(/ß/g, 'ss')
    .replace(/ς/g, 'σ')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .normalize('NFC');
}

interface CompiledList {
  /** Listed entries by their folded form, with one space between the words of a phrase. */
  entries: Map<string, string>;
  /** Every beginning of a listed phrase, a word short of the whole (where to keep reading). */
  beginnings: Set<string>;
  /** The entries with characters other than letters, marks and digits, if any. */
  others: RegExp | null;
}

interface Match {
  entry: string;
  index: number;
  length: number;
}

const compiled = new WeakMap<readonly string[], CompiledList>();

function compile(words: readonly string[]): CompiledList {
  const entries = new Map<string, string>();
  const beginnings = new Set<string>();
  const others: string[] = [];
  for (const word of words) {
    const entry = word.trim();
    const parts = foldText(entry).split(GAPS).filter(Boolean);
    const key = parts.join(' ');
    if (parts.length === 0 || entries.has(key)) continue;
    entries.set(key, entry);
    if (parts.every((part) => ONE_WORD.test(part))) {
      for (let n = 1; n < parts.length; n++) beginnings.add(parts.slice(0, n).join(' '));
    } else {
      others.push(parts.map((part) => part.replace(REGEX_SYNTAX, '\\$&')).join(GAP));
    }
  }
  // Longest first, so that where two entries start at the same place the longer is reported.
  others.sort((a, b) => b.length - a.length);
  const pattern = others.length ? new RegExp(`(?<!${WORD_CHAR})(?:${others.join('|')})(?!${WORD_CHAR})`, 'u') : null;
  return { entries, beginnings, others: pattern };
}

function compiledList(words: readonly string[]): CompiledList {
  let list = compiled.get(words);
  if (!list) {
    list = compile(words);
    compiled.set(words, list);
  }
  return list;
}

function firstWordMatch(list: CompiledList, text: string): Match | null {
  const words = [...text.matchAll(WORDS)];
  for (const [i, first] of words.entries()) {
    let key = first[0];
    let end = first.index + key.length;
    let found = list.entries.get(key);
    let foundEnd = end;
    for (let j = i + 1; list.beginnings.has(key); j++) {
      const next = words[j];
      if (!next || !ONLY_GAP.test(text.slice(end, next.index))) break;
      key += ` ${next[0]}`;
      end = next.index + next[0].length;
      const entry = list.entries.get(key);
      if (entry !== undefined) {
        found = entry;
        foundEnd = end;
      }
    }
    if (found !== undefined) return { entry: found, index: first.index, length: foundEnd - first.index };
  }
  return null;
}

function firstOtherMatch(list: CompiledList, text: string): Match | null {
  const match = list.others?.exec(text);
  const entry = match ? list.entries.get(match[0].replace(GAPS, ' ')) : undefined;
  return match && entry !== undefined ? { entry, index: match.index, length: match[0].length } : null;
}

function firstMatch(list: CompiledList, text: string): string | null {
  const word = firstWordMatch(list, text);
  const other = firstOtherMatch(list, text);
  if (!word || !other) return (word ?? other)?.entry ?? null;
  const wordFirst = word.index < other.index || (word.index === other.index && word.length >= other.length);
  return (wordFirst ? word : other).entry;
}

/**
 * The first listed word or phrase found in `text` (as written in the list, trimmed), or `null`.
 * "First" is by position in the text, the longer entry where two start together; spelled-out
 * words are looked for only when nothing else is found. Compiled lists are cached per array,
 * so pass the same array to reuse the work.
 *
 * @example
 * findListedWord('Get FREE   money!', ['free', 'free money']); // 'free money'
 * findListedWord('a classic', ['class']); // null
 * findListedWord('what the f.u.c.k', ['fuck']); // 'fuck'
 */
export function findListedWord(text: string, words: readonly string[]): string | null {
  if (words.length === 0) return null;
  const list = compiledList(words);
  if (list.entries.size === 0) return null;
  const folded = foldText(text);
  const found = firstMatch(list, folded);
  if (found !== null) return found;
  const closedUp = folded.replace(SPELLED_OUT, (run: string, separator: string) => run.split(separator).join(''));
  return closedUp === folded ? null : firstMatch(list, closedUp);
}
