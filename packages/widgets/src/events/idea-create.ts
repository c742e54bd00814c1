import type { Idea } from '@bridgekit/sdk';

/** Fired when the person submitted an idea and the server stored it. */
export class BkIdeaCreateEvent extends Event {
  static readonly type = 'bk-idea-create';
  readonly idea: Idea;

  constructor(idea: Idea) {
    super(BkIdeaCreateEvent.type, { bubbles: true, composed: true });
    this.idea = idea;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bk-idea-create': BkIdeaCreateEvent;
  }
}
