import { createTenantAdmin, type TenantAdmin } from './admin.ts';
import type { PracticeAreaSummary } from './card-types.ts';
import type { CardsApi, TemplatesApi } from './cards.ts';
import type { IdeaView, PersonView, RelatedItem, RelatedQuery, SearchQuery, SearchResults } from './community-types.ts';
import { coreApi, memberTransport } from './core.ts';
import type { HealthApi } from './health.ts';
import type { CallOptions, Middleware, TokenSource, Transport } from './http.ts';
import type { InsightsApi } from './insights.ts';
import type { IntakeApi, ObjectivesApi } from './intake.ts';
import type { NotificationsApi, SubscriptionsApi } from './notifications.ts';
import { cardsPart } from './parts/cards.ts';
import { discoveryPart } from './parts/discovery.ts';
import { healthPart } from './parts/health.ts';
import { ideasPart } from './parts/ideas.ts';
import { insightsPart } from './parts/insights.ts';
import { intakePart } from './parts/intake.ts';
import { notificationsPart } from './parts/notifications.ts';
import { objectivesPart } from './parts/objectives.ts';
import { privacyPart } from './parts/privacy.ts';
import { threadsPart } from './parts/threads.ts';
import { valuePart } from './parts/value.ts';
import type { PrivacyApi } from './privacy.ts';
import type { MentionableQuery, MentionableUser } from './thread-types.ts';
import type { CommentsApi, ModerationApi, ThreadsApi } from './threads.ts';
import type {
  Board,
  BoardUpdate,
  Evaluation,
  Idea,
  IdeaEdit,
  IdeaRevision,
  IdeaSort,
  NewBoard,
  NewIdea,
  Page,
  RoadmapColumn,
  Scorecard,
  SimilarIdea,
  SimilarIdeasQuery,
  StatusCategory,
  StatusChange,
  StatusUpdate,
  Viewer,
  VoteInput,
  VoteState,
} from './types.ts';
import type { BusinessUnit } from './unit-types.ts';
import type { ValueApi } from './value.ts';

export interface ClientOptions {
  /** Origin of the Bridgekit Worker, e.g. `https://bridgekit.example.com` (a trailing `/v1` is fine). */
  baseUrl: string;
  /** Tenant slug, e.g. `demo`. */
  tenant: string;
  /** The signed-in user's token, or a callback that returns one. Omit for read-only access. */
  token?: TokenSource;
  /**
   * Replaces the global `fetch`: inject a Worker's `fetch`, a test server's handler, or a
   * fetch with your own agent. Receives a fully built `Request`.
   */
  fetch?: (request: Request) => Promise<Response>;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  middleware?: Middleware[];
}

export interface ListIdeasOptions extends CallOptions {
  board: string;
  sort?: IdeaSort;
  /** `nextCursor` from the previous page. */
  cursor?: string | null;
  /** Page size, 1–100 (default 20). */
  limit?: number;
  /** Only ideas in these status categories. */
  categories?: StatusCategory[];
  /** Only ideas whose sponsoring business unit has this key. */
  unit?: string;
}

export interface CreateIdeaOptions extends NewIdea, CallOptions {
  board: string;
}

/** The typed Bridgekit client. Create one per tenant and user with {@link createClient}. */
export interface BridgekitClient {
  /** Who the API believes the caller is. */
  me(options?: CallOptions): Promise<Viewer>;
  boards: {
    list(options?: CallOptions): Promise<Board[]>;
    /** The board with its settings, statuses, scorecard and the caller's vote budget. */
    get(slug: string, options?: CallOptions): Promise<Board>;
    /** Admins. */
    create(board: NewBoard, options?: CallOptions): Promise<Board>;
    /** Admins. */
    update(slug: string, update: BoardUpdate, options?: CallOptions): Promise<Board>;
    /** Ideas by status category: under review, planned, in progress, done. */
    roadmap(slug: string, options?: CallOptions): Promise<RoadmapColumn[]>;
    /** Evaluators: every idea of the board, for the portfolio process. */
    export(slug: string, options?: CallOptions): Promise<Idea[]>;
    /** Evaluators: the same as CSV text. */
    exportCsv(slug: string, options?: CallOptions): Promise<string>;
    scorecard(slug: string, options?: CallOptions): Promise<Scorecard>;
    /** Admins: replaces the criteria; every idea's score is recomputed. */
    setScorecard(slug: string, scorecard: Scorecard, options?: CallOptions): Promise<Scorecard>;
  };
  ideas: {
    /** One page of a board's ideas, each with the caller's own vote state. */
    list(options: ListIdeasOptions): Promise<Page<Idea>>;
    /** Every idea of a board, page by page. */
    iterate(options: Omit<ListIdeasOptions, 'cursor'>): AsyncGenerator<Idea, void, undefined>;
    /**
     * Submit an idea. It passes the moderation pipeline: refused with `idea_rejected` (the message
     * says what to change), or stored — published, or held (`moderation.state: 'pending'`, seen
     * by its author and moderators only until approved). On a single-vote board its author backs
     * it from the start (`voted: true`, one vote). Evaluators, moderators and admins may
     * record it `onBehalfOf` a business leader who does not sign in (others get 403
     * `forbidden.proxy_idea`): that person is its author and backs it with one vote.
     *
     * @example
     * await bk.ideas.create({
     *   board: 'general',
     *   title: 'Self-service pipeline dashboards',
     *   onBehalfOf: { name: 'Tomás Silva', email: 'tomas@contoso.example', businessUnit: 'Sales' },
     * }); // author: Tomás Silva, recordedBy: { name: <you> }
     */
    create(options: CreateIdeaOptions): Promise<Idea>;
    get(id: string, options?: CallOptions): Promise<Idea>;
    /**
     * Change an idea's title, description, lane or business case: its author, whoever recorded it
     * on their behalf, or a moderator. The text before is kept (`revisions`); the new one passes
     * the moderation pipeline as a new idea does (refused with `idea_rejected`, nothing changed; or
     * held: the idea waits for a moderator as `moderation.state: 'pending'`). An edit after
     * evaluators scored the idea sets `scoreOutdated`. A closed or merged idea cannot be edited
     * (409 `conflict.edit_closed_idea`, `conflict.edit_merged_idea`); an edit that changes
     * nothing changes nothing.
     *
     * @example
     * await bk.ideas.edit(id, { title: 'Pipeline dashboards for every region', businessCase: { effort: 'M', objective: null } });
     */
    edit(id: string, edit: IdeaEdit, options?: CallOptions): Promise<Idea>;
    /**
     * What the idea said before each of its edits, newest first: for whoever may see the idea.
     *
     * @example
     * const [last] = await bk.ideas.revisions(id); // last.title: the title before the latest edit
     */
    revisions(id: string, options?: CallOptions): Promise<IdeaRevision[]>;
    /**
     * Withdraw one's own idea (or one recorded on a leader's behalf): it moves to the built-in
     * `withdrawn` status and closes, its votes frozen (and returned, on budget boards that return
     * votes when an idea closes); the reason is recorded in its status history. Withdrawing again
     * answers the idea as it is. 409 for an idea closed or merged otherwise.
     *
     * @example
     * const idea = await bk.ideas.withdraw(id, 'Solved by the new CRM rollout.'); // idea.status.key === 'withdrawn'
     */
    withdraw(id: string, reason?: string, options?: CallOptions): Promise<Idea>;
    /**
     * The requester (the idea's author, or whoever recorded it for them) says whether the answer
     * of a deflection met the need; they may change their word. 409 for an idea not deflected.
     *
     * @example
     * const idea = await bk.ideas.confirmNeedMet(id, true); // idea.status.needMet === true
     */
    confirmNeedMet(id: string, met: boolean, options?: CallOptions): Promise<Idea>;
    /** Everything the idea's own page shows: history, answering card, support by unit, discussion… */
    view(id: string, options?: CallOptions): Promise<IdeaView>;
    /** Ideas of the board similar to a title being typed (duplicate suggestions). */
    similar(options: { board: string } & SimilarIdeasQuery & CallOptions): Promise<SimilarIdea[]>;
    /**
     * Back an idea. Idempotent: voting twice counts once. On a budget board, `votes` sets how
     * many of the caller's votes the idea gets (throws `vote_budget_exceeded` beyond the budget).
     */
    vote(id: string, options?: CallOptions & Partial<VoteInput>): Promise<VoteState>;
    /** Withdraw support (and budget votes). Idempotent. */
    unvote(id: string, options?: CallOptions): Promise<VoteState>;
    /** Remove an idea and its votes. Takes the moderator role. */
    remove(id: string, options?: CallOptions): Promise<void>;
    /** Evaluators: set the status; deflections need a reason. */
    setStatus(id: string, update: StatusUpdate, options?: CallOptions): Promise<Idea>;
    statusHistory(id: string, options?: CallOptions): Promise<StatusChange[]>;
    /** Moderators: merge the duplicate `id` into `into`. Idempotent. */
    merge(id: string, into: string, options?: CallOptions): Promise<Idea>;
    /** Evaluators: the caller's scores for every criterion of the board's scorecard. */
    score(id: string, scores: Evaluation, options?: CallOptions): Promise<Idea>;
    /** Evaluators: the caller's own stored scores, by criterion. */
    myScores(id: string, options?: CallOptions): Promise<Record<string, number>>;
  };
  /** Discussion threads under intranet pages. */
  threads: ThreadsApi;
  comments: CommentsApi;
  /** The moderation queue, decisions, bans, settings and audit log (moderators and admins). */
  moderation: ModerationApi;
  users: {
    /** Members whose name or handle starts with `q`, for `@mention` suggestions (signed in). */
    mentionable(q: string, options?: CallOptions & Omit<MentionableQuery, 'q'>): Promise<MentionableUser[]>;
  };
  /** The tenant's business units: names, sides, aliases and teams (admins change them through `admin.units`). */
  units: {
    /**
     * Every unit, archived ones included (`archivedAt`), by name.
     *
     * @example
     * const demand = (await bk.units.list()).filter((u) => u.side === 'demand' && !u.archivedAt);
     */
    list(options?: CallOptions): Promise<BusinessUnit[]>;
    /** One unit by its key; 404 (`not_found.unit`) for a key the tenant has not. */
    get(key: string, options?: CallOptions): Promise<BusinessUnit>;
  };
  people: {
    /**
     * A person's own view by their handle (`@handle`): name, business unit, role, when they
     * joined, and their published ideas, comments and the cards they own, newest first. 404
     * (`not_found.person`) for a handle nobody in the tenant has.
     *
     * @example
     * const ana = await bk.people.view('ana.lima');
     * ana.ideas.map((i) => i.title);
     */
    view(handle: string, options?: CallOptions): Promise<PersonView>;
  };
  /** Practice cards: a living library of practices on structured templates. */
  cards: CardsApi;
  /** Card templates: built in, and the tenant's own (admins). */
  templates: TemplatesApi;
  /** Each practice area with its cards and owners, and the areas nobody owns. */
  practiceAreas(options?: CallOptions): Promise<PracticeAreaSummary[]>;
  /** One search across ideas, comments and cards, best first, with snippets. */
  search(query: SearchQuery, options?: CallOptions): Promise<SearchResults>;
  /** Items of the other kinds related to one: explicit links first, then similar text. */
  related(query: RelatedQuery, options?: CallOptions): Promise<RelatedItem[]>;
  /** The signed-in person's notifications (the inbox) and e-mail cadence. */
  notifications: NotificationsApi;
  /** What the signed-in person follows: ideas, boards, threads, cards, practice areas, tags. */
  subscriptions: SubscriptionsApi;
  /** Personal data: the signed-in person's export and erasure; admins', anyone's (docs/privacy.md). */
  privacy: PrivacyApi;
  /** Two-sided relationship health rounds of business units, blind until closed (docs/health.md). */
  health: HealthApi;
  /** Business units' objectives, which ideas and cards link to (docs/intake.md). */
  objectives: ObjectivesApi;
  /** Ideas' intake decisions: screening to approved, deferred or deflected (docs/intake.md). */
  intake: IntakeApi;
  /** The cockpit: figures per business unit over time, for relationship teams, CIOs and admins (docs/insights.md). */
  insights: InsightsApi;
  /** Value-realisation plans: benefits as numbers, their actuals, value delivered (docs/value.md). */
  value: ValueApi;
  /** The tenant's configuration. Takes the admin role (or an API key with the `admin` scope). */
  admin: TenantAdmin;
}

/** The client without the tenant's configuration ({@link createMemberClient}). */
export type BridgekitMemberClient = Omit<BridgekitClient, 'admin'>;

/**
 * Creates a client for one tenant of a Bridgekit Worker. No runtime dependencies: works in
 * browsers, Node.js 22+ and Workers.
 *
 * @example
 * import { createClient } from '@bridgekit/sdk';
 * const bk = createClient({ baseUrl: 'https://bridgekit.example.com', tenant: 'acme', token: () => getToken() });
 * const { items } = await bk.ideas.list({ board: 'general', sort: 'top' });
 * await bk.ideas.vote(items[0].id);
 */
export function createClient(options: ClientOptions): BridgekitClient {
  const http = memberTransport(options);
  return { ...memberApi(http), admin: createTenantAdmin(http) };
}

/**
 * A client with everything but `admin`: what a page or widget needs, without the admin client's
 * code in its bundle (the widgets use it).
 */
export function createMemberClient(options: ClientOptions): BridgekitMemberClient {
  return memberApi(memberTransport(options));
}

const memberApi = (http: Transport): BridgekitMemberClient => ({
  ...coreApi(http),
  ...ideasPart(http),
  ...discoveryPart(http),
  ...threadsPart(http),
  ...cardsPart(http),
  ...notificationsPart(http),
  ...privacyPart(http),
  ...healthPart(http),
  ...objectivesPart(http),
  ...intakePart(http),
  ...insightsPart(http),
  ...valuePart(http),
});
