/** The words of the practice library: maturity levels and practice areas, as people read them. */
import type { MaturityLevel, PracticeArea } from '@bridgekit/sdk';

/** Relationship maturity, from the least to the most mature. */
export const MATURITY_LABELS: Record<MaturityLevel, string> = {
  1: 'Ad hoc',
  2: 'Order taker',
  3: 'Service provider',
  4: 'Trusted advisor',
  5: 'Strategic partner',
};

/** The maturity levels as enum options: values `'1'`…`'5'`, so a level reads the same in every template. */
export const MATURITY_OPTIONS: { value: string; label: string }[] = ([1, 2, 3, 4, 5] as const).map((level) => ({
  value: String(level),
  label: `${level} · ${MATURITY_LABELS[level]}`,
}));

export const PRACTICE_AREA_LABELS: Record<PracticeArea, string> = {
  'demand-shaping': 'Demand shaping',
  exploring: 'Exploring and innovation',
  'portfolio-management': 'Portfolio management',
  'value-realization': 'Value management and realization',
  'business-transition': 'Business transition',
  'strategic-partnering': 'Strategic partnering',
  'relationship-maturity': 'Relationship maturity',
  'power-skills': 'Power skills',
};
