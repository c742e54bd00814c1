/**
 * The live-updates WebSocket: `GET /v1/live?ticket=…` with `Upgrade: websocket`. The ticket
 * (from `POST /v1/tenants/{t}/threads/{id}/live`) names the tenant, the thread and its holder;
 * the page's origin must be one the tenant allows. The socket is handed to the thread's Durable
 * Object, which accepts each ticket once and keeps checking the holder's access.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { database } from '../db/client.ts';
import { ApiError } from '../errors.ts';
import { effectiveOriginPatterns, isAllowedOrigin } from '../lib/origins.ts';
import { LIVE_CONNECT_HEADER, type LiveConnect } from '../live/access.ts';
import { liveObjectName } from '../live/notify.ts';
import type { LiveConnectRefusal } from '../live/thread-live.ts';
import { verifyTicket } from '../live/tickets.ts';
import { errorResponse, readErrors } from '../schemas/common.ts';
import { findTenantBySlug } from '../store/tenants.ts';
import { createRouter } from './router.ts';

export const liveRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/live',
    operationId: 'openLiveSocket',
    security: [],
    tags: ['Threads'],
    summary: "A thread's live-updates socket",
    description:
      'Open with `Upgrade: websocket` at the URL a live ticket gave; a ticket opens one socket. Messages are `LiveEvent` JSON: `comment.created`, `comment.updated`, `comment.removed`, `reactions`. Send `ping` to get `pong`. Fetch the comments themselves through the API. The socket closes with code 4403 when its holder loses access (banned or timed out, anonymous reading turned off, API key revoked, origin no longer allowed) and 4429 past 10 sockets per person and thread: do not reconnect after those; after any other close, reconnect with a new ticket.',
    request: { query: z.strictObject({ ticket: z.string().min(1).max(2048) }) },
    responses: {
      101: { description: 'Switching protocols.' },
      426: errorResponse('Not a WebSocket upgrade (`bad_request`).'),
      ...readErrors,
    },
  }),
  async (c) => {
    const claims = await verifyTicket(c.env.BRIDGEKIT_SECRET_KEY, c.req.valid('query').ticket);
    if (!claims) throw new ApiError(401, 'invalid_token.live_ticket', {});
    const tenant = await findTenantBySlug(database(c.env.DB), claims.tenant);
    if (!tenant) throw new ApiError(404, 'not_found.tenant', { id: claims.tenant });
    const origin = c.req.header('origin');
    if (origin && origin !== new URL(c.req.url).origin && !isAllowedOrigin(origin, await effectiveOriginPatterns(tenant.origins))) {
      throw new ApiError(403, 'forbidden.origin', { origin, tenant: tenant.slug });
    }
    if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
      throw new ApiError(426, 'bad_request.websocket_required', {});
    }
    const namespace = c.env.THREAD_LIVE;
    if (!namespace) throw new ApiError(503, 'unavailable.live', {});
    const connect: LiveConnect = {
      ticketId: claims.id,
      ticketExpiresAt: claims.expiresAt,
      tenantId: tenant.id,
      threadId: claims.thread,
      holder: claims.holder,
      // The Worker's own pages need no allowance; another site's, re-checked while the socket is open.
      origin: origin && origin !== new URL(c.req.url).origin ? origin : null,
    };
    const stub = namespace.get(namespace.idFromName(liveObjectName(tenant.id, claims.thread)));
    const answer = await stub.fetch(
      new Request('https://thread-live/connect', { headers: { upgrade: 'websocket', [LIVE_CONNECT_HEADER]: JSON.stringify(connect) } }),
    );
    if (!answer.webSocket) {
      // The object refused the connection (thread-live.ts `refusedAnswer`): say why in the one error shape.
      const { reason } = (await answer.json()) as { reason: LiveConnectRefusal };
      throw new ApiError(answer.status === 400 ? 400 : 401, reason, {});
    }
    // A fetched response's headers are immutable; re-wrap it so the security-header middleware can add its own.
    return new Response(null, { status: 101, webSocket: answer.webSocket, headers: answer.headers });
  },
);
