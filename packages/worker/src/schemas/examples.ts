/**
 * The request-body examples of `/v1/openapi.json`. Contract-testing tools replay them as they
 * are, against the example tenant (`demo`) and example ids, so each must be safe to send: no
 * example removes a role mapping, turns anonymous reading off, weakens moderation or replaces a
 * scorecard with another; where a change is the point (settings, a board), the example sets what
 * the demo already has. Each is typed by the SDK's request type, and test/openapi.test.ts checks
 * that the route's schema accepts it and replays every one.
 */
import type {
  ApiKeyInput,
  ArchiveImport,
  BoardUpdate,
  BusinessUnitUpdate,
  CardInput,
  CardModerationDecision,
  CardObjectivesInput,
  CardObsolete,
  CardRestore,
  CardUpdate,
  CardVerify,
  CommentEdit,
  CommentFlag,
  CommentPreviewRequest,
  EvaluationInput,
  HealthAnswersInput,
  HealthInviteInput,
  HealthRoundInput,
  IdeaEdit,
  IntakeDecisionInput,
  MergeInput,
  ModerationDecision,
  ModerationSettingsUpdate,
  NeedMetInput,
  NewBoard,
  NewBusinessUnit,
  NewComment,
  NewIdea,
  NewObjective,
  NewTenant,
  NewValueActual,
  NewValueBenefit,
  NotificationSettingsUpdate,
  ObjectiveUpdate,
  OidcProviderInput,
  OriginInput,
  PersonUnitInput,
  PromoteStory,
  Restriction,
  RoleInput,
  Scorecard,
  StatusUpdate,
  TemplateInput,
  TenantSettingsUpdate,
  ThreadRef,
  TokenRequestBody,
  UnitTeamInput,
  ValueBenefitUpdate,
  VoteInput,
  WebhookInput,
  WebhookUpdate,
  WithdrawInput,
} from '@bridgekit/sdk';
import type { z } from '@hono/zod-openapi';
import { PRESETS } from '../domain/scorecard.ts';
import { DEFAULT_MODERATION_SETTINGS } from '../moderation/pipeline.ts';

/** The id path parameters show (ideas, comments): no resource has it, so replaying a change to it is a 404. */
export const EXAMPLE_ID = 'k3v9q0m2x7h1c8td';
/** The OIDC provider id of the examples: not a name a tenant's real provider would have. */
export const EXAMPLE_PROVIDER_ID = 'example-idp';
/** The template id of the examples. */
export const EXAMPLE_TEMPLATE_ID = 'example-supplier-review';

export const examples = {
  newBoard: { slug: 'hr-services', name: 'HR services', description: 'Ideas for hiring, onboarding and leaving.' } satisfies NewBoard,
  // The demo board's own name: replayed on `demo`, it changes nothing. (Not its description:
  // the production bundle carries no demo data, scripts/production-bundle.test.ts.)
  boardUpdate: { name: 'IT-enabled ideas' } satisfies BoardUpdate,
  // The preset a board starts with: replayed on the demo board, it changes nothing.
  scorecard: { preset: 'value-size-risk', criteria: PRESETS['value-size-risk'] } satisfies Scorecard,
  newIdea: {
    title: 'Self-service password reset for contractors',
    description: 'Contractors wait a day for the service desk to reset a password; let them do it themselves with MFA.',
    lane: 'opportunity',
    businessCase: { problem: 'Contractors lose a working day per reset.', valueType: 'cost', effort: 'S' },
  } satisfies NewIdea,
  // The example idea id exists nowhere: replayed, these are 404s.
  ideaEdit: {
    title: 'Self-service password reset for contractors and interns',
    businessCase: { effort: 'M', objective: null },
  } satisfies IdeaEdit,
  withdraw: { reason: 'The new identity platform covers this from March.' } satisfies WithdrawInput,
  vote: { votes: 1 } satisfies VoteInput,
  statusUpdate: { status: 'under_review' } satisfies StatusUpdate,
  merge: { into: 'p8w2n4r6t1y5u7i9' } satisfies MergeInput,
  needMet: { met: true } satisfies NeedMetInput,
  // An intake step from screening; replayed on the example idea id, a 404.
  intakeDecision: {
    step: 'qualified',
    forum: 'Finance demand board',
    decidedOn: '2026-11-30',
    note: 'Clear problem, measurable value.',
  } satisfies IntakeDecisionInput,
  newObjective: { title: 'Close the books in three days', kpi: 'Days to close', horizon: 'this-year' } satisfies NewObjective,
  objectiveUpdate: { kpi: 'Working days to close' } satisfies ObjectiveUpdate,
  cardObjectives: { objectives: [EXAMPLE_ID] } satisfies CardObjectivesInput,
  evaluation: {
    scores: {
      impact: 4,
      financial: 3,
      strategic_alignment: 3,
      size: 'M',
      new_technology: false,
      third_party: true,
      ways_of_working: false,
    },
  } satisfies EvaluationInput,
  newComment: {
    url: 'https://intranet.contoso.example/sites/brm/war-stories',
    body: 'We tried this with Finance last quarter — happy to share the **business case**.',
  } satisfies ThreadRef & NewComment,
  commentEdit: { body: 'We tried this with Finance in Q3 — happy to share the **business case**.' } satisfies CommentEdit,
  commentPreview: {
    body: 'Thanks @mei.chen — see **the business case**: https://intranet.contoso.example/cases/42',
  } satisfies CommentPreviewRequest,
  promoteStory: { template: 'practice' } satisfies PromoteStory,
  flag: { reason: 'off_topic' } satisfies CommentFlag,
  approve: { action: 'approve' } satisfies ModerationDecision,
  approveCard: { action: 'approve' } satisfies CardModerationDecision,
  // A time-out, not a ban, of the example person (who does not exist).
  restriction: { reason: 'Repeated off-topic posts after two warnings.', until: '2030-01-01T00:00:00Z' } satisfies Restriction,
  // The defaults: replayed on a tenant that kept them, it changes nothing.
  moderationSettings: {
    preModeration: DEFAULT_MODERATION_SETTINGS.preModeration,
    flagThreshold: DEFAULT_MODERATION_SETTINGS.flagThreshold,
  } satisfies ModerationSettingsUpdate,
  template: {
    id: EXAMPLE_TEMPLATE_ID,
    name: 'Supplier review',
    description: 'A yearly look at a key supplier: what they deliver, how well, and what to change.',
    fields: [
      { key: 'supplier', label: 'Supplier', type: 'text', required: true },
      { key: 'rating', label: 'Overall rating', type: 'number', min: 1, max: 5, integer: true },
      {
        key: 'actions',
        label: 'Actions',
        type: 'list',
        of: {
          type: 'record',
          fields: [
            { key: 'action', label: 'Action', type: 'text', required: true },
            { key: 'owner', label: 'Owner', type: 'person' },
          ],
        },
      },
    ],
  } satisfies TemplateInput,
  // Its own id: the OpenAPI checker reads an example's `id` as a schema id, which must be unique.
  templateDraft: {
    id: 'lessons-learned',
    name: 'Lessons learned',
    fields: [{ key: 'lesson', label: 'Lesson', type: 'text', required: true }],
  } satisfies TemplateInput,
  newCard: {
    templateId: 'business-case',
    title: 'Self-service password reset',
    summary: 'Let contractors reset their own passwords with MFA.',
    fields: {
      executiveSummary: 'Contractors lose a working day per password reset; self-service removes the wait.',
      reasons: 'About 400 resets a month go through the service desk.',
      options: [
        { kind: 'do-nothing', description: 'Keep resets at the service desk.' },
        { kind: 'do-something', description: 'Self-service reset with MFA.', cost: { amount: 40000, currency: 'EUR' } },
      ],
      recommendedOption: 'Self-service reset with MFA.',
      expectedBenefits: [{ benefit: 'Fewer lost working days', measure: 'Days lost per month', baseline: '400', target: '20' }],
      timescale: { start: '2027-01-04' },
      costs: { project: { amount: 40000, currency: 'EUR' } },
      majorRisks: [{ risk: 'Contractors without a registered MFA device', impact: 'medium', probability: 'low' }],
      sponsor: { name: 'Jordan Lee' },
    },
    tags: ['demand-shaping'],
  } satisfies CardInput,
  cardUpdate: {
    baseVersion: 1,
    title: 'Self-service password reset',
    fields: { executiveSummary: 'Contractors lose a working day per password reset; self-service removes the wait.' },
    note: 'Shorter summary.',
  } satisfies CardUpdate,
  restore: { version: 1, baseVersion: 2 } satisfies CardRestore,
  verify: { reviewBy: '2030-06-30' } satisfies CardVerify,
  obsolete: { reason: 'Replaced by the 2027 password policy card.' } satisfies CardObsolete,
  // A display name only, which an admin changes back in one step. Never `roleMapping` or
  // `anonymousRead`: a replayed `roleMapping: null` locks out admins who get the role from claims.
  settings: { name: 'Contoso' } satisfies TenantSettingsUpdate,
  // A host under `.example`, which nobody can serve pages from.
  origin: { origin: 'https://intranet.contoso.example' } satisfies OriginInput,
  oidcProvider: {
    issuer: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0',
    jwksUri: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/discovery/v2.0/keys',
    audience: 'api://bridgekit',
    directoryId: '00000000-0000-0000-0000-000000000000',
    requiredScope: 'access_as_user',
  } satisfies OidcProviderInput,
  apiKey: { name: 'Portfolio sync', scopes: ['read'] } satisfies ApiKeyInput,
  // A host under `.example`, which answers nothing: a replayed create makes a webhook that never delivers.
  webhook: {
    url: 'https://hooks.contoso.example/bridgekit',
    events: ['idea.created', 'idea.status_changed'],
    format: 'raw',
    description: 'Portfolio tool',
  } satisfies WebhookInput,
  webhookUpdate: { description: 'Portfolio tool (ideas only)' } satisfies WebhookUpdate,
  role: { role: 'evaluator' } satisfies RoleInput,
  // A unit the demo has not: replayed again, it is refused (409 conflict.unit_key_taken).
  newUnit: { key: 'procurement', name: 'Procurement', side: 'demand', aliases: ['Purchasing'] } satisfies NewBusinessUnit,
  // What the demo's `finance` unit has already.
  unitUpdate: { name: 'Finance', aliases: ['Contoso Finance'] } satisfies BusinessUnitUpdate,
  // The team the demo's `finance` unit has already.
  unitTeam: { businessPartners: [], relationshipManagers: ['amara.okafor'] } satisfies UnitTeamInput,
  personUnit: { unit: 'finance' } satisfies PersonUnitInput,
  // A health round for the demo's `finance` unit; invitations and answers to a round id that exists nowhere (404 when replayed).
  newHealthRound: { unit: 'finance', title: 'Finance, Q1 2027', closesOn: '2027-03-31' } satisfies HealthRoundInput,
  healthInvite: {
    people: [
      { handle: 'amara.okafor', side: 'business' },
      { handle: 'mei.chen', side: 'provider' },
    ],
  } satisfies HealthInviteInput,
  healthAnswers: {
    answers: [
      { item: 'understands-business', score: 3, comment: 'Knows our processes, not yet our plans.' },
      { item: 'involves-it-early', score: 2 },
    ],
  } satisfies HealthAnswersInput,
  // A benefit of the demo's value plan; changes and actuals to a benefit id that exists nowhere (404 when replayed).
  newValueBenefit: {
    title: 'Fewer late-payment fees',
    measure: 'EUR/quarter',
    baseline: 12000,
    target: 3000,
    benefitClass: 'cash_releasing',
    owner: 'amara.okafor',
    dueOn: '2027-12-31',
  } satisfies NewValueBenefit,
  valueBenefitUpdate: { target: 2500 } satisfies ValueBenefitUpdate,
  newValueActual: { measuredOn: '2026-09-30', value: 9000, note: 'First quarter after go-live' } satisfies NewValueActual,
  // Marks nothing that is not the caller's: an id no notification has.
  markRead: { ids: [EXAMPLE_ID] },
  notificationSettings: { email: { following: 'daily' } } satisfies NotificationSettingsUpdate,
  token: { sub: 'example|contract-test', name: 'Contract Test', ttlSeconds: 300 } satisfies TokenRequestBody,
  newTenant: { slug: 'acme', name: 'Acme Corporation', origins: ['https://intranet.acme.example'] } satisfies NewTenant,
  // The first chunk of an archive: replayed on a tenant with content, it is refused (409).
  archiveImport: {
    format: 'bridgekit-archive',
    version: 1,
    firstLine: 1,
    lines: [
      '{"format":"bridgekit-archive","version":1,"exportedAt":"2026-01-31T09:00:00.000Z","tenant":{"slug":"acme","name":"Acme Corporation"}}',
      '{"t":"settings","r":{"anonymousRead":false,"roleMapping":null,"moderation":null,"itemPages":null}}',
    ],
  } satisfies ArchiveImport,
};

/** A JSON request body of `schema`, documented with its example. */
export const jsonBody = <S extends z.ZodType, E>(schema: S, example: E, required = true) => ({
  required,
  content: { 'application/json': { schema, example } },
});
