/**
 * Entry point of the production Bridgekit Worker: the HTTP API under `/v1` and the iframe
 * route (see app.ts). Static assets — `/embed.js` and the widget chunks — are served by the
 * Workers assets binding configured in wrangler.jsonc. Live updates of threads run in the
 * ThreadLive Durable Object. Development runs another entry, dev/index.ts, which adds the demo
 * page and token minting; nothing here may import it (scripts/production-bundle.test.ts).
 */
import { app } from './app.ts';

export { ThreadLive } from './live/thread-live.ts';

export default app;
