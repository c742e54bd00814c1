/**
 * `/v1/openapi.json` as the tests that walk it read it (openapi, fuzz, text-rules): the parts of
 * OpenAPI 3.1 they look at, and one way to fetch it.
 */
import { call, json, ORIGIN } from './helpers.ts';

export interface Schema {
  $ref?: string;
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  pattern?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  required?: string[];
}
export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema & { example?: unknown };
}
export interface Response {
  headers?: Record<string, { required?: boolean }>;
  content?: Record<string, { schema?: Schema }>;
}
export interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema; example?: unknown }> };
  responses: Record<string, Response>;
}
export interface OpenApi {
  servers?: { url: string }[];
  security?: Record<string, string[]>[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, unknown> };
}

/** The Worker's OpenAPI document. */
export const openApiDocument = async (): Promise<OpenApi> => json<OpenApi>(await call(`${ORIGIN}/v1/openapi.json`));

/** `schema` with its `$ref`s followed into `doc`'s components. */
export function resolve(doc: OpenApi, schema: Schema | undefined): Schema | undefined {
  let current = schema;
  for (let i = 0; current?.$ref && i < 20; i++) current = doc.components.schemas[current.$ref.replace('#/components/schemas/', '')];
  return current;
}
