import { evictDurableObject, runDurableObjectAlarm } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { Comment, LiveEvent, LiveTicket, ThreadActivity } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT } from '../src/dev/demo-data.ts';
import { liveObjectName } from '../src/live/notify.ts';
import { CLOSE_ACCESS_CHANGED, CLOSE_TOO_MANY, MAX_SOCKETS_PER_HOLDER } from '../src/live/thread-live.ts';
import { issueTicket } from '../src/live/tickets.ts';
import { admin, call, DEMO, errorOf, json, ORIGIN, token, workerFetch } from './helpers.ts';

const THREADS = `${DEMO}/threads/comments`;
let ada: string;
let ben: string;

beforeAll(async () => {
  [ada, ben] = await Promise.all([token({ sub: 'ada', name: 'Ada Lovelace' }), token({ sub: 'ben', name: 'Ben Okoro' })]);
});

async function post(t: string, input: Record<string, unknown>): Promise<Comment> {
  const res = await call(THREADS, { method: 'POST', token: t, body: JSON.stringify(input) });
  if (res.status !== 201) throw new Error(`post failed: ${res.status} ${await res.text()}`);
  return json<Comment>(res);
}

interface Listener {
  socket: WebSocket;
  /** Resolves with the next `n` events. */
  next(n?: number): Promise<LiveEvent[]>;
  received: LiveEvent[];
  /** Resolves when the server closes the socket. */
  closed: Promise<{ code: number; reason: string }>;
  isClosed(): boolean;
}

/** A live ticket, as a widget asks for one (`token` null: anonymous). */
async function ticketFor(threadId: string, t: string | null = ben): Promise<LiveTicket> {
  const res = await call(`${DEMO}/threads/${threadId}/live`, { method: 'POST', ...(t ? { token: t } : {}) });
  if (res.status !== 200) throw new Error(`ticket failed: ${res.status} ${await res.text()}`);
  return json<LiveTicket>(res);
}

const openSocket = (ticket: LiveTicket, headers: Record<string, string> = {}) =>
  workerFetch(new Request(ticket.url.replace(/^ws/, 'http'), { headers: { upgrade: 'websocket', ...headers } }));

/** Opens the live socket the way a widget does: ticket from the API, then the WebSocket upgrade. */
async function listen(threadId: string, options: { token?: string | null; headers?: Record<string, string> } = {}): Promise<Listener> {
  const res = await openSocket(await ticketFor(threadId, options.token === undefined ? ben : options.token), options.headers);
  expect(res.status).toBe(101);
  const socket = res.webSocket as WebSocket;
  let closedWith: { code: number; reason: string } | null = null;
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.addEventListener('close', (event) => {
      closedWith = { code: event.code, reason: event.reason };
      resolve(closedWith);
    }),
  );
  socket.accept();
  const received: LiveEvent[] = [];
  let waiters: { n: number; resolve: (events: LiveEvent[]) => void }[] = [];
  let consumed = 0;
  socket.addEventListener('message', (event) => {
    if (event.data === 'pong') return;
    received.push(JSON.parse(String(event.data)) as LiveEvent);
    waiters = waiters.filter((w) => {
      if (received.length - consumed < w.n) return true;
      w.resolve(received.slice(consumed, consumed + w.n));
      consumed += w.n;
      return false;
    });
  });
  return {
    socket,
    received,
    closed,
    isClosed: () => closedWith !== null,
    next: (n = 1) =>
      new Promise((resolve) => {
        if (received.length - consumed >= n) {
          resolve(received.slice(consumed, consumed + n));
          consumed += n;
        } else waiters.push({ n, resolve });
      }),
  };
}

const liveObject = (threadId: string) => env.THREAD_LIVE?.get(env.THREAD_LIVE.idFromName(liveObjectName(DEMO_TENANT.id, threadId)));

/** Runs the thread's access re-check now (in production: every 30 seconds while sockets are open). */
async function recheck(threadId: string): Promise<void> {
  const stub = liveObject(threadId);
  if (!stub) throw new Error('THREAD_LIVE is not bound');
  expect(await runDurableObjectAlarm(stub)).toBe(true);
}

/** A round trip through the socket: every close frame sent before it has arrived. */
async function roundTrip(l: Listener): Promise<void> {
  await new Promise<void>((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (event.data !== 'pong') return;
      l.socket.removeEventListener('message', onMessage);
      resolve();
    };
    l.socket.addEventListener('message', onMessage);
    l.socket.send('ping');
  });
}

async function userIdOf(subject: string): Promise<string> {
  const row = await env.DB.prepare('select id from users where subject = ?').bind(subject).first<{ id: string }>();
  if (!row) throw new Error(`no user ${subject}`);
  return row.id;
}

describe('live updates', () => {
  it('announce new comments, edits, reactions and removals to every connected reader', async () => {
    const first = await post(ada, { key: 'live', body: 'Opening' });
    const a = await listen(first.threadId);
    const b = await listen(first.threadId);

    const reply = await post(ada, { key: 'live', body: 'A reply', parentId: first.id });
    const [created, parentUpdated] = await a.next(2);
    expect(created).toEqual({ type: 'comment.created', id: reply.id, parentId: first.id, authorHandle: 'ada.lovelace' });
    expect(parentUpdated).toEqual({ type: 'comment.updated', id: first.id });
    expect(await b.next(2)).toEqual([created, parentUpdated]);

    await call(`${DEMO}/comments/${reply.id}/reactions/insight`, { method: 'PUT', token: ben });
    expect(await a.next()).toEqual([{ type: 'reactions', id: reply.id, reactions: { like: 0, insight: 1, love: 0 } }]);

    await call(`${DEMO}/comments/${reply.id}`, { method: 'PATCH', token: ada, body: JSON.stringify({ body: 'A better reply' }) });
    expect(await a.next()).toEqual([{ type: 'comment.updated', id: reply.id }]);

    await call(`${DEMO}/comments/${reply.id}`, { method: 'DELETE', token: ada });
    expect(await a.next()).toEqual([{ type: 'comment.removed', id: reply.id }]);

    a.socket.send('ping');
    a.socket.close(1000, 'done');
    b.socket.close(1000, 'done');
  });

  it('say nothing of comments held for review until a moderator approves them', async () => {
    const mod = await token({ sub: 'mod', name: 'Mo', extra: { roles: ['Bridgekit.Moderator'] } });
    const admin = await token({ sub: 'boss', name: 'Boss', extra: { roles: ['Bridgekit.Admin'] } });
    const first = await post(ada, { key: 'live-held', body: 'Opening the held thread' });
    const l = await listen(first.threadId);
    await call(`${DEMO}/moderation/settings`, { method: 'PATCH', token: admin, body: JSON.stringify({ suspectWords: ['crypto'] }) });
    const { clearTenantCache } = await import('../src/store/tenants.ts');
    clearTenantCache();
    const held = await post(ben, { key: 'live-held', body: 'crypto payments?' });
    expect(held.state).toBe('pending');
    const visible = await post(ada, { key: 'live-held', body: 'Visible one' });
    // The first event is the visible comment: nothing was sent for the held one.
    expect((await l.next())[0]).toMatchObject({ type: 'comment.created', id: visible.id });
    await call(`${DEMO}/comments/${held.id}/moderation`, { method: 'POST', token: mod, body: '{"action":"approve"}' });
    expect((await l.next())[0]).toMatchObject({ type: 'comment.created', id: held.id });
    l.socket.close(1000, 'done');
  });

  it('refuse sockets without a valid ticket, from pages the tenant does not allow, or without an upgrade', async () => {
    const first = await post(ada, { key: 'live-refusals', body: 'Opening the refusals thread' });
    const open = (url: string, headers: Record<string, string> = { upgrade: 'websocket' }) => workerFetch(new Request(url, { headers }));

    const forged = await open(`${ORIGIN}/v1/live?ticket=abc.def`);
    expect(forged.status).toBe(401);
    expect((await errorOf(forged)).message).toMatch(/invalid or expired/);

    const holder = { kind: 'user', subject: 'ada' } as const;
    const expired = await issueTicket(env.BRIDGEKIT_SECRET_KEY, { tenant: 'demo', thread: first.threadId, holder }, Date.now() - 120_000);
    expect((await open(`${ORIGIN}/v1/live?ticket=${expired.ticket}`)).status).toBe(401);

    const wrongKey = await issueTicket('A'.repeat(43), { tenant: 'demo', thread: first.threadId, holder });
    expect((await open(`${ORIGIN}/v1/live?ticket=${wrongKey.ticket}`)).status).toBe(401);

    const good = await json<LiveTicket>(await call(`${DEMO}/threads/${first.threadId}/live`, { method: 'POST', token: ada }));
    const httpUrl = good.url.replace(/^ws/, 'http');
    expect((await open(httpUrl, { upgrade: 'websocket', origin: 'https://evil.example' })).status).toBe(403);
    expect((await open(httpUrl, {})).status).toBe(426);
    expect(good.url).toMatch(/^wss:\/\/bridgekit\.test\/v1\/live\?ticket=/);
    expect((await call(`${DEMO}/threads/nope/live`, { method: 'POST', token: ada })).status).toBe(404);
  });
  it('open one socket per ticket', async () => {
    const first = await post(ada, { key: 'live-once', body: 'Opening the one-socket thread' });
    const ticket = await ticketFor(first.threadId);
    const opened = await openSocket(ticket);
    expect(opened.status).toBe(101);
    opened.webSocket?.accept();
    for (const again of await Promise.all(Array.from({ length: 5 }, () => openSocket(ticket)))) {
      expect(again.status).toBe(401);
      expect(await errorOf(again)).toMatchObject({
        code: 'invalid_token',
        reason: 'invalid_token.live_ticket_used',
        message: expect.stringMatching(/used already/),
      });
    }
    expect(await liveObject(first.threadId)?.connections()).toBe(1);
    // A new ticket opens the next one.
    expect((await openSocket(await ticketFor(first.threadId))).status).toBe(101);
    opened.webSocket?.close(1000, 'done');
  });

  it('close the socket of a person a moderator restricts, and give them none while it lasts', async () => {
    const carl = await token({ sub: 'carl', name: 'Carl Friedrich' });
    const first = await post(carl, { key: 'live-restricted', body: 'Carl opens the thread' });
    const carlSocket = await listen(first.threadId, { token: carl });
    const benSocket = await listen(first.threadId, { token: ben });
    const spareTicket = await ticketFor(first.threadId, carl);
    // Nothing changed: the check keeps both.
    await recheck(first.threadId);
    await roundTrip(carlSocket);
    expect(carlSocket.isClosed()).toBe(false);

    const restriction = `${DEMO}/users/${await userIdOf('carl')}/restriction`;
    const until = new Date(Date.now() + 3_600_000).toISOString();
    expect((await admin(restriction, 'PUT', { reason: 'Cool down', until })).status).toBe(200);
    await recheck(first.threadId);
    expect(await carlSocket.closed).toEqual({ code: CLOSE_ACCESS_CHANGED, reason: 'A moderator restricted you.' });
    await roundTrip(benSocket);
    expect(benSocket.isClosed()).toBe(false);

    // A ticket issued before the time-out opens a socket only to say so.
    const late = await openSocket(spareTicket);
    expect(late.status).toBe(101);
    const lateSocket = late.webSocket as WebSocket;
    const lateClose = new Promise<number>((resolve) => lateSocket.addEventListener('close', (e) => resolve(e.code)));
    lateSocket.accept();
    expect(await lateClose).toBe(CLOSE_ACCESS_CHANGED);

    const refused = await call(`${DEMO}/threads/${first.threadId}/live`, { method: 'POST', token: carl });
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).message).toMatch(/A moderator restricted you.*Poll the activity endpoint/);

    expect((await admin(restriction, 'DELETE')).status).toBe(204);
    const again = await listen(first.threadId, { token: carl });
    await recheck(first.threadId);
    await roundTrip(again);
    expect(again.isClosed()).toBe(false);
    for (const l of [again, benSocket]) l.socket.close(1000, 'done');
  });

  it('close anonymous sockets when anonymous reading is turned off, and those of a revoked key or a removed origin', async () => {
    const first = await post(ada, { key: 'live-access', body: 'Opening the access thread' });
    const newsOrigin = 'https://news.contoso.example';
    expect((await admin(`${DEMO}/origins`, 'POST', { origin: newsOrigin })).status).toBe(200);
    const { clearTenantCache } = await import('../src/store/tenants.ts');
    clearTenantCache();
    const key = await json<{ id: string; key: string }>(await admin(`${DEMO}/api-keys`, 'POST', { name: 'Live reader', scopes: ['read'] }));

    const anonymous = await listen(first.threadId, { token: null });
    const signedIn = await listen(first.threadId, { token: ben });
    const byKey = await listen(first.threadId, { token: key.key });
    const fromNews = await listen(first.threadId, { token: ben, headers: { origin: newsOrigin } });

    await admin(`${DEMO}/settings`, 'PATCH', { anonymousRead: false });
    try {
      expect((await admin(`${DEMO}/api-keys/${key.id}`, 'DELETE')).status).toBe(200);
      expect((await admin(`${DEMO}/origins?origin=${encodeURIComponent(newsOrigin)}`, 'DELETE')).status).toBe(200);
      await recheck(first.threadId);
      expect(await anonymous.closed).toEqual({ code: CLOSE_ACCESS_CHANGED, reason: 'Sign in to follow this thread.' });
      expect(await byKey.closed).toEqual({ code: CLOSE_ACCESS_CHANGED, reason: 'The API key was revoked.' });
      expect(await fromNews.closed).toEqual({ code: CLOSE_ACCESS_CHANGED, reason: 'This page’s origin is no longer allowed.' });
      await roundTrip(signedIn);
      expect(signedIn.isClosed()).toBe(false);
      signedIn.socket.close(1000, 'done');
    } finally {
      await admin(`${DEMO}/settings`, 'PATCH', { anonymousRead: true });
    }
  });

  it('lose no comment when the thread’s live object restarts mid-stream: a reader that reconnects with its activity cursor gets each one once', async () => {
    const first = await post(ada, { key: 'live-restart', body: 'Opening the restart thread' });
    const { threadId } = first;
    const stub = liveObject(threadId);
    if (!stub) throw new Error('THREAD_LIVE is not bound');
    const activity = async (since: string) =>
      json<ThreadActivity>(await call(`${DEMO}/threads/${threadId}/activity?since=${encodeURIComponent(since)}`, { token: ben }));
    // The reader as <bk-thread> is one (thread-live.ts in the widgets): the page it loaded, then
    // new ids from the socket and from each catch-up, an id it already has dropped.
    const shown = [first.id];
    const fromSocket: string[] = [];
    const show = (ids: string[]) => {
      for (const id of ids) if (!shown.includes(id)) shown.push(id);
    };
    const created = (events: LiveEvent[]) => events.flatMap((e) => (e.type === 'comment.created' ? [e.id] : []));
    const say = (body: string) => post(ada, { key: 'live-restart', body });
    const loadedAt = new Date().toISOString();

    const a = await listen(threadId);
    show((await activity(loadedAt)).created);
    const before = [await say('Before the restart 1'), await say('Before the restart 2')];
    const early = created(await a.next(2));
    fromSocket.push(...early);
    show(early);

    // An eviction that hibernates the sockets (the runtime's ordinary restart) loses nothing.
    const during = say('While the object is evicted');
    await evictDurableObject(stub);
    const hibernated = [await during, await say('After the eviction')];
    const kept = created(await a.next(2));
    fromSocket.push(...kept);
    show(kept);

    // A restart that drops the sockets (a deploy, a crash) while comments are being posted.
    const racing = [say('Racing the restart 1'), say('Racing the restart 2')];
    await evictDurableObject(stub, { webSockets: 'close' });
    racing.push(say('Racing the restart 3'));
    await a.closed;
    // Whatever reached the socket before it closed.
    const last = created(a.received).filter((id) => !fromSocket.includes(id));
    fromSocket.push(...last);
    show(last);
    // The reader's cursor: when it saw the socket go (the answers overlap by a few seconds).
    const cursor = new Date().toISOString();
    const raced = await Promise.all(racing);
    const whileAway = [await say('While nobody listens 1'), await say('While nobody listens 2')];

    // Reconnect: a new ticket and socket, then catch up from the cursor.
    const b = await listen(threadId);
    const caughtUp = await activity(cursor);
    show(caughtUp.created);
    const after = await say('After reconnecting');
    const latest = created(await b.next());
    fromSocket.push(...latest);
    show(latest);

    const posted = [first, ...before, ...hibernated, ...raced, ...whileAway, after].map((c) => c.id);
    expect(new Set(shown)).toEqual(new Set(posted));
    expect(shown).toHaveLength(posted.length);
    // No socket announced a comment twice, and the new socket none from before it opened.
    expect(new Set(fromSocket).size).toBe(fromSocket.length);
    expect(latest).toEqual([after.id]);
    // The catch-up holds every comment posted while no socket was open.
    expect(caughtUp.created).toEqual(expect.arrayContaining(whileAway.map((c) => c.id)));
    b.socket.close(1000, 'done');
  });

  it(`keep at most ${MAX_SOCKETS_PER_HOLDER} sockets per person on a thread, closing the oldest`, async () => {
    const first = await post(ada, { key: 'live-tabs', body: 'Opening the many-tabs thread' });
    const tabs: Listener[] = [];
    for (let i = 0; i < MAX_SOCKETS_PER_HOLDER; i++) tabs.push(await listen(first.threadId, { token: ada }));
    const anonymous = await listen(first.threadId, { token: null });
    const newest = await listen(first.threadId, { token: ada });
    expect(await tabs[0]?.closed).toEqual({ code: CLOSE_TOO_MANY, reason: 'Too many live connections to this thread.' });
    for (const l of [...tabs.slice(1), newest, anonymous]) {
      await roundTrip(l);
      expect(l.isClosed()).toBe(false);
      l.socket.close(1000, 'done');
    }
  });
});
