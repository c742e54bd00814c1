/**
 * Ideas on a board: list, submit (one's own, or on a business leader's behalf), read (alone, or
 * with everything its page shows), suggest similar ones; the author edits (with its earlier
 * texts) and withdraws it; moderators remove it.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { ANONYMOUS, hasRole, requireRole, requireWriter, roleOf } from '../auth/viewer.ts';
import { ApiError } from '../errors.ts';
import { decodeCursor } from '../lib/cursor.ts';
import {
  bearer,
  bodyErrors,
  conflictError,
  jsonContent,
  limitedErrors,
  optionalBearer,
  readErrors,
  redirectResponse,
  rejectedError,
} from '../schemas/common.ts';
import { examples, jsonBody } from '../schemas/examples.ts';
import { IdeaViewSchema } from '../schemas/idea-view.ts';
import {
  BoardIdeasParams,
  IdeaEditSchema,
  IdeaPageSchema,
  IdeaParams,
  IdeaRevisionSchema,
  IdeaSchema,
  ListIdeasQuery,
  NewIdeaSchema,
  SimilarIdeaSchema,
  SimilarQuery,
  WithdrawInputSchema,
} from '../schemas/ideas.ts';
import { findBoardRecord } from '../store/boards.ts';
import { IDEA_LIST_SCOPES, IDEA_VIEW_SCOPES, SIMILAR_SCOPES } from '../store/cache-versions.ts';
import { editIdea, ideaRevisionsOf } from '../store/idea-edits.ts';
import { ideaViewQuery, type OwnIdeaViewState, ownIdeaViewState, shownView, withOwnViewState } from '../store/idea-view.ts';
import { deleteIdea, findIdea, listIdeasQuery, submitIdea, toIdea } from '../store/ideas.ts';
import { similarIdeas } from '../store/search.ts';
import { withdrawIdea } from '../store/status.ts';
import { type OwnIdeaState, ownIdeaState, withOwnState } from '../store/viewer-state.ts';
import { cachedRead, jsonAnswer, lazily } from './read-cache.ts';
import { createRouter } from './router.ts';

export const ideasRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/boards/{board}/ideas',
      operationId: 'listIdeas',
      security: optionalBearer,
      tags: ['Ideas'],
      summary: "List a board's ideas",
      description:
        "Cursor-paginated; merged duplicates are left out, and so are ideas held for moderation or rejected — except the caller's own, marked by `moderation`. Each idea carries the caller's own votes (`voted`, `myVotes`).",
      request: { params: BoardIdeasParams, query: ListIdeasQuery },
      responses: { 200: jsonContent(IdeaPageSchema, 'One page of ideas.'), ...readErrors },
    }),
    async (c) => {
      const { board } = c.req.valid('param');
      const { sort, cursor, limit, category, unit } = c.req.valid('query');
      const query = { board, sort, limit, categories: category, unit, cursor: cursor ? decodeCursor(cursor, sort) : null };
      const { db, tenant, viewer } = c.var;
      const page = await cachedRead(c, {
        key: `ideas\u0000${JSON.stringify(query)}`,
        scopes: IDEA_LIST_SCOPES,
        shared: lazily(() => listIdeasQuery(db, tenant.id, ANONYMOUS, query)),
        mine:
          viewer.kind === 'anonymous'
            ? undefined
            : (shared) =>
                ownIdeaState(
                  db,
                  tenant.id,
                  viewer,
                  board,
                  shared.items.map((i) => i.id),
                ),
        merge: (shared, own: OwnIdeaState[]) => withOwnState(shared, own),
        // After a refresh of the tenant's settings, for the viewer as the refresh identified them.
        uncached: () => listIdeasQuery(c.var.db, c.var.tenant.id, c.var.viewer, query),
      });
      return jsonAnswer(c, page);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/boards/{board}/ideas/similar',
      operationId: 'findSimilarIdeas',
      security: optionalBearer,
      tags: ['Ideas'],
      summary: 'Ideas similar to a title being typed',
      description: 'Full-text search with stemming over titles and descriptions, closed ideas included, for duplicate suggestions.',
      request: { params: BoardIdeasParams, query: SimilarQuery },
      responses: { 200: jsonContent(z.object({ items: z.array(SimilarIdeaSchema) }), 'Best matches first.'), ...limitedErrors },
    }),
    async (c) => {
      const { q, limit } = c.req.valid('query');
      const slug = c.req.valid('param').board;
      const similar = async () => {
        const { db, tenant } = c.var;
        return similarIdeas(db, tenant.id, await findBoardRecord(db, tenant.id, slug), q, limit);
      };
      const items = await cachedRead(c, {
        key: `similar\u0000${JSON.stringify([slug, q, limit])}`,
        scopes: SIMILAR_SCOPES,
        shared: similar,
        uncached: () => similar,
      });
      return c.json({ items }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/boards/{board}/ideas',
      operationId: 'createIdea',
      security: bearer,
      tags: ['Ideas'],
      summary: 'Submit an idea',
      description:
        'An opportunity or a change request, with the business case fields the board requires. Its text passes the moderation pipeline: published, held for review (`moderation.state: "pending"`, seen by its author and moderators only), or refused (422 `idea_rejected`, saying what to change). Banned and timed-out people get 403. `sourceCard` proposes it from a published practice card (400 `validation_failed.unknown_card` otherwise); proposing the same title from the same card again answers the idea it made (200), not a duplicate. `onBehalfOf` (evaluators, moderators and admins; 403 `forbidden.proxy_idea` for others) records it for a business leader who does not sign in: they become its author (the same e-mail address, the same person) and back it with one vote, which on a budget board needs a vote of theirs left (409 `vote_budget_exceeded.proxy`); the caller is its `recordedBy`.',
      request: { params: BoardIdeasParams, body: jsonBody(NewIdeaSchema, examples.newIdea) },
      responses: {
        200: jsonContent(IdeaSchema, 'The idea the caller already proposed from this card with this title.'),
        201: jsonContent(IdeaSchema, 'The new idea.'),
        ...bodyErrors,
        ...conflictError,
        ...rejectedError('text'),
      },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const author = requireWriter(viewer, 'submit an idea');
      const { idea, created } = await submitIdea(db, tenant, viewer, author, c.req.valid('param').board, c.req.valid('json'));
      return created ? c.json(idea, 201) : c.json(idea, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/ideas/{id}',
      operationId: 'getIdea',
      security: optionalBearer,
      tags: ['Ideas'],
      summary: 'Get one idea',
      description:
        'A duplicate merged into another idea answers with a permanent redirect to that one. An idea held for moderation or rejected is seen by its author and moderators only (404 for everyone else).',
      request: { params: IdeaParams },
      responses: {
        200: jsonContent(IdeaSchema, "The idea, with the caller's votes."),
        308: redirectResponse('Merged into another idea: that one is at `Location`.'),
        ...readErrors,
      },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const { id } = c.req.valid('param');
      // Only when the idea is hidden from the caller ask for the role: most reads are of published ideas.
      const visible = await findIdea(db, tenant.id, viewer, id);
      const asModerator = !visible && hasRole(await roleOf(db, tenant.id, viewer), 'moderator');
      const row = visible ?? (asModerator ? await findIdea(db, tenant.id, viewer, id, true) : null);
      if (!row) throw new ApiError(404, 'not_found.idea', { id });
      if (row.idea.mergedInto) {
        return c.redirect(`/v1/tenants/${encodeURIComponent(tenant.slug)}/ideas/${encodeURIComponent(row.idea.mergedInto)}`, 308);
      }
      return c.json(toIdea(row, asModerator), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/ideas/{id}/view',
      operationId: 'getIdeaView',
      security: optionalBearer,
      tags: ['Ideas'],
      summary: "Everything an idea's page shows",
      description:
        "The idea with its status history (oldest first, each change with the practice card it named), the card that answered it and the one it was proposed from, its duplicates, its supporters per business unit, the published cards that cite it, its own discussion (`idea:<id>`, with its published comments) and — for evaluators and up — the evaluators' averages per criterion. One round trip. Seen as `GET /ideas/{id}` sees it: a merged duplicate redirects to the original's view; a held or rejected idea is for its author and moderators only.",
      request: { params: IdeaParams },
      responses: {
        200: jsonContent(IdeaViewSchema, 'The idea and what surrounds it.'),
        308: redirectResponse('Merged into another idea: its view is at `Location`.'),
        ...readErrors,
      },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const { id } = c.req.valid('param');
      const answer = await cachedRead(c, {
        key: `idea-view\u0000${id}`,
        scopes: IDEA_VIEW_SCOPES,
        shared: lazily(() => ideaViewQuery(db, tenant.id, ANONYMOUS, id)),
        mine: viewer.kind === 'anonymous' ? undefined : () => ownIdeaViewState(db, tenant.id, viewer, id),
        merge: (shared, own: OwnIdeaViewState[]) => withOwnViewState(shared, viewer, own),
        // After a refresh of the tenant's settings, for the viewer as the refresh identified them.
        uncached: () => ideaViewQuery(c.var.db, c.var.tenant.id, c.var.viewer, id),
      });
      const result = shownView(answer, id);
      if ('mergedInto' in result) {
        return c.redirect(`/v1/tenants/${encodeURIComponent(tenant.slug)}/ideas/${encodeURIComponent(result.mergedInto)}/view`, 308);
      }
      return jsonAnswer(c, result.view);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/tenants/{tenant}/ideas/{id}',
      operationId: 'editIdea',
      security: bearer,
      tags: ['Ideas'],
      summary: "Edit an idea's text (its author, whoever recorded it, moderators)",
      description:
        'Changes the title, description, lane or business case fields given (a business case field set to `null` is cleared; the board\'s required fields must stay filled in). The text before is kept (`GET /ideas/{id}/revisions`), marked when evaluators had scored the idea, and the idea shows `editedAt` and — when edited after its last score — `scoreOutdated`. The new text passes the moderation pipeline as a new idea does: refused (422 `idea_rejected`, nothing changed), or applied — held for review (`moderation.state: "pending"`, hidden from all but its author and moderators until a moderator approves it) or published. Its author, whoever recorded it on their behalf, or a moderator (403 `forbidden.edit_others_idea` for anyone else). Closed, merged and rejected ideas cannot be edited (409). An edit that changes nothing changes nothing.',
      request: { params: IdeaParams, body: jsonBody(IdeaEditSchema, examples.ideaEdit) },
      responses: {
        200: jsonContent(IdeaSchema, 'The idea after the edit.'),
        ...bodyErrors,
        ...conflictError,
        ...rejectedError('text'),
      },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const actor = requireWriter(viewer, 'edit an idea');
      return c.json(await editIdea(db, tenant, viewer, actor, c.req.valid('param').id, c.req.valid('json')), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/ideas/{id}/revisions',
      operationId: 'listIdeaRevisions',
      security: optionalBearer,
      tags: ['Ideas'],
      summary: 'What an idea said before each edit',
      description:
        'Newest first: each earlier text with who replaced it and when, and `afterScoring` when evaluators had scored the idea by then. For whoever may see the idea, as `GET /ideas/{id}` decides.',
      request: { params: IdeaParams },
      responses: { 200: jsonContent(z.object({ items: z.array(IdeaRevisionSchema) }), 'Newest first.'), ...readErrors },
    }),
    async (c) => c.json({ items: await ideaRevisionsOf(c.var.db, c.var.tenant.id, c.var.viewer, c.req.valid('param').id) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/ideas/{id}/withdraw',
      operationId: 'withdrawIdea',
      security: bearer,
      tags: ['Ideas'],
      summary: 'Withdraw an idea (its author, or whoever recorded it)',
      description:
        'The idea moves to the built-in status `withdrawn` (category `declined`) and closes as any close does on its board: its votes are frozen, and returned to their owners on budget boards that return votes when an idea closes. The change and its `reason` are recorded in its status history. Its author, or whoever recorded it on their behalf (403 `forbidden.withdraw_others_idea` for anyone else). Withdrawing it again answers the idea as it is (200); an idea closed otherwise, or merged, is 409. The reason passes the moderation pipeline (422 when refused).',
      request: { params: IdeaParams, body: jsonBody(WithdrawInputSchema, examples.withdraw, false) },
      responses: {
        200: jsonContent(IdeaSchema, 'The idea, withdrawn.'),
        ...bodyErrors,
        ...conflictError,
        ...rejectedError('reason'),
      },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const actor = requireWriter(viewer, 'withdraw an idea');
      const body = c.req.valid('json') as { reason?: string } | undefined;
      return c.json(await withdrawIdea(db, tenant, viewer, actor, c.req.valid('param').id, body?.reason || null), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/tenants/{tenant}/ideas/{id}',
      operationId: 'deleteIdea',
      security: bearer,
      tags: ['Ideas'],
      summary: 'Remove an idea (moderators)',
      description: 'Removes the idea and its votes. Takes the moderator role.',
      request: { params: IdeaParams },
      responses: { 204: { description: 'Removed.' }, ...limitedErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'moderator', 'remove ideas');
      await deleteIdea(db, tenant.id, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
