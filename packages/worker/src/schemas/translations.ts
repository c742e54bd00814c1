/**
 * Translations of a thing's texts (`{ "de": { "label": "Geplant" } }`, see the SDK's
 * translations.ts), for request and response schemas: each text under the same text rules as
 * the English it translates.
 */
import { z } from '@hono/zod-openapi';

/**
 * A `translations` property: for each language Bridgekit ships besides English, some of the
 * texts of `shape` (each optional). Unknown languages and texts are refused.
 *
 * @example
 * translations({ label: line('The German label', { max: 60 }) });
 */
export function translations<S extends z.ZodRawShape>(shape: S) {
  return z
    .strictObject({ de: z.strictObject(shape).partial().optional() })
    .optional()
    .openapi({
      description: 'The texts in other languages, by language (`de`); a text left out shows in English.',
      example: { de: Object.fromEntries(Object.keys(shape).map((key) => [key, '…'])) },
    });
}
