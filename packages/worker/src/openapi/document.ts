/**
 * Where `/v1/openapi.json` comes from in production: `pnpm build` generates the document with
 * the full `@hono/zod-openapi` (scripts/openapi-document.ts) and puts it among the static
 * assets at this path (`dist/assets` and `dist/assets-dev`); the Worker's `doc31()`
 * (openapi/runtime.ts) serves it.
 */

/** The document's path among the static assets. */
export const OPENAPI_DOCUMENT_ASSET = '/openapi/v1.json';
