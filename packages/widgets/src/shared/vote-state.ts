/**
 * One way for every element that shows an idea to follow the votes cast on the page: the vote
 * state the server answered (the SDK's `VoteState`), carried whole by `bk-vote-change`.
 */
import type { Idea, VoteState } from '@bridgekit/sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { BkVoteChangeEvent } from '../events/vote-change.ts';

/** What a vote changes on the idea itself: all of `VoteState` but the budget, which is the board's. */
type VoteFields = Exclude<keyof VoteState, 'budget'>;

/**
 * The idea with a vote's outcome applied: its votes, supporters and business units, and the
 * person's vote. (A field added to `VoteState` that `Idea` lacks fails the type check here.)
 */
export function withVoteState<T extends Pick<Idea, VoteFields>>(idea: T, state: VoteState): T {
  const { budget: _budget, ...fields } = state;
  return { ...idea, ...fields };
}

/**
 * Calls `onChange` for every vote confirmed on the page while the host is connected: in the
 * host's own rows, or in any other element (an inline `<bk-idea-vote>`, another board).
 * `bk-vote-change` bubbles out of shadow roots, so the document hears them all.
 */
export class VoteChanges implements ReactiveController {
  readonly #onChange: (event: BkVoteChangeEvent) => void;
  readonly #listener = (event: BkVoteChangeEvent) => this.#onChange(event);

  constructor(host: ReactiveControllerHost, onChange: (event: BkVoteChangeEvent) => void) {
    this.#onChange = onChange;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener(BkVoteChangeEvent.type, this.#listener);
  }

  hostDisconnected(): void {
    document.removeEventListener(BkVoteChangeEvent.type, this.#listener);
  }
}
