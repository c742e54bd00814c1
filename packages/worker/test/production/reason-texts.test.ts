/**
 * The production Worker's error messages are written from the reasons' texts the build put
 * among the static assets (src/lib/reason-texts.ts, in the SDK module's place for the Worker's
 * modules, test/worker-config.ts): the same English as the SDK's registry, which this test
 * file imports itself.
 */
import { formatReason } from '@bridgekit/sdk/reasons';
import { describe, expect, it } from 'vitest';
import { REASONS } from '../../src/lib/reason-texts.ts';
import { call, DEMO, errorOf, json, ORIGIN, token } from '../helpers.ts';

describe("the production Worker's error messages", () => {
  it("are the SDK's texts with their params, read from the static assets", async () => {
    const missing = await errorOf(await call(`${ORIGIN}/v1/nothing`));
    expect(missing.reason).toBe('not_found.route');
    expect(missing.message).toBe(formatReason('not_found.route', { method: 'GET', path: '/v1/nothing' }));
    const invalid = await errorOf(
      await call(`${DEMO}/boards/general/ideas`, { method: 'POST', token: await token(), body: JSON.stringify({ title: 'ab' }) }),
    );
    const title = invalid.details?.find((detail) => detail.path === 'body.title');
    expect(title?.reason).toBe('field.too_short');
    expect(invalid.message).toBe(formatReason('validation_failed.fields', invalid.params));
    expect(invalid.message).toContain('The request is not valid');
  });

  it('come from the texts the Worker read, not from a registry in its bundle', async () => {
    await call(`${ORIGIN}/v1/nothing`);
    const text = REASONS['not_found.route'];
    expect(text).toBe(formatReason('not_found.route'));
    try {
      REASONS['not_found.route'] = 'Nothing at {path}.';
      // Read as JSON: errorOf holds a message to the SDK's text.
      const { error } = await json<{ error: { message: string } }>(await call(`${ORIGIN}/v1/nothing`));
      expect(error.message).toBe('Nothing at /v1/nothing.');
    } finally {
      REASONS['not_found.route'] = text;
    }
  });
});
