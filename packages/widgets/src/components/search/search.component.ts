import type { Board, ItemPages, PracticeArea, SearchHit, SearchKind, SearchQuery, SearchResults, StatusCategory } from '@bridgekit/sdk';
import { PRACTICE_AREAS } from '@bridgekit/sdk/card-types';
import { discoveryPart } from '@bridgekit/sdk/parts/discovery';
import { localize } from '@bridgekit/sdk/translations';
import { html, nothing, type PropertyValues } from 'lit';
import { BkItemOpenEvent } from '../../events/item-open.ts';
import { BkSearchEvent } from '../../events/search.ts';
import { BridgekitElement } from '../../shared/bridgekit-element.ts';
import { usePart } from '../../shared/client.ts';
import { type MessageKey, registerFeature, relativeTime } from '../../shared/i18n.ts';
import { itemPages, itemUrl, LinkedItemController, linkedItem, showInUrl } from '../../shared/item-links.ts';
import { kindListStyles } from '../../shared/kind-list.styles.ts';
import { cardMessages } from '../../shared/messages/cards.ts';
import { searchMessages } from '../../shared/messages/search.ts';
import { tokens } from '../../shared/styles.ts';
import { commentUrl } from '../../shared/thread-page.ts';
import { searchStyles } from './search.styles.ts';
import { snippetPieces } from './snippet.ts';

usePart(discoveryPart);

registerFeature(searchMessages);
// The practice areas' and freshness labels are the cards' texts.
registerFeature(cardMessages);

const KINDS: readonly SearchKind[] = ['idea', 'comment', 'card'];
const CATEGORIES: readonly StatusCategory[] = ['open', 'under_review', 'planned', 'in_progress', 'done', 'declined'];
/** "Changed in the last …" in days; `''` is any time. */
const SINCE = ['', '30', '90', '365'] as const;
type Since = (typeof SINCE)[number];
const MIN_QUERY = 2;
const MAX_QUERY = 200;
const LIMIT = 20;
/** The API counts up to this many of each kind. */
const COUNT_CAP = 100;
/** How long typing must pause before searching. */
const SEARCH_DELAY_MS = 300;

interface Filters {
  kind: SearchKind | '';
  board: string;
  area: PracticeArea | '';
  status: StatusCategory | '';
  since: Since;
}

const isKind = (value: string): value is SearchKind => (KINDS as readonly string[]).includes(value);
const isArea = (value: string): value is PracticeArea => (PRACTICE_AREAS as readonly string[]).includes(value);
const isCategory = (value: string): value is StatusCategory => (CATEGORIES as readonly string[]).includes(value);

/** `YYYY-MM-DD`, `days` before today (UTC, as the API compares). */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/**
 * One search across ideas, discussions (comments) and practice cards, best first, each hit a
 * link to the item's view: the words found are marked in a snippet of its text, with its status,
 * practice areas or discussion beside it. Filters by kind (with how many of each were found),
 * board, practice area, idea status and how recently it changed. Keyboard first: ↓ from the
 * search box moves into the results, ↑/↓/Home/End move through them, Enter opens one, Escape
 * returns to the box. The search is reflected in the page's address (`#bk-search=<words>`, or
 * the tenant's search page pattern), so Back returns to it and a pasted link runs it.
 *
 * @tag bk-search
 * @summary One search across ideas, discussions and practice cards.
 *
 * @attr board - Ideas of this board only (no board filter is offered then).
 * @attr kinds - What it searches, comma-separated: `idea`, `comment`, `card`. Default: all three.
 * @attr placeholder - Example words shown in the empty search box.
 * @attr tenant - Overrides the page's tenant for this element.
 *
 * @event bk-search - A search answered ({@link BkSearchEvent}): the query and the results.
 * @event bk-item-open - A result is being opened ({@link BkItemOpenEvent}); cancel it to show the item yourself.
 * @event bk-error - A call to the API failed.
 *
 * @csspart base - The frame.
 * @csspart form - The search box and filters.
 * @csspart input - The search box.
 * @csspart results - The list of results.
 * @csspart result - One result.
 * @csspart snippet - A result's extract, the words found in `<mark>`.
 * @cssproperty --bk-search-mark - Background of the words found. Default Fluent yellow.
 * @cssproperty --bk-search-surface - Background of the frame. Default `--bk-color-surface`.
 */
export class BkSearch extends BridgekitElement {
  static override styles = [tokens, kindListStyles, searchStyles];
  static override properties = {
    board: { type: String, reflect: true },
    kinds: { type: String, reflect: true },
    placeholder: { type: String },
    _query: { state: true },
    _filters: { state: true },
    _boards: { state: true },
    _results: { state: true },
    _counts: { state: true },
    _searched: { state: true },
    _state: { state: true },
    _error: { state: true },
  };

  declare board: string | undefined;
  declare kinds: string | undefined;
  declare placeholder: string | undefined;
  declare _query: string;
  declare _filters: Filters;
  declare _boards: Board[];
  declare _results: SearchResults | null;
  /** How many of each kind match the words and filters, whichever kind is shown. */
  declare _counts: Record<SearchKind, number> | null;
  /** The words the results are for. */
  declare _searched: string;
  declare _state: 'idle' | 'loading' | 'ready' | 'error';
  declare _error: string;

  #pages: ItemPages = {};
  #timer: ReturnType<typeof setTimeout> | undefined;
  #request: AbortController | null = null;
  #setup: AbortController | null = null;
  /** Back, Forward or a pasted link with another search: run it. */
  #linked = new LinkedItemController(this, 'search', (q) => this.#runLinked(q));

  constructor() {
    super();
    this._query = '';
    this._filters = { kind: '', board: '', area: '', status: '', since: '' };
    this._boards = [];
    this._results = null;
    this._counts = null;
    this._searched = '';
    this._state = 'idle';
    this._error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#prepare();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#request?.abort();
    this.#setup?.abort();
  }

  protected configChanged(): void {
    void this.#prepare();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('board') || changed.has('kinds') || changed.has('tenant')) && this.hasUpdated) {
      void this.#prepare();
    }
  }

  /** The kinds it searches: the `kinds` attribute's valid ones, else all three. */
  get #allowed(): SearchKind[] {
    const chosen = (this.kinds ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(isKind);
    return chosen.length > 0 ? KINDS.filter((k) => chosen.includes(k)) : [...KINDS];
  }

  /** The kinds this search asks for: the kind filter's, or all allowed. */
  get #searchedKinds(): SearchKind[] {
    const { kind } = this._filters;
    return kind && this.#allowed.includes(kind) ? [kind] : this.#allowed;
  }

  /** Boards for the filter, the tenant's link patterns, and a search the page's address holds. */
  async #prepare(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.#setup?.abort();
    const setup = new AbortController();
    this.#setup = setup;
    const boards =
      this.#allowed.includes('idea') && !this.board
        ? client.boards
            .list({ signal: setup.signal })
            .then((list) => localize(list, this.locale))
            .catch(() => [] as Board[])
        : Promise.resolve([] as Board[]);
    const [pages, list] = await Promise.all([itemPages(client, setup.signal), boards]);
    if (setup.signal.aborted) return;
    this.#pages = pages;
    this.#linked.pages = pages;
    this._boards = list;
    const linked = linkedItem(pages, 'search');
    if (linked && linked !== this._searched) this.#runLinked(linked);
    else if (this._searched) void this.#search();
  }

  #runLinked(q: string | null): void {
    this._query = q ?? '';
    const input = this.renderRoot.querySelector<HTMLInputElement>('#bk-q');
    if (input) input.value = this._query;
    void this.#search(false);
  }

  #onInput(event: InputEvent): void {
    this._query = (event.target as HTMLInputElement).value;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#search(), SEARCH_DELAY_MS);
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    clearTimeout(this.#timer);
    void this.#search();
  }

  #setFilter(change: Partial<Filters>): void {
    this._filters = { ...this._filters, ...change };
    clearTimeout(this.#timer);
    void this.#search();
  }

  #query(q: string, kinds: SearchKind[], limit: number): SearchQuery {
    const f = this._filters;
    const board = this.board || f.board;
    return {
      q,
      kinds,
      limit,
      ...(board && kinds.includes('idea') ? { board } : {}),
      ...(f.status && kinds.includes('idea') ? { status: f.status } : {}),
      ...(f.area && kinds.includes('card') ? { area: f.area } : {}),
      ...(f.since ? { since: daysAgo(Number(f.since)) } : {}),
    };
  }

  /** Runs the search for the words in the box; `reflect`: show it in the page's address. */
  async #search(reflect = true): Promise<void> {
    const client = this.client;
    this.#request?.abort();
    const q = this._query.trim().slice(0, MAX_QUERY);
    if (!client || q.length < MIN_QUERY) {
      this._state = 'idle';
      this._results = null;
      this._counts = null;
      this._searched = '';
      return;
    }
    const request = new AbortController();
    this.#request = request;
    this._state = 'loading';
    const kinds = this.#searchedKinds;
    const allowed = this.#allowed;
    const query = this.#query(q, kinds, LIMIT);
    try {
      // With one kind shown, the others' counts come from a search of all of them (one hit is enough).
      const [results, all] = await Promise.all([
        client.search(query, { signal: request.signal }),
        kinds.length < allowed.length ? client.search(this.#query(q, allowed, 1), { signal: request.signal }) : null,
      ]);
      if (request.signal.aborted) return;
      const found = localize(results, this.locale);
      this._results = found;
      this._counts = { ...(all ?? found).counts, ...Object.fromEntries(kinds.map((k) => [k, found.counts[k]])) };
      this._searched = q;
      this._state = 'ready';
      if (reflect) showInUrl('search', q);
      this.dispatchEvent(new BkSearchEvent(query, found));
    } catch (err) {
      if (request.signal.aborted) return;
      this._error = await this.describeError(err);
      this._state = 'error';
    }
  }

  // ——— Keyboard ———

  get #links(): HTMLAnchorElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLAnchorElement>('.results a.hit-link')];
  }

  #onInputKeydown(event: KeyboardEvent): void {
    if (event.key !== 'ArrowDown') return;
    const first = this.#links[0];
    if (!first) return;
    event.preventDefault();
    first.focus();
  }

  #onResultsKeydown(event: KeyboardEvent): void {
    const links = this.#links;
    const at = links.indexOf(this.renderRoot.querySelector<HTMLAnchorElement>('a.hit-link:focus') as HTMLAnchorElement);
    if (at < 0) return;
    let next: HTMLElement | undefined;
    switch (event.key) {
      case 'ArrowDown':
        next = links[Math.min(at + 1, links.length - 1)];
        break;
      case 'ArrowUp':
        next = at === 0 ? (this.renderRoot.querySelector<HTMLInputElement>('#bk-q') ?? undefined) : links[at - 1];
        break;
      case 'Home':
        next = links[0];
        break;
      case 'End':
        next = links.at(-1);
        break;
      case 'Escape':
        next = this.renderRoot.querySelector<HTMLInputElement>('#bk-q') ?? undefined;
        break;
      default:
        return;
    }
    event.preventDefault();
    next?.focus();
  }

  #open(event: MouseEvent, hit: SearchHit, url: string): void {
    const open = new BkItemOpenEvent({ kind: hit.kind, id: hit.id, url });
    this.dispatchEvent(open);
    if (open.defaultPrevented) event.preventDefault();
  }

  // ——— Rendering ———

  /** Where a hit opens: the item's view; a comment in its discussion's place. */
  #url(hit: SearchHit): string {
    if (hit.kind === 'comment') return commentUrl(this.#pages, hit.id, hit.thread);
    return itemUrl(this.#pages, hit.kind, hit.id);
  }

  #count(kind: SearchKind | ''): string {
    const label = this.t(`search.kind.${kind || 'all'}` as MessageKey);
    const counts = this._counts;
    if (!counts) return label;
    const kinds = kind ? [kind] : this.#allowed;
    const n = kinds.reduce((sum, k) => sum + (counts[k] ?? 0), 0);
    const capped = kinds.some((k) => (counts[k] ?? 0) >= COUNT_CAP);
    const count = capped ? this.t('search.manyCount', { count: n }) : new Intl.NumberFormat(this.locale).format(n);
    return this.t('search.kindCount', { kind: label, count });
  }

  protected override render() {
    if (!this.client) return html`<p class="notice error" part="base">${this.t('error.notConfigured')}</p>`;
    return html`
      <section class="base" part="base" aria-labelledby="bk-search-heading">
        <h2 id="bk-search-heading">${this.t('search.heading')}</h2>
        ${this.sessionExpired ? this.renderSessionNotice() : nothing}
        ${this.#renderForm()}
        ${this.#renderState()}
        ${this.#renderResults()}
      </section>
    `;
  }

  #renderForm() {
    const f = this._filters;
    const allowed = this.#allowed;
    const kinds = this.#searchedKinds;
    const value = (e: Event) => (e.target as HTMLSelectElement).value;
    return html`<form part="form" role="search" aria-labelledby="bk-search-heading" novalidate @submit=${this.#onSubmit}>
      <div class="field query">
        <label for="bk-q">${this.t('search.label')}</label>
        <input
          id="bk-q"
          part="input"
          type="search"
          autocomplete="off"
          enterkeyhint="search"
          maxlength=${MAX_QUERY}
          placeholder=${this.placeholder || nothing}
          aria-describedby="bk-q-hint"
          .value=${this._query}
          @input=${this.#onInput}
          @keydown=${this.#onInputKeydown}
        />
        <p class="hint" id="bk-q-hint">${this.t('search.hint')}</p>
      </div>
      <fieldset class="filters" part="filters">
        <legend class="visually-hidden">${this.t('search.filters')}</legend>
        ${
          allowed.length > 1
            ? html`<fieldset class="kinds">
              <legend>${this.t('search.kindLegend')}</legend>
              ${(['', ...allowed] as const).map(
                (k) =>
                  html`<label class="kind-choice"
                    ><input
                      type="radio"
                      name="kind"
                      value=${k}
                      .checked=${f.kind === k}
                      @change=${() => this.#setFilter({ kind: k })}
                    />${this.#count(k)}</label
                  >`,
              )}
            </fieldset>`
            : nothing
        }
        <div class="selects">
          ${
            kinds.includes('idea') && !this.board && this._boards.length > 0
              ? this.#select(
                  'board',
                  'search.board',
                  (e) => this.#setFilter({ board: value(e) }),
                  [{ value: '', label: this.t('search.allBoards') }, ...this._boards.map((b) => ({ value: b.slug, label: b.name }))],
                  f.board,
                )
              : nothing
          }
          ${
            kinds.includes('idea')
              ? this.#select(
                  'status',
                  'search.status',
                  (e) => this.#setFilter({ status: isCategory(value(e)) ? (value(e) as StatusCategory) : '' }),
                  [
                    { value: '', label: this.t('search.anyStatus') },
                    ...CATEGORIES.map((c) => ({ value: c, label: this.t(`search.status.${c}` as MessageKey) })),
                  ],
                  f.status,
                )
              : nothing
          }
          ${
            kinds.includes('card')
              ? this.#select(
                  'area',
                  'search.area',
                  (e) => this.#setFilter({ area: isArea(value(e)) ? (value(e) as PracticeArea) : '' }),
                  [
                    { value: '', label: this.t('search.allAreas') },
                    ...PRACTICE_AREAS.map((a) => ({ value: a, label: this.t(`card.area.${a}` as MessageKey) })),
                  ],
                  f.area,
                )
              : nothing
          }
          ${this.#select(
            'since',
            'search.since',
            (e) => this.#setFilter({ since: (SINCE as readonly string[]).includes(value(e)) ? (value(e) as Since) : '' }),
            SINCE.map((s) => ({ value: s, label: this.t(`search.since.${s || 'any'}` as MessageKey) })),
            f.since,
          )}
        </div>
      </fieldset>
    </form>`;
  }

  #select(name: string, label: MessageKey, onChange: (e: Event) => void, options: { value: string; label: string }[], current: string) {
    return html`<div class="field">
      <label for="bk-filter-${name}">${this.t(label)}</label>
      <select id="bk-filter-${name}" @change=${onChange}>
        ${options.map((o) => html`<option value=${o.value} ?selected=${o.value === current}>${o.label}</option>`)}
      </select>
    </div>`;
  }

  #renderState() {
    const results = this._results;
    let text = '';
    if (this._state === 'idle') text = this.t('search.start');
    else if (this._state === 'loading') text = this.t('search.searching');
    else if (this._state === 'ready' && results) {
      text =
        results.hits.length === 0
          ? this.t('search.noResults', { query: this._searched })
          : this.t('search.found', { count: results.hits.length, query: this._searched });
    }
    const counts = this._counts;
    const total = counts ? this.#searchedKinds.reduce((sum, k) => sum + (counts[k] ?? 0), 0) : 0;
    const more = this._state === 'ready' && results && total > results.hits.length;
    return html`<p class="state" part="state" role="status">${text}</p>
      ${more ? html`<p class="hint">${this.t('search.showingBest', { shown: results.hits.length, total })}</p>` : nothing}
      ${this._state === 'error' ? this.renderFailure(this.t('search.failed', { reason: this._error }), () => this.#search()) : nothing}`;
  }

  #renderResults() {
    const results = this._results;
    if (!results || results.hits.length === 0 || this._state === 'idle') return nothing;
    return html`<ol
      class="results"
      part="results"
      aria-label=${this.t('search.results', { query: this._searched })}
      aria-busy=${this._state === 'loading' ? 'true' : 'false'}
      @keydown=${this.#onResultsKeydown}
    >
      ${results.hits.map((hit, i) => this.#renderHit(hit, i))}
    </ol>`;
  }

  #renderHit(hit: SearchHit, i: number) {
    const url = this.#url(hit);
    const title =
      hit.kind === 'comment'
        ? this.t('search.commentBy', {
            name: this.personName(hit.author),
            thread: hit.title || hit.thread.title || this.t('search.untitledThread'),
          })
        : hit.title;
    return html`<li class="hit ${hit.kind}" part="result">
      <span class="kind" id="bk-hit-${i}-kind">${this.t(`search.hit.${hit.kind}` as MessageKey)}</span>
      <a class="hit-link" href=${url} aria-describedby="bk-hit-${i}-kind bk-hit-${i}-snippet bk-hit-${i}-meta" @click=${(e: MouseEvent) => this.#open(e, hit, url)}
        >${title}</a
      >
      <p class="snippet" part="snippet" id="bk-hit-${i}-snippet">
        ${snippetPieces(hit.snippet).map((p) => (p.marked ? html`<mark>${p.text}</mark>` : p.text))}
      </p>
      <p class="meta" id="bk-hit-${i}-meta">${this.#meta(hit)}</p>
    </li>`;
  }

  #meta(hit: SearchHit): string {
    const parts: string[] = [];
    if (hit.kind === 'idea') {
      parts.push(hit.status.label);
      const board = this._boards.find((b) => b.slug === hit.board);
      if (board && !this.board) parts.push(board.name);
      parts.push(this.t('board.supporters', { count: hit.supporters }));
    } else if (hit.kind === 'card') {
      parts.push(hit.templateName, ...hit.tags.map((a) => this.t(`card.area.${a}` as MessageKey)));
      if (hit.freshness !== 'current') parts.push(this.t(`card.freshness.${hit.freshness}` as MessageKey));
    }
    parts.push(this.t('search.changed', { time: relativeTime(this.locale, hit.at) }));
    return parts.join(' · ');
  }
}
