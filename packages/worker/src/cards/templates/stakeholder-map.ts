import type { CardTemplate } from '@bridgekit/sdk';
import { recordList, SCORE, STANCE_OPTIONS } from './shared.ts';

/**
 * The people around a relationship or initiative, placed by power and interest. Each
 * stakeholder's approach is derived from the two (see derive.ts), so it is not a field.
 */
export const stakeholderMap: CardTemplate = {
  id: 'stakeholder-map',
  name: 'Stakeholder Map',
  description: 'The people who can affect or are affected by a relationship or initiative, with their power, interest and stance.',
  builtIn: true,
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
      { required: true },
    ),
  ],
};
