import type { FieldDef, FieldType, TemplateInput } from '@bridgekit/sdk';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES } from '../../src/cards/templates/index.ts';
import { TemplateInputSchema, validateTemplateDefinition } from '../../src/cards/validate.ts';

const GOOD: TemplateInput = {
  id: 'supplier-review',
  name: 'Supplier review',
  description: 'A yearly look at a supplier.',
  fields: [
    { key: 'supplier', label: 'Supplier', type: 'text', required: true, maxLength: 200 },
    { key: 'summary', label: 'Summary', type: 'richtext', help: 'What went well and what did not.' },
    {
      key: 'rating',
      label: 'Rating',
      type: 'enum',
      options: [
        { value: 'good', label: 'Good' },
        { value: 'poor', label: 'Poor' },
      ],
    },
    { key: 'spend', label: 'Spend', type: 'money' },
    { key: 'score', label: 'Score', type: 'number', min: 0, max: 10 },
    { key: 'ideas', label: 'Ideas', type: 'list', of: { type: 'link', to: ['idea'] }, minItems: 0, maxItems: 10 },
    {
      key: 'contracts',
      label: 'Contracts',
      type: 'list',
      itemLabel: 'Contract',
      translations: { de: { label: 'Verträge', itemLabel: 'Vertrag' } },
      of: {
        type: 'record',
        fields: [
          { key: 'name', label: 'Name', type: 'text' },
          { key: 'renewals', label: 'Renewals', type: 'list', of: { type: 'date' } },
        ],
      },
    },
  ],
};

/** A copy of the good template with its fields replaced. */
const withFields = (...fields: unknown[]) => ({ ...GOOD, fields });
/** `depth` lists, each of records, nested in one another. */
function nestedLists(depth: number): FieldDef {
  let type: FieldType = { type: 'text' };
  for (let level = 0; level < depth; level++)
    type = { type: 'record', fields: [{ key: `level${level}`, label: 'Level', type: 'list', of: type }] };
  return { key: 'deep', label: 'Deep', ...type };
}

describe('validateTemplateDefinition', () => {
  it('accepts a good definition, and every built-in template under another id', () => {
    expect(validateTemplateDefinition(GOOD)).toEqual([]);
    for (const t of BUILT_IN_TEMPLATES)
      expect(validateTemplateDefinition({ id: `my-${t.id}`, name: t.name, fields: t.fields })).toEqual([]);
  });

  const cases: [string, unknown, string, RegExp][] = [
    ['an id with capitals', { ...GOOD, id: 'Supplier' }, 'body.id', /lower-case letter, then lower-case letters, digits and hyphens/],
    ['a one-letter id', { ...GOOD, id: 's' }, 'body.id', /2 to 63 characters/],
    ['the id of a built-in template', { ...GOOD, id: 'business-case' }, 'body.id', /“business-case” is the id of a built-in template/],
    ['no name', { ...GOOD, name: ' ' }, 'body.name', /The name is required/],
    ['a long name', { ...GOOD, name: 'x'.repeat(121) }, 'body.name', /at most 120 characters/],
    ['an unknown property', { ...GOOD, colour: 'red' }, 'body.colour', /not part of a template/],
    ['no fields', withFields(), 'body.fields', /at least one field/],
    [
      'a key with a hyphen',
      withFields({ key: 'due-date', label: 'Due', type: 'date' }),
      'body.fields.0.key',
      /letters and digits, starting with a letter/,
    ],
    [
      'a key used twice',
      withFields({ key: 'due', label: 'Due', type: 'date' }, { key: 'due', label: 'Due again', type: 'date' }),
      'body.fields.1.key',
      /“due” is used twice/,
    ],
    ['an empty label', withFields({ key: 'due', label: '', type: 'date' }), 'body.fields.0.label', /The label is required/],
    [
      'an item label on a field that is not a list',
      withFields({ key: 'due', label: 'Due', type: 'date', itemLabel: 'Day' }),
      'body.fields.0.itemLabel',
      /does not apply to a date field/,
    ],
    [
      'an empty item label',
      withFields({ key: 'steps', label: 'Steps', type: 'list', of: { type: 'text' }, itemLabel: ' ' }),
      'body.fields.0.itemLabel',
      /The item label is required/,
    ],
    [
      'a translated item label on a field that is not a list',
      withFields({ key: 'due', label: 'Due', type: 'date', translations: { de: { itemLabel: 'Tag' } } }),
      'body.fields.0.translations.de.itemLabel',
      /cannot be translated here/,
    ],
    ['a long label', withFields({ key: 'due', label: 'x'.repeat(121), type: 'date' }), 'body.fields.0.label', /at most 120/],
    ['an unknown type', withFields({ key: 'due', label: 'Due', type: 'time' }), 'body.fields.0.type', /one of text, richtext, enum/],
    [
      'a property of another type',
      withFields({ key: 'due', label: 'Due', type: 'date', maxLength: 3 }),
      'body.fields.0.maxLength',
      /does not apply to a date field/,
    ],
    [
      'an enum without options',
      withFields({ key: 'e', label: 'E', type: 'enum', options: [] }),
      'body.fields.0.options',
      /1 to 50 options/,
    ],
    [
      'an enum with 51 options',
      withFields({
        key: 'e',
        label: 'E',
        type: 'enum',
        options: Array.from({ length: 51 }, (_, i) => ({ value: `v${i}`, label: `V${i}` })),
      }),
      'body.fields.0.options',
      /1 to 50 options/,
    ],
    [
      'an enum value used twice',
      withFields({
        key: 'e',
        label: 'E',
        type: 'enum',
        options: [
          { value: 'a', label: 'A' },
          { value: 'a', label: 'B' },
        ],
      }),
      'body.fields.0.options.1.value',
      /“a” is used twice/,
    ],
    [
      'an option without a label',
      withFields({ key: 'e', label: 'E', type: 'enum', options: [{ value: 'a' }] }),
      'body.fields.0.options.0.label',
      /required/,
    ],
    [
      'min above max',
      withFields({ key: 'n', label: 'N', type: 'number', min: 5, max: 1 }),
      'body.fields.0.min',
      /minimum cannot be more than the maximum/,
    ],
    [
      'a min that is not a number',
      withFields({ key: 'n', label: 'N', type: 'number', min: '1' }),
      'body.fields.0.min',
      /minimum must be a number/,
    ],
    [
      'a link to nothing',
      withFields({ key: 'l', label: 'L', type: 'link', to: [] }),
      'body.fields.0.to',
      /one or more of card, idea and thread/,
    ],
    [
      'a link to users',
      withFields({ key: 'l', label: 'L', type: 'link', to: ['user'] }),
      'body.fields.0.to',
      /one or more of card, idea and thread/,
    ],
    ['a list without an item type', withFields({ key: 'l', label: 'L', type: 'list' }), 'body.fields.0.of', /type of its items/],
    [
      'minItems above maxItems',
      withFields({ key: 'l', label: 'L', type: 'list', of: { type: 'text' }, minItems: 3, maxItems: 2 }),
      'body.fields.0.minItems',
      /cannot be more than the maximum/,
    ],
    [
      'a huge maxLength',
      withFields({ key: 't', label: 'T', type: 'text', maxLength: 1_000_000 }),
      'body.fields.0.maxLength',
      /whole number from 1 to 10,000/,
    ],
    [
      'a record without fields',
      withFields({ key: 'r', label: 'R', type: 'record', fields: [] }),
      'body.fields.0.fields',
      /at least one field/,
    ],
    [
      'a bad key inside a list of records',
      withFields({
        key: 'rows',
        label: 'Rows',
        type: 'list',
        of: { type: 'record', fields: [{ key: '1st', label: 'First', type: 'text' }] },
      }),
      'body.fields.0.of.fields.0.key',
      /starting with a letter/,
    ],
    ['lists and groups nested four deep', withFields(nestedLists(2)), 'body.fields.0.fields.0.of.fields.0', /at most 3 levels deep/],
  ];

  it.each(cases)('refuses %s', (_name, input, path, message) => {
    const problems = validateTemplateDefinition(input);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe(path);
    expect(problems[0]?.message).toMatch(message);
  });

  it('counts nested fields toward the limit of 80', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `f${i}`, label: `F${i}`, type: 'text' }));
    expect(validateTemplateDefinition(withFields(...many(80)))).toEqual([]);
    const problems = validateTemplateDefinition(
      withFields(...many(70), { key: 'group', label: 'Group', type: 'record', fields: many(10) }),
    );
    expect(problems).toMatchObject([
      { path: 'body.fields', message: 'A template can have at most 80 fields in all, nested ones included; this one has 81.' },
    ]);
  });

  it('allows three levels of lists and groups', () => {
    // record › list › record: three containers.
    const three: FieldDef = {
      key: 'a',
      label: 'A',
      type: 'record',
      fields: [{ key: 'b', label: 'B', type: 'list', of: { type: 'record', fields: [{ key: 'c', label: 'C', type: 'text' }] } }],
    };
    expect(validateTemplateDefinition(withFields(three))).toEqual([]);
  });

  it('reports every problem at once', () => {
    const problems = validateTemplateDefinition({ id: 'X', name: '', fields: [{ key: 'a', label: '', type: 'nope' }] });
    expect(problems.map((p) => p.path)).toEqual(['body.id', 'body.name', 'body.fields.0.label', 'body.fields.0.type']);
  });

  it('refuses what is not a template', () => {
    expect(validateTemplateDefinition('template')).toMatchObject([
      { path: 'body', message: 'The template must be an object with an id, a name and fields.' },
    ]);
  });
});

describe('TemplateInputSchema', () => {
  it('accepts nested definitions and refuses unknown types and properties', () => {
    for (const t of BUILT_IN_TEMPLATES)
      expect(TemplateInputSchema.safeParse({ id: t.id, name: t.name, fields: t.fields }).success).toBe(true);
    expect(TemplateInputSchema.safeParse(GOOD).success).toBe(true);
    const unknownType = TemplateInputSchema.safeParse(withFields({ key: 'a', label: 'A', type: 'time' }));
    expect(unknownType.success).toBe(false);
    expect(unknownType.error?.issues[0]?.path).toEqual(['fields', 0, 'type']);
    const nested = TemplateInputSchema.safeParse(
      withFields({
        key: 'rows',
        label: 'Rows',
        type: 'list',
        of: { type: 'record', fields: [{ key: 'a', label: 'A', type: 'text', maxlength: 3 }] },
      }),
    );
    expect(nested.success).toBe(false);
    expect(nested.error?.issues[0]?.path).toEqual(['fields', 0, 'of', 'fields', 0]);
  });

  it('describes the nested definition in OpenAPI one named level at a time, with no lists or records past the limit', () => {
    const app = new OpenAPIHono();
    app.openapi(
      createRoute({
        method: 'put',
        path: '/templates',
        request: { body: { required: true, content: { 'application/json': { schema: TemplateInputSchema } } } },
        responses: { 204: { description: 'Stored.' } },
      }),
      (c) => c.body(null, 204),
    );
    const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'test', version: '1' } });
    const schemas = doc.components?.schemas ?? {};
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining(['TemplateInput', 'FieldDef', 'FieldDefLevel2', 'FieldDefLevel4', 'FieldTypeLevel2', 'FieldTypeLevel4']),
    );
    expect(JSON.stringify(schemas.TemplateInput)).toContain('#/components/schemas/FieldDef"');
    // Each level refers only to the next: no schema refers back to itself or to an outer level.
    expect(JSON.stringify(schemas.FieldDef)).toContain('#/components/schemas/FieldTypeLevel2"');
    expect(JSON.stringify(schemas.FieldDefLevel2)).toContain('#/components/schemas/FieldDefLevel3"');
    expect(JSON.stringify(schemas.FieldDefLevel2)).not.toMatch(/FieldDef"|FieldDefLevel2"/);
    for (const deepest of [schemas.FieldDefLevel4, schemas.FieldTypeLevel4]) {
      expect(JSON.stringify(deepest)).not.toContain('$ref');
      expect(JSON.stringify(deepest)).not.toMatch(/"enum":\["(list|record)"\]/);
    }
    // What is too deep is refused with the same words as validateTemplateDefinition's.
    const tooDeep = TemplateInputSchema.safeParse(withFields(nestedLists(2)));
    expect(tooDeep.error?.issues.map((i) => i.message)).toEqual([expect.stringMatching(/at most 3 levels deep/)]);
  });
});
