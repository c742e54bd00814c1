import type { FollowState, SubscriptionTarget } from '@bridgekit/sdk';
import { notificationsPart } from '@bridgekit/sdk/parts/notifications';
import { html, nothing, type PropertyValues } from 'lit';
import { BkFollowChangeEvent } from '../../events/follow-change.ts';
import { BridgekitElement } from '../../shared/bridgekit-element.ts';
import { usePart } from '../../shared/client.ts';
import { registerFeature } from '../../shared/i18n.ts';
import { followMessages } from '../../shared/messages/follow.ts';
import { tokens } from '../../shared/styles.ts';
import { followStyles } from './follow.styles.ts';

usePart(notificationsPart);

registerFeature(followMessages);

const TARGETS: readonly SubscriptionTarget[] = ['idea', 'board', 'thread', 'card', 'area', 'tag'];

/**
 * Follow or stop following an idea, a board, a discussion, a practice card, a practice area or
 * a tag: a toggle button ("Follow" / "Following") for the signed-in person, who is then told in
 * `<bk-inbox>` (and by e-mail, as they chose) of new comments and changes. Authors, voters and
 * commenters follow what they take part in by themselves; once they unfollow, it says so, and
 * taking part again does not follow it again. Shows nothing to people who are not signed in.
 * The idea's view, a board's header, a discussion's header and a practice card show it.
 *
 * @tag bk-follow
 * @summary Follow an idea, board, discussion, card, practice area or tag to be notified of what happens.
 *
 * @attr target - What `item-id` names: `idea` (default), `board` (its slug), `thread` (its id), `card`, `area` or `tag`.
 * @attr item-id - The id of what is followed.
 * @attr tenant - Overrides the page's tenant for this element.
 *
 * @event bk-follow-change - The person followed or unfollowed it ({@link BkFollowChangeEvent}).
 * @event bk-error - A call to the API failed.
 *
 * @csspart button - The toggle button.
 * @csspart note - "You unfollowed this", after an unfollow.
 * @cssproperty --bk-follow-pressed-background - Background of the button while following. Default `--bk-color-brand-subtle`.
 */
export class BkFollow extends BridgekitElement {
  static override styles = [tokens, followStyles];
  static override properties = {
    target: { type: String, reflect: true },
    itemId: { type: String, reflect: true, attribute: 'item-id' },
    _state: { state: true },
    _busy: { state: true },
    _announcement: { state: true },
  };

  declare target: SubscriptionTarget;
  declare itemId: string;
  declare _state: FollowState | null;
  declare _busy: boolean;
  declare _announcement: string;

  #request: AbortController | null = null;

  constructor() {
    super();
    this.target = 'idea';
    this.itemId = '';
    this._state = null;
    this._busy = false;
    this._announcement = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.addEventListener(BkFollowChangeEvent.type, this.#onChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener(BkFollowChangeEvent.type, this.#onChange);
    this.#request?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('target') || changed.has('itemId') || changed.has('tenant')) void this.#load();
  }

  protected configChanged(): void {
    void this.#load();
  }

  get #kind(): SubscriptionTarget {
    return TARGETS.includes(this.target) ? this.target : 'idea';
  }

  /** Another control on the page (the board's, the idea's) changed the same subscription. */
  #onChange = (event: BkFollowChangeEvent) => {
    const { state } = event;
    if (event.target !== this && state.target === this.#kind && state.id === this.itemId) this._state = state;
  };

  async #load(): Promise<void> {
    this.#request?.abort();
    this._state = null;
    const client = this.client;
    if (!client || !this.itemId || !this.signedIn) return;
    const request = new AbortController();
    this.#request = request;
    try {
      const state = await client.subscriptions.get(this.#kind, this.itemId, { signal: request.signal });
      if (!request.signal.aborted) this._state = state;
    } catch (err) {
      // The button stays away; the page hears of it through `bk-error`.
      if (!request.signal.aborted) await this.describeError(err);
    }
  }

  async #toggle(): Promise<void> {
    const client = this.client;
    const state = this._state;
    if (!client || !state || this._busy) return;
    this._busy = true;
    this._announcement = '';
    try {
      const api = client.subscriptions;
      const next = state.following ? await api.unfollow(state.target, state.id) : await api.follow(state.target, state.id);
      this._state = next;
      this._announcement = this.t(next.following ? 'follow.followed' : 'follow.unfollowed');
      this.dispatchEvent(new BkFollowChangeEvent(next));
    } catch (err) {
      this._announcement = this.t('follow.failed', { reason: await this.describeError(err) });
    } finally {
      this._busy = false;
    }
  }

  protected override render() {
    const state = this._state;
    if (!state) return nothing;
    const unfollowed = !state.following && state.source !== null;
    return html`<button
        type="button"
        class="button"
        part="button"
        aria-pressed=${state.following ? 'true' : 'false'}
        aria-disabled=${this._busy ? 'true' : 'false'}
        aria-describedby="bk-follow-hint"
        @click=${this.#toggle}
      >
        <span aria-hidden="true">${state.following ? '✓' : '+'}</span>${this.t(state.following ? 'follow.following' : 'follow.follow')}
      </button>
      <span id="bk-follow-hint" class="visually-hidden">${this.t('follow.hint')}</span>
      ${unfollowed ? html`<span class="note" part="note">${this.t('follow.unfollowedNote')}</span>` : nothing}
      <span class="visually-hidden" role="status">${this._announcement}</span>`;
  }
}
