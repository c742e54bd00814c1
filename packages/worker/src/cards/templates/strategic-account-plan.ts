import type { CardTemplate } from '@bridgekit/sdk';
import { MATURITY_OPTIONS } from '../vocabulary.ts';
import {
  MATURITY_DE,
  PROGRESS_DE,
  PROGRESS_OPTIONS,
  recordList,
  SCORE,
  STANCE_DE,
  STANCE_OPTIONS,
  type TemplateTexts,
  textList,
  translated,
} from './shared.ts';

/** The German texts. */
const DE: TemplateTexts = {
  name: 'Strategischer Account-Plan',
  description:
    'Wo die Beziehung zu einem Partner am Ende eines Zeitraums stehen soll, und der Fahrplan, die Menschen und die Runden, um dorthin zu kommen.',
  fields: {
    partner: { label: 'Geschäftspartner', help: 'Die Profilkarte des Partners, für den dieser Plan gilt.' },
    planPeriod: { label: 'Planungszeitraum' },
    'planPeriod.from': { label: 'Von' },
    'planPeriod.to': { label: 'Bis' },
    relationshipGoal: { label: 'Ziel für die Beziehung', help: 'Die Reife der Beziehung heute und am Ende des Zeitraums.' },
    'relationshipGoal.currentLevel': { label: 'Heutige Stufe' },
    'relationshipGoal.targetLevel': { label: 'Zielstufe' },
    'relationshipGoal.rationale': { label: 'Begründung', help: 'Warum dieses Ziel, und warum jetzt.' },
    objectivesInScope: { label: 'Einbezogene Ziele', help: 'Karten oder Ideen zu den Zielen des Partners, denen dieser Plan dient.' },
    jointRoadmap: { label: 'Gemeinsamer Fahrplan', help: 'Initiativen, die mit dem Partner gemeinsam geplant sind.' },
    'jointRoadmap.initiative': { label: 'Initiative' },
    'jointRoadmap.quarter': { label: 'Quartal', help: 'Zum Beispiel 2026-Q3.' },
    'jointRoadmap.status': { label: 'Status' },
    'jointRoadmap.valuePlan': { label: 'Nutzenplan', help: 'Die Karte mit dem Nutzenrealisierungsplan der Initiative.' },
    stakeholderStrategy: {
      label: 'Stakeholder-Strategie',
      help: 'Die Menschen, auf die es ankommt, wo sie stehen und wie Sie sie einbinden.',
    },
    'stakeholderStrategy.person': { label: 'Stakeholder' },
    'stakeholderStrategy.influence': { label: 'Einfluss', help: 'Von 1 (gering) bis 5 (entscheidend).' },
    'stakeholderStrategy.interest': { label: 'Interesse', help: 'Von 1 (gering) bis 5 (sehr hoch).' },
    'stakeholderStrategy.stance': { label: 'Haltung heute' },
    'stakeholderStrategy.desiredStance': { label: 'Angestrebte Haltung' },
    'stakeholderStrategy.actions': { label: 'Maßnahmen' },
    'stakeholderStrategy.owner': { label: 'Verantwortlich', help: 'Wer sich um diese Person kümmert.' },
    engagementPlan: { label: 'Austauschplan', help: 'Die Runden, in denen Sie den Partner treffen.' },
    'engagementPlan.forum': { label: 'Runde' },
    'engagementPlan.cadence': { label: 'Rhythmus' },
    'engagementPlan.attendees': { label: 'Teilnehmende' },
    'engagementPlan.purpose': { label: 'Zweck' },
    valueScorecard: { label: 'Nutzenübersicht', help: 'Geplanter und bisher erreichter Nutzen.' },
    'valueScorecard.benefit': { label: 'Nutzen' },
    'valueScorecard.planned': { label: 'Geplant' },
    'valueScorecard.realized': { label: 'Erreicht' },
    risksAndIssues: { label: 'Risiken und Probleme', help: 'Was den Plan gefährdet.' },
    actionLog: { label: 'Maßnahmenliste', help: 'Vereinbarte Maßnahmen und ihr Fortschritt.' },
    'actionLog.action': { label: 'Maßnahme' },
    'actionLog.owner': { label: 'Verantwortlich' },
    'actionLog.due': { label: 'Fällig' },
    'actionLog.status': { label: 'Status' },
  },
  options: { ...PROGRESS_DE, ...STANCE_DE, ...MATURITY_DE },
};

/** How the relationship with one partner should grow over a plan period, and who does what. */
export const strategicAccountPlan: CardTemplate = translated(
  {
    id: 'strategic-account-plan',
    name: 'Strategic Account Plan',
    description: 'Where the relationship with a partner should be by the end of a period, and the roadmap, people and forums to get there.',
    builtIn: true,
    // Names executives and their stance: kept to the unit's team unless its author says otherwise.
    visibility: 'unit',
    version: 1,
    // The plan's review-by date is the card's own (`reviewBy`), which drives the review queue.
    fields: [
      {
        key: 'partner',
        label: 'Business partner',
        help: 'The partner profile card this plan is for.',
        type: 'link',
        to: ['card'],
        required: true,
      },
      {
        key: 'planPeriod',
        label: 'Plan period',
        type: 'record',
        required: true,
        fields: [
          { key: 'from', label: 'From', type: 'date', required: true },
          { key: 'to', label: 'To', type: 'date', required: true },
        ],
      },
      {
        key: 'relationshipGoal',
        label: 'Relationship goal',
        help: 'The maturity of the relationship today and at the end of the period.',
        type: 'record',
        required: true,
        fields: [
          { key: 'currentLevel', label: 'Current level', type: 'enum', options: MATURITY_OPTIONS, required: true },
          { key: 'targetLevel', label: 'Target level', type: 'enum', options: MATURITY_OPTIONS, required: true },
          { key: 'rationale', label: 'Rationale', help: 'Why this target, and why now.', type: 'text', multiline: true },
        ],
      },
      {
        key: 'objectivesInScope',
        label: 'Objectives in scope',
        help: "Cards or ideas describing the partner's objectives this plan serves.",
        type: 'list',
        of: { type: 'link', to: ['card', 'idea'] },
        required: true,
        minItems: 1,
      },
      recordList('jointRoadmap', 'Joint roadmap', 'Initiatives planned together with the partner.', [
        { key: 'initiative', label: 'Initiative', type: 'text', required: true },
        { key: 'quarter', label: 'Quarter', help: 'For example 2026-Q3.', type: 'text', maxLength: 20 },
        { key: 'status', label: 'Status', type: 'enum', options: PROGRESS_OPTIONS },
        { key: 'valuePlan', label: 'Value plan', help: 'The value realization plan card of the initiative.', type: 'link', to: ['card'] },
      ]),
      recordList('stakeholderStrategy', 'Stakeholder strategy', 'The people who matter, where they stand, and how you will engage them.', [
        { key: 'person', label: 'Stakeholder', type: 'person', required: true },
        { key: 'influence', label: 'Influence', help: 'From 1 (little) to 5 (decisive).', ...SCORE },
        { key: 'interest', label: 'Interest', help: 'From 1 (little) to 5 (very high).', ...SCORE },
        { key: 'stance', label: 'Stance today', type: 'enum', options: STANCE_OPTIONS },
        { key: 'desiredStance', label: 'Desired stance', type: 'enum', options: STANCE_OPTIONS },
        { key: 'actions', label: 'Actions', type: 'text', multiline: true },
        { key: 'owner', label: 'Owner', help: 'Who looks after this stakeholder.', type: 'person' },
      ]),
      recordList('engagementPlan', 'Engagement plan', 'The forums where you meet the partner.', [
        { key: 'forum', label: 'Forum', type: 'text', required: true },
        { key: 'cadence', label: 'Cadence', type: 'text' },
        { key: 'attendees', label: 'Attendees', type: 'text' },
        { key: 'purpose', label: 'Purpose', type: 'text' },
      ]),
      recordList('valueScorecard', 'Value scorecard', 'Benefits planned and realized so far.', [
        { key: 'benefit', label: 'Benefit', type: 'text', required: true },
        { key: 'planned', label: 'Planned', type: 'text' },
        { key: 'realized', label: 'Realized', type: 'text' },
      ]),
      textList('risksAndIssues', 'Risks and issues', 'What threatens the plan.'),
      recordList('actionLog', 'Action log', 'Agreed actions and their progress.', [
        { key: 'action', label: 'Action', type: 'text', required: true },
        { key: 'owner', label: 'Owner', type: 'person' },
        { key: 'due', label: 'Due', type: 'date' },
        { key: 'status', label: 'Status', type: 'enum', options: PROGRESS_OPTIONS },
      ]),
    ],
  },
  { de: DE },
);
