import type { Board, Criterion, EffortSize, Evaluation, Idea, Role, StatusChange } from '@bridgekit/sdk';
import { isBridgekitError } from '@bridgekit/sdk/errors';
import { ideasPart } from '@bridgekit/sdk/parts/ideas';
import { FIBONACCI, scoreGroups, scorePoints, TSHIRT_POINTS } from '@bridgekit/sdk/scoring';
import { localize } from '@bridgekit/sdk/translations';
import { html, nothing, svg } from 'lit';
import type { BkVoteChangeEvent } from '../../events/vote-change.ts';
import { BoardLoad } from '../../shared/board-load.ts';
import { BridgekitElement, loadErrorTexts } from '../../shared/bridgekit-element.ts';
import { usePart } from '../../shared/client.ts';
import { type MessageKey, type Params, registerFeature, translator } from '../../shared/i18n.ts';
import { IdeaInPlaceLoad } from '../../shared/idea-in-place-load.ts';
import type { BkItemPicker } from '../../shared/item-picker.ts';
import { ideaFormMessages } from '../../shared/messages/idea-form.ts';
import { ideasMessages } from '../../shared/messages/ideas.ts';
import { triageMessages } from '../../shared/messages/triage.ts';
import { tokens } from '../../shared/styles.ts';
import { columnHeads } from '../../shared/table.ts';
import { VoteChanges, withVoteState } from '../../shared/vote-state.ts';
import { ideaTriageStyles } from './idea-triage.styles.ts';
import { CHART, layoutChart } from './value-effort-chart.ts';

usePart(ideasPart);

registerFeature(ideasMessages);
registerFeature(ideaFormMessages);

registerFeature(triageMessages);

const TSHIRT = Object.keys(TSHIRT_POINTS) as EffortSize[];
/** The size of a number of T-shirt points. */
const sizeOf = (points: number | undefined) => TSHIRT.find((size) => TSHIRT_POINTS[size] === points);
const EVALUATORS: ReadonlySet<Role> = new Set(['evaluator', 'moderator', 'admin']);
const MODERATORS: ReadonlySet<Role> = new Set(['moderator', 'admin']);
/** The picker of a deflection's answering card and a merge's target: loaded with the forms that use it. */
const loadPicker = () => import('../../shared/item-picker.ts');
/** The intake decision form: loaded with the other forms, for evaluators. */
let intakeForm: typeof import('./intake-form.ts') | undefined;
/** A point of the chart's geometry as a share of its box: HTML labels over the SVG keep their CSS size. */
// Where a chart label goes, as `data-at` ("left|right <x%> <y%>"), set through the CSSOM by
// `#placeLabels`: a strict CSP refuses style attributes, and a style directive would cost every page.
const at = (x: number, y: number) => `left ${(x / CHART.width) * 100}% ${(y / CHART.height) * 100}%`;
const fromRight = (x: number, y: number) => `right ${100 - (x / CHART.width) * 100}% ${(y / CHART.height) * 100}%`;

/** Where a confirmation shows: beside the form that did it, or above the idea shown next. */
type Place = 'scores' | 'status' | 'intake' | 'detail';

/**
 * Triage for evaluators: the queue of ideas awaiting review, a scoring form built from the
 * board's scorecard, the intake's decisions (step, forum, date, decider), status changes with
 * reasons (deflections need one), each idea's history,
 * and the value-versus-effort matrix — an SVG chart in which each bubble is an idea, sized by
 * its supporters, reachable by keyboard and also readable as a table. It opens the first idea of
 * the queue, confirms each decision beside its form with a "Next idea" button, moves on by itself
 * when an idea leaves the queue, and previews the value and effort the scores being entered give.
 *
 * @tag bk-idea-triage
 * @summary Score and triage a board's ideas.
 *
 * @attr board - Slug of the board.
 * @attr tenant - Overrides the page's tenant for this element.
 *
 * @event bk-error - A call to the API failed.
 *
 * @csspart base - The frame.
 * @csspart queue - The list of ideas awaiting review.
 * @csspart detail - The selected idea with its forms.
 * @csspart matrix - The value-versus-effort chart.
 * @csspart confirmation - The line that confirms a decision, with its "Next idea" button.
 * @csspart formula - The preview of value and effort beside the scorecard, and how they are computed.
 * @csspart idea-link - "Open the idea": its own view (`bk-idea`), in place of the triage and in the page's address.
 * @csspart idea - That view.
 * @csspart back - The "Back to triage" button.
 * @cssproperty --bk-idea-triage-bubble - Colour of the chart's bubbles. Default `--bk-color-brand`.
 */
export class BkIdeaTriage extends BridgekitElement {
  static override styles = [tokens, ideaTriageStyles];
  static override properties = {
    board: { type: String, reflect: true },
    _board: { state: true },
    _queue: { state: true },
    _scored: { state: true },
    _selected: { state: true },
    _myScores: { state: true },
    _history: { state: true },
    _allowed: { state: true },
    _moderator: { state: true },
    _message: { state: true },
    _errors: { state: true },
    _statusChoice: { state: true },
    _done: { state: true },
    _after: { state: true },
    _draft: { state: true },
  };

  declare board: string;
  declare _board: Board | null;
  declare _queue: Idea[];
  declare _scored: Idea[];
  declare _selected: Idea | null;
  declare _myScores: Record<string, number>;
  declare _history: StatusChange[];
  declare _allowed: boolean;
  /** Moderators and admins also merge duplicates. */
  declare _moderator: boolean;
  declare _message: string;
  declare _errors: Record<string, string>;
  declare _statusChoice: string;
  /** The last decision's confirmation (the text is `_message`): where it shows, and whether it failed. */
  declare _done: { at: Place; error: boolean } | null;
  /** After an idea left the queue: the idea shown next, or `null` when the queue is done. */
  declare _after: { next: string | null } | null;
  /** The points of the scores in the form now, by criterion: the preview's input. */
  declare _draft: Record<string, number>;
  /** An idea's own view, opened in place: loaded with the data. */
  readonly #inPlace = new IdeaInPlaceLoad(this, () => this.client);
  readonly #load = new BoardLoad(this, {
    client: () => this.client,
    fetch: (client, board) =>
      Promise.all([
        // The role decides what triage offers; the deep-link code, which reads it, loads by `import()`.
        import('../../shared/viewer.ts').then((m) => m.viewer(client)),
        client.boards.get(board).then((b) => localize(b, this.locale)),
        client.ideas.list({ board, sort: 'new', categories: ['open', 'under_review'], limit: 50 }).then((p) => localize(p, this.locale)),
        client.ideas.list({ board, sort: 'value', limit: 100 }).then((p) => localize(p, this.locale)),
        this.#inPlace.load(),
      ]),
    show: ([me, board, queue, scored]) => {
      this._allowed = EVALUATORS.has(me.user?.role ?? 'member');
      this._moderator = MODERATORS.has(me.user?.role ?? 'member');
      this._board = board;
      this._queue = queue.items;
      this._scored = scored.items;
      const keep = this._selected && [...queue.items, ...scored.items].find((i) => i.id === this._selected?.id);
      // The first idea of the queue opens by itself; focus moves only when a person picks one.
      const first = keep ?? (this._selected ? undefined : queue.items[0]);
      if (first) return this.#select(first, false);
    },
    describe: async (err) => {
      this._message = await this.describeError(err, 'error.notFoundBoard');
      return this._message;
    },
  });

  constructor() {
    super();
    this.board = '';
    this._board = null;
    this._queue = [];
    this._scored = [];
    this._selected = null;
    this._myScores = {};
    this._history = [];
    this._allowed = false;
    this._moderator = false;
    this._message = '';
    this._errors = {};
    this._statusChoice = '';
    this._done = null;
    this._after = null;
    this._draft = {};
    new VoteChanges(this, (event) => this.#followVote(event));
  }

  /** A vote anywhere on the page: the idea's votes and supporters (and its bubble) follow. */
  #followVote(event: BkVoteChangeEvent): void {
    const follow = (list: Idea[]) =>
      list.some((i) => i.id === event.ideaId) ? list.map((i) => (i.id === event.ideaId ? withVoteState(i, event.state) : i)) : list;
    this._queue = follow(this._queue);
    this._scored = follow(this._scored);
    if (this._selected?.id === event.ideaId) this._selected = withVoteState(this._selected, event.state);
  }

  protected configChanged(): void {
    void this.#load.load();
  }

  async #select(idea: Idea, focus = true): Promise<void> {
    const client = this.client;
    if (!client) return;
    // The forms stay on screen from one idea to the next: a card or target picked, a reason or
    // a score entered for another idea must not carry over.
    if (this._selected?.id !== idea.id) {
      for (const picker of this.renderRoot.querySelectorAll<BkItemPicker>('bk-item-picker')) picker.reset?.();
      for (const form of this.renderRoot.querySelectorAll<HTMLFormElement>('form.resets')) form.reset();
      this._myScores = {};
      this._draft = {};
    }
    this._selected = idea;
    this._statusChoice = idea.status.key;
    this._errors = {};
    if (this._allowed) void loadPicker();
    if (this._allowed && !intakeForm) {
      void import('./intake-form.ts').then((m) => {
        intakeForm = m;
        this.requestUpdate();
      });
    }
    const [scores, history] = await Promise.all([
      this._allowed ? client.ideas.myScores(idea.id).catch(() => ({})) : Promise.resolve({}),
      client.ideas.statusHistory(idea.id).catch(() => []),
    ]);
    this._myScores = scores;
    this._draft = scores;
    this._history = history;
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#bk-detail-heading')?.focus());
  }

  /** A person opens an idea (the queue, a bubble, "Next idea"): the last confirmation goes. */
  #open(idea: Idea): Promise<void> {
    this._done = null;
    this._after = null;
    return this.#select(idea);
  }

  /** The idea after the one open, in the queue's order. */
  #next(): Idea | undefined {
    const index = this._queue.findIndex((i) => i.id === this._selected?.id);
    return index === -1 ? this._queue[0] : this._queue[index + 1];
  }

  /** A decision is recorded: say so where it was taken, or, when the idea left the queue, move on to the next. */
  async #decided(idea: Idea, place: Place, queueIndex: number): Promise<void> {
    if (queueIndex === -1 || this._queue.some((i) => i.id === idea.id)) {
      this._after = null;
      this._done = { at: place, error: false };
      return;
    }
    const next = this._queue[queueIndex] ?? this._queue[0];
    this._after = { next: next?.title ?? null };
    this._done = { at: 'detail', error: false };
    if (next) await this.#select(next);
    else this._selected = null;
  }

  /** The confirmation's text: the live region and the visible line say the same. */
  #statusText(): string {
    const after = this._after
      ? this._after.next
        ? this.t('triage.advanced', { title: this._after.next })
        : this.t('triage.queueDone')
      : '';
    return [this._message, after].filter(Boolean).join(' ');
  }

  #renderDone(place: Place) {
    if (this._done?.at !== place || !this._message) return nothing;
    const next = this._done.error ? undefined : this.#next();
    return html`<div class="done${this._done.error ? ' error' : ''}" part="confirmation">
      <p>${this.#statusText()}</p>
      ${
        next
          ? html`<button type="button" class="button" @click=${() => this.#open(next)}>${this.t('triage.next')} <span aria-hidden="true">▸</span></button>`
          : nothing
      }
    </div>`;
  }

  /** What the intake form uses of this element. */
  get _api() {
    return {
      client: this.client,
      locale: this.locale,
      t: (key: MessageKey, params?: Params) => this.t(key, params),
      describe: (err: unknown) => this.describeError(err),
    };
  }

  /** An idea the intake form decided on: the lists and the detail follow, and triage moves on if it left the queue. */
  _applyIdea(idea: Idea): void {
    const index = this._queue.findIndex((i) => i.id === idea.id);
    this.#replace(idea);
    void this.#decided(idea, 'intake', index);
  }

  /** The board's deflection statuses, for a deflection's outcome. */
  _deflectionStatuses() {
    return (this._board?.statuses ?? []).filter((s) => s.deflection);
  }

  #replace(idea: Idea): void {
    const swap = (list: Idea[]) => list.map((i) => (i.id === idea.id ? idea : i));
    this._queue = swap(this._queue).filter((i) => i.status.category === 'open' || i.status.category === 'under_review');
    this._scored = this._scored.some((i) => i.id === idea.id) ? swap(this._scored) : [...this._scored, idea];
    this._selected = idea;
  }

  async #saveScores(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.client;
    const idea = this._selected;
    if (!client || !idea || !this._board) return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    this._done = null;
    const scores: Evaluation = {};
    const errors: Record<string, string> = {};
    for (const c of this._board.scorecard.criteria) {
      const raw = data.get(c.key);
      if (raw === null || raw === '') errors[c.key] = this.t('triage.scoreMissing');
      else scores[c.key] = c.kind === 'yesno' ? raw === 'yes' : c.kind === 'tshirt' ? (String(raw) as EffortSize) : Number(raw);
    }
    this._errors = errors;
    if (Object.keys(errors).length > 0) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    try {
      const updated = await client.ideas.score(idea.id, scores);
      this.#replace(updated);
      this._myScores = await client.ideas.myScores(idea.id);
      this._draft = this._myScores;
      this._message = this.t('triage.scored', { title: idea.title });
      this._after = null;
      this._done = { at: 'scores', error: false };
      // The saved scores are now the form's own: a reset shows them, unchanged.
      await this.updateComplete;
      form.reset();
    } catch (err) {
      this._message = await this.describeError(err);
      this._after = null;
      this._done = { at: 'scores', error: true };
    }
  }

  /** The scores in the form as points, for the preview. */
  #readDraft(event: Event): void {
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const draft: Record<string, number> = {};
    for (const c of this._board?.scorecard.criteria ?? []) {
      const raw = data.get(c.key);
      if (raw === null || raw === '') continue;
      const points = scorePoints(c.kind, c.kind === 'yesno' ? raw === 'yes' : c.kind === 'tshirt' ? raw : Number(raw));
      if (points !== null) draft[c.key] = points;
    }
    this._draft = draft;
  }

  async #saveStatus(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.client;
    const idea = this._selected;
    if (!client || !idea) return;
    // Read now: once the event has been dispatched, a shadow tree's event no longer names its target.
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    this._done = null;
    const status = String(data.get('status') ?? '');
    const reason = String(data.get('reason') ?? '').trim();
    const picker = this.renderRoot.querySelector<BkItemPicker>('#bk-card');
    const card = picker?.value?.id;
    const revisitOn = String(data.get('revisitOn') ?? '');
    const definition = this._board?.statuses.find((s) => s.key === status);
    if (definition?.requiresReason && reason.length < 10) {
      this._errors = { reason: this.t('triage.reasonRequired') };
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#bk-reason')?.focus());
      return;
    }
    if (definition?.requiresRevisitDate && !revisitOn) {
      this._errors = { revisitOn: this.t('triage.revisitRequired') };
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#bk-revisit')?.focus());
      return;
    }
    this._errors = {};
    try {
      const updated = localize(
        await client.ideas.setStatus(idea.id, {
          status,
          ...(reason ? { reason } : {}),
          ...(card ? { card } : {}),
          ...(definition?.requiresRevisitDate && revisitOn ? { revisitOn } : {}),
        }),
        this.locale,
      );
      const index = this._queue.findIndex((i) => i.id === idea.id);
      picker?.reset();
      form.reset();
      this.#replace(updated);
      this._statusChoice = updated.status.key;
      this._message = this.t('triage.statusChanged', { title: idea.title, status: updated.status.label });
      this._history = await client.ideas.statusHistory(idea.id);
      await this.#decided(updated, 'status', index);
    } catch (err) {
      if (isBridgekitError(err) && err.code === 'validation_failed') {
        const issues =
          (await loadErrorTexts(this.locale))?.issueTexts(translator(this.locale), this.locale, err) ??
          err.details.map((d) => ({ path: d.path, text: d.message }));
        this._errors = Object.fromEntries(issues.map((i) => [i.path.replace(/^body\./, ''), i.text]));
      } else {
        this._message = await this.describeError(err);
        this._after = null;
        this._done = { at: 'status', error: true };
      }
    }
  }

  /** Moderators: the open idea is a duplicate of the one picked; its supporters move there. */
  async #merge(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.client;
    const idea = this._selected;
    const target = this.renderRoot.querySelector<BkItemPicker>('#bk-merge-target')?.value;
    if (!client || !idea) return;
    if (!target) {
      this._errors = { merge: this.t('triage.mergePick') };
      this.renderRoot.querySelector<HTMLElement>('#bk-merge-target')?.focus();
      return;
    }
    this._errors = {};
    try {
      const original = localize(await client.ideas.merge(idea.id, target.id), this.locale);
      this._queue = this._queue.filter((i) => i.id !== idea.id);
      this._scored = this._scored.filter((i) => i.id !== idea.id);
      this.#replace(original);
      this._message = this.t('triage.merged', { title: idea.title, into: original.title });
      this._after = null;
      this._done = { at: 'detail', error: false };
      await this.#select(original);
    } catch (err) {
      this._errors = { merge: await this.describeError(err) };
    }
  }

  protected override updated(): void {
    this.#placeLabels();
  }

  #placeLabels(): void {
    for (const label of this.renderRoot.querySelectorAll<HTMLElement>('.labels [data-at]')) {
      const [side = 'left', x = '0', y = '0'] = (label.dataset.at ?? '').split(' ');
      label.style.removeProperty(side === 'left' ? 'right' : 'left');
      label.style.setProperty(side, x);
      label.style.setProperty('top', y);
    }
  }

  protected override render() {
    if (!this.client) return html`<p class="notice error" part="base">${this.t('error.notConfigured')}</p>`;
    const { status } = this.#load;
    return html`
      <section class="base" part="base" aria-labelledby="bk-triage-heading" aria-busy=${status === 'loading' ? 'true' : 'false'}>
        <div>
          <h2 id="bk-triage-heading">${this.t('triage.heading', { board: this._board?.name ?? this.board })}</h2>
          <p class="subtle">${this.t('triage.awaiting', { count: this._queue.length })}</p>
        </div>
        ${this.sessionExpired ? this.renderSessionNotice() : nothing}
        ${status === 'ready' && !this._allowed ? html`<p class="notice">${this.t('triage.notAllowed')}</p>` : nothing}
        <p class="visually-hidden" role="status">${this.#statusText()}</p>
        ${status === 'error' ? html`<p class="notice error" role="alert">${this._message}</p>` : nothing}
        ${status === 'loading' ? html`<p role="status">${this.t('triage.loading')}</p>` : nothing}
        ${this.#inPlace.current?.open ? this.#inPlace.current.render(this.t('idea.backToTriage'), this._board) : status === 'ready' ? this.#renderBody() : nothing}
      </section>
    `;
  }

  #renderBody() {
    return html`
      <div class="layout">
        <nav aria-labelledby="bk-queue-heading">
          <h3 id="bk-queue-heading">${this.t('triage.queue')}</h3>
          ${
            this._queue.length === 0
              ? html`<p class="subtle">${this.t('triage.queueEmpty')}</p>`
              : html`<ol class="queue" part="queue">
                ${this._queue.map(
                  (idea) => html`<li>
                    <button type="button" aria-current=${this._selected?.id === idea.id ? 'true' : 'false'} @click=${() => this.#open(idea)}>
                      <span class="title">${idea.title}</span>
                      <span class="meta">${idea.status.label} · ${this.t('board.supporters', { count: idea.supporters })} · ${this.#scoreText(idea)}</span>
                    </button>
                  </li>`,
                )}
              </ol>`
          }
        </nav>
        <div class="detail" part="detail">
          ${this.#renderDone('detail')}
          ${this._selected ? this.#renderDetail(this._selected) : this._queue.length > 0 || this._scored.length > 0 ? html`<p class="subtle">${this.t('triage.pick')}</p>` : nothing}
        </div>
        ${this.#renderMatrix()}
      </div>
    `;
  }

  #scoreText(idea: Idea): string {
    const n = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 1 });
    return idea.score.value === null
      ? this.t('triage.unscored')
      : this.t('triage.valueEffort', { value: n.format(idea.score.value), effort: n.format(idea.score.effort ?? 0) });
  }

  #renderDetail(idea: Idea) {
    const bc = idea.businessCase;
    const row = (label: MessageKey, value: string | null) => (value ? html`<dt>${this.t(label)}</dt><dd>${value}</dd>` : nothing);
    const day = new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium' });
    return html`
      <h3 id="bk-detail-heading" tabindex="-1">${idea.title}</h3>
      ${this.#inPlace.current ? html`<p part="idea-link">${this.#inPlace.current.link({ id: idea.id, title: this.t('idea.openPage') })}</p>` : nothing}
      ${idea.description ? html`<p>${idea.description}</p>` : nothing}
      <dl>
        ${row('form.problem', bc.problem)} ${row('form.beneficiary', bc.beneficiary)}
        ${row('form.valueType', bc.valueType ? this.t(`valueType.${bc.valueType}` as MessageKey) : null)}
        ${row('form.effort', bc.effort ? this.t(`effort.${bc.effort}` as MessageKey) : null)} ${row('form.objective', bc.objective)}
        <dt>${this.t('triage.crowd')}</dt>
        <dd>${this.t('vote.count', { count: idea.votes })} · ${this.t('board.support', { count: idea.supporters, units: this.t('board.units', { count: idea.businessUnits }) })}</dd>
        <dt>${this.t('triage.evaluation')}</dt>
        <dd>${this.#scoreText(idea)}${idea.score.evaluations ? ` · ${this.t('triage.evaluations', { count: idea.score.evaluations })}` : ''}</dd>
      </dl>
      ${this._allowed ? this.#renderScoring() : nothing}
      ${this._allowed && intakeForm ? html`${intakeForm.renderIntakeForm(this, idea)}${this.#renderDone('intake')}` : nothing}
      ${this._allowed ? this.#renderStatusForm(idea) : nothing}
      ${this._moderator ? this.#renderMerge(idea) : nothing}
      <div>
        <h4>${this.t('triage.history')}</h4>
        ${
          this._history.length === 0
            ? html`<p class="subtle">${this.t('triage.noHistory')}</p>`
            : html`<ol class="history">
              ${this._history.map(
                (h) => html`<li>
                  ${this.t('triage.historyItem', { to: this._board?.statuses.find((s) => s.key === h.to)?.label ?? h.to, by: this.personName(h.by) })}
                  <time datetime=${h.at}>${day.format(new Date(h.at))}</time>${h.reason ? html` — ${h.reason}` : nothing}${
                    h.card ? html` (${this.t('triage.answeredBy', { title: h.card.title })})` : nothing
                  }
                </li>`,
              )}
            </ol>`
        }
      </div>
    `;
  }

  #renderScoring() {
    const criteria = this._board?.scorecard.criteria ?? [];
    return html`
      <form class="resets" aria-labelledby="bk-score-heading" novalidate @submit=${this.#saveScores} @change=${this.#readDraft}>
        <h4 id="bk-score-heading">${this.t('triage.yourScores')}</h4>
        <div class="scorecard">
          <div class="criteria">${criteria.map((c) => this.#renderCriterion(c))}</div>
          ${this.#renderFormula(criteria)}
        </div>
        <div><button type="submit" class="button primary" aria-describedby="bk-score-preview">${this.t('triage.saveScores')}</button></div>
        ${this.#renderDone('scores')}
      </form>
    `;
  }

  /**
   * Beside the scorecard: the value and effort the scores in the form give, by the server's rule
   * (`scoreGroups`), and in words how they are computed.
   */
  #renderFormula(criteria: Criterion[]) {
    const groups = scoreGroups(criteria, [this._draft]);
    const of = (group: Criterion['group']) => criteria.filter((c) => c.group === group);
    const complete = (group: Criterion['group']) => of(group).every((c) => typeof this._draft[c.key] === 'number');
    const missing = this.t('triage.previewMissing');
    const one = new Intl.NumberFormat(this.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const n = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 1 });
    const percent = new Intl.NumberFormat(this.locale, { style: 'percent', maximumFractionDigits: 0 });
    const effortCriteria = of('effort');
    const [sizeCriterion] = effortCriteria;
    const size =
      effortCriteria.length === 1 && sizeCriterion?.kind === 'tshirt' && complete('effort') ? sizeOf(groups.effort ?? 0) : undefined;
    const effort = complete('effort') && groups.effort !== null ? n.format(groups.effort) : missing;
    const riskCriteria = of('risk');
    const risk =
      complete('risk') && groups.risk !== null
        ? riskCriteria.every((c) => c.kind === 'yesno')
          ? percent.format(groups.risk)
          : n.format(groups.risk)
        : missing;
    const preview = [
      this.t('triage.previewValue', { value: complete('value') && groups.value !== null ? one.format(groups.value) : missing }),
      size ? this.t('triage.previewEffortSize', { effort, size }) : this.t('triage.previewEffort', { effort }),
      ...(riskCriteria.length > 0 ? [this.t('triage.previewRisk', { risk })] : []),
    ].join(' · ');
    const term = (c: Criterion) => {
      const label =
        c.kind === 'tshirt'
          ? this.t('triage.formulaSize', { label: c.label, sizes: TSHIRT.map((s) => `${s} ${TSHIRT_POINTS[s]}`).join(', ') })
          : c.label;
      return c.weight === 1 ? label : `${percent.format(c.weight)} ${label}`;
    };
    const terms = (cs: Criterion[]) => cs.map(term).join(' + ');
    const formula = [
      of('value').length > 0 ? this.t('triage.formulaValue', { terms: terms(of('value')) }) : '',
      effortCriteria.length > 0 ? this.t('triage.formulaEffort', { terms: terms(effortCriteria) }) : '',
      riskCriteria.length > 0 ? this.t('triage.formulaRisk', { terms: riskCriteria.map((c) => c.label).join(', ') }) : '',
      this.t('triage.formulaAverage'),
    ]
      .filter(Boolean)
      .join(' ');
    return html`<div class="formula" part="formula">
      <p><span class="subtle">${this.t('triage.preview')}</span><br /><strong id="bk-score-preview">${preview}</strong></p>
      <p class="subtle">${formula}</p>
    </div>`;
  }

  #renderCriterion(c: Criterion) {
    const current = this._myScores[c.key];
    const error = this._errors[c.key];
    const invalid = error ? 'true' : 'false';
    const errorLine = html`<p class="field-error" id="bk-err-${c.key}">${error ?? ''}</p>`;
    if (c.kind === 'scale' || c.kind === 'yesno') {
      const options =
        c.kind === 'scale'
          ? [1, 2, 3, 4, 5].map((v) => ({ value: String(v), label: String(v) }))
          : [
              { value: 'yes', label: this.t('triage.yes') },
              { value: 'no', label: this.t('triage.no') },
            ];
      const checked = (v: string) =>
        c.kind === 'yesno' ? (current === 1 ? 'yes' : current === 0 ? 'no' : '') === v : String(current) === v;
      return html`<fieldset aria-describedby="bk-err-${c.key}">
        <legend>${c.label}${c.kind === 'scale' ? html` <span class="subtle">${this.t('triage.scaleHint')}</span>` : nothing}</legend>
        <div class="choices">
          ${options.map(
            (o, i) =>
              html`<label><input type="radio" name=${c.key} value=${o.value} ?checked=${checked(o.value)} aria-invalid=${i === 0 ? invalid : 'false'} />${o.label}</label>`,
          )}
        </div>
        ${errorLine}
      </fieldset>`;
    }
    const values =
      c.kind === 'tshirt' ? TSHIRT.map((v) => ({ value: v, label: v })) : FIBONACCI.map((v) => ({ value: String(v), label: String(v) }));
    const selected = c.kind === 'tshirt' ? sizeOf(current) : String(current ?? '');
    return html`<div>
      <label for="bk-c-${c.key}">${c.label}</label>
      <select id="bk-c-${c.key}" name=${c.key} aria-invalid=${invalid} aria-describedby="bk-err-${c.key}">
        <option value="">${this.t('form.choose')}</option>
        ${values.map((v) => html`<option value=${v.value} ?selected=${selected === v.value}>${v.label}</option>`)}
      </select>
      ${errorLine}
    </div>`;
  }

  #renderStatusForm(idea: Idea) {
    const statuses = this._board?.statuses ?? [];
    const chosen = statuses.find((s) => s.key === this._statusChoice);
    return html`
      <form class="resets" aria-labelledby="bk-status-heading" novalidate @submit=${this.#saveStatus}>
        <h4 id="bk-status-heading">${this.t('triage.status')}</h4>
        <div>
          <label for="bk-status">${this.t('triage.statusLabel')}</label>
          <select id="bk-status" name="status" @change=${(e: Event) => (this._statusChoice = (e.target as HTMLSelectElement).value)}>
            ${statuses.map((s) => html`<option value=${s.key} ?selected=${s.key === idea.status.key}>${s.label}</option>`)}
          </select>
        </div>
        <div>
          <label for="bk-reason">${this.t('triage.reason')}${chosen?.requiresReason ? html` <span class="subtle">${this.t('form.required')}</span>` : nothing}</label>
          <textarea id="bk-reason" name="reason" maxlength="2000" aria-invalid=${this._errors.reason ? 'true' : 'false'} aria-describedby="bk-reason-error"></textarea>
          <p class="field-error" id="bk-reason-error">${this._errors.reason ?? ''}</p>
        </div>
        ${
          chosen?.requiresRevisitDate
            ? html`<div>
              <label for="bk-revisit">${this.t('triage.revisitOn')} <span class="subtle">${this.t('form.required')}</span></label>
              <input
                type="date"
                id="bk-revisit"
                name="revisitOn"
                min=${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)}
                aria-invalid=${this._errors.revisitOn ? 'true' : 'false'}
                aria-describedby="bk-revisit-error"
              />
              <p class="field-error" id="bk-revisit-error">${this._errors.revisitOn ?? ''}</p>
            </div>`
            : nothing
        }
        <div>
          <bk-item-picker id="bk-card" kind="card" label=${this.t('triage.answeringCard')}></bk-item-picker>
          <p class="field-error" role="alert">${this._errors.card ?? ''}</p>
        </div>
        <div><button type="submit" class="button primary">${this.t('triage.saveStatus')}</button></div>
        ${this.#renderDone('status')}
      </form>
    `;
  }

  #renderMerge(idea: Idea) {
    if (idea.mergedInto) return nothing;
    return html`
      <form class="resets" aria-labelledby="bk-merge-heading" novalidate @submit=${this.#merge}>
        <h4 id="bk-merge-heading">${this.t('triage.merge')}</h4>
        <p class="subtle">${this.t('triage.mergeHint')}</p>
        <div>
          <bk-item-picker id="bk-merge-target" kind="idea" board=${idea.board} exclude=${idea.id} label=${this.t('triage.mergeTarget')}></bk-item-picker>
          <p class="field-error" role="alert">${this._errors.merge ?? ''}</p>
        </div>
        <div><button type="submit" class="button">${this.t('triage.mergeButton')}</button></div>
      </form>
    `;
  }

  #renderMatrix() {
    const layout = layoutChart(this._scored, this._board?.valueRange);
    const n = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 1 });
    const bottom = CHART.height - CHART.bottom;
    const right = CHART.width - CHART.right;
    const onKey = (idea: Idea) => (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        void this.#open(idea);
      }
    };
    // Bubbles right of the middle carry their label on their left, so it stays inside the chart.
    const labelAt = (b: { x: number; y: number; r: number }) =>
      b.x > CHART.left + (right - CHART.left) * 0.6 ? fromRight(b.x - b.r - 4, b.y) : at(b.x + b.r + 4, b.y);
    return html`
      <figure part="matrix">
        <figcaption id="bk-matrix-caption">${this.t('triage.matrix')}</figcaption>
        <p class="subtle" id="bk-matrix-desc">${this.t('triage.matrixDescription', { count: layout.bubbles.length })}</p>
        <div class="chart">
          <svg viewBox="0 0 ${CHART.width} ${CHART.height}" role="group" aria-labelledby="bk-matrix-caption" aria-describedby="bk-matrix-desc">
            ${svg`
              <g class="axis" aria-hidden="true">
                <line x1=${CHART.left} y1=${bottom} x2=${right} y2=${bottom}></line>
                <line x1=${CHART.left} y1=${CHART.top} x2=${CHART.left} y2=${bottom}></line>
              </g>
              <g aria-hidden="true">
                <line class="quadrant" x1=${layout.midX} y1=${CHART.top} x2=${layout.midX} y2=${bottom}></line>
                <line class="quadrant" x1=${CHART.left} y1=${layout.midY} x2=${right} y2=${layout.midY}></line>
              </g>
              ${layout.bubbles.map(
                (b) => svg`<g
                  class="bubble"
                  role="button"
                  tabindex="0"
                  aria-pressed=${this._selected?.id === b.idea.id ? 'true' : 'false'}
                  aria-label=${this.t('triage.bubble', {
                    title: b.idea.title,
                    value: n.format(b.idea.score.value ?? 0),
                    effort: n.format(b.idea.score.effort ?? 0),
                    supporters: this.t('board.supporters', { count: b.idea.supporters }),
                  })}
                  @click=${() => this.#open(b.idea)}
                  @keydown=${onKey(b.idea)}
                ><title>${b.idea.title}</title><circle cx=${b.x} cy=${b.y} r=${b.r}></circle></g>`,
              )}
            `}
          </svg>
          <div class="labels" aria-hidden="true">
            ${layout.xTicks.map((t) => html`<span class="tick x" data-at=${at(t.x, bottom + 6)}>${n.format(t.value)}</span>`)}
            ${layout.yTicks.map((t) => html`<span class="tick y" data-at=${fromRight(CHART.left - 8, t.y)}>${n.format(t.value)}</span>`)}
            <span class="axis-title x" data-at=${at((CHART.left + right) / 2, CHART.height - 4)}>${this.t('triage.effortAxis')}</span>
            <span class="axis-title y" data-at=${at(4, (CHART.top + bottom) / 2)}>${this.t('triage.valueAxis')}</span>
            <span class="quadrant-label" data-at=${at(CHART.left + 8, CHART.top + 4)}>${this.t('triage.quickWins')}</span>
            <span class="quadrant-label" data-at=${fromRight(right - 8, CHART.top + 4)}>${this.t('triage.bigBets')}</span>
            <span class="quadrant-label bottom" data-at=${at(CHART.left + 8, bottom - 4)}>${this.t('triage.fillIns')}</span>
            <span class="quadrant-label bottom" data-at=${fromRight(right - 8, bottom - 4)}>${this.t('triage.reconsider')}</span>
            ${layout.bubbles.map((b) => html`<span class="bubble-label" data-at=${labelAt(b)}>${b.idea.title}</span>`)}
          </div>
        </div>
        <details>
          <summary>${this.t('triage.asTable')}</summary>
          <table>
            ${columnHeads([
              this.t('triage.idea'),
              this.t('triage.valueAxis'),
              this.t('triage.effortAxis'),
              this.t('triage.supportersColumn'),
            ])}
            <tbody>
              ${layout.bubbles.map(
                (b) => html`<tr>
                  <th scope="row">${b.idea.title}</th>
                  <td>${n.format(b.idea.score.value ?? 0)}</td>
                  <td>${n.format(b.idea.score.effort ?? 0)}</td>
                  <td>${n.format(b.idea.supporters)}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </details>
      </figure>
    `;
  }
}
