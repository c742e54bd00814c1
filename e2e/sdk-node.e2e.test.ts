import { createClient, isBridgekitError } from '@bridgekit/sdk';
import { describe, expect, inject, it } from 'vitest';

// A developer's script in Node: the built SDK package, the global fetch, a real server.
describe('the SDK from Node.js', () => {
  const baseUrl = inject('baseUrl');

  it('submits and backs an idea', async () => {
    const res = await fetch(`${baseUrl}/v1/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: 'demo', user: 'mei' }),
    });
    const { token } = (await res.json()) as { token: string };
    const bk = createClient({ baseUrl, tenant: 'demo', token: async () => token });
    const idea = await bk.ideas.create({ board: 'people', title: 'Badge access requests in the service portal' });
    expect(await bk.ideas.vote(idea.id)).toMatchObject({ votes: 1, voted: true });
    const { items } = await bk.ideas.list({ board: 'people', sort: 'new' });
    expect(items[0]).toMatchObject({ id: idea.id, votes: 1, voted: true, author: { name: 'Mei Chen', businessUnit: 'IT' } });
  });

  it('throws a typed error from a real HTTP answer', async () => {
    const bk = createClient({ baseUrl, tenant: 'demo' });
    const err = await bk.ideas.vote('demo-idea-sso').catch((e: unknown) => e);
    expect(isBridgekitError(err) && err.status === 401 && err.code === 'unauthorized').toBe(true);
  });
});
