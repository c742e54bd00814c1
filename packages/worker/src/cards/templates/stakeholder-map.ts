import type { CardTemplate } from '@bridgekit/sdk';
import { recordList, SCORE, STANCE_DE, STANCE_OPTIONS, type TemplateTexts, translated } from './shared.ts';

/** The German texts. */
const DE: TemplateTexts = {
  name: 'Stakeholder-Landkarte',
  description:
    'Die Menschen, die eine Beziehung oder Initiative beeinflussen oder von ihr betroffen sind, mit ihrem Einfluss, ihrem Interesse und ihrer Haltung.',
  fields: {
    subject: { label: 'Gegenstand', help: 'Der Partner, die Initiative oder die Karte, um die es in dieser Landkarte geht.' },
    stakeholders: {
      itemLabel: 'Stakeholder',
      label: 'Stakeholder',
      help: 'Einfluss und Interesse bestimmen den Platz jeder Person auf der Landkarte; der vorgeschlagene Umgang ergibt sich daraus.',
    },
    'stakeholders.name': { label: 'Name' },
    'stakeholders.role': { label: 'Rolle' },
    'stakeholders.orgUnit': { label: 'Organisationseinheit' },
    'stakeholders.power': { label: 'Einfluss', help: 'Von 1 (gering) bis 5 (kann allein entscheiden).' },
    'stakeholders.interest': { label: 'Interesse', help: 'Von 1 (gering) bis 5 (sehr hoch).' },
    'stakeholders.stance': { label: 'Haltung' },
    'stakeholders.relationshipOwner': { label: 'Beziehungsverantwortliche Person' },
    'stakeholders.lastInteraction': { label: 'Letzter Kontakt' },
    'stakeholders.notes': { label: 'Notizen' },
  },
  options: STANCE_DE,
};

/**
 * The people around a relationship or initiative, placed by power and interest. Each
 * stakeholder's approach is derived from the two (see derive.ts), so it is not a field.
 */
export const stakeholderMap: CardTemplate = translated(
  {
    id: 'stakeholder-map',
    name: 'Stakeholder Map',
    description: 'The people who can affect or are affected by a relationship or initiative, with their power, interest and stance.',
    builtIn: true,
    // Names executives and their stance: kept to the unit's team unless its author says otherwise.
    visibility: 'unit',
    version: 1,
    fields: [
      {
        key: 'subject',
        label: 'Subject',
        help: 'The partner, initiative or card this map is about.',
        type: 'link',
        to: ['card', 'idea', 'thread'],
      },
      recordList(
        'stakeholders',
        'Stakeholders',
        'Power and interest place each person on the map; the suggested approach follows from them.',
        [
          { key: 'name', label: 'Name', type: 'text', maxLength: 120, required: true },
          { key: 'role', label: 'Role', type: 'text' },
          { key: 'orgUnit', label: 'Organisational unit', type: 'text' },
          { key: 'power', label: 'Power', help: 'From 1 (little) to 5 (can decide alone).', ...SCORE, required: true },
          { key: 'interest', label: 'Interest', help: 'From 1 (little) to 5 (very high).', ...SCORE, required: true },
          { key: 'stance', label: 'Stance', type: 'enum', options: STANCE_OPTIONS },
          { key: 'relationshipOwner', label: 'Relationship owner', type: 'person' },
          { key: 'lastInteraction', label: 'Last interaction', type: 'date' },
          { key: 'notes', label: 'Notes', type: 'text', multiline: true },
        ],
        { itemLabel: 'Stakeholder', required: true },
      ),
    ],
  },
  { de: DE },
);
