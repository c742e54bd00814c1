/**
 * The admin console's first tenant, settings, allowed origins and keys (docs/admin/first-tenant.md,
 * settings.md, keys.md), against the development Worker: by keyboard alone, axe-clean in light and
 * dark; what the console did is read back through the API. The docs site is served on port 4173,
 * which the development Worker lists in BRIDGEKIT_CONSOLE_ORIGINS, so the console may call the
 * platform routes.
 */
import { createHmac } from 'node:crypto';
import { createClient, isBridgekitError } from '@bridgekit/sdk';
import { describe, expect, it } from 'vitest';
import {
  announced,
  axeLightAndDark,
  base,
  clipboardContext,
  focusedName,
  openScreen,
  operator,
  platform,
  retype,
  scriptProblems,
  signInAsOperator,
  tabTo,
  useConsoleSite,
} from './admin-console-support.ts';
import { watchProblems } from './browser.ts';
import { TEST_ADMIN_TOKEN } from './dev-secret.ts';

/** The port of a docs origin the development Worker allows as the console (wrangler.jsonc, env.dev). */
const CONSOLE_PORT = 4173;
/** Each test walks several screens by keyboard, with axe twice per step: more than the default minute on a busy machine. */
const LONG = 300_000;

/** An embed token signed with `secret` (HS256), as an intranet's server makes one. */
function embedToken(secret: string, kid: string, sub: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${part({ alg: 'HS256', kid })}.${part({ sub, name: 'Secret Check', iat: now, exp: now + 300 })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

describe('the admin console: first tenant, settings, origins and keys', () => {
  const site = useConsoleSite('admin/keys', { port: CONSOLE_PORT });

  it(
    'creates the first tenant with the operator token, shows its embed secret once, then changes its settings and origins',
    async () => {
      const slug = `first-${Date.now().toString(36)}`;
      const context = await clipboardContext(site);
      const page = await context.newPage();
      const problems = watchProblems(page);
      await page.goto(`${site.docs.origin}/admin/first-tenant?bridgekit=${encodeURIComponent(base)}`);
      await page.getByRole('heading', { name: 'Create a tenant', exact: true }).waitFor();
      await axeLightAndDark(page);

      await tabTo(page, 'bka-tenant-token');
      await page.keyboard.type(TEST_ADMIN_TOKEN);
      await page.keyboard.press('Tab');
      expect(await focusedName(page)).toBe('bka-tenant-slug');
      await page.keyboard.type(slug);
      await page.keyboard.press('Tab');
      await page.keyboard.type('First community');
      await page.keyboard.press('Tab');
      expect(await focusedName(page)).toBe('bka-tenant-origin');
      // A wildcard over a public suffix: the Worker's reason, at the origin, which takes the focus.
      await page.keyboard.type('https://*.com');
      await page.keyboard.press('Enter');
      await page.locator('#bka-tenant-origin-error').waitFor();
      expect(await focusedName(page)).toBe('bka-tenant-origin');
      expect(await page.locator('#bka-tenant-origin-error').textContent()).toMatch(/public suffix|\*\.com/);
      await expect(platform.tenants.list()).resolves.not.toContainEqual(expect.objectContaining({ slug }));
      await axeLightAndDark(page);
      await retype(page, 'https://contoso.sharepoint.com');
      await page.keyboard.press('Enter');
      await announced(page, `Tenant ${slug} created, and the console signed in to it.`);
      await expect.poll(() => focusedName(page)).toBe('bka-tenant-secret-heading');

      // The secret, once: it signs tokens the new tenant accepts.
      const secret = await page.locator('#bka-tenant-secret').inputValue();
      const settings = await operator(slug).admin.settings.get();
      expect(settings).toMatchObject({ name: 'First community', origins: ['https://contoso.sharepoint.com'] });
      const [key] = settings.embedKeys;
      expect(key).toBeDefined();
      const viewer = await createClient({ baseUrl: base, tenant: slug, token: embedToken(secret, key?.kid ?? '', 'first|1') }).me();
      expect(viewer.user?.id).toBe('first|1');
      expect(await page.locator('#bka-tenant-secret').getAttribute('readonly')).not.toBeNull();
      await page.getByText('you will not see this again').waitFor();
      // Copy, by keyboard.
      await page.keyboard.press('Tab');
      await tabTo(page, 'bka-tenant-secret-copy');
      await page.keyboard.press('Enter');
      await announced(page, `Embed secret ${key?.kid} copied.`);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
      await axeLightAndDark(page);
      await page.keyboard.press('Tab');
      expect(await focusedName(page)).toBe('bka-tenant-secret-done');
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedName(page)).toBe('bka-tenant-next');
      expect(await page.content()).not.toContain(secret);

      // Its settings: a group size below 2 is refused at the field, nothing saved.
      await openScreen(page, 'settings', 'Allowed origins', 'sidebar');
      await page.locator('#bka-settings-name').waitFor();
      await axeLightAndDark(page);
      await tabTo(page, 'bka-settings-name');
      await retype(page, 'Contoso BRM community');
      await page.keyboard.press('Tab');
      expect(await focusedName(page)).toBe('bka-settings-anonymous');
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      expect(await focusedName(page)).toBe('bka-settings-min-group');
      await retype(page, '1');
      await tabTo(page, 'Save the settings');
      await page.keyboard.press('Enter');
      await page.locator('#bka-settings-min-group-error').waitFor();
      expect(await focusedName(page)).toBe('bka-settings-min-group');
      expect((await operator(slug).admin.settings.get()).name).toBe('First community');
      await axeLightAndDark(page);
      await retype(page, '7');
      await tabTo(page, 'Save the settings');
      await page.keyboard.press('Enter');
      await announced(page, 'Settings saved: name, anonymous reading, cockpit privacy.');
      const saved = await operator(slug).admin.settings.get();
      expect(saved).toMatchObject({
        name: 'Contoso BRM community',
        anonymousRead: true,
        insights: { minGroupSize: 7, perPersonFigures: true },
      });

      // Origins: a path is refused at the field with the Worker's words; then one is added and removed.
      await tabTo(page, 'bka-origin-new');
      await page.keyboard.type('https://intranet.contoso.example/brm');
      await page.keyboard.press('Enter');
      await page.locator('#bka-origin-new-error').waitFor();
      expect(await page.locator('#bka-origin-new-error').textContent()).toMatch(/scheme:\/\/host\[:port\]/);
      expect(await focusedName(page)).toBe('bka-origin-new');
      await retype(page, 'https://Intranet.Contoso.example');
      await page.keyboard.press('Enter');
      await announced(page, 'Origin https://intranet.contoso.example allowed.');
      expect(await operator(slug).admin.origins.list()).toEqual(['https://contoso.sharepoint.com', 'https://intranet.contoso.example']);
      await tabTo(page, 'bka-origin-remove-https-intranet-contoso-example', { back: true });
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedName(page)).toBe('bka-origin-remove-confirm-https-intranet-contoso-example');
      await axeLightAndDark(page);
      await page.keyboard.press('Enter');
      await announced(page, 'Origin https://intranet.contoso.example removed.');
      expect(await operator(slug).admin.origins.list()).toEqual(['https://contoso.sharepoint.com']);

      expect(scriptProblems(problems)).toEqual([]);
      await context.close();
    },
    LONG,
  );

  it(
    'rotates and retires embed secrets, creates and revokes API keys; a secret is shown once, never after',
    async () => {
      const slug = `keys-${Date.now().toString(36)}`;
      const { embedKey: first } = await platform.tenants.create({ slug, name: 'Keys test', origins: [site.docs.origin] });
      const context = await clipboardContext(site);
      const page = await context.newPage();
      const problems = watchProblems(page);
      await signInAsOperator(page, site, slug);
      await openScreen(page, 'keys', 'Embed secrets', 'sidebar');
      await page.getByRole('row', { name: new RegExp(first.kid) }).waitFor();
      expect(await page.locator(`#bka-embed-retire-${first.kid}`).count()).toBe(0);
      await axeLightAndDark(page);

      // Rotate: a new secret shown once, then the old one retired from the offer that follows.
      await tabTo(page, 'bka-embed-create');
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedName(page)).toBe('bka-embed-secret-heading');
      const listed = await operator(slug).admin.embedKeys.list();
      expect(listed.map((k) => [k.kid === first.kid, k.revokedAt])).toEqual([
        [false, null],
        [true, null],
      ]);
      const fresh = listed[0]?.kid ?? '';
      await announced(page, `Embed secret ${fresh} created.`);
      const secret = await page.locator('#bka-embed-secret').inputValue();
      expect((await createClient({ baseUrl: base, tenant: slug, token: embedToken(secret, fresh, 'keys|1') }).me()).user?.id).toBe(
        'keys|1',
      );
      await axeLightAndDark(page);
      await tabTo(page, `bka-embed-rotate-retire-${first.kid}`);
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedName(page)).toBe(`bka-embed-retire-confirm-${first.kid}`);
      // Keep it: the confirmation closes, the keyboard back on the button that asked; asked again, then confirmed.
      await page.keyboard.press('Tab');
      expect(await focusedName(page)).toBe('Keep it');
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedName(page)).toBe(`bka-embed-rotate-retire-${first.kid}`);
      expect(await page.locator(`#bka-embed-retire-confirm-${first.kid}`).count()).toBe(0);
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedName(page)).toBe(`bka-embed-retire-confirm-${first.kid}`);
      await page.keyboard.press('Enter');
      await announced(page, `Embed secret ${first.kid} retired`);
      const after = await operator(slug).admin.embedKeys.list();
      expect(after.find((k) => k.kid === first.kid)?.revokedAt).not.toBeNull();
      expect(after.find((k) => k.kid === fresh)?.revokedAt).toBeNull();
      await page.getByRole('row', { name: new RegExp(`${first.kid}.*Retired`) }).waitFor();

      // Away and back, still signed in: the secret is gone, its key id listed.
      await openScreen(page, 'settings', 'Allowed origins', 'sidebar');
      await openScreen(page, 'keys', 'Embed secrets', 'sidebar');
      await page.getByRole('row', { name: new RegExp(fresh) }).waitFor();
      expect(await page.locator('#bka-embed-secret').count()).toBe(0);
      expect(await page.content()).not.toContain(secret);

      // API keys: a key without a name is refused at the name.
      await tabTo(page, 'Create the API key');
      await page.keyboard.press('Enter');
      await page.locator('#bka-api-name-error').waitFor();
      expect(await focusedName(page)).toBe('bka-api-name');
      await page.keyboard.type('Portfolio sync');
      await tabTo(page, 'bka-api-scope-write');
      await page.keyboard.press('Space');
      await tabTo(page, 'Create the API key');
      await page.keyboard.press('Enter');
      await announced(page, 'API key “Portfolio sync” created.');
      await expect.poll(() => focusedName(page)).toBe('bka-api-secret-heading');
      const apiKey = await page.locator('#bka-api-secret').inputValue();
      expect(apiKey).toMatch(/^bk_/);
      const [created] = await operator(slug).admin.apiKeys.list();
      expect(created).toMatchObject({ name: 'Portfolio sync', scopes: ['read', 'write'], revokedAt: null });
      expect(await createClient({ baseUrl: base, tenant: slug, token: apiKey }).boards.list()).toEqual([]);
      await axeLightAndDark(page);
      await tabTo(page, 'bka-api-secret-done');
      await page.keyboard.press('Enter');
      expect(await page.locator('#bka-api-secret').count()).toBe(0);

      // Revoke it, after the confirmation: the key is refused from then on.
      await tabTo(page, `bka-api-revoke-${created?.id}`, { back: true });
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedName(page)).toBe(`bka-api-revoke-confirm-${created?.id}`);
      await axeLightAndDark(page);
      await page.keyboard.press('Enter');
      await announced(page, 'API key “Portfolio sync” revoked');
      expect((await operator(slug).admin.apiKeys.list())[0]?.revokedAt).not.toBeNull();
      const refused = await createClient({ baseUrl: base, tenant: slug, token: apiKey })
        .boards.list()
        .catch((err: unknown) => err);
      expect(isBridgekitError(refused) && refused.status).toBe(401);

      // A reload forgets the operator token, and no secret comes back.
      await page.reload();
      await page.getByText('This screen needs a signed-in admin').waitFor();
      const html = await page.content();
      expect(html).not.toContain(secret);
      expect(html).not.toContain(apiKey);
      expect(await page.evaluate(() => JSON.stringify(sessionStorage) + JSON.stringify(localStorage))).not.toContain(secret);
      expect(scriptProblems(problems)).toEqual([]);
      await context.close();
    },
    LONG,
  );
});
