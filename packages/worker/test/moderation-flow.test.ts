import { env } from 'cloudflare:workers';
import type { AuditEntry, Comment, CommentQueueItem, ModerationSettings, Page, QueueItem, ThreadPage } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { clearTenantCache } from '../src/store/tenants.ts';
import { call, DEMO, errorOf, json, token } from './helpers.ts';

const THREADS = `${DEMO}/threads/comments`;
let ada: string;
let ben: string;
let cleo: string;
let dan: string;
let mod: string;
let admin: string;

beforeAll(async () => {
  [ada, ben, cleo, dan, mod, admin] = await Promise.all([
    token({ sub: 'ada', name: 'Ada Lovelace' }),
    token({ sub: 'ben', name: 'Ben Okoro' }),
    token({ sub: 'cleo', name: 'Cleo Park' }),
    token({ sub: 'dan', name: 'Dan Wu' }),
    token({ sub: 'mod', name: 'Mo Derator', extra: { roles: ['Bridgekit.Moderator'] } }),
    token({ sub: 'boss', name: 'Ad Min', extra: { roles: ['Bridgekit.Admin'] } }),
  ]);
});

const postRaw = (t: string, input: Record<string, unknown>) => call(THREADS, { method: 'POST', token: t, body: JSON.stringify(input) });
async function post(t: string, input: Record<string, unknown>): Promise<Comment> {
  const res = await postRaw(t, input);
  if (res.status !== 201) throw new Error(`post failed: ${res.status} ${await res.text()}`);
  return json<Comment>(res);
}
async function configure(update: Partial<ModerationSettings>): Promise<Response> {
  const res = await call(`${DEMO}/moderation/settings`, { method: 'PATCH', token: admin, body: JSON.stringify(update) });
  clearTenantCache();
  return res;
}
const queue = async (query = '') => json<Page<QueueItem>>(await call(`${DEMO}/moderation/queue?${query}`, { token: mod }));
const decide = (id: string, decision: unknown, t = mod) =>
  call(`${DEMO}/comments/${id}/moderation`, { method: 'POST', token: t, body: JSON.stringify(decision) });
/** The id a queue item is decided by: a comment's, an idea's, a held card's — or a held card edit's. */
const idOf = (i: QueueItem) => (i.kind === 'comment' ? i.comment.id : i.kind === 'idea' ? i.idea.id : (i.edit?.id ?? i.card.id));
const commentIn = (page: Page<QueueItem>, id: string) =>
  page.items.find((i): i is CommentQueueItem => i.kind === 'comment' && i.comment.id === id);
const auditLog = async () => json<Page<AuditEntry>>(await call(`${DEMO}/moderation/audit-log?limit=100`, { token: admin }));

describe('moderation settings', () => {
  it('are read by moderators, changed by admins only, validated, and audited', async () => {
    expect(await json(await call(`${DEMO}/moderation/settings`, { token: mod }))).toMatchObject({
      preModeration: 'off',
      maxDepth: 4,
      flagThreshold: 3,
    });
    expect((await call(`${DEMO}/moderation/settings`, { token: ada })).status).toBe(403);
    expect((await call(`${DEMO}/moderation/settings`, { method: 'PATCH', token: mod, body: '{"maxLinks":1}' })).status).toBe(403);
    const bad = await configure({ maxDepth: 12 });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).message).toMatch(/at most 8 levels/);
    const ok = await configure({ bannedWords: ['bribe'], suspectWords: ['crypto'], maxLinks: 2 });
    expect(await json(ok)).toMatchObject({ bannedWords: ['bribe'], suspectWords: ['crypto'], maxLinks: 2, preModeration: 'off' });
    const log = await auditLog();
    expect(log.items[0]).toMatchObject({
      action: 'settings',
      actor: { name: 'Ad Min' },
      reason: 'Changed bannedWords, maxLinks, suspectWords',
    });
  });
});

describe('the pipeline on posting', () => {
  it('refuses banned words with a message saying what to change, and writes nothing', async () => {
    await configure({ bannedWords: ['bribe'] });
    const res = await postRaw(ada, { key: 'banned', body: 'We could offer a small B R I B E? No: a small bribe.' });
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.code).toBe('comment_rejected');
    expect(error.message).toMatch(/contains "bribe".*Remove it/);
    expect(await env.DB.prepare("select count(*) as n from threads where key = 'banned'").first()).toEqual({ n: 0 });
  });

  it('holds suspect words for review: the author sees it pending, others do not, moderators find it in the queue', async () => {
    await configure({ suspectWords: ['crypto'] });
    const held = await post(ada, { key: 'held', body: 'Should we pay vendors in Crypto?' });
    // The author learns it waits, not which word: the suspect list stays with moderators.
    expect(held).toMatchObject({ state: 'pending', pendingReason: 'Contains a word moderators review before it is published' });
    const own = await json<ThreadPage>(await call(`${THREADS}?key=held`, { token: ada }));
    expect(own.items.map((c) => c.id)).toEqual([held.id]);
    const others = await json<ThreadPage>(await call(`${THREADS}?key=held`, { token: ben }));
    expect(others.items).toEqual([]);
    expect(others.thread?.commentCount).toBe(0);
    expect((await call(`${DEMO}/comments/${held.id}`, { token: ben })).status).toBe(404);
    const asModerator = await json<Comment>(await call(`${DEMO}/comments/${held.id}`, { token: mod }));
    expect(asModerator).toMatchObject({
      state: 'pending',
      body: 'Should we pay vendors in Crypto?',
      pendingReason: 'Contains the suspect word "crypto"',
    });

    const q = await queue('reason=pending');
    const item = commentIn(q, held.id);
    expect(item).toMatchObject({ reason: 'pending', detail: 'Contains the suspect word "crypto"', thread: { key: 'held' } });
    expect(item?.comment.body).toBe('Should we pay vendors in Crypto?');

    expect((await decide(held.id, { action: 'approve' }, ada)).status).toBe(403);
    expect(await json(await decide(held.id, { action: 'approve' }))).toMatchObject({ state: 'published', pendingReason: null });
    const now = await json<ThreadPage>(await call(`${THREADS}?key=held`, { token: ben }));
    expect(now.items.map((c) => c.id)).toEqual([held.id]);
    expect(now.thread?.commentCount).toBe(1);
    expect((await queue()).items.map(idOf)).not.toContain(held.id);
    expect((await auditLog()).items[0]).toMatchObject({
      action: 'approve',
      target: { type: 'comment', id: held.id },
      actor: { name: 'Mo Derator' },
    });
  });

  it('holds comments with too many links, and pre-moderates new members', async () => {
    await configure({ maxLinks: 1, suspectWords: [] });
    const links = await post(ben, { key: 'links', body: 'See https://a.example and https://b.example' });
    expect(links).toMatchObject({ state: 'pending', pendingReason: '2 links (the limit is 1)' });
    await configure({ maxLinks: 3, preModeration: 'new_users', newUserComments: 1 });
    const newcomer = await token({ sub: 'newcomer', name: 'New Comer' });
    const first = await post(newcomer, { key: 'premod', body: 'My first post' });
    expect(first.state).toBe('pending');
    await decide(first.id, { action: 'approve' });
    expect((await post(newcomer, { key: 'premod', body: 'My second post' })).state).toBe('published');
    // Moderators are trusted: their comments skip the pipeline.
    await configure({ preModeration: 'all' });
    expect((await post(mod, { key: 'premod', body: 'Staff note' })).state).toBe('published');
    expect((await post(ada, { key: 'premod', body: 'Everyone waits now' })).state).toBe('pending');
    await configure({ preModeration: 'off' });
  });

  it('refuses the same text twice in a row', async () => {
    await post(cleo, { key: 'repeat-1', body: 'Buy our great product now!' });
    const again = await postRaw(cleo, { key: 'repeat-2', body: 'buy  our GREAT product now' });
    expect(again.status).toBe(422);
    expect((await errorOf(again)).message).toMatch(/same text a moment ago/);
  });

  it('runs again on edit: a clean comment edited to a suspect one is held, and leaves the page', async () => {
    await configure({ suspectWords: ['crypto'] });
    const c = await post(dan, { key: 'edit-held', body: 'Clean words' });
    const edited = await json<Comment>(
      await call(`${DEMO}/comments/${c.id}`, { method: 'PATCH', token: dan, body: JSON.stringify({ body: 'crypto now' }) }),
    );
    expect(edited.state).toBe('pending');
    expect((await json<ThreadPage>(await call(`${THREADS}?key=edit-held`, { token: ben }))).items).toEqual([]);
    const banned = await configure({ bannedWords: ['bribe'] });
    expect(banned.status).toBe(200);
    const refused = await call(`${DEMO}/comments/${c.id}`, { method: 'PATCH', token: dan, body: JSON.stringify({ body: 'a bribe' }) });
    expect(refused.status).toBe(422);
    expect((await env.DB.prepare('select body from comments where id = ?').bind(c.id).first())?.body).toBe('crypto now');
  });
});

describe('reader flags', () => {
  it('hide a comment at the threshold until a moderator decides; one flag per person; not your own', async () => {
    await configure({ flagThreshold: 2, suspectWords: [], bannedWords: [] });
    const c = await post(ada, { key: 'flags', body: 'A spicy take' });
    const flag = (t: string, reason = 'abuse') =>
      call(`${DEMO}/comments/${c.id}/flags`, { method: 'POST', token: t, body: JSON.stringify({ reason }) });
    expect((await flag(ada)).status).toBe(400);
    expect(await json(await flag(ben))).toEqual({ hidden: false });
    expect(await json(await flag(ben, 'spam'))).toEqual({ hidden: false });
    expect(commentIn(await queue('reason=flagged'), c.id)).toMatchObject({
      reason: 'flagged',
      flags: [{ reason: 'spam', count: 1 }],
    });
    expect(await json(await flag(cleo))).toEqual({ hidden: true });
    expect((await json<ThreadPage>(await call(`${THREADS}?key=flags`, { token: dan }))).items).toEqual([]);
    const item = commentIn(await queue('reason=pending'), c.id);
    expect(item).toMatchObject({ reason: 'pending', detail: '1 × abuse, 1 × spam' });
    expect((await call(`${DEMO}/comments/${c.id}/flags`, { method: 'POST', token: dan, body: '{"reason":"nonsense"}' })).status).toBe(400);

    // The author cannot edit their way out of a flag hide.
    const edited = await json<Comment>(
      await call(`${DEMO}/comments/${c.id}`, { method: 'PATCH', token: ada, body: JSON.stringify({ body: 'A milder take' }) }),
    );
    expect(edited.state).toBe('pending');

    await decide(c.id, { action: 'approve' });
    const after = await json<ThreadPage>(await call(`${THREADS}?key=flags`, { token: dan }));
    expect(after.items.map((i) => i.id)).toEqual([c.id]);
    expect((await queue()).items.map(idOf)).not.toContain(c.id);
  });

  it('a rejection removes the comment, needs a reason, and is audited', async () => {
    const c = await post(ben, { key: 'reject', body: 'Off-topic rant' });
    const noReason = await decide(c.id, { action: 'reject' });
    expect(noReason.status).toBe(400);
    expect(await json(await decide(c.id, { action: 'reject', reason: 'Off topic for this page' }))).toMatchObject({
      state: 'removed',
      body: null,
    });
    expect((await call(`${DEMO}/comments/${c.id}`, { token: cleo })).status).toBe(404);
    expect((await auditLog()).items[0]).toMatchObject({ action: 'reject', reason: 'Off topic for this page', target: { id: c.id } });
    expect((await decide(c.id, { action: 'approve' })).status).toBe(409);
  });
});

describe('bans and time-outs', () => {
  it('stop a person from posting, say until when and why, and are lifted', async () => {
    const c = await post(dan, { key: 'bans', body: 'Hello' });
    const userId = (await env.DB.prepare('select author_id from comments where id = ?').bind(c.id).first<{ author_id: string }>())
      ?.author_id;
    const restrict = (body: unknown, t = mod) =>
      call(`${DEMO}/users/${userId}/restriction`, { method: 'PUT', token: t, body: JSON.stringify(body) });

    expect((await restrict({ reason: 'x' }, ada)).status).toBe(403);
    expect((await restrict({ reason: 'Cool down', until: '2000-01-01T00:00:00Z' })).status).toBe(400);
    const until = new Date(Date.now() + 3_600_000).toISOString();
    expect(await json(await restrict({ reason: 'Cool down', until }))).toEqual({ restrictedUntil: until });
    const blocked = await postRaw(dan, { key: 'bans', body: 'Still here?' });
    expect(blocked.status).toBe(403);
    expect((await errorOf(blocked)).message).toBe(`A moderator paused your posting until ${until}. Reason: Cool down`);
    expect(await json(await restrict({ reason: 'Repeated abuse' }))).toEqual({ restrictedUntil: 'forever' });
    expect((await errorOf(await postRaw(dan, { key: 'bans', body: 'x' }))).message).toMatch(
      /banned you from posting\. Reason: Repeated abuse/,
    );
    expect((await call(`${DEMO}/comments/${c.id}`, { method: 'PATCH', token: dan, body: '{"body":"edit"}' })).status).toBe(403);
    // Nor may a banned person flag others' comments (flags hide them).
    const other = await post(ada, { key: 'bans', body: 'A comment to flag' });
    const flag = await call(`${DEMO}/comments/${other.id}/flags`, { method: 'POST', token: dan, body: '{"reason":"spam"}' });
    expect(flag.status).toBe(403);
    expect(await env.DB.prepare('select count(*) as n from comment_flags where comment_id = ?').bind(other.id).first()).toEqual({ n: 0 });
    // Lifting a restriction of nobody is a 404 and leaves no audit entry.
    expect((await call(`${DEMO}/users/nobody/restriction`, { method: 'DELETE', token: mod })).status).toBe(404);

    expect((await call(`${DEMO}/users/${userId}/restriction`, { method: 'DELETE', token: mod })).status).toBe(204);
    expect((await postRaw(dan, { key: 'bans', body: 'I am back' })).status).toBe(201);
    const actions = (await auditLog()).items.slice(0, 3).map((e) => e.action);
    expect(actions).toEqual(['lift_restriction', 'ban', 'timeout']);
    expect((await call(`${DEMO}/users/nobody/restriction`, { method: 'PUT', token: mod, body: '{"reason":"x"}' })).status).toBe(404);
  });

  it('are listed for moderators: time-outs soonest to end first, bans last, by whom, a page at a time; lifted or ended ones gone', async () => {
    const people = ['r1', 'r2', 'r3'].map((k) => ({ k, t: token({ sub: `demo|${k}`, name: `Restricted ${k}` }) }));
    const ids: Record<string, string> = {};
    for (const p of people) {
      const c = await post(await p.t, { key: 'restrictions', body: `Hello from ${p.k}` });
      ids[p.k] =
        (await env.DB.prepare('select author_id from comments where id = ?').bind(c.id).first<{ author_id: string }>())?.author_id ?? '';
    }
    const restrict = (k: string, body: unknown, t = mod) =>
      call(`${DEMO}/users/${ids[k]}/restriction`, { method: 'PUT', token: t, body: JSON.stringify(body) });
    const later = new Date(Date.now() + 7_200_000).toISOString();
    const sooner = new Date(Date.now() + 3_600_000).toISOString();
    expect((await restrict('r1', { reason: 'For good' }, admin)).status).toBe(200);
    expect((await restrict('r2', { reason: 'Two hours', until: later })).status).toBe(200);
    // Restricted again by someone else: the latest restriction names who set it.
    expect((await restrict('r3', { reason: 'Earlier', until: later }, admin)).status).toBe(200);
    expect((await restrict('r3', { reason: 'One hour', until: sooner })).status).toBe(200);
    // One that has ended is not listed.
    await env.DB.prepare('update users set restricted_until = ?, restriction_reason = ? where tenant_id = ? and id = ?')
      .bind(Date.now() - 1000, 'Ended', 'demo-tenant', ids.r2)
      .run();

    type Restricted = { userId: string; name: string; restrictedUntil: string; reason: string | null; restrictedBy: string | null };
    const list = async (query = '', t = mod) => call(`${DEMO}/moderation/restrictions${query}`, { token: t });
    const ours = (items: Restricted[]) => items.filter((p) => Object.values(ids).includes(p.userId));
    const all = await json<Page<Restricted>>(await list('?limit=100'));
    expect(ours(all.items)).toEqual([
      {
        userId: ids.r3,
        name: 'Restricted r3',
        handle: expect.any(String),
        restrictedUntil: sooner,
        reason: 'One hour',
        restrictedBy: 'Mo Derator',
      },
      {
        userId: ids.r1,
        name: 'Restricted r1',
        handle: expect.any(String),
        restrictedUntil: 'forever',
        reason: 'For good',
        restrictedBy: 'Ad Min',
      },
    ]);
    const first = await json<Page<Restricted>>(await list('?limit=1'));
    expect(first.items).toHaveLength(1);
    const rest = await json<Page<Restricted>>(await list(`?limit=100&cursor=${encodeURIComponent(first.nextCursor ?? '')}`));
    expect([...first.items, ...rest.items]).toEqual(all.items);

    expect((await call(`${DEMO}/users/${ids.r1}/restriction`, { method: 'DELETE', token: mod })).status).toBe(204);
    expect(ours((await json<Page<Restricted>>(await list('?limit=100'))).items).map((p) => p.userId)).toEqual([ids.r3]);
    expect((await list('', await (people[0] as { t: Promise<string> }).t)).status).toBe(403);
  });
});

describe('the order of roles', () => {
  const restrict = (userId: string | undefined, t: string, body: unknown = { reason: 'Testing the order of roles' }) =>
    call(`${DEMO}/users/${userId}/restriction`, { method: 'PUT', token: t, body: JSON.stringify(body) });
  const userId = async (subject: string) =>
    (await env.DB.prepare("select id from users where tenant_id = 'demo-tenant' and subject = ?").bind(subject).first<{ id: string }>())
      ?.id;

  it('a moderator cannot ban or time out an admin — by claims or by grant — nor themselves; the refusal is a 403 and changes nothing', async () => {
    await post(admin, { key: 'roles', body: 'An admin was here' });
    const boss = await userId('boss');
    const banned = await restrict(boss, mod);
    expect(banned.status).toBe(403);
    expect(await errorOf(banned)).toMatchObject({
      code: 'forbidden',
      reason: 'forbidden.restrict_higher_role',
      params: { current: 'moderator', role: 'admin' },
      message: expect.stringMatching(/their role, admin, ranks above yours/),
    });
    const until = new Date(Date.now() + 3_600_000).toISOString();
    expect((await restrict(boss, mod, { reason: 'Cool down', until })).status).toBe(403);

    // An admin by an admin's grant, whose token carries no role at all.
    const granted = await token({ sub: 'granted-admin', name: 'Gran Ted' });
    await post(granted, { key: 'roles', body: 'Granted, not claimed' });
    const grant = await call(`${DEMO}/roles/granted-admin`, { method: 'PUT', token: admin, body: '{"role":"admin"}' });
    expect(grant.status).toBe(200);
    expect((await restrict(await userId('granted-admin'), mod)).status).toBe(403);

    await post(mod, { key: 'roles', body: 'A moderator was here' });
    const self = await restrict(await userId('mod'), mod);
    expect(self.status).toBe(403);
    expect((await errorOf(self)).message).toBe('You cannot ban or time out yourself.');
    const standing = await env.DB.prepare(
      "select count(*) as n from users where tenant_id = 'demo-tenant' and restricted_until is not null and subject in ('boss', 'granted-admin', 'mod')",
    ).first();
    expect(standing).toEqual({ n: 0 });
  });

  it('the other way round is allowed: an admin times out a moderator, and a moderator another moderator', async () => {
    await post(mod, { key: 'roles', body: 'Still here' });
    const until = new Date(Date.now() + 3_600_000).toISOString();
    expect(await json(await restrict(await userId('mod'), admin, { reason: 'Cool down', until }))).toEqual({ restrictedUntil: until });
    expect((await call(`${DEMO}/users/${await userId('mod')}/restriction`, { method: 'DELETE', token: admin })).status).toBe(204);
    const peer = await token({ sub: 'mod-2', name: 'Peer Moderator', extra: { roles: ['Bridgekit.Moderator'] } });
    await post(peer, { key: 'roles', body: 'Another moderator' });
    expect((await restrict(await userId('mod-2'), mod, { reason: 'Cool down', until })).status).toBe(200);
  });
});

describe('the audit log', () => {
  it('is for admins, newest first, page by page', async () => {
    expect((await call(`${DEMO}/moderation/audit-log`, { token: mod })).status).toBe(403);
    const all = await auditLog();
    expect(all.items.length).toBeGreaterThan(5);
    const first = await json<Page<AuditEntry>>(await call(`${DEMO}/moderation/audit-log?limit=2`, { token: admin }));
    const second = await json<Page<AuditEntry>>(
      await call(`${DEMO}/moderation/audit-log?limit=2&cursor=${first.nextCursor}`, { token: admin }),
    );
    expect([...first.items, ...second.items].map((e) => e.id)).toEqual(all.items.slice(0, 4).map((e) => e.id));
  });
});
