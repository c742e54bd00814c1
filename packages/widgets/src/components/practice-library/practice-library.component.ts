import type { CardSummary, CardTemplate, ItemPages, PracticeArea, PracticeCard } from '@bridgekit/sdk';
import { cardsPart } from '@bridgekit/sdk/parts/cards';
import { LIMITS } from '@bridgekit/sdk/types';
import { html, nothing, type PropertyValues } from 'lit';
import { BkCancelEvent } from '../../events/cancel.ts';
import { BkCardSaveEvent } from '../../events/card-save.ts';
import { BridgekitElement } from '../../shared/bridgekit-element.ts';
import { usePart } from '../../shared/client.ts';
import { registerFeature } from '../../shared/i18n.ts';
import type { LinkedItemController } from '../../shared/item-links.ts';
import { cardMessages } from '../../shared/messages/cards.ts';
import { PagedList } from '../../shared/paged-list.ts';
import { tokens } from '../../shared/styles.ts';
import { cardViewStyles } from '../practice-card/card-view.styles.ts';
import type { CardViewContext } from '../practice-card/card-view.ts';
import type { BkCardDetail, CardViewKind, Viewer } from './card-detail.ts';
import {
  type CardListContext,
  type Filters,
  type FirstPage,
  isArea,
  listQuery,
  NO_FILTERS,
  readFirstPage,
  renderFilters,
  renderResults,
  toSummary,
} from './card-list.ts';
import { OpenCard, savedMessage } from './open-card.ts';
import { loadPart, type PartTag } from './parts.ts';
import { practiceLibraryStyles } from './practice-library.styles.ts';
import { renderSectionTabs, type SectionTab } from './section-tabs.ts';
import { renderTemplateChooser } from './template-chooser.ts';

usePart(cardsPart);

type Section = 'library' | 'queue' | 'areas';
type ItemLinks = typeof import('../../shared/item-links.ts');
type View =
  | { kind: 'list' }
  | { kind: 'choose' }
  | { kind: 'new'; template: CardTemplate }
  | { kind: 'detail'; id: string }
  | { kind: 'edit'; id: string }
  | { kind: 'history'; id: string };

const SECTIONS: SectionTab<Section>[] = [
  { value: 'library', label: 'library.tabLibrary' },
  { value: 'queue', label: 'library.tabQueue' },
  { value: 'areas', label: 'library.tabAreas' },
];
/** How long typing in the search box must pause before searching. */
const SEARCH_DELAY_MS = 300;
const CARD_FORM_PARTS = 'form, error-summary, conflict, submit: save-button';
/** The deep-link helpers: loaded alongside the first page, which no link is needed before. */
const loadItemLinks = (): Promise<ItemLinks> => import('../../shared/item-links.ts');

registerFeature(cardMessages);

/**
 * The practice library: search (stemmed, with highlighted snippets), filters by practice area,
 * template, owner and freshness, sorting, and the cards; a card's detail with "this helped
 * me", edit, history (diff, restore), export (Markdown, JSON), print, verify and mark
 * obsolete, its war story, the requests it answered and the ideas it sparked, "copy link" and
 * "propose an idea"; new cards from a form generated from the template; the signed-in person's
 * cards due for review; and the practice areas with their owners.
 *
 * An open card is in the host page's address (`#bk-card=<id>`), so Back closes it and the
 * address opens it again; the library also opens the card of `?card=<id>` or of the tenant's
 * page pattern for cards.
 *
 * @tag bk-practice-library
 * @summary Search, read, write and keep current the practice cards.
 *
 * @attr tag - Practice area the list starts filtered by, e.g. `value-realization`.
 * @attr template - Template the list starts filtered by, e.g. `business-case`.
 * @attr page-size - Cards per page, 1–100 (default 20).
 * @attr currency - Currency new money fields start with (ISO 4217, default `EUR`).
 * @attr board - Board that ideas proposed from a card go to; without it the reader picks one of the tenant's boards.
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
 * @csspart story - A card's "From the war story: …".
 * @csspart answers - "Answered 2 requests", with the list.
 * @csspart sparked - "Sparked 1 idea", with the list.
 * @csspart form - The card form (from bk-card-form).
 * @csspart error-summary - The form's list of problems.
 * @csspart conflict - The "someone saved a newer version" notice.
 * @csspart save-button - The card form's save button.
 * @csspart versions - The list of versions in the history.
 * @csspart compare - The form that picks two versions to compare.
 * @csspart diff - The table of changes between two versions.
 * @csspart queue - The cards due for review.
 * @csspart confirmation - What was just done (saved, verified…), shown above the card; the live region says it too.
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
    board: { type: String, reflect: true },
    _section: { state: true },
    _view: { state: true },
    _filters: { state: true },
    _templates: { state: true },
    _chosen: { state: true },
    _announcement: { state: true },
    _confirmation: { state: true },
    _pages: { state: true },
  };

  declare tag: string;
  declare template: string;
  declare pageSize: number;
  declare currency: string;
  declare board: string;
  declare _section: Section;
  declare _view: View;
  declare _filters: Filters;
  declare _templates: CardTemplate[];
  /** The template picked in the "New card" chooser. */
  declare _chosen: string;
  declare _announcement: string;
  /** What was just done, shown with the view it was done in (the live region says it too). */
  declare _confirmation: { text: string; view: View } | null;
  /** The tenant's item pages: the cards' addresses. */
  declare _pages: ItemPages;

  #list = new PagedList<CardSummary, FirstPage>(this, {
    fetch: async (cursor, signal) => {
      const client = this.client;
      if (!client) throw new Error('not configured');
      const query = { ...listQuery(this._filters, this.signedIn, this.pageSize), signal };
      if (cursor) return client.cards.list({ ...query, cursor });
      const [page] = await Promise.all([
        readFirstPage(client, query, { templates: this._templates, locale: this.locale, signedIn: this.signedIn }),
        // Without the helpers the list still shows; its titles then link to this page's fragment.
        this.#startLinks().catch(() => undefined),
      ]);
      return page;
    },
    key: (item) => item.id,
    describe: (err) => this.describeError(err),
    onFirstPage: (page) => {
      this.#viewer = page.viewer ?? null;
      if (page.templates) this._templates = page.templates;
      this._announcement = this.#countText();
    },
    onMore: (added) => {
      const first = added[0];
      if (first) this.#focusAfterRender(() => this.#q(`li[data-card="${CSS.escape(first.id)}"]`));
    },
    onMoreFailed: (message) => {
      this._announcement = message;
    },
  });
  #open = new OpenCard(this, {
    client: () => this.client,
    locale: () => this.locale,
    describe: (err) => this.describeError(err, 'card.notFound'),
    onViewCounted: (id) => this.#updateItem(id, (i) => ({ ...i, viewCount: i.viewCount + 1 })),
  });
  /** The signed-in person's handle and role: owners and moderators verify, mark obsolete. */
  #viewer: Viewer | null = null;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #focus: (() => HTMLElement | null | undefined) | null = null;
  #links: ItemLinks | null = null;
  #linked: LinkedItemController | null = null;
  /** The card the host page's address shows: `#reflectInUrl()` keeps it in step with the view. */
  #inUrl: string | null = null;
  /** A card being opened: the address waits for it, rather than showing the list in between. */
  #opening: string | null = null;

  constructor() {
    super();
    this.tag = '';
    this.template = '';
    this.pageSize = LIMITS.pageSize.default;
    this.currency = 'EUR';
    this.board = '';
    this._pages = {};
    this._section = 'library';
    this._view = { kind: 'list' };
    this._filters = NO_FILTERS;
    this._templates = [];
    this._chosen = '';
    this._announcement = '';
    this._confirmation = null;
    this.addEventListener(BkCardSaveEvent.type, (e) => void this.#onSaved(e));
    this.addEventListener(BkCancelEvent.type, () => this.#onFormCancelled());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('tag')) this._filters = { ...this._filters, tag: isArea(this.tag) ? this.tag : '' };
    if (changed.has('template')) this._filters = { ...this._filters, template: this.template ?? '' };
    if (changed.has('tag') || changed.has('template') || changed.has('tenant') || changed.has('pageSize')) this.#reload();
  }

  protected override updated(): void {
    this.#reflectInUrl();
    const target = this.#focus;
    this.#focus = null;
    target?.()?.focus();
  }

  protected configChanged(): void {
    this.#reload();
    const card = this.#open.card;
    if (card && (this._view.kind === 'detail' || this._view.kind === 'history')) void this.#open.load(card.id);
  }

  #focusAfterRender(target: () => HTMLElement | null | undefined): void {
    this.#focus = target;
    this.requestUpdate();
  }

  #q<T extends HTMLElement = HTMLElement>(selector: string): T | null {
    return this.renderRoot.querySelector<T>(selector);
  }

  get #view(): CardViewContext {
    return { t: (key, params) => this.t(key, params), locale: this.locale, linkTitles: new Map() };
  }

  // ——— The list ———

  #reload(): Promise<void> | undefined {
    if (!this.client) {
      this.#list.abort();
      return;
    }
    return this.#list.load();
  }

  #countText(): string {
    const count = this.#list.items.length;
    return this.#list.hasMore ? this.t('library.countMore', { count }) : this.t('library.count', { count });
  }

  #updateItem(id: string, change: (item: CardSummary) => CardSummary): void {
    const list = this.#list;
    if (list.items.some((i) => i.id === id)) list.items = list.items.map((i) => (i.id === id ? change(i) : i));
  }

  /** The card's template name in the reader's language (the templates came localized; a card names its template in English). */
  #templateName(card: Pick<CardSummary, 'templateId' | 'templateName'>): string {
    return this._templates.find((t) => t.id === card.templateId)?.name ?? card.templateName;
  }

  get #listContext(): CardListContext {
    return {
      view: this.#view,
      filters: this._filters,
      templates: this._templates,
      signedIn: this.signedIn,
      list: this.#list,
      count: this.#countText(),
      templateName: (card) => this.#templateName(card),
      onSearchInput: (event) => {
        this._filters = { ...this._filters, q: (event.target as HTMLInputElement).value };
        clearTimeout(this.#searchTimer);
        this.#searchTimer = setTimeout(() => this.#reload(), SEARCH_DELAY_MS);
      },
      onSubmit: (event) => {
        event.preventDefault();
        clearTimeout(this.#searchTimer);
        this.#reload();
      },
      setFilter: (change) => {
        this._filters = { ...this._filters, ...change };
        this.#reload();
      },
      failure: (text) => this.renderFailure(text, () => this.#reload(), this.#list.failure),
      open: (id) => void this.#openCard(id),
      href: (id) => this.#cardUrl(id),
    };
  }

  // ——— Deep links ———

  /**
   * Loads the deep-link helpers and the tenant's item pages, then opens the card the address
   * names (once: later changes of the address come through the controller).
   */
  async #startLinks(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.#links ??= await loadItemLinks();
    const links = this.#links;
    const pages = await links.itemPages(client);
    if (client !== this.client) return;
    this._pages = pages;
    const first = !this.#linked;
    this.#linked ??= new links.LinkedItemController(this, 'card', (id) => this.#followUrl(id));
    this.#linked.pages = pages;
    const id = this.#linked.id;
    if (first && id) this.#followUrl(id);
  }

  /** The address now names `id` (Back, Forward, a pasted link): show that card, or the list. */
  #followUrl(id: string | null): void {
    const view = this._view;
    const open = view.kind === 'detail' || view.kind === 'edit' || view.kind === 'history' ? view.id : null;
    this.#inUrl = id;
    if (id === open && this._section === 'library') return;
    if (id) void this.#openCard(id);
    else if (open) this.#backToList();
  }

  /** Puts the open card in the host page's address, or takes it out, when the view changed here. */
  #reflectInUrl(): void {
    const view = this._view;
    const open =
      this._section === 'library' && (view.kind === 'detail' || view.kind === 'edit' || view.kind === 'history') ? view.id : null;
    if (open === this.#inUrl || this.#opening !== null || !this.#links) return;
    this.#inUrl = open;
    this.#links.showInUrl('card', open);
  }

  #cardUrl(id: string): string {
    return this.#links ? this.#links.itemUrl(this._pages, 'card', id) : `#bk-card=${encodeURIComponent(id)}`;
  }

  // ——— Sections and views ———

  async #selectSection(section: Section, focusTab = false): Promise<void> {
    const part = section === 'queue' ? 'bk-card-review-queue' : section === 'areas' ? 'bk-card-practice-areas' : null;
    if (part && !(await this.#need(part))) return;
    this._section = section;
    if (section === 'library' && this._view.kind !== 'list') this._view = { kind: 'list' };
    if (focusTab) this.#focusAfterRender(() => this.#q(`#bk-tab-${section}`));
  }

  #backToList(): void {
    const id = this.#open.card?.id;
    this._view = { kind: 'list' };
    this._section = 'library';
    this.#focusAfterRender(() => (id ? this.#q(`[data-open="${CSS.escape(id)}"]`) : null) ?? this.#q('#bk-q'));
  }

  async #openCard(id: string, view: CardViewKind = 'detail'): Promise<void> {
    const part = view === 'edit' ? 'bk-card-form' : view === 'history' ? 'bk-card-history' : 'bk-card-detail';
    this.#opening = id;
    try {
      if (!(await this.#need(part))) return;
      this._section = 'library';
      this._view = { kind: view, id };
      this._announcement = '';
    } finally {
      this.#opening = null;
      this.#reflectInUrl();
    }
    await this.#open.load(id);
    if (this._view.kind !== view || this._view.id !== id) return;
    if (view === 'detail') this.#focusAfterRender(() => this.#q('bk-card-detail') ?? this.#q('.detail [role="alert"]'));
    else this.#focusInner(part);
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
    this._chosen = this._chosen || this._filters.template || this._templates[0]?.id || '';
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

  #closeChooser(): void {
    this._view = { kind: 'list' };
    this.#focusAfterRender(() => this.#q('[part="new-button"]'));
  }

  async #onSaved(event: BkCardSaveEvent): Promise<void> {
    const card = event.card;
    const restored = (event.composedPath()[0] as Element | undefined)?.localName === 'bk-card-history';
    const isNew = !this.#list.items.some((i) => i.id === card.id) && this._view.kind === 'new';
    // The detail is here by now, unless a new card is the first one this library shows.
    await this.#need('bk-card-detail');
    this.#open.replace(card);
    this._view = { kind: 'detail', id: card.id };
    if (isNew) this.#list.items = [toSummary(card), ...this.#list.items];
    else this.#updateItem(card.id, () => toSummary(card));
    this.#confirm(savedMessage((key, params) => this.t(key, params), this.locale, card, restored, event.review));
    this.#focusAfterRender(() => this.#q('bk-card-detail'));
  }

  /** Says an outcome in the live region and shows it above the view, until the view changes. */
  #confirm(text: string): void {
    this._announcement = text;
    this._confirmation = text ? { text, view: this._view } : null;
  }

  #onFormCancelled(): void {
    const view = this._view;
    if (view.kind === 'edit') {
      this._view = { kind: 'detail', id: view.id };
      void this.updateComplete.then(() => this.#q<BkCardDetail>('bk-card-detail')?.focusAction('edit'));
    } else if (view.kind === 'new') {
      this.#closeChooser();
    }
  }

  /** The detail changed the card (helped, verified, obsolete). */
  #onCardChanged(card: PracticeCard): void {
    const shown = this.#open.replace(card);
    this.#updateItem(card.id, () => toSummary(shown));
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
        ${renderSectionTabs({
          t: (key) => this.t(key),
          sections: SECTIONS,
          selected: this._section,
          select: (section, focusTab) => void this.#selectSection(section, focusTab),
        })}
        <div class="panel" id="bk-panel" role="tabpanel" aria-labelledby="bk-tab-${this._section}">
          ${this._confirmation?.view === this._view ? html`<p class="confirmation" part="confirmation">${this._confirmation.text}</p>` : nothing}
          ${this.#renderSection()}
        </div>
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
          this._filters = { ...this._filters, tag: area };
          void this.#selectSection('library');
          this.#reload();
          this.#focusAfterRender(() => this.#q('#bk-filter-tag'));
        }}
        exportparts="areas"
      ></bk-card-practice-areas>`;
    }
    const view = this._view;
    switch (view.kind) {
      case 'choose':
        return renderTemplateChooser({
          t: (key) => this.t(key),
          templates: this._templates,
          chosen: this._chosen,
          choose: (id) => {
            this._chosen = id;
          },
          submit: (event) => void this.#startNew(event),
          cancel: () => this.#closeChooser(),
        });
      case 'new':
        return html`<bk-card-form
          .tenant=${this.tenant}
          .template=${view.template}
          .card=${null}
          .currency=${this.currency}
          .viewer=${this.#viewer}
          exportparts=${CARD_FORM_PARTS}
        ></bk-card-form>`;
      case 'edit':
        return this.#renderWithCard(view.id, (card, template) =>
          template
            ? html`<bk-card-form
                .tenant=${this.tenant}
                .template=${template}
                .card=${card}
                .currency=${this.currency}
                .viewer=${this.#viewer}
                exportparts=${CARD_FORM_PARTS}
              ></bk-card-form>`
            : html`${this.#renderBack()}
                <p class="notice error" role="alert">${this.t('library.templateMissing')}</p>`,
        );
      case 'history':
        return this.#renderWithCard(
          view.id,
          (card, template) => html`<div class="detail-nav no-print">
              <button type="button" class="button subtle" @click=${() => void this.#openCard(card.id)}>${this.t('library.backToCard')}</button>
            </div>
            <bk-card-history .tenant=${this.tenant} .card=${card} .template=${template} exportparts="versions, compare, diff"></bk-card-history>`,
        );
      case 'detail':
        return this.#renderWithCard(
          view.id,
          (card, template) => html`<bk-card-detail
            .tenant=${this.tenant}
            .card=${card}
            .template=${template}
            .templateName=${this.#templateName(card)}
            .viewer=${this.#viewer}
            .board=${this.board}
            .back=${() => this.#backToList()}
            .open=${(id: string, kind?: CardViewKind) => void this.#openCard(id, kind)}
            .changed=${(updated: PracticeCard) => this.#onCardChanged(updated)}
            .announce=${(text: string) => this.#confirm(text)}
            exportparts="detail, actions, freshness, obsolete, held, tags, fields, story, answers, sparked"
          ></bk-card-detail>`,
        );
      default: {
        const ctx = this.#listContext;
        return html`${renderFilters(ctx)}
          <div class="results" aria-busy=${this.#list.status === 'loading' ? 'true' : 'false'}>${renderResults(ctx)}</div>`;
      }
    }
  }

  #renderWithCard(id: string, body: (card: PracticeCard, template: CardTemplate | null) => unknown) {
    const open = this.#open;
    if (open.error) {
      return html`<div class="detail" part="detail">
        ${this.#renderBack()}
        <div class="notice error" role="alert">
          <p>${open.error}</p>
          <button type="button" class="button" @click=${() => void this.#openCard(id)}>${this.t('error.retry')}</button>
        </div>
      </div>`;
    }
    if (open.card?.id !== id) return html`<p role="status">${this.t('card.loading')}</p>`;
    return body(open.card, open.template);
  }

  #renderBack() {
    return html`<div class="detail-nav no-print">
      <button type="button" class="button subtle back" @click=${this.#backToList}>${this.t('library.backToList')}</button>
    </div>`;
  }
}
