/**
 * `/v1/openapi.json` as the Worker with the full `@hono/zod-openapi` answers it (the app from
 * source, asked in Node, as the docs' API reference asks it): the build writes it among the
 * Worker's static assets (src/openapi/document.ts), since the Worker's bundle has no generator.
 */
import { fileURLToPath } from 'node:url';

/**
 * The document's bytes, exactly as the full library's `doc31()` answers.
 *
 * @example
 * JSON.parse(await openApiDocument()).openapi; // '3.1.0'
 */
export async function openApiDocument(): Promise<string> {
  const appModule = fileURLToPath(new URL('../src/app.ts', import.meta.url));
  const { app } = (await import(appModule)) as { app: { request(path: string): Response | Promise<Response> } };
  const res = await app.request('/v1/openapi.json');
  if (!res.ok) throw new Error(`The Worker answered ${res.status} for /v1/openapi.json: ${await res.text()}`);
  return await res.text();
}
