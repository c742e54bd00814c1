import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { app } from '../src/app.ts';
import { demoCardId } from '../src/dev/demo-data.ts';
import { documented } from './contract.ts';
import { call, DEMO, errorOf, token } from './helpers.ts';

// The limiters count in windows aligned to the clock, so a run that starts late in a window
// may see the count restart once: sending up to twice the limit (well within one minute)
// always reaches it. The limits are wrangler.jsonc's (`env.dev`, as the top level).
const USER_LIMIT = 60;
const IP_LIMIT = 1200;
const EXPORT_LIMIT = 20;
const SEARCH_LIMIT = 120;

interface Send {
  method?: string;
  token?: string;
  ip?: string;
  origin?: string;
  env?: Partial<typeof env>;
}

/** A request straight to the app, from a client address, as Cloudflare would pass it on. */
const send = (path: string, o: Send = {}) => {
  const request = new Request(`${DEMO}${path}`, {
    method: o.method ?? 'GET',
    headers: {
      ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
      ...(o.ip ? { 'cf-connecting-ip': o.ip } : {}),
      ...(o.origin ? { origin: o.origin } : {}),
    },
  });
  return documented(request, app.fetch(request, { ...env, ...o.env }, createExecutionContext()));
};

const vote = (t: string | undefined, ip?: string) =>
  send('/ideas/demo-idea-sso/vote', { method: 'PUT', ...(t ? { token: t } : {}), ...(ip ? { ip } : {}) });

/** Sends until the answer is 429 (at most `max` times); every other answer must be `allowed`. */
async function untilLimited(request: () => Response | Promise<Response>, max: number, allowed: number[]): Promise<Response> {
  for (let i = 0; i < max; i++) {
    const res = await request();
    if (res.status === 429) return res;
    expect(allowed).toContain(res.status);
  }
  throw new Error(`no 429 after ${max} requests`);
}

describe('write rate limits', () => {
  it('answer 429 with Retry-After once one person writes too fast, and leave others alone', async () => {
    const hasty = await token({ sub: 'hasty' });
    const limited = await untilLimited(() => vote(hasty, '192.0.2.1'), 2 * USER_LIMIT + 1, [200]);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(await errorOf(limited)).toMatchObject({
      code: 'rate_limited',
      reason: 'rate_limited.writes',
      params: { retryAfter: 60 },
      message: expect.stringMatching(/^You have made too many changes/),
    });

    expect((await vote(await token({ sub: 'patient' }), '192.0.2.1')).status).toBe(200);
    // Reading is not limited.
    expect((await call(`${DEMO}/ideas/demo-idea-sso`, { token: hasty })).status).toBe(200);
  });

  it('count per client IP too: a whole office, but not the next one', async () => {
    const people = await Promise.all(Array.from({ length: 60 }, (_, i) => token({ sub: `office-${i}` })));
    let i = 0;
    const limited = await untilLimited(() => vote(people[i++ % people.length], '203.0.113.9'), 2 * IP_LIMIT + 1, [200]);
    expect(await errorOf(limited)).toMatchObject({
      code: 'rate_limited',
      reason: 'rate_limited.network_writes',
      params: { retryAfter: 60 },
      message: expect.stringMatching(/^Your network has/),
    });
    expect((await vote(await token({ sub: 'elsewhere' }), '198.51.100.7')).status).toBe(200);
  }, 120_000);

  it('count anonymous callers by their address, not in one bucket for the whole tenant', async () => {
    // Refused anonymous writes from one address use up that address's budget…
    const limited = await untilLimited(() => vote(undefined, '192.0.2.50'), 2 * USER_LIMIT + 1, [401]);
    expect(await errorOf(limited)).toMatchObject({
      code: 'rate_limited',
      message: expect.stringMatching(/^You have made too many changes/),
    });
    // …not another anonymous reader's, whose write is refused for what it is.
    expect((await vote(undefined, '192.0.2.51')).status).toBe(401);
    // Live-update tickets have their own budget: the first address keeps its live updates too.
    for (const ip of ['192.0.2.50', '192.0.2.51']) {
      expect((await send('/threads/demo-thread-war-stories/live', { method: 'POST', ip })).status).toBe(200);
    }
  });

  it('count writes refused for a bad credential against the client address, keeping CORS on the 429', async () => {
    const forged = await token({ sub: 'mallory', secret: 'not-the-tenant-secret-0123456789abcdef' });
    const origin = 'http://localhost:5173';
    const write = () => send('/ideas/demo-idea-sso/vote', { method: 'PUT', token: forged, ip: '192.0.2.60', origin });
    expect((await write()).status).toBe(401);
    // Against the address's (office-sized) budget: people whose tokens just expired behind one
    // address do not lock each other out, but failing is not free.
    const limited = await untilLimited(write, 2 * IP_LIMIT + 1, [401]);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(limited.headers.get('access-control-allow-origin')).toBe(origin);
    expect(await errorOf(limited)).toMatchObject({
      code: 'rate_limited',
      reason: 'rate_limited.network_writes',
      params: { retryAfter: 60 },
      message: expect.stringMatching(/^Your network has/),
    });
    // Reading from there, and writing from elsewhere, go on.
    const reader = await token({ sub: 'honest-neighbour' });
    expect((await send('/ideas/demo-idea-sso', { token: reader, ip: '192.0.2.60' })).status).toBe(200);
    expect((await vote(reader, '192.0.2.61')).status).toBe(200);
  }, 120_000);
});

describe('expensive reads', () => {
  const exportCard = (t: string) => send(`/cards/${demoCardId('business-case')}/export`, { token: t, ip: '192.0.2.70' });

  it('limit exports per caller, apart from writes and searches', async () => {
    const exporter = await token({ sub: 'bulk-exporter' });
    const limited = await untilLimited(() => exportCard(exporter), 2 * EXPORT_LIMIT + 1, [200]);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(await errorOf(limited)).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/^You have exported too often/) });
    // Board exports draw on the same budget.
    expect((await send('/boards/general/export', { token: exporter })).status).toBe(429);
    // Other budgets, and other people, are untouched.
    expect((await send('/users?q=ad', { token: exporter })).status).toBe(200);
    expect((await vote(exporter)).status).toBe(200);
    expect((await exportCard(await token({ sub: 'one-export' }))).status).toBe(200);
  });

  it('limit searches per caller: cards, similar ideas and the @mention look-up together', async () => {
    const searcher = await token({ sub: 'fast-typist' });
    let i = 0;
    const searches = [
      () => send('/cards?q=business', { token: searcher }),
      () => send('/boards/general/ideas/similar?q=single%20sign-on', { token: searcher }),
      () => send('/users?q=a', { token: searcher }),
    ];
    const limited = await untilLimited(
      () => (searches[i++ % searches.length] as () => Response | Promise<Response>)(),
      2 * SEARCH_LIMIT + 1,
      [200],
    );
    expect(await errorOf(limited)).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/^You have searched too often/) });
    for (const search of searches) expect((await search()).status).toBe(429);
    // Browsing the library without a query is an ordinary read.
    expect((await send('/cards', { token: searcher })).status).toBe(200);
    expect((await send('/users?q=a', { token: await token({ sub: 'slow-typist' }) })).status).toBe(200);
  });

  it('are not limited in development with BRIDGEKIT_RATE_LIMITS=off (the benchmark)', async () => {
    const bench = await token({ sub: 'bench' });
    const off = { BRIDGEKIT_RATE_LIMITS: 'off' };
    for (let n = 0; n < 2 * EXPORT_LIMIT + 1; n++) {
      expect((await send(`/cards/${demoCardId('business-case')}/export`, { token: bench, env: off })).status).toBe(200);
    }
  });
});
