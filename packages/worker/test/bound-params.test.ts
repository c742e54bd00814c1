/**
 * D1 refuses a statement with more than 100 bound parameters (the local D1 does too), so lists a
 * request or a sweep brings are bound as one JSON array (db/sql.ts `inList`). Each case here
 * sends the longest list its route allows.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { database } from '../src/db/client.ts';
import { DEMO_TENANT } from '../src/dev/demo-data.ts';
import { liveRefusals } from '../src/live/access.ts';
import { call, DEMO, json, token } from './helpers.ts';

describe('lists longer than D1’s 100 bound parameters', () => {
  it('comment counts for 100 pages at once', async () => {
    const author = await token({ sub: 'params|author', name: 'Params Author' });
    const posted = await call(`${DEMO}/threads/comments`, {
      method: 'POST',
      token: author,
      body: JSON.stringify({ key: 'params-7', body: 'One.' }),
    });
    expect(posted.status).toBe(201);
    const keys = Array.from({ length: 100 }, (_, i) => `params-${i}`);
    const res = await call(`${DEMO}/threads/counts?${keys.map((k) => `key=${k}`).join('&')}`);
    expect(res.status).toBe(200);
    const { counts } = await json<{ counts: Record<string, number> }>(res);
    expect(Object.keys(counts)).toHaveLength(100);
    expect(counts['params-7']).toBe(1);
    expect(counts['params-8']).toBe(0);
  });

  it('marking 100 notifications read', async () => {
    const reader = await token({ sub: 'params|reader', name: 'Params Reader' });
    const ids = Array.from({ length: 100 }, (_, i) => `notification-${i}`);
    const res = await call(`${DEMO}/notifications/read`, { method: 'POST', token: reader, body: JSON.stringify({ ids }) });
    expect(res.status).toBe(200);
  });

  it('the live re-check of 150 readers of one thread', async () => {
    const thread = await env.DB.prepare('select id from threads where tenant_id = ? limit 1').bind(DEMO_TENANT.id).first<{ id: string }>();
    expect(thread).not.toBeNull();
    const grants = Array.from({ length: 150 }, (_, i) => ({
      holder: i % 10 === 0 ? { kind: 'apiKey' as const, keyId: `key-${i}` } : { kind: 'user' as const, subject: `reader|${i}` },
      origin: null,
    }));
    const refusals = await liveRefusals(database(env.DB), DEMO_TENANT.id, thread?.id ?? '', grants);
    expect(refusals).toHaveLength(150);
    // Readers nobody restricted keep their sockets; keys that do not exist lose theirs.
    expect(refusals.filter((r) => r === null)).toHaveLength(135);
    expect(refusals.filter((r) => r === 'key')).toHaveLength(15);
  });
});
