import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { createClient, createPlatformClient } from '@bridgekit/sdk';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createExampleServer } from '../examples/plain-html/server.ts';
import { axeViolations, cspViolations, launch, recordCspViolations, watchProblems } from './browser.ts';
import { TEST_ADMIN_TOKEN, TEST_DEV_SECRET } from './dev-secret.ts';
import { startFakeOidcProvider } from './fake-oidc-provider.ts';
import { type Host, mintDemoToken, serveHost } from './host.ts';

const base = inject('baseUrl');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const boardFrame = (page: Page): FrameLocator => page.frameLocator('iframe[title="Ideas for IT"]');
const voteIn = (frame: FrameLocator, title: string) => frame.locator('bk-idea-board').getByRole('button', { name: `Back “${title}”` });

/** True once embed-resizer.js has given the iframe the height its content reported. */
async function sizedToContent(page: Page, title: string): Promise<boolean> {
  const iframe = page.locator(`iframe[title="${title}"]`);
  const content = await page
    .frameLocator(`iframe[title="${title}"]`)
    .locator('html')
    .evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
  return (await iframe.evaluate((el: HTMLIFrameElement) => el.style.height)) === `${content}px`;
}

/**
 * Clicks the frame's Sign in button and answers the window it opens. The waiter is attached
 * before the click; the click has the shorter timeout, so a click that cannot happen fails with
 * Playwright's reason instead of surfacing as a popup that never came.
 */
async function openSignIn(page: Page, frame: FrameLocator): Promise<Page> {
  const [popup] = await Promise.all([
    page.waitForEvent('popup', { timeout: 20_000 }),
    frame.getByRole('button', { name: 'Sign in', exact: true }).click({ timeout: 10_000 }),
  ]);
  return popup;
}

describe('the iframe route /embed/<widget>', () => {
  let browser: Browser;
  let host: Host | undefined;
  const example = createExampleServer({
    bridgekitUrl: base,
    tenant: 'demo',
    secret: TEST_DEV_SECRET,
    kid: 'dev-1',
    person: { sub: `frames|${Date.now()}`, name: 'Rosa Jiménez', bu: 'Marketing' },
  });
  const examplePage = () => `http://localhost:${(example.address() as AddressInfo).port}/frames.html`;

  beforeAll(async () => {
    browser = await launch();
    await new Promise<void>((resolve) => example.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await browser?.close();
    example.close();
    host?.close();
  });

  it('renders inside a cross-origin parent, which sizes the frame to the height it reports', async () => {
    const page = await browser.newPage();
    await recordCspViolations(page);
    const problems = watchProblems(page);
    await page.goto(examplePage());
    const frame = boardFrame(page);
    await voteIn(frame, 'Predictive stock replenishment for the top 200 products').waitFor();
    // embed-resizer.js applied the height the frame posted: the whole board, no inner scrollbar.
    await expect.poll(() => sizedToContent(page, 'Ideas for IT'), { timeout: 10_000 }).toBe(true);
    expect(await frame.locator('html').evaluate((html) => Math.ceil(html.getBoundingClientRect().height))).toBeGreaterThan(320);
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('posts its height only to the framing origin, which sees it come from Bridgekit’s origin', async () => {
    host = await serveHost({
      '/listen.js': {
        type: 'text/javascript',
        body: `window.received = []; addEventListener('message', (e) => received.push({ origin: e.origin, data: e.data }));`,
      },
      '/': {
        csp: `default-src 'self'; frame-src ${base}`,
        body: `<!doctype html><html lang="en"><head><title>Listener</title><script src="/listen.js"></script></head>
<body><iframe title="Board" src="${base}/embed/idea-board?tenant=demo&board=general"></iframe></body></html>`,
      },
    });
    const page = await browser.newPage();
    await page.goto(`${host.origin}/`);
    await page
      .frameLocator('iframe')
      .locator('bk-idea-board')
      .getByRole('button', { name: /^Back “/ })
      .first()
      .waitFor();
    const received = () => page.evaluate(() => (window as unknown as { received: { origin: string; data: { type: string } }[] }).received);
    await expect.poll(async () => (await received()).some((m) => m.data.type === 'bridgekit:resize'), { timeout: 10_000 }).toBe(true);
    for (const message of await received()) expect(message.origin).toBe(new URL(base).origin);
    await page.close();
    host.close();
  });

  it('refuses to be framed by an origin the tenant does not list', async () => {
    const slug = `frames-${Date.now().toString(36)}`;
    host = await serveHost({
      '/': {
        csp: `default-src 'self'; frame-src ${base}`,
        body: `<!doctype html><html lang="en"><head><title>Framing</title></head>
<body><iframe title="Roadmap" src="${base}/embed/idea-roadmap?tenant=${slug}&board=general"></iframe></body></html>`,
      },
    });
    // Only the host's `localhost` name is allowed; `127.0.0.1` is the same server as another origin.
    const platform = createPlatformClient({ baseUrl: base, token: TEST_ADMIN_TOKEN });
    await platform.tenants.create({ slug, name: 'Frames test', anonymousRead: true, origins: [host.origin] });

    const framed = async (origin: string) => {
      const page = await browser.newPage();
      const refusals: string[] = [];
      page.on('console', (m) => {
        if (m.text().includes('frame-ancestors')) refusals.push(m.text());
      });
      await page.goto(`${origin}/`);
      return { page, refusals };
    };
    const allowed = await framed(host.origin);
    await allowed.page.frameLocator('iframe').locator('bk-idea-roadmap').waitFor({ state: 'attached' });
    expect(allowed.refusals).toEqual([]);
    await allowed.page.close();

    const other = await framed(host.ipOrigin);
    await expect.poll(() => other.refusals.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(other.refusals[0]).toContain(`frame-ancestors ${host.origin}`);
    expect(await other.page.frameLocator('iframe').locator('bk-idea-roadmap').count()).toBe(0);
    await other.page.close();
    host.close();
  });

  it('signs in through a first-party popup and hands the token to the frame — no cookies involved', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(examplePage());
    const frame = boardFrame(page);
    await frame.getByText('Sign in to vote, comment and share.').waitFor();
    // Click only a settled frame: board drawn, iframe grown to it. Before that the frame is still
    // loading and the parent resizing it, and a click that never reaches a cross-origin frame is
    // one Playwright reports as done (its hit-target check sees no event there, so no retry).
    await voteIn(frame, 'Self-service sales dashboards for regional directors').waitFor();
    await expect.poll(() => sizedToContent(page, 'Ideas for IT'), { timeout: 10_000 }).toBe(true);
    const popup = await openSignIn(page, frame);
    // The window may close as soon as the click lands: listen before clicking.
    const closed = popup.waitForEvent('close', { timeout: 15_000 });
    await popup.getByRole('button', { name: 'Continue as Amara Okafor, Finance' }).click({ noWaitAfter: true });
    await closed;

    await frame.getByRole('status').filter({ hasText: 'Signed in.' }).waitFor();
    const vote = voteIn(frame, 'Self-service sales dashboards for regional directors');
    const pressed = await vote.getAttribute('aria-pressed');
    await vote.click();
    await expect.poll(() => vote.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe(pressed === 'true' ? 'false' : 'true');
    expect(await context.cookies()).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('gives each frame its own sign-in window: two frames signing in at once each get their token', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(examplePage());
    const board = boardFrame(page);
    const thread = page.frameLocator('iframe[title="War stories discussion"]');
    await voteIn(board, 'Self-service sales dashboards for regional directors').waitFor();
    await thread.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await expect.poll(() => sizedToContent(page, 'Ideas for IT'), { timeout: 10_000 }).toBe(true);
    // The thread's frame grows as its comments come in: click once its height has held for a moment.
    const threadHeight = () => page.locator('iframe[title="War stories discussion"]').evaluate((el: HTMLIFrameElement) => el.style.height);
    let lastHeight = '';
    await expect
      .poll(
        async () => {
          const [was, now] = [lastHeight, await threadHeight()];
          lastHeight = now;
          return now !== '' && now === was;
        },
        { timeout: 10_000, interval: 300 },
      )
      .toBe(true);
    // The board's window is still open when the thread's Sign in is clicked.
    const boardWindow = await openSignIn(page, board);
    const threadWindow = await openSignIn(page, thread);
    expect(threadWindow).not.toBe(boardWindow);
    for (const [popup, frame] of [
      [threadWindow, thread],
      [boardWindow, board],
    ] as const) {
      const closed = popup.waitForEvent('close', { timeout: 15_000 });
      await popup.getByRole('button', { name: 'Continue as Amara Okafor, Finance' }).click({ noWaitAfter: true });
      await closed;
      await frame.getByRole('status').filter({ hasText: 'Signed in.' }).waitFor();
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it("signs in with the tenant's OpenID Connect provider in the popup: authorization code with PKCE, token to the frame", async () => {
    const slug = `oidc-${Date.now().toString(36)}`;
    host = await serveHost({
      '/': {
        csp: `default-src 'self'; frame-src ${base}`,
        body: `<!doctype html><html lang="en"><head><title>Team site</title></head>
<body><iframe title="Discussion" src="${base}/embed/thread?tenant=${slug}&key=welcome"></iframe></body></html>`,
      },
    });
    const idp = await startFakeOidcProvider({
      redirectUri: `${base}/embed/sign-in/callback`,
      person: { oid: `oid-${Date.now()}`, name: 'Dana Fischer', email: 'dana@contoso.example' },
    });
    try {
      await createPlatformClient({ baseUrl: base, token: TEST_ADMIN_TOKEN }).tenants.create({
        slug,
        name: 'Contoso',
        anonymousRead: true,
        origins: [host.origin],
      });
      await createClient({ baseUrl: base, tenant: slug, token: TEST_ADMIN_TOKEN }).admin.oidcProviders.put('entra', {
        issuer: idp.issuer,
        jwksUri: idp.jwksUri,
        audience: idp.audience,
        directoryId: idp.directoryId,
        requiredScope: 'access_as_user',
        signIn: { clientId: idp.clientId, scope: idp.scope, label: 'Contoso (Microsoft Entra ID)' },
      });

      const page = await browser.newPage();
      const problems = watchProblems(page);
      await page.goto(`${host.origin}/`);
      const frame = page.frameLocator('iframe');
      const popup = await openSignIn(page, frame);
      const closed = popup.waitForEvent('close', { timeout: 15_000 });
      await popup.getByRole('button', { name: 'Sign in with Contoso (Microsoft Entra ID)' }).click({ noWaitAfter: true });
      await closed;

      const request = idp.authorizations[0];
      expect(request?.get('code_challenge_method')).toBe('S256');
      expect(request?.get('scope')?.split(' ')).toEqual(expect.arrayContaining(['openid', idp.scope]));

      const thread = frame.locator('bk-thread');
      const text = `Signed in with our own directory ${Date.now()}`;
      await thread.getByRole('textbox', { name: 'Add a comment' }).fill(text);
      await thread.getByRole('button', { name: 'Post', exact: true }).click();
      await thread.getByText(text).waitFor({ timeout: 15_000 });
      await thread.getByText('Dana Fischer').first().waitFor();
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      idp.close();
      host.close();
    }
  });

  it('is usable from the keyboard and axe-clean, in dark German: the frame page and its sign-in window', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${base}/embed/thread?tenant=demo&key=demo-war-stories&theme=dark&locale=de`);
    await page.locator('bk-thread').getByText('Diskussion').first().waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Anmelden');
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('Enter')]);
    await popup.getByRole('heading', { name: 'Anmelden' }).waitFor();
    expect(await axeViolations(popup, axeSource, 'body')).toEqual([]);
    expect(await axeViolations(page, axeSource, 'body')).toEqual([]);
    await popup.close();
    expect(problems).toEqual([]);
    await page.close();
  });

  it("takes the token from the host's own provider through embed-resizer.js, with no sign-in step", async () => {
    const token = await mintDemoToken(base, 'Host Signed User', 'Legal');
    host = await serveHost({
      '/token.js': { type: 'text/javascript', body: `window.hostToken = async () => ${JSON.stringify(token)};` },
      '/': {
        csp: `default-src 'self'; script-src 'self' ${base}; frame-src ${base}`,
        body: `<!doctype html><html lang="en"><head><title>Host hand-off</title>
<script src="/token.js"></script>
<script src="${base}/embed-resizer.js" data-token-provider="hostToken" async></script></head>
<body><iframe title="Ideas for IT" src="${base}/embed/idea-board?tenant=demo&board=general"></iframe></body></html>`,
      },
    });
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${host.origin}/`);
    const frame = boardFrame(page);
    await frame.locator('bk-idea-board').getByRole('button', { name: 'Share an idea' }).waitFor({ timeout: 15_000 });
    expect(await frame.getByRole('button', { name: 'Sign in', exact: true }).isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens a link someone wrote outside the frame, so the frame stays Bridgekit’s', async () => {
    const key = `frames-links-${Date.now().toString(36)}`;
    const src = `${base}/embed/thread?tenant=demo&key=${key}`;
    host = await serveHost({
      '/': {
        csp: `default-src 'self'; frame-src ${base}`,
        body: `<!doctype html><html lang="en"><head><title>Discussion host</title></head>
<body><iframe title="Discussion" src="${src}"></iframe></body></html>`,
      },
      // What a phishing link would show inside the intranet page, if it replaced the frame.
      '/phish': {
        body: '<!doctype html><html lang="en"><head><title>Sign in</title></head><body><p>Your session expired.</p></body></html>',
      },
    });
    const author = createClient({ baseUrl: base, tenant: 'demo', token: await mintDemoToken(base, 'Link Poster') });
    await author.threads.post({ key, body: `The agenda is [here](${host.origin}/phish).` });

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${host.origin}/`);
    const link = page.frameLocator('iframe[title="Discussion"]').locator('bk-thread').getByRole('link', { name: 'here' });
    await link.waitFor();
    const opened = context.waitForEvent('page');
    await link.click();
    const popup = await opened;
    await popup.waitForLoadState();
    // A new browsing context, with no handle on the intranet page and no Referer from it.
    expect(popup.url()).toBe(`${host.origin}/phish`);
    expect(await popup.evaluate(() => [window.opener === null, document.referrer])).toEqual([true, '']);
    // The frame still shows the thread.
    expect(page.frames().map((f) => f.url())).toContain(src);
    await link.waitFor();
    await context.close();
    host.close();
  });
});
