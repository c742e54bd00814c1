/**
 * Wire types of practice cards and their templates (`/v1/tenants/{t}/templates…`, `/cards…`,
 * `/practice-areas`). Checked against the Worker's schemas at compile time.
 */

import type { StorySource } from './community-types.ts';
import type { Reason, ReasonParams } from './reasons.ts';
import type { Translations } from './translations.ts';
import type { ModerationState } from './types.ts';
import type { CardVisibility, RelationshipSide, UnitRef } from './unit-types.ts';

/** The practice areas of BRM: the cards' tags and facets. */
export type PracticeArea =
  | 'demand-shaping'
  | 'exploring'
  | 'portfolio-management'
  | 'value-realization'
  | 'business-transition'
  | 'strategic-partnering'
  | 'relationship-maturity'
  | 'power-skills';
export const PRACTICE_AREAS = [
  'demand-shaping',
  'exploring',
  'portfolio-management',
  'value-realization',
  'business-transition',
  'strategic-partnering',
  'relationship-maturity',
  'power-skills',
] as const satisfies readonly PracticeArea[];

/** Relationship maturity, 1 Ad hoc · 2 Order taker · 3 Service provider · 4 Trusted advisor · 5 Strategic partner. */
export type MaturityLevel = 1 | 2 | 3 | 4 | 5;

/** What a link field may point at. */
export type LinkKind = 'card' | 'idea' | 'thread';

/**
 * The type of a template field, with its constraints. A `list` holds values of one type (often
 * a `record` of sub-fields); a `record` groups named sub-fields (e.g. a period with `from` and
 * `to`).
 */
export type FieldType =
  | { type: 'text'; maxLength?: number; multiline?: boolean }
  | { type: 'richtext'; maxLength?: number }
  | { type: 'enum'; options: { value: string; label: string; translations?: Translations<'label'> }[] }
  | { type: 'person' }
  | { type: 'date' }
  | { type: 'number'; min?: number; max?: number; integer?: boolean }
  | { type: 'money' }
  | { type: 'link'; to: LinkKind[] }
  | {
      type: 'list';
      of: FieldType;
      minItems?: number;
      maxItems?: number;
      /** What one item is called, e.g. `Option` for a list labelled `Options`: forms number the rows with it ("Option 2"). */
      itemLabel?: string;
    }
  | { type: 'record'; fields: FieldDef[] };

/** One field of a template. `key` is a camelCase identifier, unique among its siblings. */
export type FieldDef = FieldType & {
  key: string;
  label: string;
  /** Shown under the label in forms. */
  help?: string;
  required?: boolean;
  /** The label, help and (of a list) item label in other languages. */
  translations?: Translations<'label' | 'help' | 'itemLabel'>;
  /**
   * Side-locked: only people of this side of the relationship (their business unit's side) may
   * change the value; others save the card with it unchanged.
   */
  side?: RelationshipSide;
};

/** Field values as stored and sent. */
export type FieldValue = string | number | PersonValue | MoneyValue | LinkValue | FieldValue[] | { [key: string]: FieldValue };

/** A person named in a card: a member by `handle` (then `name` is theirs), or anyone by name. */
export interface PersonValue {
  name: string;
  handle?: string;
  email?: string;
}

/** An amount in an ISO 4217 currency, e.g. `{ amount: 250000, currency: 'EUR' }`. */
export interface MoneyValue {
  amount: number;
  currency: string;
}

/** A reference to a card, idea or thread of the same tenant. */
export interface LinkValue {
  kind: LinkKind;
  id: string;
}

/** A card template: built in (shipped with Bridgekit) or defined by the tenant's admins. */
export interface CardTemplate {
  /** e.g. `business-case`; tenant templates are prefixed by nothing but must not clash. */
  id: string;
  name: string;
  description: string;
  /** The name and description in other languages (the built-in templates come with theirs). */
  translations?: Translations<'name' | 'description'>;
  builtIn: boolean;
  fields: FieldDef[];
  /** Raised on every change of a tenant template; cards remember the version they were saved with. */
  version: number;
  /** Who may read a new card of this template unless its author says otherwise (default `everyone`). */
  visibility?: CardVisibility;
}

/** A tenant-defined template, as an admin creates or replaces it. */
export interface TemplateInput {
  id: string;
  name: string;
  description?: string;
  /** The name and description in other languages; each field's go in the field. */
  translations?: Translations<'name' | 'description'>;
  fields: FieldDef[];
  /** Who may read a new card of this template unless its author says otherwise; left out: `everyone`. */
  visibility?: CardVisibility;
}

/** The owner of a card: a member of the tenant. */
export interface CardOwner {
  handle: string;
  name: string;
}

/** `current`: reviewed in time. `due`: review-by date within 30 days. `overdue`: past it. `obsolete`: marked so (stays findable). */
export type Freshness = 'current' | 'due' | 'overdue' | 'obsolete';

export interface PracticeCard {
  id: string;
  templateId: string;
  templateName: string;
  title: string;
  summary: string;
  fields: Record<string, FieldValue>;
  /** Safe HTML of every richtext value, by its path (`mission`, `executiveSummary`). */
  rendered: Record<string, string>;
  /**
   * Values the server derives from the fields, by path: a stakeholder's approach from power ×
   * interest (`stakeholders.0.approach`), a health assessment's gap per item and estimated
   * maturity level. Never sent, always recomputed.
   */
  derived: Record<string, FieldValue>;
  tags: PracticeArea[];
  maturityLevel: MaturityLevel | null;
  owner: CardOwner | null;
  /** `YYYY-MM-DD`. */
  reviewBy: string | null;
  freshness: Freshness;
  obsolete: { reason: string; at: string; by: string } | null;
  /** Starts at 1; every save adds one. Send it back as `baseVersion` when saving. */
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  lastVerifiedAt: string | null;
  helpedCount: number;
  viewCount: number;
  /** The caller said "this helped me". */
  helpedByMe: boolean;
  /** The key of the card's own discussion thread (`card:<id>`), for `<bk-thread key>`. */
  threadKey: string;
  /** The war story it was promoted from. */
  source: StorySource | null;
  /** Requests (ideas) it answered, and ideas proposed from it: the lists are in `links`. */
  answered: number;
  sparked: number;
  /** What it saved: the requests deflected to it (see `CardDeflections`). */
  deflections: CardDeflections;
  /** A new card held for review, or rejected: only its author and moderators see such a card. */
  moderation: ModerationState;
  /** The business unit the card is about. */
  unit: UnitRef | null;
  /** Who may read it: everyone, the unit's relationship team, or its owner only (admins read every card). */
  visibility: CardVisibility;
  /**
   * The caller's own latest edit of this published card, when the moderation pipeline held it
   * (`pending`) or a moderator refused it (`rejected`); readers keep seeing the published
   * version meanwhile. Only its author sees it; their next save replaces it.
   */
  pendingEdit: PendingCardEdit | null;
}

/**
 * The requests a card answered by deflection (published ideas in a deflection status naming the
 * card), how many requesters confirmed the need was met, and the effort avoided: the person-days
 * of those requests' T-shirt sizes (XS 1, S 3, M 10, L 30, XL 60), leaving out those whose
 * requester said it did not meet the need.
 */
export interface CardDeflections {
  requests: number;
  confirmed: number;
  avoidedDays: number;
}

/** An edit of a published card that waits for a moderator, or that one refused. */
export interface PendingCardEdit {
  id: string;
  state: 'pending' | 'rejected';
  /** Why it waits (English), or the moderator's reason for refusing it. */
  reason: string;
  /** Why it waits as a reason code with params (`held.every_card_edit`…); `null` for a moderator's words. */
  reasonCode: Reason | null;
  reasonParams: ReasonParams;
  /** The published version it was made to. */
  baseVersion: number;
  at: string;
}

/** What a card is made of, as it is created or saved. */
export interface CardInput {
  templateId: string;
  title: string;
  summary?: string;
  fields: Record<string, FieldValue>;
  tags?: PracticeArea[];
  maturityLevel?: MaturityLevel | null;
  /** The owner's handle. */
  owner?: string | null;
  /** `YYYY-MM-DD`; defaults to six months after saving. */
  reviewBy?: string | null;
  /** The key of the business unit the card is about; `null` for none. Left out: as it is (none for a new card). */
  unit?: string | null;
  /**
   * Who may read it; `unit` needs a unit. Left out: as it is — for a new card, the template's
   * default (`unit` when the card has a unit, else `private`, for templates that default to `unit`).
   */
  visibility?: CardVisibility;
  /** What this save changed, for the history. */
  note?: string;
}

/** A save of an existing card: the version it was based on, to detect concurrent edits. */
export interface CardUpdate extends Omit<CardInput, 'templateId'> {
  baseVersion: number;
}

/** Saves an old version's content as the newest version. */
export interface CardRestore {
  version: number;
  /** The latest version, as for a save. */
  baseVersion: number;
}

/** The owner confirms a card is still right. */
export interface CardVerify {
  /** The next review date, `YYYY-MM-DD`; default six months on. */
  reviewBy?: string;
}

/** Marks a card obsolete. */
export interface CardObsolete {
  /** Why, e.g. what replaces it; up to 500 characters. */
  reason: string;
}

/** The query of the card list and search, as the client sends it. */
export interface CardListQuery {
  /** Full-text search over titles, summaries and field values (stemmed: "business cases" finds "business case"). */
  q?: string;
  tag?: PracticeArea;
  template?: string;
  /** An owner's handle, or `me`. */
  owner?: string;
  freshness?: Freshness;
  /** Only cards whose link fields point here, e.g. `idea:k3v9q0m2x7h1c8td` (the cards that cite an idea). */
  cites?: `${LinkKind}:${string}`;
  /** Default `relevance` with `q`, else `updated`. */
  sort?: CardSort;
  /** `nextCursor` of the previous page. */
  cursor?: string;
  /** 1–100 (default 20). */
  limit?: number;
}

/** The query of an owner's review queue. */
export interface ReviewQueueQuery {
  /** An owner's handle, or `me` (the default). */
  owner?: string;
  cursor?: string;
  limit?: number;
}

/** The two versions a diff compares. */
export interface CardDiffQuery {
  from: number;
  to: number;
}

/** A card's export: Markdown (default) or JSON. */
export interface CardExportQuery {
  format?: 'markdown' | 'json';
}

/** A card in a list or search result. */
export interface CardSummary {
  id: string;
  templateId: string;
  templateName: string;
  title: string;
  summary: string;
  tags: PracticeArea[];
  maturityLevel: MaturityLevel | null;
  owner: CardOwner | null;
  reviewBy: string | null;
  freshness: Freshness;
  helpedCount: number;
  viewCount: number;
  updatedAt: string;
  /** Only the author's own held or rejected cards appear in their lists; everyone else's are published. */
  moderation: ModerationState;
  unit: UnitRef | null;
  visibility: CardVisibility;
  /**
   * For searches: a short extract around the match, HTML-escaped, with matches in `<mark>`.
   * `null` outside searches.
   */
  snippet: string | null;
}

export type CardSort = 'relevance' | 'updated' | 'helpful' | 'views' | 'title';

/** One saved version. */
export interface CardVersion {
  version: number;
  at: string;
  by: string;
  note: string | null;
}

export interface CardVersionDetail extends CardVersion {
  title: string;
  summary: string;
  fields: Record<string, FieldValue>;
  tags: PracticeArea[];
  maturityLevel: MaturityLevel | null;
  owner: CardOwner | null;
  reviewBy: string | null;
}

/** One changed field between two versions; `path` is dotted (`options.1.cost`). */
export interface FieldChange {
  path: string;
  /** The field's label path, e.g. "Options › 2 › Cost". */
  label: string;
  change: 'added' | 'removed' | 'changed';
  before: FieldValue | null;
  after: FieldValue | null;
  /**
   * A rich-text field's `before` and `after` as the card shows them: the Markdown rendered to
   * sanitised HTML (`null` where the value is). Only on rich-text fields.
   */
  rendered?: { before: string | null; after: string | null };
}

export interface CardDiff {
  from: number;
  to: number;
  /** Title, summary, tags, maturity, owner and review-by changes come first, as paths `title` etc. */
  changes: FieldChange[];
}

/** What cites a card, and what it cites. */
export interface CardLinks {
  /**
   * Ideas the card links to (`cites`), ideas whose status link points to the card (`cited-by`),
   * requests it answered (`answers`), ideas proposed from it (`sparked`) and, for a business case
   * made when an idea was approved, that idea (`case-for`, docs/intake.md).
   */
  ideas: { id: string; title: string; direction: 'cites' | 'cited-by' | 'answers' | 'sparked' | 'case-for' }[];
  /** Threads the card links to, and its own thread. */
  threads: { id: string; key: string; title: string | null; commentCount: number; direction: 'cites' | 'own' }[];
  cards: { id: string; title: string; direction: 'cites' | 'cited-by' }[];
}

/** A practice area with its cards and owners: "named experts", and areas nobody owns. */
export interface PracticeAreaSummary {
  area: PracticeArea;
  cardCount: number;
  owners: CardOwner[];
  /** Cards of the area without an owner. */
  unownedCards: number;
}
