/**
 * The community loop as a reader meets it on an intranet page of another origin, under the strict
 * policy the docs print: an idea opens in place from the board and puts itself in the address,
 * a reload shows the same view, Back returns to the board; a pasted card link opens the card,
 * which names the request it answered; one search finds an idea, a comment and a card.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { strictPolicy } from '../examples/plain-html/pages.ts';
import { cspViolations, launch, recordCspViolations, watchProblems } from './browser.ts';
import { demoUserToken, type Host, serveHost } from './host.ts';

const base = inject('baseUrl');
const DASHBOARDS = 'Self-service sales dashboards for regional directors';
const PRACTICE = 'Deflecting low-value demand with a self-service catalogue';

const page = (token: string, title: string, body: string) => ({
  csp: strictPolicy(new URL(base).origin),
  body: `<!doctype html><html lang="en"><head><title>${title}</title>
<script src="${base}/embed.js" data-tenant="demo" data-token="${token}" async></script></head>
<body><main>${body}</main></body></html>`,
});

describe('one community on a page of another origin, under the strict policy', () => {
  let browser: Browser;
  let host: Host;
  beforeAll(async () => {
    browser = await launch();
    const token = await demoUserToken(base, 'amara');
    host = await serveHost({
      '/ideas': page(token, 'Ideas', '<bk-idea-board board="general"></bk-idea-board>'),
      '/practices': page(token, 'Practices', '<bk-practice-library></bk-practice-library>'),
      '/search': page(token, 'Search', '<bk-search></bk-search>'),
    });
  });
  afterAll(async () => {
    await browser?.close();
    host?.close();
  });

  async function open(path: string): Promise<{ tab: Page; problems: string[] }> {
    const tab = await browser.newPage();
    await recordCspViolations(tab);
    const problems = watchProblems(tab);
    await tab.goto(`${host.origin}${path}`);
    return { tab, problems };
  }

  it('opens an idea in place from the board, keeps it across a reload, and Back returns to the board', async () => {
    const { tab, problems } = await open('/ideas');
    const board = tab.locator('bk-idea-board');
    const title = board.getByRole('link', { name: DASHBOARDS });
    await title.click();

    const idea = board.locator('bk-idea');
    await idea.getByRole('heading', { name: DASHBOARDS }).waitFor({ timeout: 15_000 });
    expect(new URL(tab.url()).hash).toBe('#bk-idea=demo-idea-dashboards');
    // Its own discussion: the thread keyed to the idea, with the demo's comments.
    await idea.locator('bk-thread').locator('[part~="comment"]').first().waitFor({ timeout: 15_000 });

    await tab.reload();
    await tab.locator('bk-idea-board bk-idea').getByRole('heading', { name: DASHBOARDS }).waitFor({ timeout: 15_000 });

    await tab.goBack();
    await tab.locator('bk-idea-board').getByRole('link', { name: DASHBOARDS }).waitFor({ timeout: 15_000 });
    expect(new URL(tab.url()).hash).toBe('');
    expect(await tab.locator('bk-idea-board bk-idea').count()).toBe(0);

    expect(await cspViolations(tab)).toEqual([]);
    expect(problems).toEqual([]);
    await tab.close();
  });

  it('opens a pasted card link in the library, showing the war story it came from and the request it answered', async () => {
    const { tab, problems } = await open('/practices?card=demo-card-practice');
    const library = tab.locator('bk-practice-library');
    await library.getByRole('heading', { name: PRACTICE }).waitFor({ timeout: 15_000 });
    await library.getByText(/Answered 1 request/).waitFor({ timeout: 15_000 });
    // In the card's "answered" list (and again among its related items), a link to the idea.
    await library.getByRole('link', { name: 'A weekly spend report by cost centre for each budget holder' }).first().waitFor();

    await library.getByRole('button', { name: 'Back to the list' }).click();
    await expect.poll(() => new URL(tab.url()).searchParams.get('card'), { timeout: 10_000 }).toBeNull();

    expect(await cspViolations(tab)).toEqual([]);
    expect(problems).toEqual([]);
    await tab.close();
  });

  it('finds an idea, a comment and a card with one search, and a pasted search link runs it again', async () => {
    const { tab, problems } = await open('/search');
    const search = tab.locator('bk-search');
    await search.getByRole('searchbox').fill('self-service');
    const results = search.getByRole('link');
    await expect
      .poll(async () => (await results.allTextContents()).join('\n'), { timeout: 15_000 })
      .toMatch(new RegExp(`${DASHBOARDS}[\\s\\S]*|${PRACTICE}`));
    const kinds = () =>
      search.evaluate((el) =>
        [...(el.shadowRoot?.querySelectorAll('[part="result"]') ?? [])].map((n) =>
          ['idea', 'comment', 'card'].find((k) => n.classList.contains(k)),
        ),
      );
    await expect.poll(async () => new Set(await kinds()), { timeout: 15_000 }).toEqual(new Set(['idea', 'comment', 'card']));
    await expect.poll(() => new URL(tab.url()).hash, { timeout: 10_000 }).toBe('#bk-search=self-service');

    const again = await browser.newPage();
    await again.goto(tab.url());
    await expect.poll(() => again.locator('bk-search').getByRole('searchbox').inputValue(), { timeout: 15_000 }).toBe('self-service');
    await again.close();

    expect(await cspViolations(tab)).toEqual([]);
    expect(problems).toEqual([]);
    await tab.close();
  });
});
