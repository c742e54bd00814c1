import type { Board, Idea, IdeaRevision, IdeaView, IntakeDecision, ItemPages, ItemRef, Role, Viewer } from '@bridgekit/sdk';
import { isBridgekitError } from '@bridgekit/sdk/errors';
import { ideasPart } from '@bridgekit/sdk/parts/ideas';
import { localize } from '@bridgekit/sdk/translations';
import { html, nothing, type PropertyValues } from 'lit';
import { BkItemOpenEvent } from '../../events/item-open.ts';
import type { BkVoteChangeEvent } from '../../events/vote-change.ts';
import { BridgekitElement } from '../../shared/bridgekit-element.ts';
import { usePart } from '../../shared/client.ts';
import { followControl } from '../../shared/follow-control.ts';
import { type MessageKey, type Params, registerFeature } from '../../shared/i18n.ts';
import { copyLink, itemPages, itemUrl, LinkedItemController, showInUrl } from '../../shared/item-links.ts';
import { ideaMessages } from '../../shared/messages/idea.ts';
import { ideaFormMessages } from '../../shared/messages/idea-form.ts';
import { ideasMessages } from '../../shared/messages/ideas.ts';
import { heldStyles, tokens } from '../../shared/styles.ts';
import { userLink } from '../../shared/user-links.ts';
import { viewer } from '../../shared/viewer.ts';
import '../idea-vote/idea-vote.ts';
// Through the vote control, whose chunk this page loads: one copy of vote-state.ts on the page, not two.
import { loadStepper, VoteChanges, withVoteState } from '../idea-vote/idea-vote.component.ts';
import { ideaStyles } from './idea.styles.ts';
import type { EditErrors } from './idea-edit.ts';

usePart(ideasPart);

registerFeature(ideasMessages);
registerFeature(ideaFormMessages);

registerFeature(ideaMessages);

type Status = 'none' | 'loading' | 'ready' | 'missing' | 'error';
type Part = 'thread' | 'related';

/** Parts of the view that load after it: the discussion, and related content when its element is in the build. */
const PARTS: Record<Part, () => Promise<unknown>> = {
  thread: () => import('../thread/thread.ts'),
  related: () => import('../related/related.ts'),
};
const TAGS: Record<Part, string> = { thread: 'bk-thread', related: 'bk-related' };
const EVALUATORS: ReadonlySet<Role> = new Set(['evaluator', 'moderator', 'admin']);
const MODERATORS: ReadonlySet<Role> = new Set(['moderator', 'admin']);
/** The change in progress: the edit form, the withdrawal's confirmation, or the merge's picker. */
export type Change = 'edit' | 'withdraw' | 'merge' | null;
/** Edit, Withdraw, Merge into… and the earlier texts: loaded for those who may change the idea, or when it has earlier texts. */
let changes: typeof import('./idea-changes.ts') | undefined;
/** The requester's answer to a deflection: loaded when a deflected idea is shown. */
let needMet: typeof import('./need-met.ts') | undefined;

/** A plain click: the others (a new tab, a download, a context menu) are the browser's. */
const plainClick = (event: MouseEvent) =>
  event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey && !event.defaultPrevented;

/**
 * One idea on its own page: its title, full description and business case, who shared it and
 * when, its status in the reader's language with the reason and the practice card that
 * answered it, every status change, the vote control, support by business unit, the
 * evaluators' averages (for evaluators), where it came from and what it is linked to, its own
 * discussion, and a link to copy. Boards and roadmaps open it in place; it stands on its own
 * too. Links to other ideas (a duplicate, the idea it was merged into) open them in place, and
 * the page's address follows, so Back returns to the one before. Its author (or whoever
 * recorded it for them) edits or withdraws it, moderators edit it or merge it into another
 * idea; its earlier texts are behind "History (N)".
 *
 * @tag bk-idea
 * @summary One idea on its own: its description, business case, status history, support and discussion.
 *
 * @attr idea - Id of the idea. Without it, the idea the page's address opens: `#bk-idea=<id>`, `?bk-idea=<id>` or the tenant's idea page; Back and Forward then change it.
 * @attr tenant - Overrides the page's tenant for this element.
 * @prop {Board} boardData - The idea's board, when the host has it (its statuses and voting rules); otherwise it is fetched.
 *
 * @event bk-item-open - A link to another idea or a practice card is being followed ({@link BkItemOpenEvent}); cancel it to show the item yourself.
 * @event bk-vote-change - The person's vote changed (from the vote control).
 * @event bk-error - A call to the API failed.
 *
 * @csspart base - The view's frame.
 * @csspart header - Title, badges, byline, vote control and the copy button.
 * @csspart title - The idea's title.
 * @csspart status - The status badge.
 * @csspart meta - Who shared it, when, on which board.
 * @csspart copy-link - The "Copy link" button.
 * @csspart follow - The follow control (`bk-follow`), for people signed in.
 * @csspart description - The full description.
 * @csspart business-case - The business case's fields.
 * @csspart reason - The reason given with the status.
 * @csspart history - The status history.
 * @csspart support - Support, by business unit.
 * @csspart evaluation - The evaluators' averages.
 * @csspart intake - Its sponsor, demand class, objectives, the intake's steps and its business case.
 * @csspart connections - Source card, merges and the cards that cite it.
 * @csspart link - Each link to another idea or a practice card.
 * @csspart related - Where related content (`bk-related`) shows.
 * @csspart discussion - Where the discussion shows.
 * @csspart thread - The discussion itself (`bk-thread`).
 * @csspart vote-button - The vote button (from bk-idea-vote).
 * @csspart vote-count - The vote count (from bk-idea-vote).
 * @csspart session-notice - The "sign-in expired" notice.
 * @csspart edited - "Edited on …", when its text was changed.
 * @csspart revisions - The "History (N)" disclosure of its earlier texts.
 * @csspart score-outdated - For evaluators: "Changed after it was scored".
 * @csspart actions - Edit, Withdraw and Merge into…, for whoever may.
 * @csspart edit-form - The edit form, in place of the text.
 * @csspart withdraw-form - The withdrawal's confirmation, with an optional reason.
 * @csspart merge-form - The merge's picker (moderators).
 *
 * @cssproperty --bk-idea-surface - Background of the view. Default `--bk-color-surface`.
 * @cssproperty --bk-idea-padding - Padding of the view. Default `1rem`.
 * @cssproperty --bk-idea-gap - Space between its sections. Default `1rem`.
 */
export class BkIdea extends BridgekitElement {
  static override styles = [tokens, heldStyles, ideaStyles];
  static override properties = {
    idea: { type: String, reflect: true },
    boardData: { attribute: false },
    _current: { state: true },
    _view: { state: true },
    _board: { state: true },
    _status: { state: true },
    _error: { state: true },
    _announcement: { state: true },
    _parts: { state: true },
    _viewer: { state: true },
    _change: { state: true },
    _changeErrors: { state: true },
    _busy: { state: true },
    _revisions: { state: true },
    _message: { state: true },
    _intake: { state: true },
  };

  declare idea: string;
  declare boardData: Board | undefined;
  /** The idea shown: `idea`, the address's, or one opened in place from a link. */
  declare _current: string | null;
  declare _view: IdeaView | null;
  declare _board: Board | null;
  declare _status: Status;
  declare _error: string;
  declare _announcement: string;
  declare _parts: Partial<Record<Part, 'ready' | 'failed'>>;
  /** Who reads: what they may change. */
  declare _viewer: Viewer['user'];
  declare _change: Change;
  declare _changeErrors: EditErrors & { withdraw?: string; merge?: string };
  declare _busy: boolean;
  /** The idea's earlier texts, once its history is opened; `'failed'` when they could not be loaded. */
  declare _revisions: IdeaRevision[] | 'failed' | null;
  /** What a change did, announced. */
  declare _message: string;
  /** The intake's decisions, oldest first (none when they could not be loaded). */
  declare _intake: IntakeDecision[];

  #pages: ItemPages = {};
  #load: AbortController | null = null;
  /** Ideas this element has shown for its `idea`: Back and Forward among them follow the address. */
  #visited = new Set<string>();
  #focusTitle = false;
  #linked = new LinkedItemController(this, 'idea', (id) => this.#followAddress(id));

  constructor() {
    super();
    this.idea = '';
    this._current = null;
    this._view = null;
    this._board = null;
    this._status = 'none';
    this._error = '';
    this._announcement = '';
    this._parts = {};
    this._viewer = null;
    this._change = null;
    this._changeErrors = {};
    this._busy = false;
    this._revisions = null;
    this._message = '';
    this._intake = [];
    new VoteChanges(this, (event) => this.#followVote(event));
  }

  /** Moves focus to the idea's title, e.g. when a board opened it in place. */
  override focus(options?: FocusOptions): void {
    void this.updateComplete.then(() => {
      const title = this.renderRoot.querySelector<HTMLElement>('#bk-idea-title');
      if (title) title.focus(options);
      else this.#focusTitle = true;
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved on the page while it loaded: the load was given up on disconnect.
    if (this.hasUpdated && this._status === 'loading') void this.#fetch();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#load?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('idea')) {
      this.#visited = new Set(this.idea ? [this.idea] : []);
      this._current = this.idea || this.#linked.id;
    }
    if (changed.has('_current') || changed.has('tenant')) void this.#fetch();
    if (changed.has('boardData') && this.boardData) this._board = localize(this.boardData, this.locale);
  }

  protected override updated(): void {
    if (this.#focusTitle && this._status !== 'loading') {
      const title = this.renderRoot.querySelector<HTMLElement>('#bk-idea-title');
      if (title) {
        this.#focusTitle = false;
        title.focus();
      }
    }
  }

  protected configChanged(): void {
    void this.#fetch();
  }

  /** Back, Forward or a pasted link changed the idea in the address. */
  #followAddress(id: string | null): void {
    if (!this.idea) this._current = id;
    else if (id === null) this._current = this.idea;
    else if (this.#visited.has(id)) this._current = id;
  }

  /** A vote cast here or anywhere on the page: its counts at once, then the support by unit. */
  #followVote(event: BkVoteChangeEvent): void {
    const view = this._view;
    if (!view || event.ideaId !== view.idea.id) return;
    this._view = { ...view, idea: withVoteState(view.idea, event.state) };
    if (event.state.budget && this._board) this._board = { ...this._board, budget: event.state.budget };
    void this.#fetch(true);
  }

  /** Loads the view of the current idea; `quiet` keeps showing the old one meanwhile. */
  async #fetch(quiet = false): Promise<void> {
    this.#load?.abort();
    const client = this.client;
    const id = this._current;
    if (!client || !id) {
      this._status = 'none';
      this._view = null;
      return;
    }
    const load = new AbortController();
    this.#load = load;
    if (!quiet) this._status = 'loading';
    void itemPages(client, load.signal).then((pages) => {
      if (load.signal.aborted) return;
      this.#pages = pages;
      this.#linked.pages = pages;
      this.requestUpdate();
    });
    try {
      const [found, user, intake] = await Promise.all([
        client.ideas.view(id, { signal: load.signal }),
        viewer(client, load.signal).then(
          (me) => me.user,
          () => null,
        ),
        client.intake.list(id, { signal: load.signal }).catch(() => []),
      ]);
      const view = localize(found, this.locale);
      const board =
        this._board?.slug === view.board.slug
          ? this._board
          : await client.boards.get(view.board.slug, { signal: load.signal }).then(
              (b) => localize(b, this.locale),
              () => null,
            );
      // A budget board's idea shows a stepper: its code loads before the idea shows.
      if (board?.settings.voting.mode === 'budget') await loadStepper();
      if (load.signal.aborted) return;
      if (this._view?.idea.id !== view.idea.id || this._view.idea.editedAt !== view.idea.editedAt) this._revisions = null;
      if (this._view?.idea.id !== view.idea.id) this._change = null;
      this._view = view;
      this._intake = intake;
      this._viewer = user;
      this._board = board;
      this._status = 'ready';
      this.#loadParts();
      if (!changes && (view.idea.editedAt || this._isOwn(view) || this._isModerator())) {
        void import('./idea-changes.ts').then((m) => {
          changes = m;
          this.requestUpdate();
        });
      }
    } catch (err) {
      if (load.signal.aborted) return;
      if (quiet) return;
      this._view = null;
      const missing = isBridgekitError(err) && err.status === 404;
      // Said once its text is here: no empty alert while the error texts load.
      const error = await this.describeError(err, 'idea.notFound');
      if (load.signal.aborted) return;
      this._error = error;
      this._status = missing ? 'missing' : 'error';
    }
  }

  /** The discussion and related content, loaded once the idea is here. */
  #loadParts(): void {
    for (const part of ['thread', 'related'] as const) {
      if (this._parts[part]) continue;
      if (customElements.get(TAGS[part])) {
        this._parts = { ...this._parts, [part]: 'ready' };
        continue;
      }
      void PARTS[part]().then(
        () => (this._parts = { ...this._parts, [part]: 'ready' }),
        () => (this._parts = { ...this._parts, [part]: 'failed' }),
      );
    }
  }

  /** Another idea, opened here, with an entry in the page's history so Back returns. */
  #openIdea(event: MouseEvent, ref: ItemRef): void {
    if (!this.#announceOpen(event, 'idea', ref)) return;
    event.preventDefault();
    this.#visited.add(ref.id);
    this.#focusTitle = true;
    this._current = ref.id;
    showInUrl('idea', ref.id);
  }

  /** Tells the page a link is being followed; `false` when the page takes it over. */
  #announceOpen(event: MouseEvent, kind: 'idea' | 'card', ref: ItemRef): boolean {
    if (!plainClick(event)) return false;
    const open = new BkItemOpenEvent({ kind, id: ref.id, url: itemUrl(this.#pages, kind, ref.id) });
    this.dispatchEvent(open);
    if (!open.defaultPrevented) return true;
    event.preventDefault();
    return false;
  }

  async #copyLink(): Promise<void> {
    const view = this._view;
    if (!view) return;
    const url = itemUrl(this.#pages, 'idea', view.idea.id);
    // Emptied first, so the same message twice is announced twice.
    this._announcement = '';
    const copied = await copyLink(url);
    this._announcement = copied ? this.t('idea.linkCopied', { title: view.idea.title }) : this.t('idea.copyFailed', { url });
  }

  /** The reader wrote the idea, or recorded it for its author (the API's `mine`). */
  _isOwn({ idea }: IdeaView): boolean {
    return idea.mine;
  }

  _isModerator(): boolean {
    return Boolean(this._viewer && MODERATORS.has(this._viewer.role));
  }

  /** What the changes' module uses of this element's own API. */
  get _api() {
    return {
      client: this.client,
      locale: this.locale,
      t: (key: MessageKey, params?: Params) => this.t(key, params),
      describe: (err: unknown) => this.describeError(err),
    };
  }

  /** Reloads the idea, showing it meanwhile: after a change. */
  _refresh(): Promise<void> {
    return this.#fetch(true);
  }

  protected override render() {
    if (!this.client) return html`<p class="notice error" part="base">${this.t('error.notConfigured')}</p>`;
    switch (this._status) {
      case 'none':
        return html`<p class="notice" part="base">${this.t('idea.none')}</p>`;
      case 'loading':
        return html`<div class="base" part="base" role="status" aria-busy="true">
          <span class="visually-hidden">${this.t('idea.loading')}</span>
          <div class="skeleton title" aria-hidden="true"></div>
          <div class="skeleton" aria-hidden="true"></div>
        </div>`;
      case 'missing':
        return html`<div class="notice" part="base" role="alert"><p>${this._error}</p></div>`;
      case 'error':
        return html`<div part="base">${this.renderFailure(`${this.t('idea.loadFailed')} ${this._error}`, () => this.#fetch())}</div>`;
    }
    const view = this._view;
    return view ? this.#renderView(view) : nothing;
  }

  #renderView(view: IdeaView) {
    const { idea } = view;
    return html`
      <article class="base" part="base" aria-labelledby="bk-idea-title">
        ${this.renderSessionNotice()} ${this.#renderMerged(view)}
        <header class="header" part="header">
          ${
            idea.moderation.state === 'published'
              ? html`<bk-idea-vote
                  class="vote"
                  variant="inline"
                  .data=${idea}
                  .maxVotes=${this._board?.settings.voting.mode === 'budget' ? this._board.settings.voting.perIdea : 1}
                  .budget=${this._board?.budget ?? null}
                  exportparts="button: vote-button, count: vote-count"
                ></bk-idea-vote>`
              : nothing
          }
          <div class="heading">
            <h2 id="bk-idea-title" part="title" tabindex="-1">${idea.title}</h2>
            <p class="badges">
              <span class="badge ${idea.status.category}" part="status">${idea.status.label}</span>
              <span class="badge lane">${this.t(idea.lane === 'change_request' ? 'board.changeRequest' : 'idea.laneOpportunity')}</span>
            </p>
            <p class="meta" part="meta">${this.#byline(view)}</p>
            ${this.#renderEdited(view)}
          </div>
          <div class="copy">
            ${followControl(this.signedIn, 'idea', idea.id)}
            <button type="button" class="button" part="copy-link" @click=${this.#copyLink}>${this.t('idea.copyLink')}</button>
            <p class="copied" role="status">${this._announcement}</p>
          </div>
        </header>
        ${this.#renderHeld(view)} ${this.#renderOutdated(view)} ${changes?.renderActions(this, view) ?? nothing}
        ${
          changes?.renderEdit(this, view) ??
          html`${this.#section(
            'description',
            'idea.description',
            idea.description
              ? html`<p class="description" part="description">${idea.description}</p>`
              : html`<p class="subtle">${this.t('idea.noDescription')}</p>`,
            null,
          )}
              ${this.#renderBusinessCase(view)}`
        }
        ${this.#renderStatus(view)} ${this.#renderIntake(view)} ${this.#renderHistory(view)} ${this.#renderSupport(view)}
        ${this.#renderEvaluation(view)} ${this.#renderConnections(view)}
        ${
          this._parts.related === 'ready'
            ? html`<div class="related" part="related"><bk-related kind="idea" item-id=${idea.id}></bk-related></div>`
            : nothing
        }
        ${this.#renderDiscussion(view)}
      </article>
    `;
  }

  /** "Edited on …", and the earlier texts behind a disclosure. */
  #renderEdited(view: IdeaView) {
    const { idea } = view;
    if (!idea.editedAt) return nothing;
    const date = new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium' }).format(new Date(idea.editedAt));
    return html`<p class="meta" part="edited">${this.t('idea.edited', { date })}</p>
      ${changes?.renderRevisions(this, view) ?? nothing}`;
  }

  #renderOutdated({ idea }: IdeaView) {
    if (!idea.scoreOutdated || !this._viewer || !EVALUATORS.has(this._viewer.role)) return nothing;
    return html`<p class="notice outdated" part="score-outdated">${this.t('idea.scoreOutdated')}</p>`;
  }

  /** A section with its heading; its part is its name unless said otherwise (`null`: none). */
  #section(name: string, heading: MessageKey, content: unknown, part: string | null = name) {
    return html`<section class=${name} part=${part ?? nothing} aria-labelledby="bk-idea-${name}">
      <h3 id="bk-idea-${name}">${this.t(heading)}</h3>
      ${content}
    </section>`;
  }

  #byline({ idea, board }: IdeaView): string {
    const date = new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium' }).format(new Date(idea.createdAt));
    const unit = idea.author.businessUnit;
    const name = this.personName(idea.author.name);
    const byline = unit ? this.t('idea.bylineWithUnit', { name, unit, date }) : this.t('idea.byline', { name, date });
    const recorded = idea.recordedBy ? ` · ${this.t('idea.recordedBy', { recorder: this.personName(idea.recordedBy.name), name })}` : '';
    return `${byline}${recorded} · ${this.t('idea.onBoard', { board: board.name })}`;
  }

  /** The view of the idea a link named redirects here when that one was merged into this one. */
  #renderMerged(view: IdeaView) {
    if (this._current === view.idea.id) return nothing;
    return html`<p class="notice merged">${this.t('idea.merged')} ${this.#ideaLink(view.idea)}</p>`;
  }

  #renderHeld({ idea }: IdeaView) {
    if (idea.moderation.state === 'published') return nothing;
    const reason = this.reasonText(idea.moderation.reasonCode, idea.moderation.reasonParams, idea.moderation.reason ?? '');
    return html`<p class="held" part="held">${this.t(idea.moderation.state === 'pending' ? 'board.held' : 'board.rejected', { reason })}</p>`;
  }

  #renderBusinessCase({ idea }: IdeaView) {
    const bc = idea.businessCase;
    const rows: [MessageKey, string | null][] = [
      ['form.problem', bc.problem],
      // The sponsoring unit by its name; the text typed before units were data otherwise.
      ['form.beneficiary', idea.unit?.name ?? bc.beneficiary],
      ['idea.impactedUnits', idea.impactedUnits.map((u) => u.name).join(', ') || null],
      ['form.valueType', bc.valueType ? this.t(`valueType.${bc.valueType}`) : null],
      ['form.effort', bc.effort ? this.t(`effort.${bc.effort}`) : null],
      ['form.objective', bc.objective],
    ];
    const given = rows.filter(([, value]) => value);
    if (given.length === 0) return nothing;
    return this.#section(
      'business-case',
      'form.businessCase',
      html`<dl>${given.map(([label, value]) => html`<dt>${this.t(label)}</dt><dd>${value}</dd>`)}</dl>`,
    );
  }

  #renderStatus({ idea, answeredBy }: IdeaView) {
    const { status } = idea;
    return this.#section(
      'status',
      'idea.status',
      html`
        <p><span class="badge ${status.category}">${status.label}</span></p>
        ${
          status.reason || status.link
            ? html`<p class="reason" part="reason">
              ${status.reason ?? nothing} ${status.link ? userLink(status.link, this.t('board.reasonLink')) : nothing}
            </p>`
            : nothing
        }
        ${answeredBy ? html`<p>${this.t('idea.answeredBy')} ${this.#cardLink(answeredBy)}</p>` : nothing}
        ${status.revisitOn ? html`<p>${this.t('idea.revisitOn', { date: this.#day(status.revisitOn) })}</p>` : nothing}
        ${status.deflection ? this.#renderNeedMet(idea) : nothing}
      `,
      null,
    );
  }

  /** Sponsor, demand class, the objectives it serves, the intake's steps taken and the business case made when approved. */
  #renderIntake({ idea }: IdeaView) {
    const { sponsor, demandClass, objectives, intake } = idea;
    const step = (key: string) => this.t(`intake.step.${key}` as MessageKey);
    const rows: [MessageKey, unknown][] = [
      ['idea.intakeStep', step(intake.step)],
      ['idea.sponsor', sponsor ? this.personName(sponsor.name) : null],
      ['idea.demandClass', demandClass?.label ?? null],
      [
        'idea.objectives',
        objectives.length === 0
          ? null
          : html`<ul class="links">
            ${objectives.map((o) => html`<li>${o.card ? this.#cardLink({ id: o.card.id, title: o.title }) : o.title} <span class="subtle">(${o.unit.name})</span></li>`)}
          </ul>`,
      ],
      ['idea.caseCard', intake.caseCard ? this.#cardLink(intake.caseCard) : null],
    ];
    const decisions = this._intake;
    return this.#section(
      'intake',
      'idea.intake',
      html`<dl>${rows.filter(([, value]) => value).map(([label, value]) => html`<dt>${this.t(label)}</dt><dd>${value}</dd>`)}</dl>
        ${
          decisions.length === 0
            ? nothing
            : html`<h4>${this.t('idea.intakeDecisions')}</h4>
              <ol class="changes">
                ${decisions.map(
                  (d) => html`<li>
                    <p>
                      ${this.t('idea.intakeDecision', { step: step(d.step), date: this.#day(d.decidedOn) })}${d.forum ? html` ${this.t('idea.intakeForum', { forum: d.forum })}` : nothing}${
                        d.decider ? html`, ${this.t('idea.intakeDecider', { name: this.personName(d.decider.name) })}` : nothing
                      }
                    </p>
                    ${d.note ? html`<p class="reason">${d.note}</p>` : nothing}
                  </li>`,
                )}
              </ol>`
        }`,
    );
  }

  /** "Did this answer your need?" on a deflected idea: loaded when one is shown. */
  #renderNeedMet(idea: Idea) {
    if (needMet) return needMet.renderNeedMet(this, idea);
    void import('./need-met.ts').then((module) => {
      needMet = module;
      this.requestUpdate();
    });
    return nothing;
  }

  /** A `YYYY-MM-DD` date in the reader's language. */
  #day(date: string): string {
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
  }

  #renderHistory({ history }: IdeaView) {
    const day = new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium' });
    const label = (key: string) => this._board?.statuses.find((s) => s.key === key)?.label ?? key;
    return this.#section(
      'history',
      'idea.history',
      history.length === 0
        ? html`<p class="subtle">${this.t('idea.noHistory')}</p>`
        : html`<ol class="changes">
          ${history.map(
            (change) => html`<li>
              <p>${this.t('idea.historyItem', { status: label(change.to), by: this.personName(change.by), date: day.format(new Date(change.at)) })}</p>
              ${change.reason || change.link ? html`<p class="reason">${change.reason ?? nothing} ${change.link ? userLink(change.link, this.t('board.reasonLink')) : nothing}</p>` : nothing}
              ${change.card ? html`<p>${this.t('idea.answeredBy')} ${this.#cardLink(change.card)}</p>` : nothing}
            </li>`,
          )}
        </ol>`,
    );
  }

  #renderSupport({ idea, supportByUnit, providerSupporters }: IdeaView) {
    return this.#section(
      'support',
      'idea.support',
      idea.supporters === 0
        ? html`<p class="subtle">${this.t('idea.noSupport')}</p>`
        : html`
          <p>${this.t('board.support', { count: idea.supporters, units: this.t('board.units', { count: idea.businessUnits }) })}</p>
          <ul class="units" aria-label=${this.t('idea.supportByUnit')}>
            ${supportByUnit.map(
              (s) => html`<li>
                ${this.t('idea.unitSupport', {
                  unit: s.unit?.name ?? this.t('idea.noUnit'),
                  supporters: this.t('board.supporters', { count: s.supporters }),
                })}
              </li>`,
            )}
          </ul>
          ${providerSupporters > 0 ? html`<p class="subtle">${this.t('idea.providerSupport', { count: providerSupporters })}</p>` : nothing}
        `,
    );
  }

  #renderEvaluation({ evaluation }: IdeaView) {
    if (!evaluation) return nothing;
    const number = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 1 });
    return this.#section(
      'evaluation',
      'idea.evaluation',
      evaluation.evaluators === 0
        ? html`<p class="subtle">${this.t('idea.notScored')}</p>`
        : html`
          <p>${this.t('idea.evaluators', { count: evaluation.evaluators })}</p>
          <dl>
            ${evaluation.criteria.map(
              (c) => html`<dt>${c.label}</dt><dd>${c.average === null ? this.t('idea.criterionUnscored') : number.format(c.average)}</dd>`,
            )}
          </dl>
        `,
    );
  }

  #renderConnections({ sourceCard, mergedInto, duplicates, citedBy }: IdeaView) {
    if (!sourceCard && !mergedInto && duplicates.length === 0 && citedBy.length === 0) return nothing;
    const group = (label: MessageKey, links: unknown[]) =>
      links.length === 0 ? nothing : html`<p>${this.t(label)}</p><ul class="links">${links.map((link) => html`<li>${link}</li>`)}</ul>`;
    return this.#section(
      'connections',
      'idea.connections',
      html`
        ${group('idea.proposedFrom', sourceCard ? [this.#cardLink(sourceCard)] : [])}
        ${group('idea.mergedInto', mergedInto ? [this.#ideaLink(mergedInto)] : [])}
        ${group(
          'idea.duplicates',
          duplicates.map((d) => this.#ideaLink(d)),
        )}
        ${group(
          'idea.citedBy',
          citedBy.map((c) => this.#cardLink(c)),
        )}
      `,
    );
  }

  /** The thread has its own heading and count: it only needs a place. */
  #renderDiscussion({ discussion }: IdeaView) {
    const part = this._parts.thread;
    return html`<div class="discussion" part="discussion">
      ${
        part === 'ready'
          ? html`<bk-thread key=${discussion.key} part="thread"></bk-thread>`
          : part === 'failed'
            ? html`<p class="notice error" role="alert">${this.t('idea.discussionFailed')}</p>`
            : html`<p class="subtle" role="status">${this.t('idea.discussionLoading')}</p>`
      }
    </div>`;
  }

  #ideaLink(ref: ItemRef) {
    return html`<a part="link" href=${itemUrl(this.#pages, 'idea', ref.id)} @click=${(e: MouseEvent) => this.#openIdea(e, ref)}
      >${ref.title}</a
    >`;
  }

  #cardLink(ref: ItemRef) {
    return html`<a part="link" href=${itemUrl(this.#pages, 'card', ref.id)} @click=${(e: MouseEvent) => this.#announceOpen(e, 'card', ref)}
      >${ref.title}</a
    >`;
  }
}
