/**
 * Entry point of the production Bridgekit Worker: the HTTP API under `/v1` and the iframe
 * route (see app.ts), and the delivery queue's consumer and cron triggers (delivery/handlers.ts).
 * Static assets — `/embed.js` and the widget chunks — are served by the Workers assets binding configured in wrangler.jsonc. Live updates of threads run in the
 * ThreadLive Durable Object. Development runs another entry, dev/index.ts, which adds the demo
 * page and token minting; nothing here may import it (scripts/production-bundle.test.ts).
 */
import { app } from './app.ts';
import { queue, scheduled } from './delivery/handlers.ts';
import type { DeliveryMessage } from './delivery/messages.ts';
import type { Bindings } from './env.ts';

export { ThreadLive } from './live/thread-live.ts';

export default { fetch: app.fetch, queue, scheduled } satisfies ExportedHandler<Bindings, DeliveryMessage>;
