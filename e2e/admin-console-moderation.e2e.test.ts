/**
 * The admin console's moderation and webhooks screens (docs/admin/moderation.md, webhooks.md),
 * against the development Worker, signed in with the operator token: word lists saved (a value
 * out of range refused at its field first), a timed-out person listed and lifted; a webhook
 * created with its events and its secret shown once, tested, its delivery log, edited, its
 * secret rotated, removed. By keyboard alone, axe-clean in light and dark; what the console did
 * is read back through the API. The webhook's receiver is a plain Node HTTP server on 127.0.0.1.
 */
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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

interface Delivery {
  event: string;
  signature: string;
  body: string;
}

/** A webhook receiver outside the product: records each POST and answers 200. */
async function startReceiver(): Promise<{ url: string; received: Delivery[]; close: () => void }> {
  const received: Delivery[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      received.push({
        event: String(req.headers['bridgekit-event'] ?? ''),
        signature: String(req.headers['bridgekit-signature'] ?? ''),
        body,
      });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks/bridgekit`, received, close: () => server.close() };
}

/** True when the delivery carries a `v1` signature made with `secret` (docs/webhooks.md). */
function signedWith(d: Delivery, secret: string): boolean {
  const parts = d.signature.split(',').map((p) => p.split('='));
  const t = parts.find(([k]) => k === 't')?.[1];
  const expected = createHmac('sha256', secret).update(`${t}.${d.body}`).digest('hex');
  return parts.some(([k, v]) => k === 'v1' && v === expected);
}

describe('the admin console: moderation and webhooks', () => {
  const site = useConsoleSite('admin/moderation');

  it('saves the word lists and settings (a value out of range refused at its field), and lifts a time-out', async () => {
    const slug = await newTenant(site, 'console-mod', 'Console moderation test');
    // Kim writes, and is timed out for a day by the operator.
    const kim = createClient({
      baseUrl: base,
      tenant: slug,
      token: (await operator(slug).admin.tokens.mint({ sub: 'console|kim', name: 'Kim Lee' })).token,
    });
    // Held for review (everyone's contributions are, for now): the queue names Kim's user id.
    await operator(slug).moderation.updateSettings({ preModeration: 'all' });
    await kim.threads.post({ key: 'console-moderation', body: 'Hello' });
    const kimId = (await operator(slug).moderation.queue()).items[0]?.authorId ?? '';
    const until = new Date(Date.now() + 86_400_000).toISOString();
    await operator(slug).moderation.restrict(kimId, { reason: 'Cool down', until });

    const context = await site.browser.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await signInAsOperator(page, site, slug);
    await openScreen(page, 'moderation', 'Banned and timed-out people');
    const kimRow = page.getByRole('row', { name: /Kim Lee/ });
    await kimRow.waitFor();
    const cells = await kimRow.locator('th, td').allTextContents();
    expect(cells[0]).toContain('Kim Lee');
    expect(cells[1]).toMatch(/^Timed out until /);
    expect(cells.slice(2, 4)).toEqual(['Cool down', 'Platform operator']);
    await page.locator('#bka-mod-banned').waitFor();
    expect(await page.locator('#bka-mod-depth').inputValue()).toBe('4');
    await axeLightAndDark(page);

    // Newcomers' contributions held; two banned words, one held word; nesting 9 deep is refused at its field.
    expect(await page.locator('#bka-mod-pre-all').isChecked()).toBe(true);
    await tabTo(page, 'bka-mod-pre-all');
    await page.keyboard.press('ArrowUp');
    expect(await page.locator('#bka-mod-pre-new').isChecked()).toBe(true);
    await tabTo(page, 'bka-mod-banned');
    await page.keyboard.type('bribe');
    await page.keyboard.press('Enter');
    await page.keyboard.type('kickback');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('bka-mod-suspect');
    await page.keyboard.type('crypto');
    await tabTo(page, 'bka-mod-depth');
    await retype(page, '9');
    await page.keyboard.press('Enter');
    await page.locator('#bka-mod-depth-error').waitFor();
    expect(await page.locator('#bka-mod-depth-error').textContent()).toContain('at most 8');
    expect(await focusedName(page)).toBe('bka-mod-depth');
    expect(await page.locator('#bka-mod-depth').getAttribute('aria-describedby')).toContain('bka-mod-depth-error');
    expect((await operator(slug).moderation.settings()).bannedWords).toEqual([]);
    await axeLightAndDark(page);
    await retype(page, '3');
    await page.keyboard.press('Enter');
    await announced(page, 'Moderation settings saved.');
    expect(await page.locator('#bka-mod-depth-error').count()).toBe(0);
    expect(await operator(slug).moderation.settings()).toMatchObject({
      preModeration: 'new_users',
      bannedWords: ['bribe', 'kickback'],
      suspectWords: ['crypto'],
      maxDepth: 3,
      maxLinks: 3,
    });
    // Lift Kim's time-out, after the confirmation.
    await tabTo(page, `bka-lift-${kimId}`, { back: true });
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe(`bka-lift-confirm-${kimId}`);
    await axeLightAndDark(page);
    await page.keyboard.press('Enter');
    await announced(page, 'Kim Lee may post again.');
    await page.getByText('Nobody is banned or timed out.').waitFor();
    expect((await operator(slug).moderation.restrictions()).items).toEqual([]);
    expect((await operator(slug).moderation.auditLog()).items[0]).toMatchObject({ action: 'lift_restriction', target: { id: kimId } });
    // Kim may post again, and the pipeline uses the saved list: a banned word is refused.
    await expect(kim.threads.post({ key: 'console-moderation', body: 'A bribe, perhaps' })).rejects.toMatchObject({
      status: 422,
      reason: 'comment_rejected.banned_word',
    });

    expect(scriptProblems(problems)).toEqual([]);
    await context.close();
  }, 180_000);

  it('creates a webhook with its events (secret shown once), tests it, shows its deliveries, edits, rotates and removes it', async () => {
    const slug = await newTenant(site, 'console-hook', 'Console webhooks test');
    const receiver = await startReceiver();
    try {
      const context = await clipboardContext(site);
      const page = await context.newPage();
      const problems = watchProblems(page);
      await signInAsOperator(page, site, slug);
      await openScreen(page, 'webhooks', 'Create a webhook');
      await page.getByText('No webhooks yet').waitFor();
      await axeLightAndDark(page);

      // No event chosen: refused, the keyboard taken to the events.
      await tabTo(page, 'bka-hook-url');
      await page.keyboard.type(receiver.url);
      await page.keyboard.press('Tab');
      await page.keyboard.type('Portfolio tool');
      await tabTo(page, 'Create the webhook');
      await page.keyboard.press('Enter');
      await page.locator('#bka-hook-events-error').waitFor();
      expect(await focusedName(page)).toBe('bka-hook-event-idea.created');
      expect(await operator(slug).admin.webhooks.list()).toEqual([]);
      await axeLightAndDark(page);
      await page.keyboard.press('Space');
      await tabTo(page, 'bka-hook-event-comment.created');
      await page.keyboard.press('Space');
      await tabTo(page, 'Create the webhook');
      await page.keyboard.press('Enter');
      await announced(page, `Webhook to ${receiver.url} created.`);
      await expect.poll(() => focusedName(page)).toBe('bka-hook-secret-heading');
      const secret = await page.locator('#bka-hook-secret').inputValue();
      expect(secret).toMatch(/^whsec_/);
      const [hook] = await operator(slug).admin.webhooks.list();
      expect(hook).toMatchObject({ url: receiver.url, events: ['idea.created', 'comment.created'], format: 'raw', enabled: true });
      expect(JSON.stringify(hook)).not.toContain(secret);
      const id = hook?.id ?? '';
      await axeLightAndDark(page);

      // Copied, then put away: the page no longer holds it.
      await tabTo(page, 'bka-hook-secret-copy');
      await page.keyboard.press('Enter');
      await page.getByText('Copied.').waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedName(page)).toBe(`bka-hook-edit-${id}`);
      expect(await page.content()).not.toContain(secret);

      // A test: the receiver's answer on the screen; the ping it got is signed with the secret.
      await tabTo(page, `bka-hook-test-${id}`);
      await page.keyboard.press('Enter');
      await announced(page, 'The receiver answered HTTP 200 (delivered).');
      const ping = receiver.received.find((d) => d.event === 'ping');
      expect(ping && signedWith(ping, secret)).toBe(true);

      // An event: Kim's comment is delivered, and the delivery is in the log.
      const kim = await operator(slug).admin.tokens.mint({ sub: 'console|kim', name: 'Kim Lee' });
      await createClient({ baseUrl: base, tenant: slug, token: kim.token }).threads.post({ key: 'console-hooks', body: 'Hello hooks' });
      await expect
        .poll(async () => (await operator(slug).admin.webhooks.deliveries(id)).map((d) => d.eventType), { timeout: 60_000, interval: 500 })
        .toEqual(['comment.created']);
      const delivered = receiver.received.find((d) => d.event === 'comment.created');
      expect(delivered && signedWith(delivered, secret)).toBe(true);
      await tabTo(page, `bka-hook-log-${id}`);
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedName(page)).toBe('bka-hook-log-heading');
      const logRow = page.locator('.bka-hook-log tbody tr');
      await logRow.first().waitFor();
      expect((await logRow.first().locator('th, td').allTextContents()).slice(1)).toEqual(['comment.created', '1', 'Delivered', '200', '']);
      await axeLightAndDark(page);

      // Edit: only comments, and off; then on again.
      await tabTo(page, `bka-hook-edit-${id}`, { back: true });
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedName(page)).toBe(`bka-hook-edit-url-${id}`);
      await tabTo(page, `bka-hook-edit-event-idea.created-${id}`);
      await page.keyboard.press('Space');
      await tabTo(page, `bka-hook-edit-enabled-${id}`);
      await page.keyboard.press('Space');
      await axeLightAndDark(page);
      await tabTo(page, 'Save the webhook');
      await page.keyboard.press('Enter');
      await announced(page, `Webhook to ${receiver.url} saved (off).`);
      expect(await operator(slug).admin.webhooks.list()).toEqual([
        expect.objectContaining({ events: ['comment.created'], enabled: false }),
      ]);
      await expect.poll(() => focusedName(page)).toBe(`bka-hook-edit-${id}`);
      await page.keyboard.press('Enter');
      await tabTo(page, `bka-hook-edit-enabled-${id}`);
      await page.keyboard.press('Space');
      await tabTo(page, 'Save the webhook');
      await page.keyboard.press('Enter');
      await announced(page, `Webhook to ${receiver.url} saved.`);
      expect((await operator(slug).admin.webhooks.list())[0]?.enabled).toBe(true);

      // Rotate the secret, after the confirmation: a new one, shown once.
      await tabTo(page, `bka-hook-rotate-${id}`);
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedName(page)).toBe(`bka-hook-rotate-confirm-${id}`);
      await page.keyboard.press('Enter');
      await announced(page, `New secret for ${receiver.url}.`);
      const rotated = await page.locator('#bka-hook-secret').inputValue();
      expect(rotated).toMatch(/^whsec_/);
      expect(rotated).not.toBe(secret);
      await tabTo(page, 'I have stored it');
      await page.keyboard.press('Enter');
      expect(await page.content()).not.toContain(rotated);
      await tabTo(page, `bka-hook-test-${id}`);
      await page.keyboard.press('Enter');
      await announced(page, `Test sent to ${receiver.url}. The receiver answered HTTP 200`);
      const pings = receiver.received.filter((d) => d.event === 'ping');
      expect(pings.length).toBe(2);
      expect(pings.every((d) => signedWith(d, secret))).toBe(true);
      expect(pings[1] && signedWith(pings[1], rotated)).toBe(true);

      // Remove it, after the confirmation.
      await tabTo(page, `bka-hook-remove-${id}`);
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedName(page)).toBe(`bka-hook-remove-confirm-${id}`);
      await axeLightAndDark(page);
      await page.keyboard.press('Enter');
      await announced(page, `Webhook to ${receiver.url} removed.`);
      await page.getByText('No webhooks yet').waitFor();
      expect(await operator(slug).admin.webhooks.list()).toEqual([]);

      expect(scriptProblems(problems)).toEqual([]);
      await context.close();
    } finally {
      receiver.close();
    }
  }, 180_000);
});
