import { describe, expect, it } from 'vitest';
import { searchableText } from '../../src/cards/search-text.ts';
import { EXAMPLE_CARDS } from '../../src/cards/templates/examples.ts';
import { BUILT_IN_TEMPLATES, findBuiltInTemplate } from '../../src/cards/templates/index.ts';

describe('searchableText', () => {
  it('flattens text, Markdown, option labels, names and nested values of a business case', () => {
    const template = findBuiltInTemplate('business-case');
    const fields = EXAMPLE_CARDS['business-case']?.fields;
    if (!template || !fields) throw new Error('missing');
    const text = searchableText(template, fields);
    for (const words of [
      'Three clerks spend most of each week',
      '**EUR 250,000**',
      'Do nothing Keep matching by hand.',
      'Helena Fischer',
      'Clean the top 500 suppliers first.',
      'Three years from go-live',
      'Finance transformation budget',
      'Payback period',
      'Approved',
    ]) {
      expect(text).toContain(words);
    }
    expect(text).not.toContain('do-nothing');
    expect(text).not.toContain('2027-01-11');
    expect(text).not.toContain('demo-idea-invoice');
    expect(text).not.toMatch(/\s{2,}|\n/);
  });

  it('has words for every example card', () => {
    for (const template of BUILT_IN_TEMPLATES) {
      expect(searchableText(template, EXAMPLE_CARDS[template.id]?.fields ?? {}).length).toBeGreaterThan(50);
    }
  });

  it('is only the template name for a card with no text', () => {
    const template = findBuiltInTemplate('stakeholder-map');
    if (!template) throw new Error('missing');
    expect(searchableText(template, {})).toBe(template.name);
    expect(searchableText(template, { stakeholders: [{ name: 'Ann', power: 3, interest: 2, stance: 'blocker' }] })).toBe(
      'Stakeholder Map Ann Blocker',
    );
  });
});
