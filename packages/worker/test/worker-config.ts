/** The shared Vitest configuration of every project that runs the Worker in workerd. */
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { TEST_BINDINGS } from './bindings.ts';
import { createFakeIdentityProvider } from './fake-identity-provider.ts';
import { createFakeWebhookReceiver } from './fake-webhook-receiver.ts';

const here = (path: string) => new URL(path, import.meta.url).pathname;

export async function workerTestPlugin(environment: 'dev' | undefined) {
  const idp = await createFakeIdentityProvider();
  const receiver = createFakeWebhookReceiver();
  // wrangler.jsonc's `alias`, which Vite does not read: markdown-it decodes entities with our table.
  const entitiesAlias = {
    name: 'bridgekit-entities-alias',
    config: () => ({ resolve: { alias: [{ find: /^entities$/, replacement: here('../src/markdown/entities.ts') }] } }),
  };
  const worker = cloudflareTest({
    wrangler: { configPath: here('../wrangler.jsonc'), ...(environment ? { environment } : {}) },
    miniflare: {
      bindings: { ...TEST_BINDINGS, ...idp.bindings, TEST_MIGRATIONS: await readD1Migrations(here('../migrations')) },
      outboundService: async (request: Request) => (await receiver(request)) ?? idp.outboundService(request),
      // The tests run the queue consumer themselves (createMessageBatch from cloudflare:test), so
      // what the Worker sends to the delivery queue goes to one no consumer reads.
      queueProducers: { EVENTS: { queueName: 'bridgekit-events-tests' } },
    },
  });
  return [worker, entitiesAlias];
}
