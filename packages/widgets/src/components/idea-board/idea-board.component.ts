import type { Board, Budget, Idea, IdeaSort } from '@bridgekit/sdk';
import { isBridgekitError } from '@bridgekit/sdk/errors';
import { localize } from '@bridgekit/sdk/translations';
import { LIMITS } from '@bridgekit/sdk/types';
import { html, nothing, type PropertyValues } from 'lit';
import type { BkIdeaCreateEvent } from '../../events/idea-create.ts';
import type { BkVoteChangeEvent } from '../../events/vote-change.ts';
import { BridgekitElement } from '../../shared/bridgekit-element.ts';
import { usePart } from '../../shared/client.ts';
import { followControl } from '../../shared/follow-control.ts';
import { type MessageKey, registerFeature, relativeTime } from '../../shared/i18n.ts';
import { IdeaInPlaceLoad } from '../../shared/idea-in-place-load.ts';
import { boardPart } from '../../shared/ideas-board-part.ts';
import { ideasMessages } from '../../shared/messages/ideas.ts';
import { type Page, PagedList, renderLoadMore } from '../../shared/paged-list.ts';
import { headerStyles, heldStyles, pagedListStyles, sortStyles, tokens } from '../../shared/styles.ts';
import { userLink } from '../../shared/user-link.ts';
import '../idea-vote/idea-vote.ts';
// Through the vote control, whose chunk this page loads: one copy of vote-state.ts on the page, not two.
import { loadStepper, VoteChanges, withVoteState } from '../idea-vote/idea-vote.component.ts';
import { ideaBoardStyles } from './idea-board.styles.ts';

usePart(boardPart);

registerFeature(ideasMessages);

const SORTS: { value: IdeaSort; label: MessageKey }[] = [
  { value: 'top', label: 'board.sortTop' },
  { value: 'new', label: 'board.sortNew' },
  { value: 'trending', label: 'board.sortTrending' },
  { value: 'value', label: 'board.sortValue' },
  { value: 'value_per_effort', label: 'board.sortValuePerEffort' },
];
const isSort = (value: string): value is IdeaSort => SORTS.some((s) => s.value === value);
/** Placeholder rows while the first page loads. */
const SKELETON_ROWS = 4;

/**
 * An idea board: the ideas of one board with their support, status and evaluation, sorted by
 * most backed, newest, trending, value or value per effort; the intake form (with duplicate
 * suggestions); a vote control on each idea — on budget boards with the votes left. Each
 * title links to the idea's own view, which opens in place of the list (`<bk-idea>`), in the
 * page's address too: Back or "Back to the board" returns to the list. An address that opens
 * an idea (`#bk-idea=<id>`, or the tenant's idea page) opens it on arrival.
 *
 * @tag bk-idea-board
 * @summary List, back and submit IT-enabled ideas.
 *
 * @attr board - Slug of the board, e.g. `general`.
 * @attr sort - `top` (default), `new`, `trending`, `value` or `value_per_effort`.
 * @attr page-size - Ideas per page, 1–100 (default 20).
 * @attr tenant - Overrides the page's tenant for this element.
 *
 * @event bk-idea-create - The person submitted an idea ({@link BkIdeaCreateEvent}).
 * @event bk-vote-change - The person's vote on an idea changed; `state` is the server's answer, whole ({@link BkVoteChangeEvent}).
 * @event bk-error - A call to the API failed.
 *
 * @csspart base - The board's frame.
 * @csspart header - Heading, description and toolbar.
 * @csspart follow - The follow control (`bk-follow`) in the toolbar, for people signed in.
 * @csspart heading - The board's name.
 * @csspart sort - The sort menu.
 * @csspart budget - "3 of 10 votes left" (budget boards).
 * @csspart list - The list of ideas.
 * @csspart item - One idea.
 * @csspart title - An idea's title (a link to its view).
 * @csspart idea - The idea opened in place (`bk-idea`).
 * @csspart back - The "Back to the board" button.
 * @csspart description - An idea's description.
 * @csspart status - An idea's status badge.
 * @csspart reason - The reason given with a status.
 * @csspart meta - Author, support and date of an idea.
 * @csspart load-more - The "show more" button.
 * @csspart load-more-error - Why "show more" last failed, beside the button.
 * @csspart vote-error - A failed vote's message, under its idea's row.
 * @csspart outage - The page's one "Can't reach the service" banner, when this element failed first.
 * @csspart outage-placeholder - What shows instead while another element's banner says the service is out of reach.
 * @csspart vote-button - Each idea's vote button (from bk-idea-vote).
 * @csspart vote-count - Each idea's vote count (from bk-idea-vote).
 * @csspart session-notice - The "sign-in expired" notice.
 * @csspart confirmation - What the last action did ("Your idea … was submitted."): visible, and announced.
 *
 * @cssproperty --bk-idea-board-surface - Background of the board. Default `--bk-color-surface`.
 * @cssproperty --bk-idea-board-padding - Padding of the board. Default `1rem`.
 * @cssproperty --bk-idea-board-gap - Space between the board's parts. Default `0.75rem`.
 * @cssproperty --bk-idea-board-description-lines - Lines of description shown per idea. Default `3`.
 */
export class BkIdeaBoard extends BridgekitElement {
  static override styles = [tokens, headerStyles, sortStyles, pagedListStyles, heldStyles, ideaBoardStyles];
  static override properties = {
    board: { type: String, reflect: true },
    sort: { type: String, reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
    _board: { state: true },
    _formOpen: { state: true },
    _announcement: { state: true },
    _voteError: { state: true },
  };

  declare board: string;
  declare sort: IdeaSort;
  declare pageSize: number;
  declare _board: Board | null;
  declare _formOpen: boolean;
  declare _announcement: string;
  /** A failed vote's message, shown under its row (the vote control announces it). */
  declare _voteError: { id: string; text: string } | null;

  #list = new PagedList<Idea, Page<Idea> & { board?: Board }>(this, {
    fetch: async (cursor, signal) => {
      const client = this.client;
      if (!client) throw new Error('not configured');
      const query = { board: this.board, sort: this.#sort, limit: this.pageSize, signal };
      if (cursor) return localize(await client.ideas.list({ ...query, cursor }), this.locale);
      const [board, page] = await Promise.all([
        // A budget board's rows show steppers: their code loads beside the first page, not after it.
        client.boards.get(this.board, { signal }).then(async (b) => {
          if (b.settings.voting.mode === 'budget') await loadStepper();
          return localize(b, this.locale);
        }),
        client.ideas.list(query).then((p) => localize(p, this.locale)),
        this.#inPlace.load(),
      ]);
      return { ...page, board };
    },
    key: (idea) => idea.id,
    describe: (err, first) => (first ? this.describeError(err, 'error.notFoundBoard') : this.describeError(err)),
    onFirstPage: (page) => {
      if (page.board) this._board = page.board;
    },
    // Move keyboard focus to the first new idea so the reader continues where the list grew.
    onMore: (added) => {
      if (added[0]) this.#focusIdea = added[0].id;
    },
    onMoreFailed: (message) => {
      this._announcement = message;
    },
  });
  #focusIdea: string | null = null;
  #onVoteMessage = (text: string, id: string) => {
    if (text) this._voteError = { id, text };
    else if (this._voteError?.id === id) this._voteError = null;
  };
  /** Opening ideas in place: loaded with the first page, not before the board shows. */
  readonly #inPlace = new IdeaInPlaceLoad(this, () => this.client);

  constructor() {
    super();
    this.board = '';
    this.sort = 'top';
    this.pageSize = LIMITS.pageSize.default;
    this._board = null;
    this._formOpen = false;
    this._announcement = '';
    this._voteError = null;
    new VoteChanges(this, (e) => this.#followVote(e));
    // By name, not the events' classes: those load with the form that sends them.
    this.addEventListener('bk-idea-create', (e) => this.#onCreated(e.idea));
    this.addEventListener('bk-cancel', () => this.#closeForm());
  }

  /**
   * Keeps each idea's votes, supporters and business units, and the budget left, in step with
   * votes cast on the page: in the board's rows, or in any other control for one of its ideas.
   */
  #followVote(event: BkVoteChangeEvent): void {
    if (this.#list.items.some((i) => i.id === event.ideaId)) {
      this.#list.items = this.#list.items.map((i) => (i.id === event.ideaId ? withVoteState(i, event.state) : i));
    }
    const budget = event.state.budget;
    if (this._board && budget && event.board === this._board.slug) this._board = { ...this._board, budget };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('board') || changed.has('sort') || changed.has('tenant') || changed.has('pageSize')) this.#reload();
  }

  protected override updated(): void {
    if (this.#focusIdea) {
      this.renderRoot.querySelector<HTMLElement>(`[data-idea="${CSS.escape(this.#focusIdea)}"]`)?.focus();
      this.#focusIdea = null;
    }
  }

  protected configChanged(): void {
    this.#reload();
  }

  get #sort(): IdeaSort {
    return isSort(this.sort) ? this.sort : 'top';
  }

  #reload(): Promise<void> | undefined {
    if (!this.client || !this.board) {
      this.#list.abort();
      return;
    }
    return this.#list.load();
  }

  #onSort(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.sort = isSort(value) ? value : 'top';
  }

  async #openForm(): Promise<void> {
    // The form is loaded when first wanted: most readers only read and vote.
    await import('../idea-form/idea-form.ts');
    this._announcement = '';
    this._formOpen = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('bk-idea-form')?.focus();
  }

  #closeForm(): void {
    this._formOpen = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('.open-form')?.focus());
  }

  #onCreated(idea: Idea): void {
    this.#list.items = [idea, ...this.#list.items.filter((i) => i.id !== idea.id)];
    // A held idea counts nowhere until a moderator approves it.
    const published = idea.moderation.state === 'published';
    if (this._board && published) this._board = { ...this._board, ideaCount: this._board.ideaCount + 1 };
    this._formOpen = false;
    this._announcement = published ? this.t('form.submitted', { title: idea.title }) : this.t('form.submittedHeld', { title: idea.title });
    this.#focusIdea = idea.id;
  }

  get #canParticipate(): boolean {
    return this.signedIn && this._board?.open !== false;
  }

  protected override render() {
    if (!this.client) return html`<p class="notice error" part="base">${this.t('error.notConfigured')}</p>`;
    const board = this._board;
    const heading = board?.name ?? this.t('board.heading');
    return html`
      <section class="base" part="base" aria-labelledby="bk-heading" aria-busy=${this.#list.status === 'loading' ? 'true' : 'false'}>
        <div class="header" part="header">
          <div>
            <h2 id="bk-heading" part="heading">${heading}</h2>
            ${
              board?.description
                ? html`<p class="board-description">${board.description}</p>`
                : this.#list.status === 'loading'
                  ? html`<p class="board-description skeleton-line" aria-hidden="true"></p>`
                  : nothing
            }
            ${this.#renderBudget(board?.budget ?? null)}
          </div>
          <div class="toolbar">
            ${followControl(this.signedIn, 'board', board ? this.board : null)}
            <label class="sort">
              ${this.t('board.sortLabel')}
              <select part="sort" @change=${this.#onSort}>
                ${SORTS.map((s) => html`<option value=${s.value} ?selected=${this.#sort === s.value}>${this.t(s.label)}</option>`)}
              </select>
            </label>
            ${
              this.#canParticipate && !this._formOpen
                ? html`<button type="button" class="button primary open-form" aria-expanded="false" @click=${this.#openForm}>
                  ${this.t('form.open')}
                </button>`
                : nothing
            }
          </div>
        </div>
        ${this.#renderNotice(board)}
        ${this._formOpen && board ? html`<bk-idea-form .board=${this.board} .boardData=${board} .tenant=${this.tenant}></bk-idea-form>` : nothing}
        <p class="confirmation" part="confirmation" role="status">${this._announcement}</p>
        ${this.#inPlace.current?.open ? this.#inPlace.current.render(this.t('idea.backToBoard'), board) : this.#renderContent()}
      </section>
    `;
  }

  #renderBudget(budget: Budget | null) {
    if (!budget) return nothing;
    return html`<p class="budget" part="budget">${this.t('board.budgetLeft', { remaining: budget.remaining, total: budget.total })}</p>`;
  }

  #renderNotice(board: Board | null) {
    if (this.sessionExpired) return this.renderSessionNotice();
    if (!this.signedIn) return html`<p class="notice">${this.t('board.signInToParticipate')}</p>`;
    if (board && !board.open) return html`<p class="notice">${this.t('board.closedBoard')}</p>`;
    return nothing;
  }

  #renderContent() {
    const list = this.#list;
    if (list.status === 'loading') {
      // A screenful of rows of an idea's usual height: the list that replaces them moves little.
      return html`<div role="status" class="skeletons">
        <span class="visually-hidden">${this.t('board.loading')}</span>
        ${Array.from({ length: Math.max(1, Math.min(this.pageSize, SKELETON_ROWS)) }, () => html`<div class="skeleton" aria-hidden="true"></div>`)}
      </div>`;
    }
    if (list.status === 'error') {
      // With the sign-in gone and nothing readable without it, the notice above says it all.
      const signInRefused = isBridgekitError(list.failure) && list.failure.status === 401;
      if (this.sessionExpired && !this.signedIn && signInRefused) return nothing;
      return this.renderFailure(`${this.t('error.loadFailed')} ${list.error}`, () => this.#reload(), list.failure);
    }
    if (list.items.length === 0) {
      return html`<p class="notice">${this.#canParticipate ? this.t('board.empty') : this.t('board.emptyReadOnly')}</p>`;
    }
    return html`
      <ol class="ideas" part="list" aria-label=${this.t('board.listLabel', { board: this._board?.name ?? this.board })}>
        ${list.items.map((idea) => this.#renderIdea(idea))}
      </ol>
      ${renderLoadMore(list, this.t('board.loadMore'), this.t('board.loadingMore'))}
    `;
  }

  #renderIdea(idea: Idea) {
    const unit = idea.author.businessUnit;
    const byline = unit
      ? this.t('board.bylineWithUnit', { name: this.personName(idea.author.name), unit })
      : this.t('board.byline', { name: this.personName(idea.author.name) });
    const voting = this._board?.settings.voting;
    const maxVotes = voting?.mode === 'budget' ? voting.perIdea : 1;
    // One vote per person: the vote box's number is the supporters, so the byline names only their units.
    const support =
      maxVotes > 1
        ? this.t('board.support', { count: idea.supporters, units: this.t('board.units', { count: idea.businessUnits }) })
        : idea.businessUnits > 0
          ? this.t('board.supportUnits', { count: idea.businessUnits })
          : '';
    const { value, effort } = idea.score;
    const number = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 1 });
    return html`
      <li class="idea ${maxVotes > 1 ? 'budget-row' : ''}" part="item" tabindex="-1" data-idea=${idea.id} aria-labelledby="bk-idea-${idea.id}">
        ${
          idea.moderation.state === 'published'
            ? html`<bk-idea-vote
                .data=${idea}
                .maxVotes=${maxVotes}
                .budget=${this._board?.budget ?? null}
                .showMessage=${this.#onVoteMessage}
                exportparts="button: vote-button, count: vote-count"
              ></bk-idea-vote>`
            : html`<span></span>`
        }
        <div class="idea-body">
          <h3 class="idea-title" part="title" id="bk-idea-${idea.id}">${this.#inPlace.current?.link(idea) ?? idea.title}</h3>
          <div class="idea-rest">
            <p class="badges">
              ${idea.status.category === 'open' ? nothing : html`<span class="badge ${idea.status.category}" part="status">${idea.status.label}</span>`}
              ${idea.lane === 'change_request' ? html`<span class="badge lane">${this.t('board.changeRequest')}</span>` : nothing}
              ${value !== null && effort !== null ? html`<span class="badge score">${this.t('board.score', { value: number.format(value), effort: number.format(effort) })}</span>` : nothing}
            </p>
            ${
              idea.status.reason
                ? html`<p class="reason" part="reason">
                  ${idea.status.reason}
                  ${idea.status.link ? html` ${userLink(idea.status.link, this.t('board.reasonLink'))}` : nothing}
                </p>`
                : nothing
            }
            ${
              // Only its author sees a held or rejected idea: tell them where it stands, and why.
              idea.moderation.state === 'published'
                ? nothing
                : html`<p class="held" part="held">
                  ${this.t(idea.moderation.state === 'pending' ? 'board.held' : 'board.rejected', {
                    reason: this.reasonText(idea.moderation.reasonCode, idea.moderation.reasonParams, idea.moderation.reason ?? ''),
                  })}
                </p>`
            }
            ${idea.description ? html`<p class="idea-description" part="description">${idea.description}</p>` : nothing}
            <p class="idea-meta" part="meta">
              ${byline} · ${support ? html`${support} · ` : nothing}<time datetime=${idea.createdAt}>${relativeTime(this.locale, idea.createdAt)}</time>
            </p>
          </div>
        </div>
        ${this._voteError?.id === idea.id ? html`<p class="vote-error" part="vote-error" aria-hidden="true">${this._voteError.text}</p>` : nothing}
      </li>
    `;
  }
}
