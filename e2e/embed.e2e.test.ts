import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, voteButtonFor, watchProblems } from './browser.ts';
import { mintDemoToken } from './host.ts';

/**
 * A host intranet page on another origin, under the policy SharePoint Online enforces. The token
 * is either written into the script tag, or handed over by a provider function that the host's
 * own deferred script defines after the loader has run.
 */
function hostPage(base: string, token: string, via: 'attribute' | 'provider' = 'attribute') {
  const csp = `default-src 'self'; script-src 'self' ${base}; connect-src ${base}; style-src 'self'; img-src 'self'; base-uri 'none'; object-src 'none'`;
  const auth = via === 'attribute' ? `data-token="${token}"` : 'data-token-provider="getBridgekitToken"';
  const provider = via === 'provider' ? '<script src="/token.js" defer></script>' : '';
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Team site</title>
<link rel="stylesheet" href="/site.css">
<script src="${base}/embed.js" data-tenant="demo" ${auth} async></script>
${provider}
</head><body>
<h1>Finance team site</h1>
<p>Lots of page content above the fold.</p>
<div id="spacer"></div>
<bk-idea-board board="general"></bk-idea-board>
</body></html>`;
  return { csp, html };
}

/**
 * Serves one host page from its own loopback server: another origin than the Worker's, as an
 * intranet is (a page from a public-looking origin could not reach loopback at all).
 */
async function serveHostPage(page: { csp: string; html: string }, token = ''): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    if (req.url === '/token.js') {
      // The host's own script: in real life it would fetch the token from the host's server.
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(`window.getBridgekitToken = async () => ${JSON.stringify(token)};`);
      return;
    }
    if (req.url === '/site.css') {
      // The host's own stylesheet puts the board far below the fold.
      res.writeHead(200, { 'content-type': 'text/css' });
      res.end('#spacer { height: 4000px; }');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': page.csp });
    res.end(page.html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://localhost:${(server.address() as AddressInfo).port}/sites/finance`, server };
}

describe('one script tag on another origin under a strict CSP', () => {
  let browser: Browser;
  let host: Server | undefined;
  const base = inject('baseUrl');
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    host?.close();
  });

  it('loads the board only near the viewport, renders it and takes a vote, with no CSP violation', async () => {
    const token = await mintDemoToken(base);
    const served = await serveHostPage(hostPage(base, token));
    host = served.server;

    const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    const problems = watchProblems(page);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(served.url);
    await page.waitForFunction(() => 'Bridgekit' in window);
    await page.waitForTimeout(300);
    expect(requested.some((u) => u.includes('/widgets/bk-idea-board-'))).toBe(false);
    expect(requested.some((u) => u.includes('/v1/'))).toBe(false);

    await page.locator('bk-idea-board').scrollIntoViewIfNeeded();
    const button = voteButtonFor(page, 'Predictive stock replenishment for the top 200 products');
    await button.waitFor();
    expect(requested.some((u) => u.includes('/widgets/bk-idea-board-'))).toBe(true);
    // The loader preloads every chunk the board's entry imports beside it; each chunk is fetched once.
    const manifest = (await (await fetch(`${base}/widgets.json`)).json()) as Record<string, { entry: string; chunks: string[] }>;
    const board = manifest['bk-idea-board'];
    const boardShared = board?.chunks.filter((c) => c !== board.entry).map((c) => `${base}/${c}`) ?? [];
    const preloaded = await page.$$eval('link[rel="modulepreload"]', (links) => links.map((l) => (l as HTMLLinkElement).href));
    expect(boardShared.length).toBeGreaterThan(0);
    expect(new Set(preloaded)).toEqual(new Set(boardShared));
    const chunkRequests = requested.filter((u) => u.includes('/widgets/'));
    expect(chunkRequests).toEqual([...new Set(chunkRequests)]);
    const before = Number(await button.locator('[part="count"]').textContent());
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
    await expect.poll(async () => Number(await button.locator('[part="count"]').textContent()), { timeout: 10_000 }).toBe(before + 1);

    expect(problems).toEqual([]);
    await page.close();
  });

  it("signs in through the host's token provider, even one defined by a deferred script after the loader", async () => {
    const token = await mintDemoToken(base);
    const served = await serveHostPage(hostPage(base, token, 'provider'), token);
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.goto(served.url);
    await page.locator('bk-idea-board').scrollIntoViewIfNeeded();
    await page.locator('bk-idea-board').getByRole('button', { name: 'Share an idea' }).waitFor();
    const vote = voteButtonFor(page, 'Self-service sales dashboards for regional directors');
    await vote.click();
    await expect.poll(() => vote.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
    expect(problems).toEqual([]);
    await page.close();
    served.server.close();
  });
});
