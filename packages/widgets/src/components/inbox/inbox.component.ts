import type { Reason } from '@bridgekit/sdk';
import { notificationsPart } from '@bridgekit/sdk/parts/notifications';
import { html, nothing } from 'lit';
import { BridgekitElement } from '../../shared/bridgekit-element.ts';
import { usePart } from '../../shared/client.ts';
import { registerFeature } from '../../shared/i18n.ts';
import { notifyMessages } from '../../shared/messages/notify.ts';
import { pagedListStyles, tokens } from '../../shared/styles.ts';
import { inboxStyles } from './inbox.styles.ts';
import type { InboxPanel } from './inbox-panel.ts';

usePart(notificationsPart);

registerFeature(notifyMessages);

/** Seconds between looks at the unread count while the page is visible. */
const DEFAULT_POLL = 60;
const MIN_POLL = 2;

/**
 * A signed-in person's notifications: a bell with the number of unread ones, which opens a
 * panel listing them newest first — who did what, to which item, when, and why it reached
 * them — with "Mark all read", older ones on demand and the e-mail settings (at once, daily or
 * weekly digest, or none, for each kind). Opening a notification marks it read and goes to its
 * item: in place when this page shows such items (a board, `<bk-idea>`, the practice library),
 * else to the item's page. The count is refreshed every `poll` seconds while the page is
 * visible, and not at all while it is hidden. Shows nothing to people who are not signed in.
 *
 * @tag bk-inbox
 * @summary A bell with the unread count that opens a person's notifications and e-mail settings.
 *
 * @attr poll - Seconds between looks at the unread count while the page is visible (default 60, at least 2).
 * @attr tenant - Overrides the page's tenant for this element.
 *
 * @event bk-notification-open - A notification is being opened ({@link BkNotificationOpenEvent}); cancel it to show the item yourself.
 * @event bk-error - A call to the API failed.
 *
 * @csspart bell - The bell button.
 * @csspart badge - The number of unread notifications on the bell.
 * @csspart panel - The panel (a dialog) with the notifications.
 * @csspart item - One notification.
 * @csspart unread - The mark of an unread notification.
 * @csspart mark-all - The "Mark all read" button.
 * @csspart load-more - The button that loads older notifications.
 * @csspart settings - The e-mail settings form.
 * @csspart session-notice - The "sign-in expired" notice.
 *
 * @cssproperty --bk-inbox-badge-background - Background of the unread count. Default `--bk-color-brand`.
 * @cssproperty --bk-inbox-unread-background - Background of an unread notification. Default `--bk-color-brand-subtle`.
 * @cssproperty --bk-inbox-panel-width - Width of the panel. Default `26rem`.
 */
export class BkInbox extends BridgekitElement {
  static override styles = [tokens, pagedListStyles, inboxStyles];
  static override properties = {
    poll: { type: Number },
    _unread: { state: true },
    _open: { state: true },
    _announcement: { state: true },
  };

  declare poll: number | undefined;
  /** Unread notifications; `null` until first known. */
  declare _unread: number | null;
  declare _open: boolean;
  /** The unread count when it changes, for the live region by the bell. */
  declare _announcement: string;

  #timer: ReturnType<typeof setTimeout> | undefined;
  #counting: AbortController | null = null;
  #panel: InboxPanel | null = null;
  #loadingPanel: Promise<InboxPanel> | null = null;

  constructor() {
    super();
    this._unread = null;
    this._open = false;
    this._announcement = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.#onVisibility);
    void this.#refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#stop();
  }

  protected configChanged(): void {
    this._unread = null;
    this.#panel?.reset();
    this.#close();
    void this.#refresh();
  }

  get #interval(): number {
    const poll = Number(this.poll);
    return Number.isFinite(poll) && poll > 0 ? Math.max(poll, MIN_POLL) : DEFAULT_POLL;
  }

  #onVisibility = () => {
    if (document.visibilityState === 'visible') void this.#refresh();
    else this.#stop();
  };

  #stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#counting?.abort();
    this.#counting = null;
  }

  /** Looks at the unread count now, then again after the interval: only while the page is visible. */
  async #refresh(): Promise<void> {
    this.#stop();
    const client = this.client;
    if (!client || !this.signedIn || !this.isConnected || document.visibilityState !== 'visible') return;
    const counting = new AbortController();
    this.#counting = counting;
    try {
      const inbox = await client.notifications.inbox({ unread: true, limit: 1 }, { signal: counting.signal });
      if (counting.signal.aborted) return;
      this.#setUnread(inbox.unread);
    } catch (err) {
      if (counting.signal.aborted) return;
      // An expired sign-in shows its notice (and stops here); anything else is tried again later.
      await this.describeError(err);
    }
    if (counting.signal.aborted || !this.signedIn) return;
    this.#counting = null;
    this.#timer = setTimeout(() => void this.#refresh(), this.#interval * 1000);
  }

  /** Drops the count in flight and looks again after the interval. */
  #refreshLater(): void {
    this.#stop();
    this.#timer = setTimeout(() => void this.#refresh(), this.#interval * 1000);
  }

  /** A new count; announced when it changed from one the person has seen. */
  #setUnread(count: number): void {
    if (this._unread !== null && count !== this._unread) this._announcement = this.t('inbox.unreadNow', { count });
    this._unread = count;
  }

  /** What the panel uses of this element. */
  get _api() {
    return {
      client: this.client,
      t: this.t.bind(this),
      locale: this.locale,
      describe: (err: unknown) => this.describeError(err),
      failure: (text: string, retry: () => unknown, failure: unknown) => this.renderFailure(text, retry, failure),
      reason: (code: Reason) => this.reasonText(code, undefined, code),
      person: (name: string) => this.personName(name),
      unread: this._unread,
      setUnread: (count: number) => {
        // Newer than any count in flight: that one must not overwrite it.
        this.#setUnread(count);
        if (this.#counting) this.#refreshLater();
      },
      close: () => this.#close(),
    };
  }

  /** The panel's module: asked for when the bell is pointed at or focused, so it is usually here when pressed. */
  #loadPanel(): Promise<InboxPanel> {
    this.#loadingPanel ??= import('./inbox-panel.ts').then(
      (m) => (this.#panel = new m.InboxPanel(this)),
      (err: unknown) => {
        this.#loadingPanel = null;
        throw err;
      },
    );
    return this.#loadingPanel;
  }

  #preload = () => void this.#loadPanel().catch(() => undefined);

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  async #openPanel(): Promise<void> {
    let panel: InboxPanel;
    try {
      panel = await this.#loadPanel();
    } catch (err) {
      this._announcement = await this.describeError(err);
      return;
    }
    panel.load();
    this._open = true;
    await this.updateComplete;
    const dialog = this.#dialog;
    if (dialog && !dialog.open) dialog.showModal();
    this.renderRoot.querySelector<HTMLElement>('#bk-inbox-heading')?.focus();
  }

  #close(): void {
    this.#dialog?.close();
  }

  /** Closed by Esc, the close button, a click beside it or an opened notification: focus back on the bell. */
  #onClosed(): void {
    // The close event comes a task after close(): the panel may have been opened again since.
    if (this.#dialog?.open) return;
    this._open = false;
    this.#panel?.abort();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.bell')?.focus());
  }

  #onDialogClick(event: MouseEvent): void {
    // The dialog itself is only hit on its backdrop: its content fills it.
    if (event.target === this.#dialog) this.#close();
  }

  protected override render() {
    if (!this.client) return html`<p class="notice error">${this.t('error.notConfigured')}</p>`;
    if (this.sessionExpired) return this.renderSessionNotice();
    if (!this.signedIn) return nothing;
    const unread = this._unread ?? 0;
    const number = new Intl.NumberFormat(this.locale);
    return html`
      <button
        type="button"
        class="button bell"
        part="bell"
        aria-haspopup="dialog"
        aria-expanded=${this._open ? 'true' : 'false'}
        @pointerenter=${this.#preload}
        @focus=${this.#preload}
        @click=${this.#openPanel}
      >
        <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M10 2a5 5 0 0 0-5 5v3.59l-1.7 2.55A.56.56 0 0 0 3.77 14h12.46a.56.56 0 0 0 .47-.86L15 10.59V7a5 5 0 0 0-5-5Zm-2 13a2 2 0 0 0 4 0H8Z"
          />
        </svg>
        <span class="visually-hidden">${unread > 0 ? this.t('inbox.bellUnread', { count: unread }) : this.t('inbox.bell')}</span>
        ${unread > 0 ? html`<span class="badge" part="badge" aria-hidden="true">${unread > 99 ? `${number.format(99)}+` : number.format(unread)}</span>` : nothing}
      </button>
      <span class="visually-hidden" role="status">${this._announcement}</span>
      <dialog part="panel" aria-labelledby="bk-inbox-heading" @close=${this.#onClosed} @click=${this.#onDialogClick}>
        ${this._open ? this.#panel?.render() : nothing}
      </dialog>
    `;
  }
}
