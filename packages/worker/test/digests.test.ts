import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { digestDue } from '../src/delivery/digests.ts';
import { DEFAULT_EMAIL_CADENCE } from '../src/notify/cadence.ts';
import { dayOf } from '../src/store/card-rows.ts';
import { consume, receiver, recorder, runCron } from './delivery-queue.ts';
import type { Received } from './fake-webhook-receiver.ts';
import { admin, DEMO, errorOf } from './helpers.ts';

const TENANT = 'demo-tenant';
const MAIL_SECRET = 'mail-secret-for-the-tests-0123456789abcdef';
const DAY = 86_400_000;
let mailbox: Awaited<ReturnType<typeof receiver>>;

let seq = 0;
/** An event (dispatched already: these tests drive digests, not webhooks) and one notification of it. */
async function notify(
  userId: string,
  n: {
    type: string;
    itemKind: string;
    itemId: string;
    reason: string;
    kind: string;
    createdAt: number;
    emailedAt?: number | null;
    data?: object;
  },
): Promise<string> {
  const event = `ev-dg-${++seq}`;
  // As notify/record.ts names it: its event's id, '.', its person's (the outbox sweep relies on it).
  const id = `${event}.${userId}`;
  await env.DB.batch([
    env.DB.prepare(
      "insert into events (id, tenant_id, type, actor_id, item_kind, item_id, data, created_at, dispatched_at) values (?, ?, ?, 'demo-user-amara', ?, ?, ?, ?, ?)",
    ).bind(event, TENANT, n.type, n.itemKind, n.itemId, JSON.stringify(n.data ?? {}), n.createdAt, n.createdAt),
    env.DB.prepare(
      'insert into notifications (id, tenant_id, user_id, event_id, reason, kind, read_at, emailed_at, created_at) values (?, ?, ?, ?, ?, ?, null, ?, ?)',
    ).bind(id, TENANT, userId, event, n.reason, n.kind, n.emailedAt ?? null, n.createdAt),
  ]);
  return id;
}

/** The event a notification of `notify` tells of. */
const eventOf = (notification: string) => notification.slice(0, notification.indexOf('.'));

const emailedAt = async (id: string) =>
  (await env.DB.prepare('select emailed_at as at from notifications where id = ?').bind(id).first<{ at: number | null }>())?.at ?? null;

const mails = async () =>
  (await mailbox.received()).map((m: Received) => m.body as { to: string; subject: string; text: string; html: string });

describe('e-mail through the tenant mail webhook', () => {
  beforeAll(async () => {
    mailbox = await receiver('mail', [MAIL_SECRET]);
    const res = await admin(`${DEMO}/settings`, 'PATCH', { mail: { webhook: mailbox.url, secret: MAIL_SECRET } });
    expect(res.status).toBe(200);
    expect((await res.json()) as object).toMatchObject({ mail: { webhook: mailbox.url } });
    expect(JSON.stringify(await (await admin(`${DEMO}/settings`)).json())).not.toContain(MAIL_SECRET);
  });

  it('refuses a plain-http mail webhook and a short secret', async () => {
    const http = await admin(`${DEMO}/settings`, 'PATCH', { mail: { webhook: 'http://mail.contoso.example/hook', secret: MAIL_SECRET } });
    expect((await errorOf(http)).details?.map((d) => [d.path, d.reason])).toEqual([['body.mail.webhook', 'field.url']]);
    const short = await admin(`${DEMO}/settings`, 'PATCH', { mail: { webhook: 'https://mail.contoso.example/hook', secret: 'short' } });
    expect((await errorOf(short)).details?.map((d) => d.path)).toEqual(['body.mail.secret']);
  });

  it('e-mails a notification at once when the cadence of its kind is immediate, signed, once', async () => {
    const at = Date.now() - 120_000;
    // Jonah keeps the defaults: mentions at once.
    expect(DEFAULT_EMAIL_CADENCE.mentions).toBe('immediate');
    const mention = await notify('demo-user-jonah', {
      type: 'comment.created',
      itemKind: 'comment',
      itemId: 'demo-comment-1',
      reason: 'mention',
      kind: 'mentions',
      createdAt: at,
      data: { snippet: 'What do you think, @jonah?' },
    });
    const following = await notify('demo-user-jonah', {
      type: 'idea.created',
      itemKind: 'idea',
      itemId: 'demo-idea-sso',
      reason: 'following',
      kind: 'following',
      createdAt: at,
    });
    await env.DB.prepare('update events set dispatched_at = null where id in (?, ?)').bind(eventOf(mention), eventOf(following)).run();

    const via = recorder();
    await runCron('*/5 * * * *', via);
    const sent = via.take();
    expect(sent.filter((m) => m.kind === 'mail')).toEqual([{ kind: 'mail', tenant: TENANT, notification: mention }]);
    await consume(
      sent.filter((m) => m.kind === 'mail'),
      { via },
    );

    const [mail] = (await mailbox.received()).slice(-1);
    expect(mail).toMatchObject({ verified: true, headers: { 'bridgekit-event': 'mail' } });
    expect(mail?.body).toMatchObject({ to: 'jonah@contoso.example', subject: expect.stringContaining('Amara Okafor commented on') });
    expect((mail?.body as { text: string } | undefined)?.text).toContain('What do you think, @jonah?');
    expect(await emailedAt(mention)).not.toBeNull();
    expect(await emailedAt(following)).toBeNull();
    // Delivered again (at least once): not sent twice.
    const before = (await mailbox.received()).length;
    await consume([{ kind: 'mail', tenant: TENANT, notification: mention }]);
    expect((await mailbox.received()).length).toBe(before);
  });

  it('a daily and a weekly digest hold exactly the notifications of their cadence, in their sections', async () => {
    const now = Date.now();
    // Before both digests' due times: more than a week ago, within the look-back.
    const at = now - 7.5 * DAY;
    const priya = 'demo-user-priya';
    await env.DB.prepare(
      'insert into notification_settings (user_id, tenant_id, email) values (?, ?, ?) on conflict (user_id) do update set email = excluded.email',
    )
      .bind(
        priya,
        TENANT,
        JSON.stringify({
          mentions: 'immediate',
          replies: 'daily',
          following: 'daily',
          my_ideas: 'daily',
          my_cards: 'daily',
          moderation: 'weekly',
        }),
      )
      .run();
    const ids = {
      reply: await notify(priya, {
        type: 'comment.created',
        itemKind: 'comment',
        itemId: 'demo-comment-1',
        reason: 'reply',
        kind: 'replies',
        createdAt: at,
      }),
      followed: await notify(priya, {
        type: 'idea.created',
        itemKind: 'idea',
        itemId: 'demo-idea-close',
        reason: 'following',
        kind: 'following',
        createdAt: at + 1,
      }),
      backed: await notify(priya, {
        type: 'idea.status_changed',
        itemKind: 'idea',
        itemId: 'demo-idea-dashboards',
        reason: 'voter',
        kind: 'my_ideas',
        createdAt: at + 2,
        data: { status: 'planned' },
      }),
      review: await notify(priya, {
        type: 'card.review_due',
        itemKind: 'card',
        itemId: 'demo-card-business-case',
        reason: 'owner',
        kind: 'my_cards',
        createdAt: at + 3,
        data: { reviewBy: '2030-01-01' },
      }),
      mention: await notify(priya, {
        type: 'comment.created',
        itemKind: 'comment',
        itemId: 'demo-comment-1',
        reason: 'mention',
        kind: 'mentions',
        createdAt: at + 4,
      }),
      moderation: await notify(priya, {
        type: 'moderation.queued',
        itemKind: 'idea',
        itemId: 'demo-idea-close',
        reason: 'moderator',
        kind: 'moderation',
        createdAt: at + 5,
      }),
      mailedBefore: await notify(priya, {
        type: 'idea.created',
        itemKind: 'idea',
        itemId: 'demo-idea-sso',
        reason: 'following',
        kind: 'following',
        createdAt: at + 6,
        emailedAt: at + 7,
      }),
      tooOld: await notify(priya, {
        type: 'idea.created',
        itemKind: 'idea',
        itemId: 'demo-idea-sso',
        reason: 'following',
        kind: 'following',
        createdAt: now - 9 * DAY,
      }),
      someoneElses: await notify('demo-user-tomas', {
        type: 'idea.created',
        itemKind: 'idea',
        itemId: 'demo-idea-close',
        reason: 'following',
        kind: 'following',
        createdAt: at,
      }),
    };
    const via = recorder();
    await runCron('0 * * * *', via, now);
    const digests = via.take().filter((m) => m.kind === 'digest' && m.user === priya);
    expect(digests).toEqual([
      { kind: 'digest', tenant: TENANT, user: priya, cadence: 'daily', due: digestDue('daily', now) },
      { kind: 'digest', tenant: TENANT, user: priya, cadence: 'weekly', due: digestDue('weekly', now) },
    ]);
    const seen = (await mails()).length;
    await consume(digests, { via });
    const [daily, weekly] = (await mails()).slice(seen);

    expect(daily).toMatchObject({ to: 'priya@contoso.example', subject: expect.stringContaining('Your daily digest: 4 updates') });
    const sections = (daily?.text ?? '').split('\n\n').slice(1, -1);
    expect(sections.map((s) => s.split('\n')[0])).toEqual([
      'For you',
      'What happened in what you follow',
      'Ideas you backed that moved',
      'Cards you own that need review',
    ]);
    expect(sections[0]).toContain('Amara Okafor commented on');
    expect(sections[1]).toContain('Amara Okafor proposed the idea');
    expect(sections[2]).toContain('is now planned.');
    expect(sections[3]).toContain('is due for review by 2030-01-01.');
    expect(daily?.html).toContain('<h2>Cards you own that need review</h2>');

    expect(weekly).toMatchObject({ subject: expect.stringContaining('Your weekly digest: 1 update') });
    expect(weekly?.text).toContain('is waiting for moderation.');

    for (const key of ['reply', 'followed', 'backed', 'review', 'moderation'] as const)
      expect(await emailedAt(ids[key]), key).not.toBeNull();
    for (const key of ['mention', 'tooOld', 'someoneElses'] as const) expect(await emailedAt(ids[key]), key).toBeNull();
    expect(await emailedAt(ids.mailedBefore)).toBe(at + 7);

    // Sent: the next hour has nothing due for her.
    await runCron('0 * * * *', via, now + 3_600_000);
    expect(via.take().filter((m) => m.kind === 'digest' && m.user === priya)).toEqual([]);
  });

  it('a digest the mail webhook refused is retried, and nothing is marked sent', async () => {
    const at = Date.now() - 7.5 * DAY;
    const n = await notify('demo-user-lukas', {
      type: 'idea.created',
      itemKind: 'idea',
      itemId: 'demo-idea-sso',
      reason: 'following',
      kind: 'following',
      createdAt: at,
    });
    await mailbox.setUp([MAIL_SECRET], 1);
    const message = {
      kind: 'digest' as const,
      tenant: TENANT,
      user: 'demo-user-lukas',
      // Lukas keeps the defaults: what he follows comes weekly.
      cadence: 'weekly' as const,
      due: digestDue('weekly', Date.now()),
    };
    const result = await consume([message]);
    expect(result.retryMessages).toEqual([{ msgId: result.ids[0], delaySeconds: 30 }]);
    expect(await emailedAt(n)).toBeNull();
    expect((await consume([message], { attempts: 2 })).explicitAcks).toHaveLength(1);
    expect(await emailedAt(n)).not.toBeNull();
  });
});

describe('card reviews', () => {
  it('records review-due and overdue events once per card and review date, told to the owner', async () => {
    const now = Date.now();
    const soon = dayOf(now + 3 * DAY);
    const past = dayOf(now - 2 * DAY);
    await env.DB.prepare("update cards set review_by = ? where tenant_id = ? and id = 'demo-card-business-case'").bind(soon, TENANT).run();
    await env.DB.prepare("update cards set review_by = ? where tenant_id = ? and id = 'demo-card-stakeholder-map'")
      .bind(past, TENANT)
      .run();

    const via = recorder();
    await runCron('0 * * * *', via, now);
    await runCron('0 * * * *', via, now + 3_600_000);
    const events = await env.DB.prepare(
      "select type, item_id as card, json_extract(data, '$.reviewBy') as reviewBy from events where tenant_id = ? and type like 'card.review_%' and item_id in ('demo-card-business-case', 'demo-card-stakeholder-map') and json_extract(data, '$.reviewBy') in (?, ?) order by item_id",
    )
      .bind(TENANT, soon, past)
      .all();
    expect(events.results).toEqual([
      { type: 'card.review_due', card: 'demo-card-business-case', reviewBy: soon },
      { type: 'card.review_overdue', card: 'demo-card-stakeholder-map', reviewBy: past },
    ]);
    const owners = await env.DB.prepare(
      "select n.user_id as user, n.reason from notifications n join events e on e.id = n.event_id where e.type = 'card.review_due' and e.item_id = 'demo-card-business-case'",
    ).all();
    expect(owners.results).toContainEqual({ user: expect.stringMatching(/^demo-user-/), reason: 'owner' });

    // A new review date is a new occasion.
    const later = dayOf(now + 5 * DAY);
    await env.DB.prepare("update cards set review_by = ? where id = 'demo-card-business-case'").bind(later).run();
    await runCron('0 * * * *', via, now + 7_200_000);
    const again = await env.DB.prepare(
      "select json_extract(data, '$.reviewBy') as reviewBy from events where type = 'card.review_due' and item_id = 'demo-card-business-case' and json_extract(data, '$.reviewBy') in (?, ?)",
    )
      .bind(soon, later)
      .all();
    expect(again.results).toEqual([{ reviewBy: soon }, { reviewBy: later }]);
  });
});
