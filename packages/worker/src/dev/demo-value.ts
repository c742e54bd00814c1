/**
 * From objective to value in the demo: Finance's objectives from its partner profile, the intake
 * steps of the demo's ideas, and one idea followed all the way — "Close the books in three days",
 * sponsored by the CFO, approved by the Finance demand board, its business case and its value plan
 * with benefits measured month by month (delivered so far: part of the plan).
 */
import { EXAMPLE_CARDS, type ExampleCard } from '../cards/templates/examples.ts';
import { demoCardStatements } from './demo-cards.ts';
import { DEMO_TENANT, type DemoThread, demoCardId } from './demo-data.ts';
import { demoUnitId } from './demo-units.ts';
import type { Statement } from './seed.ts';

const DAY = 24 * 60 * 60 * 1000;
const isoDay = (at: number) => new Date(at).toISOString().slice(0, 10);

export const DEMO_APPROVED_IDEA = 'demo-idea-close';
export const DEMO_CASE_CARD = 'demo-card-case-close';
export const DEMO_PLAN_CARD = 'demo-card-plan-close';
export const DEMO_FORUM = 'Finance demand board';
/** The low-value tweak answered by the self-service practice card. */
export const DEMO_DEFLECTED_IDEA = 'demo-idea-spend-report';

/** Finance's objectives, as written in its partner profile (in its order). */
export const demoObjectiveId = (position: number) => `demo-objective-finance-${position}`;

/** Which objectives the demo's ideas and cards serve, by profile position. */
const OBJECTIVE_LINKS: readonly { objective: number; kind: 'idea' | 'card'; id: string }[] = [
  { objective: 0, kind: 'idea', id: DEMO_APPROVED_IDEA },
  { objective: 0, kind: 'card', id: DEMO_CASE_CARD },
  { objective: 0, kind: 'card', id: DEMO_PLAN_CARD },
  { objective: 1, kind: 'idea', id: 'demo-idea-invoice' },
];

/** Each step an idea's intake took, days after it was submitted. */
export interface DemoIntakeStep {
  step: 'screening' | 'needs_information' | 'qualified' | 'approved' | 'deferred' | 'deflected';
  days: number;
  forum?: string;
  decider: string;
  note?: string;
}

export const DEMO_INTAKE: Record<string, readonly DemoIntakeStep[]> = {
  [DEMO_APPROVED_IDEA]: [
    { step: 'screening', days: 2, decider: 'amara', note: 'Serves the first objective of the Finance profile; sponsor confirmed.' },
    {
      step: 'qualified',
      days: 30,
      forum: DEMO_FORUM,
      decider: 'sofia',
      note: 'Business case asked for: reconciliations first, then the close calendar.',
    },
    {
      step: 'approved',
      days: 45,
      forum: DEMO_FORUM,
      decider: 'sofia',
      note: 'Approved with EUR 180,000 from the finance transformation budget; rollout entity by entity.',
    },
  ],
  'demo-idea-invoice': [
    { step: 'screening', days: 1, decider: 'amara' },
    { step: 'qualified', days: 8, forum: DEMO_FORUM, decider: 'sofia', note: 'Scored; waits for the master-data clean-up estimate.' },
  ],
  'demo-idea-dashboards': [
    { step: 'screening', days: 1, decider: 'mei' },
    { step: 'approved', days: 6, forum: 'Sales and IT steering group', decider: 'sofia', note: 'Planned for next quarter.' },
  ],
  'demo-idea-expenses': [{ step: 'deflected', days: 1, decider: 'mei', note: 'Already available on the travel platform.' }],
  'demo-idea-spend-report': [
    {
      step: 'deflected',
      days: 1,
      decider: 'mei',
      note: 'Self-service: the BI catalogue has this view; pointed to the practice card.',
    },
  ],
};

/**
 * The approved idea's discussion while it was screened: Finance explains, five people of IT weigh
 * in within a few days (so the cockpit shows IT's side of that month), the sponsor steps up.
 * `hoursAgo` counts from the seed's `now`; the idea was submitted 300 days before it.
 */
const H = (days: number) => (300 - days) * 24;
export const DEMO_APPROVED_DISCUSSION: DemoThread = {
  id: 'demo-thread-idea-close',
  key: `idea:${DEMO_APPROVED_IDEA}`,
  title: 'Close the books in three days with automated reconciliations',
  startedBy: 'ingrid',
  comments: [
    {
      id: 'demo-comment-close-1',
      author: 'ingrid',
      hoursAgo: H(3),
      body: 'Most of the seven days go into bank and intercompany reconciliations: about **320 hours a month** across the team. The matching rules live in one Excel workbook.',
      reactions: { like: ['rafael', 'sara', 'jamal'] },
    },
    {
      id: 'demo-comment-close-2',
      author: 'zoe',
      parent: 'demo-comment-close-1',
      hoursAgo: H(4),
      body: 'The ERP’s reconciliation module can take those rules. Could you share the workbook? We would start with the two house banks.',
    },
    {
      id: 'demo-comment-close-3',
      author: 'alex',
      parent: 'demo-comment-close-1',
      hoursAgo: H(5),
      body: 'Intercompany needs the entity master cleaned first. I would plan it as a second step, after the banks.',
      reactions: { insight: ['ingrid', 'mei'] },
    },
    {
      id: 'demo-comment-close-4',
      author: 'hannah',
      hoursAgo: H(6),
      body: 'The service desk sets up accounts for the temporary staff at every close: worth counting in the case.',
    },
    {
      id: 'demo-comment-close-5',
      author: 'ravi',
      hoursAgo: H(6) - 5,
      body: 'I can pull the close calendar of the last twelve months as the baseline.',
    },
    {
      id: 'demo-comment-close-6',
      author: 'mei',
      hoursAgo: H(8),
      body: '@amara.okafor this is ready for the Finance demand board, with a business case.',
    },
    {
      id: 'demo-comment-close-7',
      author: 'helena',
      hoursAgo: H(9),
      body: 'I sponsor this. Closing in three days is on my objectives for this year.',
      reactions: { love: ['amara', 'ingrid'] },
    },
  ],
};

/** The business case made from the approved idea. */
const caseCard: ExampleCard = {
  title: 'Business case: close the books in three days',
  summary:
    'Automated bank and intercompany reconciliations take the month-end close from seven working days to three and end the temporary staff hired for each close.',
  tags: ['demand-shaping', 'value-realization'],
  maturityLevel: 3,
  fields: {
    ...(EXAMPLE_CARDS['business-case']?.fields ?? {}),
    executiveSummary:
      'Month-end close takes **seven working days**, most of them spent reconciling bank and intercompany accounts by hand. Automating the reconciliations costs **EUR 180,000** and brings the close to three days.',
    reasons:
      '- Leaders get the month’s numbers on day eight\n- Temporary staff are hired for every close\n- Controllers have no time for analysis',
    recommendedOption: 'Do something: the ERP reconciliation module, bank statements first, intercompany second.',
    options: [
      {
        kind: 'do-nothing',
        description: 'Keep reconciling by hand.',
        cost: { amount: 0, currency: 'EUR' },
        risks: 'Temporary staff at every close.',
      },
      {
        kind: 'do-minimum',
        description: 'Automate the two house banks only.',
        cost: { amount: 60000, currency: 'EUR' },
        benefits: 'Two days off the close.',
      },
      {
        kind: 'do-something',
        description: 'The ERP reconciliation module for banks, then intercompany.',
        cost: { amount: 180000, currency: 'EUR' },
        benefits: 'A three-day close without temporary staff.',
        risks: 'The entity master must be cleaned first.',
      },
    ],
    disbenefits: [{ disbenefit: 'Controllers learn the exception queue', value: 'One close at lower pace' }],
    majorRisks: [
      {
        risk: 'The entity master is poor',
        impact: 'high',
        probability: 'medium',
        mitigation: 'Banks first; clean the entities in parallel.',
      },
    ],
    expectedBenefits: [
      { benefit: 'Faster close', measure: 'Working days to close', baseline: '7', target: '3', when: '2027-Q2' },
      {
        benefit: 'No temporary staff at close',
        measure: 'Temp staff cost per year',
        baseline: 'EUR 60,000',
        target: 'EUR 20,000',
        when: '2027-Q2',
      },
    ],
    costs: {
      project: { amount: 180000, currency: 'EUR' },
      ongoing: { amount: 20000, currency: 'EUR' },
      funding: 'Finance transformation budget',
    },
    appraisal: { method: 'payback', result: '30 months', assumptions: 'Temp staff savings are cash; controller hours go to analysis.' },
    strategicAlignment: [
      { kind: 'card', id: demoCardId('business-partner-profile') },
      { kind: 'idea', id: DEMO_APPROVED_IDEA },
    ],
    sponsor: { name: 'Helena Fischer', handle: 'helena.fischer' },
    decisionStatus: 'approved',
  },
};

/** The value plan of the approved idea. */
const planCard: ExampleCard = {
  title: 'Value plan: close the books in three days',
  summary: 'The benefits of automated reconciliations, who owns them, and what was measured each month since go-live.',
  tags: ['value-realization', 'business-transition'],
  maturityLevel: 3,
  fields: {
    ...(EXAMPLE_CARDS['value-realization-plan']?.fields ?? {}),
    initiative: { kind: 'card', id: DEMO_CASE_CARD },
    targetBenefits: 'Close in **three working days**, without temporary staff, and give controllers their hours back.',
    assumptions: ['The two house banks deliver statements daily', 'The entity master is cleaned before intercompany goes live'],
    risks: ['A new entity joins the group mid-year'],
    transitionPlan:
      '1. Bank reconciliations for the two house banks\n2. Intercompany for the German entities\n3. All entities, one close at a time',
    strategicAlignment: [{ kind: 'idea', id: DEMO_APPROVED_IDEA }],
    benefitsOwner: { name: 'Helena Fischer', handle: 'helena.fischer' },
    metrics: [
      { metric: 'Working days to close', kind: 'direct' },
      { metric: 'Temp staff cost per year', kind: 'direct' },
      { metric: 'Reconciliation hours per month', kind: 'direct' },
    ],
    benefits: [
      {
        description: 'Faster close',
        kpi: 'Working days to close',
        baseline: '7',
        target: '3',
        method: 'Close calendar',
        frequency: 'Monthly',
        owner: { name: 'Ingrid Larsen' },
      },
    ],
  },
};

/** The plan's benefits and what was measured, oldest first (month offsets from now). */
export const DEMO_BENEFITS = [
  {
    id: 'demo-benefit-days',
    title: 'Days to close',
    measure: 'working days',
    baseline: 7,
    target: 3,
    benefitClass: 'hard',
    owner: 'ingrid',
    actuals: [7, 6, 5, 5, 4],
  },
  {
    id: 'demo-benefit-temps',
    title: 'Temp staff at close',
    measure: 'EUR/year',
    baseline: 60000,
    target: 20000,
    benefitClass: 'cash_releasing',
    owner: 'helena',
    actuals: [60000, 45000, 35000],
  },
  {
    id: 'demo-benefit-hours',
    title: 'Reconciliation hours',
    measure: 'hours/month',
    baseline: 320,
    target: 80,
    benefitClass: 'hard',
    owner: 'ingrid',
    actuals: [320, 260, 210, 180],
  },
] as const;

/** When the approved idea was submitted: the seed's `DEMO_IDEAS` entry says how many days ago. */
export function demoValueStatements(now: number, submittedAt: (ideaId: string) => number): Statement[] {
  const t = DEMO_TENANT.id;
  const finance = demoUnitId('finance');
  const profile = demoCardId('business-partner-profile');
  const approvedAt = submittedAt(DEMO_APPROVED_IDEA) + 45 * DAY;
  const decisions = Object.entries(DEMO_INTAKE).flatMap(([idea, steps]) =>
    steps.map((s, i) => ({
      id: `demo-intake-${idea.replace('demo-idea-', '')}-${i}`,
      idea,
      step: s.step,
      forum: s.forum ?? null,
      decidedOn: isoDay(submittedAt(idea) + s.days * DAY),
      decider: `demo-user-${s.decider}`,
      note: s.note ?? null,
      at: submittedAt(idea) + s.days * DAY,
    })),
  );
  const benefits = DEMO_BENEFITS.map((b, position) => ({ ...b, position, owner: `demo-user-${b.owner}` }));
  const actuals = DEMO_BENEFITS.flatMap((b) =>
    b.actuals.map((value, i) => {
      const at = now - (b.actuals.length - i) * 30 * DAY;
      return { id: `${b.id}-${i}`, benefit: b.id, measuredOn: isoDay(at), value, owner: `demo-user-${b.owner}`, at };
    }),
  );
  return [
    // The objectives written in Finance's profile, as saving the card would keep them (store/objectives.ts), with ids the demo can name.
    {
      sql: `insert into unit_objectives (id, tenant_id, unit_id, title, kpi, horizon, card_id, position, created_at, updated_at)
        select 'demo-objective-finance-' || o.key, c.tenant_id, c.unit_id, trim(json_extract(o.value, '$.objective')),
          nullif(trim(json_extract(o.value, '$.kpi')), ''), json_extract(o.value, '$.horizon'), c.id, o.key, c.created_at, c.created_at
        from cards c, json_each(c.fields, '$.strategicObjectives') o
        where c.tenant_id = ? and c.id = ? and c.unit_id is not null and trim(coalesce(json_extract(o.value, '$.objective'), '')) <> ''
        on conflict do nothing`,
      params: [t, profile],
    },
    ...demoCardStatements({
      id: DEMO_CASE_CARD,
      templateId: 'business-case',
      example: {
        ...caseCard,
        unit: 'finance',
        fields: {
          ...caseCard.fields,
          timescale: {
            start: isoDay(approvedAt + 20 * DAY),
            end: isoDay(approvedAt + 200 * DAY),
            benefitsPeriod: 'Three years from go-live',
          },
        },
      },
      // The sponsor owns the business case and the benefits.
      owner: 'helena',
      reviewBy: isoDay(now + 120 * DAY),
      at: approvedAt,
    }),
    ...demoCardStatements({
      id: DEMO_PLAN_CARD,
      templateId: 'value-realization-plan',
      example: { ...planCard, unit: 'finance' },
      owner: 'helena',
      reviewBy: isoDay(now + 60 * DAY),
      at: approvedAt + 20 * DAY,
      promotion: { thread: null, comment: null, promotedFrom: `value-plan:${DEMO_APPROVED_IDEA}` },
    }),
    {
      sql: 'update ideas set case_card_id = ? where tenant_id = ? and id = ?',
      params: [DEMO_CASE_CARD, t, DEMO_APPROVED_IDEA],
    },
    // The budget holder built the view himself and said so.
    {
      sql: 'update ideas set need_met = 1, need_met_at = ? where tenant_id = ? and id = ? and need_met is null',
      params: [submittedAt(DEMO_DEFLECTED_IDEA) + 3 * DAY, t, DEMO_DEFLECTED_IDEA],
    },
    {
      sql: `insert into objective_links (objective_id, tenant_id, item_kind, item_id, created_at)
        select json_extract(j.value, '$.objective'), ?, json_extract(j.value, '$.kind'), json_extract(j.value, '$.id'), ?
        from json_each(?) j where exists (select 1 from unit_objectives uo where uo.id = json_extract(j.value, '$.objective'))
        on conflict do nothing`,
      params: [t, now, JSON.stringify(OBJECTIVE_LINKS.map((l) => ({ ...l, objective: demoObjectiveId(l.objective) })))],
    },
    {
      sql: `insert into intake_decisions (id, tenant_id, idea_id, step, forum, decided_on, decider_id, note, created_by, created_at)
        select json_extract(j.value, '$.id'), ?, json_extract(j.value, '$.idea'), json_extract(j.value, '$.step'), json_extract(j.value, '$.forum'),
          json_extract(j.value, '$.decidedOn'), json_extract(j.value, '$.decider'), json_extract(j.value, '$.note'), 'demo-user-amara', json_extract(j.value, '$.at')
        from json_each(?) j where true on conflict do nothing`,
      params: [t, JSON.stringify(decisions)],
    },
    {
      sql: `insert into value_benefits (id, tenant_id, card_id, idea_id, unit_id, objective_id, title, measure, baseline, target, owner_id, benefit_class, due_on, position, created_at, updated_at)
        select json_extract(j.value, '$.id'), ?, ?, ?, ?, ?, json_extract(j.value, '$.title'), json_extract(j.value, '$.measure'), json_extract(j.value, '$.baseline'),
          json_extract(j.value, '$.target'), json_extract(j.value, '$.owner'), json_extract(j.value, '$.benefitClass'), ?, json_extract(j.value, '$.position'), ?, ?
        from json_each(?) j where true on conflict do nothing`,
      params: [
        t,
        DEMO_PLAN_CARD,
        DEMO_APPROVED_IDEA,
        finance,
        demoObjectiveId(0),
        isoDay(now + 180 * DAY),
        approvedAt + 20 * DAY,
        approvedAt + 20 * DAY,
        JSON.stringify(benefits),
      ],
    },
    {
      sql: `insert into value_actuals (id, tenant_id, benefit_id, measured_on, value, note, recorded_by, created_at)
        select json_extract(j.value, '$.id'), ?, json_extract(j.value, '$.benefit'), json_extract(j.value, '$.measuredOn'), json_extract(j.value, '$.value'),
          null, json_extract(j.value, '$.owner'), json_extract(j.value, '$.at')
        from json_each(?) j where true on conflict do nothing`,
      params: [t, JSON.stringify(actuals)],
    },
  ];
}
