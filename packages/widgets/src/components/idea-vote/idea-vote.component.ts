import type { Idea } from '@bridgekit/sdk';
import { html, nothing, type PropertyValues, svg } from 'lit';
import { BkVoteChangeEvent } from '../../events/vote-change.ts';
import { BridgekitElement } from '../../shared/bridgekit-element.ts';
import { tokens } from '../../shared/styles.ts';
import { ideaVoteStyles } from './idea-vote.styles.ts';

type Status = 'idle' | 'loading' | 'ready' | 'missing' | 'error';

/**
 * The "back this idea" control, inline on any page or in each row of an idea board. A native
 * toggle button: `aria-pressed` is true exactly when the person backs the idea, the count is
 * visible, and a live region announces the outcome.
 *
 * @tag bk-idea-vote
 * @summary Back an idea with one click.
 *
 * @attr idea - Id of the idea.
 * @attr variant - `compact` (count over "votes", for lists; default) or `inline` ("Back this idea" with the count).
 * @attr tenant - Overrides the page's tenant for this element.
 * @prop {Idea} data - The idea, when the host already has it: no request is made.
 *
 * @event bk-vote-change - The person's vote changed and the server confirmed it ({@link BkVoteChangeEvent}).
 * @event bk-error - A call to the API failed.
 *
 * @csspart button - The vote button.
 * @csspart count - The number of votes.
 * @csspart label - The word next to the count.
 * @csspart message - Status text under the button (sign-in needed, errors).
 *
 * @cssproperty --bk-idea-vote-color - Border and pressed background. Default `--bk-color-brand`.
 * @cssproperty --bk-idea-vote-on-color - Text on the pressed background. Default `--bk-color-on-brand`.
 */
export class BkIdeaVote extends BridgekitElement {
  static override styles = [tokens, ideaVoteStyles];
  static override properties = {
    idea: { type: String, reflect: true },
    variant: { type: String, reflect: true },
    data: { attribute: false },
    _idea: { state: true },
    _status: { state: true },
    _pending: { state: true },
    _message: { state: true },
  };

  declare idea: string;
  declare variant: 'compact' | 'inline';
  declare data: Idea | undefined;
  declare _idea: Idea | null;
  declare _status: Status;
  declare _pending: boolean;
  declare _message: { text: string; visible: boolean } | null;

  #load: AbortController | null = null;

  constructor() {
    super();
    this.idea = '';
    this.variant = 'compact';
    this._idea = null;
    this._status = 'idle';
    this._pending = false;
    this._message = null;
  }

  #onVoteChange = (event: BkVoteChangeEvent) => {
    if (event.source === this || !this._idea || event.ideaId !== this._idea.id) return;
    this._idea = { ...this._idea, votes: event.votes, voted: event.voted };
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener(BkVoteChangeEvent.type, this.#onVoteChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener(BkVoteChangeEvent.type, this.#onVoteChange);
    this.#load?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('data') && this.data) {
      this._idea = this.data;
      this.idea = this.data.id;
      this._status = 'ready';
    } else if (changed.has('idea') && !this.data && this.idea !== this._idea?.id) {
      void this.#fetch();
    }
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
    try {
      const idea = await client.ideas.get(this.idea, { signal: load.signal });
      if (load.signal.aborted) return;
      this._idea = idea;
      this._status = 'ready';
    } catch (err) {
      if (load.signal.aborted) return;
      const missing = (err as { status?: number }).status === 404;
      this._status = missing ? 'missing' : 'error';
      this._message = { text: missing ? this.t('vote.missing') : this.describeError(err), visible: true };
    }
  }

  async #toggle(): Promise<void> {
    const idea = this._idea;
    const client = this.client;
    if (!idea || !client || this._pending) return;
    if (!this.signedIn) {
      this._message = { text: this.t(this.sessionExpired ? 'error.sessionExpired' : 'vote.signIn'), visible: true };
      return;
    }
    const before = { votes: idea.votes, voted: idea.voted };
    // Show the new state at once; the server's answer then sets the exact count.
    this._idea = { ...idea, voted: !idea.voted, votes: idea.votes + (idea.voted ? -1 : 1) };
    this._pending = true;
    this._message = null;
    try {
      const state = before.voted ? await client.ideas.unvote(idea.id) : await client.ideas.vote(idea.id);
      this._idea = { ...idea, ...state };
      const votes = this.t('vote.count', { count: state.votes });
      this._message = { text: this.t(state.voted ? 'vote.counted' : 'vote.removed', { title: idea.title, votes }), visible: false };
      this.dispatchEvent(new BkVoteChangeEvent({ ideaId: idea.id, ...state, source: this }));
    } catch (err) {
      this._idea = { ...idea, ...before };
      this._message = { text: this.t('vote.failed', { reason: this.describeError(err) }), visible: true };
    } finally {
      this._pending = false;
    }
  }

  protected override render() {
    const status = html`<span class="message ${this._message?.visible ? 'error' : 'visually-hidden'}" part="message" role="status"
      >${this._message?.text ?? ''}</span
    >`;
    if (!this.client) return html`<span class="placeholder" part="message">${this.t('error.notConfigured')}</span>`;
    const idea = this._idea;
    if (!idea) {
      if (this._status === 'loading') return html`<span class="placeholder" role="status">${this.t('vote.loading')}</span>`;
      return status;
    }
    const inline = this.variant === 'inline';
    return html`
      <button
        class="vote"
        part="button"
        type="button"
        aria-pressed=${idea.voted ? 'true' : 'false'}
        aria-disabled=${this.signedIn ? nothing : 'true'}
        aria-busy=${this._pending ? 'true' : nothing}
        @click=${this.#toggle}
      >
        <span class="visually-hidden">${this.t('vote.name', { title: idea.title })}</span>
        <svg class="icon" viewBox="0 0 16 16" aria-hidden="true">
          ${idea.voted ? svg`<path d="M6.3 12.3 2 8l1.4-1.4 2.9 2.9 6.3-6.3L14 4.6z" />` : svg`<path d="M8 2.5 14.5 12h-13z" />`}
        </svg>
        ${inline ? html`<span class="label" part="label">${this.t('vote.back')}</span>` : nothing}
        <span class="count" part="count">${new Intl.NumberFormat(this.locale).format(idea.votes)}</span>
        <span class=${inline ? 'visually-hidden' : 'label'} part=${inline ? nothing : 'label'}>${this.t('vote.unit', { count: idea.votes })}</span>
      </button>
      ${status}
    `;
  }
}
