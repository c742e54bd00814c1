/** The shared Vitest configuration of every project that runs the Worker in workerd. */
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { reasonsModule, takesReasonsModule } from '../scripts/bundle.ts';
import { trimmedDependency } from '../scripts/dependency-trims.ts';
import { withoutOpenApiText } from '../scripts/openapi-text.ts';
import { TEST_BINDINGS } from './bindings.ts';
import { createFakeIdentityProvider } from './fake-identity-provider.ts';
import { createFakeWebhookReceiver } from './fake-webhook-receiver.ts';

const here = (path: string) => new URL(path, import.meta.url).pathname;

export async function workerTestPlugin(environment: 'dev' | undefined) {
  const idp = await createFakeIdentityProvider();
  const receiver = createFakeWebhookReceiver();
  // wrangler.jsonc's `alias`, which Vite does not read: markdown-it decodes entities with our table,
  // and the production project runs @hono/zod-openapi without the generator, serving the built
  // document (src/openapi/runtime.ts). The other projects keep the package: tests read its
  // registry, and their /v1/openapi.json is generated from the source under test.
  const alias = [{ find: /^entities$/, replacement: here('../src/markdown/entities.ts') }];
  if (environment === undefined) alias.push({ find: /^@hono\/zod-openapi$/, replacement: here('../src/openapi/runtime.ts') });
  const wranglerAlias = { name: 'bridgekit-wrangler-alias', config: () => ({ resolve: { alias } }) };
  // The production bundle's modules have no OpenAPI-only text (scripts/bundle.ts): nor have the production project's.
  const src = here('../src/');
  const openApiTextOut = {
    name: 'bridgekit-openapi-text',
    enforce: 'pre' as const,
    transform: (code: string, id: string) => (id.startsWith(src) && id.endsWith('.ts') ? withoutOpenApiText(code, id) : undefined),
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
  // Nor the reasons' texts: the production entry reads them from the static assets (src/lib/reason-texts.ts).
  const reasonTextsOut = {
    name: 'bridgekit-reason-texts',
    enforce: 'pre' as const,
    resolveId: (id: string, importer?: string) =>
      id === '@bridgekit/sdk/reasons' && takesReasonsModule(importer) ? '\0bridgekit-reasons' : undefined,
    load: (id: string) => (id === '\0bridgekit-reasons' ? reasonsModule() : undefined),
  };
  // Every project routes, parses Markdown, builds its schemas and queries D1 with the bundle's
  // hono, markdown-it, zod and drizzle (scripts/dependency-trims.ts), so the tests check them.
  const dependenciesTrimmed = {
    name: 'bridgekit-dependencies-trimmed',
    enforce: 'pre' as const,
    transform: (code: string, id: string) => trimmedDependency(code, id),
  };
  return environment === undefined
    ? [worker, wranglerAlias, dependenciesTrimmed, openApiTextOut, reasonTextsOut]
    : [worker, wranglerAlias, dependenciesTrimmed];
}
