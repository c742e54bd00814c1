import { readdir, readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { strictPolicy } from '../examples/plain-html/pages.ts';
import { createExampleServer } from '../examples/plain-html/server.ts';
import { cspViolations, launch, recordCspViolations, voteButtonFor, watchProblems } from './browser.ts';
import { TEST_DEV_SECRET } from './dev-secret.ts';
import { demoUserToken, type Host, mintDemoToken, serveHost } from './host.ts';

const base = inject('baseUrl');
const unique = (text: string) => `${text} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function voteOnce(page: Page, title: string): Promise<void> {
  const vote = voteButtonFor(page, title);
  await vote.scrollIntoViewIfNeeded();
  const before = Number(await vote.locator('[part="count"]').textContent());
  await vote.click();
  await expect.poll(() => vote.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
  await expect.poll(async () => Number(await vote.locator('[part="count"]').textContent()), { timeout: 10_000 }).toBe(before + 1);
}

describe('the script tag under the exact strict policy of the docs, on another origin', () => {
  let browser: Browser;
  const example = createExampleServer({
    bridgekitUrl: base,
    tenant: 'demo',
    secret: TEST_DEV_SECRET,
    kid: 'dev-1',
    person: { sub: `strict|${Date.now()}`, name: 'Rosa Jiménez', bu: 'Marketing' },
  });
  beforeAll(async () => {
    browser = await launch();
    await new Promise<void>((resolve) => example.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await browser?.close();
    example.close();
  });

  it('renders the board and the thread, takes a vote and a comment, goes live over a socket, with zero violations', async () => {
    const page = await browser.newPage();
    await recordCspViolations(page);
    const problems = watchProblems(page);
    const response = await page.goto(`http://localhost:${(example.address() as AddressInfo).port}/`);
    // The page is served with exactly the policy the docs print, and nothing looser.
    expect(response?.headers()['content-security-policy']).toBe(strictPolicy(new URL(base).origin));
    expect(strictPolicy('https://bk.example.com')).toBe(
      "default-src 'self'; script-src https://bk.example.com; connect-src https://bk.example.com wss://bk.example.com",
    );

    await voteOnce(page, 'Self-service sales dashboards for regional directors');

    const thread = page.locator('bk-thread');
    await thread.scrollIntoViewIfNeeded();
    await expect.poll(() => thread.locator('[part="thread"]').getAttribute('data-live'), { timeout: 15_000 }).toBe('socket');
    const text = unique('Marketing got its asset library by pairing with the data team');
    await thread.getByRole('textbox', { name: 'Add a comment' }).fill(text);
    await thread.getByRole('button', { name: 'Post', exact: true }).click();
    await thread.getByText(text).waitFor({ timeout: 15_000 });

    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('every widget under the strict policy', () => {
  let browser: Browser;
  let host: Host | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    host?.close();
  });

  it('renders each element for a moderator with no violation: no inline style or script anywhere', async () => {
    const token = await demoUserToken(base, 'mei');
    const tags = [
      '<bk-idea-board board="general"></bk-idea-board>',
      '<bk-idea-vote idea="demo-idea-invoice" variant="inline"></bk-idea-vote>',
      '<bk-idea-form board="general"></bk-idea-form>',
      '<bk-idea-roadmap board="general"></bk-idea-roadmap>',
      '<bk-idea-triage board="general"></bk-idea-triage>',
      '<bk-thread key="demo-war-stories"></bk-thread>',
      '<bk-comment-count key="demo-war-stories"></bk-comment-count>',
      '<bk-moderation></bk-moderation>',
      '<bk-practice-card card="demo-card-business-case" expanded></bk-practice-card>',
      '<bk-practice-library></bk-practice-library>',
      '<bk-search></bk-search>',
      '<bk-related kind="idea" item-id="demo-idea-spend-report"></bk-related>',
      '<bk-idea idea="demo-idea-spend-report"></bk-idea>',
      '<bk-inbox></bk-inbox>',
      '<bk-follow target="idea" item-id="demo-idea-spend-report"></bk-follow>',
      '<bk-person></bk-person>',
      '<bk-health></bk-health>',
      '<bk-insights></bk-insights>',
      '<bk-value-plan></bk-value-plan>',
    ];
    host = await serveHost({
      '/': {
        csp: strictPolicy(new URL(base).origin),
        body: `<!doctype html><html lang="en"><head><title>Everything</title>
<script src="${base}/embed.js" data-tenant="demo" data-token="${token}" async></script></head>
<body>${tags.join('\n')}</body></html>`,
      },
    });
    const page = await browser.newPage({ viewport: { width: 1200, height: 8000 } });
    await recordCspViolations(page);
    const problems = watchProblems(page);
    await page.goto(`${host.origin}/`);
    const unrendered = () =>
      page.evaluate(() =>
        [...document.body.children]
          .filter((el) => {
            const text = el.shadowRoot?.textContent?.trim() ?? '';
            // Every loading text says "Loading"; an ellipsis alone is no sign of one (a comment's "…" menu button).
            return text === '' || /Loading/.test(text);
          })
          .map((el) => el.localName),
      );
    await expect.poll(unrendered, { timeout: 30_000 }).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('hosts with their own constraints', () => {
  let browser: Browser;
  let host: Host | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    host?.close();
  });

  it('gives a nonce-based policy its nonce as litNonce, and works under it with zero violations', async () => {
    const token = await mintDemoToken(base);
    const nonce = 'r4nd0m-n0nce-value';
    host = await serveHost({
      '/': {
        csp: `default-src 'self'; script-src 'nonce-${nonce}' 'strict-dynamic'; connect-src ${base}; style-src 'self'`,
        body: `<!doctype html><html lang="en"><head><title>Nonce host</title>
<script nonce="${nonce}" src="${base}/embed.js" data-tenant="demo" data-token="${token}" async></script>
</head><body><bk-idea-board board="general"></bk-idea-board></body></html>`,
      },
    });
    const page = await browser.newPage();
    await recordCspViolations(page);
    const problems = watchProblems(page);
    await page.goto(`${host.origin}/`);
    await voteOnce(page, 'Predictive stock replenishment for the top 200 products');
    expect(await page.evaluate(() => (window as unknown as { litNonce?: string }).litNonce)).toBe(nonce);
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
    host.close();
  });

  it('survives two copies of the bundle on one page (two web parts): no error, one working board', async () => {
    const token = await mintDemoToken(base);
    const cdn = new URL('../packages/widgets/dist/cdn/', import.meta.url);
    const manifest = JSON.parse(await readFile(new URL('widgets.json', cdn), 'utf8')) as Record<
      string,
      { entry: string; chunks: string[] }
    >;
    const board = manifest['bk-idea-board'];
    if (!board) throw new Error('widgets.json lists no bk-idea-board: run pnpm build');
    // The second copy: the same chunks served from the host's own origin, so the browser
    // evaluates them again as separate modules — as a web part that bundles the widgets does.
    // All of them, since the board imports parts of itself on demand (the idea opened in place).
    const copy: Record<string, { body: Buffer; type: string }> = {};
    for (const file of await readdir(new URL('widgets/', cdn))) {
      if (file.endsWith('.js'))
        copy[`/copy/widgets/${file}`] = { body: await readFile(new URL(`widgets/${file}`, cdn)), type: 'text/javascript' };
    }
    host = await serveHost({
      ...copy,
      '/web-part.js': {
        type: 'text/javascript',
        body: `import './copy/${board.entry}';\n`,
      },
      '/': {
        csp: `default-src 'self'; script-src 'self' ${base}; connect-src ${base}`,
        body: `<!doctype html><html lang="en"><head><title>Two web parts</title>
<script src="${base}/embed.js" data-tenant="demo" data-token="${token}"></script>
<script type="module" src="/web-part.js"></script>
<script src="${base}/embed.js" data-tenant="demo" data-token="${token}" async></script>
</head><body><bk-idea-board board="general"></bk-idea-board><bk-idea-board board="general"></bk-idea-board></body></html>`,
      },
    });
    const page = await browser.newPage();
    const problems = watchProblems(page);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${host.origin}/`);
    await page.waitForFunction(() => customElements.get('bk-idea-board') !== undefined);
    await page.locator('bk-idea-board').first().getByRole('button', { name: 'Share an idea' }).waitFor();
    await page.locator('bk-idea-board').nth(1).getByRole('button', { name: 'Share an idea' }).waitFor();
    expect(errors).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
    host.close();
  });
});
