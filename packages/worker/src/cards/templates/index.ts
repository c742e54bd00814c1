/**
 * The templates Bridgekit ships with. Their example cards (examples.ts) are demo content for
 * the seed and the tests, and are deliberately not exported here: the production Worker
 * imports this module, and the examples name the demo people.
 */
import type { CardTemplate } from '@bridgekit/sdk';
import { businessCase } from './business-case.ts';
import { businessPartnerProfile } from './business-partner-profile.ts';
import { practice } from './practice.ts';
import { relationshipHealthAssessment } from './relationship-health-assessment.ts';
import { stakeholderMap } from './stakeholder-map.ts';
import { strategicAccountPlan } from './strategic-account-plan.ts';
import { valueRealizationPlan } from './value-realization-plan.ts';

export { HEALTH_ITEMS } from './relationship-health-assessment.ts';

export const BUILT_IN_TEMPLATES: readonly CardTemplate[] = [
  businessPartnerProfile,
  businessCase,
  strategicAccountPlan,
  valueRealizationPlan,
  stakeholderMap,
  relationshipHealthAssessment,
  practice,
];

const BY_ID = new Map(BUILT_IN_TEMPLATES.map((template) => [template.id, template]));

export function findBuiltInTemplate(id: string): CardTemplate | undefined {
  return BY_ID.get(id);
}

export function isBuiltInTemplateId(id: string): boolean {
  return BY_ID.has(id);
}
