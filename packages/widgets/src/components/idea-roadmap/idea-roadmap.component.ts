import type { RoadmapColumn } from '@bridgekit/sdk';
import { ideasPart } from '@bridgekit/sdk/parts/ideas';
import { localize } from '@bridgekit/sdk/translations';
import { html, nothing } from 'lit';
import type { BkVoteChangeEvent } from '../../events/vote-change.ts';
import { BoardLoad } from '../../shared/board-load.ts';
import { BridgekitElement } from '../../shared/bridgekit-element.ts';
import { usePart } from '../../shared/client.ts';
import type { MessageKey } from '../../shared/i18n.ts';
import { registerFeature } from '../../shared/i18n.ts';
import { IdeaInPlaceLoad } from '../../shared/idea-in-place-load.ts';
import { ideasMessages } from '../../shared/messages/ideas.ts';
import { roadmapMessages } from '../../shared/messages/roadmap.ts';
import { skeletonStyles, tokens } from '../../shared/styles.ts';
import { VoteChanges, withVoteState } from '../../shared/vote-state.ts';
import { ideaRoadmapStyles } from './idea-roadmap.styles.ts';

usePart(ideasPart);

registerFeature(ideasMessages);
registerFeature(roadmapMessages);

const COLUMN_NAMES: Record<RoadmapColumn['category'], MessageKey> = {
  under_review: 'roadmap.under_review',
  planned: 'roadmap.planned',
  in_progress: 'roadmap.in_progress',
  done: 'roadmap.done',
};

/**
 * The roadmap of a board: its ideas under review, planned, in progress and done, most recently
 * moved first — what became of the demand, for everyone to see. Each title links to the idea's
 * own view, which opens in place of the columns (`<bk-idea>`), in the page's address too: Back
 * or "Back to the roadmap" returns to them.
 *
 * @tag bk-idea-roadmap
 * @summary A board's ideas by status category.
 *
 * @attr board - Slug of the board.
 * @attr tenant - Overrides the page's tenant for this element.
 *
 * @event bk-error - A call to the API failed.
 *
 * @csspart base - The frame.
 * @csspart column - One column.
 * @csspart idea - The idea opened in place (`bk-idea`).
 * @csspart back - The "Back to the roadmap" button.
 * @cssproperty --bk-idea-roadmap-column - Background of a column. Default `--bk-color-surface-subtle`.
 */
export class BkIdeaRoadmap extends BridgekitElement {
  static override styles = [tokens, skeletonStyles, ideaRoadmapStyles];
  static override properties = {
    board: { type: String, reflect: true },
    _columns: { state: true },
    _name: { state: true },
  };

  declare board: string;
  declare _columns: RoadmapColumn[];
  declare _name: string;
  readonly #inPlace = new IdeaInPlaceLoad(this, () => this.client);
  readonly #load = new BoardLoad(this, {
    client: () => this.client,
    fetch: async (client, board) => {
      // Titles link to ideas opened in place: loaded with the data, not before the roadmap shows.
      const [b, columns] = await Promise.all([client.boards.get(board), client.boards.roadmap(board), this.#inPlace.load()]);
      return [b, columns] as const;
    },
    show: (loaded) => {
      const [board, columns] = localize(loaded, this.locale);
      this._name = board.name;
      this._columns = columns;
    },
    describe: (err) => this.describeError(err, 'error.notFoundBoard'),
  });

  constructor() {
    super();
    this.board = '';
    this._columns = [];
    this._name = '';
    new VoteChanges(this, (event) => this.#followVote(event));
  }

  /** A vote on one of the roadmap's ideas, anywhere on the page: its support changes here too. */
  #followVote(event: BkVoteChangeEvent): void {
    if (!this._columns.some((c) => c.ideas.some((i) => i.id === event.ideaId))) return;
    this._columns = this._columns.map((column) => ({
      ...column,
      ideas: column.ideas.map((i) => (i.id === event.ideaId ? withVoteState(i, event.state) : i)),
    }));
  }

  protected configChanged(): void {
    void this.#load.load();
  }

  /** The columns with their names and a placeholder row each, as the roadmap will show them. */
  #renderLoading() {
    return html`<p class="visually-hidden" role="status">${this.t('roadmap.loading')}</p>
      <div class="columns-loading" aria-hidden="true">
      ${Object.values(COLUMN_NAMES).map(
        (name) => html`<div class="column">
          <h3>${this.t(name)}</h3>
          <div class="skeleton"></div>
        </div>`,
      )}
    </div>`;
  }

  protected override render() {
    if (!this.client) return html`<p class="notice error" part="base">${this.t('error.notConfigured')}</p>`;
    const count = new Intl.NumberFormat(this.locale);
    const { status } = this.#load;
    return html`
      <section class="base" part="base" aria-labelledby="bk-roadmap-heading" aria-busy=${status === 'loading' ? 'true' : 'false'}>
        <h2 id="bk-roadmap-heading">${this.t('roadmap.heading', { board: this._name || this.board })}</h2>
        ${status === 'loading' ? this.#renderLoading() : nothing}
        ${status === 'error' ? this.renderFailure(this.#load.error, () => this.#load.load()) : nothing}
        ${
          this.#inPlace.current?.open
            ? this.#inPlace.current.render(this.t('idea.backToRoadmap'))
            : status === 'ready'
              ? html`<div class="columns">
              ${this._columns.map(
                (column) => html`<section class="column" part="column" aria-labelledby="bk-col-${column.category}">
                  <h3 id="bk-col-${column.category}">${this.t(COLUMN_NAMES[column.category])} (${count.format(column.ideas.length)})</h3>
                  ${
                    column.ideas.length === 0
                      ? html`<p class="empty">${this.t('roadmap.empty')}</p>`
                      : html`<ol>
                        ${column.ideas.map(
                          (idea) => html`<li>
                            <span class="title">${this.#inPlace.current?.link(idea) ?? idea.title}</span>
                            <span class="meta">${this.t('board.support', { count: idea.supporters, units: this.t('board.units', { count: idea.businessUnits }) })}</span>
                          </li>`,
                        )}
                      </ol>`
                  }
                </section>`,
              )}
            </div>`
              : nothing
        }
      </section>
    `;
  }
}
