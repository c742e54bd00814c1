import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../packages/worker/scripts/dev-server.ts';
import { axeViolations, cspViolations, launch, recordCspViolations, watchProblems } from './browser.ts';
import { type DocsServer, docsDist, serveDocs } from './docs-server.ts';
import { type Host, serveHost } from './host.ts';

const base = inject('baseUrl');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const dist = docsDist;

/** The policy SharePoint Online enforces, with only the Worker's origin allowed. */
const strictPolicy = `default-src 'self'; script-src ${base}; connect-src ${base}`;

const blankPage = (snippet: string) =>
  `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Blank page</title></head><body>\n${snippet}\n</body></html>`;

describe('the docs site', () => {
  let browser: Browser;
  let docs: DocsServer;
  let host: Host | undefined;

  beforeAll(async () => {
    if (!existsSync(`${dist}configurator.html`) || !existsSync(`${dist}demos/index.html`)) {
      throw new Error(`The docs site is not built (${dist} has no configurator.html or demos/index.html): run \`pnpm build\` first.`);
    }
    docs = await serveDocs(dist);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    docs?.close();
    host?.close();
  });

  it("configurator: pick a board, see it live, copy the snippet; pasted into a blank page under a strict CSP, it shows the Worker's ideas", async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: docs.origin });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${docs.origin}/configurator?bridgekit=${encodeURIComponent(base)}`);

    await page.getByLabel('Widget').selectOption('bk-idea-board');
    const board = page.getByLabel('Board', { exact: true });
    await expect.poll(() => board.locator('option').allTextContents(), { timeout: 15_000 }).toContain('IT-enabled ideas (general)');
    await board.selectOption('general');

    // The preview is the real widget, loaded through the Worker's embed.js.
    const preview = page.locator('.bkd-preview-widget bk-idea-board[board="general"]');
    // Below the form: the loader fetches a widget's code only when it comes near the viewport.
    await preview.scrollIntoViewIfNeeded();
    await preview.getByRole('heading', { name: 'Predictive stock replenishment for the top 200 products' }).waitFor({ timeout: 15_000 });
    expect(await page.locator(`script[src="${base}/embed.js"]`).count()).toBe(1);

    const code = page.getByRole('figure', { name: 'the HTML', exact: true }).locator('pre');
    const expected = `<script src="${base}/embed.js" data-tenant="demo" async></script>\n<bk-idea-board board="general"></bk-idea-board>`;
    expect(await code.textContent()).toBe(expected);

    // Copy, by keyboard; the outcome is announced.
    await page.getByRole('button', { name: 'Copy the HTML', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(expected);

    expect(await axeViolations(page, axeSource, '.bkd-configurator')).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();

    // Pasted into a blank page on another origin, under the strict policy.
    host = await serveHost({ '/': { body: blankPage(copied), csp: strictPolicy } });
    const blank = await browser.newPage();
    await recordCspViolations(blank);
    const blankProblems = watchProblems(blank);
    const response = await blank.goto(`${host.origin}/`);
    expect(response?.headers()['content-security-policy']).toBe(strictPolicy);
    const pasted = blank.locator('bk-idea-board[board="general"]');
    await pasted.getByRole('heading', { name: 'Predictive stock replenishment for the top 200 products' }).waitFor({ timeout: 15_000 });
    await pasted.getByRole('heading', { name: 'Self-service sales dashboards for regional directors' }).waitFor();
    expect(await cspViolations(blank)).toEqual([]);
    expect(blankProblems).toEqual([]);
    await blank.close();
  });

  it('configurator: the snippet follows every choice, and the web part and iframe outputs with it', async () => {
    const page = await browser.newPage();
    await page.goto(`${docs.origin}/configurator?bridgekit=${encodeURIComponent(base)}&widget=bk-thread&key=demo-war-stories`);
    const code = page.getByRole('figure', { name: 'the HTML', exact: true }).locator('pre');
    await expect
      .poll(() => code.textContent(), { timeout: 15_000 })
      .toBe(`<script src="${base}/embed.js" data-tenant="demo" async></script>\n<bk-thread key="demo-war-stories"></bk-thread>`);
    // The tenant's own discussions are offered (GET /threads), the preselected one chosen.
    const threadPicker = page.getByRole('combobox', { name: 'Thread key' });
    await expect.poll(() => threadPicker.inputValue(), { timeout: 15_000 }).toBe('demo-war-stories');
    expect(await threadPicker.locator('option').allTextContents()).toContain('Another (type it)…');

    // A demo user: the snippet carries a token the development Worker minted, and the preview is signed in.
    await page.getByLabel('A demo user (development Worker only)').check();
    await page.getByLabel('Signed in as').selectOption('amara');
    await expect.poll(() => code.textContent(), { timeout: 15_000 }).toMatch(/ data-token="ey[\w-]+\.[\w-]+\.[\w-]+" async><\/script>/);
    const thread = page.locator('.bkd-preview-widget bk-thread');
    await thread.scrollIntoViewIfNeeded();
    // As long as the live demos wait: the preview's thread loads its chunks while other suites load the machine.
    await thread.getByRole('textbox', { name: 'Add a comment' }).waitFor({ timeout: 30_000 });

    await page.getByLabel('Theme').selectOption('dark');
    await page.getByLabel('Language').selectOption('de');
    await page.getByLabel('A token provider function on your page').check();
    await page.getByLabel('Function name').fill('intranetToken');
    await expect
      .poll(() => code.textContent(), { timeout: 15_000 })
      .toBe(
        `<script src="${base}/embed.js" data-tenant="demo" data-locale="de" data-theme="dark" data-token-provider="intranetToken" async></script>\n<bk-thread key="demo-war-stories"></bk-thread>`,
      );
    expect(await page.getByRole('figure', { name: 'the iframe address', exact: true }).locator('pre').textContent()).toBe(
      `${base}/embed/thread?tenant=demo&key=demo-war-stories&theme=dark&locale=de`,
    );
    const settings = await page
      .locator('#bk-webpart ~ table tbody tr')
      .evaluateAll((rows) => rows.map((row) => [row.querySelector('th')?.textContent, row.querySelector('td')?.textContent]));
    expect(settings).toEqual([
      ['Widget', 'Discussion thread'],
      ['Thread key', 'demo-war-stories'],
      ['Bridgekit address', base],
      ['Tenant', 'demo'],
      ['Entra application ID URI', 'api://<your-bridgekit-app-id>'],
    ]);

    // The preview shows the thread in German, as the snippet's page would.
    await thread.getByRole('heading', { name: 'Diskussion' }).waitFor({ timeout: 15_000 });
    await page.close();
  });

  it('says how to start the Worker when nothing answers at the Bridgekit URL', async () => {
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    const page = await browser.newPage();
    await page.goto(`${docs.origin}/configurator?bridgekit=${encodeURIComponent(nowhere)}`);
    const alert = page.locator('.bkd-preview').getByRole('alert');
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.textContent()).toContain('Start the local Worker with pnpm dev');
    expect(await page.locator('script[src$="/embed.js"]').count()).toBe(0);
    await page.close();
  });

  it('live demos: every widget loads from the Worker and renders, signed in as the demo moderator', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${docs.origin}/demos/?bridgekit=${encodeURIComponent(base)}`);
    const tags = [
      'bk-idea-board',
      'bk-idea-vote',
      'bk-idea-form',
      'bk-idea-triage',
      'bk-idea-roadmap',
      'bk-thread',
      'bk-comment-count',
      'bk-moderation',
      'bk-practice-card',
      'bk-practice-library',
      'bk-search',
      'bk-related',
      'bk-idea',
      'bk-inbox',
      'bk-follow',
      'bk-person',
      'bk-health',
      'bk-insights',
      'bk-value-plan',
    ];
    for (const tag of tags) {
      const element = page.locator(`.bkd-preview-widget > ${tag}`);
      await element.scrollIntoViewIfNeeded({ timeout: 15_000 });
      // Defined by the chunk the loader fetched, and showing something from the Worker.
      await expect
        .poll(
          () => element.evaluate((el) => Boolean(customElements.get(el.localName)) && (el.shadowRoot?.textContent ?? '').trim().length > 0),
          { timeout: 30_000, message: `<${tag}> on the live demos page shows something from the Worker` },
        )
        .toBe(true);
    }
    // The demo session signed the page in as Mei, a moderator: the queue's tools, not "Only moderators…".
    await page.locator('bk-moderation').getByRole('button', { name: 'Keyboard shortcuts' }).waitFor({ timeout: 15_000 });
    expect(problems).toEqual([]);
    await page.close();
  });
});
