/**
 * Events and notifications: every write records its event once, in its own batch; each person is
 * told once, for the strongest reason, never of their own doing, never of what they may not see;
 * the inbox pages, counts and marks read; nothing crosses tenants.
 */
import { env } from 'cloudflare:workers';
import type { EventType, Idea, Inbox, Notification, NotificationSettings, PracticeCard } from '@bridgekit/sdk';
import type { BatchItem } from 'drizzle-orm/batch';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CARDS } from '../src/cards/templates/examples.ts';
import { database } from '../src/db/client.ts';
import { users } from '../src/db/schema.ts';
import { DEMO_TENANT } from '../src/dev/demo-data.ts';
import { eventStatements } from '../src/notify/record.ts';
import { versioned } from '../src/store/cache-versions.ts';
import { clearTenantCache } from '../src/store/tenants.ts';
import { consume } from './delivery-queue.ts';
import { admin, call, DEMO, errorOf, json, ORIGIN, seedOtherTenant, token, useTestRoleClaims } from './helpers.ts';

const BOARD = 'notify';
const person = (sub: string, name: string) => token({ sub: `notify|${sub}`, name });
const moderator = () => token({ sub: 'notify|mod', name: 'Mona Moderator', extra: { roles: ['Bridgekit.Moderator'] } });
const evaluator = () => token({ sub: 'notify|eva', name: 'Eva Evaluator', extra: { roles: ['Bridgekit.Evaluator'] } });

const send = async (method: string, path: string, t: string, body?: unknown) =>
  call(`${DEMO}${path}`, { method, token: t, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
async function ok<T>(res: Promise<Response>, status = 200): Promise<T> {
  const r = await res;
  if (r.status !== status) throw new Error(`${r.status}: ${await r.text()}`);
  return status === 204 ? (undefined as T) : json<T>(r);
}
const newIdea = async (t: string, title: string) => ok<Idea>(send('POST', `/boards/${BOARD}/ideas`, t, { title }), 201);
const comment = async (t: string, key: string, body: string, parentId?: string) =>
  ok<{ id: string; state: string }>(send('POST', '/threads/comments', t, { key, body, ...(parentId ? { parentId } : {}) }), 201);
const inbox = async (t: string, query = '') => ok<Inbox>(send('GET', `/notifications${query}`, t));
/** What a person was told, as `reason event item` lines, in no particular order. */
const told = async (t: string) =>
  (await inbox(t, '?limit=50')).items.map((n: Notification) => `${n.reason} ${n.event} ${n.item.id}`).sort();

/** How many events of each type the item has. */
async function eventsOf(itemId: string): Promise<Partial<Record<EventType, number>>> {
  const { results } = await env.DB.prepare('select type, count(*) as n from events where item_id = ? group by type').bind(itemId).all<{
    type: EventType;
    n: number;
  }>();
  return Object.fromEntries(results.map((r) => [r.type, r.n]));
}

async function moderation(update: Record<string, unknown>) {
  const res = await admin(`${DEMO}/moderation/settings`, 'PATCH', update);
  expect(res.status).toBe(200);
  clearTenantCache();
}

beforeAll(async () => {
  await useTestRoleClaims();
  expect((await admin(`${DEMO}/boards`, 'POST', { slug: BOARD, name: 'Notify' })).status).toBe(201);
  // Moderators are known by their last write: this one has written.
  await ok(send('PATCH', '/notifications/settings', await moderator(), { email: { moderation: 'immediate' } }));
});

describe('recording events', () => {
  it('records each write’s event exactly once, with what it carries', async () => {
    const ada = await person('ada', 'Ada Author');
    const ben = await person('ben', 'Ben Commenter');
    const idea = await newIdea(ada, 'Notify: a shared travel calendar');
    expect(await eventsOf(idea.id)).toEqual({ 'idea.created': 1 });

    const c = await comment(ben, `idea:${idea.id}`, 'Good idea, we need this.');
    await ok(send('PATCH', `/comments/${c.id}`, ben, { body: 'Good idea, we really need this.' }));
    await ok(send('DELETE', `/comments/${c.id}`, ben), 204);
    expect(await eventsOf(c.id)).toEqual({ 'comment.created': 1, 'comment.edited': 1, 'comment.removed': 1 });

    const eva = await evaluator();
    await ok(send('PUT', `/ideas/${idea.id}/status`, eva, { status: 'planned', reason: 'In next quarter’s plan.' }));
    await ok(
      send('PUT', `/ideas/${idea.id}/score`, eva, {
        scores: {
          impact: 4,
          financial: 2,
          strategic_alignment: 3,
          size: 'L',
          new_technology: true,
          third_party: false,
          ways_of_working: false,
        },
      }),
    );
    const twin = await newIdea(ada, 'Notify: one travel calendar for all');
    await ok(send('POST', `/ideas/${twin.id}/merge`, await moderator(), { into: idea.id }));
    expect(await eventsOf(idea.id)).toEqual({ 'idea.created': 1, 'idea.status_changed': 1, 'idea.scored': 1 });
    expect(await eventsOf(twin.id)).toEqual({ 'idea.created': 1, 'idea.merged': 1 });
    const { results } = await env.DB.prepare('select type, data from events where item_id in (?, ?) order by id')
      .bind(idea.id, twin.id)
      .all<{
        type: string;
        data: string;
      }>();
    const data = Object.fromEntries(results.map((r) => [r.type, JSON.parse(r.data)]));
    expect(data['idea.status_changed']).toMatchObject({ status: 'planned', reason: 'In next quarter’s plan.', card: null });
    expect(data['idea.merged']).toEqual({ into: idea.id });
    const withdrawn = await newIdea(ada, 'Notify: withdrawn after all');
    await ok(send('POST', `/ideas/${withdrawn.id}/withdraw`, ada, { reason: 'Solved by the new travel desk.' }));
    await ok(send('POST', `/ideas/${withdrawn.id}/withdraw`, ada, { reason: 'Solved by the new travel desk.' }));
    expect(await eventsOf(withdrawn.id)).toEqual({ 'idea.created': 1, 'idea.status_changed': 1 });

    const e = EXAMPLE_CARDS['business-case'];
    if (!e) throw new Error('no example card');
    const cleo = await person('cleo', 'Cleo Owner');
    const card = await ok<PracticeCard>(
      send('POST', '/cards', cleo, { templateId: 'business-case', title: 'Notify: travel case', fields: e.fields, tags: e.tags }),
      201,
    );
    await ok(send('PUT', `/cards/${card.id}`, cleo, { title: 'Notify: the travel case', fields: e.fields, baseVersion: 1 }));
    await ok(send('POST', `/cards/${card.id}/verify`, cleo, {}));
    await ok(send('PUT', `/cards/${card.id}/obsolete`, cleo, { reason: 'Replaced by the travel policy card.' }));
    expect(await eventsOf(card.id)).toEqual({ 'card.created': 1, 'card.updated': 1, 'card.verified': 1, 'card.obsolete': 1 });
  });

  it('records held content for its author and the moderators, and the decision after', async () => {
    await moderation({ suspectWords: ['crypto'] });
    try {
      const dan = await person('dan', 'Dan Held');
      const held = await comment(dan, 'notify-held', 'Pay the travel desk in crypto?');
      expect(held.state).toBe('pending');
      expect(await eventsOf(held.id)).toEqual({ 'content.held': 1, 'moderation.queued': 1 });
      await ok(send('POST', `/comments/${held.id}/moderation`, await moderator(), { action: 'reject', reason: 'Off topic.' }));
      expect(await eventsOf(held.id)).toEqual({ 'content.held': 1, 'moderation.queued': 1, 'content.rejected': 1 });

      // A published comment whose edit is held: approving it is an edit, not a second creation.
      const fine = await comment(dan, 'notify-held', 'How do you pay the travel desk?');
      await ok(send('PATCH', `/comments/${fine.id}`, dan, { body: 'How do you pay the travel desk, in crypto?' }));
      await ok(send('POST', `/comments/${fine.id}/moderation`, await moderator(), { action: 'approve' }));
      expect(await eventsOf(fine.id)).toEqual({ 'comment.created': 1, 'content.held': 1, 'moderation.queued': 1, 'comment.edited': 1 });
      // An idea whose edit is held goes back to the queue.
      const plain = await newIdea(dan, 'Notify: expenses in one place');
      await ok(send('PATCH', `/ideas/${plain.id}`, dan, { title: 'Notify: expenses in crypto' }));
      expect(await eventsOf(plain.id)).toEqual({ 'idea.created': 1, 'content.held': 1, 'moderation.queued': 1 });

      // A held edit of a published card: the card stays; the edit's author hears of it, and of the rejection.
      const e = EXAMPLE_CARDS['business-case'];
      if (!e) throw new Error('no example card');
      const card = await ok<PracticeCard>(
        send('POST', '/cards', dan, { templateId: 'business-case', title: 'Notify: expenses card', fields: e.fields, tags: e.tags }),
        201,
      );
      const edited = await ok<PracticeCard & { pendingEdit: { id: string } | null }>(
        send('PUT', `/cards/${card.id}`, dan, { title: 'Notify: crypto expenses card', fields: e.fields, baseVersion: 1 }),
      );
      const editId = edited.pendingEdit?.id ?? '';
      expect(editId).not.toBe('');
      await ok(
        send('POST', `/cards/${card.id}/moderation`, await moderator(), { action: 'reject', reason: 'Keep it on topic.', edit: editId }),
      );
      expect(await eventsOf(card.id)).toEqual({ 'card.created': 1, 'content.held': 1, 'moderation.queued': 1, 'content.rejected': 1 });
      const danTold = (await inbox(dan)).items
        .filter((n) => n.item.id === card.id)
        .map((n) => `${n.reason} ${n.event} ${JSON.stringify(n.data)}`);
      expect(danTold.sort()).toEqual(
        [
          `author content.held ${JSON.stringify({ reason: 'held.suspect_word_in', edit: editId })}`,
          `author content.rejected ${JSON.stringify({ reason: 'Keep it on topic.', edit: editId })}`,
        ].sort(),
      );

      const idea = await ok<Idea>(send('POST', `/boards/${BOARD}/ideas`, dan, { title: 'Notify: crypto expenses' }), 201);
      expect(await eventsOf(idea.id)).toEqual({ 'content.held': 1, 'moderation.queued': 1 });
      await ok(send('POST', `/ideas/${idea.id}/moderation`, await moderator(), { action: 'approve' }));
      // Published now: created, by its author.
      expect(await eventsOf(idea.id)).toEqual({ 'content.held': 1, 'moderation.queued': 1, 'idea.created': 1 });
      const [created] = (
        await env.DB.prepare(
          "select u.subject from events e join users u on u.id = e.actor_id where e.item_id = ? and e.type = 'idea.created'",
        )
          .bind(idea.id)
          .all<{ subject: string }>()
      ).results;
      expect(created?.subject).toBe('notify|dan');
      const [heldEvent] = (
        await env.DB.prepare("select data from events where item_id = ? and type = 'content.held'").bind(idea.id).all<{ data: string }>()
      ).results;
      // The reason's code, not its words: the author learns that a suspect word holds it, not which.
      expect(JSON.parse(heldEvent?.data ?? '{}')).toEqual({ reason: 'held.suspect_word_in' });
    } finally {
      await moderation({ suspectWords: [] });
    }
  });

  it('leaves no event, and tells no one, when the batch of the change fails', async () => {
    const db = database(env.DB);
    const [before] = (await env.DB.prepare('select count(*) as n from events').all<{ n: number }>()).results;
    const now = Date.now();
    const change: BatchItem<'sqlite'>[] = [
      ...eventStatements(db, {
        tenantId: 'demo-tenant',
        type: 'comment.created',
        actorId: null,
        item: { kind: 'comment', id: 'demo-comment-1' },
        now,
      }),
      // The change itself fails on a constraint: a second person with an existing id.
      db.insert(users).values({ id: 'demo-user-amara', tenantId: 'demo-tenant', subject: 'notify|dup', name: 'Dup', lastSeenAt: now }),
    ];
    await expect(db.batch(change as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])).rejects.toThrow();
    const [after] = (await env.DB.prepare('select count(*) as n from events').all<{ n: number }>()).results;
    expect(after?.n).toBe(before?.n);
    // The same statements with a change that succeeds do record it (so the test above can fail).
    const again = eventStatements(db, {
      tenantId: 'demo-tenant',
      type: 'comment.created',
      actorId: null,
      item: { kind: 'comment', id: 'demo-comment-1' },
      now,
    });
    await db.batch(again as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
    const [recorded] = (await env.DB.prepare('select count(*) as n from events').all<{ n: number }>()).results;
    expect(recorded?.n).toBe((before?.n ?? 0) + 1);
  });

  it('records nothing for a write that answers an error', async () => {
    const ben = await person('ben', 'Ben Commenter');
    const [before] = (await env.DB.prepare('select count(*) as n from events').all<{ n: number }>()).results;
    const res = await send('POST', '/threads/comments', ben, { key: 'idea:no-such-idea', body: 'Hello' });
    expect(res.status).toBe(404);
    const [after] = (await env.DB.prepare('select count(*) as n from events').all<{ n: number }>()).results;
    expect(after?.n).toBe(before?.n);
  });
});

describe('who is told', () => {
  it('tells a person with mixed subscriptions exactly what concerns them', async () => {
    const fran = await person('fran', 'Fran Follower');
    const ada = await person('ada', 'Ada Author');
    const eva = await evaluator();
    const unfollowed = await newIdea(ada, 'Notify: mixed, unfollowed');
    const followed = await newIdea(ada, 'Notify: mixed, followed through the board');
    const third = await newIdea(ada, 'Notify: mixed, mentioned');
    // Fran follows the board, unfollows one idea, and is mentioned in the third one's discussion.
    await ok(send('PUT', `/subscriptions/board/${BOARD}`, fran));
    await ok(send('DELETE', `/subscriptions/idea/${unfollowed.id}`, fran));
    await ok(send('DELETE', `/subscriptions/idea/${third.id}`, fran));
    const handle = (await ok<{ user: { handle: string } }>(send('GET', '/me', fran))).user.handle;

    await ok(send('PUT', `/ideas/${unfollowed.id}/status`, eva, { status: 'planned', reason: 'In next quarter’s plan.' }));
    await ok(send('PUT', `/ideas/${followed.id}/status`, eva, { status: 'planned', reason: 'In next quarter’s plan.' }));
    const mention = await comment(ada, `idea:${third.id}`, `@${handle} what do you think?`);
    const later = await newIdea(ada, 'Notify: mixed, new on the board');

    expect(await told(fran)).toEqual(
      [
        `following idea.created ${later.id}`,
        `following idea.status_changed ${followed.id}`,
        `mention comment.created ${mention.id}`,
      ].sort(),
    );
  });

  it('tells each person once, for the strongest reason; authors and voters of a moved idea; never the actor', async () => {
    const ada = await person('ada', 'Ada Author');
    const vic = await person('vic', 'Vic Voter');
    const ria = await person('ria', 'Ria Replier');
    const idea = await newIdea(ada, 'Notify: reasons');
    await ok(send('PUT', `/ideas/${idea.id}/vote`, vic, { votes: 1 }));
    await ok(send('PUT', `/subscriptions/board/${BOARD}`, vic));
    await ok(send('PUT', `/ideas/${idea.id}/status`, await evaluator(), { status: 'planned', reason: 'In next quarter’s plan.' }));
    // Vic is a voter, a follower of the idea (by voting) and of the board: told once, as a voter.
    expect((await told(vic)).filter((l) => l.endsWith(idea.id))).toEqual([`voter idea.status_changed ${idea.id}`]);
    expect((await told(ada)).filter((l) => l.endsWith(idea.id))).toEqual([`author idea.status_changed ${idea.id}`]);

    // Ada answers Ria, mentioning her, and mentions herself: Ria is told once (mention beats reply), Ada not at all.
    const question = await comment(ria, `idea:${idea.id}`, 'Which calendar?');
    const riaHandle = (await ok<{ user: { handle: string } }>(send('GET', '/me', ria))).user.handle;
    const adaHandle = (await ok<{ user: { handle: string } }>(send('GET', '/me', ada))).user.handle;
    const answer = await comment(ada, `idea:${idea.id}`, `@${riaHandle} the shared one, says @${adaHandle}`, question.id);
    expect((await told(ria)).filter((l) => l.endsWith(answer.id))).toEqual([`mention comment.created ${answer.id}`]);
    expect((await told(ada)).filter((l) => l.endsWith(answer.id))).toEqual([]);
    // Without the mention, an answer is a reply.
    const plain = await comment(ada, `idea:${idea.id}`, 'And a plain answer.', question.id);
    expect((await told(ria)).filter((l) => l.endsWith(plain.id))).toEqual([`reply comment.created ${plain.id}`]);
  });

  it('mentions reach people who unfollowed', async () => {
    const gus = await person('gus', 'Gus Gone');
    const ada = await person('ada', 'Ada Author');
    const idea = await newIdea(ada, 'Notify: unfollowed but mentioned');
    const first = await comment(gus, `idea:${idea.id}`, 'I am in.');
    await ok(send('DELETE', `/subscriptions/idea/${idea.id}`, gus));
    const handle = (await ok<{ user: { handle: string } }>(send('GET', '/me', gus))).user.handle;
    const quiet = await comment(ada, `idea:${idea.id}`, 'A general update.');
    const loud = await comment(ada, `idea:${idea.id}`, `@${handle} one for you.`);
    const lines = await told(gus);
    expect(lines).toContain(`mention comment.created ${loud.id}`);
    expect(lines.some((l) => l.endsWith(quiet.id))).toBe(false);
    // Commenting again does not follow again.
    await comment(gus, `idea:${idea.id}`, 'Still here.', first.id);
    expect(await ok(send('GET', `/subscriptions/idea/${idea.id}`, gus))).toEqual({
      target: 'idea',
      id: idea.id,
      following: false,
      source: 'commenter',
    });
  });

  it('tells of held content only its author and the moderators — the rest when it is published', async () => {
    await moderation({ suspectWords: ['crypto'] });
    try {
      const hal = await person('hal', 'Hal Held');
      const fay = await person('fay', 'Fay Follower');
      const mod = await moderator();
      const thread = 'notify-held-audience';
      const opener = await comment(fay, thread, 'Expenses: how do you pay?');
      const fayHandle = (await ok<{ user: { handle: string } }>(send('GET', '/me', fay))).user.handle;
      const held = await comment(hal, thread, `@${fayHandle} in crypto, obviously`, opener.id);
      expect(held.state).toBe('pending');
      expect((await told(fay)).filter((l) => l.endsWith(held.id))).toEqual([]);
      expect((await told(hal)).filter((l) => l.endsWith(held.id))).toEqual([`author content.held ${held.id}`]);
      expect((await told(mod)).filter((l) => l.endsWith(held.id))).toEqual([`moderator moderation.queued ${held.id}`]);
      const heldNote = (await inbox(hal)).items.find((n) => n.item.id === held.id);
      expect(heldNote?.data).toEqual({ reason: 'held.suspect_word' });
      expect(heldNote?.actor).toBeNull();

      await ok(send('POST', `/comments/${held.id}/moderation`, mod, { action: 'approve' }));
      expect((await told(fay)).filter((l) => l.endsWith(held.id))).toEqual([`mention comment.created ${held.id}`]);
    } finally {
      await moderation({ suspectWords: [] });
    }
  });

  it('tells card owners and the followers of its areas and tags, and no one of a card they may not see', async () => {
    const e = EXAMPLE_CARDS['business-case'];
    if (!e) throw new Error('no example card');
    const oli = await person('oli', 'Oli Owner');
    const tia = await person('tia', 'Tia Tagger');
    const wil = await person('wil', 'Wil Writer');
    await ok(send('PUT', `/subscriptions/area/${e.tags[0]}`, tia));
    await ok(send('PATCH', '/notifications/settings', oli, { email: {} }));
    const oliHandle = (await ok<{ user: { handle: string } }>(send('GET', '/me', oli))).user.handle;
    const card = await ok<PracticeCard>(
      send('POST', '/cards', wil, {
        templateId: 'business-case',
        title: 'Notify: owned card',
        fields: e.fields,
        tags: e.tags,
        owner: oliHandle,
      }),
      201,
    );
    expect((await told(tia)).filter((l) => l.endsWith(card.id))).toEqual([`following card.created ${card.id}`]);
    expect((await told(oli)).filter((l) => l.endsWith(card.id))).toEqual([`owner card.created ${card.id}`]);
    expect((await told(wil)).filter((l) => l.endsWith(card.id))).toEqual([]);

    await moderation({ suspectWords: ['crypto'] });
    try {
      const held = await ok<PracticeCard>(
        send('POST', '/cards', wil, { templateId: 'business-case', title: 'Notify: crypto card', fields: e.fields, tags: e.tags }),
        201,
      );
      expect((await told(tia)).filter((l) => l.endsWith(held.id))).toEqual([]);
      expect((await told(wil)).filter((l) => l.endsWith(held.id))).toEqual([`author content.held ${held.id}`]);
    } finally {
      await moderation({ suspectWords: [] });
    }
  });
});

/** Runs the outbox sweep (the queue's `sweep` message) until none of the tenant's events waits. */
async function sweep(): Promise<void> {
  const waiting = () =>
    env.DB.prepare('select count(*) as n from events where tenant_id = ? and dispatched_at is null')
      .bind(DEMO_TENANT.id)
      .first<number>('n');
  for (let i = 0; ((await waiting()) ?? 0) > 0; i++) {
    if (i === 100) throw new Error('The sweep does not empty the outbox.');
    const { explicitAcks, ackAll } = await consume([{ kind: 'sweep', tenant: DEMO_TENANT.id }]);
    expect(ackAll || explicitAcks.length === 1).toBe(true);
  }
}

describe("a new comment's followers, told by the outbox sweep", () => {
  it('tells each follower once, after the post; not the unfollowed, not the actor; a mentioned follower once, as mentioned; a second sweep adds none', async () => {
    const ada = await person('fol-ada', 'Ada Opener');
    const fay = await person('fol-fay', 'Fay Follower');
    const gus = await person('fol-gus', 'Gus Unfollowed');
    const hal = await person('fol-hal', 'Hal Mentioned');
    const ben = await person('fol-ben', 'Ben Poster');
    const idea = await newIdea(ada, 'Notify: followers hear from the sweep');
    await ok(send('PUT', `/subscriptions/idea/${idea.id}`, fay));
    await ok(send('PUT', `/subscriptions/idea/${idea.id}`, hal));
    const first = await comment(gus, `idea:${idea.id}`, 'Count me in.');
    await ok(send('DELETE', `/subscriptions/idea/${idea.id}`, gus));
    const halHandle = (await ok<{ user: { handle: string } }>(send('GET', '/me', hal))).user.handle;
    const posted = await comment(ben, `idea:${idea.id}`, `@${halHandle} and everyone: a date is set.`, first.id);
    const of = async (t: string) => (await told(t)).filter((l) => l.endsWith(posted.id));

    // In the post's batch: the mentioned person and the author of the comment answered.
    expect(await of(hal)).toEqual([`mention comment.created ${posted.id}`]);
    expect(await of(gus)).toEqual([`reply comment.created ${posted.id}`]);
    expect(await of(fay)).toEqual([]);

    await sweep();
    expect(await of(fay)).toEqual([`following comment.created ${posted.id}`]);
    expect(await of(ada)).toEqual([`following comment.created ${posted.id}`]);
    expect(await of(hal)).toEqual([`mention comment.created ${posted.id}`]);
    expect(await of(gus)).toEqual([`reply comment.created ${posted.id}`]);
    expect(await of(ben)).toEqual([]);
    // Unfollowed and not answered: nothing.
    const plain = await comment(ben, `idea:${idea.id}`, 'A general update.');
    await sweep();
    expect((await told(gus)).filter((l) => l.endsWith(plain.id))).toEqual([]);
    expect((await told(fay)).filter((l) => l.endsWith(plain.id))).toEqual([`following comment.created ${plain.id}`]);

    // The same event swept again (two sweeps at once, or a retried one): nobody is told twice.
    const count = () =>
      env.DB.prepare('select count(*) as n from notifications n join events e on e.id = n.event_id where e.item_id = ?')
        .bind(posted.id)
        .first<number>('n');
    const before = await count();
    expect(before).toBe(4);
    await versioned(env.DB, DEMO_TENANT.id)
      .prepare("update events set dispatched_at = null where tenant_id = ? and item_id = ? and type = 'comment.created'")
      .bind(DEMO_TENANT.id, posted.id)
      .run();
    await sweep();
    expect(await count()).toBe(before);
  });

  it('tells no follower who may not see the comment', async () => {
    const ada = await person('fol-ada', 'Ada Opener');
    const fay = await person('fol-fay', 'Fay Follower');
    const idea = await newIdea(ada, 'Notify: followers of an idea held after they followed');
    const mod = await moderator();
    await ok(send('PUT', `/subscriptions/idea/${idea.id}`, fay));
    await ok(send('PUT', `/subscriptions/idea/${idea.id}`, mod));
    await sweep();
    // Held again: only its author and moderators see it, and what is said about it.
    await versioned(env.DB, DEMO_TENANT.id)
      .prepare("update ideas set state = 'pending' where tenant_id = ? and id = ?")
      .bind(DEMO_TENANT.id, idea.id)
      .run();
    const note = await comment(ada, `idea:${idea.id}`, 'Still working on the wording.');
    await sweep();
    expect((await told(fay)).filter((l) => l.endsWith(note.id))).toEqual([]);
    expect((await told(mod)).filter((l) => l.endsWith(note.id))).toEqual([`following comment.created ${note.id}`]);
  });
});

describe('the inbox', () => {
  it('pages newest first, counts unread, marks read, and links each item', async () => {
    const pages = { idea: 'https://intranet.contoso.example/ideas#bk-idea={id}' };
    expect((await admin(`${DEMO}/settings`, 'PATCH', { itemPages: pages })).status).toBe(200);
    clearTenantCache();
    const ina = await person('ina', 'Ina Inbox');
    const ada = await person('ada', 'Ada Author');
    const idea = await newIdea(ina, 'Notify: inbox');
    const written: string[] = [];
    for (let i = 0; i < 5; i++) written.push((await comment(ada, `idea:${idea.id}`, `Update number ${i + 1}.`)).id);
    await sweep();

    const first = await inbox(ina, '?limit=2');
    expect(first.unread).toBe(5);
    expect(first.items.map((n) => n.item.id)).toEqual([written[4], written[3]]);
    const second = await inbox(ina, `?limit=2&cursor=${first.nextCursor}`);
    const third = await inbox(ina, `?limit=2&cursor=${second.nextCursor}`);
    expect([...second.items, ...third.items].map((n) => n.item.id)).toEqual([written[2], written[1], written[0]]);
    expect(third.nextCursor).toBeNull();

    const note = first.items[0] as Notification;
    expect(note).toMatchObject({
      event: 'comment.created',
      reason: 'following',
      readAt: null,
      actor: { name: 'Ada Author' },
      item: {
        kind: 'comment',
        id: written[4],
        title: 'Notify: inbox',
        threadKey: `idea:${idea.id}`,
        url: `https://intranet.contoso.example/ideas#bk-idea=${idea.id}&bk-comment=${written[4]}`,
      },
      data: { thread: `idea:${idea.id}`, parentId: null, snippet: 'Update number 5.' },
    });

    expect(await ok(send('POST', '/notifications/read', ina, { ids: [written[0], note.id, (first.items[1] as Notification).id] }))).toEqual(
      {
        unread: 3,
      },
    );
    const unread = await inbox(ina, '?unread=true');
    expect(unread.items.map((n) => n.item.id)).toEqual([written[2], written[1], written[0]]);
    expect((await inbox(ina)).items[0]?.readAt).not.toBeNull();
    // Someone else's ids change nothing of theirs.
    expect(await ok(send('POST', '/notifications/read', ada, { ids: unread.items.map((n) => n.id) }))).toMatchObject({});
    expect((await inbox(ina)).unread).toBe(3);
    expect(await ok(send('POST', '/notifications/read', ina, { all: true }))).toEqual({ unread: 0 });

    const bad = await send('GET', '/notifications?cursor=nonsense', ina);
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).code).toBe('validation_failed');
    expect((await send('POST', '/notifications/read', ina, { ids: [] })).status).toBe(400);
  });

  it('keeps e-mail cadence per kind, defaults for the rest', async () => {
    const kim = await person('kim', 'Kim Cadence');
    expect(await ok<NotificationSettings>(send('GET', '/notifications/settings', kim))).toEqual({
      email: {
        mentions: 'immediate',
        replies: 'immediate',
        my_ideas: 'daily',
        my_cards: 'daily',
        following: 'weekly',
        moderation: 'daily',
      },
    });
    await ok(send('PATCH', '/notifications/settings', kim, { email: { following: 'off' } }));
    const after = await ok<NotificationSettings>(send('PATCH', '/notifications/settings', kim, { email: { mentions: 'daily' } }));
    expect(after.email).toMatchObject({ following: 'off', mentions: 'daily', replies: 'immediate' });
    const bad = await send('PATCH', '/notifications/settings', kim, { email: { mentions: 'hourly' } });
    expect(bad.status).toBe(400);
  });

  it('is for signed-in people only', async () => {
    for (const [method, path] of [
      ['GET', '/notifications'],
      ['GET', '/notifications/settings'],
      ['GET', '/subscriptions'],
    ] as const) {
      const res = await call(`${DEMO}${path}`, { method });
      expect([401], path).toContain(res.status);
    }
  });

  it('shows nothing of one tenant in another', async () => {
    const { secret } = await seedOtherTenant();
    const ada = await person('ada', 'Ada Author');
    const elsewhere = await token({ sub: 'notify|ada', name: 'Ada Author', secret, kid: 'k1' });
    expect((await inbox(ada)).items.length).toBeGreaterThan(0);
    const other = await call(`${ORIGIN}/v1/tenants/other/notifications`, { token: elsewhere });
    expect(other.status).toBe(200);
    expect(await json<Inbox>(other)).toEqual({ items: [], nextCursor: null, unread: 0 });
    // Their demo notifications' ids mean nothing there.
    const ids = (await inbox(ada)).items.map((n) => n.id);
    const read = await call(`${ORIGIN}/v1/tenants/other/notifications/read`, {
      method: 'POST',
      token: elsewhere,
      body: JSON.stringify({ ids }),
    });
    expect(await json(read)).toEqual({ unread: 0 });
    expect((await inbox(ada)).items.some((n) => n.readAt === null)).toBe(true);
  });
});
