/**
 * Failure states across widgets, in Chromium against the Worker: one banner for a page whose
 * widgets cannot reach the API, retried with back-off and at once when the browser is back
 * online; no "Try again" where retrying cannot help, and the editor's hint only for admins.
 */
import { afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { apiBase, cleanup, expectNoAxeViolations, mount, newPerson, shadow, signIn, tokenFor, until } from '../../test/support.ts';
import '../components/idea-board/idea-board.ts';
import '../components/idea-vote/idea-vote.ts';
import '../components/inbox/inbox.ts';
import '../components/practice-card/practice-card.ts';
import '../components/thread/thread.ts';
import { formatReason } from '@bridgekit/sdk/reasons';
import { de } from './messages/de.ts';
import { deErrors } from './messages/de-errors.ts';
import { deFrame } from './messages/de-frame.ts';
import { en } from './messages/en.ts';
import { enErrors } from './messages/en-errors.ts';
import { enFrame } from './messages/en-frame.ts';
import { backoffDelay, outage, retrySchedule } from './outage.ts';

/**
 * The network between the page and the API goes down (the browser's `fetch` fails, as with the
 * Worker stopped); the returned function brings it back.
 */
function cutOffApi(): () => void {
  const realFetch = globalThis.fetch;
  const api = new URL(apiBase()).origin;
  globalThis.fetch = (input, init) =>
    new URL(new Request(input, init).url).origin === api ? Promise.reject(new TypeError('Failed to fetch')) : realFetch(input, init);
  return () => {
    globalThis.fetch = realFetch;
  };
}

const PAGE = `<div>
  <bk-idea-board board="general"></bk-idea-board>
  <bk-thread key="demo-war-stories"></bk-thread>
  <bk-practice-card card="demo-card-business-case"></bk-practice-card>
</div>`;

const inAll = (els: Element[], selector: string) => els.flatMap((el) => [...shadow(el).querySelectorAll(selector)]);
const failed = (els: Element[]) => els.every((el) => shadow(el).querySelector('[part="outage"], [part="outage-placeholder"]'));

describe('a page whose widgets cannot reach the API', () => {
  let restore = () => {};
  let attempts: number[] = [];
  const schedule = { ...retrySchedule };

  beforeEach(async () => {
    signIn(await tokenFor(newPerson('Operations')));
    // The next retry is "an hour" away: each test moves it on itself, and nothing waits real seconds.
    attempts = [];
    retrySchedule.delay = (attempt) => {
      attempts.push(attempt);
      return 3_600_000;
    };
  });

  afterEach(() => {
    restore();
    cleanup();
    Object.assign(retrySchedule, schedule);
  });

  it('shows one banner and quiet placeholders, no red box each, and loads them all when the browser is back online', async () => {
    restore = cutOffApi();
    const els = [...(await mount<HTMLElement>(PAGE)).children];
    await until(() => failed(els));
    const banners = inAll(els, '[part="outage"]');
    expect(banners).toHaveLength(1);
    expect(banners[0]?.textContent?.replace(/\s+/g, ' ')).toContain('Can’t reach the service. Retrying in 60 min.');
    expect(inAll(els, '[part="outage-placeholder"]')).toHaveLength(2);
    expect(inAll(els, '[role="alert"]')).toHaveLength(0);
    expect(inAll(els, 'button').filter((b) => b.textContent?.trim() === 'Try again')).toHaveLength(0);
    await expectNoAxeViolations(els[0] as HTMLElement);

    restore();
    window.dispatchEvent(new Event('online'));
    const board = els[0] as Element;
    await until(() => shadow(board).querySelector('.idea-title'));
    await until(() => shadow(els[1] as Element).querySelector('[part="list"], .notice:not(.outage-wait)'));
    await until(() => shadow(els[2] as Element).querySelector('[part="title"], h2, h3'));
    await until(() => outage.members.size === 0);
    expect(inAll(els, '[part="outage"], [part="outage-placeholder"]')).toHaveLength(0);
    expect(outage.retryAt).toBeNull();
  });

  it('backs off after each failed retry, tries at once on "Try now", and stops when the widgets leave', async () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, () => 0.5))).toEqual([2000, 4000, 8000, 16000, 32000, 60000, 60000]);
    expect(backoffDelay(0, () => 0)).toBe(1500);
    expect(backoffDelay(0, () => 1)).toBe(2500);

    restore = cutOffApi();
    const els = [...(await mount<HTMLElement>(PAGE)).children];
    await until(() => failed(els));
    expect(attempts).toEqual([0]);
    await userEvent.click(page.getByRole('button', { name: 'Try now' }));
    await until(() => attempts.length === 2 && failed(els));
    expect(attempts).toEqual([0, 1]);
    expect(inAll(els, '[part="outage"]')).toHaveLength(1);

    cleanup();
    expect(outage.members.size).toBe(0);
    expect(outage.retryAt).toBeNull();
  });

  it('keeps keyboard focus on "Try now" when a retry fails, and puts it on the region that loads', async () => {
    restore = cutOffApi();
    const el = await mount<HTMLElement>('<bk-idea-board board="general"></bk-idea-board>');
    const tryNow = () => shadow(el).querySelector<HTMLButtonElement>('[part="outage"] button');
    (await until(tryNow)).focus();
    await userEvent.keyboard('{Enter}');
    await until(() => attempts.length === 2);
    await until(() => tryNow() && shadow(el).activeElement === tryNow());
    restore();
    await userEvent.keyboard('{Enter}');
    await until(() => shadow(el).querySelector('.idea-title'));
    await until(() => outage.members.size === 0);
    await until(() => shadow(el).activeElement?.id === 'bk-heading');
    expect(shadow(el).activeElement?.localName).toBe('h2');
  });

  it('shows the database failing for a moment (503 unavailable.database) as the banner, and loads on "Try now"', async () => {
    // The Worker's answer when D1 fails under it (worker/test/faults.test.ts): no switch in the
    // Worker makes it fail on purpose, so the page's fetch gives that answer here.
    const realFetch = globalThis.fetch;
    const api = new URL(apiBase()).origin;
    const params = { retryAfter: 2 };
    const error = {
      code: 'unavailable',
      reason: 'unavailable.database',
      params,
      message: formatReason('unavailable.database', params),
      requestId: 'f00dfeed',
    };
    globalThis.fetch = (input, init) =>
      new URL(new Request(input, init).url).origin === api
        ? Promise.resolve(Response.json({ error }, { status: 503, headers: { 'retry-after': '2', 'x-request-id': 'f00dfeed' } }))
        : realFetch(input, init);
    restore = () => {
      globalThis.fetch = realFetch;
    };
    const el = await mount<HTMLElement>('<bk-idea-board board="general"></bk-idea-board>');
    const banner = await until(() => shadow(el).querySelector('[part="outage"]'));
    expect(banner.textContent?.replace(/\s+/g, ' ')).toContain('The database is briefly unavailable. Try again in 2 seconds.');
    expect(inAll([el], '[role="alert"]')).toHaveLength(0);
    await expectNoAxeViolations(el);
    restore();
    await userEvent.click(page.getByRole('button', { name: 'Try now' }));
    await until(() => shadow(el).querySelector('.idea-title'));
    await until(() => outage.members.size === 0);
  });

  it('waits as long as Retry-After asks before the next retry (seconds or an HTTP-date, at most 5 minutes), and says when', async () => {
    // A proxy in front of the API answers 503 with only a Retry-After: the back-off alone would retry in 2 s.
    retrySchedule.delay = () => 2000;
    const realFetch = globalThis.fetch;
    const api = new URL(apiBase()).origin;
    let retryAfter = '120';
    globalThis.fetch = (input, init) =>
      new URL(new Request(input, init).url).origin === api
        ? Promise.resolve(new Response('Service Unavailable', { status: 503, headers: { 'retry-after': retryAfter } }))
        : realFetch(input, init);
    restore = () => {
      globalThis.fetch = realFetch;
    };
    const el = await mount<HTMLElement>('<bk-idea-board board="general"></bk-idea-board>');
    const bannerText = () => shadow(el).querySelector('[part="outage"]')?.textContent?.replace(/\s+/g, ' ') ?? '';
    const waitLeft = () => (outage.retryAt ?? 0) - Date.now();
    await until(() => bannerText().includes('Retrying in'));
    expect(waitLeft()).toBeGreaterThan(115_000);
    expect(waitLeft()).toBeLessThanOrEqual(120_000);
    expect(bannerText()).toContain('Retrying in 2 min.');

    // The HTTP-date form, read against this clock.
    retryAfter = new Date(Date.now() + 45_000).toUTCString();
    await userEvent.click(page.getByRole('button', { name: 'Try now' }));
    await until(() => outage.retryAt !== null && waitLeft() < 60_000);
    expect(waitLeft()).toBeGreaterThan(35_000);
    expect(bannerText()).toMatch(/Retrying in 4\d s\./);

    // A day is more than a widget should sit idle: 5 minutes at most, "Try now" meanwhile.
    retryAfter = '86400';
    await userEvent.click(page.getByRole('button', { name: 'Try now' }));
    await until(() => outage.retryAt !== null && waitLeft() > 60_000);
    expect(waitLeft()).toBeGreaterThan(295_000);
    expect(waitLeft()).toBeLessThanOrEqual(300_000);
    expect(bannerText()).toContain('Retrying in 5 min.');
    await expectNoAxeViolations(el);

    restore();
    await userEvent.click(page.getByRole('button', { name: 'Try now' }));
    await until(() => shadow(el).querySelector('.idea-title'));
    await until(() => outage.members.size === 0);
  });

  it('takes a standalone <bk-idea-vote> into the banner, and loads it when the browser is back online', async () => {
    restore = cutOffApi();
    const el = await mount<HTMLElement>('<bk-idea-vote idea="demo-idea-sso" variant="inline"></bk-idea-vote>');
    const banner = await until(() => shadow(el).querySelector('[part="outage"]'));
    expect(banner.textContent).toContain('Can’t reach the service.');
    expect([...outage.members.keys()]).toContain(el);
    expect([...shadow(el).querySelectorAll('button')].map((b) => b.textContent?.trim())).toEqual(['Try now']);
    await expectNoAxeViolations(el);
    restore();
    window.dispatchEvent(new Event('online'));
    await until(() => shadow(el).querySelector('button.vote'));
    await until(() => outage.members.size === 0);
  });

  it('shows the inbox panel and its e-mail settings failing as the banner, with no "Try again" of their own', async () => {
    const el = await mount<HTMLElement>('<bk-inbox poll="600"></bk-inbox>');
    const bell = await until(() => shadow(el).querySelector<HTMLButtonElement>('button.bell'));
    const buttons = () => [...shadow(el).querySelectorAll('dialog button')].map((b) => b.textContent?.trim());
    restore = cutOffApi();
    bell.click();
    const banner = await until(() => shadow(el).querySelector('dialog [part="outage"]'));
    expect(banner.textContent).toContain('Can’t reach the service.');
    expect(buttons()).toContain('Try now');
    expect(buttons()).not.toContain('Try again');
    await expectNoAxeViolations(el);
    restore();
    window.dispatchEvent(new Event('online'));
    await until(() => shadow(el).querySelector('dialog ul.items, dialog p.empty'));
    await until(() => outage.members.size === 0);

    restore = cutOffApi();
    await userEvent.click(page.getByRole('button', { name: 'E-mail settings' }));
    await until(() => shadow(el).querySelector('dialog [part="outage"]'));
    expect(buttons()).not.toContain('Try again');
    restore();
    await userEvent.click(page.getByRole('button', { name: 'Try now' }));
    await until(() => shadow(el).querySelector('[part="settings"]'));
    await until(() => outage.members.size === 0);
  });

  it('says so in German', async () => {
    signIn(await tokenFor(newPerson('Operations')), { locale: 'de-DE' });
    restore = cutOffApi();
    const els = [...(await mount<HTMLElement>(PAGE)).children];
    await until(() => failed(els));
    expect(inAll(els, '[part="outage"]')[0]?.textContent?.replace(/\s+/g, ' ')).toMatch(
      /Der Dienst ist gerade nicht erreichbar\. Neuer Versuch in 60 Min\. Jetzt versuchen/,
    );
    expect(inAll(els, '[part="outage-placeholder"]')[0]?.textContent?.trim()).toBe('Dieser Teil lädt, sobald die Verbindung wieder steht.');
  });
});

describe('a board that does not exist', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  async function unknownBoard() {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const el = await mount('<bk-idea-board board="no-such-board"></bk-idea-board>');
    const alert = await until(() => shadow(el).querySelector('[role="alert"]'));
    await until(() => alert.textContent?.includes('does not exist'));
    return { el, alert, warn };
  }

  it('offers no "Try again", tells readers only that it does not exist, and tells the console why', async () => {
    signIn(await tokenFor(newPerson('Operations')));
    const { el, alert, warn } = await unknownBoard();
    expect(alert.textContent?.trim()).toBe('The ideas could not be loaded. This board does not exist.');
    expect(shadow(el).querySelectorAll('.notice button')).toHaveLength(0);
    expect(outage.members.size).toBe(0);
    const warnings = warn.mock.calls.map((call) => String(call[0])).filter((text) => text.startsWith('<bk-idea-board>'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/no-such-board/);
  });

  it("gives a community's admin the hint where to fix it", async () => {
    const person = newPerson('Operations');
    const granted = await fetch(`${apiBase()}/v1/tenants/demo/roles/${encodeURIComponent(person.sub)}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${inject('adminToken')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'admin' }),
    });
    expect(granted.ok).toBe(true);
    signIn(await tokenFor(person));
    const { alert } = await unknownBoard();
    expect(alert.textContent?.trim()).toBe(
      'The ideas could not be loaded. This board does not exist. Check the board name in the page settings.',
    );
  });
});

describe('the texts of failures', () => {
  it('never name the product to the people using a widget, in English or German', () => {
    // An archive import is an admin's tool, named after the archive format.
    const forAdmins = new Set(['reason.validation_failed.archive_version']);
    const catalogs = { en, de, enErrors, deErrors, enFrame, deFrame };
    for (const [name, catalog] of Object.entries(catalogs)) {
      for (const [key, text] of Object.entries(catalog)) {
        if (forAdmins.has(key)) continue;
        if (!/^(error|reason|outage|hint|vote|signIn|frame)\./.test(key)) continue;
        expect(JSON.stringify(text), `${name} ${key}`).not.toMatch(/Bridgekit/);
      }
    }
  });
});
