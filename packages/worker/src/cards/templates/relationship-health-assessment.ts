import type { CardTemplate } from '@bridgekit/sdk';
import { PROGRESS_DE, PROGRESS_OPTIONS, recordList, SCORE, type TemplateTexts, translated } from './shared.ts';

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

/** The German texts. */
const DE: TemplateTexts = {
  name: 'Beziehungs-Check',
  description: 'Geschäftspartner und IT bewerten dieselben Aspekte ihrer Beziehung; die Unterschiede zeigen, wo zu handeln ist.',
  fields: {
    partner: { label: 'Geschäftspartner', help: 'Die Profilkarte des Partners, um den es in diesem Check geht.' },
    assessedOn: { label: 'Bewertet am' },
    items: {
      itemLabel: 'Bewertung',
      label: 'Bewertungen',
      help: 'Jede Seite bewertet jeden Aspekt von 1 (schlecht) bis 5 (ausgezeichnet) und sagt, warum.',
    },
    'items.item': { label: 'Aspekt' },
    'items.partnerScore': { label: 'Bewertung des Geschäftspartners' },
    'items.partnerComment': { label: 'Kommentar des Geschäftspartners' },
    'items.itScore': { label: 'Bewertung der IT' },
    'items.itComment': { label: 'Kommentar der IT' },
    agreedActions: {
      itemLabel: 'Maßnahme',
      label: 'Vereinbarte Maßnahmen',
      help: 'Was beide Seiten wegen der Unterschiede zu tun vereinbart haben.',
    },
    'agreedActions.action': { label: 'Maßnahme' },
    'agreedActions.owner': { label: 'Verantwortlich' },
    'agreedActions.due': { label: 'Fällig' },
    'agreedActions.status': { label: 'Status' },
  },
  options: {
    ...PROGRESS_DE,
    trust: 'Vertrauen',
    communication: 'Kommunikation',
    responsiveness: 'Reaktionsschnelligkeit',
    'business-understanding': 'Verständnis für das Geschäft',
    'value-delivered': 'Gelieferter Nutzen',
    'strategic-alignment': 'Strategische Ausrichtung',
    'rules-of-engagement': 'Regeln der Zusammenarbeit',
  },
};

/**
 * A two-sided check of a relationship: the business partner and IT each score the same items.
 * The gap per item and the estimated maturity level are derived (see derive.ts).
 */
export const relationshipHealthAssessment: CardTemplate = translated(
  {
    id: 'relationship-health-assessment',
    name: 'Relationship Health Assessment',
    description: 'The business partner and IT score the same aspects of their relationship; the gaps show where to act.',
    builtIn: true,
    version: 1,
    // Relationship intelligence: kept to the unit's team unless its author says otherwise.
    visibility: 'unit',
    fields: [
      { key: 'partner', label: 'Business partner', help: 'The partner profile card this assessment is about.', type: 'link', to: ['card'] },
      { key: 'assessedOn', label: 'Assessed on', type: 'date' },
      recordList(
        'items',
        'Scores',
        'Each side scores every aspect from 1 (poor) to 5 (excellent) and says why.',
        [
          { key: 'item', label: 'Aspect', type: 'enum', options: HEALTH_ITEMS, required: true },
          // Each side's scores and comments are its own: only people of that side change them.
          { key: 'partnerScore', label: 'Business partner score', ...SCORE, side: 'business' },
          { key: 'partnerComment', label: 'Business partner comment', type: 'text', multiline: true, side: 'business' },
          { key: 'itScore', label: 'IT score', ...SCORE, side: 'provider' },
          { key: 'itComment', label: 'IT comment', type: 'text', multiline: true, side: 'provider' },
        ],
        { itemLabel: 'Score', required: true, maxItems: HEALTH_ITEMS.length },
      ),
      recordList(
        'agreedActions',
        'Agreed actions',
        'What both sides agreed to do about the gaps.',
        [
          { key: 'action', label: 'Action', type: 'text', required: true },
          { key: 'owner', label: 'Owner', type: 'person' },
          { key: 'due', label: 'Due', type: 'date' },
          { key: 'status', label: 'Status', type: 'enum', options: PROGRESS_OPTIONS },
        ],
        { itemLabel: 'Action' },
      ),
    ],
  },
  { de: DE },
);
