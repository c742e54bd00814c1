import type { Budget, Idea } from '@bridgekit/sdk';
import { html, nothing, type PropertyValues, svg } from 'lit';
import { BkVoteChangeEvent } from '../../events/vote-change.ts';
import { BridgekitElement } from '../../shared/bridgekit-element.ts';
import { partLoadFailed, usePart } from '../../shared/client.ts';
import { registerFeature, translator } from '../../shared/i18n.ts';
import { boardPart } from '../../shared/ideas-board-part.ts';
import { ideasMessages } from '../../shared/messages/ideas.ts';
import { skeletonStyles, tokens } from '../../shared/styles.ts';
import { VoteChanges, withVoteState } from '../../shared/vote-state.ts';
import { ideaVoteStyles } from './idea-vote.styles.ts';
import type { VoteOutcome } from './vote-send.ts';

/** For the elements that embed the control (the board, an idea's view): see their imports. */
export { VoteChanges, withVoteState };

let stepperPart: typeof import('./vote-stepper.ts') | undefined;
let loadingStepper: Promise<unknown> | undefined;

/**
 * Loads a budget board's stepper (vote-stepper.ts), once for the page: the first control that
 * shows one asks, and a budget board asks with its first page so its rows need not wait.
 */
export function loadStepper(): Promise<unknown> {
  loadingStepper ??= import('./vote-stepper.ts').then(
    (part) => {
      stepperPart = part;
    },
    () => {
      // Offline, the chunk may fail to load: asked again by the next control that updates.
      loadingStepper = undefined;
    },
  );
  return loadingStepper;
}

usePart(boardPart);

registerFeature(ideasMessages);

type Status = 'idle' | 'loading' | 'ready' | 'missing' | 'error';

/**
 * The "back this idea" control, inline on any page or in each row of an idea board. A native
 * toggle button: `aria-pressed` is true exactly when the person backs the idea, and it then
 * reads "Backed ✓" as a state, not a call to action; its name says what pressing does ("Back
 * “…”"). The count is visible, and a live region announces the outcome. On a budget board it is
 * one stepper instead: the idea's votes, then − (your votes) +; at the per-idea cap or with no
 * votes left, + says why it does nothing. A vote made offline is kept and sent once when the
 * connection is back; it says so meanwhile, and that it was sent afterwards.
 *
 * @tag bk-idea-vote
 * @summary Back an idea with one click.
 *
 * @attr idea - Id of the idea.
 * @attr variant - `compact` (count over "votes", for lists; default), `inline` ("Back this idea", or "Backed ✓", with the count) or `button` (the same without the count, where the support is said beside it).
 * @attr max-votes - Most votes one person may place on the idea (budget boards; default 1). Above 1, buttons add and take back single votes.
 * @attr tenant - Overrides the page's tenant for this element.
 * @prop {Idea} data - The idea, when the host already has it: no request is made.
 * @prop {Budget} budget - The person's budget on the idea's board, when the host has it (budget boards): + says when none is left. Votes cast on the page keep it current.
 * @prop {(text: string, ideaId: string) => void} showMessage - Shows the visible message (a failed vote) elsewhere, e.g. under a board's row; `''` clears it. The live region stays here.
 *
 * @event bk-vote-change - The person's vote changed and the server confirmed it; `state` is the server's answer, whole ({@link BkVoteChangeEvent}).
 * @event bk-error - A call to the API failed.
 *
 * @csspart button - The vote button.
 * @csspart count - The number of votes.
 * @csspart label - The word next to the count.
 * @csspart message - Status text under the button (sign-in needed, errors).
 * @csspart stepper - The add / take back controls on budget boards.
 * @csspart step - One of those two buttons.
 * @csspart mine - "Yours: 2".
 * @csspart tally - The idea's votes above the stepper (budget boards).
 * @csspart hint - Why + does nothing: "At most 3 on one idea", "None of your votes left".
 *
 * @cssproperty --bk-idea-vote-color - Border, and the backed state's border and check mark. Default `--bk-color-brand`.
 * @cssproperty --bk-idea-vote-backed-surface - Background of the backed state. Default `--bk-color-brand-subtle`.
 */
export class BkIdeaVote extends BridgekitElement {
  static override styles = [tokens, skeletonStyles, ideaVoteStyles];
  static override properties = {
    idea: { type: String, reflect: true },
    variant: { type: String, reflect: true },
    maxVotes: { type: Number, attribute: 'max-votes' },
    data: { attribute: false },
    budget: { attribute: false },
    _budget: { state: true },
    showMessage: { attribute: false },
    _idea: { state: true },
    _status: { state: true },
    _pending: { state: true },
    _message: { state: true },
  };

  declare idea: string;
  declare variant: 'compact' | 'inline' | 'button';
  declare maxVotes: number;
  declare data: Idea | undefined;
  declare budget: Budget | null | undefined;
  /** The budget the host gave, or the latest a vote on the board answered. */
  declare _budget: Budget | null;
  declare showMessage: ((text: string, ideaId: string) => void) | undefined;
  declare _idea: Idea | null;
  declare _status: Status;
  declare _pending: boolean;
  declare _message: { text: string; visible: boolean } | null;

  #load: AbortController | null = null;
  /** What loading the idea failed with: a standalone control shows it as every element shows a failed load. */
  #loadFailure: unknown = null;
  /** A target asked for while a vote was on its way; sent when it is back. */
  #next: number | null = null;

  constructor() {
    super();
    this.idea = '';
    this.variant = 'compact';
    this.maxVotes = 1;
    this._idea = null;
    this._status = 'idle';
    this._pending = false;
    this._message = null;
    this._budget = null;
    new VoteChanges(this, (event) => this.#followVote(event));
  }

  /** Another control for the same idea (inline, or a board's row) voted: show its outcome. */
  #followVote(event: BkVoteChangeEvent): void {
    if (event.source === this || !this._idea) return;
    if (event.state.budget && event.board === this._idea.board) this._budget = event.state.budget;
    if (event.ideaId !== this._idea.id) return;
    this._idea = withVoteState(this._idea, event.state);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#load?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.maxVotes > 1 && !stepperPart) void loadStepper().then(() => stepperPart && this.requestUpdate());
    if (changed.has('_message') && this.showMessage) this.showMessage(this._message?.visible ? this._message.text : '', this.idea);
    if (changed.has('budget')) this._budget = this.budget ?? null;
    if (changed.has('data') && this.data) {
      this._idea = this.data;
      this.idea = this.data.id;
      this._status = 'ready';
    } else if (changed.has('idea') && !this.data && this.idea !== this._idea?.id) {
      void this.#fetch();
    }
  }

  protected override updated(): void {
    const sheet = this.maxVotes > 1 ? stepperPart?.stepperStyles.styleSheet : undefined;
    const root = this.shadowRoot;
    if (sheet && root && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  protected configChanged(): void {
    if (!this.data) void this.#fetch();
  }

  async #fetch(): Promise<void> {
    this.#load?.abort();
    const client = this.client;
    if (!client || !this.idea) {
      this._status = 'idle';
      return;
    }
    const load = new AbortController();
    this.#load = load;
    this._status = 'loading';
    this.#loadFailure = null;
    try {
      const idea = await client.ideas.get(this.idea, { signal: load.signal });
      if (load.signal.aborted) return;
      this._idea = idea;
      this._status = 'ready';
    } catch (err) {
      if (load.signal.aborted) return;
      const missing = (err as { status?: number }).status === 404;
      const text = missing ? this.t('vote.missing') : await this.describeError(err);
      if (load.signal.aborted) return;
      this.#loadFailure = missing ? null : err;
      this._status = missing ? 'missing' : 'error';
      this._message = { text, visible: true };
    }
  }

  #toggle(): void {
    if (this._idea) void this.#set(this._idea.voted ? 0 : 1);
  }

  /** Sets the person's votes on the idea to `target` (0 withdraws), showing the change at once. */
  async #set(target: number): Promise<void> {
    const idea = this._idea;
    const client = this.client;
    if (!idea || !client) return;
    if (this._pending) {
      // Quick clicks on + or − each count: the last wish is sent once the current one is back.
      this.#next = target;
      this._idea = { ...idea, voted: target > 0, myVotes: target, votes: idea.votes + target - idea.myVotes };
      return;
    }
    if (!this.signedIn) {
      this._message = { text: this.t(this.sessionExpired ? 'error.sessionExpired' : 'vote.signIn'), visible: true };
      return;
    }
    if (idea.closed) {
      this._message = { text: this.t('vote.closed'), visible: true };
      return;
    }
    // Show the new state at once; the server's answer then sets the exact counts.
    this._idea = { ...idea, voted: target > 0, myVotes: target, votes: idea.votes + target - idea.myVotes };
    this._pending = true;
    this._message = null;
    let outcome: VoteOutcome;
    try {
      const { sendVote } = await import('./vote-send.ts');
      outcome = await sendVote({
        client,
        idea,
        target,
        t: translator(this.locale),
        locale: this.locale,
        describe: (err) => this.describeError(err),
        queued: (text) => {
          this._message = { text, visible: true };
        },
      });
    } catch (cause) {
      // Offline before the first vote of the page, its code could not load either.
      outcome = { text: this.t('vote.failed', { reason: await this.describeError(partLoadFailed(cause)) }), visible: true };
    }
    const { state, text, visible, closed } = outcome;
    // Without a state the vote did not count: the idea as it was, closed if voting closed meanwhile.
    this._idea = state ? withVoteState(idea, state) : closed ? { ...idea, closed } : idea;
    if (state?.budget) this._budget = state.budget;
    this._message = { text, visible };
    if (state) this.dispatchEvent(new BkVoteChangeEvent({ ideaId: idea.id, board: idea.board, state, source: this }));
    this._pending = false;
    const next = this.#next;
    this.#next = null;
    if (next !== null && next !== this._idea?.myVotes) await this.#set(next);
  }

  protected override render() {
    const status = html`<span class="message ${this._message?.visible && !this.showMessage ? 'error' : 'visually-hidden'}" part="message" role="status"
      >${this._message?.text ?? ''}</span
    >`;
    if (!this.client) return html`<span class="placeholder" part="message">${this.t('error.notConfigured')}</span>`;
    const idea = this._idea;
    if (!idea) {
      if (this._status === 'loading') {
        return html`<span class="skeleton" role="status"><span class="visually-hidden">${this.t('vote.loading')}</span></span>`;
      }
      // Unless a board shows its messages: a permanent failure said once, a transient one part of the page's outage banner.
      if (this._status === 'error' && !this.showMessage) {
        return this.renderFailure(this._message?.text ?? '', () => this.#fetch(), this.#loadFailure);
      }
      return status;
    }
    const inline = this.variant === 'inline' || this.variant === 'button';
    const counted = this.variant !== 'button';
    const disabled = !this.signedIn || idea.closed;
    const count = new Intl.NumberFormat(this.locale).format(idea.votes);
    if (this.maxVotes > 1) {
      if (!stepperPart)
        return html`<span class="skeleton steps" role="status"><span class="visually-hidden">${this.t('vote.loading')}</span></span>`;
      const state = { idea, maxVotes: this.maxVotes, budget: this._budget, disabled, count, t: translator(this.locale) };
      return html`${stepperPart.renderStepper({ ...state, set: (target) => this.#set(target) })}${status}`;
    }
    // The name says what pressing does, and aria-pressed whether it is done; "Backed ✓" shows that state.
    return html`
      <button
        class="vote"
        part="button"
        type="button"
        aria-pressed=${idea.voted ? 'true' : 'false'}
        aria-disabled=${disabled ? 'true' : nothing}
        aria-busy=${this._pending ? 'true' : nothing}
        @click=${this.#toggle}
      >
        <span class="visually-hidden">${this.t('vote.name', { title: idea.title })}${counted ? ',' : ''}</span>
        ${
          inline && idea.voted
            ? nothing
            : html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true">
                ${idea.voted ? svg`<path d="M6.3 12.3 2 8l1.4-1.4 2.9 2.9 6.3-6.3L14 4.6z" />` : svg`<path d="M8 2.5 14.5 12h-13z" />`}
              </svg>`
        }
        ${inline ? html`<span class="label" part="label" aria-hidden="true">${this.t(idea.voted ? 'vote.backed' : 'vote.back')}</span>` : nothing}
        ${
          counted
            ? html`<span class="count" part="count">${count}</span>
                <span class=${inline ? 'visually-hidden' : 'label'} part=${inline ? nothing : 'label'}>${this.t('vote.unit', { count: idea.votes })}</span>`
            : nothing
        }
      </button>
      ${status}
    `;
  }
}
