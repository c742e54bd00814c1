/** An idea board's first screen: `@bridgekit/sdk/parts/ideas-board`. */
import type { BridgekitMemberClient } from '../client.ts';
import type { Transport } from '../core.ts';
import { callOf } from '../http.ts';
import type { IdeaListQuery, VoteInput } from '../types.ts';

/** The calls of `boards` and `ideas` a board and its vote controls make before anyone opens an idea. */
export interface IdeasBoardCalls {
  boards: Pick<BridgekitMemberClient['boards'], 'get'>;
  ideas: Pick<BridgekitMemberClient['ideas'], 'list' | 'get' | 'vote' | 'unvote'>;
}

/**
 * A board's calls only: `ideasPart` (`@bridgekit/sdk/parts/ideas`) has them and every other call of
 * `boards`, `ideas` and `units`. The widgets provide this part up front and load the whole one on
 * the first other call, so a page with a board does not carry the form's, the triage's and the
 * idea view's calls.
 */
export const ideasBoardPart = (http: Transport): IdeasBoardCalls => {
  const seg = encodeURIComponent;
  return {
    boards: {
      get: (slug, o) => http.request('GET', `/boards/${seg(slug)}`, { signal: o?.signal }),
    },
    ideas: {
      list: ({ board, sort, cursor, limit, categories, unit, signal }) =>
        http.request('GET', `/boards/${seg(board)}/ideas`, {
          query: {
            sort,
            cursor: cursor ?? undefined,
            limit,
            category: categories?.length ? categories.join(',') : undefined,
            unit,
          } satisfies IdeaListQuery,
          signal,
        }),
      get: (id, o) => http.request('GET', `/ideas/${seg(id)}`, { signal: o?.signal }),
      vote: (id, o) =>
        http.request('PUT', `/ideas/${seg(id)}/vote`, {
          body: o?.votes === undefined ? undefined : ({ votes: o.votes } satisfies VoteInput),
          ...callOf(o),
        }),
      unvote: (id, o) => http.request('DELETE', `/ideas/${seg(id)}/vote`, { ...callOf(o) }),
    },
  };
};
