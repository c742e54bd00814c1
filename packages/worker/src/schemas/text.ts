/**
 * The rules for free text people write and others read — titles, names, labels, bodies, token
 * claims — in one place. Every schema and validator that takes such text imports these; no other
 * module defines which characters are refused.
 *
 * - Everywhere: C0 controls other than tab, line feed and carriage return; DEL; C1 controls
 *   (U+0080–U+009F); lone surrogates; and the bidirectional overrides U+202D and U+202E, which
 *   make text read differently from how it is stored ("Trojan Source" spoofing) and have no use
 *   in prose that the embeddings and isolates do not cover.
 * - In a single line (titles, names, labels, identifiers) also: line breaks (LF, CR, U+0085,
 *   U+2028, U+2029), tabs, and every bidirectional control (embeddings U+202A–U+202C, isolates
 *   U+2066–U+2069), which a one-line label never needs and which would spill into what is shown
 *   next to it.
 * - Blank is not text: where a value is required, whitespace alone is refused.
 */
import type { FieldReason } from '@bridgekit/sdk';
import { z } from '@hono/zod-openapi';

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BIDI_OVERRIDE = /[\u202D\u202E]/;
const LINE_BREAK = /[\n\r\u0085\u2028\u2029]/;
const TAB = /\t/;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** Where the text goes: one line (a title, a name, a label) or free text (a body, a description). */
export type TextKind = 'line' | 'text';

/** What the text rules refuse, as field-issue reasons (the SDK's `REASONS`), with the end of a sentence that says it. */
const PROBLEMS = {
  'field.control_characters': 'contains control characters',
  'field.lone_surrogate': 'contains an unpaired surrogate (broken Unicode)',
  'field.bidi_override': 'contains a bidirectional override (U+202D or U+202E)',
  'field.line_break': 'must be a single line',
  'field.tab': 'contains a tab; use spaces',
  'field.bidi_control': 'contains bidirectional control characters',
} as const satisfies Partial<Record<FieldReason, string>>;

/** The reason of a field issue the text rules give. */
export type TextReason = keyof typeof PROBLEMS;

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
  return reason && PROBLEMS[reason];
}

/**
 * Free text with what the text rules refuse taken out rather than refused (for Markdown sources,
 * which keep whatever else was pasted): controls and bidirectional overrides removed, unpaired
 * surrogates replaced by U+FFFD. Line breaks and tabs stay.
 *
 * @example
 * cleanText('a\u0000b\u202Ec\uD800'); // 'abc\uFFFD'
 */
export function cleanText(value: string): string {
  return value.replace(CONTROLS, '').replace(BIDI_OVERRIDES, '').replace(LONE_SURROGATES, '\uFFFD');
}
const CONTROLS = new RegExp(CONTROL.source, 'g');
const BIDI_OVERRIDES = new RegExp(BIDI_OVERRIDE.source, 'g');
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/** True when `value` is acceptable text of `kind` (see `textProblem`). */
export const isCleanText = (value: string, kind: TextKind): boolean => textProblem(value, kind) === null;

const characters = (n: number) => `${n.toLocaleString('en')} character${n === 1 ? '' : 's'}`;

const classBody = (re: RegExp) => re.source.replace(/^\[|\]$/g, '');
const REFUSED: Record<TextKind, string> = {
  text: classBody(CONTROL) + classBody(BIDI_OVERRIDE),
  line: classBody(CONTROL) + classBody(LINE_BREAK) + classBody(TAB) + classBody(BIDI_CONTROL),
};

/** Not blank, as a JSON Schema `pattern` (unanchored: somewhere a character that is not white space). */
export const NOT_BLANK_PATTERN = '\\S';

/**
 * The text rules as a JSON Schema `pattern`, for `/v1/openapi.json`: none of the characters text
 * of `kind` refuses and, where a value is `required`, not blank. (Unpaired surrogates are refused
 * too; a pattern cannot say so portably, docs/api.md does.)
 *
 * @example
 * new RegExp(textPattern('line', true), 'u').test('   '); // false
 */
export function textPattern(kind: TextKind, required: boolean): string {
  return `^${required ? '(?=[\\s\\S]*\\S)' : ''}[^${REFUSED[kind]}]*$`;
}

function withTextRules<T extends z.ZodString>(schema: T, what: string, kind: TextKind, required: boolean) {
  return schema
    .superRefine((value, ctx) => {
      const reason = textReason(value, kind);
      // `params.reason` becomes the field issue's reason (errors.ts `zodIssues`).
      if (reason) ctx.addIssue({ code: 'custom', message: `${what} ${PROBLEMS[reason]}.`, params: { reason } });
    })
    .openapi({ pattern: textPattern(kind, required) });
}

/**
 * A required line of text: trimmed, `min` to `max` characters, not blank, under the line rules.
 * `what` names it in messages, capitalised ("The title").
 *
 * @example
 * const TitleSchema = line('The title', { min: 8, max: 120 });
 */
export function line(what: string, { min = 1, max }: { min?: number; max: number }) {
  return withTextRules(
    z
      .string()
      .trim()
      .min(min, min === 1 ? `${what} cannot be empty.` : `${what} needs at least ${characters(min)}.`)
      .max(max, `${what} can have at most ${characters(max)}.`),
    what,
    'line',
    true,
  );
}

/**
 * Free text (several lines allowed): trimmed, at most `max` characters, under the text rules;
 * with `min`, not blank.
 *
 * @example
 * const DescriptionSchema = text('The description', { max: 5000 }).default('');
 */
export function text(what: string, { min = 0, max }: { min?: number; max: number }) {
  const base = z
    .string()
    .trim()
    .max(max, `${what} can have at most ${characters(max)}.`);
  return withTextRules(
    min > 0 ? base.min(min, min === 1 ? `${what} cannot be empty.` : `${what} needs at least ${characters(min)}.`) : base,
    what,
    'text',
    min > 0,
  );
}
