/**
 * The demo tenant `demo`: a few boards, people from several business units, and ideas with
 * support, so `/demo/` looks like a real community on first start. Development only.
 */

export const DEMO_TENANT = { id: 'demo-tenant', slug: 'demo', name: 'Contoso (demo)' } as const;
export const DEMO_KID = 'dev-1';

/** The demo card built on a template, e.g. `demo-card-business-case`. */
export const demoCardId = (templateId: string) => `demo-card-${templateId}`;

/**
 * Where the demo pages are, in links people wrote in the demo's comments: the seed puts the
 * address of the dev server's demo in its place (`demoSeed`'s `demoPages`), so a link to a demo
 * page is on the page's own origin and opens as a link to an item's view.
 */
export const DEMO_PAGES = '{demo-pages}';

/** Any local port: the demo page, the example host page and the tests' pages all run on loopback. */
export const DEMO_ORIGINS = ['http://localhost:*', 'http://127.0.0.1:*'];

/**
 * As an Entra ID app's roles would be mapped. The demo's people sign in with embed tokens, and
 * the tests' tokens carry roles, so the demo host vouches for roles too (off by default).
 */
export const DEMO_ROLE_MAPPING = {
  claim: 'roles',
  moderator: ['Bridgekit.Moderator'],
  admin: ['Bridgekit.Admin'],
  applyToEmbedTokens: true,
};

/** Sofia, the CIO, reads every unit's relationship intelligence and cockpit. */
export const DEMO_ROLE_GRANTS: readonly { user: string; role: 'moderator' | 'admin' | 'cio' }[] = [
  { user: 'mei', role: 'moderator' },
  { user: 'sofia', role: 'cio' },
];

export interface DemoUser {
  key: string;
  subject: string;
  name: string;
  email: string;
  businessUnit: string;
  role: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    key: 'amara',
    subject: 'demo|amara',
    name: 'Amara Okafor',
    email: 'amara@contoso.example',
    businessUnit: 'Finance',
    role: 'Business relationship manager',
  },
  {
    key: 'lukas',
    subject: 'demo|lukas',
    name: 'Lukas Meyer',
    email: 'lukas@contoso.example',
    businessUnit: 'Operations',
    role: 'Head of operations',
  },
  {
    key: 'priya',
    subject: 'demo|priya',
    name: 'Priya Raman',
    email: 'priya@contoso.example',
    businessUnit: 'People & HR',
    role: 'HR business partner',
  },
  {
    key: 'tomas',
    subject: 'demo|tomas',
    name: 'Tomás García',
    email: 'tomas@contoso.example',
    businessUnit: 'Sales',
    role: 'Regional sales director',
  },
  { key: 'mei', subject: 'demo|mei', name: 'Mei Chen', email: 'mei@contoso.example', businessUnit: 'IT', role: 'BRM community lead' },
  {
    key: 'jonah',
    subject: 'demo|jonah',
    name: 'Jonah Williams',
    email: 'jonah@contoso.example',
    businessUnit: 'Supply chain',
    role: 'Supply chain analyst',
  },
  {
    key: 'helena',
    subject: 'demo|helena',
    name: 'Helena Fischer',
    email: 'helena@contoso.example',
    businessUnit: 'Finance',
    role: 'Chief financial officer',
  },
  {
    key: 'sofia',
    subject: 'demo|sofia',
    name: 'Sofia Brandt',
    email: 'sofia@contoso.example',
    businessUnit: 'IT',
    role: 'Chief information officer',
  },
];

export const DEMO_BOARDS: DemoBoard[] = [
  {
    id: 'demo-board-general',
    slug: 'general',
    name: 'IT-enabled ideas',
    description: 'Ideas where technology could grow revenue, cut cost or reduce risk for a business unit.',
  },
  {
    id: 'demo-board-finance',
    slug: 'finance-ops',
    name: 'Finance operations',
    description: 'Faster, cheaper, safer finance processes. Each person has 10 votes to spend, at most 3 on one idea.',
    budget: { budget: 10, perIdea: 3 },
    requiredFields: ['problem', 'valueType'],
  },
  {
    id: 'demo-board-people',
    slug: 'people',
    name: 'People & workplace',
    description: 'Digital experience for colleagues, from hiring to leaving.',
  },
  { id: 'demo-board-lab', slug: 'innovation-lab', name: 'Innovation lab', description: 'A new board, waiting for its first idea.' },
];

interface DemoBoard {
  id: string;
  slug: string;
  name: string;
  description: string;
  budget?: { budget: number; perIdea: number };
  requiredFields?: string[];
}

interface DemoIdea {
  id: string;
  board: string;
  author: string;
  title: string;
  description: string;
  /** Keys of the demo users who back it. */
  backers: string[];
  /** How long ago it was submitted. */
  daysAgo: number;
  lane?: 'opportunity' | 'change_request';
  businessCase?: { problem?: string; beneficiary?: string; valueType?: string; effort?: string; objective?: string };
  /** `card`: the practice card that answered the request (a deflection's answer). */
  status?: { key: string; category: string; reason?: string; by: string; card?: string; daysAfter?: number };
  /** Mei's evaluation (value-size-risk scorecard). */
  scores?: Record<string, number>;
  /** Other evaluators' scores, by their key. */
  otherScores?: Record<string, Record<string, number>>;
  /** `run`, `grow` or `transform`. */
  demandClass: string;
  /** The key of the business person who sponsors it. */
  sponsor?: string;
}

export const DEMO_IDEAS: readonly DemoIdea[] = [
  {
    id: 'demo-idea-invoice',
    board: 'general',
    author: 'amara',
    title: 'Automate invoice matching in accounts payable',
    description:
      'Three clerks spend most of each week matching invoices to purchase orders by hand. Automatic three-way matching would free them for supplier queries and cut late-payment fees.',
    backers: ['amara', 'lukas', 'jonah', 'mei', 'rafael', 'noah', 'ingrid', 'sara'],
    demandClass: 'run',
    sponsor: 'rafael',
    daysAgo: 12,
    businessCase: {
      problem: 'Manual three-way matching takes three people most of each week.',
      beneficiary: 'Finance',
      valueType: 'cost',
      effort: 'M',
      objective: 'Operational excellence',
    },
    status: { key: 'under_review', category: 'under_review', by: 'mei' },
    scores: { impact: 4, financial: 5, strategic_alignment: 4, size: 3, new_technology: 0, third_party: 1, ways_of_working: 1 },
  },
  {
    id: 'demo-idea-dashboards',
    board: 'general',
    author: 'tomas',
    title: 'Self-service sales dashboards for regional directors',
    description:
      'Regional directors wait a week for pipeline reports from IT. A governed self-service dashboard on the sales data would answer most of those requests the same day.',
    backers: ['tomas', 'amara', 'mei', 'olivia', 'kenji', 'laura'],
    demandClass: 'grow',
    sponsor: 'olivia',
    daysAgo: 9,
    businessCase: { problem: 'Pipeline reports take a week to arrive.', beneficiary: 'Sales', valueType: 'revenue', effort: 'S' },
    status: { key: 'planned', category: 'planned', by: 'mei' },
    scores: { impact: 4, financial: 3, strategic_alignment: 3, size: 2, new_technology: 0, third_party: 0, ways_of_working: 1 },
  },
  {
    id: 'demo-idea-replenishment',
    board: 'general',
    author: 'jonah',
    title: 'Predictive stock replenishment for the top 200 products',
    description:
      'Stock-outs on fast movers cost us sales every quarter. A forecast-driven reorder point for the top 200 products would reduce both stock-outs and excess stock.',
    backers: ['jonah', 'lukas', 'greta', 'hugo', 'isabel', 'karim', 'lena'],
    demandClass: 'transform',
    sponsor: 'greta',
    daysAgo: 5,
    businessCase: { problem: 'Stock-outs on fast movers every quarter.', beneficiary: 'Supply chain', valueType: 'revenue', effort: 'L' },
    scores: { impact: 5, financial: 4, strategic_alignment: 5, size: 5, new_technology: 1, third_party: 1, ways_of_working: 0 },
  },
  {
    id: 'demo-idea-sso',
    board: 'general',
    author: 'lukas',
    title: 'Single sign-on for the supplier portal',
    description: 'Suppliers juggle separate passwords and our service desk resets them daily.',
    backers: ['lukas', 'anna', 'ben'],
    demandClass: 'run',
    daysAgo: 2,
    lane: 'change_request',
    businessCase: {
      problem: 'The service desk resets supplier passwords daily.',
      beneficiary: 'Operations',
      valueType: 'experience',
      effort: 'S',
    },
  },
  {
    id: 'demo-idea-close',
    board: 'finance-ops',
    author: 'amara',
    title: 'Close the books in three days with automated reconciliations',
    description: 'Month-end close takes seven working days, mostly spent on bank and intercompany reconciliations.',
    backers: ['amara', 'mei', 'helena', 'ingrid', 'jamal', 'sara', 'rafael'],
    daysAgo: 300,
    demandClass: 'transform',
    // Helena, an evaluator on the Finance demand board, sponsors it: Mei and Alex scored it, she did not.
    sponsor: 'helena',
    businessCase: { problem: 'Month-end close takes seven working days.', beneficiary: 'Finance', valueType: 'cost', effort: 'L' },
    status: { key: 'in_progress', category: 'in_progress', by: 'mei', daysAfter: 60 },
    scores: { impact: 5, financial: 4, strategic_alignment: 5, size: 4, new_technology: 0, third_party: 1, ways_of_working: 1 },
    otherScores: {
      alex: { impact: 4, financial: 4, strategic_alignment: 5, size: 4, new_technology: 1, third_party: 1, ways_of_working: 1 },
    },
  },
  {
    id: 'demo-idea-expenses',
    board: 'finance-ops',
    author: 'tomas',
    title: 'Retire the legacy expense tool',
    description: 'The old expense tool needs a VPN and cannot read receipts; the travel platform we already pay for can.',
    backers: ['tomas'],
    demandClass: 'run',
    daysAgo: 4,
    lane: 'change_request',
    businessCase: { problem: 'Expense claims need a VPN and manual receipts.', valueType: 'experience' },
    status: {
      key: 'already_available',
      category: 'declined',
      reason:
        'The travel platform we already license reads receipts and submits expenses: the service catalogue entry "Expenses" shows how to switch.',
      by: 'mei',
    },
  },
  {
    id: 'demo-idea-onboarding',
    board: 'people',
    author: 'priya',
    title: 'Digital onboarding checklist for new joiners',
    description:
      'New joiners wait up to two weeks for a laptop and accounts. One checklist that triggers IT, facilities and payroll tasks would get them productive on day one.',
    backers: ['priya', 'lukas', 'jonah', 'sam', 'tara', 'umar', 'ruth'],
    demandClass: 'run',
    sponsor: 'ruth',
    daysAgo: 7,
  },
  {
    id: 'demo-idea-spend-report',
    board: 'finance-ops',
    author: 'jonah',
    title: 'A weekly spend report by cost centre for each budget holder',
    description:
      'Budget holders ask Finance every week for their spend by cost centre. IT could build one report per budget holder and email it every Monday.',
    backers: ['jonah'],
    demandClass: 'run',
    daysAgo: 6,
    lane: 'change_request',
    businessCase: { problem: 'Budget holders wait for Finance to send them their spend.', valueType: 'experience', effort: 'S' },
    status: {
      key: 'self_service',
      category: 'declined',
      reason:
        'Budget holders can build this view themselves in the BI tool in ten minutes: it is in the self-service catalogue, and Finance runs a monthly session. The practice card "Deflecting low-value demand with a self-service catalogue" shows how.',
      by: 'mei',
      card: demoCardId('practice'),
    },
  },
];

/** The demo page's discussion: a war story with replies, reactions and an accepted answer. */
export const DEMO_THREAD = {
  id: 'demo-thread-war-stories',
  key: 'demo-war-stories',
  title: 'War stories: deflecting low-value demand',
  startedBy: 'amara',
  accepted: 'demo-comment-3',
} as const;

export interface DemoComment {
  id: string;
  author: string;
  body: string;
  /** The comment it answers (shown nested under it). */
  parent?: string;
  hoursAgo: number;
  reactions?: Partial<Record<'like' | 'insight' | 'love', string[]>>;
  /** Held for review (shows in the demo moderator's queue). */
  pending?: string;
}

export const DEMO_COMMENTS: readonly DemoComment[] = [
  {
    id: 'demo-comment-1',
    author: 'amara',
    hoursAgo: 50,
    body: 'Finance asked for a **new report** every week. Instead of building each one, we ran a two-hour session on the self-service BI tool.\n\nRequests dropped by half in a month. How do you say *no* without sounding like "IT says no"?',
    reactions: { like: ['lukas', 'priya', 'mei'], insight: ['tomas'] },
  },
  {
    id: 'demo-comment-2',
    author: 'lukas',
    parent: 'demo-comment-1',
    hoursAgo: 46,
    body: 'We never say no; we say "not this way". Every request gets one of three answers:\n\n1. already available (and where)\n2. self-service, with a practice card\n3. a business case',
    reactions: { like: ['amara'] },
  },
  {
    id: 'demo-comment-3',
    author: 'mei',
    parent: 'demo-comment-1',
    hoursAgo: 30,
    body: '@amara.okafor tie it to their objectives. I keep a partner profile per unit and open each review with *their* KPIs, not our backlog. Low-value asks deflect themselves once everyone sees the list side by side.\n\n> The best deflection is a better conversation.',
    reactions: { insight: ['amara', 'priya', 'jonah'], love: ['amara'] },
  },
  {
    id: 'demo-comment-4',
    author: 'tomas',
    hoursAgo: 20,
    body: 'Sales had the opposite problem: good ideas that never reached IT. A shared idea board per quarter fixed it — see the `general` board.',
    reactions: { like: ['mei'] },
  },
  {
    id: 'demo-comment-5',
    author: 'jonah',
    hoursAgo: 2,
    body: 'Has anyone tried paying a vendor to build these reports? Happy to share a contact, just DM me.',
    pending: 'Contains the suspect word "vendor"',
  },
];

/**
 * The war story became the demo's how-to card: Amara, who started the thread, promoted it (the
 * card is the `practice` example card, its text edited since).
 */
export const DEMO_PROMOTION = {
  card: demoCardId('practice'),
  thread: DEMO_THREAD.id,
  comment: null,
  promotedFrom: `thread:${DEMO_THREAD.id}`,
} as const;

/** A demo thread and its comments, as the seed writes them. */
export interface DemoThread {
  id: string;
  key: string;
  title: string;
  startedBy: string;
  accepted?: string;
  comments: readonly DemoComment[];
}

const dashboards = DEMO_IDEAS.find((i) => i.id === 'demo-idea-dashboards');

/** A business leader's idea with its own discussion (the idea's thread key is `idea:<id>`). */
export const DEMO_IDEA_DISCUSSION: DemoThread = {
  id: 'demo-thread-idea-dashboards',
  key: 'idea:demo-idea-dashboards',
  title: dashboards?.title ?? '',
  startedBy: 'tomas',
  comments: [
    {
      id: 'demo-comment-idea-1',
      author: 'tomas',
      hoursAgo: 200,
      body: 'Some context for the evaluators: each regional director asks IT for three to five pipeline cuts a month, and by the time they arrive the forecast call is over. We do not need new data — we need to slice what is there **ourselves**.',
      reactions: { like: ['amara', 'mei'] },
    },
    {
      id: 'demo-comment-idea-2',
      author: 'amara',
      parent: 'demo-comment-idea-1',
      hoursAgo: 190,
      body: `Finance had the same pattern, and a self-service catalogue fixed it (see the practice card [Deflecting low-value demand with a self-service catalogue](${DEMO_PAGES}/practices.html?card=${demoCardId('practice')})). The difference here: sales has no governed dataset yet, so this is a small build plus training, not a pure deflection.`,
      reactions: { insight: ['tomas', 'mei'] },
    },
    {
      id: 'demo-comment-idea-3',
      author: 'mei',
      hoursAgo: 120,
      body: 'Planned for next quarter. @tomas.garcia could two of your directors join a design session in the first sprint? We would like them to pick the ten measures the dataset starts with.',
      reactions: { like: ['tomas'] },
    },
  ],
};

/** The demo tenant's pipeline: the demo moderator's queue has something in it. */
export const DEMO_MODERATION = { suspectWords: ['vendor'], flagThreshold: 3 } as const;

/** Who owns the demo's example cards, in template order (one card per built-in template). */
export const DEMO_CARD_OWNERS: readonly string[] = ['mei', 'mei', 'amara', 'lukas', 'priya', 'amara', 'amara'];
