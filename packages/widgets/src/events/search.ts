import type { SearchQuery, SearchResults } from '@bridgekit/sdk';

/** Fired by `<bk-search>` when a search answered: what was asked, and what was found. */
export class BkSearchEvent extends Event {
  static readonly type = 'bk-search';
  /** The query as sent: the words, the kinds and the filters. */
  readonly query: SearchQuery;
  /** The hits shown, best first, and how many of each kind matched. */
  readonly results: SearchResults;

  constructor(query: SearchQuery, results: SearchResults) {
    super(BkSearchEvent.type, { bubbles: true, composed: true });
    this.query = query;
    this.results = results;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bk-search': BkSearchEvent;
  }
}
