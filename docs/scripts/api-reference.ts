/**
 * The HTTP API reference, from the OpenAPI document the Worker serves at `/v1/openapi.json`.
 * The Worker's Hono app runs in Node as it is (the document needs no bindings), so no server is
 * started: the app answers the request in-process. One page per tag lists each operation with
 * its method and path, summary, parameters, request body, responses and their schemas; a page
 * of schemas holds every named schema, linked from the operations; the index explains
 * authentication and the error shape.
 */
import { fileURLToPath } from 'node:url';
import { cell, code, page, prose, type SidebarItem, table, writeTree } from './markdown.ts';

interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  description?: string;
  default?: unknown;
  example?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
}
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Schema;
}
interface Content {
  [mediaType: string]: { schema?: Schema };
}
interface Operation {
  tags?: string[];
  summary?: string;
  description?: string;
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { required?: boolean; description?: string; content?: Content };
  responses: Record<string, { description?: string; content?: Content }>;
}
interface OpenApi {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas?: Record<string, Schema>; securitySchemes?: Record<string, { description?: string }> };
}

const outDir = fileURLToPath(new URL('../reference/api', import.meta.url));
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** The Worker's app, imported from source; typed by the one method used here. */
export async function loadOpenApi(): Promise<OpenApi> {
  const appModule = fileURLToPath(new URL('../../packages/worker/src/app.ts', import.meta.url));
  const { app } = (await import(appModule)) as { app: { request(path: string): Promise<Response> | Response } };
  const response = await app.request('/v1/openapi.json');
  if (!response.ok) throw new Error(`The Worker answered ${response.status} for /v1/openapi.json: ${await response.text()}`);
  return (await response.json()) as OpenApi;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const refName = (ref: string) => ref.replace('#/components/schemas/', '');
const schemaLink = (name: string) => `[${name}](./schemas#${slug(name)})`;

/** A schema as a short type expression; named schemas become links to the schemas page. */
function typeOf(schema: Schema | undefined): string {
  if (!schema) return 'any';
  if (schema.$ref) return schemaLink(refName(schema.$ref));
  if (schema.enum) return schema.enum.map((v) => code(JSON.stringify(v))).join(' \\| ');
  if (schema.const !== undefined) return code(JSON.stringify(schema.const));
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return union.map(typeOf).join(' \\| ');
  if (schema.allOf) return schema.allOf.map(typeOf).join(' & ');
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 0) return schema.properties ? 'object' : 'any';
  return types
    .map((t) => {
      if (t === 'array') return `${typeOf(schema.items)}[]`;
      if (t === 'object' && !schema.properties && typeof schema.additionalProperties === 'object') {
        return `map of ${typeOf(schema.additionalProperties)}`;
      }
      return code(schema.format ? `${t} (${schema.format})` : t);
    })
    .join(' \\| ');
}

/** Limits, defaults and examples of a schema, in words. */
function constraints(schema: Schema): string {
  const notes: string[] = [];
  if (schema.minLength !== undefined || schema.maxLength !== undefined) {
    notes.push(`${schema.minLength ?? 0}–${schema.maxLength ?? '∞'} characters`);
  }
  if (schema.minimum !== undefined || schema.maximum !== undefined) notes.push(`${schema.minimum ?? '−∞'}–${schema.maximum ?? '∞'}`);
  if (schema.minItems !== undefined || schema.maxItems !== undefined) notes.push(`${schema.minItems ?? 0}–${schema.maxItems ?? '∞'} items`);
  if (schema.pattern) notes.push(`pattern ${code(schema.pattern)}`);
  if (schema.default !== undefined) notes.push(`default ${code(JSON.stringify(schema.default))}`);
  if (schema.example !== undefined) notes.push(`e.g. ${code(JSON.stringify(schema.example))}`);
  return notes.join('; ');
}

function describe(schema: Schema, fallback?: string): string {
  return [cell(schema.description ?? fallback), cell(constraints(schema))].filter(Boolean).join(' — ');
}

/** The properties of an object schema as rows, nested inline objects under dotted names. */
function propertyRows(schema: Schema, prefix = ''): string[][] {
  const rows: string[][] = [];
  const required = new Set(schema.required ?? []);
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const path = `${prefix}${name}`;
    rows.push([code(path), typeOf(property), required.has(name) ? 'yes' : '', describe(property)]);
    if (!property.$ref && property.properties) rows.push(...propertyRows(property, `${path}.`));
    if (property.items && !property.items.$ref && property.items.properties) rows.push(...propertyRows(property.items, `${path}[].`));
  }
  return rows;
}

/** A request body: its fields (a named schema's too, with a link to it), or its type. */
function schemaBlock(schema: Schema, schemas: Record<string, Schema>): string {
  const named = schema.$ref ? refName(schema.$ref) : undefined;
  const resolved = named ? schemas[named] : schema;
  const fields = resolved?.properties ? table(['field', 'type', 'required', 'description'], propertyRows(resolved)) : undefined;
  if (named) return fields ? `${schemaLink(named)}:\n\n${fields}` : schemaLink(named);
  return fields ?? typeOf(schema);
}

function operationSection(method: string, path: string, op: Operation, schemas: Record<string, Schema>): string {
  const lines: string[] = [];
  const title = op.summary ?? `${method.toUpperCase()} ${path}`;
  lines.push(`## ${prose(title)} {#${slug(`${method} ${path}`)}}`);
  lines.push(`\`\`\`http\n${method.toUpperCase()} ${path}\n\`\`\``);
  if (op.description) lines.push(prose(op.description));
  if (op.security && op.security.length > 0) {
    lines.push('Send a credential as `Authorization: Bearer <credential>` (see [Authentication](./#authentication)).');
  }
  const parameters = op.parameters ?? [];
  if (parameters.length > 0) {
    lines.push('**Parameters**');
    lines.push(
      table(
        ['name', 'in', 'type', 'required', 'description'],
        parameters.map((p) => [code(p.name), p.in, typeOf(p.schema), p.required ? 'yes' : '', describe(p.schema ?? {}, p.description)]),
      ),
    );
  }
  const body = op.requestBody?.content;
  if (body) {
    for (const [mediaType, { schema }] of Object.entries(body)) {
      lines.push(`**Request body** (${code(mediaType)}${op.requestBody?.required ? ', required' : ''})`);
      if (schema) lines.push(schemaBlock(schema, schemas));
    }
  }
  lines.push('**Responses**');
  const responseRows = Object.entries(op.responses).map(([status, response]) => {
    const bodies = Object.entries(response.content ?? {}).map(([type, { schema }]) =>
      schema ? `${typeOf(schema)}${Object.keys(response.content ?? {}).length > 1 ? ` (${code(type)})` : ''}` : code(type),
    );
    return [code(status), cell(response.description), bodies.join(', ')];
  });
  lines.push(table(['status', 'meaning', 'body'], responseRows));
  return lines.join('\n\n');
}

function schemasPage(schemas: Record<string, Schema>): string {
  const sections = Object.keys(schemas)
    .sort((a, b) => a.localeCompare(b))
    .map((name) => {
      const schema = schemas[name] as Schema;
      const parts = [`## ${name} {#${slug(name)}}`];
      if (schema.description) parts.push(prose(schema.description));
      if (schema.properties) {
        parts.push(table(['field', 'type', 'required', 'description'], propertyRows(schema)));
      } else {
        parts.push(`Type: ${typeOf(schema)}`);
        const extra = constraints(schema);
        if (extra) parts.push(prose(extra));
      }
      return parts.join('\n\n');
    });
  return page('Schemas', [
    '# Schemas',
    'Every named schema of the API, as the Worker validates and answers it. The SDK exports a TypeScript type of the same name for each (see the [SDK reference](/reference/sdk/)).',
    ...sections,
  ]);
}

function indexPage(doc: OpenApi, tags: Map<string, [string, string, Operation][]>): string {
  const error = doc.components.schemas?.Error;
  const bearer = doc.components.securitySchemes?.bearerAuth?.description;
  const rows = [...tags].map(([tag, ops]) => [`[${tag}](./${slug(tag)})`, String(ops.length)]);
  return page('HTTP API reference', [
    '# HTTP API reference',
    `${prose(doc.info.description ?? '')} Version ${doc.info.version}, generated from the OpenAPI 3.1 document the Worker serves at \`/v1/openapi.json\` — the same zod schemas validate every request. Routes, pagination and the error codes are explained in the [HTTP API guide](/api).`,
    table(['group', 'operations'], rows),
    '## Authentication {#authentication}',
    `Send one credential as \`Authorization: Bearer <credential>\`: ${prose(bearer ?? '')} Without one, reads work only where the tenant allows anonymous reading. Browsers may call a tenant's routes only from its [allowed origins](/identity#2-allow-the-pages-that-embed-it).`,
    '## Errors {#errors}',
    'Every error answers with one shape:',
    error ? table(['field', 'type', 'required', 'description'], propertyRows(error)) : undefined,
    '```json\n{ "error": { "code": "validation_failed", "message": "The request is not valid — body.title: The title needs at least 3 characters.", "details": [{ "path": "body.title", "message": "The title needs at least 3 characters." }] } }\n```',
    'All [schemas](./schemas).',
  ]);
}

export async function generateApiReference(): Promise<SidebarItem[]> {
  const doc = await loadOpenApi();
  const tags = new Map<string, [string, string, Operation][]>();
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = operations[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? 'Other';
      tags.set(tag, [...(tags.get(tag) ?? []), [method, path, op]]);
    }
  }
  const files = new Map<string, string>();
  files.set('index.md', indexPage(doc, tags));
  files.set('schemas.md', schemasPage(doc.components.schemas ?? {}));
  for (const [tag, ops] of tags) {
    const overview = table(
      ['method and path', 'what'],
      ops.map(([method, path, op]) => [`[${code(`${method.toUpperCase()} ${path}`)}](#${slug(`${method} ${path}`)})`, cell(op.summary)]),
    );
    files.set(
      `${slug(tag)}.md`,
      page(tag, [
        `# ${tag}`,
        overview,
        ...ops.map(([method, path, op]) => operationSection(method, path, op, doc.components.schemas ?? {})),
      ]),
    );
  }
  await writeTree(outDir, files);
  return [
    { text: 'Overview', link: '/reference/api/' },
    ...[...tags.keys()].map((tag) => ({ text: tag, link: `/reference/api/${slug(tag)}` })),
    { text: 'Schemas', link: '/reference/api/schemas' },
  ];
}
