/**
 * A person's own data (docs/privacy.md): finding them by id or subject, and their export —
 * everything the tenant holds about them, in one D1 batch of a constant number of statements,
 * each list cut at `PERSONAL_EXPORT_LIST_LIMIT` rows (then named in `truncated`). Other people
 * appear in it by id only: never their names, e-mail addresses or subjects.
 */
import {
  type ConfigChangeAction,
  type ConfigFieldChange,
  type IntakeStep,
  PERSONAL_EXPORT_LIST_LIMIT,
  type PersonalExport,
  type PersonalExportList,
  type RelationshipSide,
  type Role,
  type SubscriptionSource,
  type SubscriptionTarget,
} from '@bridgekit/sdk';
import { sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { API_KEY_SUBJECT_PREFIX } from '../auth/subjects.ts';
import type { Database } from '../db/client.ts';
import { isoTime, isoTimeOrNull } from '../lib/time.ts';
import { named } from './search-results.ts';

/** A person's row, as erasure and export need it. */
export interface PersonRecord {
  id: string;
  subject: string;
  name: string;
  email: string | null;
  businessUnit: string | null;
  handle: string | null;
  kind: 'person' | 'proxy' | 'erased';
  claimRole: Role | null;
  restrictedUntil: number | null;
  restrictionReason: string | null;
  erasedAt: number | null;
  createdAt: number;
  lastSeenAt: number;
}

/** How a route names the person: the caller's own subject, or an admin's id-or-subject. */
export type PersonKey = { subject: string } | { idOrSubject: string };

/**
 * The tenant's person with that id (preferred) or subject, or null. API keys' rows (`apikey:…`)
 * are not people.
 */
export async function findPerson(db: Database, tenantId: string, key: PersonKey): Promise<PersonRecord | null> {
  const match = 'subject' in key ? sql`u.subject = ${key.subject}` : sql`(u.id = ${key.idOrSubject} or u.subject = ${key.idOrSubject})`;
  const preferId = 'subject' in key ? sql`u.id` : sql`u.id = ${key.idOrSubject} desc`;
  const [row] = await db
    .select(
      named({
        id: sql<string>`u.id`,
        subject: sql<string>`u.subject`,
        name: sql<string>`u.name`,
        email: sql<string | null>`u.email`,
        businessUnit: sql<string | null>`u.business_unit`,
        handle: sql<string | null>`u.handle`,
        kind: sql<PersonRecord['kind']>`u.kind`,
        claimRole: sql<Role | null>`u.claim_role`,
        restrictedUntil: sql<number | null>`u.restricted_until`,
        restrictionReason: sql<string | null>`u.restriction_reason`,
        erasedAt: sql<number | null>`u.erased_at`,
        createdAt: sql<number>`u.created_at`,
        lastSeenAt: sql<number>`u.last_seen_at`,
      }),
    )
    .from(sql`users u`)
    .where(
      sql`u.tenant_id = ${tenantId} and ${match} and substr(u.subject, 1, ${API_KEY_SUBJECT_PREFIX.length}) <> ${API_KEY_SUBJECT_PREFIX}`,
    )
    .orderBy(preferId)
    .limit(1);
  return row ?? null;
}

/** Who is exported: their row (null when they never wrote), or just what their token says. */
export interface ExportSubject {
  row: PersonRecord | null;
  subject: string;
  /** Used when there is no row: the caller's token's profile. */
  profile?: { name: string; email: string | null; businessUnit: string | null };
}

const LIMIT = PERSONAL_EXPORT_LIST_LIMIT;

/** Configuration changes whose target is a person (their subject or handle). */
const PERSON_TARGETED = sql.raw(
  `(${(['role.granted', 'role.revoked', 'person.unit_set'] satisfies ConfigChangeAction[]).map((a) => `'${a}'`).join(', ')})`,
);

/**
 * The export of one person, answered as `PersonalExport` version 1. One batch of 25 statements,
 * whatever they contributed.
 */
export async function personalExport(
  db: Database,
  tenant: { id: string; slug: string; name: string },
  who: ExportSubject,
  now = Date.now(),
): Promise<PersonalExport> {
  const t = tenant.id;
  // A person without a row has no content: an id nobody has keeps every list empty.
  const u = who.row?.id ?? '';
  const s = who.subject;

  const queries = {
    grant: db
      .select(named({ role: sql<'evaluator' | 'moderator' | 'admin'>`r.role` }))
      .from(sql`user_roles r`)
      .where(sql`r.tenant_id = ${t} and r.subject = ${s} and r.role <> 'cio'`),
    ideas: db
      .select(
        named({
          id: sql<string>`i.id`,
          board: sql<string>`b.slug`,
          title: sql<string>`i.title`,
          description: sql<string>`i.description`,
          lane: sql<'opportunity' | 'change_request'>`i.lane`,
          problem: sql<string | null>`i.problem`,
          beneficiary: sql<string | null>`i.beneficiary`,
          valueType: sql<string | null>`i.value_type`,
          effortSize: sql<string | null>`i.effort_size`,
          objective: sql<string | null>`i.objective`,
          status: sql<string>`i.status`,
          state: sql<'published' | 'pending' | 'rejected'>`i.state`,
          authored: sql<number>`i.author_id = ${u}`,
          recorded: sql<number>`coalesce(i.proxy_id = ${u}, 0)`,
          createdAt: sql<number>`i.created_at`,
          editedAt: sql<number | null>`i.edited_at`,
        }),
      )
      .from(sql`ideas i join boards b on b.id = i.board_id`)
      .where(sql`i.tenant_id = ${t} and b.tenant_id = ${t} and (i.author_id = ${u} or i.proxy_id = ${u} or i.sponsor_id = ${u})`)
      .orderBy(sql`i.created_at, i.id`)
      .limit(LIMIT + 1),
    ideaRevisions: db
      .select(
        named({
          idea: sql<string>`r.idea_id`,
          title: sql<string>`r.title`,
          description: sql<string>`r.description`,
          createdAt: sql<number>`r.created_at`,
        }),
      )
      .from(sql`idea_revisions r`)
      .where(sql`r.tenant_id = ${t} and r.by_subject = ${s}`)
      .orderBy(sql`r.created_at, r.id`)
      .limit(LIMIT + 1),
    votes: db
      .select(
        named({
          idea: sql<string>`v.idea_id`,
          title: sql<string>`i.title`,
          count: sql<number>`v.count`,
          refunded: sql<number>`v.refunded`,
          createdAt: sql<number>`v.created_at`,
        }),
      )
      .from(sql`votes v join ideas i on i.id = v.idea_id`)
      .where(sql`v.tenant_id = ${t} and i.tenant_id = ${t} and v.user_id = ${u}`)
      .orderBy(sql`v.created_at, v.idea_id`)
      .limit(LIMIT + 1),
    scores: db
      .select(
        named({
          idea: sql<string>`x.idea_id`,
          criterion: sql<string>`x.criterion`,
          value: sql<number>`x.value`,
          updatedAt: sql<number>`x.updated_at`,
        }),
      )
      .from(sql`idea_scores x`)
      .where(sql`x.tenant_id = ${t} and x.evaluator = ${s}`)
      .orderBy(sql`x.idea_id, x.criterion`)
      .limit(LIMIT + 1),
    statusChanges: db
      .select(
        named({
          idea: sql<string>`c.idea_id`,
          from: sql<string | null>`c.from_status`,
          to: sql<string>`c.to_status`,
          reason: sql<string | null>`c.reason`,
          createdAt: sql<number>`c.created_at`,
        }),
      )
      .from(sql`idea_status_changes c`)
      .where(sql`c.tenant_id = ${t} and c.changed_by_subject = ${s}`)
      .orderBy(sql`c.created_at, c.id`)
      .limit(LIMIT + 1),
    comments: db
      .select(
        named({
          id: sql<string>`c.id`,
          threadId: sql<string>`th.id`,
          threadKey: sql<string>`th.key`,
          parentId: sql<string | null>`c.parent_id`,
          body: sql<string>`c.body`,
          state: sql<'published' | 'pending' | 'removed'>`c.state`,
          createdAt: sql<number>`c.created_at`,
          editedAt: sql<number | null>`c.edited_at`,
        }),
      )
      .from(sql`comments c join threads th on th.id = c.thread_id`)
      .where(sql`c.tenant_id = ${t} and th.tenant_id = ${t} and c.author_id = ${u}`)
      .orderBy(sql`c.created_at, c.id`)
      .limit(LIMIT + 1),
    commentRevisions: db
      .select(named({ comment: sql<string>`r.comment_id`, body: sql<string>`r.body`, replacedAt: sql<number>`r.replaced_at` }))
      .from(sql`comment_revisions r join comments c on c.id = r.comment_id`)
      .where(sql`r.tenant_id = ${t} and c.tenant_id = ${t} and c.author_id = ${u}`)
      .orderBy(sql`r.replaced_at, r.id`)
      .limit(LIMIT + 1),
    reactions: db
      .select(named({ comment: sql<string>`r.comment_id`, reaction: sql<string>`r.reaction`, createdAt: sql<number>`r.created_at` }))
      .from(sql`comment_reactions r`)
      .where(sql`r.tenant_id = ${t} and r.user_id = ${u}`)
      .orderBy(sql`r.created_at, r.comment_id, r.reaction`)
      .limit(LIMIT + 1),
    flags: db
      .select(
        named({
          comment: sql<string>`f.comment_id`,
          reason: sql<string>`f.reason`,
          createdAt: sql<number>`f.created_at`,
          resolvedAt: sql<number | null>`f.resolved_at`,
        }),
      )
      .from(sql`comment_flags f`)
      .where(sql`f.tenant_id = ${t} and f.user_id = ${u}`)
      .orderBy(sql`f.created_at, f.comment_id`)
      .limit(LIMIT + 1),
    mentions: db
      .select(named({ comment: sql<string>`m.comment_id` }))
      .from(sql`comment_mentions m`)
      .where(sql`m.tenant_id = ${t} and m.user_id = ${u}`)
      .orderBy(sql`m.comment_id`)
      .limit(LIMIT + 1),
    cards: db
      .select(
        named({
          id: sql<string>`c.id`,
          title: sql<string>`c.title`,
          templateId: sql<string>`c.template_id`,
          state: sql<'published' | 'pending' | 'rejected'>`c.state`,
          version: sql<number>`c.version`,
          authored: sql<number>`coalesce(c.author_id = ${u}, 0)`,
          owned: sql<number>`coalesce(c.owner_id = ${u}, 0)`,
          createdAt: sql<number>`c.created_at`,
          updatedAt: sql<number>`c.updated_at`,
        }),
      )
      .from(sql`cards c`)
      .where(sql`c.tenant_id = ${t} and (c.author_id = ${u} or c.owner_id = ${u})`)
      .orderBy(sql`c.created_at, c.id`)
      .limit(LIMIT + 1),
    cardVersions: db
      .select(
        named({
          card: sql<string>`v.card_id`,
          version: sql<number>`v.version`,
          title: sql<string>`v.title`,
          summary: sql<string>`v.summary`,
          fields: sql<string>`v.fields`,
          note: sql<string | null>`v.note`,
          createdAt: sql<number>`v.created_at`,
        }),
      )
      .from(sql`card_versions v`)
      .where(sql`v.tenant_id = ${t} and v.by_subject = ${s}`)
      .orderBy(sql`v.created_at, v.card_id, v.version`)
      .limit(LIMIT + 1),
    cardEdits: db
      .select(
        named({
          card: sql<string>`e.card_id`,
          state: sql<'pending' | 'rejected'>`e.state`,
          reason: sql<string>`e.reason`,
          createdAt: sql<number>`e.created_at`,
        }),
      )
      .from(sql`card_edits e`)
      .where(sql`e.tenant_id = ${t} and e.author_id = ${u}`)
      .orderBy(sql`e.created_at, e.id`)
      .limit(LIMIT + 1),
    helped: db
      .select(named({ card: sql<string>`h.card_id`, createdAt: sql<number>`h.created_at` }))
      .from(sql`card_helped h`)
      .where(sql`h.tenant_id = ${t} and h.user_id = ${u}`)
      .orderBy(sql`h.created_at, h.card_id`)
      .limit(LIMIT + 1),
    subscriptions: db
      .select(
        named({
          target: sql<SubscriptionTarget>`x.target`,
          id: sql<string>`x.target_id`,
          source: sql<SubscriptionSource>`x.source`,
          active: sql<number>`x.active`,
          createdAt: sql<number>`x.created_at`,
        }),
      )
      .from(sql`subscriptions x`)
      .where(sql`x.tenant_id = ${t} and x.user_id = ${u}`)
      .orderBy(sql`x.created_at, x.target, x.target_id`)
      .limit(LIMIT + 1),
    settings: db
      .select(named({ email: sql<string>`n.email` }))
      .from(sql`notification_settings n`)
      .where(sql`n.tenant_id = ${t} and n.user_id = ${u}`),
    notifications: db
      .select(
        named({
          id: sql<string>`n.id`,
          event: sql<PersonalExport['notifications'][number]['event']>`e.type`,
          reason: sql<PersonalExport['notifications'][number]['reason']>`n.reason`,
          itemKind: sql<string>`e.item_kind`,
          itemId: sql<string>`e.item_id`,
          readAt: sql<number | null>`n.read_at`,
          createdAt: sql<number>`n.created_at`,
        }),
      )
      .from(sql`notifications n join events e on e.id = n.event_id`)
      .where(sql`n.tenant_id = ${t} and e.tenant_id = ${t} and n.user_id = ${u}`)
      .orderBy(sql`n.created_at, n.id`)
      .limit(LIMIT + 1),
    moderation: db
      .select(
        named({
          action: sql<string>`l.action`,
          targetType: sql<string>`l.target_type`,
          targetId: sql<string>`l.target_id`,
          reason: sql<string | null>`l.reason`,
          createdAt: sql<number>`l.created_at`,
        }),
      )
      .from(sql`moderation_log l`)
      .where(sql`l.tenant_id = ${t} and l.actor_subject = ${s}`)
      .orderBy(sql`l.created_at, l.id`)
      .limit(LIMIT + 1),
    configChanges: db
      .select(
        named({
          action: sql<ConfigChangeAction>`g.action`,
          // Other people appear by id only: a change aimed at a person keeps no target, a team no handles.
          target: sql<string | null>`case when g.action in ${PERSON_TARGETED} then null else g.target end`,
          changes: sql<string>`case when g.action = 'unit.team_set' then '{}' else g.changes end`,
          createdAt: sql<number>`g.created_at`,
        }),
      )
      .from(sql`config_log g`)
      .where(sql`g.tenant_id = ${t} and g.actor_subject = ${s}`)
      .orderBy(sql`g.created_at, g.id`)
      .limit(LIMIT + 1),
    healthInvitations: db
      .select(
        named({
          round: sql<string>`r.id`,
          title: sql<string>`r.title`,
          unit: sql<string>`b.key`,
          side: sql<RelationshipSide>`h.side`,
          respondedAt: sql<number | null>`h.responded_at`,
          invitedAt: sql<number>`h.created_at`,
        }),
      )
      .from(sql`health_invitations h join health_rounds r on r.id = h.round_id join business_units b on b.id = r.unit_id`)
      .where(sql`h.tenant_id = ${t} and r.tenant_id = ${t} and h.user_id = ${u}`)
      .orderBy(sql`h.created_at, h.round_id`)
      .limit(LIMIT + 1),
    healthAnswers: db
      .select(
        named({
          round: sql<string>`r.id`,
          title: sql<string>`r.title`,
          item: sql<string>`a.item_key`,
          score: sql<number>`a.score`,
          comment: sql<string | null>`a.comment`,
        }),
      )
      .from(sql`health_answers a join health_rounds r on r.id = a.round_id`)
      .where(sql`a.tenant_id = ${t} and r.tenant_id = ${t} and a.user_id = ${u}`)
      .orderBy(sql`r.created_at, r.id, a.item_key`)
      .limit(LIMIT + 1),
    intakeDecisions: db
      .select(
        named({
          idea: sql<string>`d.idea_id`,
          step: sql<IntakeStep>`d.step`,
          forum: sql<string | null>`d.forum`,
          decidedOn: sql<string>`d.decided_on`,
          note: sql<string | null>`d.note`,
          decided: sql<number>`coalesce(d.decider_id = ${u}, 0)`,
          recorded: sql<number>`coalesce(d.created_by = ${u}, 0)`,
          createdAt: sql<number>`d.created_at`,
        }),
      )
      .from(sql`intake_decisions d`)
      .where(sql`d.tenant_id = ${t} and (d.decider_id = ${u} or d.created_by = ${u})`)
      .orderBy(sql`d.created_at, d.id`)
      .limit(LIMIT + 1),
    valueBenefits: db
      .select(
        named({
          id: sql<string>`v.id`,
          card: sql<string>`v.card_id`,
          title: sql<string>`v.title`,
          measure: sql<string>`v.measure`,
          baseline: sql<number>`v.baseline`,
          target: sql<number>`v.target`,
          createdAt: sql<number>`v.created_at`,
        }),
      )
      .from(sql`value_benefits v`)
      .where(sql`v.tenant_id = ${t} and v.owner_id = ${u}`)
      .orderBy(sql`v.created_at, v.id`)
      .limit(LIMIT + 1),
    valueActuals: db
      .select(
        named({
          benefit: sql<string>`x.benefit_id`,
          measuredOn: sql<string>`x.measured_on`,
          value: sql<number>`x.value`,
          note: sql<string | null>`x.note`,
          createdAt: sql<number>`x.created_at`,
        }),
      )
      .from(sql`value_actuals x`)
      .where(sql`x.tenant_id = ${t} and x.recorded_by = ${u}`)
      .orderBy(sql`x.created_at, x.id`)
      .limit(LIMIT + 1),
  };
  const results = await db.batch(Object.values(queries) as unknown as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  const {
    grant,
    ideas,
    ideaRevisions,
    votes,
    scores,
    statusChanges,
    comments,
    commentRevisions,
    reactions,
    flags,
    mentions,
    cards,
    cardVersions,
    cardEdits,
    helped,
    subscriptions,
    settings,
    notifications,
    moderation,
    configChanges,
    healthInvitations,
    healthAnswers,
    intakeDecisions,
    valueBenefits,
    valueActuals,
  } = Object.fromEntries(Object.keys(queries).map((key, i) => [key, results[i]])) as {
    [K in keyof typeof queries]: Awaited<(typeof queries)[K]>;
  };

  const truncated: PersonalExportList[] = [];
  const cut = <T>(name: PersonalExportList, rows: T[]): T[] => {
    if (rows.length <= LIMIT) return rows;
    truncated.push(name);
    return rows.slice(0, LIMIT);
  };

  const row = who.row;
  const setting = settings[0];
  return {
    format: 'bridgekit.personal-export',
    version: 1,
    exportedAt: isoTime(now),
    tenant: { slug: tenant.slug, name: tenant.name },
    person: {
      id: row?.id ?? null,
      subject: s,
      name: row?.name ?? who.profile?.name ?? '',
      email: row ? row.email : (who.profile?.email ?? null),
      businessUnit: row ? row.businessUnit : (who.profile?.businessUnit ?? null),
      handle: row?.handle ?? null,
      kind: row?.kind ?? 'person',
      grantedRole: grant[0]?.role ?? null,
      claimRole: row?.claimRole ?? null,
      restriction: row?.restrictedUntil ? { until: isoTime(row.restrictedUntil), reason: row.restrictionReason } : null,
      joinedAt: row ? isoTime(row.createdAt) : null,
      lastSeenAt: row ? isoTime(row.lastSeenAt) : null,
    },
    ideas: cut('ideas', ideas).map(({ authored, recorded, createdAt, editedAt, ...i }) => ({
      ...i,
      role: authored ? 'author' : recorded ? 'recorded' : 'sponsor',
      createdAt: isoTime(createdAt),
      editedAt: isoTimeOrNull(editedAt),
    })),
    ideaRevisions: cut('ideaRevisions', ideaRevisions).map((r) => ({ ...r, createdAt: isoTime(r.createdAt) })),
    votes: cut('votes', votes).map((v) => ({ ...v, refunded: Boolean(v.refunded), createdAt: isoTime(v.createdAt) })),
    scores: cut('scores', scores).map((x) => ({ ...x, updatedAt: isoTime(x.updatedAt) })),
    statusChanges: cut('statusChanges', statusChanges).map((c) => ({ ...c, createdAt: isoTime(c.createdAt) })),
    comments: cut('comments', comments).map(({ threadId, threadKey, createdAt, editedAt, ...c }) => ({
      ...c,
      thread: { id: threadId, key: threadKey },
      createdAt: isoTime(createdAt),
      editedAt: isoTimeOrNull(editedAt),
    })),
    commentRevisions: cut('commentRevisions', commentRevisions).map((r) => ({ ...r, replacedAt: isoTime(r.replacedAt) })),
    reactions: cut('reactions', reactions).map((r) => ({ ...r, createdAt: isoTime(r.createdAt) })),
    flags: cut('flags', flags).map((f) => ({ ...f, createdAt: isoTime(f.createdAt), resolvedAt: isoTimeOrNull(f.resolvedAt) })),
    mentions: cut('mentions', mentions),
    cards: cut('cards', cards).map(({ authored, owned, createdAt, updatedAt, ...c }) => ({
      ...c,
      roles: [...(authored ? (['author'] as const) : []), ...(owned ? (['owner'] as const) : [])],
      createdAt: isoTime(createdAt),
      updatedAt: isoTime(updatedAt),
    })),
    cardVersions: cut('cardVersions', cardVersions).map((v) => ({
      ...v,
      fields: JSON.parse(v.fields) as unknown,
      createdAt: isoTime(v.createdAt),
    })),
    cardEdits: cut('cardEdits', cardEdits).map((e) => ({ ...e, createdAt: isoTime(e.createdAt) })),
    helped: cut('helped', helped).map((h) => ({ ...h, createdAt: isoTime(h.createdAt) })),
    subscriptions: cut('subscriptions', subscriptions).map((x) => ({ ...x, active: Boolean(x.active), createdAt: isoTime(x.createdAt) })),
    notificationSettings: setting ? { email: JSON.parse(setting.email) } : null,
    notifications: cut('notifications', notifications).map(({ itemKind, itemId, readAt, createdAt, ...n }) => ({
      ...n,
      item: { kind: itemKind, id: itemId },
      readAt: isoTimeOrNull(readAt),
      createdAt: isoTime(createdAt),
    })),
    moderationActions: cut('moderationActions', moderation).map(({ targetType, targetId, createdAt, ...l }) => ({
      ...l,
      target: { type: targetType, id: targetId },
      createdAt: isoTime(createdAt),
    })),
    configChanges: cut('configChanges', configChanges).map(({ changes, createdAt, ...g }) => ({
      ...g,
      changes: JSON.parse(changes) as Record<string, ConfigFieldChange>,
      createdAt: isoTime(createdAt),
    })),
    healthInvitations: cut('healthInvitations', healthInvitations).map(({ respondedAt, invitedAt, ...h }) => ({
      ...h,
      respondedAt: isoTimeOrNull(respondedAt),
      invitedAt: isoTime(invitedAt),
    })),
    healthAnswers: cut('healthAnswers', healthAnswers),
    intakeDecisions: cut('intakeDecisions', intakeDecisions).map(({ decided, recorded, createdAt, ...d }) => ({
      ...d,
      roles: [...(decided ? (['decider'] as const) : []), ...(recorded ? (['recorder'] as const) : [])],
      createdAt: isoTime(createdAt),
    })),
    valueBenefits: cut('valueBenefits', valueBenefits).map((v) => ({ ...v, createdAt: isoTime(v.createdAt) })),
    valueActuals: cut('valueActuals', valueActuals).map((x) => ({ ...x, createdAt: isoTime(x.createdAt) })),
    truncated,
  };
}
