/** People, one search and related content: `@bridgekit/sdk/parts/discovery`. */
import type { RelatedItem } from '../community-types.ts';
import type { MemberPart } from '../core.ts';

/**
 * `people`, `search` and `related` of the member client.
 *
 * @example
 * const { search } = discoveryPart(memberTransport({ baseUrl, tenant: 'acme' }));
 * const results = await search({ q: 'onboarding' });
 */
export const discoveryPart: MemberPart<'people' | 'search' | 'related'> = (http) => ({
  people: { view: (handle, o) => http.request('GET', `/people/${encodeURIComponent(handle)}`, { signal: o?.signal }) },
  search: ({ q, kinds, board, area, status, since, limit }, o) =>
    http.request('GET', '/search', {
      query: { q, kinds: kinds?.length ? kinds.join(',') : undefined, board, area, status, since, limit },
      signal: o?.signal,
    }),
  related: async ({ kind, id, limit }, o) =>
    (await http.request<{ items: RelatedItem[] }>('GET', '/related', { query: { kind, id, limit }, signal: o?.signal })).items,
});
