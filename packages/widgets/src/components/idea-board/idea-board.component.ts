import { type Board, type Idea, type IdeaSort, isBridgekitError, LIMITS } from '@bridgekit/sdk';
import { html, nothing, type PropertyValues } from 'lit';
import { BkIdeaCreateEvent } from '../../events/idea-create.ts';
import { BkVoteChangeEvent } from '../../events/vote-change.ts';
import { BridgekitElement } from '../../shared/bridgekit-element.ts';
import { relativeTime } from '../../shared/i18n.ts';
import { tokens } from '../../shared/styles.ts';
import '../idea-vote/idea-vote.ts';
import { ideaBoardStyles } from './idea-board.styles.ts';

const TITLE_MIN = LIMITS.ideaTitle.min;
const TITLE_MAX = LIMITS.ideaTitle.max;
const DESCRIPTION_MAX = LIMITS.ideaDescription.max;

type Status = 'loading' | 'ready' | 'error';
interface FieldErrors {
  title?: string;
  description?: string;
  form?: string;
}

/**
 * An idea board: the ideas of one board with their support, sorted by most backed or newest,
 * a form to share an idea, and a vote button on each. Loads more on demand.
 *
 * @tag bk-idea-board
 * @summary List, back and submit IT-enabled ideas.
 *
 * @attr board - Slug of the board, e.g. `general`.
 * @attr sort - `top` (most backed, default) or `new`.
 * @attr page-size - Ideas per page, 1–100 (default 20).
 * @attr tenant - Overrides the page's tenant for this element.
 *
 * @event bk-idea-create - The person submitted an idea ({@link BkIdeaCreateEvent}).
 * @event bk-vote-change - The person's vote on an idea changed.
 * @event bk-error - A call to the API failed.
 *
 * @csspart base - The board's frame.
 * @csspart header - Heading, description and toolbar.
 * @csspart heading - The board's name.
 * @csspart sort - The sort menu.
 * @csspart form - The idea form.
 * @csspart list - The list of ideas.
 * @csspart item - One idea.
 * @csspart title - An idea's title.
 * @csspart description - An idea's description.
 * @csspart meta - Author and date of an idea.
 * @csspart load-more - The "show more" button.
 * @csspart vote-button - Each idea's vote button (from bk-idea-vote).
 * @csspart session-notice - The "sign-in expired" notice.
 *
 * @cssproperty --bk-idea-board-surface - Background of the board. Default `--bk-color-surface`.
 * @cssproperty --bk-idea-board-padding - Padding of the board. Default `1rem`.
 * @cssproperty --bk-idea-board-gap - Space between the board's parts. Default `0.75rem`.
 * @cssproperty --bk-idea-board-description-lines - Lines of description shown per idea. Default `3`.
 */
export class BkIdeaBoard extends BridgekitElement {
  static override styles = [tokens, ideaBoardStyles];
  static override properties = {
    board: { type: String, reflect: true },
    sort: { type: String, reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
    _board: { state: true },
    _items: { state: true },
    _cursor: { state: true },
    _status: { state: true },
    _error: { state: true },
    _loadingMore: { state: true },
    _formOpen: { state: true },
    _submitting: { state: true },
    _fieldErrors: { state: true },
    _titleLength: { state: true },
    _descriptionLength: { state: true },
    _announcement: { state: true },
  };

  declare board: string;
  declare sort: IdeaSort;
  declare pageSize: number;
  declare _board: Board | null;
  declare _items: Idea[];
  declare _cursor: string | null;
  declare _status: Status;
  declare _error: string;
  declare _loadingMore: boolean;
  declare _formOpen: boolean;
  declare _submitting: boolean;
  declare _fieldErrors: FieldErrors;
  declare _titleLength: number;
  declare _descriptionLength: number;
  declare _announcement: string;

  #load: AbortController | null = null;
  #focusIdea: string | null = null;
  #errorIsSignIn = false;

  constructor() {
    super();
    this.board = '';
    this.sort = 'top';
    this.pageSize = LIMITS.pageSize.default;
    this._board = null;
    this._items = [];
    this._cursor = null;
    this._status = 'loading';
    this._error = '';
    this._loadingMore = false;
    this._formOpen = false;
    this._submitting = false;
    this._fieldErrors = {};
    this._titleLength = 0;
    this._descriptionLength = 0;
    this._announcement = '';
    // Keep the list's counts in step with votes cast in its rows.
    this.addEventListener(BkVoteChangeEvent.type, (e) => {
      this._items = this._items.map((i) => (i.id === e.ideaId ? { ...i, votes: e.votes, voted: e.voted } : i));
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#load?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('board') || changed.has('sort') || changed.has('tenant') || changed.has('pageSize')) void this.#reload();
  }

  protected override updated(): void {
    if (this.#focusIdea) {
      this.renderRoot.querySelector<HTMLElement>(`[data-idea="${CSS.escape(this.#focusIdea)}"]`)?.focus();
      this.#focusIdea = null;
    }
  }

  protected configChanged(): void {
    void this.#reload();
  }

  get #sort(): IdeaSort {
    return this.sort === 'new' ? 'new' : 'top';
  }

  async #reload(): Promise<void> {
    this.#load?.abort();
    const client = this.client;
    if (!client || !this.board) return;
    const load = new AbortController();
    this.#load = load;
    this._status = 'loading';
    this._error = '';
    try {
      const [board, page] = await Promise.all([
        client.boards.get(this.board, { signal: load.signal }),
        client.ideas.list({ board: this.board, sort: this.#sort, limit: this.pageSize, signal: load.signal }),
      ]);
      if (load.signal.aborted) return;
      this._board = board;
      this._items = page.items;
      this._cursor = page.nextCursor;
      this._status = 'ready';
    } catch (err) {
      if (load.signal.aborted) return;
      this._error = this.describeError(err, 'error.notFoundBoard');
      this.#errorIsSignIn = isBridgekitError(err) && err.status === 401;
      this._status = 'error';
    }
  }

  async #loadMore(): Promise<void> {
    const client = this.client;
    if (!client || !this._cursor || this._loadingMore) return;
    this._loadingMore = true;
    try {
      const page = await client.ideas.list({ board: this.board, sort: this.#sort, cursor: this._cursor, limit: this.pageSize });
      const known = new Set(this._items.map((i) => i.id));
      const fresh = page.items.filter((i) => !known.has(i.id));
      this._items = [...this._items, ...fresh];
      this._cursor = page.nextCursor;
      // Move keyboard focus to the first new idea so the reader continues where the list grew.
      if (fresh[0]) this.#focusIdea = fresh[0].id;
    } catch (err) {
      this._announcement = this.describeError(err);
    } finally {
      this._loadingMore = false;
    }
  }

  #onSort(event: Event): void {
    this.sort = (event.target as HTMLSelectElement).value === 'new' ? 'new' : 'top';
  }

  #openForm(): void {
    this._formOpen = true;
    this._fieldErrors = {};
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#bk-title')?.focus());
  }

  #closeForm(): void {
    this._formOpen = false;
    this._fieldErrors = {};
    this._titleLength = 0;
    this._descriptionLength = 0;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('.open-form')?.focus());
  }

  #onFormKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.#closeForm();
    }
  }

  #validate(title: string, description: string): FieldErrors {
    const errors: FieldErrors = {};
    if (title.length < TITLE_MIN || title.length > TITLE_MAX) errors.title = this.t('form.titleHint');
    if (description.length > DESCRIPTION_MAX)
      errors.description = this.t('form.charactersLeft', { count: DESCRIPTION_MAX - description.length });
    return errors;
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.client;
    if (!client || this._submitting) return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const title = String(data.get('title') ?? '').trim();
    const description = String(data.get('description') ?? '').trim();
    const errors = this.#validate(title, description);
    if (errors.title || errors.description) {
      this._fieldErrors = errors;
      this.#focusFirstInvalid();
      return;
    }
    this._submitting = true;
    this._fieldErrors = {};
    try {
      const idea = await client.ideas.create({ board: this.board, title, description });
      form.reset();
      this._items = [idea, ...this._items.filter((i) => i.id !== idea.id)];
      if (this._board) this._board = { ...this._board, ideaCount: this._board.ideaCount + 1 };
      this._formOpen = false;
      this._titleLength = 0;
      this._descriptionLength = 0;
      this._announcement = this.t('form.submitted', { title: idea.title });
      this.#focusIdea = idea.id;
      this.dispatchEvent(new BkIdeaCreateEvent(idea));
    } catch (err) {
      this._fieldErrors = this.#serverErrors(err);
      this.#focusFirstInvalid();
    } finally {
      this._submitting = false;
    }
  }

  #serverErrors(err: unknown): FieldErrors {
    const errors: FieldErrors = {};
    if (isBridgekitError(err) && err.code === 'validation_failed') {
      for (const d of err.details) {
        if (d.path === 'body.title') errors.title = d.message;
        else if (d.path === 'body.description') errors.description = d.message;
      }
    }
    if (!errors.title && !errors.description) errors.form = this.t('form.failed', { reason: this.describeError(err) });
    return errors;
  }

  #focusFirstInvalid(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  protected override render() {
    if (!this.client) return html`<p class="notice error" part="base">${this.t('error.notConfigured')}</p>`;
    const heading = this._board?.name ?? this.t('board.heading');
    return html`
      <section class="base" part="base" aria-labelledby="bk-heading" aria-busy=${this._status === 'loading' ? 'true' : 'false'}>
        <div class="header" part="header">
          <div>
            <h2 id="bk-heading" part="heading">${heading}</h2>
            ${this._board?.description ? html`<p class="board-description">${this._board.description}</p>` : nothing}
          </div>
          <div class="toolbar">
            <label class="sort">
              ${this.t('board.sortLabel')}
              <select part="sort" @change=${this.#onSort}>
                <option value="top" ?selected=${this.#sort === 'top'}>${this.t('board.sortTop')}</option>
                <option value="new" ?selected=${this.#sort === 'new'}>${this.t('board.sortNew')}</option>
              </select>
            </label>
            ${
              this.signedIn && !this._formOpen
                ? html`<button type="button" class="button primary open-form" aria-expanded="false" aria-controls="bk-form" @click=${this.#openForm}>
                  ${this.t('form.open')}
                </button>`
                : nothing
            }
          </div>
        </div>
        ${this.sessionExpired ? this.renderSessionNotice() : this.signedIn ? nothing : html`<p class="notice">${this.t('board.signInToParticipate')}</p>`}
        ${this._formOpen ? this.#renderForm() : nothing}
        <p class="visually-hidden" role="status">${this._announcement}</p>
        ${this.#renderContent()}
      </section>
    `;
  }

  #renderForm() {
    const e = this._fieldErrors;
    return html`
      <form id="bk-form" part="form" novalidate aria-labelledby="bk-form-heading" @submit=${this.#submit} @keydown=${this.#onFormKeydown}>
        <h3 id="bk-form-heading">${this.t('form.heading')}</h3>
        <div class="field">
          <label for="bk-title">${this.t('form.titleLabel')}</label>
          <p class="hint" id="bk-title-hint">${this.t('form.titleHint')}</p>
          <input
            id="bk-title"
            name="title"
            autocomplete="off"
            required
            maxlength=${TITLE_MAX}
            aria-describedby="bk-title-hint bk-title-count bk-title-error"
            aria-invalid=${e.title ? 'true' : 'false'}
            @input=${(ev: InputEvent) => (this._titleLength = (ev.target as HTMLInputElement).value.length)}
          />
          <p class="counter" id="bk-title-count">${this.t('form.charactersLeft', { count: TITLE_MAX - this._titleLength })}</p>
          <p class="field-error" id="bk-title-error">${e.title ?? ''}</p>
        </div>
        <div class="field">
          <label for="bk-description">${this.t('form.descriptionLabel')}</label>
          <p class="hint" id="bk-description-hint">${this.t('form.descriptionHint')}</p>
          <textarea
            id="bk-description"
            name="description"
            maxlength=${DESCRIPTION_MAX}
            aria-describedby="bk-description-hint bk-description-count bk-description-error"
            aria-invalid=${e.description ? 'true' : 'false'}
            @input=${(ev: InputEvent) => (this._descriptionLength = (ev.target as HTMLTextAreaElement).value.length)}
          ></textarea>
          <p class="counter" id="bk-description-count">${this.t('form.charactersLeft', { count: DESCRIPTION_MAX - this._descriptionLength })}</p>
          <p class="field-error" id="bk-description-error">${e.description ?? ''}</p>
        </div>
        <p class="form-error" role="alert">${e.form ?? ''}</p>
        <div class="actions">
          <button type="submit" class="button primary" aria-disabled=${this._submitting ? 'true' : 'false'}>
            ${this._submitting ? this.t('form.submitting') : this.t('form.submit')}
          </button>
          <button type="button" class="button" @click=${this.#closeForm}>${this.t('form.cancel')}</button>
        </div>
      </form>
    `;
  }

  #renderContent() {
    if (this._status === 'loading') {
      return html`<div role="status">
        <span class="visually-hidden">${this.t('board.loading')}</span>
        <div class="skeleton" aria-hidden="true"></div>
        <div class="skeleton" aria-hidden="true"></div>
      </div>`;
    }
    if (this._status === 'error') {
      // With the sign-in gone and nothing readable without it, the notice above says it all.
      if (this.sessionExpired && !this.signedIn && this.#errorIsSignIn) return nothing;
      return html`<div class="notice error" role="alert">
        <p>${this.t('error.loadFailed')} ${this._error}</p>
        <button type="button" class="button" @click=${() => this.#reload()}>${this.t('error.retry')}</button>
      </div>`;
    }
    if (this._items.length === 0) {
      return html`<p class="notice">${this.signedIn ? this.t('board.empty') : this.t('board.emptyReadOnly')}</p>`;
    }
    return html`
      <ol class="ideas" part="list" aria-label=${this.t('board.listLabel', { board: this._board?.name ?? this.board })}>
        ${this._items.map((idea) => this.#renderIdea(idea))}
      </ol>
      ${
        this._cursor
          ? html`<button type="button" class="button more" part="load-more" aria-disabled=${this._loadingMore ? 'true' : 'false'} @click=${this.#loadMore}>
            ${this._loadingMore ? this.t('board.loadingMore') : this.t('board.loadMore')}
          </button>`
          : nothing
      }
    `;
  }

  #renderIdea(idea: Idea) {
    const unit = idea.author.businessUnit;
    const byline = unit
      ? this.t('board.bylineWithUnit', { name: idea.author.name, unit })
      : this.t('board.byline', { name: idea.author.name });
    return html`
      <li class="idea" part="item" tabindex="-1" data-idea=${idea.id} aria-labelledby="bk-idea-${idea.id}">
        <bk-idea-vote .data=${idea} exportparts="button: vote-button, count: vote-count"></bk-idea-vote>
        <div class="idea-body">
          <h3 class="idea-title" part="title" id="bk-idea-${idea.id}">${idea.title}</h3>
          ${idea.description ? html`<p class="idea-description" part="description">${idea.description}</p>` : nothing}
          <p class="idea-meta" part="meta">${byline} · <time datetime=${idea.createdAt}>${relativeTime(this.locale, idea.createdAt)}</time></p>
        </div>
      </li>
    `;
  }
}
