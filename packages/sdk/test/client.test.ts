import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { app } from '../../worker/src/app.ts';
import { documented } from '../../worker/test/contract.ts';
import { faultyD1 } from '../../worker/test/faulty-d1.ts';
import { token, workerFetch } from '../../worker/test/helpers.ts';
import {
  BridgekitError,
  createClient,
  DEFAULT_DEMAND_CLASSES,
  isBridgekitError,
  type Middleware,
  type TokenRequest,
} from '../src/index.ts';
import { localize } from '../src/translations.ts';

const BASE = 'https://bridgekit.test';
// The Worker's fetch handler; each answer is checked against /v1/openapi.json (worker/test/contract.ts).
const worker = workerFetch;

function client(tokenSource?: Parameters<typeof createClient>[0]['token'], extra: Partial<Parameters<typeof createClient>[0]> = {}) {
  return createClient({ baseUrl: BASE, tenant: 'demo', token: tokenSource, fetch: worker, ...extra });
}

async function failure(promise: Promise<unknown>): Promise<BridgekitError> {
  try {
    await promise;
  } catch (err) {
    expect(isBridgekitError(err)).toBe(true);
    return err as BridgekitError;
  }
  throw new Error('Expected the call to fail');
}

describe('createClient against the real Worker', () => {
  it('lists, creates, gets, votes and unvotes', async () => {
    const bk = client(await token({ sub: 'sdk|1', name: 'Sam Developer', bu: 'IT' }));
    const top = await bk.ideas.list({ board: 'general', sort: 'top' });
    expect(top.items.length).toBeGreaterThan(0);
    expect(top.items.map((i) => i.votes)).toEqual([...top.items.map((i) => i.votes)].sort((a, b) => b - a));

    const idea = await bk.ideas.create({ board: 'general', title: 'Created from the SDK', description: 'Typed end to end.' });
    expect(idea).toMatchObject({
      board: 'general',
      title: 'Created from the SDK',
      // Its author backs it from the start.
      votes: 1,
      voted: true,
      author: { name: 'Sam Developer', businessUnit: 'IT' },
    });
    expect(await bk.ideas.get(idea.id)).toEqual(idea);

    expect(await bk.ideas.vote(idea.id)).toMatchObject({ votes: 1, voted: true, myVotes: 1, supporters: 1 });
    expect(await bk.ideas.vote(idea.id)).toMatchObject({ votes: 1, voted: true, myVotes: 1, supporters: 1 });
    expect((await bk.ideas.get(idea.id)).voted).toBe(true);
    expect(await bk.ideas.unvote(idea.id)).toMatchObject({ votes: 0, voted: false, myVotes: 0 });
    expect(await bk.ideas.unvote(idea.id)).toMatchObject({ votes: 0, voted: false, myVotes: 0 });

    const newest = await bk.ideas.list({ board: 'general', sort: 'new' });
    expect(newest.items[0]?.id).toBe(idea.id);
  });

  it('reads boards and the viewer', async () => {
    const bk = client(await token({ sub: 'sdk|2', name: 'Reader' }));
    const boards = await bk.boards.list();
    expect(boards.map((b) => b.slug)).toContain('general');
    expect((await bk.boards.get('general')).name).toBe('IT-enabled ideas');
    expect(await bk.me()).toEqual({
      tenant: { slug: 'demo', name: 'Contoso (demo)' },
      user: { id: 'sdk|2', name: 'Reader', businessUnit: null, unit: null, role: 'member', handle: null, cio: false, teams: [] },
      pages: {},
      demandClasses: [...DEFAULT_DEMAND_CLASSES],
    });
    expect((await client().me()).user).toBeNull();
  });

  it('iterates every page', async () => {
    const bk = client();
    const all = await bk.ideas.list({ board: 'general', limit: 100 });
    const seen = [];
    for await (const idea of bk.ideas.iterate({ board: 'general', limit: 2 })) seen.push(idea.id);
    expect(seen).toEqual(all.items.map((i) => i.id));
  });

  it('accepts a base URL with a trailing slash or /v1', async () => {
    for (const baseUrl of [`${BASE}/`, `${BASE}/v1`, `${BASE}/v1/`]) {
      expect((await createClient({ baseUrl, tenant: 'demo', fetch: worker }).boards.list()).length).toBeGreaterThan(0);
    }
  });

  it('throws BridgekitError with status, code and field details', async () => {
    const bk = client(await token());
    const invalid = await failure(bk.ideas.create({ board: 'general', title: 'no' }));
    expect(invalid).toBeInstanceOf(BridgekitError);
    expect(invalid).toMatchObject({ status: 400, code: 'validation_failed', reason: 'validation_failed.fields' });
    expect(invalid.details).toEqual([
      { path: 'body.title', message: 'The title needs at least 3 characters.', reason: 'field.too_short', params: { count: 3 } },
    ]);

    const missing = await failure(bk.ideas.get('missing'));
    expect(missing).toMatchObject({
      status: 404,
      code: 'not_found',
      reason: 'not_found.idea',
      params: { id: 'missing' },
      message: 'Idea "missing" was not found.',
    });
    // The id of the Worker's log line, from the body (the x-request-id header says the same).
    expect(missing.requestId).toMatch(/^[0-9a-f]{16}$/);
    expect(await failure(client().ideas.vote('demo-idea-sso'))).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(await failure(createClient({ baseUrl: BASE, tenant: 'nope', fetch: worker }).boards.list())).toMatchObject({ status: 404 });
  });

  it('tells a proxy’s error page, which has no body of the API’s, by its code and no reason', async () => {
    const proxy = async () => new Response('<h1>502 Bad Gateway</h1>', { status: 502 });
    const err = await failure(createClient({ baseUrl: BASE, tenant: 'demo', fetch: proxy }).boards.list());
    expect(err).toMatchObject({ status: 502, code: 'invalid_response', reason: null, params: {}, requestId: null });
  });

  it('surfaces a database that is briefly unavailable as a retryable 503 with its wait', async () => {
    // The real Worker, its D1 binding failing as D1 does when its object restarts.
    const { db, log } = faultyD1(env.DB, { failAt: [1], fault: 'codeUpdated' });
    const faulty = async (request: Request) => {
      const ctx = createExecutionContext();
      const res = await documented(request, app.fetch(request, { ...env, DB: db }, ctx));
      await waitOnExecutionContext(ctx);
      return res;
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const err = await failure(createClient({ baseUrl: BASE, tenant: 'demo', fetch: faulty }).boards.list());
      expect(log.failed).toEqual([1]);
      expect(err).toMatchObject({ status: 503, code: 'unavailable', reason: 'unavailable.database', params: { retryAfter: 2 } });
      expect(err.message).toBe('The database is briefly unavailable. Try again in 2 seconds.');
      // The next call, past the failed round trip, succeeds.
      expect((await createClient({ baseUrl: BASE, tenant: 'demo', fetch: faulty }).boards.list()).length).toBeGreaterThan(0);
    } finally {
      warn.mockRestore();
    }
  });

  it('puts the translations for a language in place of the English, for showing', async () => {
    const board = await client().boards.get('general');
    expect(board.statuses.find((s) => s.key === 'planned')?.label).toBe('Planned');
    expect(localize(board, 'de-AT').statuses.find((s) => s.key === 'planned')?.label).toBe('Geplant');
    expect(localize(board, 'fr').statuses.find((s) => s.key === 'planned')?.label).toBe('Planned');
  });

  it('types a business case as the API takes it: fields left out, never null', async () => {
    const bk = client(await token({ sub: 'sdk|business-case', name: 'Case Writer' }));
    const idea = await bk.ideas.create({
      board: 'general',
      title: 'A case in part',
      businessCase: { problem: 'Slow approvals.', effort: 'S' },
    });
    expect(idea.businessCase).toEqual({ problem: 'Slow approvals.', beneficiary: null, valueType: null, effort: 'S', objective: null });
    // What a stored idea reads (`null`) is not what one sends: the type refuses it, as the API does.
    const unsent = { board: 'general', title: 'A case with a null', businessCase: { problem: null } };
    // @ts-expect-error `problem: null` is refused by the API (400), so the SDK's type refuses it too.
    const refused = await failure(bk.ideas.create(unsent));
    expect(refused).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(refused.details?.map((d) => d.path)).toEqual(['body.businessCase.problem']);
  });

  it('asks the token callback before each call, and once more when the token expired', async () => {
    const asked: TokenRequest[] = [];
    const expired = await token({ issuedAt: -900, expiresIn: -300 });
    const fresh = await token({ sub: 'sdk|refresh' });
    const bk = client((request) => {
      asked.push(request);
      return request.expired ? fresh : expired;
    });
    expect((await bk.me()).user?.id).toBe('sdk|refresh');
    expect(asked).toEqual([{ expired: false }, { expired: true }]);
  });

  it('gives up after one refresh', async () => {
    const expired = await token({ issuedAt: -900, expiresIn: -300 });
    let calls = 0;
    const bk = client(() => {
      calls++;
      return expired;
    });
    expect(await failure(bk.me())).toMatchObject({ status: 401, code: 'token_expired' });
    expect(calls).toBe(2);
  });

  it('does not retry other 401s', async () => {
    let calls = 0;
    const bk = client(() => {
      calls++;
      return 'not-a-jwt';
    });
    expect(await failure(bk.me())).toMatchObject({ status: 401, code: 'invalid_token' });
    expect(calls).toBe(1);
  });

  it('runs middleware around each request', async () => {
    const seen: string[] = [];
    const middleware: Middleware = {
      onRequest(req) {
        seen.push(`request ${req.method} ${new URL(req.url).pathname}`);
        const headers = new Headers(req.headers);
        headers.set('x-trace', 'abc');
        return new Request(req, { headers });
      },
      onResponse(res) {
        seen.push(`response ${res.status}`);
        return undefined;
      },
    };
    let traced: string | null = null;
    const bk = client(undefined, {
      middleware: [middleware],
      fetch: (req) => {
        traced = req.headers.get('x-trace');
        return worker(req);
      },
    });
    await bk.boards.list();
    expect(seen).toEqual(['request GET /v1/tenants/demo/boards', 'response 200']);
    expect(traced).toBe('abc');
  });

  it('reports an unreachable API as network_error, and a foreign answer as invalid_response', async () => {
    const down = createClient({ baseUrl: BASE, tenant: 'demo', fetch: () => Promise.reject(new TypeError('fetch failed')) });
    const err = await failure(down.boards.list());
    expect(err).toMatchObject({ status: 0, code: 'network_error' });
    expect(err.cause).toBeInstanceOf(TypeError);

    const proxy = createClient({
      baseUrl: BASE,
      tenant: 'demo',
      fetch: async () => new Response('<html>Bad gateway</html>', { status: 502 }),
    });
    expect(await failure(proxy.boards.list())).toMatchObject({ status: 502, code: 'invalid_response' });
  });

  it('passes an abort signal through', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(client().boards.list({ signal: controller.signal })).rejects.toThrow();
  });
});
