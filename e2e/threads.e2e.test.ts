import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HOSTILE_MARKDOWN } from '../packages/worker/test/fixtures/hostile-markdown.ts';
import { axeViolations, focused, launch, tabUntil, watchProblems } from './browser.ts';

const DEMO_KEY = 'demo-war-stories';
const COMMENT_MAX = 10_000;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Text no other run or test writes, so each assertion finds only its own comment. */
const unique = (words: string) => `${words} (e2e ${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)})`;

type Person = { user: string } | { sub: string; name: string; bu?: string };

async function devToken(base: string, person: Person): Promise<string> {
  const res = await fetch(`${base}/v1/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant: 'demo', ...person }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

interface Posted {
  status: number;
  comment?: { id: string; state: string };
  code?: string;
  message?: string;
}

async function postComment(base: string, token: string, key: string, body: string): Promise<Posted> {
  const res = await fetch(`${base}/v1/tenants/demo/threads/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ key, body }),
  });
  const json = (await res.json()) as { id: string; state: string } & { error?: { code: string; message: string } };
  return res.status === 201 ? { status: 201, comment: json } : { status: res.status, code: json.error?.code, message: json.error?.message };
}

/** A context whose demo page opens as the demo person `user` (demo.js reads the key on load). */
async function demoContext(browser: Browser, user: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addInitScript((u) => localStorage.setItem('bridgekit-demo-user', u), user);
  return context;
}

/** The thread on `page` (not an idea's own discussion, which `<bk-idea>` shows), once its first page of comments is shown. */
async function loadedThread(page: Page): Promise<Locator> {
  const thread = page.locator('bk-thread:not([key^="idea:"])');
  // The loader defines widgets as they come near the viewport, as a reader scrolling there would.
  await thread.scrollIntoViewIfNeeded();
  await expect.poll(() => thread.locator('[part="thread"]').getAttribute('aria-busy'), { timeout: 15_000 }).toBe('false');
  return thread;
}

/** Presses "Load more comments" until every page of the thread is shown. */
async function loadAllComments(thread: Locator): Promise<void> {
  const more = thread.locator('[part="load-more"]');
  while ((await more.count()) > 0) {
    const before = await thread.locator('article[data-comment]').count();
    await more.click();
    await expect
      .poll(async () => (await more.count()) === 0 || (await thread.locator('article[data-comment]').count()) > before, { timeout: 15_000 })
      .toBe(true);
  }
}

const commentWithText = (thread: Locator, text: string) => thread.locator('article[data-comment]', { hasText: text });

describe('discussion threads on the demo page, in Chromium against the dev server', () => {
  let browser: Browser;
  const base = inject('baseUrl');
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets a colleague post a comment with the keyboard only; it survives a reload', async () => {
    const context = await demoContext(browser, 'tomas');
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${base}/demo/`);
    const thread = await loadedThread(page);
    const text = unique('We hold a monthly "demand clinic" instead of saying no by e-mail');

    // Start from the link just above the thread, then only the keyboard.
    await page.getByRole('link', { name: 'moderation queue' }).focus();
    const box = await tabUntil(page, (f) => f.tag === 'textarea' && f.host === 'bk-comment-composer', 5);
    expect(box.part).toBe('textarea');
    await page.keyboard.type(text);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Post', part: 'submit' });
    await page.keyboard.press('Enter');

    const mine = commentWithText(thread, text);
    await mine.waitFor({ timeout: 15_000 });
    expect(await mine.getAttribute('part')).toBe('comment published');
    expect(await mine.locator('h3').textContent()).toContain('Tomás García, Sales');
    expect(await thread.getByRole('textbox', { name: 'Add a comment' }).inputValue()).toBe('');

    await page.reload();
    const reloaded = await loadedThread(page);
    await loadAllComments(reloaded);
    expect(await commentWithText(reloaded, text).count()).toBe(1);
    // The count beside the section heading agrees with the thread's own.
    const count = await reloaded.locator('[part="count"]').textContent();
    await expect.poll(() => page.locator('bk-comment-count [part="count"]').textContent(), { timeout: 10_000 }).toBe(count);

    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a colleague’s new comment live, over the WebSocket, behind a "1 new comment" button', async () => {
    const readerContext = await demoContext(browser, 'priya');
    const reader = await readerContext.newPage();
    const readerProblems = watchProblems(reader);
    await reader.goto(`${base}/demo/`);
    const readerThread = await loadedThread(reader);
    // The socket is open under the demo's `connect-src 'self'`: no polling fallback.
    const frame = readerThread.locator('[part="thread"]');
    await expect.poll(() => frame.getAttribute('data-live'), { timeout: 15_000 }).toBe('socket');

    const writerContext = await demoContext(browser, 'lukas');
    const writer = await writerContext.newPage();
    const writerProblems = watchProblems(writer);
    await writer.goto(`${base}/demo/`);
    const writerThread = await loadedThread(writer);
    const text = unique('Operations publishes a "no, and here is what instead" catalogue');
    await writerThread.getByRole('textbox', { name: 'Add a comment' }).fill(text);
    await writerThread.getByRole('button', { name: 'Post', exact: true }).click();
    const posted = commentWithText(writerThread, text);
    await posted.waitFor({ timeout: 15_000 });
    const id = await posted.getAttribute('data-comment');

    const button = readerThread.getByRole('button', { name: '1 new comment' });
    await button.waitFor({ timeout: 15_000 });
    expect(await button.getAttribute('part')).toBe('new-comments');
    // Nothing moves under the reader until they ask for it.
    expect(await commentWithText(readerThread, text).count()).toBe(0);
    expect(await frame.getAttribute('data-live')).toBe('socket');

    await button.click();
    await commentWithText(readerThread, text).waitFor({ timeout: 15_000 });
    expect(await button.count()).toBe(0);
    await expect.poll(async () => (await focused(reader))?.comment, { timeout: 10_000 }).toBe(id);
    expect(await focused(reader)).toMatchObject({ tag: 'article', host: 'bk-thread' });

    expect(readerProblems).toEqual([]);
    expect(writerProblems).toEqual([]);
    await readerContext.close();
    await writerContext.close();
  });

  it('lets the moderator approve a held comment with the keyboard; it is then published for everyone', async () => {
    const text = unique('Could a vendor run the self-service BI training for us?');
    const held = await postComment(base, await devToken(base, { user: 'jonah' }), DEMO_KEY, text);
    expect(held).toMatchObject({ status: 201, comment: { state: 'pending' } });
    const id = held.comment?.id ?? '';

    const context = await demoContext(browser, 'mei');
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${base}/demo/moderation.html`);
    const queue = page.locator('bk-moderation');
    const item = queue.locator(`li[data-comment="${id}"]`);
    await queue.locator('[part="queue"]').waitFor({ timeout: 15_000 });
    while ((await item.count()) === 0 && (await queue.locator('[part="load-more"]').count()) > 0) {
      await queue.locator('[part="load-more"]').click();
      await expect.poll(() => queue.locator('[part="load-more"]').getAttribute('aria-disabled')).not.toBe('true');
    }
    expect(await item.locator('[part="reason"]').textContent()).toContain('vendor');

    // Into the queue with Tab, then j to the held comment, then a.
    let now = await tabUntil(page, (f) => f.host === 'bk-moderation' && f.comment !== null);
    const items = await queue.locator('li[data-comment]').count();
    for (let i = 0; i < items && now.comment !== id; i++) {
      await page.keyboard.press('j');
      now = (await focused(page)) ?? now;
    }
    expect(now.comment).toBe(id);
    await page.keyboard.press('a');
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(0);
    expect(await queue.getByRole('status').last().textContent()).toContain('Approved the comment by Jonah Williams.');
    expect(problems).toEqual([]);
    await context.close();

    const readerContext = await demoContext(browser, 'priya');
    const reader = await readerContext.newPage();
    const readerProblems = watchProblems(reader);
    await reader.goto(`${base}/demo/`);
    const thread = await loadedThread(reader);
    await loadAllComments(thread);
    const approved = thread.locator(`article[data-comment="${id}"]`);
    expect(await approved.getAttribute('part')).toBe('comment published');
    expect(await approved.locator('[part="comment-body"]').textContent()).toContain(text);
    expect(readerProblems).toEqual([]);
    await readerContext.close();
  });

  it('has no axe-core violations: the thread, with a refused post in the composer, and the moderation queue', async () => {
    const context = await demoContext(browser, 'lukas');
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${base}/demo/`);
    const thread = await loadedThread(page);
    expect(await axeViolations(page, axeSource, 'bk-thread')).toEqual([]);

    // The same text twice within the repeat window: the second is refused with 422.
    const text = unique('Axe check: we route every request through the quarterly portfolio review');
    const box = thread.getByRole('textbox', { name: 'Add a comment' });
    const post = thread.getByRole('button', { name: 'Post', exact: true });
    await box.fill(text);
    await post.click();
    await commentWithText(thread, text).waitFor({ timeout: 15_000 });
    await box.fill(text);
    await post.click();
    const alert = thread.locator('bk-comment-composer').getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toContain('You posted the same text a moment ago.');
    expect(await box.inputValue()).toBe(text);
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page, axeSource, 'bk-thread')).toEqual([]);
    expect(problems).toEqual([`422 ${base}/v1/tenants/demo/threads/comments`]);
    await context.close();

    // A queue with at least one comment in it.
    const held = await postComment(base, await devToken(base, { user: 'jonah' }), DEMO_KEY, unique('Our vendor could automate this'));
    expect(held).toMatchObject({ status: 201, comment: { state: 'pending' } });
    const modContext = await demoContext(browser, 'mei');
    const moderation = await modContext.newPage();
    const modProblems = watchProblems(moderation);
    await moderation.goto(`${base}/demo/moderation.html`);
    await moderation.locator('bk-moderation li[data-comment]').first().waitFor({ timeout: 15_000 });
    expect(await axeViolations(moderation, axeSource, 'bk-moderation')).toEqual([]);
    expect(modProblems).toEqual([]);
    await modContext.close();
  });

  it('renders the hostile Markdown corpus with no script, dialog, handler or unsafe link in real Chromium', {
    timeout: 180_000,
  }, async () => {
    const key = `e2e-hostile-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const author = (n: number) => devToken(base, { sub: `e2e|hostile|${key}|${n}`, name: `Hostile Tester ${n}`, bu: 'Security' });
    const postable = HOSTILE_MARKDOWN.filter((h) => h.source.length <= COMMENT_MAX);
    const oversized = HOSTILE_MARKDOWN.filter((h) => h.source.length > COMMENT_MAX);
    expect(postable.length).toBeGreaterThanOrEqual(50);
    expect(oversized.length).toBeGreaterThanOrEqual(1);

    const tooBig = await author(-1);
    for (const h of oversized)
      expect({ name: h.name, status: (await postComment(base, tooBig, key, h.source)).status }).toEqual({ name: h.name, status: 413 });

    // One after another (the first creates the thread), spread over four authors to stay under
    // the write limit of 60 a minute. The pipeline refuses a text its author posted a moment
    // ago, and many entries fold to the same text: someone else then posts it (a new author
    // once all have), so every entry is stored and rendered.
    const authors = await Promise.all([0, 1, 2, 3].map(author));
    const stored: { name: string; id: string; author: number; state: string }[] = [];
    const refused: string[] = [];
    for (const [i, h] of postable.entries()) {
      let outcome: Posted | undefined;
      for (let n = 0; outcome?.status !== 201 && n < 20; n++) {
        const who = n < authors.length ? (i + n) % authors.length : n;
        if (who === authors.length) authors.push(await author(who));
        outcome = await postComment(base, authors[who] ?? '', key, h.source);
        if (outcome.comment) stored.push({ name: h.name, id: outcome.comment.id, author: who, state: outcome.comment.state });
        if (!outcome.message?.startsWith('You posted the same text')) break;
      }
      if (!outcome?.comment) refused.push(`${h.name}: ${outcome?.status} ${outcome?.code} ${outcome?.message}`);
    }
    expect(refused).toEqual([]);

    // A host page without a CSP of its own: only the server's sanitising stands between the
    // comments and the page. Held comments show to their authors only: each of those looks too.
    const viewers = new Set([0, ...stored.filter((s) => s.state === 'pending').map((s) => s.author)]);
    const pages = new Map([...viewers].map((n) => [`/view/${n}`, threadPage(base, key, authors[n] ?? '')]));
    const host = await serve(pages);
    try {
      const rendered = new Set<string>();
      for (const [path] of pages) {
        const report = await renderHostile(browser, `${host.url}${path}`);
        expect(report.canaries).toEqual([]);
        expect(report.canariesArmed).toEqual(['alert', 'confirm', 'prompt', 'print']);
        expect(report.dialogs).toEqual([]);
        expect(report.problems).toEqual([]);
        expect(report.dom).toMatchObject({ scripts: 0, images: 0, forbidden: [], handlers: [], styled: [], badLinks: [] });
        expect(report.dom.links).toBeGreaterThan(0);
        for (const id of report.dom.ids) rendered.add(id);
      }
      expect([...rendered].sort()).toEqual(stored.map((s) => s.id).sort());
    } finally {
      host.server.close();
    }
  });
});

/** A plain page on another loopback origin with the thread `key`, signed in with `token`. */
function threadPage(base: string, key: string, token: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Hostile corpus</title>
<script src="${base}/embed.js" data-tenant="demo" data-token="${token}" async></script>
</head><body>
<h1>Hostile corpus</h1>
<bk-thread key="${key}" live="off" page-size="50"></bk-thread>
</body></html>`;
}

async function serve(pages: Map<string, string>): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const html = pages.get(req.url ?? '');
    res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://localhost:${(server.address() as AddressInfo).port}`, server };
}

/** Elements a comment body must never contain. */
const FORBIDDEN_IN_BODY =
  'script, img, iframe, frame, object, embed, svg, math, style, form, input, button, textarea, select, base, meta, link, video, audio, template';

/**
 * Opens the page in a fresh context with canaries on the dialogs and `print` installed before
 * any script runs, shows every comment, and inspects the thread's shadow DOM.
 */
async function renderHostile(browser: Browser, url: string) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const calls: string[] = [];
    Object.defineProperty(window, '__canaryCalls', { value: calls });
    for (const name of ['alert', 'confirm', 'prompt', 'print'] as const) {
      Object.defineProperty(window, name, { value: () => void calls.push(name), writable: false });
    }
  });
  const page = await context.newPage();
  const problems = watchProblems(page);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(url);
  const thread = await loadedThread(page);
  await loadAllComments(thread);
  const dom = await thread.evaluate((el, forbiddenInBody) => {
    const all: Element[] = [];
    const walk = (root: ParentNode) => {
      for (const e of root.querySelectorAll('*')) {
        all.push(e);
        if (e.shadowRoot) walk(e.shadowRoot);
      }
    };
    if (el.shadowRoot) walk(el.shadowRoot);
    const bodies = [...(el.shadowRoot?.querySelectorAll('[part="comment-body"]') ?? [])];
    const links = all.filter((e): e is HTMLAnchorElement => e instanceof HTMLAnchorElement);
    return {
      ids: [...(el.shadowRoot?.querySelectorAll<HTMLElement>('article[data-comment]') ?? [])].map((a) => a.dataset.comment ?? ''),
      scripts: all.filter((e) => e.localName === 'script').length,
      images: all.filter((e) => e.localName === 'img').length,
      forbidden: bodies.flatMap((b) => [...b.querySelectorAll(forbiddenInBody)].map((e) => e.localName)),
      handlers: all.flatMap((e) =>
        e
          .getAttributeNames()
          .filter((a) => a.toLowerCase().startsWith('on'))
          .map((a) => `${e.localName}[${a}]`),
      ),
      styled: bodies.flatMap((b) => [...b.querySelectorAll('[style]')].map((e) => e.outerHTML.slice(0, 120))),
      links: links.length,
      // Every link opens outside, but Bridgekit's own (a mention, a link to an item's view): those
      // stay on this page's origin (the tenant has no item pages here) and in this browsing context.
      badLinks: links
        .filter((a) =>
          ['mention', 'item-link'].includes(a.getAttribute('part') ?? '')
            ? !(a.getAttribute('href') ?? '').startsWith(`${location.origin}/`) || a.hasAttribute('target')
            : !/^(https?:|mailto:)/i.test(a.getAttribute('href') ?? '') ||
              a.getAttribute('rel') !== 'nofollow ugc noopener noreferrer' ||
              a.getAttribute('target') !== '_blank',
        )
        .map((a) => a.outerHTML.slice(0, 200)),
    };
  }, FORBIDDEN_IN_BODY);
  const canaries = await page.evaluate(() => (window as unknown as { __canaryCalls: string[] }).__canaryCalls.slice());
  // The canaries were in place: calling them records the calls and opens no dialog.
  const canariesArmed = await page.evaluate(() => {
    alert('x');
    confirm('x');
    prompt('x');
    print();
    return (window as unknown as { __canaryCalls: string[] }).__canaryCalls.slice();
  });
  await context.close();
  return { canaries, canariesArmed, dialogs, problems, dom };
}
