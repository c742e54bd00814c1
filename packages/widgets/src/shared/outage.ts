/**
 * How elements show a failed load. A permanent failure (failure.ts) is said once, with no
 * "Try again". A transient one joins the page's outage: every element whose load failed that way
 * is retried together with back-off (2 s, 4 s, 8 s … at most a minute, with jitter) — later if an
 * answer's `Retry-After` asks for longer, up to 5 minutes — at once when the browser is back
 * `online`, or on "Try now". The first of them shows the one banner; the
 * others a quiet placeholder. An element leaves the outage when it renders without the failure
 * after its retry, or when it leaves the page. Loaded with the error texts (error-texts.ts), the
 * first time an element has a failure to show.
 */
import type { BridgekitError, BridgekitMemberClient } from '@bridgekit/sdk';
import { isBridgekitError } from '@bridgekit/sdk/errors';
import { css, html, type ReactiveController, type ReactiveElement } from 'lit';
import { failureKind } from './failure.ts';
import type { Translate } from './i18n.ts';
import type { MessageKey } from './messages/en.ts';
import { viewer } from './viewer.ts';

/** The wait before retry number `attempt` (0 first): doubling from 2 s up to 60 s, ±25 % jitter. */
export const backoffDelay = (attempt: number, random: () => number = Math.random): number =>
  Math.round(Math.min(60_000, 2000 * 2 ** attempt) * (0.75 + random() * 0.5));

/** The longest wait a `Retry-After` may impose on the next retry: the banner keeps "Try now" meanwhile. */
export const MAX_RETRY_AFTER_MS = 5 * 60_000;

/**
 * The wait a failure's `Retry-After` asks for, bounded; 0 if none: the API's (the SDK's
 * `params.retryAfter`, seconds), or a proxy's header (the error's `cause`), seconds or an
 * HTTP-date (RFC 9110 §10.2.3).
 */
export function retryAfterMs(failure: unknown, now = Date.now()): number {
  if (!isBridgekitError(failure)) return 0;
  const value = failure.params.retryAfter ?? (failure.cause instanceof Response ? failure.cause.headers.get('retry-after') : null);
  const ms = value === null || value === '' ? 0 : Number(value) >= 0 ? Number(value) * 1000 : Date.parse(String(value)) - now;
  return ms > 0 ? Math.min(MAX_RETRY_AFTER_MS, ms) : 0;
}

/**
 * When retries run: tests replace `delay` (and may keep the timer from ever firing) so that
 * nothing waits real seconds.
 */
export const retrySchedule = {
  delay: backoffDelay as (attempt: number) => number,
  now: () => Date.now(),
};

interface Member {
  retry: () => unknown;
  /** What its last failure's `Retry-After` asks the next retry to wait, at least. */
  waitMs: number;
  /** Rendered the failure in the current update. */
  failing: boolean;
  /** Its retry is on its way: the loading state it renders meanwhile is no success. */
  pending: boolean;
  controller: ReactiveController;
}

type Host = ReactiveElement;

/** The page's outage: the elements whose load failed for a transient reason, in order of failure. */
class Outage {
  readonly members = new Map<Host, Member>();
  /** Retries run so far in this outage. */
  attempt = 0;
  /** When the next retry runs; `null` while one is running. */
  retryAt: number | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #tick: ReturnType<typeof setInterval> | undefined;
  #running = false;
  #online = () => void this.retryNow();

  /** Called by `host` as it renders its transient failure: `true` if it shows the banner. */
  join(host: Host, retry: () => unknown, waitMs = 0): boolean {
    // An element taken off the page may still render a load that was on its way: it retries nothing.
    if (!host.isConnected) return false;
    let member = this.members.get(host);
    /** A failure that asks another wait than this element's last one (a first failure included). */
    const newWait = member?.waitMs !== waitMs;
    if (!member) {
      const controller: ReactiveController = {
        hostUpdate: () => {
          const m = this.members.get(host);
          if (m) m.failing = false;
        },
        hostUpdated: () => {
          const m = this.members.get(host);
          if (m && !m.failing && !m.pending) this.leave(host);
        },
        hostDisconnected: () => this.leave(host),
      };
      member = { retry, waitMs, failing: true, pending: false, controller };
      this.members.set(host, member);
      host.addController(controller);
      if (this.members.size === 1) globalThis.addEventListener('online', this.#online);
      if (!this.#running && this.retryAt === null) this.#schedule();
    }
    member.retry = retry;
    member.waitMs = waitMs;
    member.failing = true;
    // Asked to wait longer than the retry already planned: plan it later (not on every re-render).
    if (newWait && this.retryAt !== null && retrySchedule.now() + waitMs > this.retryAt) {
      this.#stop();
      this.#schedule();
    }
    return this.members.keys().next().value === host;
  }

  leave(host: Host): void {
    const member = this.members.get(host);
    if (!member) return;
    const first = this.members.keys().next().value === host;
    this.members.delete(host);
    host.removeController(member.controller);
    if (this.members.size === 0) {
      this.#stop();
      this.attempt = 0;
      globalThis.removeEventListener('online', this.#online);
    } else if (first) {
      this.#banner()?.requestUpdate();
    }
  }

  /** Retries every member's load now (back online, "Try now", or the timer). */
  async retryNow(): Promise<void> {
    if (this.#running || this.members.size === 0) return;
    this.#stop();
    this.#running = true;
    this.attempt++;
    // The banner goes while its element loads again: whoever was on "Try now" gets focus back after.
    const focused = this.#focusedBanner();
    const members = [...this.members];
    for (const [host] of members) host.requestUpdate();
    await Promise.allSettled(
      members.map(async ([host, member]) => {
        member.pending = true;
        try {
          await member.retry();
        } finally {
          member.pending = false;
          host.requestUpdate();
        }
      }),
    );
    // Each renders what its retry brought: a success leaves, a failure stays.
    await Promise.all(members.map(([host]) => host.updateComplete));
    this.#running = false;
    if (this.members.size > 0) this.#schedule();
    if (focused) {
      await this.#banner()?.updateComplete;
      this.#restoreFocus(focused);
    }
  }

  /** The banner's element if focus is in the banner. */
  #focusedBanner(): Host | null {
    const host = this.#banner();
    const active = host?.shadowRoot?.activeElement;
    return host && active?.closest('[part="outage"]') ? host : null;
  }

  /**
   * Focus after a retry that started on the banner, unless the person has moved on: "Try now"
   * of the banner (wherever it is now), else the region that loaded — its heading, or its first
   * control.
   */
  #restoreFocus(former: Host): void {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (!lost) return;
    const button = this.#banner()?.shadowRoot?.querySelector<HTMLElement>('[part="outage"] button');
    if (button) {
      button.focus();
      return;
    }
    const root = former.isConnected ? former.shadowRoot : null;
    const heading = root?.querySelector<HTMLElement>('h1, h2, h3, h4, h5, h6');
    if (heading) {
      if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
      heading.focus();
      return;
    }
    root?.querySelector<HTMLElement>('button:not([disabled]), a[href], input, select, textarea, [tabindex]')?.focus();
  }

  #banner(): Host | undefined {
    return this.members.keys().next().value;
  }

  #schedule(): void {
    const wait = Math.max(retrySchedule.delay(this.attempt), ...[...this.members.values()].map((m) => m.waitMs));
    this.retryAt = retrySchedule.now() + wait;
    this.#timer = setTimeout(() => void this.retryNow(), wait);
    // The banner counts down in whole seconds.
    this.#tick = setInterval(() => this.#banner()?.requestUpdate(), 1000);
    this.#banner()?.requestUpdate();
  }

  #stop(): void {
    clearTimeout(this.#timer);
    clearInterval(this.#tick);
    this.retryAt = null;
  }
}

// One outage per page, even with two copies of the widgets on it.
const KEY = Symbol.for('bridgekit.outage');
const shared = globalThis as { [KEY]?: Outage };
/** The page's outage (exported for tests). */
shared[KEY] ??= new Outage();
export const outage: Outage = shared[KEY];

const styles = css`
  .outage {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    border-inline-start: 4px solid var(--_text-subtle);
  }

  .outage p {
    margin: 0;
  }

  .outage-wait {
    display: flex;
    align-items: center;
    min-height: var(--_skeleton-height, 4.5rem);
    color: var(--_text-subtle);
  }
`;

/** The outage's styles, added to `host`'s shadow root once (a constructed sheet: fine under a strict CSP). */
function adoptStyles(host: Host): void {
  const root = host.shadowRoot;
  const sheet = styles.styleSheet;
  if (root && sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/**
 * What an element shows for its failed load: for a permanent failure, `text` (what failed and
 * why) without a retry; for a transient one, the page's one banner with "Try now" if `host` failed
 * first (`text` only if the API answered, else "Can't reach the service"), else a placeholder as
 * tall as its content, while `retry` runs with back-off.
 *
 * @example
 * return renderFailure(this, t, this.#list.failure, `${t('error.loadFailed')} ${this.#list.error}`, () => this.#list.load());
 */
export function renderFailure(host: Host, t: Translate, failure: unknown, text: string, retry: () => unknown) {
  // No failure on record (nothing was loaded yet, say) is nothing to retry either.
  if (failure == null || failureKind(failure) === 'permanent') return html`<div class="notice error" role="alert"><p>${text}</p></div>`;
  adoptStyles(host);
  if (!outage.join(host, retry, retryAfterMs(failure))) {
    return html`<div class="notice outage-wait" part="outage-placeholder"><p>${t('outage.waiting')}</p></div>`;
  }
  const seconds = outage.retryAt === null ? 0 : Math.max(1, Math.ceil((outage.retryAt - retrySchedule.now()) / 1000));
  // An answer of the API (a 500 with its reference, a 429) says what happened; no answer at all, that the service is out of reach.
  const lead = isBridgekitError(failure) && failure.status !== 0 ? text : t('outage.unreachable');
  return html`<div class="notice outage" part="outage">
    <p><strong role="status">${lead}</strong> ${retryingIn(t, seconds)}</p>
    <button type="button" class="button" @click=${() => void outage.retryNow()}>${t('outage.tryNow')}</button>
  </div>`;
}

/** When the next retry runs: in seconds, or in minutes once it is more than one and a half away. */
function retryingIn(t: Translate, seconds: number): string {
  if (seconds === 0) return t('outage.retrying');
  return seconds > 90 ? t('outage.retryingInMinutes', { minutes: Math.ceil(seconds / 60) }) : t('outage.retryingIn', { seconds });
}

const HINTS: Partial<Record<MessageKey, MessageKey>> = {
  'error.notFoundBoard': 'hint.board',
  'card.notFound': 'hint.card',
};
const warned = new Set<string>();

/**
 * What a 404 says: `text` (what does not exist, for everyone) and, for the community's admins,
 * where to fix it when `key` names what the page asked for (a board, a card). The API's detail
 * goes to the console, once, for whoever sets the page up.
 */
export async function notFoundText(
  host: Element,
  client: BridgekitMemberClient | null,
  t: Translate,
  text: string,
  err: BridgekitError,
  key?: MessageKey,
) {
  const detail = `<${host.localName}>: ${err.message} Check the element's attributes and the page's tenant.`;
  if (!warned.has(detail)) {
    warned.add(detail);
    console.warn(detail);
  }
  const hint = key && HINTS[key];
  if (!hint || !client) return text;
  const admin = await viewer(client).then(
    (me) => me.user?.role === 'admin',
    () => false,
  );
  return admin ? `${text} ${t(hint)}` : text;
}
