import type { CardTemplate } from '@bridgekit/sdk';
import { MATURITY_OPTIONS } from '../vocabulary.ts';
import {
  LOW_TO_HIGH,
  LOW_TO_HIGH_DE,
  MATURITY_DE,
  PROGRESS_DE,
  PROGRESS_OPTIONS,
  recordList,
  SCORE,
  type TemplateTexts,
  textList,
  translated,
} from './shared.ts';

/** The German texts. */
const DE: TemplateTexts = {
  name: 'Geschäftspartner-Profil',
  description: 'Ein Profil eines Geschäftspartners: seine Ziele, Menschen, Fähigkeiten, genutzten Services und der Stand der Beziehung.',
  fields: {
    partnerName: {
      label: 'Geschäftspartner',
      help: 'Der Geschäftsbereich, die Funktion oder das Unternehmen, um das es in diesem Profil geht.',
    },
    executiveSponsor: {
      label: 'Sponsor in der Leitung',
      help: 'Die Führungskraft auf Partnerseite, die für die Beziehung verantwortlich ist.',
    },
    keyContacts: {
      itemLabel: 'Ansprechperson',
      label: 'Wichtige Ansprechpersonen',
      help: 'Menschen auf Partnerseite, mit denen Sie arbeiten, und was sie tun.',
    },
    'keyContacts.person': { label: 'Person' },
    'keyContacts.role': { label: 'Rolle', help: 'Ihre Aufgabe oder ihr Teil in der Beziehung.' },
    mission: { label: 'Auftrag', help: 'Wofür es den Partner gibt, in seinen eigenen Worten.' },
    strategicObjectives: {
      itemLabel: 'Ziel',
      label: 'Strategische Ziele',
      help: 'Was der Partner erreichen will, bis wann, und woran er es merkt.',
    },
    'strategicObjectives.objective': { label: 'Ziel' },
    'strategicObjectives.horizon': { label: 'Zeithorizont' },
    'strategicObjectives.kpi': { label: 'Erfolgsmaß', help: 'Die Kennzahl, die den Fortschritt zeigt.' },
    keyBusinessCapabilities: {
      itemLabel: 'Fähigkeit',
      label: 'Wichtige Geschäftsfähigkeiten',
      help: 'Was der Partner gut können muss, um erfolgreich zu sein.',
    },
    kpis: { itemLabel: 'Kennzahl', label: 'Leistungskennzahlen', help: 'Die Zahlen, an denen der Partner gemessen wird.' },
    currentInitiatives: {
      itemLabel: 'Initiative',
      label: 'Laufende Initiativen',
      help: 'Projekte und Programme, die auf Partnerseite laufen.',
    },
    'currentInitiatives.name': { label: 'Initiative' },
    'currentInitiatives.status': { label: 'Status' },
    'currentInitiatives.link': { label: 'Zugehöriges Element', help: 'Eine Karte, Idee oder Diskussion zur Initiative.' },
    painPoints: { itemLabel: 'Schmerzpunkt', label: 'Schmerzpunkte', help: 'Was dem Partner heute im Weg steht.' },
    servicesConsumed: {
      itemLabel: 'Service',
      label: 'Genutzte Services',
      help: 'Die Services, auf die der Partner angewiesen ist, und wie zufrieden er mit jedem ist.',
    },
    'servicesConsumed.service': { label: 'Service' },
    'servicesConsumed.criticality': { label: 'Kritikalität' },
    'servicesConsumed.satisfaction': { label: 'Zufriedenheit', help: 'Von 1 (sehr unzufrieden) bis 5 (sehr zufrieden).' },
    opportunities: { itemLabel: 'Chance', label: 'Chancen', help: 'Ideen, die für den Partner Wert schaffen könnten.' },
    relationshipMaturity: { label: 'Reife der Beziehung', help: 'Wie reif die Beziehung heute ist.' },
    engagementCadence: { label: 'Austauschrhythmus', help: 'Wie oft Sie sich treffen, und in welchen Runden.' },
    lastContact: { label: 'Letzter Kontakt' },
    risks: { label: 'Risiken', help: 'Was dem Partner oder der Beziehung schaden könnte.' },
  },
  options: {
    ...LOW_TO_HIGH_DE,
    ...PROGRESS_DE,
    ...MATURITY_DE,
    critical: 'Kritisch',
    'this-year': 'Dieses Jahr',
    'one-to-three-years': '1–3 Jahre',
    'beyond-three-years': 'Mehr als 3 Jahre',
  },
};

/** Who a business partner is, what they aim for, and how the relationship with them stands. */
export const businessPartnerProfile: CardTemplate = translated(
  {
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
      recordList(
        'keyContacts',
        'Key contacts',
        'People you work with on the partner side, and what they do.',
        [
          { key: 'person', label: 'Person', type: 'person', required: true },
          { key: 'role', label: 'Role', help: 'Their job or their part in the relationship.', type: 'text', maxLength: 200 },
        ],
        { itemLabel: 'Contact' },
      ),
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
        { itemLabel: 'Objective', required: true },
      ),
      textList('keyBusinessCapabilities', 'Key business capabilities', 'What the partner must be good at to succeed.', 'Capability'),
      textList('kpis', 'Key performance indicators', 'The numbers the partner is judged by.', 'Indicator'),
      recordList(
        'currentInitiatives',
        'Current initiatives',
        'Projects and programmes under way on the partner side.',
        [
          { key: 'name', label: 'Initiative', type: 'text', required: true },
          { key: 'status', label: 'Status', type: 'enum', options: PROGRESS_OPTIONS },
          {
            key: 'link',
            label: 'Related item',
            help: 'A card, idea or thread about the initiative.',
            type: 'link',
            to: ['card', 'idea', 'thread'],
          },
        ],
        { itemLabel: 'Initiative' },
      ),
      textList('painPoints', 'Pain points', 'What gets in the way of the partner today.', 'Pain point'),
      recordList(
        'servicesConsumed',
        'Services used',
        'The services the partner depends on, and how happy they are with each.',
        [
          { key: 'service', label: 'Service', type: 'text', required: true },
          { key: 'criticality', label: 'Criticality', type: 'enum', options: [...LOW_TO_HIGH, { value: 'critical', label: 'Critical' }] },
          { key: 'satisfaction', label: 'Satisfaction', help: 'From 1 (very unhappy) to 5 (very happy).', ...SCORE },
        ],
        { itemLabel: 'Service' },
      ),
      {
        key: 'opportunities',
        label: 'Opportunities',
        help: 'Ideas that could create value for the partner.',
        type: 'list',
        itemLabel: 'Opportunity',
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
  },
  { de: DE },
);
