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
      // The partner's 3 supports level 3, IT's 4.5 level 5: the lower, 3.
      estimatedMaturity: 3,
      estimatedMaturityLabel: 'Service provider',
    });
  });

  it('never rates the relationship above what the weaker side supports', () => {
    const allFives = {
      items: [
        { item: 'trust', itScore: 5 },
        { item: 'communication', itScore: 5 },
      ],
    };
    // IT alone scoring all 5s gives no maturity at all (the domain review's "verified wrong" case).
    expect(deriveValues(health, allFives)).toEqual({ averageIt: 5 });
    const twoAndFive = { items: [{ item: 'trust', partnerScore: 2, itScore: 5 }] };
    expect(deriveValues(health, twoAndFive)).toMatchObject({ estimatedMaturity: 2, estimatedMaturityLabel: 'Order taker' });
    const fiveAndTwo = { items: [{ item: 'trust', partnerScore: 5, itScore: 2 }] };
    expect(deriveValues(health, fiveAndTwo)).toMatchObject({ estimatedMaturity: 2, estimatedMaturityLabel: 'Order taker' });
  });

  it('rounds half up and keeps two decimals', () => {
    const fields: Record<string, FieldValue> = {
      items: [
        { item: 'trust', partnerScore: 3, itScore: 4 },
        { item: 'communication', partnerScore: 3, itScore: 4 },
        { item: 'responsiveness', partnerScore: 4, itScore: 3 },
      ],
    };
    // Partner 10/3 = 3.33… → 3, IT 11/3 = 3.66… → 4; the lower is 3.
    expect(deriveValues(health, fields)).toMatchObject({ averagePartner: 3.33, averageIt: 3.67, estimatedMaturity: 3 });
    // 3.5 rounds up to level 4 on both sides.
    expect(
      deriveValues(health, {
        items: [
          { item: 'trust', partnerScore: 3, itScore: 4 },
          { item: 'communication', partnerScore: 4, itScore: 3 },
        ],
      }),
    ).toMatchObject({
      estimatedMaturity: 4,
    });
  });

  it('estimates no maturity when one side scored nothing, and derives nothing without scores', () => {
    expect(deriveValues(health, { items: [{ item: 'trust', partnerScore: 1 }] })).toEqual({ averagePartner: 1 });
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
