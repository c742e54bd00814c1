/**
 * Every write the SDK sends carries an Idempotency-Key, the same on the SDK's own retry of the
 * call: against the real Worker, a write whose answer was lost on the way back and was sent
 * again is done once.
 */
import { describe, expect, it } from 'vitest';
import { commentsIn, token, workerFetch } from '../../worker/test/helpers.ts';
import { createClient } from '../src/index.ts';

const BASE = 'https://bridgekit.test';

/** The Worker behind a network that loses the first `lose` answers after the Worker gave them. */
function lossyNetwork(lose = 0) {
  const sent: { method: string; key: string | null; replayed: string | null }[] = [];
  let lost = 0;
  const fetch = async (request: Request) => {
    const res = await workerFetch(request);
    sent.push({ method: request.method, key: request.headers.get('idempotency-key'), replayed: res.headers.get('idempotent-replayed') });
    if (lost < lose) {
      lost++;
      throw new TypeError('fetch failed');
    }
    return res;
  };
  return { fetch, sent };
}

const clientOn = async (fetch: (request: Request) => Promise<Response>) =>
  createClient({ baseUrl: BASE, tenant: 'demo', token: await token({ sub: 'sdk-idem', name: 'Sam Idem' }), fetch });

describe('Idempotency-Key', () => {
  it('is sent on every write, a new one per call, and not on reads', async () => {
    const net = lossyNetwork();
    const bk = await clientOn(net.fetch);
    await bk.threads.post({ key: 'sdk-idem-keys', body: 'One' });
    await bk.threads.post({ key: 'sdk-idem-keys', body: 'Two' });
    await bk.threads.page({ key: 'sdk-idem-keys' });
    const [first, second, read] = net.sent;
    expect(first?.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second?.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(second?.key).not.toBe(first?.key);
    expect(read).toMatchObject({ method: 'GET', key: null });
  });

  it('makes a write whose answer was lost, retried by the SDK, count once', async () => {
    const net = lossyNetwork(1);
    const bk = await clientOn(net.fetch);
    const comment = await bk.threads.post({ key: 'sdk-idem-lost', body: 'Sent once, answered twice' });
    expect(comment.body).toBe('Sent once, answered twice');
    expect(net.sent).toHaveLength(2);
    expect(net.sent[1]?.key).toBe(net.sent[0]?.key);
    expect(net.sent.map((s) => s.replayed)).toEqual([null, 'true']);
    expect(await commentsIn('sdk-idem-lost')).toBe(1);
  });

  it("sends the caller's own key, so the caller's own retry counts once too", async () => {
    const net = lossyNetwork();
    const bk = await clientOn(net.fetch);
    const idempotencyKey = crypto.randomUUID();
    const first = await bk.threads.post({ key: 'sdk-idem-own', body: 'From an offline queue', idempotencyKey });
    const again = await bk.threads.post({ key: 'sdk-idem-own', body: 'From an offline queue', idempotencyKey });
    expect(again).toEqual(first);
    expect(net.sent.map((s) => s.key)).toEqual([idempotencyKey, idempotencyKey]);
    expect(await commentsIn('sdk-idem-own')).toBe(1);
    // A vote too: the key travels with every write method.
    await bk.ideas.vote('demo-idea-sso', { votes: 1, idempotencyKey: 'vote-key-0001' });
    expect(net.sent.at(-1)).toMatchObject({ method: 'PUT', key: 'vote-key-0001' });
  });

  it('gives up with a network error when the retry is lost as well', async () => {
    const net = lossyNetwork(2);
    const bk = await clientOn(net.fetch);
    const err = await bk.threads.post({ key: 'sdk-idem-down', body: 'Twice lost' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 0, code: 'network_error' });
    expect(net.sent).toHaveLength(2);
    expect(await commentsIn('sdk-idem-down')).toBe(1);
  });
});
