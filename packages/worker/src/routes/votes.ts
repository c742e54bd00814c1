/** Backing ideas: single votes, or scarce budget votes. */
import { createRoute } from '@hono/zod-openapi';
import { requireWriter } from '../auth/viewer.ts';
import { bearer, bodyErrors, conflictError, jsonContent, limitedErrors } from '../schemas/common.ts';
import { examples, jsonBody } from '../schemas/examples.ts';
import { IdeaParams, VoteInputSchema, VoteStateSchema } from '../schemas/ideas.ts';
import { setVotes } from '../store/votes.ts';
import { createRouter } from './router.ts';

export const votesRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'put',
      path: '/tenants/{tenant}/ideas/{id}/vote',
      operationId: 'voteOnIdea',
      security: bearer,
      tags: ['Votes'],
      summary: 'Back an idea',
      description:
        'Idempotent. Without a body: back it (keeping any budget votes already placed). With `{ "votes": n }` on a budget board: place n votes (at most the board’s votes per idea, within the budget; 409 `vote_budget_exceeded` otherwise). Votes on closed or merged ideas are frozen (409 `voting_closed`).',
      request: { params: IdeaParams, body: jsonBody(VoteInputSchema, examples.vote, false) },
      responses: { 200: jsonContent(VoteStateSchema, "The idea's support and the caller's votes."), ...bodyErrors, ...conflictError },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const actor = requireWriter(viewer, 'back an idea');
      const body = c.req.valid('json') as { votes?: number } | undefined;
      return c.json(await setVotes(db, tenant.id, actor, c.req.valid('param').id, body?.votes ?? 'back'), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/tenants/{tenant}/ideas/{id}/vote',
      operationId: 'withdrawVote',
      security: bearer,
      tags: ['Votes'],
      summary: 'Withdraw support',
      description: 'Idempotent. Returns the votes to the caller’s budget.',
      request: { params: IdeaParams },
      responses: { 200: jsonContent(VoteStateSchema, "The idea's support and the caller's votes."), ...limitedErrors, ...conflictError },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const actor = requireWriter(viewer, 'withdraw support');
      return c.json(await setVotes(db, tenant.id, actor, c.req.valid('param').id, 0), 200);
    },
  );
