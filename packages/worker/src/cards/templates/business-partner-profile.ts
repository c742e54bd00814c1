import type { CardTemplate } from '@bridgekit/sdk';
import { MATURITY_OPTIONS } from '../vocabulary.ts';
import { LOW_TO_HIGH, PROGRESS_OPTIONS, recordList, SCORE, textList } from './shared.ts';

/** Who a business partner is, what they aim for, and how the relationship with them stands. */
export const businessPartnerProfile: CardTemplate = {
  id: 'business-partner-profile',
  name: 'Business Partner Profile',
  description: 'A profile of one business partner: their goals, people, capabilities, services used and the state of the relationship.',
  builtIn: true,
  version: 1,
  // The profile's owner and review-by date are the card's own (`owner`, `reviewBy`), not fields:
  // one owner and one date drive the review queue.
  fields: [
    {
      key: 'partnerName',
      label: 'Business partner',
      help: 'The business unit, function or company this profile is about.',
      type: 'text',
      maxLength: 200,
      required: true,
    },
    {
      key: 'executiveSponsor',
      label: 'Executive sponsor',
      help: 'The senior leader on the partner side who owns the relationship.',
      type: 'person',
      required: true,
    },
    recordList('keyContacts', 'Key contacts', 'People you work with on the partner side, and what they do.', [
      { key: 'person', label: 'Person', type: 'person', required: true },
      { key: 'role', label: 'Role', help: 'Their job or their part in the relationship.', type: 'text', maxLength: 200 },
    ]),
    { key: 'mission', label: 'Mission', help: 'What the partner exists to do, in their own words.', type: 'richtext' },
    recordList(
      'strategicObjectives',
      'Strategic objectives',
      'What the partner wants to achieve, by when, and how they will know.',
      [
        { key: 'objective', label: 'Objective', type: 'text', required: true },
        {
          key: 'horizon',
          label: 'Horizon',
          type: 'enum',
          options: [
            { value: 'this-year', label: 'This year' },
            { value: 'one-to-three-years', label: '1–3 years' },
            { value: 'beyond-three-years', label: 'Beyond 3 years' },
          ],
        },
        { key: 'kpi', label: 'Measure of success', help: 'The indicator that shows progress.', type: 'text' },
      ],
      { required: true },
    ),
    textList('keyBusinessCapabilities', 'Key business capabilities', 'What the partner must be good at to succeed.'),
    textList('kpis', 'Key performance indicators', 'The numbers the partner is judged by.'),
    recordList('currentInitiatives', 'Current initiatives', 'Projects and programmes under way on the partner side.', [
      { key: 'name', label: 'Initiative', type: 'text', required: true },
      { key: 'status', label: 'Status', type: 'enum', options: PROGRESS_OPTIONS },
      {
        key: 'link',
        label: 'Related item',
        help: 'A card, idea or thread about the initiative.',
        type: 'link',
        to: ['card', 'idea', 'thread'],
      },
    ]),
    textList('painPoints', 'Pain points', 'What gets in the way of the partner today.'),
    recordList('servicesConsumed', 'Services used', 'The services the partner depends on, and how happy they are with each.', [
      { key: 'service', label: 'Service', type: 'text', required: true },
      { key: 'criticality', label: 'Criticality', type: 'enum', options: [...LOW_TO_HIGH, { value: 'critical', label: 'Critical' }] },
      { key: 'satisfaction', label: 'Satisfaction', help: 'From 1 (very unhappy) to 5 (very happy).', ...SCORE },
    ]),
    {
      key: 'opportunities',
      label: 'Opportunities',
      help: 'Ideas that could create value for the partner.',
      type: 'list',
      of: { type: 'link', to: ['idea'] },
    },
    {
      key: 'relationshipMaturity',
      label: 'Relationship maturity',
      help: 'How mature the relationship is today.',
      type: 'enum',
      options: MATURITY_OPTIONS,
    },
    {
      key: 'engagementCadence',
      label: 'Engagement cadence',
      help: 'How often you meet, and in which forums.',
      type: 'text',
      maxLength: 500,
    },
    { key: 'lastContact', label: 'Last contact', type: 'date' },
    { key: 'risks', label: 'Risks', help: 'What could harm the partner or the relationship.', type: 'richtext' },
  ],
};
