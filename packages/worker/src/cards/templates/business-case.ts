import type { CardTemplate } from '@bridgekit/sdk';
import { LOW_TO_HIGH, recordList } from './shared.ts';

/** Why an investment is worth making: options, costs, benefits, risks and the decision. */
export const businessCase: CardTemplate = {
  id: 'business-case',
  name: 'Business Case',
  description: 'The reasons for an investment, the options considered, what it costs, the benefits expected and the risks.',
  builtIn: true,
  version: 1,
  fields: [
    {
      key: 'executiveSummary',
      label: 'Executive summary',
      help: 'The case in a few sentences, for a busy decision maker.',
      type: 'richtext',
      required: true,
    },
    { key: 'reasons', label: 'Reasons', help: 'The problem or opportunity, and why act now.', type: 'richtext', required: true },
    recordList(
      'options',
      'Options',
      'The choices considered, including doing nothing.',
      [
        {
          key: 'kind',
          label: 'Kind',
          type: 'enum',
          required: true,
          options: [
            { value: 'do-nothing', label: 'Do nothing' },
            { value: 'do-minimum', label: 'Do the minimum' },
            { value: 'do-something', label: 'Do something' },
            { value: 'custom', label: 'Other' },
          ],
        },
        { key: 'description', label: 'Description', type: 'text', multiline: true, required: true },
        { key: 'cost', label: 'Cost', type: 'money' },
        { key: 'benefits', label: 'Benefits', type: 'text', multiline: true },
        { key: 'risks', label: 'Risks', type: 'text', multiline: true },
      ],
      { required: true },
    ),
    {
      key: 'recommendedOption',
      label: 'Recommended option',
      help: 'Which option you recommend, and why in one line.',
      type: 'text',
      maxLength: 500,
      required: true,
    },
    recordList(
      'expectedBenefits',
      'Expected benefits',
      'Each benefit with how it is measured, from where to where, and when.',
      [
        { key: 'benefit', label: 'Benefit', type: 'text', required: true },
        { key: 'measure', label: 'Measure', type: 'text' },
        { key: 'baseline', label: 'Baseline', help: 'The value today.', type: 'text' },
        { key: 'target', label: 'Target', type: 'text' },
        { key: 'tolerance', label: 'Tolerance', help: 'How far from the target is still acceptable.', type: 'text' },
        { key: 'when', label: 'When', help: 'When the benefit should show.', type: 'text' },
      ],
      { required: true },
    ),
    recordList('disbenefits', 'Disbenefits', 'Outcomes someone will see as negative.', [
      { key: 'disbenefit', label: 'Disbenefit', type: 'text', required: true },
      { key: 'value', label: 'Impact', help: 'How large it is, in money or in words.', type: 'text' },
    ]),
    {
      key: 'timescale',
      label: 'Timescale',
      type: 'record',
      required: true,
      fields: [
        { key: 'start', label: 'Start', type: 'date', required: true },
        { key: 'end', label: 'End', type: 'date' },
        { key: 'benefitsPeriod', label: 'Benefits period', help: 'Over which time the benefits are counted.', type: 'text' },
      ],
    },
    {
      key: 'costs',
      label: 'Costs',
      type: 'record',
      required: true,
      fields: [
        { key: 'project', label: 'Project cost', help: 'One-off cost to deliver.', type: 'money', required: true },
        { key: 'ongoing', label: 'Ongoing cost per year', type: 'money' },
        { key: 'funding', label: 'Funding', help: 'Where the money comes from.', type: 'text' },
      ],
    },
    {
      key: 'appraisal',
      label: 'Investment appraisal',
      type: 'record',
      fields: [
        {
          key: 'method',
          label: 'Method',
          type: 'enum',
          options: [
            { value: 'npv', label: 'Net present value' },
            { value: 'roi', label: 'Return on investment' },
            { value: 'payback', label: 'Payback period' },
            { value: 'irr', label: 'Internal rate of return' },
          ],
        },
        { key: 'result', label: 'Result', type: 'text' },
        { key: 'assumptions', label: 'Assumptions', type: 'text', multiline: true },
      ],
    },
    recordList(
      'majorRisks',
      'Major risks',
      'What could go wrong, how likely and how bad, and what you will do about it.',
      [
        { key: 'risk', label: 'Risk', type: 'text', required: true },
        { key: 'impact', label: 'Impact', type: 'enum', options: LOW_TO_HIGH },
        { key: 'probability', label: 'Probability', type: 'enum', options: LOW_TO_HIGH },
        { key: 'mitigation', label: 'Mitigation', type: 'text', multiline: true },
      ],
      { required: true },
    ),
    {
      key: 'strategicAlignment',
      label: 'Strategic alignment',
      help: 'Cards, ideas or threads describing the objectives this case supports.',
      type: 'list',
      of: { type: 'link', to: ['card', 'idea', 'thread'] },
    },
    { key: 'sponsor', label: 'Sponsor', help: 'Who is accountable for the investment and its benefits.', type: 'person', required: true },
    {
      key: 'decisionStatus',
      label: 'Decision',
      type: 'enum',
      options: [
        { value: 'draft', label: 'Draft' },
        { value: 'submitted', label: 'Submitted' },
        { value: 'approved', label: 'Approved' },
        { value: 'rejected', label: 'Rejected' },
        { value: 'deferred', label: 'Deferred' },
      ],
    },
  ],
};
