/**
 * How cards are read: the select shape (with the owner's handle and name and whether the caller
 * found the card helpful, in the same statement), freshness, and the mapping to wire types.
 */
import type {
  CardDeflections,
  CardOwner,
  CardSummary,
  CardTemplate,
  CardVisibility,
  Freshness,
  MaturityLevel,
  PendingCardEdit,
  PracticeCard,
  StorySource,
} from '@bridgekit/sdk';
import { type SQL, sql } from 'drizzle-orm';
import { type Actor, effectiveRole, hasRole, type Viewer } from '../auth/viewer.ts';
import { deriveValues } from '../cards/derive.ts';
import type { Database } from '../db/client.ts';
import { cardEdits, cardHelped, cards, ideas, threads, userRoles, users } from '../db/schema.ts';
import { qualified } from '../db/sql.ts';
import { isoTime, isoTimeOrNull } from '../lib/time.ts';
import { moderationOf } from '../moderation/content.ts';
import { readReason, shownReason } from '../moderation/reasons.ts';
import { cardDeflectionsColumn } from './deflections.ts';
import { parseUnitRef, readsUnit, unitRefColumn } from './unit-access.ts';
import { viewerUserId } from './users.ts';

/** Days before the review-by date from which a card counts as due for review. */
export const DUE_WITHIN_DAYS = 30;
/** A new or verified card is due for review this many months later, unless its owner says otherwise. */
export const REVIEW_AFTER_MONTHS = 6;

/** `YYYY-MM-DD` of a moment (UTC). */
export const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function reviewDateAfter(ms: number, months = REVIEW_AFTER_MONTHS): string {
  const date = new Date(ms);
  date.setUTCMonth(date.getUTCMonth() + months);
  return dayOf(date.getTime());
}

export function freshnessOf(reviewBy: string | null, obsolete: boolean, now: number): Freshness {
  if (obsolete) return 'obsolete';
  if (reviewBy === null) return 'current';
  if (reviewBy < dayOf(now)) return 'overdue';
  return reviewBy <= dayOf(now + DUE_WITHIN_DAYS * 86_400_000) ? 'due' : 'current';
}

/** The SQL condition of a freshness, for list filters. */
export function freshnessCondition(freshness: Freshness, now: number) {
  const today = dayOf(now);
  const soon = dayOf(now + DUE_WITHIN_DAYS * 86_400_000);
  const reviewBy = qualified(cards.reviewBy);
  const live = sql`${qualified(cards.obsoleteAt)} is null`;
  switch (freshness) {
    case 'obsolete':
      return sql`${qualified(cards.obsoleteAt)} is not null`;
    case 'overdue':
      return sql`${live} and ${reviewBy} < ${today}`;
    case 'due':
      return sql`${live} and ${reviewBy} >= ${today} and ${reviewBy} <= ${soon}`;
    case 'current':
      return sql`${live} and (${reviewBy} is null or ${reviewBy} > ${soon})`;
  }
}

/** SQL that is 1 when the viewer is an admin (by credential, claim or grant); CIOs are not. */
export function isAdmin(tenantId: string, viewer: Viewer | Actor): SQL {
  if ('kind' in viewer && hasRole(effectiveRole(viewer, undefined), 'admin')) return sql`1`;
  if (!('kind' in viewer) || viewer.kind !== 'user') return sql`0`;
  return sql`exists (select 1 from ${userRoles} where ${qualified(userRoles.tenantId)} = ${tenantId}
    and ${qualified(userRoles.subject)} = ${viewer.subject} and ${qualified(userRoles.role)} = 'admin')`;
}

/** `cards`, or the alias a statement gives it (`c`, `k`…), and a column of it. */
const column = (alias: string, name: string) => sql`${sql.identifier(alias)}.${sql.identifier(name)}`;

/**
 * Who may read a card by its visibility, whatever its moderation state: `everyone`; its owner and
 * its author; for a `unit` card, whoever reads the unit (`readsUnit`: its relationship team, CIOs,
 * admins); for a `private` one, admins — not CIOs. `alias`: what the statement calls `cards`.
 */
export function cardReadableBy(tenantId: string, viewer: Viewer | Actor, alias = 'cards'): SQL {
  const me = viewerUserId(tenantId, viewer);
  const visibility = column(alias, 'visibility');
  return sql`(${visibility} = 'everyone' or ${column(alias, 'owner_id')} = ${me} or ${column(alias, 'author_id')} = ${me}
    or (${visibility} = 'unit' and ${readsUnit(tenantId, viewer, column(alias, 'unit_id'))})
    or (${visibility} = 'private' and ${isAdmin(tenantId, viewer)}))`;
}

/**
 * {@link cardReadableBy} for the person whose user id `user` is (SQL), not for the caller: who is
 * told of a card's events (notify/audience.ts). Admins and CIOs by their stored claim or a grant.
 */
export function cardReadableByUser(tenantId: string, user: SQL, alias = 'cards'): SQL {
  const visibility = column(alias, 'visibility');
  const granted = (roles: SQL) =>
    sql`exists (select 1 from users ru where ru.id = ${user} and (ru.claim_role = 'admin'
      or exists (select 1 from user_roles rr where rr.tenant_id = ru.tenant_id and rr.subject = ru.subject and rr.role in ${roles})))`;
  return sql`(${visibility} = 'everyone' or ${column(alias, 'owner_id')} = ${user} or ${column(alias, 'author_id')} = ${user}
    or (${visibility} = 'unit' and (${granted(sql`('admin', 'cio')`)} or exists (select 1 from business_unit_people rp
      where rp.tenant_id = ${tenantId} and rp.unit_id = ${column(alias, 'unit_id')} and rp.user_id = ${user})))
    or (${visibility} = 'private' and ${granted(sql`('admin')`)}))`;
}

/**
 * Who sees a card: THE rule every reader of cards applies. Published cards, as their visibility
 * allows ({@link cardReadableBy}); a new card held by the pipeline or rejected by a moderator only
 * its author (moderators read it through the queue). `alias`: what the statement calls `cards`.
 */
export function cardVisibleTo(tenantId: string, viewer: Viewer | Actor, alias = 'cards'): SQL {
  return sql`((${column(alias, 'state')} = 'published' or ${column(alias, 'author_id')} = ${viewerUserId(tenantId, viewer)})
    and ${cardReadableBy(tenantId, viewer, alias)})`;
}

/**
 * What every reader may see of cards — {@link cardVisibleTo} for a reader who is nobody in
 * particular: published and visible to everyone. For what others could follow from what one
 * reader is shown (search hits, related items, a person's page, an idea's answer, names in other
 * items' links), so a unit's or a private card is never named there. `alias`: what the statement calls `cards`.
 */
export function cardPublic(alias = 'cards'): SQL {
  return sql`(${column(alias, 'state')} = 'published' and ${column(alias, 'visibility')} = 'everyone')`;
}

/** The caller's own held or rejected edit of the card in scope, as JSON (null when none): for single-card reads. */
export function myEditColumn(tenantId: string, viewer: Viewer | Actor) {
  return sql<
    string | null
  >`(select json_object('id', e.id, 'state', e.state, 'reason', e.reason, 'baseVersion', e.base_version, 'at', e.created_at)
    from ${cardEdits} e where e.card_id = ${qualified(cards.id)} and e.author_id = ${viewerUserId(tenantId, viewer)}
    order by e.created_at desc limit 1)`;
}

export function cardColumns(tenantId: string, viewer: Viewer | Actor) {
  return {
    card: cards,
    ownerHandle: sql<
      string | null
    >`(select ${qualified(users.handle)} from ${users} where ${qualified(users.id)} = ${qualified(cards.ownerId)})`,
    ownerName: sql<
      string | null
    >`(select ${qualified(users.name)} from ${users} where ${qualified(users.id)} = ${qualified(cards.ownerId)})`,
    helpedByMe: sql<number>`exists (select 1 from ${cardHelped} h where h.card_id = ${qualified(cards.id)} and h.user_id = ${viewerUserId(tenantId, viewer)})`,
    // Published ideas the card answered, and those proposed from it (card-library.ts `cardLinksOf` lists them).
    answered:
      sql<number>`(select count(*) from ${ideas} ai where ai.tenant_id = ${qualified(cards.tenantId)} and ai.answered_by = ${qualified(cards.id)} and ai.state = 'published')`.as(
        'card_answered',
      ),
    deflections: cardDeflectionsColumn(qualified(cards.tenantId), qualified(cards.id)).as('card_deflections'),
    sparked:
      sql<number>`(select count(*) from ${ideas} si where si.tenant_id = ${qualified(cards.tenantId)} and si.source_card_id = ${qualified(cards.id)} and si.state = 'published')`.as(
        'card_sparked',
      ),
    source: sql<string | null>`(select json_object('id', st.id, 'key', st.key, 'title', st.title, 'url', st.url)
      from ${threads} st where st.tenant_id = ${qualified(cards.tenantId)} and st.id = ${qualified(cards.sourceThreadId)})`.as(
      'card_source',
    ),
    unit: unitRefColumn(cards.unitId).as('card_unit'),
  };
}

export function selectCards(db: Database, tenantId: string, viewer: Viewer | Actor) {
  return db.select(cardColumns(tenantId, viewer)).from(cards);
}

export type CardRow = {
  card: typeof cards.$inferSelect;
  ownerHandle: string | null;
  ownerName: string | null;
  helpedByMe: number;
  answered: number;
  /** `CardDeflections` as JSON (`cardDeflectionsColumn`). */
  deflections: string;
  sparked: number;
  /** The source thread as JSON (`cardColumns`). */
  source: string | null;
  /** The card's unit as JSON (`unitRefColumn`). */
  unit: string | null;
  /** From `myEditColumn`, on single-card reads. */
  myEdit?: string | null;
};

function pendingEditOf(json: string | null | undefined): PendingCardEdit | null {
  if (!json) return null;
  const e = JSON.parse(json) as { id: string; state: PendingCardEdit['state']; reason: string; baseVersion: number; at: number };
  const shown = shownReason(e.reason, false) ?? readReason(e.reason);
  return {
    id: e.id,
    state: e.state,
    reason: shown.text,
    reasonCode: shown.code,
    reasonParams: shown.params,
    baseVersion: e.baseVersion,
    at: isoTime(e.at),
  };
}

function sourceOf(row: Pick<CardRow, 'card' | 'source'>): StorySource | null {
  if (!row.source) return null;
  return { thread: JSON.parse(row.source) as StorySource['thread'], comment: row.card.sourceCommentId };
}

function ownerOf(row: Pick<CardRow, 'ownerHandle' | 'ownerName'>): CardOwner | null {
  return row.ownerHandle && row.ownerName ? { handle: row.ownerHandle, name: row.ownerName } : null;
}

export function toCard(row: CardRow, template: CardTemplate, now = Date.now(), asModerator = false): PracticeCard {
  const c = row.card;
  return {
    id: c.id,
    templateId: c.templateId,
    templateName: template.name,
    title: c.title,
    summary: c.summary,
    fields: c.fields,
    rendered: c.rendered,
    derived: deriveValues(template, c.fields),
    tags: c.tags,
    maturityLevel: c.maturityLevel as MaturityLevel | null,
    owner: ownerOf(row),
    reviewBy: c.reviewBy,
    freshness: freshnessOf(c.reviewBy, c.obsoleteAt !== null, now),
    obsolete: c.obsoleteAt !== null ? { reason: c.obsoleteReason ?? '', at: isoTime(c.obsoleteAt), by: c.obsoleteBy ?? '' } : null,
    version: c.version,
    createdAt: isoTime(c.createdAt),
    createdBy: c.createdBy,
    updatedAt: isoTime(c.updatedAt),
    updatedBy: c.updatedBy,
    lastVerifiedAt: isoTimeOrNull(c.lastVerifiedAt),
    helpedCount: c.helpedCount,
    viewCount: c.viewCount,
    helpedByMe: row.helpedByMe === 1,
    threadKey: `card:${c.id}`,
    answered: row.answered,
    deflections: JSON.parse(row.deflections) as CardDeflections,
    sparked: row.sparked,
    source: sourceOf(row),
    moderation: moderationOf(c.state, c.moderationReason, asModerator),
    unit: parseUnitRef(row.unit),
    visibility: c.visibility as CardVisibility,
    pendingEdit: pendingEditOf(row.myEdit),
  };
}

/** The columns of a card a summary is made of. */
type SummaryCard = Pick<
  typeof cards.$inferSelect,
  | 'id'
  | 'templateId'
  | 'title'
  | 'summary'
  | 'tags'
  | 'maturityLevel'
  | 'reviewBy'
  | 'obsoleteAt'
  | 'helpedCount'
  | 'viewCount'
  | 'updatedAt'
  | 'state'
  | 'moderationReason'
  | 'visibility'
>;

export function toCardSummary(
  row: Pick<CardRow, 'ownerHandle' | 'ownerName' | 'unit'> & { card: SummaryCard },
  templateName: string,
  snippet: string | null,
  now = Date.now(),
): CardSummary {
  const c = row.card;
  return {
    id: c.id,
    templateId: c.templateId,
    templateName,
    title: c.title,
    summary: c.summary,
    tags: c.tags,
    maturityLevel: c.maturityLevel as MaturityLevel | null,
    owner: ownerOf(row),
    reviewBy: c.reviewBy,
    freshness: freshnessOf(c.reviewBy, c.obsoleteAt !== null, now),
    helpedCount: c.helpedCount,
    viewCount: c.viewCount,
    updatedAt: isoTime(c.updatedAt),
    moderation: moderationOf(c.state, c.moderationReason, false),
    unit: parseUnitRef(row.unit),
    visibility: c.visibility as CardVisibility,
    snippet,
  };
}
