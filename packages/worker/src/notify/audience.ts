/**
 * Who is told of an event, and why: the audience of each event type as SQL over the tenant's
 * rows, evaluated inside the batch of the change (so it sees the change). Each source yields
 * `(user_id, rank)`; a person reached several ways is told once, for the strongest reason —
 * the lowest rank in {@link REASONS}.
 */
import type { EventItemKind, EventType, NotificationKind, NotificationReason } from '@bridgekit/sdk';
import { type SQL, sql } from 'drizzle-orm';
import { cardReadableByUser } from '../store/card-rows.ts';

/** Reasons, strongest first: a person's rank is their reason's index here. */
export const REASONS = [
  'mention',
  'reply',
  'invited',
  'author',
  'owner',
  'voter',
  'following',
  'moderator',
] as const satisfies readonly NotificationReason[];

const rankOf = (reason: NotificationReason) => REASONS.indexOf(reason as (typeof REASONS)[number]);
/** A reason's rank as an SQL literal (a constant of this file, never input). */
const rank = (reason: NotificationReason) => sql.raw(String(rankOf(reason)));
/** A constant of this file as an SQL string literal. */
const literal = (text: string) => sql.raw(`'${text}'`);

/**
 * Events about moderation (and a comment a moderator took down): told to the people concerned
 * whatever they follow, and e-mailed on the `moderation` cadence.
 */
export const MODERATION_EVENTS: ReadonlySet<EventType> = new Set([
  'moderation.queued',
  'content.held',
  'content.rejected',
  'comment.removed',
]);

/**
 * Which e-mail cadence a notification follows.
 *
 * @example
 * notificationKind('idea.status_changed', 'idea', 'voter'); // 'my_ideas'
 * notificationKind('comment.created', 'comment', 'mention'); // 'mentions'
 */
export function notificationKind(type: EventType, itemKind: EventItemKind, reason: NotificationReason): NotificationKind {
  if (MODERATION_EVENTS.has(type) || reason === 'moderator') return 'moderation';
  switch (reason) {
    case 'mention':
    case 'invited':
      // An invitation to answer a health round is addressed to the person, as a mention is.
      return 'mentions';
    case 'reply':
      return 'replies';
    case 'following':
      return 'following';
    case 'owner':
      return 'my_cards';
    default:
      // The author's or a voter's stake: in an idea, or a card they wrote.
      return itemKind === 'card' ? 'my_cards' : 'my_ideas';
  }
}

/** What an audience source is built from. */
export interface AudienceInput {
  tenantId: string;
  type: EventType;
  item: { kind: EventItemKind; id: string };
  data: Record<string, string | number | boolean | null>;
}

/** An item as the SQL of audiences reads it: its id a value, or SQL for it (a column of the outbox sweep's events). */
export interface ItemRef {
  kind: EventItemKind;
  id: string | SQL;
}

/** `select <user id>, <rank> …`: one way people are reached. */
type Source = (input: AudienceInput) => SQL;

const subscribers = (t: string, target: string, id: SQL) =>
  sql`select s.user_id, ${rank('following')} from subscriptions s where s.tenant_id = ${t} and s.target = ${target} and s.target_id = ${id} and s.active = 1`;

/** People @mentioned in the comment; when edited, only those not told of a mention in it before. */
const mentioned =
  (onlyNew: boolean): Source =>
  ({ tenantId: t, item }) =>
    sql`select m.user_id, ${rank('mention')} from comment_mentions m where m.tenant_id = ${t} and m.comment_id = ${item.id}${
      onlyNew
        ? sql` and not exists (select 1 from notifications n join events pe on pe.id = n.event_id
            where n.user_id = m.user_id and n.reason = 'mention' and pe.tenant_id = ${t} and pe.item_kind = 'comment' and pe.item_id = ${item.id})`
        : sql``
    }`;

/** The author of the comment this one answers (its `reply_to_id` when flattened, else its parent). */
const repliedTo: Source = ({ tenantId: t, item }) =>
  sql`select p.author_id, ${rank('reply')} from comments c join comments p on p.id = coalesce(c.reply_to_id, c.parent_id)
    where c.tenant_id = ${t} and c.id = ${item.id} and p.tenant_id = ${t} and p.state = 'published'`;

/**
 * The subscriptions (`alias`) to the comment's thread, and to the idea or card whose own discussion
 * it is, that are `active`: two joins on the whole key of an index each (an `or` in one join
 * would read every subscription of the tenant, or of the person, for every comment). `user`: only
 * theirs; `after`: a table read first (`cross join`: SQLite keeps that order), whose columns `item.id` names (the sweep's events).
 */
export function discussionSubscriptions(
  t: string,
  item: ItemRef,
  alias: string,
  active: 0 | 1,
  { user, after }: { user?: SQL; after?: SQL } = {},
): SQL[] {
  const s = sql.raw(alias);
  const whose = user ? sql` and ${s}.user_id = ${user}` : sql``;
  const first = after ? sql`${after} cross join ` : sql``;
  const on = (target: SQL, id: SQL) =>
    sql`${s}.tenant_id = ${t} and ${s}.target = ${target} and ${s}.target_id = ${id} and ${s}.active = ${sql.raw(String(active))}${whose}`;
  return [
    sql`from ${first}comments ${s}c join subscriptions ${s} on ${on(sql`'thread'`, sql`${s}c.thread_id`)}
      where ${s}c.tenant_id = ${t} and ${s}c.id = ${item.id}`,
    sql`from ${first}comments ${s}c join threads ${s}t on ${s}t.id = ${s}c.thread_id
      join subscriptions ${s} on ${on(sql`substr(${s}t.key, 1, 4)`, sql`substr(${s}t.key, 6)`)}
      where ${s}c.tenant_id = ${t} and ${s}c.id = ${item.id} and substr(${s}t.key, 5, 1) = ':' and substr(${s}t.key, 1, 4) in ('idea', 'card')`,
  ];
}

const commentAuthor: Source = ({ tenantId: t, item }) =>
  sql`select author_id, ${rank('author')} from comments where tenant_id = ${t} and id = ${item.id}`;

/** Followers of the idea and of its board. */
const ideaFollowers: Source = ({ tenantId: t, item }) =>
  sql`${subscribers(t, 'idea', sql`${item.id}`)} union all
    select s.user_id, ${rank('following')} from ideas i join subscriptions s on s.tenant_id = ${t} and s.target = 'board' and s.target_id = i.board_id and s.active = 1
    where i.tenant_id = ${t} and i.id = ${item.id}`;

const ideaAuthor: Source = ({ tenantId: t, item }) =>
  sql`select author_id, ${rank('author')} from ideas where tenant_id = ${t} and id = ${item.id}`;

/** Whoever set the idea's current status (its last recorded change): told how the requester took a deflection. */
const statusSetter: Source = ({ tenantId: t, item }) =>
  sql`select u.id, ${rank('following')} from users u where u.tenant_id = ${t} and u.subject = (select x.changed_by_subject
    from idea_status_changes x where x.tenant_id = ${t} and x.idea_id = ${item.id} order by x.created_at desc, x.id desc limit 1)`;

const ideaVoters: Source = ({ tenantId: t, item }) =>
  sql`select user_id, ${rank('voter')} from votes where tenant_id = ${t} and idea_id = ${item.id}`;

/** Followers of the card, and of each practice area or tag it carries. */
const cardFollowers: Source = ({ tenantId: t, item }) =>
  sql`${subscribers(t, 'card', sql`${item.id}`)} union all
    select s.user_id, ${rank('following')} from cards k join json_each(k.tags) tag
      join subscriptions s on s.tenant_id = ${t} and s.target in ('area', 'tag') and s.target_id = tag.value and s.active = 1
    where k.tenant_id = ${t} and k.id = ${item.id}`;

const cardOwner: Source = ({ tenantId: t, item }) =>
  sql`select owner_id, ${rank('owner')} from cards where tenant_id = ${t} and id = ${item.id}`;

/** The author of held or rejected content: of the card edit named in `data.edit`, else of the item. */
const contentAuthor: Source = (input) => {
  const { tenantId: t, item, data } = input;
  if (item.kind === 'comment') return commentAuthor(input);
  if (item.kind === 'idea') return ideaAuthor(input);
  const edit = typeof data.edit === 'string' ? data.edit : null;
  return edit
    ? sql`select author_id, ${rank('author')} from card_edits where tenant_id = ${t} and id = ${edit}`
    : sql`select author_id, ${rank('author')} from cards where tenant_id = ${t} and id = ${item.id}`;
};

/** SQL that is true when the person `user` moderates the tenant: by their token's claims or by a grant. */
export const isModerator = (user: SQL) =>
  sql`exists (select 1 from users mu where mu.id = ${user} and (mu.claim_role in ('moderator', 'admin')
    or exists (select 1 from user_roles r where r.tenant_id = mu.tenant_id and r.subject = mu.subject and r.role in ('moderator', 'admin'))))`;

const moderators: Source = ({ tenantId: t }) =>
  sql`select u.id, ${rank('moderator')} from users u where u.tenant_id = ${t} and ${isModerator(sql`u.id`)}`;

/** Followers of the idea a value plan card was made from (`promoted_from` `value-plan:<idea>`). */
const planIdeaFollowers: Source = ({ tenantId: t, item }) =>
  subscribers(
    t,
    'idea',
    sql`(select substr(k.promoted_from, 12) from cards k where k.tenant_id = ${t} and k.id = ${item.id} and k.promoted_from like 'value-plan:%')`,
  );

/** The people invited to the health round in the request that raised the event (`data.invitedAt`), not those invited before. */
const invitees: Source = ({ tenantId: t, item, data }) =>
  sql`select h.user_id, ${rank('invited')} from health_invitations h
    where h.tenant_id = ${t} and h.round_id = ${item.id} and h.created_at = ${Number(data.invitedAt ?? -1)}`;

const CARD: Source[] = [cardFollowers, cardOwner];
const IDEA_MOVED: Source[] = [ideaFollowers, ideaAuthor, ideaVoters];

/** The audience of each event type. */
export const AUDIENCE: Record<EventType, Source[]> = {
  'idea.created': [ideaFollowers],
  'idea.status_changed': IDEA_MOVED,
  'idea.merged': IDEA_MOVED,
  'idea.scored': [ideaFollowers, ideaAuthor],
  'idea.need_confirmed': [statusSetter],
  'idea.intake_decided': IDEA_MOVED,
  // Its discussion's followers are told by the outbox sweep (notify/followers.ts), not in the post's batch.
  'comment.created': [mentioned(false), repliedTo],
  'comment.edited': [mentioned(true)],
  'comment.removed': [commentAuthor],
  'card.created': CARD,
  'card.updated': CARD,
  'card.review_due': CARD,
  'card.review_overdue': CARD,
  'card.verified': CARD,
  'card.obsolete': CARD,
  'value.measured': [...CARD, planIdeaFollowers],
  'health.invited': [invitees],
  'moderation.queued': [moderators],
  'content.held': [contentAuthor],
  'content.rejected': [contentAuthor],
};

/**
 * SQL that is true when `user` may see the item: published (for a comment, in a discussion whose
 * idea or card is published), or theirs, or they moderate the tenant — and for a card, one its
 * visibility lets them read (`cardReadableByUser`). Held and rejected items,
 * and other tenants' rows, are nobody else's business.
 */
export function seesItem(t: string, item: ItemRef, user: SQL): SQL {
  const moderates = isModerator(user);
  const idea = (id: SQL) =>
    sql`exists (select 1 from ideas vi where vi.tenant_id = ${t} and vi.id = ${id} and (vi.state = 'published' or vi.author_id = ${user} or vi.proxy_id = ${user} or ${moderates}))`;
  // A card kept to a unit's team or private: only those who may read it, moderators or not.
  const card = (id: SQL) =>
    sql`exists (select 1 from cards vk where vk.tenant_id = ${t} and vk.id = ${id} and (vk.state = 'published' or vk.author_id = ${user} or ${moderates})
      and ${cardReadableByUser(t, user, 'vk')})`;
  switch (item.kind) {
    case 'idea':
      return idea(sql`${item.id}`);
    case 'card':
      return card(sql`${item.id}`);
    case 'health':
      // Those invited to the round, and those who read its unit's relationship intelligence.
      return sql`exists (select 1 from health_rounds vh where vh.tenant_id = ${t} and vh.id = ${item.id} and (
        exists (select 1 from health_invitations vi where vi.round_id = vh.id and vi.user_id = ${user})
        or exists (select 1 from business_unit_people vp where vp.tenant_id = ${t} and vp.unit_id = vh.unit_id and vp.user_id = ${user})))`;
    case 'comment':
      return sql`exists (select 1 from comments vc join threads vt on vt.id = vc.thread_id where vc.tenant_id = ${t} and vc.id = ${item.id}
        and (vc.state = 'published' or vc.author_id = ${user} or ${moderates})
        and case substr(vt.key, 1, 5) when 'idea:' then ${idea(sql`substr(vt.key, 6)`)} when 'card:' then ${card(sql`substr(vt.key, 6)`)} else 1 end)`;
  }
}

/**
 * SQL that is true when `user` unfollowed the item (an inactive subscription to it; for a
 * comment, to its thread or to the idea or card the thread discusses): then taking part in it
 * (author, owner, voter) or following its board, area or tag no longer tells them.
 */
export function unfollowed(t: string, item: ItemRef, user: SQL): SQL {
  if (item.kind !== 'comment') {
    return sql`exists (select 1 from subscriptions x where x.user_id = ${user} and x.tenant_id = ${t} and x.target = ${item.kind} and x.target_id = ${item.id} and x.active = 0)`;
  }
  return sql`(${sql.join(
    discussionSubscriptions(t, item, 'x', 0, { user }).map((from) => sql`exists (select 1 ${from})`),
    sql` or `,
  )})`;
}

/** Ranks an unfollow silences: mentions, replies and moderators' duties still reach people. */
export const SILENCED_BY_UNFOLLOW = (['author', 'owner', 'voter', 'following'] as const).map(rankOf);

/** `case <rank> when 0 then 'mention' … end`: the reason of a rank, in SQL. */
export function reasonOfRank(rankColumn: SQL): SQL {
  return sql`case ${rankColumn} ${sql.join(
    REASONS.map((reason, i) => sql`when ${sql.raw(String(i))} then ${literal(reason)}`),
    sql` `,
  )} end`;
}

/** The kind of each rank for this event, in SQL (see {@link notificationKind}). */
export function kindOfRank(type: EventType, itemKind: EventItemKind, rankColumn: SQL): SQL {
  return sql`case ${rankColumn} ${sql.join(
    REASONS.map((reason, i) => sql`when ${sql.raw(String(i))} then ${literal(notificationKind(type, itemKind, reason))}`),
    sql` `,
  )} end`;
}
