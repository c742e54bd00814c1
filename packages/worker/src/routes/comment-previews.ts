/**
 * A comment's preview: its Markdown rendered by the same code, rules and sanitising as a posted
 * comment (store/comments.ts `previewComment`), so the composer's Preview tab shows what posting
 * will show. Nothing is written; it counts against the caller's write budget like posting.
 */
import { createRoute } from '@hono/zod-openapi';
import { requireWriter } from '../auth/viewer.ts';
import { bearer, bodyErrors, jsonContent, TenantParams } from '../schemas/common.ts';
import { examples, jsonBody } from '../schemas/examples.ts';
import { CommentPreviewRequestSchema, CommentPreviewSchema } from '../schemas/threads.ts';
import { previewComment } from '../store/comments.ts';
import { createRouter } from './router.ts';

export const commentPreviewsRoutes = createRouter().openapi(
  createRoute({
    method: 'post',
    path: '/tenants/{tenant}/comment-previews',
    operationId: 'previewComment',
    security: bearer,
    tags: ['Threads'],
    summary: "Preview a comment's text",
    description:
      'Renders the Markdown to the safe HTML a posted comment with this text would get (the same rules, sanitising, length limits and @mentions of the tenant’s members). Writes nothing and runs no moderation; signed-in people only, counted like a post against the write rate limit.',
    request: { params: TenantParams, body: jsonBody(CommentPreviewRequestSchema, examples.commentPreview) },
    responses: { 200: jsonContent(CommentPreviewSchema, 'The rendered text.'), ...bodyErrors },
  }),
  async (c) => {
    const { db, tenant, viewer } = c.var;
    requireWriter(viewer, 'preview a comment');
    return c.json({ html: await previewComment(db, tenant.id, c.req.valid('json').body) }, 200);
  },
);
