/**
 * The admin console's identity screens (docs/admin/identity.md, docs/admin/roles.md) against the
 * development Worker: an OIDC provider added with its claims and sign-in client, edited and
 * removed; the role mapping edited as rows; roles granted to a member found by name and taken
 * back — by keyboard alone, axe-clean in light and dark, each result read back through the API.
 */
import { createClient } from '@bridgekit/sdk';
import { describe, expect, it } from 'vitest';
import {
  announced,
  axeLightAndDark,
  base,
  clipboardContext,
  focusedName,
  newTenant,
  openScreen,
  operator,
  retype,
  scriptProblems,
  signInAsOperator,
  tabTo,
  useConsoleSite,
} from './admin-console-support.ts';
import { watchProblems } from './browser.ts';

describe('the admin console’s identity screens', () => {
  const site = useConsoleSite('admin/identity');

  it('adds an OIDC provider with its claims and sign-in client, edits the role mapping as rows, replaces and removes the provider', {
    timeout: 180_000,
  }, async () => {
    const slug = await newTenant(site, 'console-idp', 'Console identity test');
    const context = await clipboardContext(site);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await signInAsOperator(page, site, slug);
    await openScreen(page, 'identity', 'Add or replace a provider');
    await page.getByText('No identity providers yet').waitFor();
    await axeLightAndDark(page);

    // The redirect URI to register: the Worker's callback, in a read-only field, copied by its button.
    const redirect = `${new URL(base).origin}/embed/sign-in/callback`;
    expect(await page.locator('#bka-idp-redirect').inputValue()).toBe(redirect);
    await tabTo(page, 'bka-idp-copy');
    await page.keyboard.press('Enter');
    await announced(page, 'Redirect URI copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(redirect);

    // A plain-http issuer elsewhere than localhost: the Worker's reason, at the issuer, which takes the focus.
    await tabTo(page, 'bka-idp-id', { back: true });
    await page.keyboard.type('okta');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('bka-idp-issuer');
    await page.keyboard.type('http://acme.okta.example/oauth2/default');
    await page.keyboard.press('Tab');
    await page.keyboard.type('https://acme.okta.example/oauth2/default/v1/keys');
    await page.keyboard.press('Tab');
    await page.keyboard.type('api://bridgekit');
    await page.keyboard.press('Tab');
    await page.keyboard.type('bridgekit');
    await tabTo(page, 'bka-idp-bu-claim');
    await page.keyboard.type('department');
    await tabTo(page, 'bka-idp-sign-in');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('bka-idp-client-id');
    await page.keyboard.type('0oa-console-client');
    await page.keyboard.press('Tab');
    await page.keyboard.type('openid api://bridgekit/bridgekit');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Acme (Okta)');
    await tabTo(page, 'Save the provider');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('bka-idp-issuer');
    expect(await page.locator('#bka-idp-issuer-error').textContent()).toContain('https');
    expect(await page.locator('#bka-idp-issuer').getAttribute('aria-describedby')).toContain('bka-idp-issuer-error');
    expect(await operator(slug).admin.oidcProviders.list()).toEqual([]);
    await axeLightAndDark(page);

    await retype(page, 'https://acme.okta.example/oauth2/default');
    await tabTo(page, 'Save the provider');
    await page.keyboard.press('Enter');
    await announced(page, 'Identity provider “okta” saved.');
    await expect.poll(() => focusedName(page)).toBe('bka-idp-edit-okta');
    expect(await operator(slug).admin.oidcProviders.list()).toEqual([
      {
        id: 'okta',
        issuer: 'https://acme.okta.example/oauth2/default',
        jwksUri: 'https://acme.okta.example/oauth2/default/v1/keys',
        audience: 'api://bridgekit',
        requiredScope: 'bridgekit',
        directoryId: null,
        subjectClaims: ['sub'],
        nameClaim: 'name',
        emailClaim: null,
        businessUnitClaim: 'department',
        signIn: { clientId: '0oa-console-client', scope: 'openid api://bridgekit/bridgekit', label: 'Acme (Okta)' },
      },
    ]);
    await page.getByRole('row', { name: /okta.*Sign in with Acme \(Okta\)/ }).waitFor();
    await axeLightAndDark(page);

    // The role mapping: a row per claim value. An empty value is refused at its row.
    await tabTo(page, 'bka-map-add');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('bka-map-0-value');
    await page.keyboard.type('Okta.Admins');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('bka-map-0-role');
    await page.keyboard.press('ArrowDown'); // moderator → admin
    await tabTo(page, 'bka-map-add');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('bka-map-1-value');
    await page.keyboard.type('Okta.Reviewers');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowUp'); // moderator → evaluator
    await tabTo(page, 'bka-map-add');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('bka-map-2-value');
    await tabTo(page, 'Save the role mapping');
    await page.keyboard.press('Enter');
    // The refusal comes with the save's answer, which a loaded machine may take seconds to give: wait for it, then for the focus it brings.
    await page.locator('#bka-map-2-value-error').waitFor();
    await expect.poll(() => focusedName(page)).toBe('bka-map-2-value');
    expect((await operator(slug).admin.settings.get()).roleMapping).toBeNull();
    await axeLightAndDark(page);
    // Remove that row by keyboard, then save.
    await tabTo(page, 'bka-map-2-remove');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('bka-map-1-value');
    await tabTo(page, 'Save the role mapping');
    await page.keyboard.press('Enter');
    await announced(page, 'Role mapping saved.');
    expect((await operator(slug).admin.settings.get()).roleMapping).toEqual({
      claim: 'roles',
      evaluator: ['Okta.Reviewers'],
      moderator: [],
      admin: ['Okta.Admins'],
      cio: [],
      applyToEmbedTokens: false,
    });

    // Edit the provider: its values fill the form; a new label replaces the provider.
    await tabTo(page, 'bka-idp-edit-okta', { back: true });
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('bka-idp-id');
    expect(await page.locator('#bka-idp-id').inputValue()).toBe('okta');
    expect(await page.locator('#bka-idp-bu-claim').inputValue()).toBe('department');
    await tabTo(page, 'bka-idp-label');
    await retype(page, 'Acme staff');
    await tabTo(page, 'Save the provider');
    await page.keyboard.press('Enter');
    await announced(page, 'Identity provider “okta” saved.');
    const [replaced] = await operator(slug).admin.oidcProviders.list();
    expect(replaced?.signIn?.label).toBe('Acme staff');
    expect(replaced?.businessUnitClaim).toBe('department');

    // Remove it, after the confirmation.
    await tabTo(page, 'bka-idp-remove-okta');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('bka-idp-remove-confirm-okta');
    await axeLightAndDark(page);
    await page.keyboard.press('Enter');
    await announced(page, 'Identity provider “okta” removed.');
    expect(await operator(slug).admin.oidcProviders.list()).toEqual([]);
    await page.getByText('No identity providers yet').waitFor();

    expect(scriptProblems(problems)).toEqual([]);
    await context.close();
  });

  it('lists granted roles by name and handle, grants a role to a member found by name, and takes it back', {
    timeout: 180_000,
  }, async () => {
    const slug = await newTenant(site, 'console-roles', 'Console roles test');
    // Lee becomes a member by writing; Kim is granted a role before any visit.
    const lee = await operator(slug).admin.tokens.mint({ sub: 'console|lee', name: 'Lee Park' });
    await createClient({ baseUrl: base, tenant: slug, token: lee.token }).threads.post({ key: 'console-roles', body: 'Hello' });
    await operator(slug).admin.roles.grant('later|kim', 'moderator');

    const context = await site.browser.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await signInAsOperator(page, site, slug);
    await openScreen(page, 'roles', 'Grant a role');
    await page.getByRole('row', { name: /Not a member yet.*later\|kim.*Moderator/ }).waitFor();
    await axeLightAndDark(page);

    // An empty search: the Worker's reason at the field.
    await tabTo(page, 'bka-role-search');
    await page.keyboard.press('Enter');
    await page.locator('#bka-role-search-error').waitFor();
    expect(await focusedName(page)).toBe('bka-role-search');
    // Nobody by that name.
    await page.keyboard.type('zz');
    await page.keyboard.press('Enter');
    await announced(page, "No member's name or handle starts with “zz”.");
    // By a word of the name.
    await retype(page, 'park');
    await page.keyboard.press('Enter');
    await announced(page, 'One member found.');
    await expect.poll(() => focusedName(page)).toBe('bka-role-person-0');
    expect(await page.locator('label[for="bka-role-person-0"]').textContent()).toContain('Lee Park (@lee.park)');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('bka-role-role');
    await page.keyboard.press('ArrowDown'); // moderator → admin
    await axeLightAndDark(page);
    await tabTo(page, 'Grant the role');
    await page.keyboard.press('Enter');
    await announced(page, 'Lee Park is now an admin.');
    const granted = (await operator(slug).admin.roles.list()).find((g) => g.subject === 'console|lee');
    expect(granted).toMatchObject({ role: 'admin', name: 'Lee Park', handle: 'lee.park', grantedBy: 'platform' });
    await page.getByRole('row', { name: /Lee Park.*@lee\.park.*Admin/ }).waitFor();

    // Take it back, after the confirmation.
    await tabTo(page, 'bka-role-revoke-admin-console_lee');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('bka-role-revoke-confirm-admin-console_lee');
    await axeLightAndDark(page);
    await page.keyboard.press('Enter');
    await announced(page, "Lee Park's Admin role taken back.");
    expect((await operator(slug).admin.roles.list()).map((g) => g.subject)).toEqual(['later|kim']);
    expect(await page.getByRole('row', { name: /Lee Park/ }).count()).toBe(0);

    expect(scriptProblems(problems)).toEqual([]);
    await context.close();
  });
});
