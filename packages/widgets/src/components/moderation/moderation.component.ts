import { isBridgekitError, LIMITS, type QueueItem } from '@bridgekit/sdk';
import { html, nothing, type PropertyValues } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { BkModerationDecisionEvent, type ModerationAction } from '../../events/moderation-decision.ts';
import { BridgekitElement } from '../../shared/bridgekit-element.ts';
import { formatList, type MessageKey, registerFeature, relativeTime } from '../../shared/i18n.ts';
import { moderationMessages } from '../../shared/messages/moderation.ts';
import { tokens } from '../../shared/styles.ts';
import { moderationStyles } from './moderation.styles.ts';

type Status = 'loading' | 'ready' | 'error' | 'forbidden';
type Filter = 'all' | 'pending' | 'flagged';
type FormKind = 'reject' | 'ban' | 'timeout';

const FILTERS: { value: Filter; label: MessageKey }[] = [
  { value: 'all', label: 'moderation.filterAll' },
  { value: 'pending', label: 'moderation.filterPending' },
  { value: 'flagged', label: 'moderation.filterFlagged' },
];
const isFilter = (value: string): value is Filter => FILTERS.some((f) => f.value === value);

/** Common reasons offered when rejecting, banning or timing out; free text can add to or replace them. */
const REASONS = ['spam', 'abuse', 'off_topic', 'confidential', 'personal'] as const;
const DURATIONS: { hours: number; label: MessageKey }[] = [
  { hours: 1, label: 'moderation.duration1h' },
  { hours: 24, label: 'moderation.duration24h' },
  { hours: 168, label: 'moderation.duration7d' },
];
const DEFAULT_DURATION_HOURS = 24;

/** Where single-key shortcuts must not fire: the person is typing or choosing (WCAG 2.1.4). */
const isEditable = (target: EventTarget | undefined): boolean =>
  target instanceof HTMLInputElement ||
  target instanceof HTMLTextAreaElement ||
  target instanceof HTMLSelectElement ||
  (target instanceof HTMLElement && target.isContentEditable);

registerFeature(moderationMessages);

/**
 * The moderators' review queue of discussion comments: comments held by the moderation
 * pipeline or hidden by reader flags, and published comments readers flagged — each with its
 * author, thread, when it was posted and why it is here. Moderators approve, reject (with a
 * reason), ban or time out the author, with buttons or keyboard shortcuts.
 *
 * @tag bk-moderation
 * @summary Review held and flagged comments.
 *
 * @attr reason - Which comments: `all` (default), `pending` (held for review) or `flagged` (flagged by readers).
 * @attr thread - Only the comments of this thread (its id).
 * @attr page-size - Comments per page, 1–100 (default 20).
 * @attr tenant - Overrides the page's tenant for this element.
 *
 * @event bk-moderation-decision - A decision was stored ({@link BkModerationDecisionEvent}).
 * @event bk-error - A call to the API failed.
 *
 * @csspart base - The frame.
 * @csspart header - Heading, count and toolbar.
 * @csspart heading - The heading.
 * @csspart count - "3 comments shown".
 * @csspart filter - The "Show" choice (all, held, flagged).
 * @csspart shortcuts-button - The "Keyboard shortcuts" button.
 * @csspart queue - The list of comments.
 * @csspart item - One comment.
 * @csspart author - Its author's name and business unit.
 * @csspart meta - Its thread and time.
 * @csspart thread - Its thread's title (a link when the thread has a URL).
 * @csspart reason - Why it is held.
 * @csspart flags - The readers' flags with their counts.
 * @csspart restriction - Whether its author is banned or timed out.
 * @csspart body - The comment's text.
 * @csspart actions - Its buttons.
 * @csspart approve - The "Approve" button.
 * @csspart reject - The "Reject" button.
 * @csspart timeout - The "Time out author" button.
 * @csspart ban - The "Ban author" button.
 * @csspart decision-form - The reason form of a reject, ban or time-out.
 * @csspart empty - "Nothing waiting for review."
 * @csspart notice - The "only moderators" message.
 * @csspart load-more - The "Load more" button.
 * @csspart help - The keyboard shortcuts dialog.
 * @csspart session-notice - The "sign-in expired" notice.
 *
 * @cssproperty --bk-moderation-surface - Background of the queue. Default `--bk-color-surface`.
 * @cssproperty --bk-moderation-padding - Padding of the queue. Default `1rem`.
 * @cssproperty --bk-moderation-gap - Space between the queue's parts. Default `0.75rem`.
 * @cssproperty --bk-moderation-pending - Accent of held comments. Default Fluent orange.
 * @cssproperty --bk-moderation-flagged - Accent of flagged comments. Default `--bk-color-danger`.
 */
export class BkModeration extends BridgekitElement {
  static override styles = [tokens, moderationStyles];
  static override properties = {
    reason: { type: String, reflect: true },
    thread: { type: String, reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
    _items: { state: true },
    _cursor: { state: true },
    _status: { state: true },
    _error: { state: true },
    _loadingMore: { state: true },
    _announcement: { state: true },
    _form: { state: true },
    _formError: { state: true },
    _busy: { state: true },
    _itemError: { state: true },
  };

  declare reason: Filter;
  declare thread: string;
  declare pageSize: number;
  declare _items: QueueItem[];
  declare _cursor: string | null;
  declare _status: Status;
  declare _error: string;
  declare _loadingMore: boolean;
  declare _announcement: string;
  /** The reason form that is open, on which comment. */
  declare _form: { commentId: string; kind: FormKind } | null;
  declare _formError: string;
  /** The comment whose decision is being stored. */
  declare _busy: string | null;
  declare _itemError: { commentId: string; message: string } | null;

  #load: AbortController | null = null;
  /** What gets focus after the next render. */
  #focus: (() => HTMLElement | null) | null = null;
  #helpReturn: HTMLElement | null = null;

  constructor() {
    super();
    this.reason = 'all';
    this.thread = '';
    this.pageSize = LIMITS.pageSize.default;
    this._items = [];
    this._cursor = null;
    this._status = 'loading';
    this._error = '';
    this._loadingMore = false;
    this._announcement = '';
    this._form = null;
    this._formError = '';
    this._busy = null;
    this._itemError = null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#load?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('reason') || changed.has('thread') || changed.has('tenant') || changed.has('pageSize')) void this.#reload();
  }

  protected override updated(): void {
    const target = this.#focus;
    this.#focus = null;
    target?.()?.focus();
  }

  protected configChanged(): void {
    void this.#reload();
  }

  get #filter(): Filter {
    return isFilter(this.reason) ? this.reason : 'all';
  }

  #focusAfterRender(target: () => HTMLElement | null): void {
    this.#focus = target;
    this.requestUpdate();
  }

  #inShadow(selector: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(selector);
  }

  #itemElement(commentId: string): HTMLElement | null {
    return this.#inShadow(`li[data-comment="${CSS.escape(commentId)}"]`);
  }

  async #reload(): Promise<void> {
    this.#load?.abort();
    const client = this.client;
    if (!client) return;
    const load = new AbortController();
    this.#load = load;
    this._status = 'loading';
    this._error = '';
    this._form = null;
    try {
      const page = await client.moderation.queue({
        reason: this.#filter,
        thread: this.thread || undefined,
        limit: this.pageSize,
        signal: load.signal,
      });
      if (load.signal.aborted) return;
      this._items = page.items;
      this._cursor = page.nextCursor;
      this._status = 'ready';
    } catch (err) {
      if (load.signal.aborted) return;
      // Members and signed-out readers: a plain statement, not an error.
      if (isBridgekitError(err) && (err.code === 'forbidden' || err.code === 'unauthorized')) {
        this._status = 'forbidden';
        return;
      }
      this._error = this.describeError(err);
      this._status = 'error';
    }
  }

  async #loadMore(): Promise<void> {
    const client = this.client;
    if (!client || !this._cursor || this._loadingMore) return;
    this._loadingMore = true;
    try {
      const page = await client.moderation.queue({
        reason: this.#filter,
        thread: this.thread || undefined,
        cursor: this._cursor,
        limit: this.pageSize,
      });
      const known = new Set(this._items.map((i) => i.comment.id));
      const fresh = page.items.filter((i) => !known.has(i.comment.id));
      this._items = [...this._items, ...fresh];
      this._cursor = page.nextCursor;
      const first = fresh[0]?.comment.id;
      if (first) this.#focusAfterRender(() => this.#itemElement(first));
    } catch (err) {
      this._announcement = this.describeError(err);
    } finally {
      this._loadingMore = false;
    }
  }

  #name(item: QueueItem): string {
    return item.comment.author?.name ?? this.t('moderation.unknownAuthor');
  }

  #formatTime(iso: string): string {
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  }

  /** Takes the decided comment out of the list and moves focus to the one that took its place. */
  #remove(commentId: string): void {
    const index = this._items.findIndex((i) => i.comment.id === commentId);
    this._items = this._items.filter((i) => i.comment.id !== commentId);
    if (this._form?.commentId === commentId) this._form = null;
    const next = this._items[index] ?? this._items[index - 1];
    this.#focusAfterRender(() => (next ? this.#itemElement(next.comment.id) : this.#inShadow('#bk-mod-heading')));
  }

  /** Runs a moderator action on a queued comment: busy state, announcement, event, and failures. */
  async #act(item: QueueItem, action: ModerationAction, run: () => Promise<string>): Promise<void> {
    const id = item.comment.id;
    if (this._busy) return;
    this._busy = id;
    this._itemError = null;
    // Emptied while the call runs, so the same words twice in a row are announced again.
    this._announcement = '';
    try {
      this._announcement = await run();
      this.dispatchEvent(new BkModerationDecisionEvent({ commentId: id, action, authorId: item.authorId }));
    } catch (err) {
      if (isBridgekitError(err) && (err.status === 409 || err.status === 404)) {
        this._announcement = this.t('moderation.alreadyDecided');
        this.#remove(id);
        return;
      }
      const message = this.t('moderation.actionFailed', { reason: this.describeError(err) });
      this._itemError = { commentId: id, message };
    } finally {
      this._busy = null;
    }
  }

  #approve(item: QueueItem): void {
    const client = this.client;
    if (!client) return;
    void this.#act(item, 'approve', async () => {
      await client.moderation.approve(item.comment.id);
      this.#remove(item.comment.id);
      return this.t('moderation.approved', { name: this.#name(item) });
    });
  }

  #openForm(item: QueueItem, kind: FormKind): void {
    this._form = { commentId: item.comment.id, kind };
    this._formError = '';
    this._itemError = null;
    this.#focusAfterRender(() => this.#inShadow('#bk-mod-reason'));
  }

  #closeForm(): void {
    const form = this._form;
    this._form = null;
    this._formError = '';
    if (form)
      this.#focusAfterRender(() => this.#itemElement(form.commentId)?.querySelector<HTMLElement>(`[data-action="${form.kind}"]`) ?? null);
  }

  #onFormKey(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.#closeForm();
  }

  #submitForm(event: SubmitEvent, item: QueueItem, kind: FormKind): void {
    event.preventDefault();
    const client = this.client;
    if (!client) return;
    const data = new FormData(event.target as HTMLFormElement);
    const preset = String(data.get('reason') ?? '');
    const note = String(data.get('note') ?? '').trim();
    if (!preset && !note) {
      this._formError = this.t('moderation.reasonRequired');
      this.#focusAfterRender(() => this.#inShadow('#bk-mod-reason'));
      return;
    }
    this._formError = '';
    const reason = [preset ? this.t(`moderation.reason.${preset}` as MessageKey) : '', note].filter(Boolean).join(': ');
    const id = item.comment.id;
    const name = this.#name(item);
    if (kind === 'reject') {
      void this.#act(item, 'reject', async () => {
        await client.moderation.reject(id, reason);
        this.#remove(id);
        return this.t('moderation.rejected', { name });
      });
    } else if (kind === 'ban') {
      void this.#act(item, 'ban', async () => {
        await client.moderation.restrict(item.authorId, { reason });
        await client.moderation.reject(id, reason);
        this.#remove(id);
        this.#markRestricted(item.authorId, 'forever');
        return this.t('moderation.banned', { name });
      });
    } else {
      const hours = Number(data.get('duration') ?? DEFAULT_DURATION_HOURS);
      const until = new Date(Date.now() + hours * 3_600_000).toISOString();
      void this.#act(item, 'timeout', async () => {
        const result = await client.moderation.restrict(item.authorId, { reason, until });
        this.#markRestricted(item.authorId, result.restrictedUntil);
        this._form = null;
        this.#focusAfterRender(() => this.#itemElement(id));
        return this.t('moderation.timedOut', { name, until: this.#formatTime(result.restrictedUntil ?? until) });
      });
    }
  }

  /** Every queued comment of the author now shows their ban or time-out. */
  #markRestricted(authorId: string, until: string | null): void {
    this._items = this._items.map((i) => (i.authorId === authorId ? { ...i, authorRestrictedUntil: until } : i));
  }

  #onFilter(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.reason = isFilter(value) ? value : 'all';
  }

  /** Single-key shortcuts, only while focus is within the queue and never while typing in a field. */
  #onQueueKey(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.composedPath()[0];
    if (isEditable(target)) return;
    const elements = [...this.renderRoot.querySelectorAll<HTMLElement>('li[data-comment]')];
    const current = target instanceof Element ? target.closest<HTMLElement>('li[data-comment]') : null;
    const index = current ? elements.indexOf(current) : -1;
    const item = current ? this._items.find((i) => i.comment.id === current.dataset.comment) : undefined;
    switch (event.key) {
      case 'j':
      case 'ArrowDown':
        elements[Math.min(index + 1, elements.length - 1)]?.focus();
        break;
      case 'k':
      case 'ArrowUp':
        elements[Math.max(index - 1, 0)]?.focus();
        break;
      case 'a':
        if (!item) return;
        this.#approve(item);
        break;
      case 'r':
        if (!item) return;
        this.#openForm(item, 'reject');
        break;
      case '?':
        this.#openHelp();
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  #openHelp(): void {
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog');
    if (!dialog || dialog.open) return;
    this.#helpReturn = this.renderRoot instanceof ShadowRoot ? (this.renderRoot.activeElement as HTMLElement | null) : null;
    dialog.showModal();
  }

  #onHelpClosed(): void {
    this.#helpReturn?.focus();
    this.#helpReturn = null;
  }

  protected override render() {
    if (!this.client) return html`<p class="notice error" part="base">${this.t('error.notConfigured')}</p>`;
    const forbidden = this._status === 'forbidden';
    return html`
      <section class="base" part="base" aria-labelledby="bk-mod-heading" aria-busy=${this._status === 'loading' ? 'true' : 'false'}>
        <div class="header" part="header">
          <div>
            <h2 id="bk-mod-heading" part="heading" tabindex="-1">${this.t('moderation.heading')}</h2>
            ${
              this._status === 'ready'
                ? html`<p class="count" part="count">
                  ${this.t(this._cursor ? 'moderation.countMore' : 'moderation.count', { count: this._items.length })}
                </p>`
                : nothing
            }
          </div>
          ${forbidden ? nothing : this.#renderToolbar()}
        </div>
        ${this.renderSessionNotice()}
        <p class="visually-hidden" role="status">${this._announcement}</p>
        ${this.#renderContent()}
        ${forbidden ? nothing : this.#renderHelp()}
      </section>
    `;
  }

  #renderToolbar() {
    return html`<div class="toolbar">
      <fieldset class="filter" part="filter">
        <legend>${this.t('moderation.filter')}</legend>
        ${FILTERS.map(
          (f) => html`<label>
            <input type="radio" name="bk-mod-filter" value=${f.value} .checked=${this.#filter === f.value} @change=${this.#onFilter} />
            ${this.t(f.label)}
          </label>`,
        )}
      </fieldset>
      <button type="button" class="button" part="shortcuts-button" aria-haspopup="dialog" @click=${this.#openHelp}>
        ${this.t('moderation.shortcuts')}
      </button>
    </div>`;
  }

  #renderContent() {
    switch (this._status) {
      case 'loading':
        return html`<div role="status">
          <span class="visually-hidden">${this.t('moderation.loading')}</span>
          <div class="skeleton" aria-hidden="true"></div>
          <div class="skeleton" aria-hidden="true"></div>
        </div>`;
      case 'forbidden':
        return html`<p class="notice" part="notice">
          ${this.signedIn ? this.t('moderation.notAllowed') : this.t('moderation.notAllowedSignIn')}
        </p>`;
      case 'error':
        return html`<div class="notice error" role="alert">
          <p>${this.t('moderation.loadFailed')} ${this._error}</p>
          <button type="button" class="button" @click=${() => this.#reload()}>${this.t('error.retry')}</button>
        </div>`;
      default:
        break;
    }
    if (this._items.length === 0) return html`<p class="notice" part="empty">${this.t('moderation.empty')}</p>`;
    return html`
      <ol class="queue" part="queue" aria-label=${this.t('moderation.listLabel')} @keydown=${this.#onQueueKey}>
        ${this._items.map((item) => this.#renderItem(item))}
      </ol>
      ${
        this._cursor
          ? html`<button type="button" class="button more" part="load-more" aria-disabled=${this._loadingMore ? 'true' : 'false'} @click=${this.#loadMore}>
            ${this._loadingMore ? this.t('moderation.loadingMore') : this.t('moderation.loadMore')}
          </button>`
          : nothing
      }
    `;
  }

  #renderItem(item: QueueItem) {
    const c = item.comment;
    const name = this.#name(item);
    const unit = c.author?.businessUnit;
    const threadLabel = item.thread.title || item.thread.key;
    const busy = this._busy === c.id ? 'true' : 'false';
    const open = this._form?.commentId === c.id ? this._form.kind : null;
    const error = this._itemError?.commentId === c.id ? this._itemError.message : '';
    return html`
      <li class="item ${item.reason}" part="item" tabindex="-1" data-comment=${c.id} aria-label=${this.t('moderation.itemLabel', { name })}>
        <div class="item-header">
          <h3 class="author" part="author">${name}${unit ? html` <span class="unit">· ${unit}</span>` : nothing}</h3>
          <p class="meta" part="meta">
            <span>
              ${this.t('moderation.thread')}
              ${item.thread.url ? html`<a part="thread" href=${item.thread.url}>${threadLabel}</a>` : html`<span part="thread">${threadLabel}</span>`}
            </span>
            <span>
              ${this.t('moderation.posted')}
              <time datetime=${c.createdAt} title=${this.#formatTime(c.createdAt)}>${relativeTime(this.locale, c.createdAt)}</time>
              ${c.editedAt ? this.t('moderation.edited') : nothing}
            </span>
          </p>
        </div>
        ${this.#renderWhy(item)}
        ${
          // The one trusted HTML source: the server renders comment Markdown and sanitises it.
          html`<div class="body" part="body">${unsafeHTML(c.html ?? '')}</div>`
        }
        <div class="actions" part="actions" role="group" aria-label=${this.t('moderation.actionsLabel', { name })}>
          <button type="button" class="button primary" part="approve" data-action="approve" aria-disabled=${busy} @click=${() => this.#approve(item)}>
            ${this.t('moderation.approve')}
          </button>
          ${this.#formButton(item, 'reject', 'moderation.reject', open, busy)} ${this.#formButton(item, 'timeout', 'moderation.timeout', open, busy)}
          ${this.#formButton(item, 'ban', 'moderation.ban', open, busy)}
        </div>
        ${error ? html`<p class="notice error" role="alert">${error}</p>` : nothing}
        ${open ? this.#renderForm(item, open) : nothing}
      </li>
    `;
  }

  #formButton(item: QueueItem, kind: FormKind, label: MessageKey, open: FormKind | null, busy: string) {
    return html`<button
      type="button"
      class="button ${kind === 'ban' ? 'danger' : ''}"
      part=${kind}
      data-action=${kind}
      aria-expanded=${open === kind ? 'true' : 'false'}
      aria-disabled=${busy}
      @click=${() => (open === kind ? this.#closeForm() : this.#openForm(item, kind))}
    >
      ${this.t(label)}
    </button>`;
  }

  #renderWhy(item: QueueItem) {
    const c = item.comment;
    const flags = formatList(
      this.locale,
      item.flags.map((f) => this.t(`moderation.flag.${f.reason}` as MessageKey, { count: f.count })),
    );
    const until = item.authorRestrictedUntil;
    return html`
      ${
        c.state === 'pending'
          ? html`<p class="why" part="reason"><span class="badge pending">${this.t('moderation.filterPending')}</span> ${c.pendingReason ?? item.detail}</p>`
          : nothing
      }
      ${flags ? html`<p class="why" part="flags"><span class="badge flagged">${this.t('moderation.filterFlagged')}</span> ${flags}</p>` : nothing}
      ${
        until
          ? html`<p class="why restriction" part="restriction">
            ${until === 'forever' ? this.t('moderation.authorBanned') : this.t('moderation.authorTimedOut', { until: this.#formatTime(until) })}
          </p>`
          : nothing
      }
    `;
  }

  #renderForm(item: QueueItem, kind: FormKind) {
    const name = this.#name(item);
    const invalid = this._formError ? 'true' : 'false';
    const heading =
      kind === 'reject'
        ? this.t('moderation.rejectHeading')
        : this.t(kind === 'ban' ? 'moderation.banHeading' : 'moderation.timeoutHeading', { name });
    const busy = this._busy === item.comment.id ? 'true' : 'false';
    return html`
      <form class="decision" part="decision-form" novalidate aria-labelledby="bk-mod-form-heading" @submit=${(e: SubmitEvent) => this.#submitForm(e, item, kind)} @keydown=${this.#onFormKey}>
        <h4 id="bk-mod-form-heading">${heading}</h4>
        ${kind === 'ban' ? html`<p class="warning">${this.t('moderation.banWarning')}</p>` : nothing}
        ${kind === 'timeout' ? html`<p class="warning">${this.t('moderation.timeoutWarning')}</p>` : nothing}
        ${
          kind === 'timeout'
            ? html`<fieldset class="choices">
              <legend>${this.t('moderation.duration')}</legend>
              ${DURATIONS.map(
                (d) => html`<label>
                  <input type="radio" name="duration" value=${d.hours} ?checked=${d.hours === DEFAULT_DURATION_HOURS} />
                  ${this.t(d.label)}
                </label>`,
              )}
            </fieldset>`
            : nothing
        }
        <div class="field">
          <label for="bk-mod-reason">${this.t('moderation.reasonChoice')}</label>
          <select id="bk-mod-reason" name="reason" aria-invalid=${invalid} aria-describedby="bk-mod-error">
            <option value="">${this.t('form.choose')}</option>
            ${REASONS.map((r) => html`<option value=${r}>${this.t(`moderation.reason.${r}` as MessageKey)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="bk-mod-note">${this.t('moderation.reasonNote')}</label>
          <textarea id="bk-mod-note" name="note" maxlength="900" aria-invalid=${invalid} aria-describedby="bk-mod-hint bk-mod-error"></textarea>
          <p class="hint" id="bk-mod-hint">${this.t('moderation.reasonHint')}</p>
        </div>
        <p class="field-error" id="bk-mod-error">${this._formError}</p>
        <div class="form-actions">
          <button type="submit" class="button ${kind === 'reject' ? 'primary' : 'danger'}" aria-disabled=${busy}>
            ${this.t(kind === 'reject' ? 'moderation.confirmReject' : kind === 'ban' ? 'moderation.confirmBan' : 'moderation.confirmTimeout')}
          </button>
          <button type="button" class="button" @click=${this.#closeForm}>${this.t('moderation.cancel')}</button>
        </div>
      </form>
    `;
  }

  #renderHelp() {
    const key = (k: string) => html`<kbd>${k}</kbd>`;
    const or = this.t('moderation.or');
    return html`
      <dialog part="help" aria-labelledby="bk-mod-help-heading" @close=${this.#onHelpClosed}>
        <h3 id="bk-mod-help-heading">${this.t('moderation.shortcuts')}</h3>
        <p>${this.t('moderation.shortcutsIntro')}</p>
        <dl class="shortcuts">
          <dt>${key('j')} ${or} ${key(this.t('moderation.keyDown'))}</dt>
          <dd>${this.t('moderation.shortcutNext')}</dd>
          <dt>${key('k')} ${or} ${key(this.t('moderation.keyUp'))}</dt>
          <dd>${this.t('moderation.shortcutPrevious')}</dd>
          <dt>${key('a')}</dt>
          <dd>${this.t('moderation.shortcutApprove')}</dd>
          <dt>${key('r')}</dt>
          <dd>${this.t('moderation.shortcutReject')}</dd>
          <dt>${key('?')}</dt>
          <dd>${this.t('moderation.shortcutHelp')}</dd>
        </dl>
        <form method="dialog"><button class="button">${this.t('moderation.close')}</button></form>
      </dialog>
    `;
  }
}
