/** One search across ideas, discussions and practice cards, and the content related to one item. */
import { createRoute } from '@hono/zod-openapi';
import { jsonContent, limitedErrors, optionalBearer, readErrors, TenantParams } from '../schemas/common.ts';
import { RelatedItemsSchema, RelatedQuerySchema, SearchQuerySchema, SearchResultsSchema } from '../schemas/search.ts';
import { relatedTo } from '../store/related.ts';
import { searchAll } from '../store/search-all.ts';
import { createRouter } from './router.ts';

const TAG = 'Search';

export const searchRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/search',
      operationId: 'search',
      security: optionalBearer,
      tags: [TAG],
      summary: 'Search ideas, discussions and practice cards at once',
      description:
        'Full-text search with stemming ("automate invoices" finds "automating invoice matching"), best first across all kinds: each kind is ranked by relevance and scored against its own best match, so the best card, idea and comment are all near the top. Each hit has a plain-text `snippet` with the words found as `marks` offsets. Only what the caller may see is found: published ideas (not merged duplicates), published cards the caller may read (a unit’s cards for its relationship team, CIOs and admins, as in the library; obsolete ones rank lower) and published comments — of an idea\'s or card\'s own discussion only while that idea or card is published. A search whose words are all too short or too common answers no hits.',
      request: { params: TenantParams, query: SearchQuerySchema },
      responses: { 200: jsonContent(SearchResultsSchema, 'The hits, best first, and how many of each kind matched.'), ...limitedErrors },
    }),
    async (c) => {
      const { q, kinds, board, area, status, since, limit } = c.req.valid('query');
      return c.json(await searchAll(c.var.db, c.var.tenant.id, c.var.viewer, { q, kinds, board, area, status, since, limit }), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/related',
      operationId: 'findRelated',
      security: optionalBearer,
      tags: [TAG],
      summary: 'Ideas, cards and threads related to one of them',
      description:
        "First the items its stored links name, both ways: the card that answered an idea and the ideas a card answered, the card an idea was proposed from and the ideas it sparked, the thread a card was promoted from and the cards promoted from a thread, what a card's link fields name and the cards that name it. Then the items of the two other kinds whose text is most like its own (an idea's title and description, a card's title and summary, a thread's title and first comment). Never the item itself or its own discussion, only what every reader may see (no card kept to a unit's team or private); 404 when the item is not one of them, or a card the caller may not read.",
      request: { params: TenantParams, query: RelatedQuerySchema },
      responses: { 200: jsonContent(RelatedItemsSchema, 'Linked items first, then similar ones.'), ...readErrors },
    }),
    async (c) => {
      const { kind, id, limit } = c.req.valid('query');
      return c.json({ items: await relatedTo(c.var.db, c.var.tenant.id, c.var.viewer, kind, id, limit) }, 200);
    },
  );
