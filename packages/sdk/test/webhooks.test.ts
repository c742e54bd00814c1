import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { workerFetch } from '../../worker/test/helpers.ts';
import { createClient, isBridgekitError } from '../src/index.ts';

const admin = createClient({
  baseUrl: 'https://bridgekit.test',
  tenant: 'demo',
  token: env.BRIDGEKIT_ADMIN_TOKEN,
  fetch: workerFetch,
}).admin;

describe('webhooks through the SDK', () => {
  it('creates, lists, changes, rotates, tests and removes a webhook; sets the mail webhook', async () => {
    const created = await admin.webhooks.create({ url: 'https://hooks.contoso.example/sdk', events: ['idea.created'], format: 'slack' });
    expect(created.secret).toMatch(/^whsec_/);
    expect((await admin.webhooks.list()).map((h) => h.id)).toContain(created.id);
    expect(await admin.webhooks.update(created.id, { events: ['card.review_overdue'] })).toMatchObject({ events: ['card.review_overdue'] });
    const rotated = await admin.webhooks.rotateSecret(created.id);
    expect(rotated.secret).not.toBe(created.secret);
    // Nobody answers at hooks.contoso.example: the test says so instead of failing.
    expect(await admin.webhooks.test(created.id)).toMatchObject({ delivered: false });
    expect(await admin.webhooks.deliveries(created.id)).toEqual([]);
    await admin.webhooks.remove(created.id);
    const gone = await admin.webhooks.deliveries(created.id).catch((e: unknown) => e);
    expect(isBridgekitError(gone) && gone.reason === 'not_found.webhook').toBe(true);

    const settings = await admin.settings.update({ mail: { webhook: 'https://mail.contoso.example/bridgekit', secret: 'x'.repeat(40) } });
    expect(settings.mail).toEqual({ webhook: 'https://mail.contoso.example/bridgekit' });
    expect((await admin.settings.update({ mail: null })).mail).toBeNull();
  });
});
