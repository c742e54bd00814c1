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
import { loadReasonTexts } from './lib/reason-texts.ts';

export { ThreadLive } from './live/thread-live.ts';

// The reasons' texts every error message is written from (lib/reason-texts.ts), before anything
// runs. Should the read fail, messages name their reason until a later request reads them.
const reasonTexts = (env: Bindings) => loadReasonTexts(env.ASSETS).catch((err: unknown) => console.error(err));

export default {
  async fetch(request, env, ctx) {
    await reasonTexts(env);
    return await app.fetch(request, env, ctx);
  },
  async queue(batch, env, ctx) {
    await reasonTexts(env);
    await queue(batch, env, ctx);
  },
  async scheduled(controller, env, ctx) {
    await reasonTexts(env);
    await scheduled(controller, env, ctx);
  },
} satisfies ExportedHandler<Bindings, DeliveryMessage>;
