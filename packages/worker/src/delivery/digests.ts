/**
 * Daily and weekly digests: per person, the notifications not e-mailed yet of the kinds they get
 * on that cadence, in four sections — for you (mentions, replies, your contributions,
 * moderation), what happened in what you follow, ideas you backed that moved, cards you own that
 * need review — sent through the tenant's mail webhook. Digests go out after 07:00 UTC (weekly:
 * Mondays); the hourly cron catches up on any that failed or were missed.
 */
import type { BridgekitEvent, Cadence, NotificationKind, NotificationReason } from '@bridgekit/sdk';
import { and, asc, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { notificationSettings, notifications, tenants, users } from '../db/schema.ts';
import { emailCadence } from '../notify/cadence.ts';
import { loadEvents } from './event-view.ts';
import { escapeHtml, eventHtml, eventText, sendMail } from './mail.ts';
import type { DeliveryMessage, DigestCadence } from './messages.ts';
import type { DeliveryResult } from './webhook-delivery.ts';

export const DIGEST_HOUR_UTC = 7;

/** The kinds a person gets on `cadence` (notify/cadence.ts: their choice, else the default). */
export function kindsOn(stored: Partial<Record<NotificationKind, Cadence>> | null | undefined, cadence: Cadence): NotificationKind[] {
  const all = emailCadence(stored);
  return (Object.keys(all) as NotificationKind[]).filter((kind) => all[kind] === cadence);
}
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** A digest looks back this far at most (a person who switches a kind from `off` gets no flood). */
export const DIGEST_LOOKBACK_MS = 8 * DAY;
/** Items one digest lists at most (the newest are kept). */
export const DIGEST_MAX_ITEMS = 100;

/**
 * When the latest digest of the cadence was due, at or before `now`: 07:00 UTC today or
 * yesterday; for weekly, the latest Monday 07:00 UTC.
 *
 * @example
 * digestDue('daily', Date.UTC(2026, 0, 7, 6)); // Date.UTC(2026, 0, 6, 7)
 */
export function digestDue(cadence: DigestCadence, now: number): number {
  const today = Math.floor(now / DAY) * DAY + DIGEST_HOUR_UTC * HOUR;
  const daily = today <= now ? today : today - DAY;
  if (cadence === 'daily') return daily;
  const weekday = (new Date(daily).getUTCDay() + 6) % 7; // Monday 0
  return daily - weekday * DAY;
}

/** The digests due now: one message per person and cadence (the hourly cron). */
export async function dueDigests(db: Database, now: number, limit = 5000): Promise<DeliveryMessage[]> {
  const rows = await db
    .select({
      tenantId: notifications.tenantId,
      userId: notifications.userId,
      kind: notifications.kind,
      first: sql<number>`min(${notifications.createdAt})`,
      settings: notificationSettings.email,
      lastDailyAt: notificationSettings.lastDailyAt,
      lastWeeklyAt: notificationSettings.lastWeeklyAt,
    })
    .from(notifications)
    .innerJoin(users, and(eq(users.id, notifications.userId), eq(users.kind, 'person')))
    .leftJoin(notificationSettings, eq(notificationSettings.userId, notifications.userId))
    .where(
      and(
        inArray(notifications.tenantId, db.select({ id: tenants.id }).from(tenants).where(sql`${tenants.mail} is not null`)),
        isNull(notifications.emailedAt),
        gt(notifications.createdAt, now - DIGEST_LOOKBACK_MS),
        sql`${users.email} is not null`,
      ),
    )
    .groupBy(notifications.tenantId, notifications.userId, notifications.kind)
    .limit(limit);

  const people = new Map<string, typeof rows>();
  for (const row of rows) people.set(`${row.tenantId} ${row.userId}`, [...(people.get(`${row.tenantId} ${row.userId}`) ?? []), row]);
  const messages: DeliveryMessage[] = [];
  for (const kinds of people.values()) {
    const { tenantId, userId, settings, lastDailyAt, lastWeeklyAt } = kinds[0] as (typeof rows)[number];
    for (const cadence of ['daily', 'weekly'] as const) {
      const due = digestDue(cadence, now);
      const last = cadence === 'daily' ? lastDailyAt : lastWeeklyAt;
      if (last !== null && last >= due) continue;
      const on = kindsOn(settings, cadence);
      // Only what happened before the digest was due: the rest waits for the next one.
      if (kinds.some((k) => on.includes(k.kind) && k.first < due)) {
        messages.push({ kind: 'digest', tenant: tenantId, user: userId, cadence, due });
      }
    }
  }
  return messages;
}

export type DigestSection = 'for_you' | 'following' | 'backed' | 'review';

export const SECTION_TITLES: Record<DigestSection, string> = {
  for_you: 'For you',
  following: 'What happened in what you follow',
  backed: 'Ideas you backed that moved',
  review: 'Cards you own that need review',
};

const MOVES = new Set(['idea.status_changed', 'idea.merged', 'idea.scored', 'idea.intake_decided']);
const REVIEWS = new Set(['card.review_due', 'card.review_overdue']);

export function sectionOf(event: BridgekitEvent, reason: NotificationReason): DigestSection {
  if (REVIEWS.has(event.type) && (reason === 'owner' || reason === 'author')) return 'review';
  if (MOVES.has(event.type) && (reason === 'voter' || reason === 'author')) return 'backed';
  if (reason === 'following') return 'following';
  return 'for_you';
}

export interface Digest {
  sections: { section: DigestSection; title: string; events: BridgekitEvent[] }[];
  notificationIds: string[];
}

export function composeDigest(items: { id: string; reason: NotificationReason; event: BridgekitEvent }[]): Digest {
  const by = new Map<DigestSection, BridgekitEvent[]>();
  for (const { reason, event } of items) by.set(sectionOf(event, reason), [...(by.get(sectionOf(event, reason)) ?? []), event]);
  const sections = (Object.keys(SECTION_TITLES) as DigestSection[])
    .filter((section) => by.has(section))
    .map((section) => ({ section, title: SECTION_TITLES[section], events: by.get(section) ?? [] }));
  return { sections, notificationIds: items.map((i) => i.id) };
}

export async function deliverDigest(
  db: Database,
  message: Extract<DeliveryMessage, { kind: 'digest' }>,
  now = Date.now(),
): Promise<DeliveryResult> {
  const { tenant, user, cadence, due } = message;
  const [people, pending] = await db.batch([
    db
      .select({
        // Named apart: D1 answers a batch's rows as objects, where same-named columns collide.
        to: sql<string | null>`${users.email}`.as('to_address'),
        kind: users.kind,
        mail: tenants.mail,
        tenantName: sql<string>`${tenants.name}`.as('tenant_name'),
        settings: notificationSettings.email,
        lastDailyAt: notificationSettings.lastDailyAt,
        lastWeeklyAt: notificationSettings.lastWeeklyAt,
      })
      .from(users)
      .innerJoin(tenants, eq(tenants.id, users.tenantId))
      .leftJoin(notificationSettings, eq(notificationSettings.userId, users.id))
      .where(and(eq(users.tenantId, tenant), eq(users.id, user))),
    db
      .select({ id: notifications.id, eventId: notifications.eventId, reason: notifications.reason, kind: notifications.kind })
      .from(notifications)
      .where(
        and(
          eq(notifications.tenantId, tenant),
          eq(notifications.userId, user),
          isNull(notifications.emailedAt),
          gt(notifications.createdAt, now - DIGEST_LOOKBACK_MS),
          lte(notifications.createdAt, now),
        ),
      )
      .orderBy(asc(notifications.createdAt), asc(notifications.id)),
  ]);
  const person = people[0];
  if (!person?.to || person.kind !== 'person' || !person.mail) return 'done';
  const last = cadence === 'daily' ? person.lastDailyAt : person.lastWeeklyAt;
  if (last !== null && last >= due) return 'done'; // sent already (a message delivered twice)

  const on = kindsOn(person.settings, cadence);
  const chosen = pending.filter((n) => on.includes(n.kind)).slice(-DIGEST_MAX_ITEMS);
  const events = new Map((await loadEvents(db, tenant, [...new Set(chosen.map((n) => n.eventId))])).map((e) => [e.id, e]));
  const items = chosen.flatMap((n) => {
    const event = events.get(n.eventId);
    return event ? [{ id: n.id, reason: n.reason, event }] : [];
  });
  const digest = composeDigest(items);
  const marked = cadence === 'daily' ? { lastDailyAt: now } : { lastWeeklyAt: now };
  const markSent = db
    .insert(notificationSettings)
    .values({ userId: user, tenantId: tenant, email: {}, ...marked })
    .onConflictDoUpdate({ target: notificationSettings.userId, set: marked });
  if (items.length === 0) {
    await markSent;
    return 'done';
  }

  const outcome = await sendMail(person.mail, renderDigest(person.tenantName, person.to, cadence, digest), now);
  if (!outcome.ok) {
    console.warn(`Digest for ${user} of tenant ${tenant} not sent: ${outcome.error}`);
    return 'retry';
  }
  await db.batch([
    markSent,
    db
      .update(notifications)
      .set({ emailedAt: now })
      .where(and(eq(notifications.tenantId, tenant), inArray(notifications.id, digest.notificationIds), isNull(notifications.emailedAt))),
  ]);
  return 'done';
}

export function renderDigest(tenantName: string, to: string, cadence: DigestCadence, digest: Digest) {
  const count = digest.sections.reduce((n, s) => n + s.events.length, 0);
  const heading = `Your ${cadence} digest: ${count} ${count === 1 ? 'update' : 'updates'}`;
  const text = digest.sections
    .map((s) => [s.title, ...s.events.map((e) => `- ${eventText(e).replace(/\n/g, '\n  ')}`)].join('\n'))
    .join('\n\n');
  const html = digest.sections
    .map((s) => `<h2>${escapeHtml(s.title)}</h2><ul>${s.events.map((e) => `<li>${eventHtml(e)}</li>`).join('')}</ul>`)
    .join('');
  const footer = 'You can change what your digest holds, and how often it comes, in your notification settings.';
  return {
    to,
    subject: `[${tenantName}] ${heading}`.slice(0, 200),
    text: `${heading}\n\n${text}\n\n${footer}\n`,
    html: `<h1>${escapeHtml(heading)}</h1>${html}<p><small>${escapeHtml(footer)}</small></p>`,
  };
}
