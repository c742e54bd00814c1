/**
 * One realistic example card per built-in template, about the fictional company Contoso: the
 * demo seed creates them and the tests check that each one passes its own template. Links
 * point at the demo tenant's seeded ideas and threads and at the other example cards by their
 * ids in `exampleCardId`, so the seed must create the example cards with those ids.
 */
import type { FieldValue, MaturityLevel, PracticeArea } from '@bridgekit/sdk';

export interface ExampleCard {
  title: string;
  summary: string;
  fields: Record<string, FieldValue>;
  tags: PracticeArea[];
  maturityLevel: MaturityLevel | null;
  /** The key of the demo unit the card is about; its visibility is its template's default. */
  unit?: string;
}

/** The id each example card is seeded with (the same rule as the demo seed's `demoCardId`). */
export const exampleCardId = (templateId: string) => `demo-card-${templateId}`;

const card = (templateId: string) => ({ kind: 'card', id: exampleCardId(templateId) }) as const;
const idea = (id: string) => ({ kind: 'idea', id }) as const;
const thread = (id: string) => ({ kind: 'thread', id }) as const;

const AMARA = { name: 'Amara Okafor', handle: 'amara.okafor' };
const MEI = { name: 'Mei Chen', handle: 'mei.chen' };
const CFO = { name: 'Helena Fischer' };

export const EXAMPLE_CARDS: Record<string, ExampleCard> = {
  'business-partner-profile': {
    unit: 'finance',
    title: 'Contoso Finance: business partner profile',
    summary: 'Who Contoso Finance is, what the CFO wants from the next two years, and how IT serves the finance team today.',
    tags: ['strategic-partnering', 'relationship-maturity'],
    maturityLevel: 3,
    fields: {
      partnerName: 'Contoso Finance',
      executiveSponsor: CFO,
      keyContacts: [
        { person: CFO, role: 'Chief financial officer' },
        { person: { name: 'Rafael Souza' }, role: 'Head of accounts payable' },
        { person: { name: 'Ingrid Larsen' }, role: 'Group financial controller' },
      ],
      mission:
        'Give Contoso **timely, trusted numbers** so leaders can decide with confidence, and pay suppliers and staff right the first time.',
      strategicObjectives: [
        { objective: 'Close the books in three working days', horizon: 'this-year', kpi: 'Working days to close' },
        { objective: 'Cut the cost of processing an invoice by half', horizon: 'one-to-three-years', kpi: 'Cost per invoice' },
        { objective: 'Move planning to rolling forecasts', horizon: 'beyond-three-years' },
      ],
      keyBusinessCapabilities: ['Financial close and reporting', 'Accounts payable', 'Treasury', 'Planning and forecasting'],
      kpis: ['Days to close', 'Cost per invoice', 'Late-payment fees', 'Forecast accuracy'],
      currentInitiatives: [
        { name: 'Automated reconciliations', status: 'planned', link: idea('demo-idea-close') },
        { name: 'Supplier self-service portal', status: 'in-progress' },
      ],
      painPoints: [
        'Invoices are matched to purchase orders by hand',
        'Month-end close takes seven working days',
        'Reports arrive too late to act on',
      ],
      servicesConsumed: [
        { service: 'ERP general ledger', criticality: 'critical', satisfaction: 3 },
        { service: 'Expense management', criticality: 'medium', satisfaction: 2 },
        { service: 'Reporting and dashboards', criticality: 'high', satisfaction: 3 },
      ],
      opportunities: [idea('demo-idea-invoice'), idea('demo-idea-close')],
      relationshipMaturity: '3',
      engagementCadence: 'Monthly with the CFO; every two weeks with the finance leadership team.',
      lastContact: '2026-11-12',
      risks: 'Two key finance analysts leave in the spring. Their spreadsheet macros are **not documented**.',
    },
  },
  'business-case': {
    title: 'Business case: automated invoice matching',
    summary:
      'Automatic three-way matching in accounts payable pays for itself in under two years and frees three people for supplier work.',
    tags: ['demand-shaping', 'value-realization', 'power-skills'],
    maturityLevel: 3,
    fields: {
      executiveSummary:
        'Three clerks spend most of each week matching invoices by hand. Automating three-way matching costs **EUR 250,000** and saves about EUR 180,000 a year from the second year.',
      reasons:
        '- Late-payment fees rose 40 % last year\n- Suppliers complain about slow payment\n- The finance team cannot grow with the business',
      options: [
        {
          kind: 'do-nothing',
          description: 'Keep matching by hand.',
          cost: { amount: 0, currency: 'EUR' },
          risks: 'Fees keep rising; staff turnover.',
        },
        {
          kind: 'do-minimum',
          description: 'Hire one temporary clerk for the busiest months.',
          cost: { amount: 45000, currency: 'EUR' },
          benefits: 'Shorter backlog at month end.',
        },
        {
          kind: 'do-something',
          description: 'Switch on the ERP matching module and clean supplier master data.',
          cost: { amount: 250000, currency: 'EUR' },
          benefits: 'Most invoices match without a person.',
          risks: 'Poor master data slows the rollout.',
        },
      ],
      recommendedOption: 'Do something: the ERP matching module, with a master data clean-up first.',
      expectedBenefits: [
        {
          benefit: 'Lower processing cost',
          measure: 'Cost per invoice',
          baseline: 'EUR 9.40',
          target: 'EUR 4.50',
          tolerance: '±10 %',
          when: '2027-Q4',
        },
        { benefit: 'Fewer late-payment fees', measure: 'Fees per quarter', baseline: 'EUR 38,000', target: 'EUR 10,000', when: '2027-Q3' },
      ],
      disbenefits: [{ disbenefit: 'Clerks need retraining for exception handling', value: 'Two weeks of lower output' }],
      timescale: { start: '2027-01-11', end: '2027-06-30', benefitsPeriod: 'Three years from go-live' },
      costs: {
        project: { amount: 250000, currency: 'EUR' },
        ongoing: { amount: 30000, currency: 'EUR' },
        funding: 'Finance transformation budget',
      },
      appraisal: { method: 'payback', result: '22 months', assumptions: '80 % of invoices match automatically after six months.' },
      majorRisks: [
        { risk: 'Supplier master data is poor', impact: 'high', probability: 'medium', mitigation: 'Clean the top 500 suppliers first.' },
        {
          risk: 'Clerks resist the change',
          impact: 'medium',
          probability: 'low',
          mitigation: 'Involve them in designing the exception queue.',
        },
      ],
      strategicAlignment: [card('business-partner-profile'), idea('demo-idea-invoice')],
      sponsor: CFO,
      decisionStatus: 'approved',
    },
  },
  'strategic-account-plan': {
    unit: 'finance',
    title: 'Contoso Finance: account plan 2027',
    summary:
      'How IT and Finance move from service provider to trusted advisor in 2027: a joint roadmap, the people who matter and the forums to meet in.',
    tags: ['strategic-partnering', 'relationship-maturity', 'portfolio-management'],
    maturityLevel: 4,
    fields: {
      partner: card('business-partner-profile'),
      planPeriod: { from: '2027-01-01', to: '2027-12-31' },
      relationshipGoal: {
        currentLevel: '3',
        targetLevel: '4',
        rationale: 'Finance already trusts IT to run its systems; the next step is to be asked before decisions are made.',
      },
      objectivesInScope: [idea('demo-idea-close'), idea('demo-idea-invoice')],
      jointRoadmap: [
        { initiative: 'Automated invoice matching', quarter: '2027-Q1', status: 'planned', valuePlan: card('value-realization-plan') },
        { initiative: 'Automated reconciliations', quarter: '2027-Q3', status: 'planned' },
      ],
      stakeholderStrategy: [
        {
          person: CFO,
          influence: 5,
          interest: 4,
          stance: 'supporter',
          desiredStance: 'champion',
          actions: 'Quarterly value review; invite to the architecture board.',
          owner: AMARA,
        },
        { person: { name: 'Ingrid Larsen' }, influence: 3, interest: 5, stance: 'neutral', desiredStance: 'supporter', owner: AMARA },
        {
          person: { name: 'Rafael Souza' },
          influence: 2,
          interest: 4,
          stance: 'skeptic',
          desiredStance: 'supporter',
          actions: 'Pilot the exception queue with his team.',
        },
      ],
      engagementPlan: [
        { forum: 'CFO one-to-one', cadence: 'Monthly', attendees: 'CFO, BRM', purpose: 'Priorities and escalations' },
        {
          forum: 'Finance IT steering group',
          cadence: 'Quarterly',
          attendees: 'Finance leadership, IT leads',
          purpose: 'Roadmap and value review',
        },
      ],
      valueScorecard: [{ benefit: 'Cost per invoice', planned: 'EUR 4.50', realized: 'EUR 9.40 (not started)' }],
      risksAndIssues: ['ERP upgrade competes for the same people in Q2'],
      actionLog: [
        { action: 'Agree the 2027 roadmap with the CFO', owner: AMARA, due: '2027-01-31', status: 'in-progress' },
        { action: 'Run the relationship health assessment', owner: MEI, due: '2027-02-28', status: 'planned' },
      ],
    },
  },
  'value-realization-plan': {
    title: 'Value plan: automated invoice matching',
    summary: 'The benefits of automated invoice matching, who owns them, and how and when they are measured.',
    tags: ['value-realization', 'business-transition'],
    maturityLevel: 4,
    fields: {
      initiative: card('business-case'),
      targetBenefits: 'Halve the **cost per invoice** and cut late-payment fees by three quarters within a year of go-live.',
      strategicAlignment: [card('business-partner-profile'), idea('demo-idea-invoice')],
      timeframe: 'long-term',
      benefitsOwner: { name: 'Rafael Souza' },
      metrics: [
        { metric: 'Cost per invoice', kind: 'direct' },
        { metric: 'Late-payment fees per quarter', kind: 'direct' },
        { metric: 'Supplier satisfaction', kind: 'indirect' },
      ],
      assumptions: ['Invoice volume grows no more than 10 % a year', 'Supplier master data is cleaned before go-live'],
      risks: ['Suppliers keep sending paper invoices'],
      transitionPlan: '1. Clean supplier data\n2. Pilot with the top 50 suppliers\n3. Roll out to all suppliers by region',
      governance: { forum: 'Finance IT steering group', cadence: 'Quarterly', escalation: 'CFO' },
      benefits: [
        {
          description: 'Lower processing cost',
          kpi: 'Cost per invoice',
          baseline: 'EUR 9.40',
          target: 'EUR 4.50',
          method: 'AP cost centre ÷ invoices processed',
          frequency: 'Monthly',
          window: 'July 2027 to June 2030',
          owner: { name: 'Rafael Souza' },
        },
      ],
    },
  },
  'stakeholder-map': {
    unit: 'finance',
    title: 'Stakeholders of the finance transformation',
    summary: 'Who can make or break the finance transformation, and how to engage each of them.',
    tags: ['business-transition', 'power-skills'],
    maturityLevel: 3,
    fields: {
      subject: card('business-partner-profile'),
      stakeholders: [
        {
          name: 'Helena Fischer',
          role: 'Chief financial officer',
          orgUnit: 'Finance',
          power: 5,
          interest: 5,
          stance: 'supporter',
          relationshipOwner: AMARA,
        },
        {
          name: 'Viktor Novak',
          role: 'Chief operating officer',
          orgUnit: 'Operations',
          power: 4,
          interest: 2,
          stance: 'neutral',
          notes: 'Cares about supplier relations.',
        },
        {
          name: 'Rafael Souza',
          role: 'Head of accounts payable',
          orgUnit: 'Finance',
          power: 2,
          interest: 5,
          stance: 'skeptic',
          lastInteraction: '2026-11-05',
        },
        { name: 'Works council', role: 'Employee representatives', orgUnit: 'Contoso Germany', power: 2, interest: 2, stance: 'neutral' },
      ],
    },
  },
  'relationship-health-assessment': {
    unit: 'finance',
    title: 'Finance and IT: relationship health, autumn 2026',
    summary:
      'Both sides scored the relationship: trust is good, but Finance sees slower answers and less strategic help than IT believes it gives.',
    tags: ['relationship-maturity'],
    maturityLevel: 3,
    fields: {
      partner: card('business-partner-profile'),
      assessedOn: '2026-11-20',
      items: [
        { item: 'trust', partnerScore: 4, partnerComment: 'We rely on IT when it matters.', itScore: 4 },
        { item: 'communication', partnerScore: 3, itScore: 4, itComment: 'Monthly updates go out on time.' },
        { item: 'responsiveness', partnerScore: 2, partnerComment: 'Small requests wait weeks.', itScore: 4 },
        { item: 'business-understanding', partnerScore: 3, itScore: 3 },
        { item: 'value-delivered', partnerScore: 3, itScore: 4 },
        { item: 'strategic-alignment', partnerScore: 2, partnerComment: 'IT hears about our plans too late.', itScore: 3 },
        { item: 'rules-of-engagement', partnerScore: 3, itScore: 3 },
      ],
      agreedActions: [
        { action: 'Publish response times for small requests', owner: MEI, due: '2027-01-15', status: 'planned' },
        { action: 'Invite the BRM to the finance planning cycle', owner: CFO, due: '2027-02-01', status: 'planned' },
      ],
    },
  },
  // Promoted from the demo's war-stories thread (demo-data.ts), and the answer of a deflected request.
  practice: {
    title: 'Deflecting low-value demand with a self-service catalogue',
    summary:
      'Answer every small request with "already available", "self-service" or "a business case" — never a bare no — and keep a catalogue of what each unit can do itself.',
    tags: ['demand-shaping', 'portfolio-management'],
    maturityLevel: 4,
    fields: {
      problem:
        "Business units send IT a steady stream of small requests: a new report, one more field, a copy of a dashboard for another team. Each is cheap alone; together they fill the backlog, delay the work that moves the unit's objectives, and teach people that IT builds whatever is asked.",
      context:
        'Worked with Contoso Finance, whose weekly report requests took a developer two days a week, and whose people already had a **self-service BI tool** they did not use. It needs a relationship at *service provider* level or better: people must trust that a redirect is help, not a brush-off.',
      approach:
        "Never say no; say \"not this way\". Every request gets one of three answers, with a reason:\n\n1. **Already available** — say where, and show it.\n2. **Self-service** — point to the catalogue entry and offer a short hands-on session.\n3. **A business case** — when it moves one of the unit's objectives, it goes to the idea board and is scored.\n\nOpen each relationship review with the unit's own KPIs, not IT's backlog: low-value asks deflect themselves once everyone sees them side by side.",
      steps: [
        "List last quarter's small requests and group them by kind",
        'For each group, find the tool that already does it, or note that none does',
        'Publish the self-service catalogue: one entry per group, with a two-line how-to and a contact',
        'Run a two-hour hands-on session per unit on the top three entries',
        'Answer each new request with one of the three outcomes, recorded on the idea with its reason',
        "Review the deflected requests each quarter with the unit's lead",
      ],
      pitfalls: [
        'Deflecting without showing the alternative: it reads as "IT says no"',
        'A catalogue nobody keeps current: give it an owner and a review date, as this card has',
        'Redirecting requests that are symptoms of a bigger need: look for patterns before you deflect',
      ],
      evidence: [
        {
          result: 'Finance report requests halved within a month',
          measure: 'Report requests per month: 18 → 8',
          source: thread('demo-thread-war-stories'),
        },
        { result: 'A budget holder built their own spend view instead of waiting for IT', source: idea('demo-idea-spend-report') },
      ],
      whenNotToUse:
        'When many requests point at one missing capability: a unit asking for ten reports may need a governed data product, not ten catalogue entries — write the business case instead. And not where the unit has no self-service tools: deflection then only moves the work to people who cannot do it.',
      relatedTemplates: ['business-partner-profile', 'business-case'],
    },
  },
};
