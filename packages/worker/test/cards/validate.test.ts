import type { CardTemplate, FieldIssue } from '@bridgekit/sdk';
import { describe, expect, it } from 'vitest';
import { validateFields } from '../../src/cards/validate.ts';

/** A template with every field type. */
const TEMPLATE: CardTemplate = {
  id: 'every-type',
  name: 'Every type',
  description: 'One field of each type.',
  builtIn: false,
  version: 1,
  fields: [
    { key: 'title', label: 'Title', type: 'text', maxLength: 20, required: true },
    { key: 'notes', label: 'Notes', type: 'text', multiline: true },
    { key: 'line', label: 'Line', type: 'text' },
    { key: 'body', label: 'Body', type: 'richtext', maxLength: 50 },
    {
      key: 'size',
      label: 'Size',
      type: 'enum',
      options: [
        { value: 's', label: 'Small' },
        { value: 'l', label: 'Large' },
      ],
    },
    { key: 'lead', label: 'Lead', type: 'person' },
    { key: 'due', label: 'Due', type: 'date' },
    { key: 'score', label: 'Score', type: 'number', min: 1, max: 5, integer: true },
    { key: 'ratio', label: 'Ratio', type: 'number' },
    { key: 'budget', label: 'Budget', type: 'money' },
    { key: 'related', label: 'Related', type: 'link', to: ['card', 'idea'] },
    { key: 'tags', label: 'Tags', type: 'list', of: { type: 'text' }, minItems: 2, maxItems: 3 },
    {
      key: 'options',
      label: 'Options',
      type: 'list',
      of: {
        type: 'record',
        fields: [
          { key: 'name', label: 'Name', type: 'text', required: true },
          { key: 'cost', label: 'Cost', type: 'money' },
          { key: 'source', label: 'Source', type: 'link', to: ['thread'] },
        ],
      },
    },
    {
      key: 'period',
      label: 'Period',
      type: 'record',
      fields: [
        { key: 'from', label: 'From', type: 'date', required: true },
        { key: 'to', label: 'To', type: 'date' },
      ],
    },
  ],
};

const errorsOf = (input: unknown, template: CardTemplate = TEMPLATE): FieldIssue[] => {
  const result = validateFields(template, input);
  return result.ok ? [] : result.errors;
};
const valid = (input: unknown, template: CardTemplate = TEMPLATE) => {
  const result = validateFields(template, input);
  if (!result.ok) throw new Error(`expected valid: ${JSON.stringify(result.errors)}`);
  return result;
};

const long = (n: number) => 'x'.repeat(n);

describe('validateFields: one error per invalid value, at its path, naming the field', () => {
  const cases: [string, Record<string, unknown>, string, string | RegExp][] = [
    ['text of another type', { title: 5 }, 'title', 'Title: must be text.'],
    ['text over its maxLength', { title: long(21) }, 'title', 'Title: can have at most 20 characters (it has 21).'],
    ['text over the default 2,000', { line: long(2001) }, 'line', 'Line: can have at most 2,000 characters (it has 2,001).'],
    ['multi-line text over the default 10,000', { notes: long(10_001) }, 'notes', /^Notes: can have at most 10,000 characters/],
    ['text with a control character', { title: 'a\u0000b' }, 'title', 'Title: contains control characters.'],
    ['a line break in single-line text', { line: 'one\ntwo' }, 'line', 'Line: must be a single line.'],
    ['Markdown over its maxLength', { body: long(51) }, 'body', 'Body: can have at most 50 characters (it has 51).'],
    ['Markdown of another type', { body: ['x'] }, 'body', 'Body: must be text (Markdown).'],
    ['a choice not offered', { size: 'm' }, 'size', 'Size: must be one of s (Small), l (Large); got “m”.'],
    ['a choice of another type', { size: 1 }, 'size', 'Size: must be one of s (Small), l (Large); got a value of another kind.'],
    ['a person as a string', { lead: 'Ann' }, 'lead', /^Lead: must be a person: an object with a name/],
    ['a person without a name', { lead: { handle: 'ann' } }, 'lead.name', 'Lead: the name is required.'],
    ['a person name over 120', { lead: { name: long(121) } }, 'lead.name', 'Lead: the name can have at most 120 characters.'],
    ['a person with a bad handle', { lead: { name: 'Ann', handle: 'Ann!' } }, 'lead.handle', /^Lead: the handle must be a member’s handle/],
    ['a handle ending in a dot', { lead: { name: 'Ann', handle: 'ann.' } }, 'lead.handle', /^Lead: the handle/],
    ['a person with a bad email', { lead: { name: 'Ann', email: 'ann@' } }, 'lead.email', /^Lead: the email is not a valid address/],
    [
      'a person with an unknown part',
      { lead: { name: 'Ann', role: 'x' } },
      'lead.role',
      'Lead: “role” is not expected here; use name, handle, email.',
    ],
    ['a date in another format', { due: '31/12/2027' }, 'due', 'Due: must be a date written YYYY-MM-DD, such as 2027-03-31.'],
    ['a date not in the calendar', { due: '2027-02-29' }, 'due', 'Due: 2027-02-29 is not a date in the calendar.'],
    ['month 13', { due: '2027-13-01' }, 'due', 'Due: 2027-13-01 is not a date in the calendar.'],
    ['a number as text', { score: '3' }, 'score', 'Score: must be a whole number from 1 to 5; got the text “3”.'],
    ['a number above max', { score: 6 }, 'score', 'Score: must be a whole number from 1 to 5; got 6.'],
    ['a number below min', { score: 0 }, 'score', 'Score: must be a whole number from 1 to 5; got 0.'],
    ['a fraction for a whole number', { score: 2.5 }, 'score', 'Score: must be a whole number from 1 to 5; got 2.5.'],
    ['an infinite number', { ratio: Number.POSITIVE_INFINITY }, 'ratio', 'Ratio: must be a number; got Infinity.'],
    ['money as a number', { budget: 100 }, 'budget', /^Budget: must be an amount with its currency/],
    ['money with a text amount', { budget: { amount: '100', currency: 'EUR' } }, 'budget.amount', 'Budget: the amount must be a number.'],
    ['money below zero', { budget: { amount: -1, currency: 'EUR' } }, 'budget.amount', 'Budget: the amount cannot be negative.'],
    [
      'money with 3 decimals',
      { budget: { amount: 1.234, currency: 'EUR' } },
      'budget.amount',
      'Budget: the amount can have at most 2 decimals.',
    ],
    [
      'money in lower-case currency',
      { budget: { amount: 1, currency: 'eur' } },
      'budget.currency',
      /^Budget: the currency must be a three-letter code/,
    ],
    ['money without a currency', { budget: { amount: 1 } }, 'budget.currency', /^Budget: the currency/],
    [
      'a link of a kind not allowed',
      { related: { kind: 'thread', id: 'abc' } },
      'related.kind',
      'Related: the link must point to a card or an idea; got “thread”.',
    ],
    ['a link with a long id', { related: { kind: 'card', id: long(65) } }, 'related.id', /^Related: the id must be 1 to 64/],
    ['a link with a space in its id', { related: { kind: 'card', id: 'a b' } }, 'related.id', /^Related: the id must be/],
    ['a link as a string', { related: 'card:abc' }, 'related', /^Related: must be a link to a card or an idea/],
    ['a list as a string', { tags: 'a, b' }, 'tags', 'Tags: must be a list.'],
    ['a list over maxItems', { tags: ['a', 'b', 'c', 'd'] }, 'tags', 'Tags: can have at most 3 items (it has 4).'],
    ['a list under minItems', { tags: ['a'] }, 'tags', 'Tags: needs at least 2 items (it has 1).'],
    ['an empty list item', { tags: ['a', '  '] }, 'tags.1', 'Tags › 2: this item is empty; fill it in or remove it.'],
    ['a list item of another type', { tags: ['a', 3] }, 'tags.1', 'Tags › 2: must be text.'],
    [
      'an amount in a list of records',
      { options: [{ name: 'A' }, { name: 'B', cost: { amount: 'lots', currency: 'EUR' } }] },
      'options.1.cost.amount',
      'Options › 2 › Cost: the amount must be a number.',
    ],
    [
      'a required sub-field missing in a list',
      { options: [{ cost: { amount: 5, currency: 'EUR' } }] },
      'options.0.name',
      'Options › 1 › Name: this field is required.',
    ],
    [
      'a link in a list of records',
      { options: [{ name: 'A', source: { kind: 'card', id: 'x' } }] },
      'options.0.source.kind',
      /^Options › 1 › Source: the link must point to a thread/,
    ],
    ['a record as a string', { period: '2027' }, 'period', 'Period: must be a group of values (an object with from, to).'],
    [
      'an unknown key in a record',
      { period: { from: '2027-01-01', until: 'x' } },
      'period.until',
      'Period: “until” is not a field of Period. Its fields are: from, to.',
    ],
    ['a required sub-field missing in a record', { period: { to: '2027-01-01' } }, 'period.from', 'Period › From: this field is required.'],
  ];

  it.each(cases)('%s', (_name, fields, path, message) => {
    const errors = errorsOf({ title: 'Fine', ...fields });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe(`body.fields.${path}`);
    if (typeof message === 'string') expect(errors[0]?.message).toBe(message);
    else expect(errors[0]?.message).toMatch(message);
  });
});

describe('validateFields: keys and required fields', () => {
  it('refuses unknown keys, listing the known ones', () => {
    expect(errorsOf({ title: 'Fine', colour: 'red' })).toEqual([
      {
        path: 'body.fields.colour',
        message:
          '“colour” is not a field of the Every type template. Its fields are: title, notes, line, body, size, lead, due, score, ratio, budget, related, tags, options, period.',
        reason: 'field.unknown_keys',
        params: { keys: 'colour' },
      },
    ]);
  });

  it('reports a required field that is missing, null, blank or an empty list', () => {
    const required: CardTemplate = {
      ...TEMPLATE,
      fields: [
        { key: 'title', label: 'Title', type: 'text', required: true },
        { key: 'items', label: 'Items', type: 'list', of: { type: 'text' }, required: true },
        { key: 'owner', label: 'Owner', type: 'person', required: true },
      ],
    };
    const isRequired = { reason: 'field.required', params: {} };
    const expected = [
      { path: 'body.fields.title', message: 'Title: this field is required.', ...isRequired },
      { path: 'body.fields.items', message: 'Items: this field is required.', ...isRequired },
      { path: 'body.fields.owner', message: 'Owner: this field is required.', ...isRequired },
    ];
    expect(errorsOf({}, required)).toEqual(expected);
    expect(errorsOf({ title: null, items: [], owner: null }, required)).toEqual(expected);
    expect(errorsOf({ title: '   ', items: [], owner: { name: '' } }, required)).toEqual(expected);
  });

  it('refuses fields that are not an object', () => {
    for (const input of [null, 'text', [], 3]) {
      expect(errorsOf(input)).toMatchObject([
        { path: 'body.fields', message: 'Fields must be an object whose keys are the fields of the Every type template.' },
      ]);
    }
  });

  it('never reads a key from the object prototype', () => {
    const template: CardTemplate = { ...TEMPLATE, fields: [{ key: 'constructor', label: 'Constructor', type: 'text', required: true }] };
    expect(errorsOf({}, template)).toMatchObject([{ path: 'body.fields.constructor', message: 'Constructor: this field is required.' }]);
    expect(valid({ constructor: 'x' }, template).fields).toEqual({ constructor: 'x' });
  });
});

describe('validateFields: what a valid card becomes', () => {
  it('trims text, keeps Markdown as written, leaves blanks out and orders keys as the template', () => {
    const result = valid({
      period: { from: '2028-02-29', to: null },
      body: '  **bold**\n\n- item  ',
      notes: '  line one\nline two\t  ',
      line: '',
      title: '  Fine  ',
      lead: { name: '', handle: '', email: '' },
      budget: { amount: 0.1 + 0.2, currency: 'EUR' },
      tags: [],
      size: null,
      options: [{ name: ' A ', cost: { amount: null, currency: '' } }],
    });
    expect(result.fields).toEqual({
      title: 'Fine',
      notes: 'line one\nline two',
      body: '  **bold**\n\n- item  ',
      budget: { amount: 0.3, currency: 'EUR' },
      options: [{ name: 'A' }],
      period: { from: '2028-02-29' },
    });
    expect(Object.keys(result.fields)).toEqual(['title', 'notes', 'body', 'budget', 'options', 'period']);
  });

  it('leaves out a group where nothing is filled in, and asks for its required parts once it is started', () => {
    expect(valid({ title: 'Fine', period: { from: '', to: null } }).fields).toEqual({ title: 'Fine' });
    expect(valid({ title: 'Fine', period: {} }).fields).toEqual({ title: 'Fine' });
    expect(errorsOf({ title: 'Fine', period: { to: '2027-01-01' } })).toMatchObject([
      { path: 'body.fields.period.from', message: 'Period › From: this field is required.' },
    ]);
    expect(errorsOf({ title: 'Fine', options: [{ name: '', cost: null }] })).toMatchObject([
      { path: 'body.fields.options.0', message: 'Options › 1: this item is empty; fill it in or remove it.' },
    ]);
  });

  it('lists the links, members by handle and Markdown values with their paths', () => {
    const result = valid({
      title: 'Fine',
      body: 'Hello _there_',
      lead: { name: 'Ann Lee', handle: 'ann.lee', email: 'ann@example.com' },
      related: { kind: 'idea', id: 'demo-idea-invoice' },
      options: [{ name: 'A' }, { name: 'B', source: { kind: 'thread', id: 'k3v9q0m2x7h1c8td' } }],
    });
    expect(result.fields.lead).toEqual({ name: 'Ann Lee', handle: 'ann.lee', email: 'ann@example.com' });
    expect(result.links).toEqual([
      { path: 'related', link: { kind: 'idea', id: 'demo-idea-invoice' } },
      { path: 'options.1.source', link: { kind: 'thread', id: 'k3v9q0m2x7h1c8td' } },
    ]);
    expect(result.people).toEqual([{ path: 'lead', handle: 'ann.lee' }]);
    expect(result.richtext).toEqual([{ path: 'body', source: 'Hello _there_' }]);
  });

  it('accepts the edges of each range', () => {
    const result = valid({
      title: long(20),
      score: 5,
      ratio: -2.75,
      budget: { amount: 999_999_999_999.99, currency: 'USD' },
      tags: ['a', 'b', 'c'],
    });
    expect(result.fields.score).toBe(5);
    expect(valid({ title: 'x', score: 1, lead: { name: 'A', handle: 'a' } }).people).toEqual([{ path: 'lead', handle: 'a' }]);
  });
});

describe('validateFields: every problem at once', () => {
  it('collects the errors of many fields in one answer, in template order', () => {
    const errors = errorsOf({
      colour: 'red',
      size: 'xl',
      due: 'tomorrow',
      budget: { amount: -5, currency: 'euro' },
      options: [{ name: 'A' }, {}, { name: 'C', cost: { amount: 1.001, currency: 'EUR' } }, { cost: { amount: 1, currency: 'EUR' } }],
      period: { to: '2027-01-01' },
    });
    expect(errors.map((e) => e.path)).toEqual([
      'body.fields.colour',
      'body.fields.title',
      'body.fields.size',
      'body.fields.due',
      'body.fields.budget.amount',
      'body.fields.budget.currency',
      'body.fields.options.1',
      'body.fields.options.2.cost.amount',
      'body.fields.options.3.name',
      'body.fields.period.from',
    ]);
  });

  it('stops at 100 errors', () => {
    const template: CardTemplate = {
      ...TEMPLATE,
      fields: [
        {
          key: 'rows',
          label: 'Rows',
          type: 'list',
          maxItems: 200,
          of: {
            type: 'record',
            fields: [
              { key: 'a', label: 'A', type: 'number' },
              { key: 'b', label: 'B', type: 'number' },
            ],
          },
        },
      ],
    };
    const rows = Array.from({ length: 150 }, () => ({ a: 'x', b: 'y' }));
    const errors = errorsOf({ rows }, template);
    expect(errors).toHaveLength(100);
    expect(errors[99]).toMatchObject({ path: 'body.fields.rows.49.b', message: 'Rows › 50 › B: must be a number; got the text “y”.' });
  });
});
