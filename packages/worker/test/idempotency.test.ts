/**
 * Idempotency keys on writes (middleware/idempotency.ts): a retry with the same key gets the first
 * answer and writes nothing; the key is refused on another request, answered 409 while its first
 * request holds it, scoped to the caller and the tenant, kept a day and erased with its person.
 */
import { env } from 'cloudflare:workers';
import type { Comment, ErrorBody, VoteState } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../src/lib/digest.ts';
import { IDEMPOTENCY_LEASE_MS } from '../src/store/idempotency.ts';
import { recorder, runCron } from './delivery-queue.ts';
import { call, commentsIn, DEMO, errorOf, json, ORIGIN, seedOtherTenant, token } from './helpers.ts';

const THREADS = `${DEMO}/threads/comments`;
const DAY = 24 * 60 * 60 * 1000;
let ada: string;
let ben: string;

beforeAll(async () => {
  [ada, ben] = await Promise.all([
    token({ sub: 'idem-ada', name: 'Ada Lovelace', bu: 'Finance' }),
    token({ sub: 'idem-ben', name: 'Ben Okoro', bu: 'Sales' }),
  ]);
});

const postComment = (t: string, key: string | undefined, input: Record<string, unknown>) =>
  call(THREADS, {
    method: 'POST',
    token: t,
    headers: key === undefined ? {} : { 'idempotency-key': key },
    body: JSON.stringify(input),
  });

const keyRows = (caller: string) =>
  env.DB.prepare('select tenant_id, key, status from idempotency_keys where caller = ? order by key').bind(caller).all();

describe('Idempotency-Key', () => {
  it('replays the first answer to a retry, which writes nothing', async () => {
    const input = { key: 'idem-replay', body: 'Sent once, whatever the network does.' };
    const first = await postComment(ada, 'replay-0001', input);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const created = await json<Comment>(first);

    // Quoted (an sf-string, as the draft writes it) or bare: the same key.
    for (const key of ['replay-0001', '"replay-0001"']) {
      const again = await postComment(ada, key, input);
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(await json<Comment>(again)).toEqual(created);
    }
    expect(await commentsIn('idem-replay')).toBe(1);
    expect((await keyRows('idem-ada')).results).toContainEqual({ tenant_id: 'demo-tenant', key: 'replay-0001', status: 201 });
  });

  it('keeps a 4xx answer too, and replays it', async () => {
    const first = await postComment(ada, 'invalid-0001', { key: 'idem-invalid', body: '' });
    expect(first.status).toBe(400);
    const error = await errorOf(first);
    const again = await postComment(ada, 'invalid-0001', { key: 'idem-invalid', body: '' });
    expect(again.status).toBe(400);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    // The first answer exactly: its body names the first request's log line.
    expect((await json<ErrorBody>(again)).error).toEqual(error);
    expect((await keyRows('idem-ada')).results).toContainEqual({ tenant_id: 'demo-tenant', key: 'invalid-0001', status: 400 });
  });

  it('refuses the key on another request (422) and writes nothing', async () => {
    expect((await postComment(ada, 'reused-0001', { key: 'idem-reused', body: 'First' })).status).toBe(201);
    const other = await postComment(ada, 'reused-0001', { key: 'idem-reused', body: 'Something else' });
    expect(other.status).toBe(422);
    expect((await errorOf(other)).reason).toBe('conflict.idempotency_key_reused');
    const elsewhere = await call(`${DEMO}/ideas/demo-idea-invoice/vote`, {
      method: 'PUT',
      token: ada,
      headers: { 'idempotency-key': 'reused-0001' },
      body: JSON.stringify({ votes: 1 }),
    });
    expect(elsewhere.status).toBe(422);
    expect(await commentsIn('idem-reused')).toBe(1);
  });

  it('answers 409 with Retry-After while the first request holds the key, and never writes twice', async () => {
    const input = { key: 'idem-in-flight', body: 'Still running' };
    // The first request's write committed with its claim, but its answer is not stored (yet):
    // what a retry sees while it runs, or after its Worker died before storing the answer.
    const first = await postComment(ada, undefined, input);
    expect(first.status).toBe(201);
    // FIPS 180-2's first example: the request's hash is SHA-256 in lowercase hex.
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const request = `POST /v1/tenants/demo/threads/comments sha256:${await sha256Hex(JSON.stringify(input))}`;
    await env.DB.prepare(
      "insert into idempotency_keys (tenant_id, caller, key, request) values ('demo-tenant', 'idem-ada', 'flight-0001', ?)",
    )
      .bind(request)
      .run();

    const retry = await postComment(ada, 'flight-0001', input);
    expect(retry.status).toBe(409);
    expect(retry.headers.get('retry-after')).toBe('1');
    expect((await errorOf(retry)).reason).toBe('conflict.idempotency_key_in_flight');
    expect(await commentsIn('idem-in-flight')).toBe(1);
    // Another request with the held key is refused as a reuse, not as in flight.
    expect((await postComment(ada, 'flight-0001', { ...input, body: 'Other' })).status).toBe(422);
  });

  it('keeps a claim without an answer as in flight for its 30 s lease, then tells a retried POST it was done, never writing twice', async () => {
    const input = { key: 'idem-lapsed', body: 'Posted, then the Worker died' };
    expect((await postComment(ada, undefined, input)).status).toBe(201);
    const request = `POST /v1/tenants/demo/threads/comments sha256:${await sha256Hex(JSON.stringify(input))}`;
    const claimedAgo = (key: string, ms: number) =>
      env.DB.prepare(
        "insert into idempotency_keys (tenant_id, caller, key, request, created_at) values ('demo-tenant', 'idem-ada', ?, ?, ?)",
      )
        .bind(key, request, Date.now() - ms)
        .run();
    await claimedAgo('lapsed-0001', IDEMPOTENCY_LEASE_MS - 2_000);
    await claimedAgo('lapsed-0002', IDEMPOTENCY_LEASE_MS + 1_000);

    const running = await postComment(ada, 'lapsed-0001', input);
    expect(running.status).toBe(409);
    expect((await errorOf(running)).reason).toBe('conflict.idempotency_key_in_flight');
    const lapsed = await postComment(ada, 'lapsed-0002', input);
    expect(lapsed.status).toBe(409);
    expect(lapsed.headers.get('retry-after')).toBeNull();
    expect((await errorOf(lapsed)).reason).toBe('conflict.idempotency_key_applied');
    expect(await commentsIn('idem-lapsed')).toBe(1);
    // Another request with the key is still a reuse.
    expect((await postComment(ada, 'lapsed-0002', { ...input, body: 'Other' })).status).toBe(422);
  });

  it('lets a retried vote take over a claim whose request died without an answer: counted once, its answer kept', async () => {
    const dana = await token({ sub: 'idem-dana', name: 'Dana Idowu', bu: 'Sales' });
    const path = `${DEMO}/ideas/demo-idea-invoice/vote`;
    const body = JSON.stringify({ votes: 1 });
    const vote = (key?: string) => call(path, { method: 'PUT', token: dana, headers: key ? { 'idempotency-key': key } : {}, body });
    // The first request's vote committed with its claim; its Worker died before the answer was stored.
    const first = await json<VoteState>(await vote());
    const request = `PUT /v1/tenants/demo/ideas/demo-idea-invoice/vote sha256:${await sha256Hex(body)}`;
    const claim = (key: string, ago: number) =>
      env.DB.prepare(
        "insert into idempotency_keys (tenant_id, caller, key, request, created_at) values ('demo-tenant', 'idem-dana', ?, ?, ?)",
      )
        .bind(key, request, Date.now() - ago)
        .run();

    // Within the lease: the first may still be running, so the retry waits and writes nothing.
    await claim('vote-0001', 5_000);
    const waiting = await vote('vote-0001');
    expect(waiting.status).toBe(409);
    expect(waiting.headers.get('retry-after')).toBe('1');

    // Past it: two retries at once; one takes the key over and answers, none counts the vote again.
    await claim('vote-0002', IDEMPOTENCY_LEASE_MS + 1_000);
    const retries = await Promise.all([vote('vote-0002'), vote('vote-0002')]);
    const fresh = retries.filter((r) => r.status === 200 && r.headers.get('idempotent-replayed') === null);
    expect(fresh).toHaveLength(1);
    expect(retries.map((r) => r.status).every((s) => s === 200 || s === 409)).toBe(true);
    const taken = await json<VoteState>(fresh[0] as Response);
    expect(taken).toMatchObject({ votes: first.votes, myVotes: 1 });
    const rows = await env.DB.prepare("select key, status from idempotency_keys where caller = 'idem-dana' order by key").all();
    expect(rows.results).toEqual([
      { key: 'vote-0001', status: null },
      { key: 'vote-0002', status: 200 },
    ]);
    const replay = await vote('vote-0002');
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await json<VoteState>(replay)).toEqual(taken);
  });

  it.each([
    ['', 'empty'],
    ['has space', 'a space'],
    ['"unterminated', 'a stray quote'],
    ['x'.repeat(256), 'too long'],
    ['back\\slash', 'a backslash'],
  ])('refuses a bad key (%#: %s) with 400 and writes nothing', async (key, _what) => {
    const res = await postComment(ada, key, { key: 'idem-bad-key', body: 'Never written' });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.reason).toBe('bad_request.idempotency_key');
    expect(error.message).toContain('255');
    expect(await commentsIn('idem-bad-key')).toBe(0);
  });

  it("is the caller's own: another person's same key is a new request", async () => {
    const input = { key: 'idem-people', body: 'Same key, two people' };
    expect((await postComment(ada, 'people-0001', input)).status).toBe(201);
    const bens = await postComment(ben, 'people-0001', input);
    expect(bens.status).toBe(201);
    expect(bens.headers.get('idempotent-replayed')).toBeNull();
    expect(await commentsIn('idem-people')).toBe(2);
  });

  it("is the tenant's own: the same person and key in another tenant is a new request", async () => {
    const { secret } = await seedOtherTenant();
    const inOther = await token({ sub: 'idem-ada', name: 'Ada Lovelace', secret, kid: 'k1' });
    expect((await postComment(ada, 'tenant-0001', { key: 'idem-tenant', body: 'In demo' })).status).toBe(201);
    const res = await call(`${ORIGIN}/v1/tenants/other/ideas/other-idea/vote`, {
      method: 'PUT',
      token: inOther,
      headers: { 'idempotency-key': 'tenant-0001' },
      body: JSON.stringify({ votes: 1 }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
    const rows = await env.DB.prepare("select tenant_id from idempotency_keys where key = 'tenant-0001' order by tenant_id").all();
    expect(rows.results).toEqual([{ tenant_id: 'demo-tenant' }, { tenant_id: 'other-tenant' }]);
  });

  it('lets the CORS preflight allow the header and exposes the replay marker', async () => {
    const res = await call(THREADS, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'idempotency-key' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-headers')).toContain('idempotency-key');
    const posted = await call(THREADS, {
      method: 'POST',
      token: ada,
      headers: { origin: ORIGIN, 'idempotency-key': 'cors-0001' },
      body: JSON.stringify({ key: 'idem-cors', body: 'Read from a page' }),
    });
    expect(posted.status).toBe(201);
    const replay = await call(THREADS, {
      method: 'POST',
      token: ada,
      headers: { origin: ORIGIN, 'idempotency-key': 'cors-0001' },
      body: JSON.stringify({ key: 'idem-cors', body: 'Read from a page' }),
    });
    expect(replay.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(replay.headers.get('access-control-expose-headers')).toContain('idempotent-replayed');
  });

  it('is deleted by the hourly cron once a day old', async () => {
    const now = Date.now();
    await env.DB.batch([
      env.DB.prepare(
        "insert into idempotency_keys (tenant_id, caller, key, request, status, body, created_at) values ('demo-tenant', 'idem-cron', 'old', 'x', 200, '{}', ?)",
      ).bind(now - DAY - 1),
      env.DB.prepare(
        "insert into idempotency_keys (tenant_id, caller, key, request, status, body, created_at) values ('demo-tenant', 'idem-cron', 'young', 'x', 200, '{}', ?)",
      ).bind(now - DAY + 60_000),
    ]);
    await runCron('0 * * * *', recorder(), now);
    expect((await keyRows('idem-cron')).results).toEqual([{ tenant_id: 'demo-tenant', key: 'young', status: 200 }]);
  });

  it("goes with its person's erasure", async () => {
    const cleo = await token({ sub: 'idem-cleo', name: 'Cleo Park', bu: 'IT' });
    expect((await postComment(cleo, 'erase-0001', { key: 'idem-erase', body: 'Mine' })).status).toBe(201);
    expect((await postComment(ben, 'erase-0001', { key: 'idem-erase', body: 'His' })).status).toBe(201);
    expect((await keyRows('idem-cleo')).results).toHaveLength(1);
    const erased = await call(`${DEMO}/me/erase`, { method: 'POST', token: cleo, body: JSON.stringify({ confirm: true }) });
    expect(erased.status).toBe(200);
    expect((await keyRows('idem-cleo')).results).toEqual([]);
    expect((await keyRows('idem-ben')).results.map((r) => r.key)).toContain('erase-0001');
  });
});
