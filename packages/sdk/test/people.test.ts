import { describe, expect, it } from 'vitest';
import { workerFetch } from '../../worker/test/helpers.ts';
import { createClient, isBridgekitError } from '../src/index.ts';

// The Worker's fetch handler; each answer is checked against /v1/openapi.json (worker/test/contract.ts).
const client = () => createClient({ baseUrl: 'https://bridgekit.test', tenant: 'demo', fetch: workerFetch });

describe("a person's own view through the SDK", () => {
  it('reads it by handle, encoded in the path, and throws not_found.person for an unknown one', async () => {
    const mei = await client().people.view('mei.chen');
    expect(mei).toMatchObject({ handle: 'mei.chen', name: 'Mei Chen', businessUnit: 'IT', role: 'moderator' });
    expect(mei.comments.map((c) => c.id)).toContain('demo-comment-3');
    expect(mei.counts.cards).toBe(mei.cards.length);

    const error = await client()
      .people.view('no one/../mei.chen')
      .then(
        () => null,
        (e: unknown) => e,
      );
    if (!isBridgekitError(error)) throw new Error(`Expected a BridgekitError, got ${String(error)}`);
    expect(error).toMatchObject({ status: 404, code: 'not_found', reason: 'not_found.person', params: { id: 'no one/../mei.chen' } });
  });
});
