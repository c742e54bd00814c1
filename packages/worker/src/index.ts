/**
 * Entry point of the Bridgekit Worker: the HTTP API under `/v1` (see app.ts). Static assets —
 * `/embed.js`, the widget chunks and, in development, the demo page — are served by the
 * Workers assets binding configured in wrangler.jsonc. Live updates of threads run in the
 * ThreadLive Durable Object.
 */
import { app } from './app.ts';

export { ThreadLive } from './live/thread-live.ts';

export default app;
