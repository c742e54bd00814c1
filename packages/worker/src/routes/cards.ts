/**
 * Practice cards: the library (list, search, filters), one card, saving with version checks,
 * history, diff and restore, content health (verify, obsolete, the review queue), usefulness
 * (helped, views), links, export, and the practice areas.
 */
import type { PracticeCard } from '@bridgekit/sdk';
import { createRoute, z } from '@hono/zod-openapi';
import type { Actor, Viewer } from '../auth/viewer.ts';
import { ANONYMOUS, hasRole, requireWriter, roleOf } from '../auth/viewer.ts';
import { cardToMarkdown } from '../cards/markdown-export.ts';
import type { Database } from '../db/client.ts';
import { ApiError } from '../errors.ts';
import {
  CardDiffSchema,
  CardInputSchema,
  CardLinksSchema,
  CardListQuery,
  CardPageSchema,
  CardParams,
  CardSchema,
  CardUpdateSchema,
  CardVersionDetailSchema,
  CardVersionParams,
  CardVersionSchema,
  DiffQuery,
  ExportQuery,
  ObsoleteSchema,
  PracticeAreaSummarySchema,
  RestoreSchema,
  ReviewQueueQuery,
  TemplateSchema,
  VerifySchema,
} from '../schemas/cards.ts';
import {
  bearer,
  bodyErrors,
  conflictError,
  jsonContent,
  limitedErrors,
  optionalBearer,
  readErrors,
  rejectedError,
  TenantParams,
} from '../schemas/common.ts';
import { examples, jsonBody } from '../schemas/examples.ts';
import { CARD_LIST_SCOPES } from '../store/cache-versions.ts';
import {
  cardDiff,
  cardLinksOf,
  cardsBeyondPublic,
  cardVersionDetail,
  cardVersionList,
  emptyCardSearch,
  listCards,
  listCardsQuery,
  personalCardQuery,
  practiceAreas,
  reviewQueue,
} from '../store/card-library.ts';
import { dayOf } from '../store/card-rows.ts';
import {
  cardVisible,
  countView,
  createCard,
  getCard,
  ownsCard,
  restoreCard,
  setHelped,
  setObsolete,
  updateCard,
  verifyCard,
} from '../store/cards.ts';
import { findTemplate } from '../store/templates.ts';
import { cachedRead, jsonAnswer, lazily } from './read-cache.ts';
import { createRouter } from './router.ts';

const TAG = 'Practice cards';
const cardJson = (description: string) => jsonContent(CardSchema, description);

const isModerator = async (db: Database, tenantId: string, viewer: Viewer) => hasRole(await roleOf(db, tenantId, viewer), 'moderator');

/**
 * The card as the caller may read it: published, or their own held card — or, for moderators,
 * any card (404 otherwise). Most cards are published, so the role is asked only when it matters.
 */
async function readCard(db: Database, tenantId: string, viewer: Viewer, id: string): Promise<PracticeCard> {
  try {
    return await getCard(db, tenantId, viewer, id);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404) || !(await isModerator(db, tenantId, viewer))) throw error;
    return getCard(db, tenantId, viewer, id, Date.now(), true);
  }
}

/** 404 unless the caller may read the card (its versions, diff and links are the card's). */
async function assertReadable(db: Database, tenantId: string, viewer: Viewer, id: string): Promise<void> {
  if (!(await cardVisible(db, tenantId, viewer, id))) await readCard(db, tenantId, viewer, id);
}

/** Owners look after their cards; moderators may too. */
async function requireOwnerOrModerator(db: Database, tenantId: string, viewer: Viewer, actor: Actor, id: string, action: string) {
  if (await ownsCard(db, tenantId, actor, id)) return;
  if (await isModerator(db, tenantId, viewer)) return;
  throw new ApiError(403, 'forbidden.card_owner', { action });
}

export const cardsRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/cards',
      operationId: 'listCards',
      security: optionalBearer,
      tags: [TAG],
      summary: 'List or search practice cards',
      description:
        'With `q`: full-text search over titles, summaries and field values (stemmed: "business cases" finds "business case"), best match first, each with a highlighted `snippet`. Filters: practice area, template, owner (`me` or a handle), freshness, and `cites` (cards linking to an idea, thread or card).',
      request: { params: TenantParams, query: CardListQuery },
      responses: { 200: jsonContent(CardPageSchema, 'One page of cards.'), ...limitedErrors },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const { db, tenant, viewer } = c.var;
      const now = Date.now();
      if (emptyCardSearch(query)) return c.json({ items: [], nextCursor: null }, 200);
      if (personalCardQuery(query)) return c.json(await listCards(db, tenant.id, viewer, query, now), 200);
      // Built on a miss only; a query it refuses (400, whoever asks) is never cached, so it is refused before any read.
      const shared = lazily(() => listCardsQuery(db, tenant.id, ANONYMOUS, query, now));
      const page = await cachedRead(c, {
        // Freshness is by the day: the next day's answer is another one.
        key: `cards\u0000${dayOf(now)}\u0000${JSON.stringify(query)}`,
        scopes: CARD_LIST_SCOPES,
        shared,
        mine: viewer.kind === 'anonymous' ? undefined : () => cardsBeyondPublic(db, tenant.id, viewer),
        // Someone who sees cards everyone does not (their held ones, their unit's, private ones) is answered uncached.
        merge: (page, [own]: { extra: number }[]) => (own && !own.extra ? page : null),
        uncached: () => listCardsQuery(c.var.db, c.var.tenant.id, c.var.viewer, query, now),
      });
      return jsonAnswer(c, page);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/cards',
      operationId: 'createCard',
      security: bearer,
      tags: [TAG],
      summary: 'Create a card on a template',
      description:
        'The fields are validated against the template, with an error per field (`details[].path` like `body.fields.options.1.cost.amount`). The author owns the card unless `owner` names someone; it is due for review in six months unless `reviewBy` says otherwise. Its text passes the moderation pipeline: published, held whole for review (`moderation.state: "pending"`, seen by its author and moderators only), or refused (422 `card_rejected`, naming the field). Banned and timed-out people get 403.',
      request: { params: TenantParams, body: jsonBody(CardInputSchema, examples.newCard) },
      responses: { 201: cardJson('The card, version 1.'), ...bodyErrors, ...rejectedError('text') },
    }),
    async (c) => {
      const { viewer } = c.var;
      const actor = requireWriter(viewer, 'write a practice card');
      return c.json(await createCard(c.var.db, c.var.tenant, { viewer, actor }, c.req.valid('json')), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/cards/review-queue',
      operationId: 'getReviewQueue',
      security: optionalBearer,
      tags: [TAG],
      summary: 'Cards due for review, for their owner',
      description:
        'Cards past their review-by date or within 30 days of it, not obsolete, the most overdue first. `owner` is `me` (default) or a handle.',
      request: { params: TenantParams, query: ReviewQueueQuery },
      responses: { 200: jsonContent(CardPageSchema, 'One page of the queue.'), ...readErrors },
    }),
    async (c) => {
      const { owner, cursor, limit } = c.req.valid('query');
      if (owner === 'me') requireWriter(c.var.viewer, 'see your review queue');
      return c.json(await reviewQueue(c.var.db, c.var.tenant.id, c.var.viewer, owner, cursor, limit), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/practice-areas',
      operationId: 'listPracticeAreas',
      security: optionalBearer,
      tags: [TAG],
      summary: 'Practice areas with their cards and owners',
      description:
        'Every practice area, with its live cards, their owners (the named experts), and how many have no owner — an area with no owner needs one.',
      request: { params: TenantParams },
      responses: { 200: jsonContent(z.object({ items: z.array(PracticeAreaSummarySchema) }), 'The areas.'), ...readErrors },
    }),
    async (c) => c.json({ items: await practiceAreas(c.var.db, c.var.tenant.id) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/cards/{id}',
      operationId: 'getCard',
      security: optionalBearer,
      tags: [TAG],
      summary: 'Get a card',
      description:
        "A card held for moderation or rejected is seen by its author and moderators only (404 for everyone else). `pendingEdit` is the caller's own held edit of it.",
      request: { params: CardParams },
      responses: { 200: cardJson('The card.'), ...readErrors },
    }),
    async (c) => c.json(await readCard(c.var.db, c.var.tenant.id, c.var.viewer, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/tenants/{tenant}/cards/{id}',
      operationId: 'updateCard',
      security: bearer,
      tags: [TAG],
      summary: 'Save a new version of a card',
      description:
        'Send the version you started from as `baseVersion`. If someone saved since, the answer is `409` naming the newer version; nothing is overwritten. Any signed-in member may edit (it is a wiki); every save that changes the card is kept as a version, and one that changes nothing (a note alone is no change) answers the card as it is, same `version`, and records nothing. The text passes the moderation pipeline: a held edit of a published card waits for a moderator (the answer is the card as readers still see it, with the edit as `pendingEdit`); a refused one answers 422 `card_rejected`.',
      request: { params: CardParams, body: jsonBody(CardUpdateSchema, examples.cardUpdate) },
      responses: {
        200: cardJson('The card, one version later — or as it was: with the held edit as `pendingEdit`, or when nothing changed.'),
        ...bodyErrors,
        ...conflictError,
        ...rejectedError('text'),
      },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const actor = requireWriter(viewer, 'edit a practice card');
      return c.json(await updateCard(db, tenant, { viewer, actor }, c.req.valid('param').id, c.req.valid('json')), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/cards/{id}/versions',
      operationId: 'listCardVersions',
      security: optionalBearer,
      tags: [TAG],
      summary: "A card's versions, newest first",
      request: { params: CardParams },
      responses: { 200: jsonContent(z.object({ items: z.array(CardVersionSchema) }), 'Who saved when, and why.'), ...readErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const { id } = c.req.valid('param');
      await assertReadable(db, tenant.id, viewer, id);
      return c.json({ items: await cardVersionList(db, tenant.id, id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/cards/{id}/versions/{version}',
      operationId: 'getCardVersion',
      security: optionalBearer,
      tags: [TAG],
      summary: 'One version of a card, as it was',
      request: { params: CardVersionParams },
      responses: { 200: jsonContent(CardVersionDetailSchema, 'The version.'), ...readErrors },
    }),
    async (c) => {
      const { id, version } = c.req.valid('param');
      await assertReadable(c.var.db, c.var.tenant.id, c.var.viewer, id);
      return c.json(await cardVersionDetail(c.var.db, c.var.tenant.id, id, version), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/cards/{id}/diff',
      operationId: 'diffCardVersions',
      security: optionalBearer,
      tags: [TAG],
      summary: 'Field-level changes between two versions',
      request: { params: CardParams, query: DiffQuery },
      responses: { 200: jsonContent(CardDiffSchema, 'The changes, in template order.'), ...readErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const { id } = c.req.valid('param');
      const { from, to } = c.req.valid('query');
      const card = await readCard(db, tenant.id, viewer, id);
      return c.json(await cardDiff(db, tenant.id, id, await findTemplate(db, tenant.id, card.templateId), from, to), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/cards/{id}/restore',
      operationId: 'restoreCardVersion',
      security: bearer,
      tags: [TAG],
      summary: "Restore an old version's content as the newest version",
      request: { params: CardParams, body: jsonBody(RestoreSchema, examples.restore) },
      responses: { 200: cardJson('The card, one version later.'), ...bodyErrors, ...conflictError },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const actor = requireWriter(viewer, 'restore a version');
      const { version, baseVersion } = c.req.valid('json');
      return c.json(await restoreCard(db, tenant, { viewer, actor }, c.req.valid('param').id, version, baseVersion), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/cards/{id}/verify',
      operationId: 'verifyCard',
      security: bearer,
      tags: [TAG],
      summary: 'Confirm a card is still right (owner or moderator)',
      description: 'Moves the review-by date on: to `reviewBy`, or six months from today.',
      request: { params: CardParams, body: jsonBody(VerifySchema, examples.verify, false) },
      responses: { 200: cardJson('The card.'), ...bodyErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const actor = requireWriter(viewer, 'verify a card');
      const { id } = c.req.valid('param');
      await requireOwnerOrModerator(db, tenant.id, viewer, actor, id, 'verify it');
      await verifyCard(db, tenant.id, id, c.req.valid('json')?.reviewBy, Date.now(), actor);
      return c.json(await getCard(db, tenant.id, viewer, id), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/tenants/{tenant}/cards/{id}/obsolete',
      operationId: 'markCardObsolete',
      security: bearer,
      tags: [TAG],
      summary: 'Mark a card obsolete (owner or moderator)',
      description: 'It stays findable, clearly marked, with the reason (say what replaces it).',
      request: { params: CardParams, body: jsonBody(ObsoleteSchema, examples.obsolete) },
      responses: { 200: cardJson('The card.'), ...bodyErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const actor = requireWriter(viewer, 'mark a card obsolete');
      const { id } = c.req.valid('param');
      await requireOwnerOrModerator(db, tenant.id, viewer, actor, id, 'mark it obsolete');
      await setObsolete(db, tenant.id, actor, id, c.req.valid('json').reason);
      return c.json(await getCard(db, tenant.id, viewer, id), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/tenants/{tenant}/cards/{id}/obsolete',
      operationId: 'unmarkCardObsolete',
      security: bearer,
      tags: [TAG],
      summary: 'Take back the obsolete mark (owner or moderator)',
      request: { params: CardParams },
      responses: { 200: cardJson('The card.'), ...limitedErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const actor = requireWriter(viewer, 'change a card');
      const { id } = c.req.valid('param');
      await requireOwnerOrModerator(db, tenant.id, viewer, actor, id, 'take back the obsolete mark');
      await setObsolete(db, tenant.id, actor, id, null);
      return c.json(await getCard(db, tenant.id, viewer, id), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/tenants/{tenant}/cards/{id}/helped',
      operationId: 'markCardHelped',
      security: bearer,
      tags: [TAG],
      summary: '"This helped me" (once per reader)',
      request: { params: CardParams },
      responses: { 200: cardJson('The card with its count.'), ...limitedErrors },
    }),
    async (c) => {
      const actor = requireWriter(c.var.viewer, 'say a card helped you');
      const { id } = c.req.valid('param');
      await setHelped(c.var.db, c.var.tenant.id, actor, id, true);
      return c.json(await getCard(c.var.db, c.var.tenant.id, actor, id), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/tenants/{tenant}/cards/{id}/helped',
      operationId: 'unmarkCardHelped',
      security: bearer,
      tags: [TAG],
      summary: 'Take back "this helped me"',
      request: { params: CardParams },
      responses: { 200: cardJson('The card with its count.'), ...limitedErrors },
    }),
    async (c) => {
      const actor = requireWriter(c.var.viewer, 'change what helped you');
      const { id } = c.req.valid('param');
      await setHelped(c.var.db, c.var.tenant.id, actor, id, false);
      return c.json(await getCard(c.var.db, c.var.tenant.id, actor, id), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/cards/{id}/views',
      operationId: 'countCardView',
      security: bearer,
      tags: [TAG],
      summary: 'Count a view',
      description: 'Widgets call it when a signed-in reader opens a card.',
      request: { params: CardParams },
      responses: { 204: { description: 'Counted.' }, ...limitedErrors },
    }),
    async (c) => {
      requireWriter(c.var.viewer, 'count a view');
      await countView(c.var.db, c.var.tenant.id, c.var.viewer, c.req.valid('param').id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/cards/{id}/links',
      operationId: 'getCardLinks',
      security: optionalBearer,
      tags: [TAG],
      summary: 'What a card cites and what cites it',
      description:
        'Ideas, threads and cards its link fields point at (`cites`); cards that link to it and ideas whose status link points at it (`cited-by`, e.g. a deflection "self-service: see practice card" whose link ends with `/cards/<id>` or `card=<id>`); requests whose status named it as their answer (`answers`) and ideas proposed from it (`sparked`), published ideas only; and its own discussion thread (`own`, key `card:<id>`).',
      request: { params: CardParams },
      responses: { 200: jsonContent(CardLinksSchema, 'The links.'), ...readErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await assertReadable(c.var.db, c.var.tenant.id, c.var.viewer, id);
      return c.json(await cardLinksOf(c.var.db, c.var.tenant.id, c.var.viewer, id), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/cards/{id}/export',
      operationId: 'exportCard',
      security: optionalBearer,
      tags: [TAG],
      summary: 'Export a card as Markdown or JSON',
      request: { params: CardParams, query: ExportQuery },
      responses: {
        200: {
          description: 'Markdown (`text/markdown`), or JSON with the card and its template.',
          content: {
            'text/markdown': { schema: z.string() },
            'application/json': { schema: z.object({ card: CardSchema, template: TemplateSchema }) },
          },
        },
        ...limitedErrors,
      },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const card = await readCard(db, tenant.id, viewer, c.req.valid('param').id);
      const template = await findTemplate(db, tenant.id, card.templateId);
      const filename = `${
        card.title
          .replace(/[^\p{L}\p{N}]+/gu, '-')
          .replace(/^-|-$/g, '')
          .slice(0, 80) || card.id
      }`;
      if (c.req.valid('query').format === 'json') {
        c.header('content-disposition', `attachment; filename="${encodeURIComponent(filename)}.json"`);
        return c.json({ card, template }, 200);
      }
      c.header('content-type', 'text/markdown; charset=utf-8');
      c.header('content-disposition', `attachment; filename="${encodeURIComponent(filename)}.md"`);
      return c.body(cardToMarkdown(card, template), 200);
    },
  );
