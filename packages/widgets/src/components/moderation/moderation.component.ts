import type { FieldValue, ModeratedKind, QueueItem } from '@bridgekit/sdk';
import { isBridgekitError } from '@bridgekit/sdk/errors';
import { threadsPart } from '@bridgekit/sdk/parts/threads';
import { LIMITS } from '@bridgekit/sdk/types';
import { html, nothing, type PropertyValues } from 'lit';
import { BkModerationDecisionEvent, type ModerationAction } from '../../events/moderation-decision.ts';
import { BridgekitElement } from '../../shared/bridgekit-element.ts';
import { usePart } from '../../shared/client.ts';
import { formatList, type MessageKey, registerFeature, relativeTime } from '../../shared/i18n.ts';
import { moderationMessages } from '../../shared/messages/moderation.ts';
import { PagedList, renderLoadMore } from '../../shared/paged-list.ts';
import { headerStyles, pagedListStyles, tokens } from '../../shared/styles.ts';
import { type UserHtmlLinker, userHtml, userLink } from '../../shared/user-links.ts';
import { moderationStyles } from './moderation.styles.ts';

usePart(threadsPart);

type Status = 'loading' | 'ready' | 'error' | 'forbidden';

const isRefused = (err: unknown): boolean => isBridgekitError(err) && (err.code === 'forbidden' || err.code === 'unauthorized');
type Filter = 'all' | 'pending' | 'flagged';
type FormKind = 'reject' | 'ban' | 'timeout';

const FILTERS: { value: Filter; label: MessageKey }[] = [
  { value: 'all', label: 'moderation.filterAll' },
  { value: 'pending', label: 'moderation.filterPending' },
  { value: 'flagged', label: 'moderation.filterFlagged' },
];
const isFilter = (value: string): value is Filter => FILTERS.some((f) => f.value === value);
const KINDS: readonly ModeratedKind[] = ['comment', 'idea', 'card'];

/** What a queued item is, for the texts that name it: a comment, an idea, a new card or an edit of one. */
type What = 'comment' | 'idea' | 'card' | 'cardEdit';
const whatOf = (item: QueueItem): What => (item.kind === 'card' && item.edit ? 'cardEdit' : item.kind);
const TEXTS: Record<
  What,
  Record<'label' | 'actions' | 'approved' | 'rejected' | 'banned' | 'rejectHeading' | 'confirmReject', MessageKey>
> = {
  comment: {
    label: 'moderation.itemLabel',
    actions: 'moderation.actionsLabel',
    approved: 'moderation.approved',
    rejected: 'moderation.rejected',
    banned: 'moderation.banned',
    rejectHeading: 'moderation.rejectHeading',
    confirmReject: 'moderation.confirmReject',
  },
  idea: {
    label: 'moderation.ideaLabel',
    actions: 'moderation.ideaActionsLabel',
    approved: 'moderation.ideaApproved',
    rejected: 'moderation.ideaRejected',
    banned: 'moderation.ideaBanned',
    rejectHeading: 'moderation.ideaRejectHeading',
    confirmReject: 'moderation.ideaConfirmReject',
  },
  card: {
    label: 'moderation.cardLabel',
    actions: 'moderation.cardActionsLabel',
    approved: 'moderation.cardApproved',
    rejected: 'moderation.cardRejected',
    banned: 'moderation.cardBanned',
    rejectHeading: 'moderation.cardRejectHeading',
    confirmReject: 'moderation.cardConfirmReject',
  },
  cardEdit: {
    label: 'moderation.cardEditLabel',
    actions: 'moderation.cardEditActionsLabel',
    approved: 'moderation.cardEditApproved',
    rejected: 'moderation.cardEditRejected',
    banned: 'moderation.cardEditBanned',
    rejectHeading: 'moderation.cardEditRejectHeading',
    confirmReject: 'moderation.cardEditConfirmReject',
  },
};

/** The id a queued item is known by in the list: its kind and the id it is decided by. */
const keyOf = (item: QueueItem): string =>
  item.kind === 'comment'
    ? `comment:${item.comment.id}`
    : item.kind === 'idea'
      ? `idea:${item.idea.id}`
      : `card:${item.edit?.id ?? item.card.id}`;

/** When the item was written (a held card edit: when the edit was made). */
const writtenAt = (item: QueueItem): string =>
  item.kind === 'comment'
    ? item.comment.createdAt
    : item.kind === 'idea'
      ? item.idea.createdAt
      : item.edit
        ? item.card.updatedAt
        : item.card.createdAt;

/** A field value as a line of text, for a moderator to read (at most `max` characters); `person` shows a person's name. */
function valueText(value: FieldValue | null, person: (name: string) => string, max = 300): string {
  const text = (v: FieldValue | null): string => {
    if (v === null) return '';
    if (typeof v === 'string' || typeof v === 'number') return String(v);
    if (Array.isArray(v)) return v.map(text).filter(Boolean).join('; ');
    if ('name' in v && typeof v.name === 'string') return person(v.name);
    if ('amount' in v && 'currency' in v) return `${String(v.amount)} ${String(v.currency)}`;
    return Object.values(v).map(text).filter(Boolean).join(', ');
  };
  const all = text(value);
  return all.length > max ? `${all.slice(0, max - 1)}…` : all;
}

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

/** A published comment that readers flagged: approving it keeps it and dismisses the flags. */
const keeps = (item: QueueItem): boolean => item.kind === 'comment' && item.comment.state === 'published';

/**
 * The moderators' review queue: comments held by the moderation pipeline or hidden by reader
 * flags and published comments readers flagged; ideas and new practice cards the pipeline held;
 * and held edits of published cards, with what they change — each with its author, where it
 * belongs, when it was written and why it is here. Moderators approve, reject (with a reason),
 * ban or time out the author, with buttons or keyboard shortcuts.
 *
 * @tag bk-moderation
 * @summary Review held and flagged comments, ideas and practice cards.
 *
 * @attr reason - Which items: `all` (default), `pending` (held for review) or `flagged` (comments flagged by readers).
 * @attr kind - Only `comment`, `idea` or `card` items (default: all kinds).
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
 * @csspart shortcuts-button - The "Keyboard shortcuts" button (not shown on touch screens).
 * @csspart queue - The list of comments.
 * @csspart item - One comment.
 * @csspart author - Its author's name and business unit.
 * @csspart meta - Its thread, board or card, and time.
 * @csspart thread - Its thread's title (a link to the comment in its thread when the thread has a URL).
 * @csspart title - An idea's or a card's title.
 * @csspart changes - What a held card edit changes, or a new card's fields.
 * @csspart reason - Why it is held.
 * @csspart flags - The readers' flags with their counts.
 * @csspart restriction - Whether its author is banned or timed out.
 * @csspart body - The comment's or idea's text.
 * @csspart actions - Its buttons.
 * @csspart approve - The "Approve" button ("Keep (dismiss flags)" on a published comment that readers flagged).
 * @csspart confirmation - The last decision's confirmation, above the queue.
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
  static override styles = [tokens, headerStyles, pagedListStyles, moderationStyles];
  static override properties = {
    reason: { type: String, reflect: true },
    kind: { type: String, reflect: true },
    thread: { type: String, reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
    _announcement: { state: true },
    _confirm: { state: true },
    _itemUrl: { state: true },
    _form: { state: true },
    _formError: { state: true },
    _busy: { state: true },
    _itemError: { state: true },
    _linker: { state: true },
  };

  declare reason: Filter;
  declare kind: string;
  declare thread: string;
  declare pageSize: number;
  declare _announcement: string;
  /** The last decision's confirmation, shown above the queue as well as announced. */
  declare _confirm: string;
  /** `itemUrl` of `shared/item-links.ts`, once loaded: a comment's thread links to the comment. */
  declare _itemUrl: typeof import('../../shared/item-links.ts').itemUrl | null;
  /** The reason form that is open, on which item (`keyOf`). */
  declare _form: { key: string; kind: FormKind } | null;
  declare _formError: string;
  /** The item whose decision is being stored. */
  declare _busy: string | null;
  declare _itemError: { key: string; message: string } | null;
  /** Mentions and links to items in comments, once loaded (`user-html.ts`). */
  declare _linker: UserHtmlLinker | null;

  #list = new PagedList<QueueItem>(this, {
    fetch: (cursor, signal) => {
      const client = this.client;
      if (!client) throw new Error('not configured');
      return client.moderation.queue({
        reason: this.#filter,
        kind: this.#kind,
        thread: this.thread || undefined,
        cursor: cursor ?? undefined,
        limit: this.pageSize,
        signal,
      });
    },
    key: keyOf,
    // Members and signed-out readers get a plain statement (see #status), not an error.
    describe: (err, first) => (first && isRefused(err) ? Promise.resolve('') : this.describeError(err)),
    onMore: (added) => {
      const first = added[0];
      if (first) this.#focusAfterRender(() => this.#itemElement(keyOf(first)));
    },
    onMoreFailed: (message) => {
      this._announcement = message;
    },
  });
  /** What gets focus after the next render. */
  #focus: (() => HTMLElement | null) | null = null;
  #helpReturn: HTMLElement | null = null;

  constructor() {
    super();
    this.reason = 'all';
    this.kind = '';
    this.thread = '';
    this.pageSize = LIMITS.pageSize.default;
    this._announcement = '';
    this._confirm = '';
    this._itemUrl = null;
    void import('../../shared/item-links.ts').then(
      (m) => {
        this._itemUrl = m.itemUrl;
      },
      () => undefined,
    );
    this._form = null;
    this._formError = '';
    this._busy = null;
    this._itemError = null;
    this._linker = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('reason') || changed.has('kind') || changed.has('thread') || changed.has('tenant') || changed.has('pageSize'))
      this.#reload();
  }

  protected override updated(): void {
    const target = this.#focus;
    this.#focus = null;
    target?.()?.focus();
  }

  protected configChanged(): void {
    this.#reload();
  }

  get #filter(): Filter {
    return isFilter(this.reason) ? this.reason : 'all';
  }

  get #kind(): ModeratedKind | undefined {
    return KINDS.find((k) => k === this.kind);
  }

  #focusAfterRender(target: () => HTMLElement | null): void {
    this.#focus = target;
    this.requestUpdate();
  }

  #inShadow(selector: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(selector);
  }

  #itemElement(key: string): HTMLElement | null {
    return this.#inShadow(`li[data-item="${CSS.escape(key)}"]`);
  }

  #reload(): Promise<void> | undefined {
    this._form = null;
    if (!this.client) {
      this.#list.abort();
      return;
    }
    const client = this.client;
    void import('../../shared/user-html.ts')
      .then((m) => m.userHtmlLinker(client))
      .then((linker) => {
        if (this.client === client) this._linker = linker;
      });
    return this.#list.load();
  }

  get #status(): Status {
    const list = this.#list;
    return list.status === 'error' && isRefused(list.failure) ? 'forbidden' : list.status;
  }

  #name(item: QueueItem): string {
    const name = item.kind === 'comment' ? item.comment.author?.name : item.kind === 'idea' ? item.idea.author.name : item.card.updatedBy;
    return name === undefined ? this.t('moderation.unknownAuthor') : this.personName(name);
  }

  #text(item: QueueItem, text: 'label' | 'actions' | 'approved' | 'rejected' | 'banned' | 'rejectHeading' | 'confirmReject'): string {
    return this.t(TEXTS[whatOf(item)][text], { name: this.#name(item) });
  }

  #formatTime(iso: string): string {
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  }

  /** Takes the decided item out of the list and moves focus to the one that took its place. */
  #remove(key: string): void {
    const index = this.#list.items.findIndex((i) => keyOf(i) === key);
    this.#list.items = this.#list.items.filter((i) => keyOf(i) !== key);
    if (this._form?.key === key) this._form = null;
    const next = this.#list.items[index] ?? this.#list.items[index - 1];
    this.#focusAfterRender(() => (next ? this.#itemElement(keyOf(next)) : this.#inShadow('#bk-mod-heading')));
  }

  /** Stores an approval or a rejection of the item, whatever its kind. */
  async #decide(item: QueueItem, decision: { action: 'approve' } | { action: 'reject'; reason: string }): Promise<void> {
    const client = this.client;
    if (!client) return;
    if (item.kind === 'comment') await client.moderation.decide(item.comment.id, decision);
    else if (item.kind === 'idea') await client.moderation.decideIdea(item.idea.id, decision);
    else await client.moderation.decideCard(item.card.id, item.edit ? { ...decision, edit: item.edit.id } : decision);
  }

  /** Runs a moderator action on a queued item: busy state, announcement, event, and failures. */
  async #act(item: QueueItem, action: ModerationAction, run: () => Promise<string>): Promise<void> {
    const key = keyOf(item);
    if (this._busy) return;
    this._busy = key;
    this._itemError = null;
    // Emptied while the call runs, so the same words twice in a row are announced again.
    this._announcement = '';
    this._confirm = '';
    try {
      this._announcement = this._confirm = await run();
      const id = key.slice(key.indexOf(':') + 1);
      this.dispatchEvent(
        new BkModerationDecisionEvent({
          kind: item.kind,
          itemId: item.kind === 'card' ? item.card.id : id,
          editId: item.kind === 'card' ? (item.edit?.id ?? null) : null,
          action,
          authorId: item.authorId,
        }),
      );
    } catch (err) {
      if (isBridgekitError(err) && (err.status === 409 || err.status === 404)) {
        this._announcement = this.t('moderation.alreadyDecided');
        this.#remove(key);
        return;
      }
      const message = this.t('moderation.actionFailed', { reason: await this.describeError(err) });
      this._itemError = { key, message };
    } finally {
      this._busy = null;
    }
  }

  #approve(item: QueueItem): void {
    void this.#act(item, 'approve', async () => {
      await this.#decide(item, { action: 'approve' });
      this.#remove(keyOf(item));
      return keeps(item) ? this.t('moderation.kept', { name: this.#name(item) }) : this.#text(item, 'approved');
    });
  }

  #openForm(item: QueueItem, kind: FormKind): void {
    this._form = { key: keyOf(item), kind };
    this._formError = '';
    this._itemError = null;
    this.#focusAfterRender(() => this.#inShadow('#bk-mod-reason'));
  }

  #closeForm(): void {
    const form = this._form;
    this._form = null;
    this._formError = '';
    if (form) this.#focusAfterRender(() => this.#itemElement(form.key)?.querySelector<HTMLElement>(`[data-action="${form.kind}"]`) ?? null);
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
    const key = keyOf(item);
    const name = this.#name(item);
    if (kind === 'reject') {
      void this.#act(item, 'reject', async () => {
        await this.#decide(item, { action: 'reject', reason });
        this.#remove(key);
        return this.#text(item, 'rejected');
      });
    } else if (kind === 'ban') {
      void this.#act(item, 'ban', async () => {
        await client.moderation.restrict(item.authorId, { reason });
        await this.#decide(item, { action: 'reject', reason });
        this.#remove(key);
        this.#markRestricted(item.authorId, 'forever');
        return this.#text(item, 'banned');
      });
    } else {
      const hours = Number(data.get('duration') ?? DEFAULT_DURATION_HOURS);
      const until = new Date(Date.now() + hours * 3_600_000).toISOString();
      void this.#act(item, 'timeout', async () => {
        const result = await client.moderation.restrict(item.authorId, { reason, until });
        this.#markRestricted(item.authorId, result.restrictedUntil);
        this._form = null;
        this.#focusAfterRender(() => this.#itemElement(key));
        return this.t('moderation.timedOut', { name, until: this.#formatTime(result.restrictedUntil ?? until) });
      });
    }
  }

  /** Every queued item of the author now shows their ban or time-out. */
  #markRestricted(authorId: string, until: string | null): void {
    this.#list.items = this.#list.items.map((i) => (i.authorId === authorId ? { ...i, authorRestrictedUntil: until } : i));
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
    const elements = [...this.renderRoot.querySelectorAll<HTMLElement>('li[data-item]')];
    const current = target instanceof Element ? target.closest<HTMLElement>('li[data-item]') : null;
    const index = current ? elements.indexOf(current) : -1;
    const item = current ? this.#list.items.find((i) => keyOf(i) === current.dataset.item) : undefined;
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
    const forbidden = this.#status === 'forbidden';
    return html`
      <section class="base" part="base" aria-labelledby="bk-mod-heading" aria-busy=${this.#status === 'loading' ? 'true' : 'false'}>
        <div class="header" part="header">
          <div>
            <h2 id="bk-mod-heading" part="heading" tabindex="-1">${this.t('moderation.heading')}</h2>
            ${this.#status === 'ready' ? html`<p class="count" part="count">${this.#count()}</p>` : nothing}
          </div>
          ${forbidden ? nothing : this.#renderToolbar()}
        </div>
        ${this.renderSessionNotice()}
        <p class="visually-hidden" role="status">${this._announcement}</p>
        ${this._confirm ? html`<p class="confirmation" part="confirmation">${this._confirm}</p>` : nothing} ${this.#renderContent()}
        ${forbidden ? nothing : this.#renderHelp()}
      </section>
    `;
  }

  /** "3 comments shown" while the queue holds only comments; "3 items shown" once it holds ideas or cards. */
  #count(): string {
    const comments = this.#list.items.every((i) => i.kind === 'comment');
    const key = comments
      ? this.#list.hasMore
        ? 'moderation.countMore'
        : 'moderation.count'
      : this.#list.hasMore
        ? 'moderation.countItemsMore'
        : 'moderation.countItems';
    return this.t(key, { count: this.#list.items.length });
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
      <button type="button" class="button shortcuts" part="shortcuts-button" aria-haspopup="dialog" @click=${this.#openHelp}>
        ${this.t('moderation.shortcuts')}
      </button>
    </div>`;
  }

  #renderContent() {
    switch (this.#status) {
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
        return this.renderFailure(`${this.t('moderation.loadFailed')} ${this.#list.error}`, () => this.#reload(), this.#list.failure);
      default:
        break;
    }
    if (this.#list.items.length === 0) return html`<p class="notice" part="empty">${this.t('moderation.empty')}</p>`;
    return html`
      <ol class="queue" part="queue" aria-label=${this.t('moderation.listLabel')} @keydown=${this.#onQueueKey}>
        ${this.#list.items.map((item) => this.#renderItem(item))}
      </ol>
      ${renderLoadMore(this.#list, this.t('moderation.loadMore'), this.t('moderation.loadingMore'))}
    `;
  }

  #renderItem(item: QueueItem) {
    const key = keyOf(item);
    const name = this.#name(item);
    const unit = item.kind === 'comment' ? item.comment.author?.businessUnit : item.kind === 'idea' ? item.idea.author.businessUnit : null;
    const busy = this._busy === key ? 'true' : 'false';
    const open = this._form?.key === key ? this._form.kind : null;
    const error = this._itemError?.key === key ? this._itemError.message : '';
    const at = writtenAt(item);
    return html`
      <li
        class="item ${item.reason} ${item.kind}"
        part="item"
        tabindex="-1"
        data-item=${key}
        data-comment=${item.kind === 'comment' ? item.comment.id : nothing}
        aria-label=${this.#text(item, 'label')}
      >
        <div class="item-header">
          <h3 class="author" part="author">${name}${unit ? html` <span class="unit">· ${unit}</span>` : nothing}</h3>
          <p class="meta" part="meta">
            ${this.#renderWhere(item)}
            <span>
              ${this.t(item.kind === 'comment' ? 'moderation.posted' : item.kind === 'idea' ? 'moderation.submitted' : 'moderation.saved')}
              <time datetime=${at} title=${this.#formatTime(at)}>${relativeTime(this.locale, at)}</time>
              ${item.kind === 'comment' && item.comment.editedAt ? this.t('moderation.edited') : nothing}
            </span>
          </p>
        </div>
        ${this.#renderWhy(item)} ${this.#renderItemContent(item)}
        <div class="actions" part="actions" role="group" aria-label=${this.#text(item, 'actions')}>
          <button type="button" class="button primary" part="approve" data-action="approve" aria-disabled=${busy} @click=${() => this.#approve(item)}>
            ${this.t(keeps(item) ? 'moderation.keep' : 'moderation.approve')}
          </button>
          ${this.#formButton(item, 'reject', 'moderation.reject', open, busy)} ${this.#formButton(item, 'timeout', 'moderation.timeout', open, busy)}
          ${this.#formButton(item, 'ban', 'moderation.ban', open, busy)}
        </div>
        ${error ? html`<p class="notice error" role="alert">${error}</p>` : nothing}
        ${open ? this.#renderForm(item, open) : nothing}
      </li>
    `;
  }

  /** Where the item belongs: a comment's thread, an idea's board, a card (new, or an edit of a version). */
  #renderWhere(item: QueueItem) {
    if (item.kind === 'comment') {
      const label = item.thread.title || item.thread.key;
      return html`<span>
        ${this.t('moderation.thread')}
        ${
          item.thread.url
            ? userLink(this._itemUrl?.({}, 'comment', item.comment.id, { pageUrl: item.thread.url }) ?? item.thread.url, label, 'thread')
            : html`<span part="thread">${label}</span>`
        }
      </span>`;
    }
    if (item.kind === 'idea') return html`<span>${this.t('moderation.board', { board: item.idea.board })}</span>`;
    return html`<span>
      ${item.edit ? this.t('moderation.cardEdit', { version: item.edit.baseVersion }) : this.t('moderation.cardNew', { template: item.card.templateName })}
    </span>`;
  }

  /** What the moderator decides on: the comment's text, the idea's, or the card's fields (for an edit, what it changes). */
  #renderItemContent(item: QueueItem) {
    if (item.kind === 'comment') {
      // The one trusted HTML source: the server renders comment Markdown and sanitises it.
      return html`<div class="body" part="body">${userHtml(item.comment.html, this._linker)}</div>`;
    }
    if (item.kind === 'idea') {
      const idea = item.idea;
      const problem = idea.businessCase.problem;
      return html`<h4 class="title" part="title">${idea.title}</h4>
        ${
          idea.description || problem
            ? html`<div class="body plain" part="body">
              ${idea.description ? html`<p>${idea.description}</p>` : nothing}
              ${problem ? html`<p><strong>${this.t('moderation.problem')}</strong> ${problem}</p>` : nothing}
            </div>`
            : nothing
        }`;
    }
    const card = item.card;
    const shown = (name: string) => this.personName(name);
    const rows = item.changes.map((c) => ({ label: c.label, before: valueText(c.before, shown), after: valueText(c.after, shown) }));
    return html`<h4 class="title" part="title">${card.title}</h4>
      ${
        rows.length > 0
          ? html`<dl class="changes" part="changes">
            ${rows.map(
              (r) => html`<dt>${r.label}</dt>
                <dd>
                  ${r.before ? html`<del><span class="visually-hidden">${this.t('moderation.before')} </span>${r.before}</del>` : nothing}
                  ${r.after ? html`<ins><span class="visually-hidden">${this.t('moderation.after')} </span>${r.after}</ins>` : nothing}
                </dd>`,
            )}
          </dl>`
          : nothing
      }`;
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
    const pending = item.kind === 'comment' ? item.comment.state === 'pending' : item.reason === 'pending';
    // A pending comment's own reason ("Hidden after 3 reader flags" rather than the flags' summary).
    const c = item.kind === 'comment' ? item.comment : null;
    const why = this.reasonText(
      c?.pendingReasonCode ?? item.detailCode,
      c?.pendingReasonParams ?? item.detailParams,
      c?.pendingReason ?? item.detail,
    );
    const flags = formatList(
      this.locale,
      item.flags.map((f) => this.t(`moderation.flag.${f.reason}` as MessageKey, { count: f.count })),
    );
    const until = item.authorRestrictedUntil;
    return html`
      ${
        pending
          ? html`<p class="why" part="reason"><span class="badge pending">${this.t('moderation.filterPending')}</span> ${why}</p>`
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
        ? this.#text(item, 'rejectHeading')
        : this.t(kind === 'ban' ? 'moderation.banHeading' : 'moderation.timeoutHeading', { name });
    const busy = this._busy === keyOf(item) ? 'true' : 'false';
    return html`
      <form class="decision" part="decision-form" novalidate aria-labelledby="bk-mod-form-heading" @submit=${(e: SubmitEvent) => this.#submitForm(e, item, kind)} @keydown=${this.#onFormKey}>
        <h4 id="bk-mod-form-heading">${heading}</h4>
        ${kind === 'ban' ? html`<p class="warning">${this.t(item.kind === 'comment' ? 'moderation.banWarning' : 'moderation.banWarningItem')}</p>` : nothing}
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
            ${kind === 'reject' ? this.#text(item, 'confirmReject') : this.t(kind === 'ban' ? 'moderation.confirmBan' : 'moderation.confirmTimeout')}
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
