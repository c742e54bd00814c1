import type { CardTemplate, FieldValue } from '@bridgekit/sdk';
import { describe, expect, it } from 'vitest';
import { diffFields } from '../../src/cards/diff.ts';
import { EXAMPLE_CARDS } from '../../src/cards/templates/examples.ts';
import { findBuiltInTemplate } from '../../src/cards/templates/index.ts';

const TEMPLATE: CardTemplate = {
  id: 'diffable',
  name: 'Diffable',
  description: '',
  builtIn: false,
  version: 1,
  fields: [
    { key: 'title', label: 'Title', type: 'text' },
    { key: 'owner', label: 'Owner', type: 'person' },
    { key: 'budget', label: 'Budget', type: 'money' },
    { key: 'tags', label: 'Tags', type: 'list', of: { type: 'text' } },
    {
      key: 'options',
      label: 'Options',
      type: 'list',
      of: {
        type: 'record',
        fields: [
          { key: 'name', label: 'Name', type: 'text' },
          { key: 'cost', label: 'Cost', type: 'money' },
        ],
      },
    },
    {
      key: 'timescale',
      label: 'Timescale',
      type: 'record',
      fields: [
        { key: 'start', label: 'Start', type: 'date' },
        { key: 'end', label: 'End', type: 'date' },
      ],
    },
  ],
};

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const option = (name: string, amount: number) => ({ name, cost: eur(amount) });
const diff = (before: Record<string, FieldValue>, after: Record<string, FieldValue>) => diffFields(TEMPLATE, before, after);

describe('diffFields', () => {
  it('finds nothing between equal values, whatever the order of their keys', () => {
    const before = { title: 'A', owner: { name: 'Ann', handle: 'ann' }, options: [option('X', 1)] };
    const after = { options: [{ cost: { currency: 'EUR', amount: 1 }, name: 'X' }], owner: { handle: 'ann', name: 'Ann' }, title: 'A' };
    expect(diff(before, after)).toEqual([]);
  });

  it('reports a changed, an added and a removed value once each, in template order', () => {
    expect(diff({ title: 'Old', budget: eur(5) }, { budget: eur(6), title: 'New', owner: { name: 'Ann' } })).toEqual([
      { path: 'title', label: 'Title', change: 'changed', before: 'Old', after: 'New' },
      { path: 'owner', label: 'Owner', change: 'added', before: null, after: { name: 'Ann' } },
      { path: 'budget', label: 'Budget', change: 'changed', before: eur(5), after: eur(6) },
    ]);
    expect(diff({ owner: { name: 'Ann' } }, {})).toEqual([
      { path: 'owner', label: 'Owner', change: 'removed', before: { name: 'Ann' }, after: null },
    ]);
  });

  it('reports the sub-field that changed in a list of records', () => {
    const before = { options: [option('A', 1), option('B', 2)] };
    const after = { options: [option('A', 1), option('B', 3)] };
    expect(diff(before, after)).toEqual([
      { path: 'options.1.cost', label: 'Options › 2 › Cost', change: 'changed', before: eur(2), after: eur(3) },
    ]);
  });

  it('reports an inserted row once, not every row after it', () => {
    const before = { options: [option('A', 1), option('B', 2)] };
    const after = { options: [option('New', 9), option('A', 1), option('B', 2)] };
    expect(diff(before, after)).toEqual([
      { path: 'options.0', label: 'Options › 1', change: 'added', before: null, after: option('New', 9) },
    ]);
  });

  it('reports a removed row at its old position', () => {
    const before = { options: [option('A', 1), option('B', 2), option('C', 3)] };
    const after = { options: [option('A', 1), option('C', 3)] };
    expect(diff(before, after)).toEqual([
      { path: 'options.1', label: 'Options › 2', change: 'removed', before: option('B', 2), after: null },
    ]);
  });

  it('pairs an edited row with its old self and reports a row added at the end', () => {
    const before = { options: [option('A', 1)] };
    const after = { options: [{ name: 'A renamed', cost: eur(1) }, option('B', 2)] };
    expect(diff(before, after)).toEqual([
      { path: 'options.0.name', label: 'Options › 1 › Name', change: 'changed', before: 'A', after: 'A renamed' },
      { path: 'options.1', label: 'Options › 2', change: 'added', before: null, after: option('B', 2) },
    ]);
  });

  it('reports a sub-field added to or removed from a row', () => {
    expect(diff({ options: [{ name: 'A' }] }, { options: [option('A', 4)] })).toEqual([
      { path: 'options.0.cost', label: 'Options › 1 › Cost', change: 'added', before: null, after: eur(4) },
    ]);
  });

  it('compares lists of text item by item', () => {
    expect(diff({ tags: ['a', 'b', 'c'] }, { tags: ['a', 'B', 'c', 'd'] })).toEqual([
      { path: 'tags.1', label: 'Tags › 2', change: 'changed', before: 'b', after: 'B' },
      { path: 'tags.3', label: 'Tags › 4', change: 'added', before: null, after: 'd' },
    ]);
    expect(diff({ tags: ['a'] }, {})).toEqual([{ path: 'tags', label: 'Tags', change: 'removed', before: ['a'], after: null }]);
  });

  it('reports the parts of a group that changed', () => {
    expect(diff({ timescale: { start: '2027-01-01', end: '2027-06-30' } }, { timescale: { start: '2027-02-01' } })).toEqual([
      { path: 'timescale.start', label: 'Timescale › Start', change: 'changed', before: '2027-01-01', after: '2027-02-01' },
      { path: 'timescale.end', label: 'Timescale › End', change: 'removed', before: '2027-06-30', after: null },
    ]);
  });

  it('still shows fields the template no longer has', () => {
    expect(diff({ title: 'A', colour: 'red' }, { title: 'A' })).toEqual([
      { path: 'colour', label: 'colour', change: 'removed', before: 'red', after: null },
    ]);
  });

  it('works on a built-in example: a new option and a changed project cost', () => {
    const template = findBuiltInTemplate('business-case');
    const example = EXAMPLE_CARDS['business-case'];
    if (!template || !example) throw new Error('missing');
    const before = example.fields;
    const options = before.options as FieldValue[];
    const after = {
      ...before,
      options: [...options, { kind: 'custom', description: 'Outsource accounts payable.' }],
      costs: { project: eur(275000), ongoing: eur(30000), funding: 'Finance transformation budget' },
    };
    expect(diffFields(template, before, after).map(({ path, label, change }) => ({ path, label, change }))).toEqual([
      { path: 'options.3', label: 'Options › 4', change: 'added' },
      { path: 'costs.project', label: 'Costs › Project cost', change: 'changed' },
    ]);
  });
});
