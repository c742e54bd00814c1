/**
 * The text rules as zod schemas: `line()` and `text()` for every field people write and others
 * read. The rules themselves — which characters are refused, what blank is — live in the SDK
 * (`@bridgekit/sdk/text-rules`), which the widgets check with too; this module only builds
 * on them, and every other Worker module takes them from here.
 */
import { TEXT_PROBLEMS, type TextKind, textPattern, textReason } from '@bridgekit/sdk/text-rules';
import { z } from '@hono/zod-openapi';

export {
  cleanLine,
  cleanText,
  isBlank,
  isCleanText,
  NOT_BLANK_PATTERN,
  type TextKind,
  type TextReason,
  textPattern,
  textProblem,
  textReason,
} from '@bridgekit/sdk/text-rules';

const characters = (n: number) => `${n.toLocaleString('en')} character${n === 1 ? '' : 's'}`;

function withTextRules<T extends z.ZodString>(schema: T, what: string, kind: TextKind, required: boolean) {
  return schema
    .superRefine((value, ctx) => {
      const reason = textReason(value, kind);
      // `params.reason` becomes the field issue's reason (errors.ts `zodIssues`).
      if (reason) ctx.addIssue({ code: 'custom', message: `${what} ${TEXT_PROBLEMS[reason]}.`, params: { reason } });
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
