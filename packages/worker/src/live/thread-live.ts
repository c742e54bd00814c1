/**
 * One Durable Object per thread: the single place that knows which widgets are reading it
 * right now. Widgets connect by WebSocket (the hibernation API, so an idle thread costs
 * nothing); the Worker calls `broadcast` after each change others should see. Clients only
 * listen: what they say is ignored, except `ping`, which the runtime answers without waking
 * the object.
 *
 * Access is not decided once: each ticket opens one socket (its id is remembered until it
 * expires), the holder's access is checked as the socket opens, and again every
 * {@link RECHECK_MS} while sockets are open (an alarm); a socket whose holder lost access is
 * closed with {@link CLOSE_ACCESS_CHANGED}.
 */

import { DurableObject } from 'cloudflare:workers';
import type { LiveEvent } from '@bridgekit/sdk';
import { database } from '../db/client.ts';
import type { Bindings } from '../env.ts';
import {
  LIVE_CONNECT_HEADER,
  type LiveConnect,
  type LiveGrant,
  type LiveRefusal,
  liveRefusals,
  RECHECK_MS,
  REFUSAL_REASONS,
} from './access.ts';
import type { LiveHolder } from './tickets.ts';

/**
 * Close codes (4000–4999 are the application's). Both mean "do not reconnect with a new ticket":
 * the widget polls the activity endpoint instead, under the API's ordinary access checks. Any
 * other close (1001 going away, 1006, 1011…) means "reconnect".
 */
export const CLOSE_ACCESS_CHANGED = 4403;
export const CLOSE_TOO_MANY = 4429;

/** Open sockets one person (or API key) may hold on one thread: tabs, not a flood. */
export const MAX_SOCKETS_PER_HOLDER = 10;

/** Kept with each socket (it survives hibernation). */
interface Attachment extends LiveGrant {
  tenantId: string;
  threadId: string;
  openedAt: number;
}

const TICKET_PREFIX = 'ticket:';

const holderKey = (holder: LiveHolder): string | null =>
  holder.kind === 'user' ? `user:${holder.subject}` : holder.kind === 'apiKey' ? `key:${holder.keyId}` : null;

/** The reasons a connection is refused before it opens; the route (routes/live.ts) answers them in the one error shape. */
export type LiveConnectRefusal = 'bad_request.live_connect' | 'invalid_token.live_ticket_used';

function refusedAnswer(status: 400 | 401, reason: LiveConnectRefusal): Response {
  return Response.json({ reason }, { status });
}

export class ThreadLive extends DurableObject<Bindings> {
  constructor(ctx: DurableObjectState, env: Bindings) {
    super(ctx, env);
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair('ping', 'pong'));
  }

  /** Accepts a WebSocket the Worker authorised (see routes/live.ts), once per ticket. */
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get('upgrade')?.toLowerCase() !== 'websocket') {
      return new Response('Expected a WebSocket upgrade.', { status: 426 });
    }
    const connect = JSON.parse(request.headers.get(LIVE_CONNECT_HEADER) ?? 'null') as LiveConnect | null;
    if (!connect) return refusedAnswer(400, 'bad_request.live_connect');

    const now = Date.now();
    // Synchronous storage: no other request can slip between the look-up and the write.
    const ticketKey = `${TICKET_PREFIX}${connect.ticketId}`;
    if (this.ctx.storage.kv.get(ticketKey) !== undefined) {
      return refusedAnswer(401, 'invalid_token.live_ticket_used');
    }
    this.ctx.storage.kv.put(ticketKey, connect.ticketExpiresAt);

    const grant: LiveGrant = { holder: connect.holder, origin: connect.origin };
    const [refusal] = await liveRefusals(database(this.env.DB), connect.tenantId, connect.threadId, [grant], now);

    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server);
    const attachment: Attachment = { ...grant, tenantId: connect.tenantId, threadId: connect.threadId, openedAt: now };
    server.serializeAttachment(attachment);
    if (refusal) {
      // Accepted only to say why: a refused handshake reaches the page as a bare 1006.
      this.#close(server, CLOSE_ACCESS_CHANGED, REFUSAL_REASONS[refusal]);
    } else {
      this.#limitPerHolder(connect.holder);
    }
    await this.#scheduleRecheck(now);
    return new Response(null, { status: 101, webSocket: client });
  }

  /** Re-checks every open socket's access, and forgets expired tickets. */
  override async alarm(): Promise<void> {
    const now = Date.now();
    for (const [key, expiresAt] of this.ctx.storage.kv.list<number>({ prefix: TICKET_PREFIX })) {
      if (expiresAt < now) this.ctx.storage.kv.delete(key);
    }
    const open = this.#open();
    if (open.length > 0) {
      const first = open[0]?.attachment as Attachment;
      let refusals: (LiveRefusal | null)[];
      try {
        refusals = await liveRefusals(
          database(this.env.DB),
          first.tenantId,
          first.threadId,
          open.map((s) => s.attachment),
          now,
        );
      } catch (err) {
        // Keep the sockets; try again at the next check.
        console.warn('Live access re-check failed', err);
        refusals = [];
      }
      refusals.forEach((refusal, i) => {
        const socket = open[i]?.socket;
        if (refusal && socket) this.#close(socket, CLOSE_ACCESS_CHANGED, REFUSAL_REASONS[refusal]);
      });
    }
    await this.#scheduleRecheck(now, true);
  }

  /** Sends the event to every connected widget; returns how many it reached. */
  broadcast(event: LiveEvent): number {
    const message = JSON.stringify(event);
    let reached = 0;
    for (const { socket } of this.#open()) {
      try {
        socket.send(message);
        reached++;
      } catch {
        // A socket closing right now; the runtime drops it.
      }
    }
    return reached;
  }

  /** How many widgets are connected (for tests and diagnostics). */
  connections(): number {
    return this.#open().length;
  }

  override webSocketMessage(): void {}

  override webSocketClose(socket: WebSocket, code: number): void {
    try {
      socket.close(code === 1005 || code === 1006 ? 1000 : code, 'closing');
    } catch {
      // Already closed.
    }
  }

  /** Open sockets with what they were opened with, oldest first. */
  #open(): { socket: WebSocket; attachment: Attachment }[] {
    return this.ctx
      .getWebSockets()
      .filter((socket) => socket.readyState === WebSocket.OPEN)
      .map((socket) => ({ socket, attachment: socket.deserializeAttachment() as Attachment }))
      .sort((a, b) => a.attachment.openedAt - b.attachment.openedAt);
  }

  /** Past {@link MAX_SOCKETS_PER_HOLDER}, the holder's oldest sockets close (anonymous readers are many people). */
  #limitPerHolder(holder: LiveHolder): void {
    const key = holderKey(holder);
    if (key === null) return;
    const mine = this.#open().filter((s) => holderKey(s.attachment.holder) === key);
    for (const { socket } of mine.slice(0, Math.max(0, mine.length - MAX_SOCKETS_PER_HOLDER))) {
      this.#close(socket, CLOSE_TOO_MANY, 'Too many live connections to this thread.');
    }
  }

  #close(socket: WebSocket, code: number, reason: string): void {
    try {
      socket.close(code, reason);
    } catch {
      // Already closed.
    }
  }

  /**
   * While sockets are open or tickets remembered, the next check is at most RECHECK_MS away. The
   * alarm handler sets the next one itself (`replace`); a connection only when none is set.
   */
  async #scheduleRecheck(now: number, replace = false): Promise<void> {
    let pending = this.#open().length > 0;
    for (const _ of this.ctx.storage.kv.list({ prefix: TICKET_PREFIX, limit: 1 })) pending = true;
    if (!pending) return;
    if (replace || (await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(now + RECHECK_MS);
  }
}
