import {
  type CardLinks,
  type CardSort,
  type CardSummary,
  type CardTemplate,
  type Freshness,
  LIMITS,
  PRACTICE_AREAS,
  type PracticeArea,
  type PracticeCard,
} from '@bridgekit/sdk';
import { localize } from '@bridgekit/sdk/translations';
import { html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { BkCancelEvent } from '../../events/cancel.ts';
import { BkCardSaveEvent } from '../../events/card-save.ts';
import { BridgekitElement } from '../../shared/bridgekit-element.ts';
import { type MessageKey, registerFeature, relativeTime } from '../../shared/i18n.ts';
import { cardMessages } from '../../shared/messages/cards.ts';
import { tokens } from '../../shared/styles.ts';
import { linkTitles, templateFor } from '../practice-card/card-data.ts';
import { formatDate } from '../practice-card/card-format.ts';
import { cardViewStyles } from '../practice-card/card-view.styles.ts';
import {
  areaLabel,
  type CardViewContext,
  renderFacts,
  renderFields,
  renderFreshness,
  renderObsolete,
  renderTags,
} from '../practice-card/card-view.ts';
import { downloadText, fileNameOf } from './download.ts';
import { loadPart, type PartTag } from './parts.ts';
import { practiceLibraryStyles } from './practice-library.styles.ts';
import { isMarkOnly } from './snippet.ts';

type Status = 'loading' | 'ready' | 'error';
type Section = 'library' | 'queue' | 'areas';
type View =
  | { kind: 'list' }
  | { kind: 'choose' }
  | { kind: 'new'; template: CardTemplate }
  | { kind: 'detail'; id: string }
  | { kind: 'edit'; id: string }
  | { kind: 'history'; id: string };

const SECTIONS: { value: Section; label: MessageKey }[] = [
  { value: 'library', label: 'library.tabLibrary' },
  { value: 'queue', label: 'library.tabQueue' },
  { value: 'areas', label: 'library.tabAreas' },
];
const SORTS: CardSort[] = ['relevance', 'updated', 'helpful', 'views', 'title'];
const FRESHNESS: Freshness[] = ['current', 'due', 'overdue', 'obsolete'];
/** How long typing in the search box must pause before searching. */
const SEARCH_DELAY_MS = 300;

const isArea = (value: string | null | undefined): value is PracticeArea => PRACTICE_AREAS.some((a) => a === value);

registerFeature(cardMessages);

/**
 * The practice library: search (stemmed, with highlighted snippets), filters by practice area,
 * template, owner and freshness, sorting, and the cards; a card's detail with "this helped
 * me", edit, history (diff, restore), export (Markdown, JSON), print, verify and mark
 * obsolete; new cards from a form generated from the template; the signed-in person's cards
 * due for review; and the practice areas with their owners.
 *
 * @tag bk-practice-library
 * @summary Search, read, write and keep current the practice cards.
 *
 * @attr tag - Practice area the list starts filtered by, e.g. `value-realization`.
 * @attr template - Template the list starts filtered by, e.g. `business-case`.
 * @attr page-size - Cards per page, 1–100 (default 20).
 * @attr currency - Currency new money fields start with (ISO 4217, default `EUR`).
 * @attr tenant - Overrides the page's tenant for this element.
 *
 * @event bk-card-save - A card was created, edited or restored ({@link BkCardSaveEvent}).
 * @event bk-cancel - The person left the card form (button or Escape).
 * @event bk-error - A call to the API failed.
 *
 * @csspart base - The library's frame.
 * @csspart header - Heading and the "New card" button.
 * @csspart heading - The heading.
 * @csspart new-button - The "New card" button.
 * @csspart sections - The tabs: library, due for review, practice areas.
 * @csspart filters - Search box, filters and sort.
 * @csspart search - The search box.
 * @csspart count - "4 cards".
 * @csspart list - The list of cards.
 * @csspart item - One card in the list.
 * @csspart title - A card's title in the list.
 * @csspart snippet - The search extract, matches in `<mark>`.
 * @csspart load-more - The "Load more cards" button.
 * @csspart detail - A card's detail view.
 * @csspart actions - The detail's buttons.
 * @csspart freshness - Freshness badges.
 * @csspart obsolete - The "obsolete" notice.
 * @csspart held - For its author: the card, or their edit of it, waits for a moderator (or was rejected), and why.
 * @csspart tags - Practice areas of a card.
 * @csspart fields - A card's fields.
 * @csspart form - The card form (from bk-card-form).
 * @csspart error-summary - The form's list of problems.
 * @csspart conflict - The "someone saved a newer version" notice.
 * @csspart save-button - The card form's save button.
 * @csspart versions - The list of versions in the history.
 * @csspart compare - The form that picks two versions to compare.
 * @csspart diff - The table of changes between two versions.
 * @csspart queue - The cards due for review.
 * @csspart areas - The table of practice areas.
 * @csspart session-notice - The "sign-in expired" notice.
 *
 * @cssproperty --bk-practice-library-surface - Background of the library. Default `--bk-color-surface`.
 * @cssproperty --bk-practice-library-padding - Padding of the library. Default `1rem`.
 * @cssproperty --bk-practice-library-gap - Space between the library's parts. Default `0.75rem`.
 * @cssproperty --bk-practice-library-form-surface - Background of the card form. Default `--bk-color-surface-subtle`.
 * @cssproperty --bk-practice-library-mark - Background of search matches. Default Fluent yellow.
 * @cssproperty --bk-practice-card-due - Colour of the "review due" badge.
 */
export class BkPracticeLibrary extends BridgekitElement {
  static override styles = [tokens, cardViewStyles, practiceLibraryStyles];
  static override properties = {
    tag: { type: String, reflect: true },
    template: { type: String, reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
    currency: { type: String, reflect: true },
    _section: { state: true },
    _view: { state: true },
    _me: { state: true },
    _q: { state: true },
    _tag: { state: true },
    _template: { state: true },
    _mine: { state: true },
    _freshness: { state: true },
    _sort: { state: true },
    _items: { state: true },
    _cursor: { state: true },
    _status: { state: true },
    _error: { state: true },
    _loadingMore: { state: true },
    _templates: { state: true },
    _chosen: { state: true },
    _card: { state: true },
    _cardTemplate: { state: true },
    _links: { state: true },
    _detailError: { state: true },
    _obsoleteOpen: { state: true },
    _reasonError: { state: true },
    _busy: { state: true },
    _actionError: { state: true },
    _announcement: { state: true },
  };

  declare tag: string;
  declare template: string;
  declare pageSize: number;
  declare currency: string;
  declare _section: Section;
  declare _view: View;
  declare _q: string;
  declare _tag: PracticeArea | '';
  declare _template: string;
  declare _mine: boolean;
  declare _freshness: Freshness | '';
  /** `''`: the default order (best match when searching, else recently updated). */
  declare _sort: CardSort | '';
  declare _items: CardSummary[];
  declare _cursor: string | null;
  declare _status: Status;
  declare _error: string;
  declare _loadingMore: boolean;
  declare _templates: CardTemplate[];
  /** The template picked in the "New card" chooser. */
  declare _chosen: string;
  declare _card: PracticeCard | null;
  declare _cardTemplate: CardTemplate | null;
  declare _links: CardLinks | null;
  declare _detailError: string;
  declare _obsoleteOpen: boolean;
  declare _reasonError: string;
  /** The signed-in person's handle and role: owners and moderators verify, mark obsolete. */
  declare _me: { handle: string | null; role: string } | null;
  /** The detail action in flight. */
  declare _busy: string | null;
  declare _actionError: string;
  declare _announcement: string;

  #load: AbortController | null = null;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Cards this library has counted a view of. */
  #viewed = new Set<string>();
  #focus: (() => HTMLElement | null | undefined) | null = null;

  constructor() {
    super();
    this.tag = '';
    this.template = '';
    this.pageSize = LIMITS.pageSize.default;
    this.currency = 'EUR';
    this._section = 'library';
    this._view = { kind: 'list' };
    this._q = '';
    this._tag = '';
    this._template = '';
    this._mine = false;
    this._freshness = '';
    this._sort = '';
    this._items = [];
    this._cursor = null;
    this._status = 'loading';
    this._error = '';
    this._loadingMore = false;
    this._templates = [];
    this._chosen = '';
    this._card = null;
    this._cardTemplate = null;
    this._links = null;
    this._detailError = '';
    this._obsoleteOpen = false;
    this._reasonError = '';
    this._busy = null;
    this._me = null;
    this._actionError = '';
    this._announcement = '';
    this.addEventListener(BkCardSaveEvent.type, (e) => this.#onSaved(e));
    this.addEventListener(BkCancelEvent.type, () => this.#onFormCancelled());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#load?.abort();
    clearTimeout(this.#searchTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('tag')) this._tag = isArea(this.tag) ? this.tag : '';
    if (changed.has('template')) this._template = this.template ?? '';
    if (changed.has('tag') || changed.has('template') || changed.has('tenant') || changed.has('pageSize')) void this.#reload();
  }

  protected override updated(): void {
    const target = this.#focus;
    this.#focus = null;
    target?.()?.focus();
  }

  protected configChanged(): void {
    void this.#reload();
    if (this._card && (this._view.kind === 'detail' || this._view.kind === 'history')) void this.#loadCard(this._card.id);
  }

  #focusAfterRender(target: () => HTMLElement | null | undefined): void {
    this.#focus = target;
    this.requestUpdate();
  }

  #q<T extends HTMLElement = HTMLElement>(selector: string): T | null {
    return this.renderRoot.querySelector<T>(selector);
  }

  get #view(): CardViewContext {
    return {
      t: (key, params) => this.t(key, params),
      locale: this.locale,
      linkTitles: this._links ? linkTitles(this._links) : new Map(),
      openCard: (id) => void this.#openCard(id),
    };
  }

  get #effectiveSort(): CardSort {
    if (this._sort === 'relevance' && !this._q.trim()) return 'updated';
    return this._sort || (this._q.trim() ? 'relevance' : 'updated');
  }

  get #listQuery() {
    return {
      q: this._q.trim() || undefined,
      tag: this._tag || undefined,
      template: this._template || undefined,
      owner: this._mine && this.signedIn ? 'me' : undefined,
      freshness: this._freshness || undefined,
      sort: this.#effectiveSort,
      limit: this.pageSize,
    };
  }

  // ——— The list ———

  async #reload(): Promise<void> {
    this.#load?.abort();
    const client = this.client;
    if (!client) return;
    const load = new AbortController();
    this.#load = load;
    this._status = 'loading';
    this._error = '';
    try {
      const [page, templates, me] = await Promise.all([
        client.cards.list({ ...this.#listQuery, signal: load.signal }),
        this._templates.length > 0
          ? Promise.resolve(this._templates)
          : client.templates.list({ signal: load.signal }).then((t) => localize(t, this.locale)),
        this.signedIn ? client.me({ signal: load.signal }).catch(() => null) : Promise.resolve(null),
      ]);
      if (load.signal.aborted) return;
      this._me = me?.user ? { handle: me.user.handle, role: me.user.role } : null;
      this._items = page.items;
      this._cursor = page.nextCursor;
      this._templates = templates;
      this._status = 'ready';
      this._announcement = this.#countText();
    } catch (err) {
      if (load.signal.aborted) return;
      this._error = await this.describeError(err);
      this._status = 'error';
    }
  }

  async #loadMore(): Promise<void> {
    const client = this.client;
    if (!client || !this._cursor || this._loadingMore) return;
    this._loadingMore = true;
    try {
      const page = await client.cards.list({ ...this.#listQuery, cursor: this._cursor });
      const known = new Set(this._items.map((i) => i.id));
      const fresh = page.items.filter((i) => !known.has(i.id));
      this._items = [...this._items, ...fresh];
      this._cursor = page.nextCursor;
      const first = fresh[0];
      if (first) this.#focusAfterRender(() => this.#q(`li[data-card="${CSS.escape(first.id)}"]`));
    } catch (err) {
      this._announcement = await this.describeError(err);
    } finally {
      this._loadingMore = false;
    }
  }

  #countText(): string {
    return this._cursor
      ? this.t('library.countMore', { count: this._items.length })
      : this.t('library.count', { count: this._items.length });
  }

  #onSearchInput(event: Event): void {
    this._q = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => void this.#reload(), SEARCH_DELAY_MS);
  }

  #onFiltersSubmit(event: SubmitEvent): void {
    event.preventDefault();
    clearTimeout(this.#searchTimer);
    void this.#reload();
  }

  #setFilter(apply: () => void): void {
    apply();
    void this.#reload();
  }

  // ——— Sections and views ———

  async #selectSection(section: Section, focusTab = false): Promise<void> {
    const part = section === 'queue' ? 'bk-card-review-queue' : section === 'areas' ? 'bk-card-practice-areas' : null;
    if (part && !(await this.#need(part))) return;
    this._section = section;
    if (section === 'library' && this._view.kind !== 'list') this._view = { kind: 'list' };
    if (focusTab) this.#focusAfterRender(() => this.#q(`#bk-tab-${section}`));
  }

  #onTabKeydown(event: KeyboardEvent): void {
    const index = SECTIONS.findIndex((s) => s.value === this._section);
    const next: Record<string, number> = {
      ArrowRight: (index + 1) % SECTIONS.length,
      ArrowLeft: (index - 1 + SECTIONS.length) % SECTIONS.length,
      Home: 0,
      End: SECTIONS.length - 1,
    };
    const target = next[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const section = SECTIONS[target]?.value;
    if (section) void this.#selectSection(section, true);
  }

  #backToList(): void {
    const id = this._card?.id;
    this._view = { kind: 'list' };
    this._section = 'library';
    this._obsoleteOpen = false;
    this._actionError = '';
    this.#focusAfterRender(() => (id ? this.#q(`button[data-open="${CSS.escape(id)}"]`) : null) ?? this.#q('#bk-q'));
  }

  async #openCard(id: string, view: 'detail' | 'edit' | 'history' = 'detail'): Promise<void> {
    if (view !== 'detail' && !(await this.#need(view === 'edit' ? 'bk-card-form' : 'bk-card-history'))) return;
    this._section = 'library';
    this._view = { kind: view, id };
    this._obsoleteOpen = false;
    this._actionError = '';
    this._announcement = '';
    await this.#loadCard(id);
    if (this._view.kind !== view || this._view.id !== id) return;
    if (view === 'detail') this.#focusAfterRender(() => this.#q('#bk-detail-title') ?? this.#q('.detail [role="alert"]'));
    else this.#focusInner(view === 'edit' ? 'bk-card-form' : 'bk-card-history');
  }

  async #loadCard(id: string): Promise<void> {
    const client = this.client;
    if (!client) return;
    if (this._card?.id !== id) {
      this._card = null;
      this._cardTemplate = null;
      this._links = null;
    }
    this._detailError = '';
    try {
      const card = await client.cards.get(id);
      const template = await templateFor(client, card.templateId, this.locale).catch(() => null);
      this._card = card;
      this._cardTemplate = template;
      this.#countView(card.id);
      client.cards.links(card.id).then(
        (links) => {
          if (this._card?.id === id) this._links = links;
        },
        // Links then show as kind and id.
        () => undefined,
      );
    } catch (err) {
      this._detailError = await this.describeError(err, 'card.notFound');
    }
  }

  /** Opening a card counts a view, once per card for this library. */
  #countView(id: string): void {
    const client = this.client;
    if (!client || this.#viewed.has(id)) return;
    this.#viewed.add(id);
    client.cards.view(id).then(
      () => {
        if (this._card?.id === id) this._card = { ...this._card, viewCount: this._card.viewCount + 1 };
        this.#updateItem(id, (i) => ({ ...i, viewCount: i.viewCount + 1 }));
      },
      // A view that was not counted is not worth troubling the reader with.
      () => undefined,
    );
  }

  #updateItem(id: string, change: (item: CardSummary) => CardSummary): void {
    if (this._items.some((i) => i.id === id)) this._items = this._items.map((i) => (i.id === id ? change(i) : i));
  }

  /** Loads a part of the library; `false` (and says so) when it could not be loaded. */
  async #need(tag: PartTag): Promise<boolean> {
    try {
      await loadPart(tag);
      return true;
    } catch (err) {
      this._announcement = await this.describeError(err);
      return false;
    }
  }

  #focusInner(tag: PartTag): void {
    void this.updateComplete.then(() => this.#q(tag)?.focus());
  }

  #openChooser(): void {
    this._section = 'library';
    this._view = { kind: 'choose' };
    this._chosen = this._chosen || this._template || this._templates[0]?.id || '';
    this.#focusAfterRender(() => this.#q('#bk-choose-heading'));
    // The form is wanted next: start loading it while the person chooses.
    void loadPart('bk-card-form').catch(() => undefined);
  }

  async #startNew(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const template = this._templates.find((t) => t.id === this._chosen);
    if (!template || !(await this.#need('bk-card-form'))) return;
    this._view = { kind: 'new', template };
    this.#focusInner('bk-card-form');
  }

  #onSaved(event: BkCardSaveEvent): void {
    const card = event.card;
    const restored = (event.composedPath()[0] as Element | undefined)?.localName === 'bk-card-history';
    const isNew = !this._items.some((i) => i.id === card.id) && this._view.kind === 'new';
    this._card = card;
    this._view = { kind: 'detail', id: card.id };
    this._obsoleteOpen = false;
    this._actionError = '';
    if (isNew) this._items = [toSummary(card), ...this._items];
    else this.#updateItem(card.id, () => toSummary(card));
    if (this._cardTemplate?.id !== card.templateId) {
      const client = this.client;
      if (client)
        void templateFor(client, card.templateId, this.locale).then(
          (t) => {
            this._cardTemplate = t;
          },
          () => undefined,
        );
    }
    this._announcement =
      card.moderation.state === 'pending'
        ? this.t('library.savedHeld', { title: card.title })
        : card.pendingEdit?.state === 'pending'
          ? this.t('library.editHeld', { title: card.title, version: card.version })
          : restored
            ? this.t('library.restored', { title: card.title, version: card.version })
            : this.t('library.saved', { title: card.title, version: card.version });
    this.#focusAfterRender(() => this.#q('#bk-detail-title'));
  }

  #onFormCancelled(): void {
    const view = this._view;
    if (view.kind === 'edit') {
      this._view = { kind: 'detail', id: view.id };
      this.#focusAfterRender(() => this.#q('[data-action="edit"]'));
    } else if (view.kind === 'new') {
      this._view = { kind: 'list' };
      this.#focusAfterRender(() => this.#q('[part="new-button"]'));
    }
  }

  // ——— Detail actions ———

  async #act(name: string, run: () => Promise<void>): Promise<void> {
    if (this._busy) return;
    this._busy = name;
    this._actionError = '';
    try {
      await run();
    } catch (err) {
      this._actionError = await this.describeError(err);
    } finally {
      this._busy = null;
    }
  }

  #replaceCard(card: PracticeCard): void {
    // Keep the view count already shown (one may have been counted since the call began).
    this._card = { ...card, viewCount: Math.max(card.viewCount, this._card?.viewCount ?? 0) };
    this.#updateItem(card.id, () => toSummary(this._card ?? card));
  }

  #toggleHelped(card: PracticeCard): void {
    const client = this.client;
    if (!client) return;
    if (!this.signedIn) {
      this._announcement = this.t('card.signInToRate');
      return;
    }
    void this.#act('helped', async () => {
      const updated = card.helpedByMe ? await client.cards.notHelped(card.id) : await client.cards.helped(card.id);
      this.#replaceCard(updated);
      this._announcement = updated.helpedByMe ? this.t('card.helpedThanks') : this.t('card.helpedRemoved');
    });
  }

  #verify(card: PracticeCard): void {
    const client = this.client;
    if (!client) return;
    void this.#act('verify', async () => {
      const updated = await client.cards.verify(card.id);
      this.#replaceCard(updated);
      this._announcement = this.t('library.verified', {
        title: updated.title,
        date: updated.reviewBy ? formatDate(this.locale, updated.reviewBy) : '',
      });
    });
  }

  #openObsolete(): void {
    this._obsoleteOpen = true;
    this._reasonError = '';
    this.#focusAfterRender(() => this.#q('#bk-obsolete-reason'));
  }

  #closeObsolete(): void {
    this._obsoleteOpen = false;
    this.#focusAfterRender(() => this.#q('[data-action="obsolete"]'));
  }

  #markObsolete(event: SubmitEvent, card: PracticeCard): void {
    event.preventDefault();
    const client = this.client;
    const box = this.#q<HTMLTextAreaElement>('#bk-obsolete-reason');
    const reason = box?.value.trim() ?? '';
    if (!client) return;
    if (!reason) {
      this._reasonError = this.t('library.reasonRequired');
      box?.focus();
      return;
    }
    void this.#act('obsolete', async () => {
      try {
        const updated = await client.cards.markObsolete(card.id, reason);
        this.#replaceCard(updated);
        this._obsoleteOpen = false;
        this._announcement = this.t('library.markedObsolete', { title: updated.title });
        this.#focusAfterRender(() => this.#q('[data-action="unobsolete"]'));
      } catch (err) {
        this._reasonError = await this.describeError(err);
      }
    });
  }

  #unmarkObsolete(card: PracticeCard): void {
    const client = this.client;
    if (!client) return;
    void this.#act('unobsolete', async () => {
      const updated = await client.cards.unmarkObsolete(card.id);
      this.#replaceCard(updated);
      this._announcement = this.t('library.unmarkedObsolete', { title: updated.title });
      this.#focusAfterRender(() => this.#q('[data-action="obsolete"]'));
    });
  }

  #export(card: PracticeCard, format: 'markdown' | 'json'): void {
    const client = this.client;
    if (!client) return;
    void this.#act(`export-${format}`, async () => {
      const name = fileNameOf(card.title, card.id);
      if (format === 'markdown') {
        downloadText(this.renderRoot, `${name}.md`, 'text/markdown', await client.cards.export(card.id, 'markdown'));
      } else {
        const data = await client.cards.export(card.id, 'json');
        downloadText(this.renderRoot, `${name}.json`, 'application/json', `${JSON.stringify(data, null, 2)}\n`);
      }
      this._announcement = this.t('library.exported', { file: `${name}.${format === 'markdown' ? 'md' : 'json'}` });
    });
  }

  #print(): void {
    // The print styles hide everything but the card itself.
    globalThis.print();
  }

  // ——— Rendering ———

  protected override render() {
    if (!this.client) return html`<p class="notice error" part="base">${this.t('error.notConfigured')}</p>`;
    return html`
      <section class="base" part="base" aria-labelledby="bk-library-heading">
        <div class="header no-print" part="header">
          <h2 id="bk-library-heading" part="heading">${this.t('library.heading')}</h2>
          ${
            this.signedIn
              ? html`<button type="button" class="button primary" part="new-button" @click=${this.#openChooser}>${this.t('library.newCard')}</button>`
              : nothing
          }
        </div>
        ${this.sessionExpired ? this.renderSessionNotice() : this.signedIn ? nothing : html`<p class="notice no-print">${this.t('library.signIn')}</p>`}
        <div class="sections no-print" part="sections" role="tablist" aria-label=${this.t('library.sectionsLabel')} @keydown=${this.#onTabKeydown}>
          ${SECTIONS.map(
            (s) => html`<button
              type="button"
              role="tab"
              id="bk-tab-${s.value}"
              aria-selected=${this._section === s.value ? 'true' : 'false'}
              aria-controls="bk-panel"
              tabindex=${this._section === s.value ? '0' : '-1'}
              @click=${() => void this.#selectSection(s.value)}
            >
              ${this.t(s.label)}
            </button>`,
          )}
        </div>
        <div class="panel" id="bk-panel" role="tabpanel" aria-labelledby="bk-tab-${this._section}">${this.#renderSection()}</div>
        <p class="visually-hidden" role="status">${this._announcement}</p>
      </section>
    `;
  }

  #renderSection() {
    if (this._section === 'queue') {
      return html`<bk-card-review-queue
        .tenant=${this.tenant}
        .open=${(id: string) => void this.#openCard(id)}
        .edit=${(id: string) => void this.#openCard(id, 'edit')}
        exportparts="queue, freshness"
      ></bk-card-review-queue>`;
    }
    if (this._section === 'areas') {
      return html`<bk-card-practice-areas
        .tenant=${this.tenant}
        .showArea=${(area: PracticeArea) => {
          this._tag = area;
          void this.#selectSection('library');
          void this.#reload();
          this.#focusAfterRender(() => this.#q('#bk-filter-tag'));
        }}
        exportparts="areas"
      ></bk-card-practice-areas>`;
    }
    const view = this._view;
    switch (view.kind) {
      case 'choose':
        return this.#renderChooser();
      case 'new':
        return html`<bk-card-form
          .tenant=${this.tenant}
          .template=${view.template}
          .card=${null}
          .currency=${this.currency}
          exportparts="form, error-summary, conflict, submit: save-button"
        ></bk-card-form>`;
      case 'edit':
        return this.#renderWithCard(view.id, (card) =>
          this._cardTemplate
            ? html`<bk-card-form
                .tenant=${this.tenant}
                .template=${this._cardTemplate}
                .card=${card}
                .currency=${this.currency}
                exportparts="form, error-summary, conflict, submit: save-button"
              ></bk-card-form>`
            : html`${this.#renderBack()}
                <p class="notice error" role="alert">${this.t('library.templateMissing')}</p>`,
        );
      case 'history':
        return this.#renderWithCard(
          view.id,
          (card) => html`<div class="detail-nav no-print">
              <button type="button" class="button subtle" @click=${() => void this.#openCard(card.id)}>${this.t('library.backToCard')}</button>
            </div>
            <bk-card-history .tenant=${this.tenant} .card=${card} .template=${this._cardTemplate} exportparts="versions, compare, diff"></bk-card-history>`,
        );
      case 'detail':
        return this.#renderWithCard(view.id, (card) => this.#renderDetail(card));
      default:
        return this.#renderList();
    }
  }

  #renderWithCard(id: string, body: (card: PracticeCard) => unknown) {
    if (this._detailError) {
      return html`<div class="detail" part="detail">
        ${this.#renderBack()}
        <div class="notice error" role="alert">
          <p>${this._detailError}</p>
          <button type="button" class="button" @click=${() => void this.#openCard(id)}>${this.t('error.retry')}</button>
        </div>
      </div>`;
    }
    if (this._card?.id !== id) return html`<p role="status">${this.t('card.loading')}</p>`;
    return body(this._card);
  }

  #renderBack() {
    return html`<div class="detail-nav no-print">
      <button type="button" class="button subtle back" @click=${this.#backToList}>${this.t('library.backToList')}</button>
    </div>`;
  }

  #renderChooser() {
    return html`<form class="chooser" @submit=${this.#startNew} aria-labelledby="bk-choose-heading">
      <h3 id="bk-choose-heading" tabindex="-1">${this.t('library.chooseHeading')}</h3>
      <fieldset>
        <legend>${this.t('library.chooseLegend')}</legend>
        ${this._templates.map(
          (t) => html`<label class="template-choice">
            <input
              type="radio"
              name="template"
              value=${t.id}
              .checked=${this._chosen === t.id}
              @change=${() => {
                this._chosen = t.id;
              }}
            />
            <span><strong>${t.name}</strong>${t.description ? html`<small>${t.description}</small>` : nothing}</span>
          </label>`,
        )}
      </fieldset>
      <div class="actions">
        <button type="submit" class="button primary">${this.t('library.chooseContinue')}</button>
        <button
          type="button"
          class="button"
          @click=${() => {
            this._view = { kind: 'list' };
            this.#focusAfterRender(() => this.#q('[part="new-button"]'));
          }}
        >
          ${this.t('library.cancel')}
        </button>
      </div>
    </form>`;
  }

  #renderFilters() {
    const sort = this.#effectiveSort;
    const searching = Boolean(this._q.trim());
    return html`<form class="filters no-print" part="filters" role="search" aria-label=${this.t('library.filtersLabel')} @submit=${this.#onFiltersSubmit}>
      <div class="field search">
        <label for="bk-q">${this.t('library.searchLabel')}</label>
        <input id="bk-q" part="search" type="search" autocomplete="off" .value=${this._q} @input=${this.#onSearchInput} />
      </div>
      <div class="field">
        <label for="bk-filter-tag">${this.t('library.filterArea')}</label>
        <select
          id="bk-filter-tag"
          @change=${(e: Event) =>
            this.#setFilter(() => {
              const v = (e.target as HTMLSelectElement).value;
              this._tag = isArea(v) ? v : '';
            })}
        >
          <option value="" ?selected=${this._tag === ''}>${this.t('library.allAreas')}</option>
          ${PRACTICE_AREAS.map((a) => html`<option value=${a} ?selected=${this._tag === a}>${areaLabel(this.#view, a)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="bk-filter-template">${this.t('library.filterTemplate')}</label>
        <select
          id="bk-filter-template"
          @change=${(e: Event) =>
            this.#setFilter(() => {
              this._template = (e.target as HTMLSelectElement).value;
            })}
        >
          <option value="" ?selected=${this._template === ''}>${this.t('library.allTemplates')}</option>
          ${this._templates.map((t) => html`<option value=${t.id} ?selected=${this._template === t.id}>${t.name}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="bk-filter-freshness">${this.t('library.filterFreshness')}</label>
        <select
          id="bk-filter-freshness"
          @change=${(e: Event) =>
            this.#setFilter(() => {
              this._freshness = (e.target as HTMLSelectElement).value as Freshness | '';
            })}
        >
          <option value="" ?selected=${this._freshness === ''}>${this.t('library.anyFreshness')}</option>
          ${FRESHNESS.map((f) => html`<option value=${f} ?selected=${this._freshness === f}>${this.t(`card.freshness.${f}` as MessageKey)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="bk-sort">${this.t('library.sortLabel')}</label>
        <select
          id="bk-sort"
          @change=${(e: Event) =>
            this.#setFilter(() => {
              this._sort = (e.target as HTMLSelectElement).value as CardSort;
            })}
        >
          ${SORTS.filter((s) => s !== 'relevance' || searching).map(
            (s) => html`<option value=${s} ?selected=${sort === s}>${this.t(`library.sort.${s}` as MessageKey)}</option>`,
          )}
        </select>
      </div>
      ${
        this.signedIn
          ? html`<label class="check">
            <input
              type="checkbox"
              .checked=${this._mine}
              @change=${(e: Event) =>
                this.#setFilter(() => {
                  this._mine = (e.target as HTMLInputElement).checked;
                })}
            />
            <span>${this.t('library.onlyMine')}</span>
          </label>`
          : nothing
      }
    </form>`;
  }

  #renderList() {
    return html`${this.#renderFilters()}
      <div class="results" aria-busy=${this._status === 'loading' ? 'true' : 'false'}>${this.#renderResults()}</div>`;
  }

  #renderResults() {
    if (this._status === 'loading' && this._items.length === 0) {
      return html`<div role="status">
        <span class="visually-hidden">${this.t('library.loading')}</span>
        <div class="skeleton" aria-hidden="true"></div>
        <div class="skeleton" aria-hidden="true"></div>
      </div>`;
    }
    if (this._status === 'error') {
      return html`<div class="notice error" role="alert">
        <p>${this.t('library.loadFailed')} ${this._error}</p>
        <button type="button" class="button" @click=${() => this.#reload()}>${this.t('error.retry')}</button>
      </div>`;
    }
    const filtered = Boolean(this._q.trim() || this._tag || this._template || this._mine || this._freshness);
    if (this._items.length === 0) {
      return html`<p class="notice">${filtered ? this.t('library.noMatches') : this.t('library.empty')}</p>`;
    }
    return html`
      <p class="count" part="count">${this.#countText()}</p>
      <ol class="cards" part="list" aria-label=${this.t('library.listLabel')}>
        ${repeat(
          this._items,
          (item) => item.id,
          (item) => this.#renderItem(item),
        )}
      </ol>
      ${
        this._cursor
          ? html`<button type="button" class="button more" part="load-more" aria-disabled=${this._loadingMore ? 'true' : 'false'} @click=${this.#loadMore}>
            ${this._loadingMore ? this.t('library.loadingMore') : this.t('library.loadMore')}
          </button>`
          : nothing
      }
    `;
  }

  /** The card's template name in the reader's language (the templates came localized; a card names its template in English). */
  #templateName(card: Pick<CardSummary, 'templateId' | 'templateName'>): string {
    return this._templates.find((t) => t.id === card.templateId)?.name ?? card.templateName;
  }

  #renderItem(item: CardSummary) {
    const view = this.#view;
    const meta = [
      item.owner ? this.t('card.owner', { name: item.owner.name }) : this.t('card.noOwner'),
      this.t('card.helpedCount', { count: item.helpedCount }),
      this.t('card.viewCount', { count: item.viewCount }),
    ];
    return html`<li class="item ${item.freshness}" part="item" data-card=${item.id} tabindex="-1" aria-labelledby="bk-item-${item.id}">
      <p class="template-name">${this.#templateName(item)}</p>
      <h3 class="item-title" id="bk-item-${item.id}" part="title">
        <button type="button" class="title-button" data-open=${item.id} @click=${() => void this.#openCard(item.id)}>${item.title}</button>
      </h3>
      <p class="badges">
        ${renderFreshness(view, item)}
        ${item.moderation.state === 'published' ? nothing : html`<span class="badge held">${this.t(item.moderation.state === 'pending' ? 'library.badgeHeld' : 'library.badgeRejected')}</span>`}
      </p>
      ${
        item.snippet
          ? html`<p class="snippet" part="snippet">${isMarkOnly(item.snippet) ? unsafeHTML(item.snippet) : item.snippet}</p>`
          : item.summary
            ? html`<p class="summary">${item.summary}</p>`
            : nothing
      }
      ${renderTags(view, item.tags)}
      <p class="facts">
        ${meta.join(' · ')} ·
        <time datetime=${item.updatedAt}>${this.t('library.updated', { when: relativeTime(this.locale, item.updatedAt) })}</time>
      </p>
    </li>`;
  }

  #renderDetail(card: PracticeCard) {
    const view = this.#view;
    const busy = (name: string) => (this._busy === name ? 'true' : 'false');
    const signedIn = this.signedIn;
    return html`<div class="detail" part="detail">
      ${this.#renderBack()}
      <article class="card ${card.obsolete ? 'is-obsolete' : ''}" aria-labelledby="bk-detail-title">
        <p class="template-name">${this.#templateName(card)}</p>
        <h3 class="card-title" id="bk-detail-title" tabindex="-1">${card.title}</h3>
        <p class="badges">${renderFreshness(view, card)}</p>
        ${this.#renderHeld(card)} ${renderObsolete(view, card)} ${card.summary ? html`<p class="summary">${card.summary}</p>` : nothing}
        ${renderTags(view, card.tags)} ${renderFacts(view, card)}
        <p class="facts">
          ${this.t('card.helpedCount', { count: card.helpedCount })} · ${this.t('card.viewCount', { count: card.viewCount })} ·
          ${this.t('library.versionUpdated', { version: card.version, by: card.updatedBy, when: relativeTime(this.locale, card.updatedAt) })}
        </p>
        <div class="actions no-print" part="actions" role="group" aria-label=${this.t('library.actionsLabel')}>
          <button
            type="button"
            class="button"
            data-action="helped"
            aria-pressed=${card.helpedByMe ? 'true' : 'false'}
            aria-disabled=${signedIn && !this._busy ? 'false' : 'true'}
            @click=${() => this.#toggleHelped(card)}
          >
            <span aria-hidden="true">👍</span> ${this.t('card.helped')}
          </button>
          ${
            signedIn
              ? html`<button type="button" class="button" data-action="edit" @click=${() => void this.#openCard(card.id, 'edit')}>
                ${this.t('library.edit')}
              </button>`
              : nothing
          }
          <button type="button" class="button" data-action="history" @click=${() => void this.#openCard(card.id, 'history')}>
            ${this.t('library.history')}
          </button>
          <button type="button" class="button" data-action="export-markdown" aria-disabled=${busy('export-markdown')} @click=${() => this.#export(card, 'markdown')}>
            ${this.t('library.exportMarkdown')}
          </button>
          <button type="button" class="button" data-action="export-json" aria-disabled=${busy('export-json')} @click=${() => this.#export(card, 'json')}>
            ${this.t('library.exportJson')}
          </button>
          <button type="button" class="button" data-action="print" @click=${this.#print}>${this.t('library.print')}</button>
          ${signedIn && this.#looksAfter(card) ? this.#renderOwnerActions(card) : nothing}
        </div>
        ${this._obsoleteOpen ? this.#renderObsoleteForm(card) : nothing}
        <p class="form-error no-print" role="alert">${this._actionError}</p>
        ${renderFields(view, card, this._cardTemplate)} ${this.#renderLinks()}
      </article>
    </div>`;
  }

  /**
   * For the card's author only (nobody else gets a held card or someone's held edit): where the
   * card, or their last edit of it, stands with moderators, and why.
   */
  #renderHeld(card: PracticeCard) {
    const { state, reason: said, reasonCode, reasonParams } = card.moderation;
    const reason = this.reasonText(reasonCode, reasonParams, said ?? '');
    const edit = card.pendingEdit;
    let text = '';
    if (state === 'pending') text = this.t('library.cardHeld', { reason });
    else if (state === 'rejected') text = this.t('library.cardRejected', { reason });
    else if (edit) {
      const params = {
        when: relativeTime(this.locale, edit.at),
        version: card.version,
        reason: this.reasonText(edit.reasonCode, edit.reasonParams, edit.reason),
      };
      text = this.t(edit.state === 'pending' ? 'library.editWaiting' : 'library.editRejected', params);
    }
    return text ? html`<p class="held" part="held">${text}</p>` : nothing;
  }

  /** Whether the person may verify the card or mark it obsolete: its owner, or a moderator or admin. */
  #looksAfter(card: PracticeCard): boolean {
    const me = this._me;
    if (!me) return false;
    return me.role === 'moderator' || me.role === 'admin' || (me.handle !== null && card.owner?.handle === me.handle);
  }

  #renderOwnerActions(card: PracticeCard) {
    const busy = (name: string) => (this._busy === name ? 'true' : 'false');
    return html`
      <button type="button" class="button" data-action="verify" aria-disabled=${busy('verify')} @click=${() => this.#verify(card)}>
        ${this.t('library.verify')}
      </button>
      ${
        card.obsolete
          ? html`<button
            type="button"
            class="button"
            data-action="unobsolete"
            aria-disabled=${busy('unobsolete')}
            @click=${() => this.#unmarkObsolete(card)}
          >
            ${this.t('library.unmarkObsolete')}
          </button>`
          : html`<button
            type="button"
            class="button danger"
            data-action="obsolete"
            aria-expanded=${this._obsoleteOpen ? 'true' : 'false'}
            @click=${this.#openObsolete}
          >
            ${this.t('library.markObsolete')}
          </button>`
      }
    `;
  }

  #renderObsoleteForm(card: PracticeCard) {
    return html`<form class="obsolete-form no-print" novalidate @submit=${(e: SubmitEvent) => this.#markObsolete(e, card)}>
      <label for="bk-obsolete-reason">${this.t('library.obsoleteReason')} <span class="required">${this.t('library.requiredMark')}</span></label>
      <p class="hint" id="bk-obsolete-hint">${this.t('library.obsoleteHint')}</p>
      <textarea
        id="bk-obsolete-reason"
        rows="2"
        maxlength="500"
        aria-describedby="bk-obsolete-hint bk-obsolete-error"
        aria-invalid=${this._reasonError ? 'true' : 'false'}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            this.#closeObsolete();
          }
        }}
      ></textarea>
      <p class="field-error" id="bk-obsolete-error">${this._reasonError}</p>
      <div class="actions">
        <button type="submit" class="button danger" aria-disabled=${this._busy === 'obsolete' ? 'true' : 'false'}>${this.t('library.markObsolete')}</button>
        <button type="button" class="button" @click=${this.#closeObsolete}>${this.t('library.cancel')}</button>
      </div>
    </form>`;
  }

  #renderLinks() {
    const links = this._links;
    if (!links) return nothing;
    const items = [
      ...links.ideas.map((i) => ({ kind: 'idea', title: i.title, direction: i.direction })),
      ...links.cards.map((c) => ({ kind: 'card', title: c.title, direction: c.direction })),
      ...links.threads
        .filter((th) => th.direction !== 'own' || th.commentCount > 0)
        .map((th) => ({ kind: 'thread', title: th.title ?? th.key, direction: th.direction })),
    ];
    if (items.length === 0) return nothing;
    return html`<section class="links" aria-labelledby="bk-links-heading">
      <h4 id="bk-links-heading">${this.t('library.linksHeading')}</h4>
      <ul>
        ${items.map(
          (l) => html`<li>
            ${this.t(`card.link.${l.kind}` as MessageKey)}: ${l.title}
            <span class="direction">(${this.t(`library.direction.${l.direction}` as MessageKey)})</span>
          </li>`,
        )}
      </ul>
    </section>`;
  }
}

/** A saved card as the list shows it. */
function toSummary(card: PracticeCard): CardSummary {
  return {
    id: card.id,
    templateId: card.templateId,
    templateName: card.templateName,
    title: card.title,
    summary: card.summary,
    tags: card.tags,
    maturityLevel: card.maturityLevel,
    owner: card.owner,
    reviewBy: card.reviewBy,
    freshness: card.freshness,
    helpedCount: card.helpedCount,
    viewCount: card.viewCount,
    updatedAt: card.updatedAt,
    moderation: card.moderation,
    snippet: null,
  };
}
