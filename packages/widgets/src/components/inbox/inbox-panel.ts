/**
 * The inside of `bk-inbox`'s panel: the notifications, newest first, with "Mark all read", older
 * ones by cursor, and the e-mail settings (inbox-settings.ts, loaded when first shown). Loaded
 * by the element the first time the bell is pointed at, focused or pressed, so a page pays only
 * for the bell until someone opens it.
 */
import type { BridgekitMemberClient, EventItemKind, Inbox, ItemPages, Notification, Reason } from '@bridgekit/sdk';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { BkNotificationOpenEvent } from '../../events/notification-open.ts';
import { relativeTime, type Translate } from '../../shared/i18n.ts';
import { itemPages, itemUrl } from '../../shared/item-links.ts';
import { PagedList, renderLoadMore } from '../../shared/paged-list.ts';
import type { InboxSettings } from './inbox-settings.ts';
import { notificationDetails, notificationSentence } from './inbox-text.ts';

/**
 * Elements that open an item of a kind in place when the page's address names it: a
 * notification about such an item opens it there instead of leaving the page.
 */
const IN_PLACE: Partial<Record<EventItemKind, string>> = {
  idea: "bk-idea:not([idea]), bk-idea[idea=''], bk-idea-board, bk-idea-roadmap, bk-idea-triage",
  card: 'bk-practice-library',
  health: "bk-health:not([unit]), bk-health[unit='']",
};

/** A plain click: the others (a new tab, a download, a context menu) are the browser's. */
const plainClick = (event: MouseEvent) =>
  event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey && !event.defaultPrevented;

export type PanelView = 'list' | 'settings';

/** What the panel uses of `bk-inbox`. */
export interface PanelHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly _api: {
    client: BridgekitMemberClient | null;
    t: Translate;
    locale: string;
    describe: (err: unknown) => Promise<string>;
    /** A failed load as every element shows it: said once if permanent, else the page's one outage banner, retried with back-off. */
    failure: (text: string, retry: () => unknown, failure: unknown) => TemplateResult;
    /** A held or rejected post's reason code in words. */
    reason: (code: Reason) => string;
    /** A person's name as shown (an erased person's in the reader's words). */
    person: (name: string) => string;
    unread: number | null;
    setUnread: (count: number) => void;
    close: () => void;
  };
}

/**
 * @example
 * this.#panel ??= new (await import('./inbox-panel.ts')).InboxPanel(this);
 * this.#panel.load();
 * // in the dialog: this.#panel.render()
 */
export class InboxPanel {
  view: PanelView = 'list';
  /** What an action in the panel came to, announced. */
  message = '';
  readonly #host: PanelHost;
  readonly #list: PagedList<Notification, Inbox>;
  #pages: ItemPages = {};
  #settings: InboxSettings | null = null;

  constructor(host: PanelHost) {
    this.#host = host;
    this.#list = new PagedList<Notification, Inbox>(host, {
      fetch: (cursor, signal) => this.#client().notifications.inbox(cursor ? { cursor } : {}, { signal }),
      key: (n) => n.id,
      describe: (err) => host._api.describe(err),
      onFirstPage: (page) => host._api.setUnread(page.unread),
      onMoreFailed: (reason) => this.#say(host._api.t('inbox.moreFailed', { reason })),
    });
  }

  #client(): BridgekitMemberClient {
    const client = this.#host._api.client;
    if (!client) throw new Error('Bridgekit is not configured');
    return client;
  }

  #say(message: string): void {
    this.message = message;
    this.#host.requestUpdate();
  }

  /** Starts over on the list: each time the panel opens. */
  load(): void {
    const client = this.#host._api.client;
    if (!client) return;
    this.view = 'list';
    this.message = '';
    void itemPages(client).then((pages) => {
      this.#pages = pages;
      this.#host.requestUpdate();
    });
    void this.#list.load();
  }

  abort(): void {
    this.#list.abort();
  }

  /** Drops what belonged to the person signed in before. */
  reset(): void {
    this.#settings = null;
  }

  async showView(view: PanelView): Promise<void> {
    this.message = '';
    if (view === 'settings' && !this.#settings) {
      const { InboxSettings } = await import('./inbox-settings.ts');
      this.#settings = new InboxSettings(this.#host);
      void this.#settings.load();
    }
    this.view = view;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>('#bk-inbox-heading')?.focus();
  }

  /** Where a notification leads: in place when this page shows its kind of item, else the item's page. */
  #url(n: Notification): string {
    const { kind, id } = n.item;
    const here = IN_PLACE[kind];
    if (here && document.querySelector(here)) return itemUrl({}, kind, id);
    return n.item.url ?? itemUrl(this.#pages, kind, id);
  }

  async #markRead(n: Notification): Promise<void> {
    if (n.readAt) return;
    const readAt = new Date().toISOString();
    this.#list.items = this.#list.items.map((item) => (item.id === n.id ? { ...item, readAt } : item));
    const api = this.#host._api;
    try {
      api.setUnread((await this.#client().notifications.markRead([n.id])).unread);
    } catch (err) {
      this.#say(api.t('inbox.markFailed', { reason: await api.describe(err) }));
    }
  }

  async #open(event: MouseEvent, n: Notification, url: string): Promise<void> {
    if (!plainClick(event)) {
      // A new tab or window: the browser opens it; it is read all the same.
      void this.#markRead(n);
      return;
    }
    event.preventDefault();
    await this.#markRead(n);
    const open = new BkNotificationOpenEvent({ notification: n.id, event: n.event, kind: n.item.kind, id: n.item.id, url });
    this.#host.dispatchEvent(open);
    this.#host._api.close();
    if (!open.defaultPrevented) location.assign(url);
  }

  async #markAllRead(): Promise<void> {
    const api = this.#host._api;
    // The count may lag the list (a poll in flight): either one saying something is unread is enough.
    if (!api.unread && this.#list.items.every((n) => n.readAt)) return;
    try {
      const { unread } = await this.#client().notifications.markRead('all');
      const readAt = new Date().toISOString();
      this.#list.items = this.#list.items.map((n) => (n.readAt ? n : { ...n, readAt }));
      api.setUnread(unread);
      this.#say(api.t('inbox.allRead'));
    } catch (err) {
      this.#say(api.t('inbox.markFailed', { reason: await api.describe(err) }));
    }
  }

  render() {
    const { t, unread } = this.#host._api;
    const settings = this.view === 'settings';
    return html`<div class="panel">
      <div class="panel-header">
        <h2 id="bk-inbox-heading" tabindex="-1">${t(settings ? 'inbox.settings' : 'inbox.heading')}</h2>
        <button type="button" class="button" @click=${() => this.#host._api.close()}>${t('inbox.close')}</button>
      </div>
      <div class="tools">
        ${
          settings
            ? html`<button type="button" class="button" @click=${() => this.showView('list')}>${t('inbox.back')}</button>`
            : html`<button
                type="button"
                class="button"
                part="mark-all"
                aria-disabled=${unread ? 'false' : 'true'}
                @click=${() => this.#markAllRead()}
              >
                ${t('inbox.markAllRead')}
              </button>
              <button type="button" class="button" @click=${() => this.showView('settings')}>${t('inbox.settings')}</button>`
        }
      </div>
      <p class="message" role="status">${this.message}</p>
      ${settings ? (this.#settings?.render() ?? nothing) : this.#renderList()}
    </div>`;
  }

  #renderList() {
    const { t } = this.#host._api;
    const list = this.#list;
    if (list.status === 'loading') {
      return html`<div role="status">
        <span class="visually-hidden">${t('inbox.loading')}</span>
        <div class="skeleton" aria-hidden="true"></div>
      </div>`;
    }
    if (list.status === 'error')
      return this.#host._api.failure(t('inbox.loadFailed', { reason: list.error }), () => list.load(), list.failure);
    if (list.items.length === 0) return html`<p class="empty">${t('inbox.empty')}</p>`;
    return html`<ul class="items" aria-label=${t('inbox.listLabel')}>
        ${list.items.map((n) => this.#renderItem(n))}
      </ul>
      ${renderLoadMore(list, t('inbox.loadMore'), t('inbox.loadingMore'))}`;
  }

  #renderItem(n: Notification) {
    const { t, locale, reason, person } = this.#host._api;
    const url = this.#url(n);
    const details = notificationDetails(t, n, (code) => reason(code as Reason));
    const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(n.createdAt));
    return html`<li class=${n.readAt ? 'item' : 'item unread'} part="item">
      <a href=${url} @click=${(event: MouseEvent) => this.#open(event, n, url)}>
        ${n.readAt ? nothing : html`<span class="dot" part="unread" aria-hidden="true"></span><span class="visually-hidden">${t('inbox.unread')}: </span>`}${notificationSentence(t, n, person)}
      </a>
      ${details.map((line) => html`<p class="detail">${line}</p>`)}
      <p class="meta">
        <span>${t(`inbox.reason.${n.reason}`)}</span>
        <span aria-hidden="true"> · </span>
        <time datetime=${n.createdAt} title=${when}>${relativeTime(locale, n.createdAt)}</time>
      </p>
    </li>`;
  }
}
