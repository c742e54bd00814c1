/**
 * One Durable Object per thread: the single place that knows which widgets are reading it
 * right now. Widgets connect by WebSocket (the hibernation API, so an idle thread costs
 * nothing); the Worker calls `broadcast` after each change others should see. Clients only
 * listen: what they say is ignored, except `ping`, which the runtime answers without waking
 * the object.
 */

import { DurableObject } from 'cloudflare:workers';
import type { LiveEvent } from '@bridgekit/sdk';
import type { Bindings } from '../env.ts';

export class ThreadLive extends DurableObject<Bindings> {
  constructor(ctx: DurableObjectState, env: Bindings) {
    super(ctx, env);
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair('ping', 'pong'));
  }

  /** Accepts a WebSocket already authorised by the Worker (see routes/live.ts). */
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get('upgrade')?.toLowerCase() !== 'websocket') {
      return new Response('Expected a WebSocket upgrade.', { status: 426 });
    }
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server);
    return new Response(null, { status: 101, webSocket: client });
  }

  /** Sends the event to every connected widget; returns how many it reached. */
  broadcast(event: LiveEvent): number {
    const message = JSON.stringify(event);
    let reached = 0;
    for (const socket of this.ctx.getWebSockets()) {
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
    return this.ctx.getWebSockets().length;
  }

  override webSocketMessage(): void {}

  override webSocketClose(socket: WebSocket, code: number): void {
    try {
      socket.close(code === 1005 || code === 1006 ? 1000 : code, 'closing');
    } catch {
      // Already closed.
    }
  }
}
