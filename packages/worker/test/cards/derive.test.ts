import type { CardTemplate, FieldValue } from '@bridgekit/sdk';
import { describe, expect, it } from 'vitest';
import { approachFor, deriveValues } from '../../src/cards/derive.ts';
import { EXAMPLE_CARDS } from '../../src/cards/templates/examples.ts';
import { BUILT_IN_TEMPLATES, findBuiltInTemplate } from '../../src/cards/templates/index.ts';

const template = (id: string): CardTemplate => {
  const found = findBuiltInTemplate(id);
  if (!found) throw new Error(id);
  return found;
};

describe('stakeholder approach from power × interest', () => {
  it.each([
    [5, 5, 'Manage closely'],
    [3, 3, 'Manage closely'],
    [4, 2, 'Keep satisfied'],
    [3, 1, 'Keep satisfied'],
    [2, 5, 'Keep informed'],
    [1, 3, 'Keep informed'],
    [2, 2, 'Monitor'],
    [1, 1, 'Monitor'],
  ])('power %i, interest %i → %s', (power, interest, approach) => {
    expect(approachFor(power, interest)).toBe(approach);
  });

  it('is derived for every stakeholder of a map that has both scores', () => {
    const fields: Record<string, FieldValue> = {
      stakeholders: [
        { name: 'A', power: 5, interest: 4 },
        { name: 'B', power: 4, interest: 1 },
        { name: 'C', power: 1, interest: 4 },
        { name: 'D', power: 2, interest: 2 },
        { name: 'E', power: 5 },
      ],
    };
    expect(deriveValues(template('stakeholder-map'), fields)).toEqual({
      'stakeholders.0.approach': 'Manage closely',
      'stakeholders.1.approach': 'Keep satisfied',
      'stakeholders.2.approach': 'Keep informed',
      'stakeholders.3.approach': 'Monitor',
    });
  });

  it('is derived from influence × interest in a strategic account plan', () => {
    const derived = deriveValues(template('strategic-account-plan'), EXAMPLE_CARDS['strategic-account-plan']?.fields ?? {});
    expect(derived).toEqual({
      'stakeholderStrategy.0.approach': 'Manage closely',
      'stakeholderStrategy.1.approach': 'Manage closely',
      'stakeholderStrategy.2.approach': 'Keep informed',
    });
  });
});

describe('relationship health assessment', () => {
  const health = template('relationship-health-assessment');

  it('derives the gap per item, each side’s average and the estimated maturity', () => {
    const fields: Record<string, FieldValue> = {
      items: [
        { item: 'trust', partnerScore: 4, itScore: 5 },
        { item: 'communication', partnerScore: 2, itScore: 4 },
        { item: 'responsiveness', partnerScore: 3 },
      ],
    };
    expect(deriveValues(health, fields)).toEqual({
      'items.0.gap': -1,
      'items.1.gap': -2,
      averagePartner: 3,
      averageIt: 4.5,
      // (3 + 4.5) / 2 = 3.75 → 4
      estimatedMaturity: 4,
      estimatedMaturityLabel: 'Trusted advisor',
    });
  });

  it('rounds half up and keeps two decimals', () => {
    const fields: Record<string, FieldValue> = {
      items: [
        { item: 'trust', partnerScore: 3, itScore: 4 },
        { item: 'communication', partnerScore: 3, itScore: 4 },
        { item: 'responsiveness', partnerScore: 4, itScore: 3 },
      ],
    };
    // Partner 10/3 = 3.33…, IT 11/3 = 3.66…; together 3.5 → 4.
    expect(deriveValues(health, fields)).toMatchObject({ averagePartner: 3.33, averageIt: 3.67, estimatedMaturity: 4 });
  });

  it('uses one side alone when the other scored nothing, and derives nothing without scores', () => {
    expect(deriveValues(health, { items: [{ item: 'trust', partnerScore: 1 }] })).toEqual({
      averagePartner: 1,
      estimatedMaturity: 1,
      estimatedMaturityLabel: 'Ad hoc',
    });
    expect(deriveValues(health, { items: [{ item: 'trust' }] })).toEqual({});
    expect(deriveValues(health, {})).toEqual({});
  });

  it('gives the example assessment a maturity of Service provider', () => {
    const derived = deriveValues(health, EXAMPLE_CARDS['relationship-health-assessment']?.fields ?? {});
    expect(derived).toMatchObject({
      'items.2.gap': -2,
      averagePartner: 2.86,
      averageIt: 3.57,
      estimatedMaturity: 3,
      estimatedMaturityLabel: 'Service provider',
    });
  });
});

describe('templates with nothing to derive', () => {
  it('derive nothing', () => {
    for (const id of ['business-partner-profile', 'business-case', 'value-realization-plan', 'practice']) {
      expect(deriveValues(template(id), EXAMPLE_CARDS[id]?.fields ?? {})).toEqual({});
    }
    expect(BUILT_IN_TEMPLATES).toHaveLength(7);
    expect(
      deriveValues({ ...template('stakeholder-map'), id: 'my-map', builtIn: false }, EXAMPLE_CARDS['stakeholder-map']?.fields ?? {}),
    ).toEqual({});
  });
});
