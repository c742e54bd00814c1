import type { CardTemplate } from '@bridgekit/sdk';
import { PROGRESS_OPTIONS, recordList, SCORE } from './shared.ts';

/** The aspects of a relationship both sides score. */
export const HEALTH_ITEMS = [
  { value: 'trust', label: 'Trust' },
  { value: 'communication', label: 'Communication' },
  { value: 'responsiveness', label: 'Responsiveness' },
  { value: 'business-understanding', label: 'Understanding of the business' },
  { value: 'value-delivered', label: 'Value delivered' },
  { value: 'strategic-alignment', label: 'Strategic alignment' },
  { value: 'rules-of-engagement', label: 'Rules of engagement' },
];

/**
 * A two-sided check of a relationship: the business partner and IT each score the same items.
 * The gap per item and the estimated maturity level are derived (see derive.ts).
 */
export const relationshipHealthAssessment: CardTemplate = {
  id: 'relationship-health-assessment',
  name: 'Relationship Health Assessment',
  description: 'The business partner and IT score the same aspects of their relationship; the gaps show where to act.',
  builtIn: true,
  version: 1,
  fields: [
    { key: 'partner', label: 'Business partner', help: 'The partner profile card this assessment is about.', type: 'link', to: ['card'] },
    { key: 'assessedOn', label: 'Assessed on', type: 'date' },
    recordList(
      'items',
      'Scores',
      'Each side scores every aspect from 1 (poor) to 5 (excellent) and says why.',
      [
        { key: 'item', label: 'Aspect', type: 'enum', options: HEALTH_ITEMS, required: true },
        { key: 'partnerScore', label: 'Business partner score', ...SCORE },
        { key: 'partnerComment', label: 'Business partner comment', type: 'text', multiline: true },
        { key: 'itScore', label: 'IT score', ...SCORE },
        { key: 'itComment', label: 'IT comment', type: 'text', multiline: true },
      ],
      { required: true, maxItems: HEALTH_ITEMS.length },
    ),
    recordList('agreedActions', 'Agreed actions', 'What both sides agreed to do about the gaps.', [
      { key: 'action', label: 'Action', type: 'text', required: true },
      { key: 'owner', label: 'Owner', type: 'person' },
      { key: 'due', label: 'Due', type: 'date' },
      { key: 'status', label: 'Status', type: 'enum', options: PROGRESS_OPTIONS },
    ]),
  ],
};
