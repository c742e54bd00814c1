import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { app } from '../src/app.ts';
import { call, DEMO, errorOf, token } from './helpers.ts';

// The limiters count in windows aligned to the clock, so a run that starts late in a window
// may see the count restart once: writing up to twice the limit (well within one minute)
// always reaches it.
const USER_LIMIT = 60;
const IP_LIMIT = 1200;

const vote = (t: string, ip?: string) =>
  app.fetch(
    new Request(`${DEMO}/ideas/demo-idea-sso/vote`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${t}`, ...(ip ? { 'cf-connecting-ip': ip } : {}) },
    }),
    env,
    createExecutionContext(),
  );

describe('write rate limits', () => {
  it('answer 429 with Retry-After once one person writes too fast, and leave others alone', async () => {
    const hasty = await token({ sub: 'hasty' });
    let limited: Response | undefined;
    for (let i = 0; i < 2 * USER_LIMIT + 1 && !limited; i++) {
      const res = await vote(hasty, '192.0.2.1');
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(200);
    }
    expect(limited?.headers.get('retry-after')).toBe('60');
    expect(await errorOf(limited as Response)).toMatchObject({
      code: 'rate_limited',
      message: expect.stringMatching(/^You have made too many changes/),
    });

    expect((await vote(await token({ sub: 'patient' }), '192.0.2.1')).status).toBe(200);
    // Reading is not limited.
    expect((await call(`${DEMO}/ideas/demo-idea-sso`, { token: hasty })).status).toBe(200);
  });

  it('count per client IP too: a whole office, but not the next one', async () => {
    const people = await Promise.all(Array.from({ length: 60 }, (_, i) => token({ sub: `office-${i}` })));
    let limited: Response | undefined;
    for (let i = 0; i < 2 * IP_LIMIT + 1 && !limited; i++) {
      const res = await vote(people[i % people.length] as string, '203.0.113.9');
      if (res.status === 429) limited = res;
    }
    expect(await errorOf(limited as Response)).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/^Your network has/) });
    expect((await vote(await token({ sub: 'elsewhere' }), '198.51.100.7')).status).toBe(200);
  }, 120_000);
});
