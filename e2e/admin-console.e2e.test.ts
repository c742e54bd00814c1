/**
 * The admin console on the docs site (docs/admin/), against the development Worker: signed in
 * through Bridgekit's sign-in window (the token posted to the docs site's origin) or with the
 * operator token, then business units and boards, by keyboard alone, axe-clean in light and
 * dark; what the console did is then read back through the API.
 */
import { createClient } from '@bridgekit/sdk';
import { describe, expect, it } from 'vitest';
import {
  announced,
  axeLightAndDark,
  base,
  focusedName,
  newTenant,
  openScreen,
  operator,
  retype,
  scriptProblems,
  sendOperatorToken,
  tabTo,
  useConsoleSite,
} from './admin-console-support.ts';
import { watchProblems } from './browser.ts';
import { TEST_ADMIN_TOKEN } from './dev-secret.ts';
import { type FakeOidcProvider, startFakeOidcProvider } from './fake-oidc-provider.ts';

describe('the admin console', () => {
  const site = useConsoleSite('admin/');

  it("signs in with the tenant's identity provider through the sign-in window, then creates, renames and archives a business unit", async () => {
    const person = { oid: `oid-${Date.now()}`, name: 'Dana Fischer', email: 'dana@contoso.example' };
    let idp: FakeOidcProvider | undefined;
    try {
      idp = await startFakeOidcProvider({ redirectUri: `${base}/embed/sign-in/callback`, person });
      // The docs site's origin, exactly, among the tenant's: the window may post the token there.
      const slug = await newTenant(site, 'console', 'Console test');
      await operator(slug).admin.oidcProviders.put('entra', {
        issuer: idp.issuer,
        jwksUri: idp.jwksUri,
        audience: idp.audience,
        directoryId: idp.directoryId,
        requiredScope: 'access_as_user',
        signIn: { clientId: idp.clientId, scope: idp.scope, label: 'Contoso' },
      });
      await operator(slug).admin.roles.grant(`oidc:entra:${idp.directoryId}:${person.oid}`, 'admin');

      const context = await site.browser.newContext();
      const page = await context.newPage();
      const problems = watchProblems(page);
      await page.goto(`${site.docs.origin}/admin/?bridgekit=${encodeURIComponent(base)}`);
      await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
      await axeLightAndDark(page);

      await tabTo(page, 'bka-tenant');
      await page.keyboard.type(slug);
      await tabTo(page, 'bka-kind-person');
      expect(await page.locator('#bka-kind-person').isChecked()).toBe(true);
      await tabTo(page, 'Sign in');
      const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('Enter')]);
      expect(new URL(popup.url()).searchParams.get('opener')).toBe(site.docs.origin);
      await popup.getByRole('button', { name: 'Sign in with Contoso' }).focus();
      const closed = popup.waitForEvent('close', { timeout: 15_000 });
      await popup.keyboard.press('Enter');
      await closed;
      await announced(page, `Signed in to tenant ${slug} as Dana Fischer.`);
      // A person's token: in this tab's session storage, never in local storage.
      expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('eyJ');
      expect(await page.evaluate(() => sessionStorage.getItem('bridgekit-admin-session'))).toContain('"kind":"person"');
      await axeLightAndDark(page);

      // To the screen, by the overview's link.
      await openScreen(page, 'business-units', 'Create a unit');
      await page.getByText('No business units yet').waitFor();

      // A key outside the rule: the Worker's reason, at the key field, which takes the focus.
      await tabTo(page, 'bka-unit-key');
      await page.keyboard.type('Not OK');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Finance');
      await tabTo(page, 'bka-unit-aliases');
      await page.keyboard.type('Contoso Finance');
      await tabTo(page, 'Create the unit');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('#bka-unit-key-error').textContent()).toContain('is not valid');
      expect(await focusedName(page)).toBe('bka-unit-key');
      expect(await page.locator('#bka-unit-key').getAttribute('aria-describedby')).toContain('bka-unit-key-error');
      await retype(page, 'finance');
      await page.keyboard.press('Enter');
      await announced(page, 'Business unit “Finance” created.');
      await page.getByRole('row', { name: /Finance/ }).waitFor();
      expect(await operator(slug).units.get('finance')).toMatchObject({ name: 'Finance', side: 'demand', archivedAt: null });
      expect((await operator(slug).units.get('finance')).aliases).toContain('contoso finance');
      await axeLightAndDark(page);

      // Rename it.
      await tabTo(page, 'bka-unit-edit-finance', { back: true });
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedName(page)).toBe('bka-unit-edit-name-finance');
      await retype(page, 'Finance & Controlling');
      // And its relationship team: a handle no member has is refused at the field, nothing written.
      await tabTo(page, 'bka-unit-edit-partners-finance');
      await page.keyboard.type('nobody.here');
      await tabTo(page, 'Save “Finance”');
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedName(page)).toBe('bka-unit-edit-partners-finance');
      expect(await page.locator('#bka-unit-edit-partners-finance-error').textContent()).toContain('nobody.here');
      expect((await operator(slug).units.get('finance')).name).toBe('Finance');
      await axeLightAndDark(page);
      // A member (someone who has written something): Lee's handle is his name's.
      const lee = await operator(slug).admin.tokens.mint({ sub: 'console|lee', name: 'Lee Park' });
      await createClient({ baseUrl: base, tenant: slug, token: lee.token }).threads.post({ key: 'console-team', body: 'Hello' });
      await retype(page, '@lee.park');
      await tabTo(page, 'Save “Finance”');
      await page.keyboard.press('Enter');
      await announced(page, 'Business unit “Finance & Controlling” saved.');
      await expect.poll(() => focusedName(page)).toBe('bka-unit-edit-finance');
      const saved = await operator(slug).units.get('finance');
      expect(saved.name).toBe('Finance & Controlling');
      expect(saved.team.businessPartners).toEqual([{ handle: 'lee.park', name: 'Lee Park' }]);
      await page.getByRole('row', { name: /Partners: Lee Park\./ }).waitFor();

      // Archive it, after the confirmation.
      await page.keyboard.press('Tab');
      expect(await focusedName(page)).toBe('bka-unit-archive-finance');
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedName(page)).toBe('bka-unit-archive-confirm-finance');
      await axeLightAndDark(page);
      await page.keyboard.press('Enter');
      await announced(page, 'Business unit “Finance & Controlling” archived.');
      expect((await operator(slug).units.get('finance')).archivedAt).not.toBeNull();
      await page.getByText('Finance & Controlling (archived)').waitFor();

      expect(scriptProblems(problems)).toEqual([]);
      expect(await context.cookies()).toEqual([]);
      await context.close();
    } finally {
      idp?.close();
    }
  });

  it('signs in with the operator token (memory only), then creates a budget board and edits its statuses', async () => {
    const slug = await newTenant(site, 'console-op', 'Console operator test');

    const context = await site.browser.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${site.docs.origin}/admin/?bridgekit=${encodeURIComponent(base)}`);
    await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
    await tabTo(page, 'bka-tenant');
    await page.keyboard.type(slug);
    await tabTo(page, 'bka-kind-person');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#bka-kind-operator').isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('bka-token');
    await page.keyboard.type(TEST_ADMIN_TOKEN);
    await page.keyboard.press('Enter');
    await announced(page, `Signed in to tenant ${slug} as Operator.`);
    // The operator token stays in memory: not in either storage.
    expect(await page.evaluate(() => JSON.stringify(sessionStorage) + JSON.stringify(localStorage))).not.toContain(TEST_ADMIN_TOKEN);

    await openScreen(page, 'boards', 'Create a board');
    await axeLightAndDark(page);

    // Without a name: the Worker's field error, at the name.
    await tabTo(page, 'bka-board-slug');
    await page.keyboard.type('finance-ideas');
    await page.keyboard.press('Enter');
    await page.locator('#bka-board-name-error').waitFor();
    expect(await focusedName(page)).toBe('bka-board-name');
    await page.keyboard.type('Finance ideas');
    await tabTo(page, 'bka-board-voting-single');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('bka-board-voting-budget');
    await retype(page, '5');
    await page.keyboard.press('Tab');
    await retype(page, '2');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('bka-board-voting-refund');
    await page.keyboard.press('Space');
    await tabTo(page, 'Create the board');
    await page.keyboard.press('Enter');
    await announced(page, 'Board “Finance ideas” created.');
    const created = await operator(slug).boards.get('finance-ideas');
    expect(created.name).toBe('Finance ideas');
    expect(created.settings.voting).toEqual({ mode: 'budget', budget: 5, perIdea: 2, refundOnClose: false });

    // Edit its statuses: a new one without a label is refused at that label.
    await tabTo(page, 'bka-board-edit-finance-ideas', { back: true });
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('bka-board-edit-heading');
    await tabTo(page, 'bka-status-add');
    await page.keyboard.press('Enter');
    const index = created.statuses.length;
    await expect.poll(() => focusedName(page)).toBe(`bka-status-${index}-key`);
    await page.keyboard.type('parked');
    await tabTo(page, 'Save the board');
    await page.keyboard.press('Enter');
    await page.locator(`#bka-status-${index}-label-error`).waitFor();
    expect(await focusedName(page)).toBe(`bka-status-${index}-label`);
    await page.keyboard.type('Parked');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe(`bka-status-${index}-category`);
    await axeLightAndDark(page);
    await tabTo(page, 'Save the board');
    await page.keyboard.press('Enter');
    await announced(page, 'Board “Finance ideas” saved.');
    const saved = await operator(slug).boards.get('finance-ideas');
    expect(saved.statuses.at(-1)).toMatchObject({ key: 'parked', label: 'Parked', category: 'under_review' });
    expect(saved.statuses).toHaveLength(index + 1);

    // The configuration log says who did what: the board's statuses saved, the board created, the tenant.
    // By the sidebar, in the page: a new page load would forget the operator token.
    await openScreen(page, 'config-log', 'Changes', 'sidebar');
    const rows = page.locator('.bka-table tbody tr');
    await rows.first().waitFor();
    const row = (i: number) => rows.nth(i).locator('th, td').allTextContents();
    const [who, what, target] = (await row(0)).slice(1, 4);
    expect([who?.trim(), what, target]).toEqual(['Platform operator (platform)', 'Board updated', 'finance-ideas']);
    expect((await row(0))[4]).toContain('statuses:');
    expect((await row(1)).slice(2, 4)).toEqual(['Board created', 'finance-ideas']);
    expect((await row(2)).slice(2, 3)).toEqual(['Tenant created']);
    await axeLightAndDark(page);
    // Narrowed to one kind of change, from the keyboard.
    await tabTo(page, 'bka-log-action');
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await rows.allTextContents()).length).toBe(1);
    expect(await page.locator('#bka-log-action').inputValue()).toBe('tenant.created');
    expect((await row(0)).slice(2, 4)).toEqual(['Tenant created', expect.any(String)]);

    // A reload forgets the operator token.
    await page.reload();
    await page.getByText('This screen needs a signed-in admin').waitFor();
    expect(scriptProblems(problems)).toEqual([]);
    await context.close();
  });

  it('refuses a wrong token with the Worker’s reason, and keeps nothing', async () => {
    const slug = await newTenant(site, 'console-no', 'Console refusal test');
    const page = await site.browser.newPage();
    await sendOperatorToken(page, site, slug, 'not-the-operator-token-0123456789abcdef');
    const refusal = page.locator('.bka-form-error').filter({ hasText: 'Sign in again' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/token/i);
    expect(await focusedName(page)).toContain('Sign in again');
    expect(await page.evaluate(() => sessionStorage.getItem('bridgekit-admin-session'))).toBeNull();
    await page.close();
  });
});
