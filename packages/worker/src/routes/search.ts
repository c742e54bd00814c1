/**
 * One search across ideas, discussions and practice cards, and the content related to one item,
 * both shared answers of the read cache (read-cache.ts). A search is shared by the readers of a
 * visibility class (store/search-all.ts `SearchClass`: who sees the same cards): the answer is
 * looked up under the class this isolate last saw the reader in, and the round trip that checks
 * its versions reads their class now — another class answers for them alone, uncached. Related
 * content is the same for everyone who may see the item; for a card, that round trip checks they may.
 */
import { createRoute } from '@hono/zod-openapi';
import { effectiveRole, hasRole, type Viewer } from '../auth/viewer.ts';
import { jsonContent, limitedErrors, optionalBearer, readErrors, TenantParams } from '../schemas/common.ts';
import { RelatedItemsSchema, RelatedQuerySchema, SearchQuerySchema, SearchResultsSchema } from '../schemas/search.ts';
import { RELATED_SCOPES, SEARCH_SCOPES } from '../store/cache-versions.ts';
import { readableCard, relatedNotFound, relatedTo } from '../store/related.ts';
import { matchQuery } from '../store/search.ts';
import { classKey, noHits, parseClass, type SearchClass, searchClassOf, searchQuery } from '../store/search-all.ts';
import { cachedRead, jsonAnswer } from './read-cache.ts';
import { createRouter } from './router.ts';

const TAG = 'Search';

/** Who reads every card: the shared answer of related content is computed for them. */
const EVERY_CARD: Viewer = { kind: 'platform' };

/** The class this isolate last saw each reader in (tenant and subject), a bounded LRU. */
const lastClass = new Map<string, string>();
const CLASSES_KEPT = 10_000;

function classSeen(key: string, value: string): void {
  lastClass.delete(key);
  lastClass.set(key, value);
  if (lastClass.size > CLASSES_KEPT) {
    const oldest = lastClass.keys().next().value;
    if (oldest !== undefined) lastClass.delete(oldest);
  }
}

/** The class a viewer is in for certain without asking D1 (nobody signed in, an admin by credential), else null. */
function certainClass(viewer: Viewer): SearchClass | null {
  if (viewer.kind === 'anonymous') return [];
  return hasRole(effectiveRole(viewer, undefined), 'admin') ? 'all' : null;
}

const subjectOf = (viewer: Viewer) =>
  viewer.kind === 'user' ? viewer.subject : viewer.kind === 'apiKey' ? `apikey:${viewer.keyId}` : viewer.kind;

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
      const input = { q, kinds, board, area, status, since, limit };
      const { db, tenant, viewer } = c.var;
      if (!matchQuery(q)) return c.json(noHits(), 200);
      const now = Date.now();
      // Not null: the words leave something to search for.
      const forViewer = () =>
        searchQuery(c.var.db, c.var.tenant.id, c.var.viewer, input, now) as NonNullable<ReturnType<typeof searchQuery>>;
      const certain = certainClass(viewer);
      const seenAs = `${tenant.id}\u0000${subjectOf(viewer)}`;
      const guess = certain ? classKey(certain) : (lastClass.get(seenAs) ?? '[]');
      if (guess === 'own') {
        // A class of one: their own answer, and their class now (it may have become a shared one).
        const own = forViewer();
        const [[row], ...results] = await db.batch([searchClassOf(db, tenant.id, viewer), ...own.statements]);
        classSeen(seenAs, row?.class ?? '[]');
        return c.json(own.answer(results), 200);
      }
      const shared = searchQuery(db, tenant.id, { class: parseClass(guess) as Exclude<SearchClass, 'own'> }, input, now);
      if (!shared) return c.json(noHits(), 200);
      const results = await cachedRead(c, {
        // The day: a card's freshness is as of today.
        key: `search\u0000${JSON.stringify([input, new Date(now).toISOString().slice(0, 10), guess])}`,
        scopes: SEARCH_SCOPES,
        shared,
        mine: certain ? undefined : () => searchClassOf(db, tenant.id, viewer),
        merge: (answer, [row]: { class: string }[]) => {
          const current = row?.class ?? '[]';
          classSeen(seenAs, current);
          return current === guess ? answer : null;
        },
        uncached: forViewer,
      });
      return jsonAnswer(c, results);
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
      const { db, tenant, viewer } = c.var;
      const items = await cachedRead(c, {
        key: `related\u0000${JSON.stringify([kind, id, limit])}`,
        scopes: RELATED_SCOPES,
        shared: () => relatedTo(db, tenant.id, EVERY_CARD, kind, id, limit),
        mine: kind === 'card' ? () => readableCard(db, tenant.id, viewer, id) : undefined,
        merge: (answer, readable: unknown[]) => {
          if (readable.length === 0) throw relatedNotFound(kind, id);
          return answer;
        },
        uncached: () => () => relatedTo(c.var.db, c.var.tenant.id, c.var.viewer, kind, id, limit),
      });
      return c.json({ items }, 200);
    },
  );
