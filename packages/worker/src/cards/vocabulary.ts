/** The words of the practice library: maturity levels and practice areas, as people read them. */
import { MATURITY_LEVELS, type MaturityLevel, type PracticeArea } from '@bridgekit/sdk';

/** Relationship maturity, from the least to the most mature: the names of the SDK's one list, by level. */
export const MATURITY_LABELS = Object.fromEntries(MATURITY_LEVELS.map((m) => [m.level, m.label])) as Record<MaturityLevel, string>;

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
