/**
 * D1 failing under a request, as it does in production (faulty-d1.ts: D1's own errors on a
 * chosen round trip): each write, with each of its round trips failed in turn, answers 503 with
 * `Retry-After` in the one error shape and leaves every table as it was; the same request then
 * succeeds. Reads answer the same 503; D1's non-transient errors stay a logged 500.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { Comment, Idea, PracticeCard } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { app } from '../src/app.ts';
import { EXAMPLE_CARDS } from '../src/cards/templates/examples.ts';
import { transientDatabaseRetry } from '../src/errors.ts';
import { clearTenantCache } from '../src/store/tenants.ts';
import { documented } from './contract.ts';
import { D1_FAULTS, type D1Fault, d1Error, type FaultPlan, faultyD1 } from './faulty-d1.ts';
import { call, DEMO, errorOf, json, token } from './helpers.ts';

const FAULTS = Object.keys(D1_FAULTS) as D1Fault[];

interface Req {
  method: string;
  url: string;
  token?: string;
  body?: unknown;
}

const toRequest = (r: Req) =>
  new Request(r.url, {
    method: r.method,
    headers: {
      ...(r.token ? { authorization: `Bearer ${r.token}` } : {}),
      ...(r.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(r.body === undefined ? {} : { body: JSON.stringify(r.body) }),
  });

/** The app with D1 failing as planned; every answer is checked against the OpenAPI document. */
async function send(r: Req, plan: FaultPlan) {
  const { db, log } = faultyD1(env.DB, plan);
  const ctx = createExecutionContext();
  const request = toRequest(r);
  const res = await documented(request, app.fetch(request, { ...env, DB: db }, ctx));
  await waitOnExecutionContext(ctx);
  return { res, log };
}

/** Every row of every table (D1's and SQLite's own aside), in one round trip, comparable. */
async function snapshot(): Promise<Record<string, string[]>> {
  const { results } = await env.DB.prepare(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%' and name <> 'd1_migrations' order by name",
  ).all<{ name: string }>();
  const names = results.map((r) => r.name);
  const tables = await env.DB.batch(names.map((name) => env.DB.prepare(`select * from "${name}"`)));
  const blob = (_: string, v: unknown) => (v instanceof ArrayBuffer ? [...new Uint8Array(v)].join(',') : v);
  return Object.fromEntries(names.map((name, i) => [name, (tables[i]?.results ?? []).map((row) => JSON.stringify(row, blob)).sort()]));
}

/** Asserts the 503 of a transient D1 failure; returns its Retry-After seconds. */
async function expectUnavailable(res: Response, label: string): Promise<number> {
  expect(res.status, label).toBe(503);
  const error = await errorOf(res);
  expect(error, label).toMatchObject({ code: 'unavailable', reason: 'unavailable.database' });
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter, label).toBeGreaterThanOrEqual(1);
  expect(error.params.retryAfter, label).toBe(retryAfter);
  return retryAfter;
}

/**
 * Fails round trip 1, then 2, … of the request (each with another of D1's faults) until it needs
 * fewer. An attempt answers 503 and changed nothing, or — when the failed round trip was a read
 * after the write had committed, which the Worker reads again — succeeds. The last attempt, with
 * no fault left to hit, succeeds. Returns the successful answers and how many round trips the
 * request makes.
 */
async function failEachRoundTrip(
  label: string,
  request: Req | ((attempt: number) => Promise<Req>),
  success: number,
): Promise<{ res: Response; all: Response[]; trips: number }> {
  const all: Response[] = [];
  for (let n = 1; ; n++) {
    const before = await snapshot();
    const fault = FAULTS[(n - 1) % FAULTS.length] as D1Fault;
    const r = typeof request === 'function' ? await request(n) : request;
    const { res, log } = await send(r, { failAt: [n], fault });
    if (log.failed.length === 0) {
      expect(res.status, `${label} without a fault (${await res.clone().text()})`).toBe(success);
      expect(n, `${label} made no round trip`).toBeGreaterThan(1);
      all.push(res);
      return { res, all, trips: log.trips };
    }
    const failing = `${label}, round trip ${n} failing with "${D1_FAULTS[fault]}"`;
    if (res.status === success) {
      expect(await snapshot(), `${failing}: a success that wrote nothing`).not.toEqual(before);
      all.push(res);
      continue;
    }
    await expectUnavailable(res, failing);
    expect(await snapshot(), `${failing}: a 503 that left a partial write`).toEqual(before);
  }
}

let warn: ReturnType<typeof vi.spyOn>;
beforeAll(() => {
  // Each 503 is logged as a warning: keep the output readable, and count them.
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

describe('a write whose D1 round trips fail one at a time', () => {
  it('vote and unvote: 503 and nothing changed, then the vote counts once', async () => {
    const t = await token({ sub: 'faults-voter', name: 'Vera Voter' });
    const url = `${DEMO}/ideas/demo-idea-sso/vote`;
    const before = (await json<Idea>(await call(`${DEMO}/ideas/demo-idea-sso`, { token: t }))).votes;
    const { res } = await failEachRoundTrip('vote', { method: 'PUT', url, token: t }, 200);
    expect(await json(res)).toMatchObject({ votes: before + 1, myVotes: 1, voted: true });
    const undo = await failEachRoundTrip('unvote', { method: 'DELETE', url, token: t }, 200);
    expect(await json(undo.res)).toMatchObject({ votes: before, myVotes: 0, voted: false });
  });

  it('comment post (starting a thread, and a reply): 503 and nothing changed, then one comment', async () => {
    const t = await token({ sub: 'faults-commenter', name: 'Cora Commenter' });
    const key = 'faults-thread';
    const first = await failEachRoundTrip(
      'first comment',
      { method: 'POST', url: `${DEMO}/threads/comments`, token: t, body: { key, body: 'Opening' } },
      201,
    );
    const opening = await json<Comment>(first.res);
    const reply = await failEachRoundTrip(
      'reply',
      { method: 'POST', url: `${DEMO}/threads/comments`, token: t, body: { key, body: 'A reply', parentId: opening.id } },
      201,
    );
    expect(await json(reply.res)).toMatchObject({ parentId: opening.id, body: 'A reply' });
    const page = await json<{ items: Comment[] }>(await call(`${DEMO}/threads/comments?key=${key}`, { token: t }));
    expect(page.items.map((c) => c.id)).toEqual([opening.id]);
    expect(page.items[0]?.replyCount).toBe(1);
  });

  it('idea submit: 503 and nothing changed, then one idea', async () => {
    const t = await token({ sub: 'faults-submitter', name: 'Sam Submitter' });
    const title = 'Faults: print the canteen menu in braille';
    const { res } = await failEachRoundTrip(
      'idea submit',
      { method: 'POST', url: `${DEMO}/boards/general/ideas`, token: t, body: { title, description: 'For colleagues who read braille.' } },
      201,
    );
    expect(await json(res)).toMatchObject({ title, votes: 1 });
    const mine = await env.DB.prepare("select count(*) as n from ideas where tenant_id = 'demo-tenant' and title = ?")
      .bind(title)
      .first<{ n: number }>();
    expect(mine?.n).toBe(1);
  });

  it('card create and card save: 503 and nothing changed, then one card with one new version', async () => {
    const t = await token({ sub: 'faults-carder', name: 'Cal Carder' });
    const e = EXAMPLE_CARDS['business-case'];
    if (!e) throw new Error('no business-case example');
    const input = { title: 'Faults: a business case', summary: e.summary, fields: e.fields, tags: e.tags, maturityLevel: e.maturityLevel };
    const title = input.title;
    const created = await failEachRoundTrip(
      'card create',
      { method: 'POST', url: `${DEMO}/cards`, token: t, body: { templateId: 'business-case', ...input } },
      201,
    );
    // One card for each 201, none for each 503.
    const count = await env.DB.prepare("select count(*) as n from cards where tenant_id = 'demo-tenant' and title = ?")
      .bind(title)
      .first<{ n: number }>();
    expect(count?.n).toBe(created.all.length);
    const card = await json<PracticeCard>(created.res);
    // Each attempt saves a new title from the version there is: a save that succeeds bumps it.
    const current = async () => json<PracticeCard>(await call(`${DEMO}/cards/${card.id}`, { token: t }));
    const saved = await failEachRoundTrip(
      'card save',
      async (n) => ({
        method: 'PUT',
        url: `${DEMO}/cards/${card.id}`,
        token: t,
        body: { ...input, title: `Faults: save ${n}`, baseVersion: (await current()).version },
      }),
      200,
    );
    const last = await json<PracticeCard>(saved.res);
    // One version for each 200, none for each 503.
    expect(last.version).toBe(card.version + saved.all.length);
    expect((await current()).title).toBe(last.title);
  });

  it('answers 503 also when D1 committed and only its answer was lost (a retry of the vote changes nothing more)', async () => {
    const t = await token({ sub: 'faults-lost-answer', name: 'Lou Lost' });
    const url = `${DEMO}/ideas/demo-idea-sso/vote`;
    const before = (await json<Idea>(await call(`${DEMO}/ideas/demo-idea-sso`, { token: t }))).votes;
    let lost: Awaited<ReturnType<typeof send>> | undefined;
    for (let n = 1; !lost; n++) {
      const attempt = await send({ method: 'PUT', url, token: t }, { failAt: [n], fault: 'network', committed: true });
      if (attempt.log.failed.length === 0) throw new Error('the vote wrote nothing in any round trip');
      const now = (await json<Idea>(await call(`${DEMO}/ideas/demo-idea-sso`, { token: t }))).votes;
      if (now !== before) lost = attempt;
      else await expectUnavailable(attempt.res, `vote, round trip ${n} lost`);
    }
    await expectUnavailable(lost.res, 'vote whose write committed');
    // A vote is a PUT: the client's retry sets what is already there.
    expect(await json(await call(url, { method: 'PUT', token: t }))).toMatchObject({ votes: before + 1, myVotes: 1 });
  });
});

describe('a read whose D1 round trip fails', () => {
  const reads: [string, string][] = [
    ['list ideas', `${DEMO}/boards/general/ideas`],
    ['idea view', `${DEMO}/ideas/demo-idea-sso`],
    ['thread page', `${DEMO}/threads/comments?key=demo-war-stories`],
    ['card', `${DEMO}/cards/demo-card-business-case`],
    ['one search', `${DEMO}/search?q=invoice`],
  ];

  it.each(reads)('%s: 503 with Retry-After for each round trip, then 200', async (label, url) => {
    const t = await token({ sub: `faults-reader-${label.replaceAll(' ', '-')}`, name: 'Rita Reader' });
    // Also the tenant's look-up, which an isolate makes when it has not read the tenant lately.
    clearTenantCache();
    const { trips } = await failEachRoundTrip(label, { method: 'GET', url, token: t }, 200);
    expect(trips).toBeGreaterThan(0);
  });

  it("gives each of D1's transient failures its wait: 2 s for a lost connection or a reset, 5 s for a timeout or an overload", async () => {
    const seconds: Record<string, number> = {};
    for (const fault of FAULTS) {
      const { res } = await send({ method: 'GET', url: `${DEMO}/boards/general/ideas` }, { failAt: [1], fault });
      seconds[fault] = await expectUnavailable(res, fault);
    }
    expect(seconds).toEqual({
      network: 2,
      codeUpdated: 2,
      startingUp: 2,
      storageReset: 2,
      remoteNode: 2,
      timeout: 5,
      overloaded: 5,
      queueFull: 5,
    });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/503 unavailable\.database.*D1 DB is overloaded/));
  });
});

describe('which D1 errors are transient', () => {
  it('reads them through the errors that wrap them (drizzle), and only those D1 raises', () => {
    expect(transientDatabaseRetry(d1Error(D1_FAULTS.network))).toBe(2);
    expect(transientDatabaseRetry(new Error('Failed query: select 1\nparams: ', { cause: d1Error(D1_FAULTS.timeout) }))).toBe(5);
    // Our bugs and D1's limits that a retry would hit again.
    expect(transientDatabaseRetry(d1Error('UNIQUE constraint failed: votes.idea_id, votes.user_id: SQLITE_CONSTRAINT'))).toBeNull();
    expect(transientDatabaseRetry(d1Error("D1 DB's isolate exceeded its memory limit and was reset."))).toBeNull();
    expect(transientDatabaseRetry(d1Error('D1 DB exceeded its CPU time limit and was reset.'))).toBeNull();
    // The same words from elsewhere are not D1's.
    expect(transientDatabaseRetry(new Error('Network connection lost.'))).toBeNull();
  });

  it('answers a D1 error that is a bug with a logged 500, as any other', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const constraint = d1Error('UNIQUE constraint failed: ideas.id: SQLITE_CONSTRAINT');
      const db = new Proxy(env.DB, {
        get: (target, prop) =>
          prop === 'batch'
            ? () => Promise.reject(constraint)
            : prop === 'prepare'
              ? target.prepare.bind(target)
              : Reflect.get(target, prop),
      });
      const request = new Request(`${DEMO}/boards/general/ideas`);
      const ctx = createExecutionContext();
      const res = await documented(request, app.fetch(request, { ...env, DB: db }, ctx));
      await waitOnExecutionContext(ctx);
      expect(res.status).toBe(500);
      expect(res.headers.get('retry-after')).toBeNull();
      expect(await errorOf(res)).toMatchObject({ reason: 'internal_error.unexpected' });
      expect(errors).toHaveBeenCalledWith(expect.stringMatching(/failed with 500 internal_error\.unexpected/), constraint);
    } finally {
      errors.mockRestore();
    }
  });
});
