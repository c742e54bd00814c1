import type { CardTemplate } from '@bridgekit/sdk';
import { businessCase } from './business-case.ts';
import { businessPartnerProfile } from './business-partner-profile.ts';
import { relationshipHealthAssessment } from './relationship-health-assessment.ts';
import { recordList, type TemplateTexts, textList, translated } from './shared.ts';
import { stakeholderMap } from './stakeholder-map.ts';
import { strategicAccountPlan } from './strategic-account-plan.ts';
import { valueRealizationPlan } from './value-realization-plan.ts';

/** The templates a practice can name as related: the other built-in ones, by id, in their order. */
const RELATED = [
  businessPartnerProfile,
  businessCase,
  strategicAccountPlan,
  valueRealizationPlan,
  stakeholderMap,
  relationshipHealthAssessment,
];

/** The German texts. */
const DE: TemplateTexts = {
  name: 'Praxisanleitung',
  description:
    'Wiederverwendbares Wissen: ein Problem, das immer wiederkehrt, der Ansatz, der es gelöst hat, die Schritte, die Fallstricke, die Belege für die Wirkung und wann man es besser lässt.',
  fields: {
    problem: {
      label: 'Problem',
      help: 'Die Lage, die immer wiederkehrt: Wer fragt wonach, und was kostet es, wenn man es schlecht handhabt?',
    },
    context: {
      label: 'Kontext',
      help: 'Wo das funktioniert hat: welcher Geschäftsbereich, wie reif die Beziehung, wie viel Nachfrage.',
    },
    approach: { label: 'Ansatz', help: 'Was zu tun ist, und warum es wirkt.' },
    steps: {
      itemLabel: 'Schritt',
      label: 'Schritte',
      help: 'Die Schritte in ihrer Reihenfolge, jeder etwas, das ein Relationship Manager tun kann.',
    },
    pitfalls: { itemLabel: 'Fallstrick', label: 'Fallstricke', help: 'Was bei anderen schiefging, und wie man es vermeidet.' },
    evidence: { itemLabel: 'Beleg', label: 'Belege für die Wirkung', help: 'Was sich messbar geändert hat, und wo man es nachlesen kann.' },
    'evidence.result': { label: 'Ergebnis' },
    'evidence.measure': { label: 'Messgröße', help: 'Von wo nach wo, zum Beispiel „Berichtsanfragen pro Monat: 18 → 7“.' },
    'evidence.source': { label: 'Quelle', help: 'Die Diskussion, Idee oder Karte, die es zeigt.' },
    whenNotToUse: { label: 'Wann nicht', help: 'Wo diese Praxis schadet oder Mühe verschwendet, und was man stattdessen tut.' },
    relatedTemplates: {
      itemLabel: 'Vorlage',
      label: 'Verwandte Vorlagen',
      help: 'Vorlagen, die mit dieser Praxis zusammen genutzt werden, etwa ein Geschäftspartnerprofil für das erste Gespräch.',
    },
  },
  options: Object.fromEntries(RELATED.map((t) => [t.id, t.translations?.de?.name ?? t.name])),
};

/**
 * Reusable know-how, where the other built-in templates each describe one partner or
 * initiative: what a war story teaches, written so that the next relationship manager can
 * repeat it. A story promoted to a card fills `problem` and `approach` (story-fields.ts).
 */
export const practice: CardTemplate = translated(
  {
    id: 'practice',
    name: 'Practice',
    description:
      'Reusable know-how: a problem that keeps coming back, the approach that solved it, the steps, the pitfalls, the evidence that it works, and when not to use it.',
    builtIn: true,
    version: 1,
    fields: [
      {
        key: 'problem',
        label: 'Problem',
        help: 'The situation that keeps coming back: who asks for what, and what it costs when it is handled badly.',
        type: 'richtext',
        required: true,
      },
      {
        key: 'context',
        label: 'Context',
        help: 'Where this worked: the kind of business unit, how mature the relationship is, how much demand there is.',
        type: 'richtext',
      },
      { key: 'approach', label: 'Approach', help: 'What to do, and why it works.', type: 'richtext', required: true },
      textList('steps', 'Steps', 'The steps in order, each something a relationship manager can do.', 'Step'),
      textList('pitfalls', 'Pitfalls', 'What went wrong for others, and how to avoid it.', 'Pitfall'),
      recordList(
        'evidence',
        'Evidence of results',
        'What changed, measurably, and where to read about it.',
        [
          { key: 'result', label: 'Result', type: 'text', maxLength: 300, required: true },
          { key: 'measure', label: 'Measure', help: 'From what to what, e.g. “report requests per month: 18 → 7”.', type: 'text' },
          { key: 'source', label: 'Source', help: 'The thread, idea or card that shows it.', type: 'link', to: ['thread', 'idea', 'card'] },
        ],
        { itemLabel: 'Result' },
      ),
      {
        key: 'whenNotToUse',
        label: 'When not to use',
        help: 'Where this practice does harm or wastes effort, and what to do instead.',
        type: 'richtext',
      },
      {
        key: 'relatedTemplates',
        label: 'Related templates',
        help: 'Templates to use with this practice, e.g. a business partner profile to open the conversation.',
        type: 'list',
        itemLabel: 'Template',
        maxItems: RELATED.length,
        of: { type: 'enum', options: RELATED.map((t) => ({ value: t.id, label: t.name })) },
      },
    ],
  },
  { de: DE },
);
