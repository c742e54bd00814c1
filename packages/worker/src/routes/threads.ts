/**
 * Discussion threads under intranet pages: read a page of comments, post, counts, activity, live
 * tickets, and a war story promoted to a practice card.
 */
import type { ThreadPage } from '@bridgekit/sdk';
import { createRoute } from '@hono/zod-openapi';
import { ANONYMOUS, requireWriter } from '../auth/viewer.ts';
import { ApiError } from '../errors.ts';
import { isoTime } from '../lib/time.ts';
import { liveRefusals } from '../live/access.ts';
import { notifyThread } from '../live/notify.ts';
import { holderOf, issueTicket } from '../live/tickets.ts';
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
import {
  ActivityQuery,
  CommentSchema,
  CountsQuery,
  CountsSchema,
  LiveTicketSchema,
  NewCommentSchema,
  PromoteStorySchema,
  PromotionSchema,
  ThreadActivitySchema,
  ThreadListQuery,
  ThreadListSchema,
  ThreadPageQuery,
  ThreadPageSchema,
  ThreadParams,
} from '../schemas/threads.ts';
import { THREAD_PAGE_SCOPES } from '../store/cache-versions.ts';
import { postComment } from '../store/comments.ts';
import { promoteStory } from '../store/promotions.ts';
import {
  bodyOrNotFound,
  commentCounts,
  listThreads,
  type OwnThreadState,
  ownThreadState,
  parseActivityCursor,
  threadActivity,
  threadPageBytesQuery,
  withOwnThreadState,
} from '../store/threads.ts';
import { cachedRead, jsonBytes, lazily } from './read-cache.ts';
import { createRouter } from './router.ts';

export const threadsRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/threads',
      operationId: 'listThreads',
      security: optionalBearer,
      tags: ['Threads'],
      summary: "The tenant's discussions, latest comment first",
      description:
        "Threads with published comments that the caller may read: pages' threads and the own discussions of the ideas and cards the caller may see (`kind` keeps one sort), newest comment first, cursor-paginated. For pickers (the configurator) and lists of active discussions.",
      request: { params: TenantParams, query: ThreadListQuery },
      responses: { 200: jsonContent(ThreadListSchema, 'One page of discussions.'), ...readErrors },
    }),
    async (c) => c.json(await listThreads(c.var.db, c.var.tenant.id, c.var.viewer, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/threads/comments',
      operationId: 'getThreadPage',
      security: optionalBearer,
      tags: ['Threads'],
      summary: "A page of a thread's comments",
      description:
        'The thread is found by `key` or by the page `url` (query string and fragment ignored). Top-level comments come sorted and cursor-paginated, each with its first 50 replies (all depths, oldest first, as a flat list with `parentId`). Pinned comments lead. `thread` is null until the first comment. `idea:<id>` and `card:<id>` are an idea’s and a card’s own discussions, for those who may see the idea or card (404 `not_found.idea_discussion` or `not_found.card_discussion` otherwise).',
      request: { params: TenantParams, query: ThreadPageQuery },
      responses: { 200: jsonContent(ThreadPageSchema, 'The thread and one page of its comments.'), ...readErrors },
    }),
    async (c) => {
      const { key, url, sort, cursor, limit } = c.req.valid('query');
      const q = { key: (key ?? url) as string, sort, cursor, limit };
      const { db, tenant, viewer } = c.var;
      const page = await cachedRead(c, {
        key: `thread\u0000${JSON.stringify([q.key, sort, cursor ?? null, limit])}`,
        scopes: THREAD_PAGE_SCOPES,
        // Kept as its bytes: a viewer's page is them with the viewer's own fields written over.
        shared: lazily(() => threadPageBytesQuery(db, tenant.id, ANONYMOUS, q)),
        mine: viewer.kind === 'anonymous' ? undefined : (shared) => ownThreadState(db, tenant.id, viewer, shared),
        merge: (shared, own: OwnThreadState[]) => withOwnThreadState(shared, own),
        // After a refresh of the tenant's settings, for the viewer as the refresh identified them.
        uncached: () => threadPageBytesQuery(c.var.db, c.var.tenant.id, c.var.viewer, q),
      });
      return jsonBytes<ThreadPage>(c, bodyOrNotFound(page, q.key));
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/threads/comments',
      operationId: 'postComment',
      security: bearer,
      tags: ['Threads'],
      summary: 'Post a comment',
      description:
        'Creates the thread on its first comment. The Markdown is rendered to safe HTML on the server and passes the moderation pipeline: it is published, held for review (`state: "pending"`, visible to its author only), or refused (422 `comment_rejected`). Replies deeper than the tenant’s nesting depth are placed beside the comment they answer, with `replyTo` set.',
      request: { params: TenantParams, body: jsonBody(NewCommentSchema, examples.newComment) },
      responses: { 201: jsonContent(CommentSchema, 'The comment as stored.'), ...bodyErrors, ...rejectedError('comment') },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const actor = requireWriter(viewer, 'post a comment');
      const body = c.req.valid('json');
      const { comment, thread } = await postComment(db, tenant, viewer, actor, {
        key: (body.key ?? body.url) as string,
        url: body.url ?? null,
        title: body.title ?? null,
        body: body.body,
        parentId: body.parentId ?? null,
      });
      if (comment.state === 'published') {
        notifyThread(c, thread.id, {
          type: 'comment.created',
          id: comment.id,
          parentId: comment.parentId,
          authorHandle: comment.author?.handle ?? null,
        });
        if (comment.parentId) notifyThread(c, thread.id, { type: 'comment.updated', id: comment.parentId });
      }
      return c.json(comment, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/threads/counts',
      operationId: 'getCommentCounts',
      security: optionalBearer,
      tags: ['Threads'],
      summary: 'Comment counts for a list of pages',
      description:
        'Repeat `key=` or `url=` (1–100 in all). One query, whatever the number. The discussion of an idea or card the caller may not see counts 0, as a page without comments does.',
      request: { params: TenantParams, query: CountsQuery },
      responses: { 200: jsonContent(CountsSchema, 'Published comments by key or URL.'), ...readErrors },
    }),
    async (c) => {
      const { key, url } = c.req.valid('query');
      const byThreadKey = await commentCounts(c.var.db, c.var.tenant.id, c.var.viewer, [...new Set([...key, ...url])]);
      // Answer under the URLs as the page wrote them, so `counts[link.href]` works without normalising.
      const asked = c.req.queries('url') ?? [];
      const counts: Record<string, number> = {};
      for (const k of key) counts[k] = byThreadKey[k] ?? 0;
      asked.forEach((raw, i) => {
        counts[raw] = byThreadKey[url[i] ?? ''] ?? 0;
      });
      return c.json({ counts }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/threads/{id}/activity',
      operationId: 'getThreadActivity',
      security: optionalBearer,
      tags: ['Threads'],
      summary: 'What changed since a moment',
      description:
        'The polling fallback of live updates: ids of comments published, changed or removed since `since`. Pass `until` back as the next `since`; answers overlap by a few seconds, so drop ids you already have. An answer cut off at 500 changes has `next`: ask again at once with the same `since` and `after=next` for the rest, until an answer has no `next`, then go on from its `until`. 404 for the discussion of an idea or card the caller may not see.',
      request: { params: ThreadParams, query: ActivityQuery },
      responses: { 200: jsonContent(ThreadActivitySchema, 'Changed comment ids.'), ...readErrors },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const after = query.after === undefined ? null : parseActivityCursor(query.after);
      return c.json(
        await threadActivity(c.var.db, c.var.tenant.id, c.var.viewer, c.req.valid('param').id, Date.parse(query.since), after),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/threads/{id}/live',
      operationId: 'createLiveTicket',
      security: optionalBearer,
      tags: ['Threads'],
      summary: 'A ticket for live updates',
      description:
        'Returns the `wss://` URL of the thread’s live-updates socket, with a ticket valid for one minute that opens one socket (browsers cannot send a token when they open a WebSocket). The socket sends `LiveEvent` JSON messages; send `ping` to get `pong`. `403` while a moderator restricts the caller: poll the activity endpoint instead. 404 for the discussion of an idea or card the caller may not see.',
      request: { params: ThreadParams },
      responses: { 200: jsonContent(LiveTicketSchema, 'Open the socket at `url` within a minute.'), ...limitedErrors },
    }),
    async (c) => {
      const { tenant, viewer } = c.var;
      const threadId = c.req.valid('param').id;
      // The checks the socket will pass while it is open (live/access.ts); the request's origin passed tenant-context.ts.
      const holder = holderOf(viewer);
      const [refusal] = await liveRefusals(c.var.db, tenant.id, threadId, [{ holder, origin: null }], Date.now(), viewer);
      if (refusal === 'gone') throw new ApiError(404, 'not_found.thread', { id: threadId });
      if (refusal) throw new ApiError(403, `forbidden.live_${refusal}`, {});
      const { ticket, expiresAt } = await issueTicket(c.env.BRIDGEKIT_SECRET_KEY, { tenant: tenant.slug, thread: threadId, holder });
      const url = new URL('/v1/live', c.req.url);
      url.protocol = url.protocol === 'http:' ? 'ws:' : 'wss:';
      url.searchParams.set('ticket', ticket);
      return c.json({ url: url.toString(), expiresAt: isoTime(expiresAt) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/threads/{id}/promote',
      operationId: 'promoteStory',
      security: bearer,
      tags: ['Threads'],
      summary: 'Promote a war story to a practice card',
      description:
        "Turns the thread's story — its first published comment, or the published `comment` given — into a card of `template`, owned by the caller: the title from the thread's title (a comment's first line), the summary from the story's first sentence, the story's Markdown in the template's main richtext fields (`practice`: the opening paragraph in `problem`, the rest in `approach`). The card links back to its story (`source`), and the thread lists it under `practices` once published. Moderators may promote any story; others the thread they started or the comment they wrote (403). The card is saved as `POST /cards` saves one: validated, and through the moderation pipeline (held, or refused with 422). One card per story: promoting it again answers the card it became, with `created: false` and 200. The discussion of an idea or card the caller may not see is a 404.",
      request: { params: ThreadParams, body: jsonBody(PromoteStorySchema, examples.promoteStory) },
      responses: {
        201: jsonContent(PromotionSchema, 'The new card (`created: true`).'),
        200: jsonContent(PromotionSchema, 'The card the story had become before (`created: false`).'),
        ...bodyErrors,
        ...conflictError,
        ...rejectedError('text'),
      },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const actor = requireWriter(viewer, 'promote a story to a practice card');
      const promotion = await promoteStory(db, tenant, { viewer, actor }, c.req.valid('param').id, c.req.valid('json'));
      return promotion.created ? c.json(promotion, 201) : c.json(promotion, 200);
    },
  );
