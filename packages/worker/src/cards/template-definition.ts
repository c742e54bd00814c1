/**
 * Checks a tenant-defined template before it is stored: ids and keys people and code can rely
 * on, field types Bridgekit knows, limits that keep forms usable, and no clash with a built-in
 * template. Paths are those of the request body (`body.fields.2.of.fields.0.key`).
 */

import { CARD_VISIBILITIES, type FieldIssue, type FieldReason, type LinkKind, type ReasonParams } from '@bridgekit/sdk';
import { TRANSLATION_LOCALES } from '@bridgekit/sdk/translations';
import { MARKDOWN_MAX_LENGTH } from '../markdown/parser.ts';
import { isBlank, isCleanText, textProblem, textReason } from '../schemas/text.ts';
import { isBuiltInTemplateId } from './templates/index.ts';

export const TEMPLATE_ID_PATTERN = /^[a-z][a-z0-9-]{1,62}$/;
export const FIELD_KEY_PATTERN = /^[a-zA-Z][a-zA-Z0-9]{0,39}$/;

export const TEMPLATE_LIMITS = {
  name: 120,
  description: 1_000,
  label: 120,
  help: 500,
  /** Every field counts, nested ones too. */
  fields: 80,
  /** Lists and groups inside one another. */
  depth: 3,
  enumOptions: 50,
  enumValue: 64,
  textMaxLength: 10_000,
  /** The renderer's own limit: Markdown longer than this is refused before it is parsed. */
  richtextMaxLength: MARKDOWN_MAX_LENGTH,
  listItems: 500,
} as const;

const FIELD_TYPES = ['text', 'richtext', 'enum', 'person', 'date', 'number', 'money', 'link', 'list', 'record'] as const;
const LINK_KINDS: readonly LinkKind[] = ['card', 'idea', 'thread'];

/** The properties each field type may have, besides `type`. */
const TYPE_PROPERTIES: Record<(typeof FIELD_TYPES)[number], readonly string[]> = {
  text: ['maxLength', 'multiline'],
  richtext: ['maxLength'],
  enum: ['options'],
  person: [],
  date: [],
  number: ['min', 'max', 'integer'],
  money: [],
  link: ['to'],
  list: ['of', 'minItems', 'maxItems', 'itemLabel'],
  record: ['fields'],
};
const FIELD_PROPERTIES = ['key', 'label', 'help', 'required', 'translations', 'side'] as const;
const SIDES: readonly unknown[] = ['business', 'provider'];

type PlainObject = Record<string, unknown>;
const isPlainObject = (value: unknown): value is PlainObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every problem with a template definition (a `TemplateInput`), or none. */
export function validateTemplateDefinition(input: unknown): FieldIssue[] {
  const check = new DefinitionCheck();
  if (!isPlainObject(input)) {
    return [
      { path: 'body', message: 'The template must be an object with an id, a name and fields.', reason: 'field.invalid', params: {} },
    ];
  }
  const { id, name, description, fields, translations } = input;
  if (typeof id !== 'string' || !TEMPLATE_ID_PATTERN.test(id)) {
    check.fail('body.id', 'The id must be 2 to 63 characters: a lower-case letter, then lower-case letters, digits and hyphens.');
  } else if (isBuiltInTemplateId(id)) {
    check.fail('body.id', `“${id}” is the id of a built-in template; choose another.`);
  }
  check.line('body.name', 'The name', name, TEMPLATE_LIMITS.name);
  if (description !== undefined) check.text('body.description', 'The description', description, TEMPLATE_LIMITS.description, true);
  check.translations('body.translations', translations, { name: TEMPLATE_LIMITS.name, description: TEMPLATE_LIMITS.description });
  for (const key of Object.keys(input)) {
    if (!['id', 'name', 'description', 'fields', 'translations', 'visibility'].includes(key))
      check.fail(`body.${key}`, `“${key}” is not part of a template; use id, name, description, translations, fields and visibility.`);
  }
  if (input.visibility !== undefined && !(CARD_VISIBILITIES as readonly unknown[]).includes(input.visibility)) {
    check.fail('body.visibility', `The visibility must be one of ${CARD_VISIBILITIES.join(', ')}: who reads a new card of the template.`);
  }
  check.fieldList('body.fields', fields, 1);
  if (check.fieldCount > TEMPLATE_LIMITS.fields) {
    check.fail(
      'body.fields',
      `A template can have at most ${TEMPLATE_LIMITS.fields} fields in all, nested ones included; this one has ${check.fieldCount}.`,
    );
  }
  return check.issues;
}

class DefinitionCheck {
  readonly issues: FieldIssue[] = [];
  fieldCount = 0;

  /** A problem at `path`; `reason` and `params` say it for translations (the message names the field in English). */
  fail(path: string, message: string, reason: FieldReason = 'field.invalid', params: ReasonParams = {}): void {
    if (this.issues.length < 100) this.issues.push({ path, message, reason, params });
  }

  /** A required line of text: 1 to `max` characters after trimming, no control characters. */
  line(path: string, what: string, value: unknown, max: number): void {
    if (typeof value !== 'string' || isBlank(value)) this.fail(path, `${what} is required.`, 'field.required');
    else this.text(path, what, value, max);
  }

  text(path: string, what: string, value: unknown, max: number, multiline = false): void {
    if (typeof value !== 'string') this.fail(path, `${what} must be text.`, 'field.invalid_type', { expected: 'string' });
    else if (value.trim().length > max) {
      this.fail(path, `${what} can have at most ${max.toLocaleString('en')} characters.`, 'field.too_long', { count: max });
    } else {
      const reason = textReason(value, multiline ? 'text' : 'line');
      if (reason) this.fail(path, `${what} ${textProblem(value, multiline ? 'text' : 'line')}.`, reason);
    }
  }

  /**
   * Translations of some texts (`limits`: each text's maximum length; a description may span
   * lines): `{ "de": { "label": "…" } }`, under the same rules as the English.
   */
  translations(path: string, value: unknown, limits: Record<string, number>): void {
    if (value === undefined) return;
    if (!isPlainObject(value)) {
      this.fail(path, 'Translations must be an object by language, such as { "de": { "label": "…" } }.');
      return;
    }
    for (const [language, texts] of Object.entries(value)) {
      const here = `${path}.${language}`;
      if (!(TRANSLATION_LOCALES as readonly string[]).includes(language)) {
        this.fail(here, `Translations can be given for ${TRANSLATION_LOCALES.join(', ')}; “${language.slice(0, 20)}” is not one of them.`);
      } else if (!isPlainObject(texts)) {
        this.fail(here, `The ${language} translations must be an object of texts, such as { "label": "…" }.`);
      } else {
        for (const [key, text] of Object.entries(texts)) {
          const max = limits[key];
          if (max === undefined)
            this.fail(`${here}.${key}`, `“${key}” cannot be translated here; translate ${Object.keys(limits).join(' and ')}.`);
          else this.text(`${here}.${key}`, `The translation of the ${key}`, text, max, key === 'description');
        }
      }
    }
  }

  /** Fields of the template (depth 1) or of a record inside it. */
  fieldList(path: string, value: unknown, depth: number): void {
    if (!Array.isArray(value) || value.length === 0) {
      this.fail(path, 'Fields must be a list of at least one field.');
      return;
    }
    const seen = new Set<string>();
    value.forEach((field: unknown, index) => {
      const here = `${path}.${index}`;
      this.fieldCount += 1;
      if (!isPlainObject(field)) {
        this.fail(here, 'Each field must be an object with a key, a label and a type.');
        return;
      }
      const { key, label, help, required } = field;
      if (typeof key !== 'string' || !FIELD_KEY_PATTERN.test(key)) {
        this.fail(
          `${here}.key`,
          'The key must be 1 to 40 letters and digits, starting with a letter (camelCase, such as “expectedBenefits”).',
        );
      } else if (seen.has(key)) {
        this.fail(`${here}.key`, `The key “${key}” is used twice at this level; keys must be unique among their siblings.`);
      } else seen.add(key);
      this.line(`${here}.label`, 'The label', label, TEMPLATE_LIMITS.label);
      if (help !== undefined) this.text(`${here}.help`, 'The help text', help, TEMPLATE_LIMITS.help);
      this.translations(`${here}.translations`, field.translations, {
        label: TEMPLATE_LIMITS.label,
        help: TEMPLATE_LIMITS.help,
        ...(field.type === 'list' ? { itemLabel: TEMPLATE_LIMITS.label } : {}),
      });
      if (required !== undefined && typeof required !== 'boolean') this.fail(`${here}.required`, 'Required must be true or false.');
      if (field.side !== undefined && !SIDES.includes(field.side)) {
        this.fail(`${here}.side`, 'The side must be “business” or “provider”: only people of that side may change the field.');
      }
      this.fieldType(here, field, depth, FIELD_PROPERTIES);
    });
  }

  /** The type part of a field, or the item type of a list (`extra` is what else the object may hold). */
  private fieldType(path: string, field: PlainObject, depth: number, extra: readonly string[]): void {
    const type = field.type;
    if (typeof type !== 'string' || !(FIELD_TYPES as readonly string[]).includes(type)) {
      this.fail(`${path}.type`, `The type must be one of ${FIELD_TYPES.join(', ')}.`);
      return;
    }
    const kind = type as (typeof FIELD_TYPES)[number];
    const allowed = TYPE_PROPERTIES[kind];
    for (const key of Object.keys(field)) {
      if (key !== 'type' && !allowed.includes(key) && !extra.includes(key)) {
        const hint = allowed.length > 0 ? `; a ${kind} field may have ${allowed.join(', ')}` : '';
        this.fail(`${path}.${key}`, `“${key}” does not apply to a ${kind} field${hint}.`);
      }
    }
    switch (kind) {
      case 'text':
        this.optionalInteger(`${path}.maxLength`, 'The maximum length', field.maxLength, 1, TEMPLATE_LIMITS.textMaxLength);
        if (field.multiline !== undefined && typeof field.multiline !== 'boolean')
          this.fail(`${path}.multiline`, 'Multiline must be true or false.');
        break;
      case 'richtext':
        this.optionalInteger(`${path}.maxLength`, 'The maximum length', field.maxLength, 1, TEMPLATE_LIMITS.richtextMaxLength);
        break;
      case 'enum':
        this.options(`${path}.options`, field.options);
        break;
      case 'number':
        this.numberBounds(path, field);
        break;
      case 'link':
        this.linkKinds(`${path}.to`, field.to);
        break;
      case 'list':
        this.listOf(path, field, depth);
        break;
      case 'record':
        if (depth > TEMPLATE_LIMITS.depth) this.tooDeep(path);
        else this.fieldList(`${path}.fields`, field.fields, depth + 1);
        break;
      case 'person':
      case 'date':
      case 'money':
        break;
    }
  }

  private listOf(path: string, field: PlainObject, depth: number): void {
    if (field.itemLabel !== undefined) this.line(`${path}.itemLabel`, 'The item label', field.itemLabel, TEMPLATE_LIMITS.label);
    this.optionalInteger(`${path}.minItems`, 'The minimum number of items', field.minItems, 0, TEMPLATE_LIMITS.listItems);
    this.optionalInteger(`${path}.maxItems`, 'The maximum number of items', field.maxItems, 1, TEMPLATE_LIMITS.listItems);
    if (typeof field.minItems === 'number' && typeof field.maxItems === 'number' && field.minItems > field.maxItems) {
      this.fail(`${path}.minItems`, 'The minimum number of items cannot be more than the maximum.');
    }
    if (depth > TEMPLATE_LIMITS.depth) {
      this.tooDeep(path);
      return;
    }
    if (!isPlainObject(field.of)) {
      this.fail(`${path}.of`, 'A list needs the type of its items in “of”, such as { "type": "text" }.');
      return;
    }
    this.fieldType(`${path}.of`, field.of, depth + 1, []);
  }

  private tooDeep(path: string): void {
    this.fail(path, `Lists and groups can be nested at most ${TEMPLATE_LIMITS.depth} levels deep.`);
  }

  private options(path: string, value: unknown): void {
    if (!Array.isArray(value) || value.length === 0 || value.length > TEMPLATE_LIMITS.enumOptions) {
      this.fail(path, `A choice field needs 1 to ${TEMPLATE_LIMITS.enumOptions} options, each with a value and a label.`);
      return;
    }
    const seen = new Set<string>();
    value.forEach((option: unknown, index) => {
      const here = `${path}.${index}`;
      if (!isPlainObject(option)) {
        this.fail(here, 'Each option must be an object with a value and a label.');
        return;
      }
      const { value: optionValue, label } = option;
      if (
        typeof optionValue !== 'string' ||
        isBlank(optionValue) ||
        optionValue.length > TEMPLATE_LIMITS.enumValue ||
        !isCleanText(optionValue, 'line')
      ) {
        this.fail(`${here}.value`, `The value must be 1 to ${TEMPLATE_LIMITS.enumValue} characters of text.`);
      } else if (seen.has(optionValue)) {
        this.fail(`${here}.value`, `The value “${optionValue}” is used twice; each option needs its own value.`);
      } else seen.add(optionValue);
      this.line(`${here}.label`, 'The label', label, TEMPLATE_LIMITS.label);
      this.translations(`${here}.translations`, option.translations, { label: TEMPLATE_LIMITS.label });
      for (const key of Object.keys(option)) {
        if (key !== 'value' && key !== 'label' && key !== 'translations') {
          this.fail(`${here}.${key}`, `“${key}” is not part of an option; use value, label and translations.`);
        }
      }
    });
  }

  private numberBounds(path: string, field: PlainObject): void {
    const { min, max, integer } = field;
    for (const [key, bound] of [
      ['min', min],
      ['max', max],
    ] as const) {
      if (bound !== undefined && (typeof bound !== 'number' || !Number.isFinite(bound)))
        this.fail(`${path}.${key}`, `The ${key === 'min' ? 'minimum' : 'maximum'} must be a number.`);
    }
    if (typeof min === 'number' && typeof max === 'number' && min > max)
      this.fail(`${path}.min`, 'The minimum cannot be more than the maximum.');
    if (integer !== undefined && typeof integer !== 'boolean') this.fail(`${path}.integer`, 'Integer must be true or false.');
  }

  private linkKinds(path: string, value: unknown): void {
    const valid =
      Array.isArray(value) &&
      value.length > 0 &&
      value.every((kind) => (LINK_KINDS as readonly unknown[]).includes(kind)) &&
      new Set(value).size === value.length;
    if (!valid) this.fail(path, 'A link field needs the kinds it may point to: one or more of card, idea and thread, each once.');
  }

  private optionalInteger(path: string, what: string, value: unknown, min: number, max: number): void {
    if (value === undefined) return;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.fail(path, `${what} must be a whole number from ${min} to ${max.toLocaleString('en')}.`);
    }
  }
}
