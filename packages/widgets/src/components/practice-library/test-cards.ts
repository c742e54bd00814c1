/** Cards the widget tests create through the SDK: a valid Business Case with as little as it needs. */
import type { BridgekitClient, CardInput, PracticeCard } from '@bridgekit/sdk';

export const minimalBusinessCase = (title: string): CardInput => ({
  templateId: 'business-case',
  title,
  summary: 'A short case made by a widget test.',
  tags: ['value-realization'],
  fields: {
    executiveSummary: 'Match invoices **automatically**.',
    reasons: 'Matching by hand is slow.',
    options: [{ kind: 'do-nothing', description: 'Keep matching by hand.', cost: { amount: 1200, currency: 'EUR' } }],
    recommendedOption: 'Do something.',
    expectedBenefits: [{ benefit: 'A faster month-end close' }],
    timescale: { start: '2027-01-11' },
    costs: { project: { amount: 250000, currency: 'EUR' } },
    majorRisks: [{ risk: 'Supplier data is poor' }],
    sponsor: { name: 'Helena Fischer' },
  },
});

/** A fresh Business Case owned by the caller, with a title unique to the test. */
export function createTestCard(api: BridgekitClient, title = `Widget test case ${Date.now()} ${Math.random().toString(36).slice(2, 7)}`) {
  return api.cards.create(minimalBusinessCase(title)) as Promise<PracticeCard>;
}
