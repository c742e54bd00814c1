import { env, exports } from 'cloudflare:workers';
import type { Comment, LiveEvent, LiveTicket } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueTicket } from '../src/live/tickets.ts';
import { call, DEMO, errorOf, json, ORIGIN, token } from './helpers.ts';

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
}

/** Opens the live socket the way a widget does: ticket from the API, then the WebSocket upgrade. */
async function listen(threadId: string, headers: Record<string, string> = {}): Promise<Listener> {
  const ticket = await json<LiveTicket>(await call(`${DEMO}/threads/${threadId}/live`, { method: 'POST', token: ben }));
  const res = await exports.default.fetch(
    new Request(ticket.url.replace(/^ws/, 'http'), { headers: { upgrade: 'websocket', ...headers } }),
  );
  expect(res.status).toBe(101);
  const socket = res.webSocket as WebSocket;
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
    next: (n = 1) =>
      new Promise((resolve) => {
        if (received.length - consumed >= n) {
          resolve(received.slice(consumed, consumed + n));
          consumed += n;
        } else waiters.push({ n, resolve });
      }),
  };
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
    const open = (url: string, headers: Record<string, string> = { upgrade: 'websocket' }) =>
      exports.default.fetch(new Request(url, { headers }));

    const forged = await open(`${ORIGIN}/v1/live?ticket=abc.def`);
    expect(forged.status).toBe(401);
    expect((await errorOf(forged)).message).toMatch(/invalid or expired/);

    const expired = await issueTicket(env.BRIDGEKIT_SECRET_KEY, { tenant: 'demo', thread: first.threadId }, Date.now() - 120_000);
    expect((await open(`${ORIGIN}/v1/live?ticket=${expired.ticket}`)).status).toBe(401);

    const wrongKey = await issueTicket('A'.repeat(43), { tenant: 'demo', thread: first.threadId });
    expect((await open(`${ORIGIN}/v1/live?ticket=${wrongKey.ticket}`)).status).toBe(401);

    const good = await json<LiveTicket>(await call(`${DEMO}/threads/${first.threadId}/live`, { method: 'POST', token: ada }));
    const httpUrl = good.url.replace(/^ws/, 'http');
    expect((await open(httpUrl, { upgrade: 'websocket', origin: 'https://evil.example' })).status).toBe(403);
    expect((await open(httpUrl, {})).status).toBe(426);
    expect(good.url).toMatch(/^wss:\/\/bridgekit\.test\/v1\/live\?ticket=/);
    expect((await call(`${DEMO}/threads/nope/live`, { method: 'POST', token: ada })).status).toBe(404);
  });
});
