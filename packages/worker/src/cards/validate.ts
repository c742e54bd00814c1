/**
 * Checks a card's field values against its template, the one place they are checked on the
 * server. Every problem is reported at once (up to `FIELD_LIMITS.errors`), each with the path of
 * the value (`body.fields.options.1.cost.amount`) and a message that names the field as the
 * form shows it ("Options › 2 › Cost: the amount must be a number.").
 *
 * Blank values (null, an empty or all-space string, an empty list, a group with nothing filled
 * in) count as absent: optional fields are then left out of the result, required ones are
 * reported. Text is trimmed; Markdown source is kept exactly as written.
 */

import type {
  CardTemplate,
  FieldDef,
  FieldIssue,
  FieldReason,
  FieldType,
  FieldValue,
  LinkKind,
  LinkValue,
  PersonValue,
  ReasonParams,
} from '@bridgekit/sdk';
import { isBlank as isBlankText, textProblem, textReason } from '../schemas/text.ts';
import { fieldLocation, itemLocation, type Location, ROOT } from './location.ts';

export { validateTemplateDefinition } from './template-definition.ts';
export { TemplateInputSchema } from './template-schema.ts';

export const FIELD_LIMITS = {
  text: 2_000,
  multilineText: 10_000,
  richtext: 20_000,
  listItems: 100,
  personName: 120,
  email: 254,
  linkId: 64,
  /** Keeps amounts exact to the cent as JavaScript numbers. */
  money: 999_999_999_999.99,
  errors: 100,
} as const;

export const HANDLE_PATTERN = /^[a-z0-9](?:[a-z0-9._-]{0,38}[a-z0-9])?$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const CURRENCY_PATTERN = /^[A-Z]{3}$/;
const LINK_ID_PATTERN = /^[A-Za-z0-9._:-]+$/;

export interface ValidFields {
  ok: true;
  /** The values to store: trimmed, blanks left out, keys in template order. */
  fields: Record<string, FieldValue>;
  /** Every link, by its path (`strategicAlignment.0`), for the store to check and index. */
  links: { path: string; link: LinkValue }[];
  /** Every person named by handle, by its path. */
  people: { path: string; handle: string }[];
  /** Every Markdown value, by its path, for rendering. */
  richtext: { path: string; source: string }[];
}

export type ValidationResult = ValidFields | { ok: false; errors: FieldIssue[] };

/** Returned for a value that is blank, so the caller decides whether that is allowed. */
const BLANK = Symbol('blank');
/** Returned for a value that has errors (already reported). */
const INVALID = Symbol('invalid');
type Outcome = FieldValue | typeof BLANK | typeof INVALID;

type PlainObject = Record<string, unknown>;
/** A problem with one part of a value: the part's key and the message. */
type Problem = [part: string, message: string];

const isPlainObject = (value: unknown): value is PlainObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const own = (object: PlainObject, key: string): unknown => (Object.hasOwn(object, key) ? object[key] : undefined);
const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && isBlankText(value));
/** Blank, an empty list, or an object of nothing but empty values. */
const isEmptyValue = (value: unknown): boolean =>
  isBlank(value) || (Array.isArray(value) && value.length === 0) || (isPlainObject(value) && Object.values(value).every(isEmptyValue));
const count = (n: number) => n.toLocaleString('en');

export function validateFields(template: CardTemplate, input: unknown): ValidationResult {
  const walk = new Walk();
  if (!isPlainObject(input)) {
    return {
      ok: false,
      errors: [
        {
          path: 'body.fields',
          message: `Fields must be an object whose keys are the fields of the ${template.name} template.`,
          reason: 'field.invalid',
          params: {},
        },
      ],
    };
  }
  const fields = walk.record(template.fields, input, ROOT, `the ${template.name} template`);
  if (walk.errors.length > 0 || fields === INVALID) return { ok: false, errors: walk.errors };
  return {
    ok: true,
    fields: fields === BLANK ? {} : (fields as Record<string, FieldValue>),
    links: walk.links,
    people: walk.people,
    richtext: walk.richtext,
  };
}

class Walk {
  readonly errors: FieldIssue[] = [];
  readonly links: ValidFields['links'] = [];
  readonly people: ValidFields['people'] = [];
  readonly richtext: ValidFields['richtext'] = [];

  private get full() {
    return this.errors.length >= FIELD_LIMITS.errors;
  }

  /**
   * Reports a problem with the value at `at` (or at one of its parts, `at.path` + `.part`); the
   * reason and params say it for translations, the message in English with the field's label.
   */
  private fail(
    at: Location,
    problem: string,
    part?: string,
    reason: FieldReason = 'field.invalid',
    params: ReasonParams = {},
  ): typeof INVALID {
    if (!this.full) {
      const path = part === undefined ? at.path : at.path === '' ? part : `${at.path}.${part}`;
      this.errors.push({ path: path === '' ? 'body.fields' : `body.fields.${path}`, message: `${at.label}: ${problem}`, reason, params });
    }
    return INVALID;
  }

  /** The sub-fields of a record (or the template's top-level fields when `at` is the root). */
  record(defs: readonly FieldDef[], input: PlainObject, at: Location, owner: string): Outcome {
    const known = new Set(defs.map((def) => def.key));
    let invalid = false;
    for (const key of Object.keys(input)) {
      if (known.has(key)) continue;
      invalid = true;
      if (this.full) break;
      const path = at.path === '' ? key : `${at.path}.${key}`;
      const where = at.label === '' ? '' : `${at.label}: `;
      this.errors.push({
        path: `body.fields.${path}`,
        message: `${where}“${key.slice(0, 40)}” is not a field of ${owner}. Its fields are: ${[...known].join(', ')}.`,
        reason: 'field.unknown_keys',
        params: { keys: key.slice(0, 40) },
      });
    }
    const output: Record<string, FieldValue> = {};
    for (const def of defs) {
      const here = fieldLocation(at, def.key, def.label);
      const outcome = this.value(def, own(input, def.key), here);
      if (outcome === INVALID) invalid = true;
      else if (outcome === BLANK) {
        if (def.required) {
          this.fail(here, 'this field is required.', undefined, 'field.required');
          invalid = true;
        }
      } else output[def.key] = outcome;
    }
    if (invalid) return INVALID;
    return Object.keys(output).length === 0 ? BLANK : output;
  }

  private value(type: FieldType, input: unknown, at: Location): Outcome {
    if (this.full) return INVALID;
    if (isBlank(input)) return BLANK;
    switch (type.type) {
      case 'text':
        return this.text(type, input, at);
      case 'richtext':
        return this.markdown(type, input, at);
      case 'enum':
        return this.choice(type, input, at);
      case 'person':
        return this.person(input, at);
      case 'date':
        return this.date(input, at);
      case 'number':
        return this.number(type, input, at);
      case 'money':
        return this.money(input, at);
      case 'link':
        return this.link(type.to, input, at);
      case 'list':
        return this.list(type, input, at);
      case 'record':
        if (!isPlainObject(input))
          return this.fail(at, `must be a group of values (an object with ${type.fields.map((f) => f.key).join(', ')}).`);
        // A group with nothing filled in is absent: its required parts only count once it is started.
        if (Object.values(input).every(isEmptyValue)) return BLANK;
        return this.record(type.fields, input, at, at.label);
    }
  }

  private text(type: Extract<FieldType, { type: 'text' }>, input: unknown, at: Location): Outcome {
    if (typeof input !== 'string') return this.fail(at, 'must be text.');
    const text = input.trim();
    const max = type.maxLength ?? (type.multiline ? FIELD_LIMITS.multilineText : FIELD_LIMITS.text);
    if (text.length > max) {
      return this.fail(at, `can have at most ${count(max)} characters (it has ${count(text.length)}).`, undefined, 'field.too_long', {
        count: max,
      });
    }
    const kind = type.multiline ? 'text' : 'line';
    const reason = textReason(text, kind);
    if (reason) return this.fail(at, `${textProblem(text, kind)}.`, undefined, reason);
    return text;
  }

  private markdown(type: Extract<FieldType, { type: 'richtext' }>, input: unknown, at: Location): Outcome {
    if (typeof input !== 'string') return this.fail(at, 'must be text (Markdown).');
    const max = type.maxLength ?? FIELD_LIMITS.richtext;
    if (input.length > max) {
      return this.fail(at, `can have at most ${count(max)} characters (it has ${count(input.length)}).`, undefined, 'field.too_long', {
        count: max,
      });
    }
    this.richtext.push({ path: at.path, source: input });
    return input;
  }

  private choice(type: Extract<FieldType, { type: 'enum' }>, input: unknown, at: Location): Outcome {
    if (typeof input === 'string' && type.options.some((option) => option.value === input)) return input;
    const choices = type.options.map((option) => `${option.value} (${option.label})`).join(', ');
    const given = typeof input === 'string' ? `“${input.slice(0, 60)}”` : 'a value of another kind';
    const values = type.options.map((option) => option.value).join(', ');
    return this.fail(at, `must be one of ${choices}; got ${given}.`, undefined, 'field.invalid_value', { values });
  }

  private person(input: unknown, at: Location): Outcome {
    if (!isPlainObject(input)) return this.fail(at, 'must be a person: an object with a name, and optionally a handle and an email.');
    const problems = unknownParts(input, ['name', 'handle', 'email']);
    const { name, handle, email } = input;
    if (isBlank(name) && isBlank(handle) && isBlank(email)) return problems.length > 0 ? INVALID : BLANK;
    const trimmedName = typeof name === 'string' ? name.trim() : '';
    if (trimmedName === '') problems.push(['name', 'the name is required.']);
    else if (trimmedName.length > FIELD_LIMITS.personName) {
      problems.push(['name', `the name can have at most ${FIELD_LIMITS.personName} characters.`]);
    } else {
      const problem = textProblem(trimmedName, 'line');
      if (problem) problems.push(['name', `the name ${problem}.`]);
    }
    const hasHandle = !isBlank(handle);
    if (hasHandle && !(typeof handle === 'string' && HANDLE_PATTERN.test(handle))) {
      problems.push([
        'handle',
        'the handle must be a member’s handle: lower-case letters and digits, with dots, hyphens or underscores inside, at most 40 characters.',
      ]);
    }
    const address = typeof email === 'string' ? email.trim() : '';
    if (!isBlank(email) && !(address.length <= FIELD_LIMITS.email && EMAIL_PATTERN.test(address))) {
      problems.push(['email', 'the email is not a valid address, such as name@example.com.']);
    }
    if (this.report(at, problems)) return INVALID;
    const person: PersonValue = { name: trimmedName };
    if (hasHandle) {
      person.handle = handle as string;
      this.people.push({ path: at.path, handle: person.handle });
    }
    if (address !== '') person.email = address;
    return person;
  }

  private date(input: unknown, at: Location): Outcome {
    const match = typeof input === 'string' ? DATE_PATTERN.exec(input.trim()) : null;
    if (!match) return this.fail(at, 'must be a date written YYYY-MM-DD, such as 2027-03-31.');
    const [, year, month, day] = match.map(Number) as [number, number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
      return this.fail(at, `${match[0]} is not a date in the calendar.`);
    }
    return match[0];
  }

  private number(type: Extract<FieldType, { type: 'number' }>, input: unknown, at: Location): Outcome {
    const ok =
      typeof input === 'number' &&
      Number.isFinite(input) &&
      (!type.integer || Number.isInteger(input)) &&
      (type.min === undefined || input >= type.min) &&
      (type.max === undefined || input <= type.max);
    if (ok) return input;
    const given = typeof input === 'number' ? `; got ${input}` : typeof input === 'string' ? `; got the text “${input.slice(0, 20)}”` : '';
    return this.fail(at, `must be ${describeNumber(type)}${given}.`);
  }

  private money(input: unknown, at: Location): Outcome {
    if (!isPlainObject(input))
      return this.fail(at, 'must be an amount with its currency, such as { "amount": 250000, "currency": "EUR" }.');
    const problems = unknownParts(input, ['amount', 'currency']);
    const { amount, currency } = input;
    if (isBlank(amount) && isBlank(currency)) return problems.length > 0 ? INVALID : BLANK;
    if (typeof amount !== 'number' || !Number.isFinite(amount)) problems.push(['amount', 'the amount must be a number.']);
    else if (amount < 0) problems.push(['amount', 'the amount cannot be negative.']);
    else if (amount > FIELD_LIMITS.money)
      problems.push(['amount', `the amount can be at most ${FIELD_LIMITS.money.toLocaleString('en')}.`]);
    else if (!hasAtMostTwoDecimals(amount)) problems.push(['amount', 'the amount can have at most 2 decimals.']);
    if (typeof currency !== 'string' || !CURRENCY_PATTERN.test(currency)) {
      problems.push(['currency', 'the currency must be a three-letter code in capitals, such as EUR or USD.']);
    }
    if (this.report(at, problems)) return INVALID;
    // Rounded to the cent, so 0.1 + 0.2 is stored as 0.3.
    return { amount: Math.round((amount as number) * 100) / 100, currency: currency as string };
  }

  private link(to: readonly LinkKind[], input: unknown, at: Location): Outcome {
    const expected = describeKinds(to);
    if (!isPlainObject(input)) return this.fail(at, `must be a link to ${expected}: an object with a kind and an id.`);
    const problems = unknownParts(input, ['kind', 'id']);
    const { kind, id } = input;
    if (typeof kind !== 'string' || !(to as readonly string[]).includes(kind)) {
      const given = typeof kind === 'string' ? `; got “${kind.slice(0, 20)}”` : '';
      problems.push(['kind', `the link must point to ${expected}${given}.`]);
    }
    if (typeof id !== 'string' || id.length === 0 || id.length > FIELD_LIMITS.linkId || !LINK_ID_PATTERN.test(id)) {
      problems.push(['id', `the id must be 1 to ${FIELD_LIMITS.linkId} letters, digits, dots, colons, hyphens or underscores.`]);
    }
    if (this.report(at, problems)) return INVALID;
    const link: LinkValue = { kind: kind as LinkKind, id: id as string };
    this.links.push({ path: at.path, link });
    return link;
  }

  private list(type: Extract<FieldType, { type: 'list' }>, input: unknown, at: Location): Outcome {
    if (!Array.isArray(input)) return this.fail(at, 'must be a list.');
    if (input.length === 0) return BLANK;
    const max = type.maxItems ?? FIELD_LIMITS.listItems;
    if (input.length > max) {
      return this.fail(at, `can have at most ${count(max)} items (it has ${count(input.length)}).`, undefined, 'field.too_many', {
        count: max,
      });
    }
    let invalid = false;
    if (type.minItems !== undefined && input.length < type.minItems) {
      this.fail(at, `needs at least ${count(type.minItems)} items (it has ${count(input.length)}).`, undefined, 'field.too_few', {
        count: type.minItems,
      });
      invalid = true;
    }
    const items: FieldValue[] = [];
    input.forEach((item: unknown, index) => {
      const here = itemLocation(at, index);
      const outcome = this.value(type.of, item, here);
      if (outcome === INVALID) invalid = true;
      else if (outcome === BLANK) {
        this.fail(here, 'this item is empty; fill it in or remove it.');
        invalid = true;
      } else items.push(outcome);
    });
    return invalid ? INVALID : items;
  }

  /** Reports each problem at its part of the value; true when there were any. */
  private report(at: Location, problems: readonly Problem[]): boolean {
    for (const [part, message] of problems) this.fail(at, message, part);
    return problems.length > 0;
  }
}

/** The properties a person, amount or link does not have, as problems to report. */
function unknownParts(input: PlainObject, known: readonly string[]): Problem[] {
  return Object.keys(input)
    .filter((key) => !known.includes(key))
    .map((key) => [key, `“${key.slice(0, 40)}” is not expected here; use ${known.join(', ')}.`]);
}

/** 0.1 + 0.2 style noise is allowed; a third decimal is not. */
function hasAtMostTwoDecimals(amount: number): boolean {
  const cents = amount * 100;
  return Math.abs(cents - Math.round(cents)) < 1e-6;
}

function describeNumber(type: Extract<FieldType, { type: 'number' }>): string {
  const kind = type.integer ? 'a whole number' : 'a number';
  if (type.min !== undefined && type.max !== undefined) return `${kind} from ${type.min} to ${type.max}`;
  if (type.min !== undefined) return `${kind} of at least ${type.min}`;
  if (type.max !== undefined) return `${kind} of at most ${type.max}`;
  return kind;
}

const KIND_NAMES: Record<LinkKind, string> = { card: 'a card', idea: 'an idea', thread: 'a thread' };

/** "a card", "a card or an idea", "a card, an idea or a thread". */
export function describeKinds(kinds: readonly LinkKind[]): string {
  const names = kinds.map((kind) => KIND_NAMES[kind]);
  return names.length <= 1 ? (names[0] ?? 'nothing') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}
