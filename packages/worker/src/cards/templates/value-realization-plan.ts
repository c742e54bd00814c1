import type { CardTemplate } from '@bridgekit/sdk';
import { recordList, type TemplateTexts, textList, translated } from './shared.ts';

/** The German texts. */
const DE: TemplateTexts = {
  name: 'Nutzenrealisierungsplan',
  description: 'Der Nutzen, den eine Initiative bringen soll, wer dafür verantwortlich ist, wie er gemessen wird und wann.',
  fields: {
    initiative: {
      label: 'Initiative',
      help: 'Die Karte der Initiative (ihr Business Case), deren Nutzen dieser Plan verfolgt, oder die Idee, solange es keine Karte gibt.',
    },
    targetBenefits: { label: 'Angestrebter Nutzen', help: 'Der Wert, den die Initiative bringen soll, in einfachen Worten.' },
    strategicAlignment: {
      itemLabel: 'Ziel',
      label: 'Strategische Ausrichtung',
      help: 'Karten, Ideen oder Diskussionen zu den Zielen, denen dieser Nutzen dient.',
    },
    timeframe: { label: 'Zeitraum' },
    benefitsOwner: { label: 'Nutzenverantwortliche Person', help: 'Wer dafür verantwortlich ist, dass der Nutzen erreicht wird.' },
    metrics: {
      itemLabel: 'Kennzahl',
      label: 'Kennzahlen',
      help: 'Was Sie messen. Direkte Kennzahlen zeigen den Nutzen selbst; indirekte weisen auf ihn hin.',
    },
    'metrics.metric': { label: 'Kennzahl' },
    'metrics.kind': { label: 'Art' },
    assumptions: { itemLabel: 'Annahme', label: 'Annahmen', help: 'Was gelten muss, damit der Nutzen eintritt.' },
    risks: { itemLabel: 'Risiko', label: 'Risiken', help: 'Was den Nutzen verhindern könnte.' },
    transitionPlan: { label: 'Übergangsplan', help: 'Wie Menschen und Abläufe zur neuen Arbeitsweise wechseln.' },
    governance: { label: 'Steuerung' },
    'governance.forum': { label: 'Runde', help: 'Wo der Fortschritt geprüft wird.' },
    'governance.cadence': { label: 'Rhythmus' },
    'governance.escalation': { label: 'Eskalation', help: 'Wer entscheidet, wenn der Nutzen zurückbleibt.' },
    benefits: {
      itemLabel: 'Nutzen',
      label: 'Nutzen',
      help: 'Jeder Nutzen mit seiner Kennzahl, seinem Ausgangspunkt, seinem Ziel und wie er gemessen wird.',
    },
    'benefits.description': { label: 'Nutzen' },
    'benefits.kpi': { label: 'Kennzahl' },
    'benefits.baseline': { label: 'Ausgangswert' },
    'benefits.target': { label: 'Zielwert' },
    'benefits.method': { label: 'Messmethode' },
    'benefits.frequency': { label: 'Häufigkeit' },
    'benefits.window': { label: 'Messzeitraum' },
    'benefits.owner': { label: 'Verantwortlich' },
  },
  options: { 'short-term': 'Kurzfristig', 'long-term': 'Langfristig', ongoing: 'Laufend', direct: 'Direkt', indirect: 'Indirekt' },
};

/** How the benefits of an initiative will be measured, owned and actually realized. */
export const valueRealizationPlan: CardTemplate = translated(
  {
    id: 'value-realization-plan',
    name: 'Value Realization Plan',
    description: 'The benefits an initiative should bring, who owns them, how they are measured and when.',
    builtIn: true,
    version: 1,
    fields: [
      {
        key: 'initiative',
        label: 'Initiative',
        help: 'The card of the initiative (its business case) whose value this plan tracks, or the idea when it has no card.',
        type: 'link',
        to: ['card', 'idea'],
        required: true,
      },
      {
        key: 'targetBenefits',
        label: 'Target benefits',
        help: 'The value the initiative should bring, in plain words.',
        type: 'richtext',
        required: true,
      },
      {
        key: 'strategicAlignment',
        label: 'Strategic alignment',
        help: 'Cards, ideas or threads describing the objectives this value serves.',
        type: 'list',
        itemLabel: 'Objective',
        of: { type: 'link', to: ['card', 'idea', 'thread'] },
        required: true,
        minItems: 1,
      },
      {
        key: 'timeframe',
        label: 'Timeframe',
        type: 'enum',
        required: true,
        options: [
          { value: 'short-term', label: 'Short term' },
          { value: 'long-term', label: 'Long term' },
          { value: 'ongoing', label: 'Ongoing' },
        ],
      },
      {
        key: 'benefitsOwner',
        label: 'Benefits owner',
        help: 'Who is accountable for the benefits being realized.',
        type: 'person',
        required: true,
      },
      recordList(
        'metrics',
        'Metrics',
        'What you will measure. Direct metrics show the benefit itself; indirect ones point to it.',
        [
          { key: 'metric', label: 'Metric', type: 'text', required: true },
          {
            key: 'kind',
            label: 'Kind',
            type: 'enum',
            options: [
              { value: 'direct', label: 'Direct' },
              { value: 'indirect', label: 'Indirect' },
            ],
          },
        ],
        { itemLabel: 'Metric', required: true },
      ),
      textList('assumptions', 'Assumptions', 'What must hold true for the benefits to come.', 'Assumption'),
      textList('risks', 'Risks', 'What could stop the benefits from coming.', 'Risk'),
      {
        key: 'transitionPlan',
        label: 'Transition plan',
        help: 'How people and processes move to the new way of working.',
        type: 'richtext',
      },
      {
        key: 'governance',
        label: 'Governance',
        type: 'record',
        fields: [
          { key: 'forum', label: 'Forum', help: 'Where progress is reviewed.', type: 'text' },
          { key: 'cadence', label: 'Cadence', type: 'text' },
          { key: 'escalation', label: 'Escalation', help: 'Who decides when benefits fall behind.', type: 'text' },
        ],
      },
      recordList(
        'benefits',
        'Benefits',
        'Each benefit with its indicator, starting point, target and how it is measured.',
        [
          { key: 'description', label: 'Benefit', type: 'text', required: true },
          { key: 'kpi', label: 'Indicator', type: 'text' },
          { key: 'baseline', label: 'Baseline', type: 'text' },
          { key: 'target', label: 'Target', type: 'text' },
          { key: 'method', label: 'Measurement method', type: 'text' },
          { key: 'frequency', label: 'Frequency', type: 'text' },
          { key: 'window', label: 'Measurement window', type: 'text' },
          { key: 'owner', label: 'Owner', type: 'person' },
        ],
        { itemLabel: 'Benefit' },
      ),
    ],
  },
  { de: DE },
);
