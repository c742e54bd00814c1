/**
 * Two-sided relationship health (docs/health.md): a round per business unit in which invited
 * people of the business and of the provider (IT) each score the same items, blind until the round
 * closes; results per item with the gap between the sides, a trend across rounds, and a maturity
 * estimate no higher than the weaker side supports.
 */
import type { MaturityLevel } from './card-types.ts';
import type { Translations } from './translations.ts';
import type { RelationshipSide, UnitRef } from './unit-types.ts';

/** One item of a round: whose behaviour it rates (`business` or `provider`), and how people read it. */
export interface HealthItem {
  key: string;
  /** Whose behaviour the item rates: what the business does, or what the provider (IT) does. Both sides score every item. */
  rates: RelationshipSide;
  label: string;
  translations?: Translations<'label'>;
}

/**
 * The default items of a round, snapshotted into each round when it opens: what IT does (as the
 * business and IT both see it) and what the business does (likewise), the demand-maturity half.
 */
export const HEALTH_ITEMS = [
  {
    key: 'understands-business',
    rates: 'provider',
    label: 'Understands our business',
    translations: { de: { label: 'Versteht unser Geschäft' } },
  },
  {
    key: 'responsiveness',
    rates: 'provider',
    label: 'Responds quickly and follows through',
    translations: { de: { label: 'Reagiert schnell und bleibt dran' } },
  },
  {
    key: 'delivery-predictability',
    rates: 'provider',
    label: 'Delivers predictably, as promised',
    translations: { de: { label: 'Liefert verlässlich wie zugesagt' } },
  },
  {
    key: 'service-reliability',
    rates: 'provider',
    label: 'Runs reliable services',
    translations: { de: { label: 'Betreibt zuverlässige Services' } },
  },
  {
    key: 'proactivity',
    rates: 'provider',
    label: 'Brings ideas and innovation unasked',
    translations: { de: { label: 'Bringt von sich aus Ideen und Innovation ein' } },
  },
  {
    key: 'value-for-money',
    rates: 'provider',
    label: 'Gives value for money, with transparent costs',
    translations: { de: { label: 'Bietet gute Leistung fürs Geld, mit transparenten Kosten' } },
  },
  {
    key: 'communication',
    rates: 'provider',
    label: 'Communicates clearly and openly',
    translations: { de: { label: 'Kommuniziert klar und offen' } },
  },
  { key: 'involves-it-early', rates: 'business', label: 'Involves IT early', translations: { de: { label: 'Bezieht die IT früh ein' } } },
  {
    key: 'clear-priorities',
    rates: 'business',
    label: 'Keeps clear, stable priorities',
    translations: { de: { label: 'Hat klare, stabile Prioritäten' } },
  },
  {
    key: 'owns-benefits',
    rates: 'business',
    label: 'Owns the benefits of what it asks for',
    translations: { de: { label: 'Verantwortet den Nutzen dessen, was es anfordert' } },
  },
  {
    key: 'decides-on-time',
    rates: 'business',
    label: 'Sponsors and decides on time',
    translations: { de: { label: 'Stellt Sponsoren und entscheidet rechtzeitig' } },
  },
  {
    key: 'shares-strategy',
    rates: 'business',
    label: 'Shares its strategy and plans',
    translations: { de: { label: 'Teilt Strategie und Pläne' } },
  },
] as const satisfies readonly HealthItem[];

/** The key of a default item. */
export type HealthItemKey = (typeof HEALTH_ITEMS)[number]['key'];

/** A maturity level with its name. */
export interface MaturityLevelName {
  level: MaturityLevel;
  label: string;
  translations: Translations<'label'>;
}

/** Relationship maturity, from the least to the most mature: the one list of its names. */
export const MATURITY_LEVELS = [
  { level: 1, label: 'Ad hoc', translations: { de: { label: 'Ad hoc' } } },
  { level: 2, label: 'Order taker', translations: { de: { label: 'Auftragsempfänger' } } },
  { level: 3, label: 'Service provider', translations: { de: { label: 'Dienstleister' } } },
  { level: 4, label: 'Trusted advisor', translations: { de: { label: 'Vertrauter Berater' } } },
  { level: 5, label: 'Strategic partner', translations: { de: { label: 'Strategischer Partner' } } },
] as const satisfies readonly MaturityLevelName[];

/** The lowest and highest score of an answer. */
export const HEALTH_SCORE = { min: 1, max: 5 } as const;

/** A gap between the sides' means of at least this much (either way) is a large one: where to talk first. */
export const HEALTH_LARGE_GAP = 1.5;

/** A round opens with `POST /health-rounds`, takes answers while `open`, and shows results once `closed`. */
export type HealthRoundState = 'open' | 'closed';

/** How many of one side were invited, and how many of them have answered. */
export interface HealthSideCounts {
  invited: number;
  responded: number;
}

/** One answer: a score from 1 to 5 on one item, and an optional comment. */
export interface HealthAnswer {
  item: string;
  score: number;
  comment: string | null;
}

/** A round as its reader may see it: never anyone's scores (those are in the results, after closing). */
export interface HealthRound {
  id: string;
  unit: UnitRef;
  title: string;
  items: HealthItem[];
  state: HealthRoundState;
  /** When it is planned to close, `YYYY-MM-DD`; it closes when a relationship manager or admin closes it. */
  closesOn: string | null;
  closedAt: string | null;
  createdAt: string;
  /** For the unit's relationship team, CIOs and admins: invitations and answers per side; null for anyone else. */
  counts: { business: HealthSideCounts; provider: HealthSideCounts } | null;
  /** For an invitee: the side they answer for, when they last answered, and their own answers; null for anyone else. */
  mine: { side: RelationshipSide; respondedAt: string | null; answers: HealthAnswer[] } | null;
  /** Whether the caller may invite people and close the round: the unit's relationship managers and admins. */
  canManage: boolean;
}

/** Rounds the caller may see: of units whose relationship intelligence they read, or to which they are invited. */
export interface HealthRoundList {
  items: HealthRound[];
}

/** The query of the round list. */
export interface HealthRoundQuery {
  /** Only this unit's rounds (its key). */
  unit?: string;
  /** Only open or only closed rounds. */
  state?: HealthRoundState;
}

/** A round to open. */
export interface HealthRoundInput {
  /** The unit's key. */
  unit: string;
  title: string;
  /** `YYYY-MM-DD`. */
  closesOn?: string | null;
  /** The keys of the default items to ask (`HEALTH_ITEMS`), in their order; all of them when left out. Both sides' items are needed. */
  items?: string[];
}

/** One person to invite, by handle, and the side they answer for. */
export interface HealthInvitationInput {
  handle: string;
  side: RelationshipSide;
}

/** People to invite to a round. Inviting someone again changes nothing. */
export interface HealthInviteInput {
  people: HealthInvitationInput[];
}

/** One answer as sent. */
export interface HealthAnswerInput {
  item: string;
  score: number;
  comment?: string | null;
}

/** The caller's answers, replacing any they gave before; items left out stay unanswered. */
export interface HealthAnswersInput {
  answers: HealthAnswerInput[];
}

/** One side's scores on one item. */
export interface HealthStat {
  /** The mean score, to two decimals. */
  mean: number;
  /** How many of the side answered the item. */
  n: number;
}

/** One item's result: each side's mean and the gap (business − provider; negative when IT rates it higher). */
export interface HealthItemResult extends HealthItem {
  business: HealthStat | null;
  provider: HealthStat | null;
  gap: number | null;
}

/** One side's result: respondents, its mean over the items (each item weighs the same) and the level that mean supports. */
export interface HealthSideResult {
  invited: number;
  respondents: number;
  mean: number | null;
  level: MaturityLevel | null;
}

/** The maturity estimate: the lower of the two sides' levels. */
export interface HealthMaturity extends MaturityLevelName {
  /** The side whose level it is (the weaker one); null when both sides support the same level. */
  weakerSide: RelationshipSide | null;
}

/** A comment of one side on one item, without who wrote it. */
export interface HealthComment {
  item: string;
  comment: string;
}

/** A closed round's results: for the unit's relationship team, CIOs and admins. */
export interface HealthResults {
  round: HealthRound;
  perItem: HealthItemResult[];
  sides: { business: HealthSideResult; provider: HealthSideResult };
  /** Null unless both sides answered: one side's scores never make a maturity level. */
  maturity: HealthMaturity | null;
  comments: { business: HealthComment[]; provider: HealthComment[] };
}

/** One closed round in a unit's trend. */
export interface HealthTrendPoint {
  roundId: string;
  title: string;
  closedAt: string;
  business: HealthSideResult;
  provider: HealthSideResult;
  maturity: HealthMaturity | null;
}

/** A unit's closed rounds, oldest first (the latest 24). */
export interface HealthTrend {
  unit: UnitRef;
  rounds: HealthTrendPoint[];
}
