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

/**
 * What is wrong with `value` as text of `kind`, as the end of a sentence without its full stop
 * ("contains control characters"), or null when nothing is.
 *
 * @example
 * textProblem('Q3 plan\u202Egnp.exe', 'line'); // 'contains a bidirectional override (U+202D or U+202E)'
 * textProblem('two\nlines', 'text'); // null
 */
export function textProblem(value: string, kind: TextKind): string | null {
  if (CONTROL.test(value)) return 'contains control characters';
  if (LONE_SURROGATE.test(value)) return 'contains an unpaired surrogate (broken Unicode)';
  if (BIDI_OVERRIDE.test(value)) return 'contains a bidirectional override (U+202D or U+202E)';
  if (kind === 'text') return null;
  if (LINE_BREAK.test(value)) return 'must be a single line';
  if (TAB.test(value)) return 'contains a tab; use spaces';
  if (BIDI_CONTROL.test(value)) return 'contains bidirectional control characters';
  return null;
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

function withTextRules<T extends z.ZodString>(schema: T, what: string, kind: TextKind) {
  return schema.superRefine((value, ctx) => {
    const problem = textProblem(value, kind);
    if (problem) ctx.addIssue({ code: 'custom', message: `${what} ${problem}.` });
  });
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
  );
}
