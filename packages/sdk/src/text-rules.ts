/**
 * The rules for free text people write and others read — titles, names, labels, bodies, token
 * claims — in one place, for the Worker (which refuses what breaks them) and the widgets (which
 * check before they send). No other module defines which characters are refused.
 *
 * - Everywhere: C0 controls other than tab, line feed and carriage return; DEL; C1 controls
 *   (U+0080–U+009F, so U+0085 and U+009B too); lone surrogates; and the bidirectional overrides
 *   U+202D and U+202E, which make text read differently from how it is stored ("Trojan Source"
 *   spoofing) and have no use in prose that the embeddings and isolates do not cover.
 * - In a single line (titles, names, labels, identifiers) also: line breaks (LF, CR, U+0085,
 *   U+2028, U+2029), tabs, and every bidirectional control (embeddings U+202A–U+202C, isolates
 *   U+2066–U+2069), which a one-line label never needs and which would spill into what is shown
 *   next to it.
 * - Blank is not text: where a value is required, whitespace alone is refused.
 */
import type { FieldReason } from './reasons.ts';

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BIDI_OVERRIDE = /[\u202D\u202E]/;
const LINE_BREAK = /[\n\r\u0085\u2028\u2029]/;
const TAB = /\t/;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** Where the text goes: one line (a title, a name, a label) or free text (a body, a description). */
export type TextKind = 'line' | 'text';

/** What the text rules refuse, as field-issue reasons (`REASONS`), with the end of a sentence that says it. */
export const TEXT_PROBLEMS = {
  'field.control_characters': 'contains control characters',
  'field.lone_surrogate': 'contains an unpaired surrogate (broken Unicode)',
  'field.bidi_override': 'contains a bidirectional override (U+202D or U+202E)',
  'field.line_break': 'must be a single line',
  'field.tab': 'contains a tab; use spaces',
  'field.bidi_control': 'contains bidirectional control characters',
} as const satisfies Partial<Record<FieldReason, string>>;

/** The reason of a field issue the text rules give. */
export type TextReason = keyof typeof TEXT_PROBLEMS;

/**
 * Which text rule `value` breaks as text of `kind` (a field-issue reason), or null when none.
 *
 * @example
 * textReason('Q3 plan\u202Egnp.exe', 'line'); // 'field.bidi_override'
 */
export function textReason(value: string, kind: TextKind): TextReason | null {
  if (CONTROL.test(value)) return 'field.control_characters';
  if (LONE_SURROGATE.test(value)) return 'field.lone_surrogate';
  if (BIDI_OVERRIDE.test(value)) return 'field.bidi_override';
  if (kind === 'text') return null;
  if (LINE_BREAK.test(value)) return 'field.line_break';
  if (TAB.test(value)) return 'field.tab';
  if (BIDI_CONTROL.test(value)) return 'field.bidi_control';
  return null;
}

/**
 * What is wrong with `value` as text of `kind`, as the end of a sentence without its full stop
 * ("contains control characters"), or null when nothing is.
 *
 * @example
 * textProblem('Q3 plan\u202Egnp.exe', 'line'); // 'contains a bidirectional override (U+202D or U+202E)'
 * textProblem('two\nlines', 'text'); // null
 */
export function textProblem(value: string, kind: TextKind): string | null {
  const reason = textReason(value, kind);
  return reason && TEXT_PROBLEMS[reason];
}

/** True when `value` is acceptable text of `kind` (see `textProblem`). */
export const isCleanText = (value: string, kind: TextKind): boolean => textReason(value, kind) === null;

/**
 * True when `value` is empty or white space only (what a required text refuses): the white space
 * of `trim()` is that of `\s`, so this and `NOT_BLANK_PATTERN` agree (the SDK's tests check).
 */
export const isBlank = (value: string): boolean => value.trim() === '';

/**
 * Free text with what the text rules refuse taken out rather than refused (for Markdown sources,
 * which keep whatever else was pasted): controls and bidirectional overrides removed, unpaired
 * surrogates replaced by U+FFFD. Line breaks and tabs stay.
 *
 * @example
 * cleanText('a\u0000b\u202Ec\uD800'); // 'abc\uFFFD'
 */
export function cleanText(value: string): string {
  return value.replace(all(CONTROL), '').replace(all(BIDI_OVERRIDE), '').replace(all(LONE_SURROGATE), '\uFFFD');
}

/**
 * One line made of any text (a page's title): what the line rules refuse becomes a space,
 * unpaired surrogates U+FFFD, and the ends are trimmed.
 *
 * @example
 * cleanLine(' Q3\tplan\u2067 \n'); // 'Q3 plan'
 */
export function cleanLine(value: string): string {
  let line = value;
  for (const refused of [CONTROL, LINE_BREAK, TAB, BIDI_CONTROL]) line = line.replace(all(refused), ' ');
  return line.replace(all(LONE_SURROGATE), '\uFFFD').trim();
}

// Built when used, never at load: module-level calls would keep these rules in every bundle that
// imports anything from the SDK (bundlers cannot prove a call free of side effects).
const all = (re: RegExp) => new RegExp(re.source, 'g');
const classBody = (re: RegExp) => re.source.replace(/^\[|\]$/g, '');
/** The characters text of `kind` refuses, as the inside of a character class. */
const refused = (kind: TextKind): string =>
  kind === 'text'
    ? classBody(CONTROL) + classBody(BIDI_OVERRIDE)
    : classBody(CONTROL) + classBody(LINE_BREAK) + classBody(TAB) + classBody(BIDI_CONTROL);

/** Not blank, as a JSON Schema `pattern` (unanchored: somewhere a character that is not white space). */
export const NOT_BLANK_PATTERN = '\\S';

/**
 * The text rules as a JSON Schema `pattern` (the Worker's `/v1/openapi.json`): none of the
 * characters text of `kind` refuses and, where a value is `required`, not blank. (Unpaired
 * surrogates are refused too; a pattern cannot say so portably.)
 *
 * @example
 * new RegExp(textPattern('line', true), 'u').test('   '); // false
 */
export function textPattern(kind: TextKind, required: boolean): string {
  return `^${required ? '(?=[\\s\\S]*\\S)' : ''}[^${refused(kind)}]*$`;
}

/** A handle as people type it (`@amara.okafor `) without the space and the `@`. */
export const bareHandle = (text: string): string => text.trim().replace(/^@/, '');

/** What handles are matched by: bare and lowercase (handles are unique regardless of case). */
export const handleKey = (text: string): string => bareHandle(text).toLowerCase();
