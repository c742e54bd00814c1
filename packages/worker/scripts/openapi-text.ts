/**
 * Leaves the OpenAPI-only text out of a Worker module's source, for the production bundle
 * (scripts/bundle.ts): the document at /v1/openapi.json is generated at build time from the
 * untouched source (scripts/openapi-document.ts), and the Worker's `@hono/zod-openapi`
 * (src/openapi/runtime.ts) reads nothing of it. What goes:
 *
 * - a schema's `.openapi(…)` (names, descriptions, examples, formats, params): the runtime's
 *   returns the schema as it is, so `X.openapi(…)` becomes `X`;
 * - what a `createRoute({…})` holds beyond what the runtime routes and validates by
 *   (`ROUTE_KEYS`): summaries, descriptions, tags, security, responses and their schemas;
 * - a request body's description and examples (`jsonBody(schema, example)` keeps its schema);
 * - the document's own parts: `doc31(path, document)`'s document, the registry's components;
 * - in the schema modules (src/schemas/), the type contract's calls (`expectType`, `requestType`:
 *   checked by the compiler and the tests), and what no route reads any more — response schemas,
 *   error answers, examples: their top-level constants only build schemas and plain objects, so
 *   their calls are marked pure (`/* @__PURE__ *\/`; a literal goes in a pure function) and
 *   esbuild drops the unused ones.
 *
 * Source positions are edited in place (a deletion, never a rewrite), so line numbers in the
 * bundle's source map stay close to the file's.
 */
import ts from 'typescript';

/** What the runtime's `openapi()` reads of a route (src/openapi/runtime.ts `Route`). */
const ROUTE_KEYS = new Set(['method', 'path', 'request', 'middleware', 'hide']);
/** What it reads of a request body, and of each of its media types. */
const BODY_KEYS = new Set(['content', 'required']);
const MEDIA_TYPE_KEYS = new Set(['schema']);
/** src/schemas/examples.ts's `jsonBody(schema, example, required?)`: the example is the document's. */
const JSON_BODY = 'jsonBody';

/** The type contract's checks (src/schemas/contract.ts), statements of their own. */
const CONTRACT_CHECKS = new Set(['expectType', 'requestType', 'requestTypeWithin']);
const PURE = '/* @__PURE__ */ ';

type Edit = { start: number; end: number; text: string };

const isFunction = (node: ts.Node) => ts.isArrowFunction(node) || ts.isFunctionExpression(node);
const isLiteral = (node: ts.Node) => ts.isStringLiteralLike(node) || ts.isObjectLiteralExpression(node);

/**
 * A schema's `.openapi(metadata)` or `.openapi(name, metadata?)`, not a router's
 * `.openapi(route, handler, hook?)`, whose last argument is a handler or hook.
 */
function isSchemaMetadata(call: ts.CallExpression): call is ts.CallExpression & { expression: ts.PropertyAccessExpression } {
  if (!ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== 'openapi') return false;
  const args = call.arguments;
  const last = args.at(-1);
  return args.length >= 1 && args.length <= 2 && last !== undefined && isLiteral(last) && !args.some(isFunction);
}

const keyOf = (property: ts.ObjectLiteralElementLike) =>
  property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined;

/** Deletes the properties of `object` not in `keep` (spreads stay), each with its comma. */
function keepOnly(object: ts.ObjectLiteralExpression, keep: ReadonlySet<string>, edits: Edit[]): void {
  // The list's children: the properties, each followed by its comma if it has one.
  const children = object.properties.length > 0 ? (object.properties[0]?.parent.getChildren()[1]?.getChildren() ?? []) : [];
  children.forEach((property, i) => {
    if (!ts.isObjectLiteralElementLike(property) || ts.isSpreadAssignment(property)) return;
    const key = keyOf(property);
    if (key === undefined || keep.has(key)) return;
    const comma = children[i + 1];
    edits.push({ start: property.getFullStart(), end: comma?.kind === ts.SyntaxKind.CommaToken ? comma.end : property.end, text: '' });
  });
}

const propertyValue = (object: ts.ObjectLiteralExpression, key: string) => {
  const property = object.properties.find((p) => keyOf(p) === key);
  return property && ts.isPropertyAssignment(property) ? property.initializer : undefined;
};

function stripRequestBody(body: ts.Expression, edits: Edit[]): void {
  if (ts.isCallExpression(body) && ts.isIdentifier(body.expression) && body.expression.text === JSON_BODY) {
    const example = body.arguments[1];
    if (example) edits.push({ start: example.getStart(), end: example.end, text: 'undefined' });
    return;
  }
  if (!ts.isObjectLiteralExpression(body)) return;
  keepOnly(body, BODY_KEYS, edits);
  const content = propertyValue(body, 'content');
  if (!content || !ts.isObjectLiteralExpression(content)) return;
  for (const mediaType of content.properties) {
    if (ts.isPropertyAssignment(mediaType) && ts.isObjectLiteralExpression(mediaType.initializer)) {
      keepOnly(mediaType.initializer, MEDIA_TYPE_KEYS, edits);
    }
  }
}

function stripRoute(route: ts.ObjectLiteralExpression, edits: Edit[]): void {
  keepOnly(route, ROUTE_KEYS, edits);
  const request = propertyValue(route, 'request');
  const body = request && ts.isObjectLiteralExpression(request) ? propertyValue(request, 'body') : undefined;
  if (body) stripRequestBody(body, edits);
}

/** The function a call statement calls, through curried calls: `requestType<T>()(schema)` → `requestType`. */
function calleeName(expression: ts.Expression): string | undefined {
  if (ts.isCallExpression(expression)) return calleeName(expression.expression);
  return ts.isIdentifier(expression) ? expression.text : undefined;
}

/** `a()` in `a().b()`: the mark on the chain's last call covers it. */
const isChainLink = (node: ts.Node) =>
  ts.isPropertyAccessExpression(node.parent) && ts.isCallExpression(node.parent.parent) && node.parent.parent.expression === node.parent;

/** Marks every call and `new` a constant's initializer runs as it is built (not inside functions) pure. */
function markPure(node: ts.Node, edits: Edit[]): void {
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isClassExpression(node)) return;
  const marks = (ts.isCallExpression(node) || ts.isNewExpression(node)) && !isChainLink(node);
  // `X.openapi(…)` becomes `X`, which needs no mark unless it is a call itself.
  const left = ts.isCallExpression(node) && isSchemaMetadata(node) ? node.expression.expression : node;
  if (marks && (left === node || ts.isCallExpression(left) || ts.isNewExpression(left))) {
    edits.push({ start: node.getStart(), end: node.getStart(), text: PURE });
  }
  ts.forEachChild(node, (child) => markPure(child, edits));
}

/** `{…}` in `{…} as const` or `{…} satisfies T`. */
const literalOf = (node: ts.Expression): ts.Expression =>
  ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node) ? literalOf(node.expression) : node;

/** Whether `node` spreads anything as it is built (not inside functions). */
const spreads = (node: ts.Node): boolean =>
  !ts.isArrowFunction(node) &&
  !ts.isFunctionExpression(node) &&
  (ts.isSpreadAssignment(node) || ts.isSpreadElement(node) || (ts.forEachChild(node, (child) => spreads(child) || undefined) ?? false));

/** A schema module's top level: contract checks out, constants' calls pure. */
function stripSchemaModule(file: ts.SourceFile, edits: Edit[]): void {
  for (const statement of file.statements) {
    if (ts.isExpressionStatement(statement) && CONTRACT_CHECKS.has(calleeName(statement.expression) ?? '')) {
      edits.push({ start: statement.getFullStart(), end: statement.end, text: '' });
    } else if (ts.isVariableStatement(statement) && statement.declarationList.flags & ts.NodeFlags.Const) {
      for (const { initializer } of statement.declarationList.declarations) {
        if (!initializer) continue;
        // esbuild counts a spread and a literal's property reads as effects: such a constant goes in a pure function.
        if (
          ts.isObjectLiteralExpression(literalOf(initializer)) ||
          ts.isArrayLiteralExpression(literalOf(initializer)) ||
          spreads(initializer)
        ) {
          edits.push({ start: initializer.getStart(), end: initializer.getStart(), text: `${PURE}(() => (` });
          edits.push({ start: initializer.end, end: initializer.end, text: '))()' });
        } else markPure(initializer, edits);
      }
    }
  }
}

/**
 * `source` without its OpenAPI-only text; unchanged when it has none.
 *
 * @example
 * withoutOpenApiText("const A = z.string().openapi({ description: 'x' });", 'a.ts'); // "const A = z.string();"
 */
export function withoutOpenApiText(source: string, fileName: string): string {
  const schemaModule = /[\\/]src[\\/]schemas[\\/]/.test(fileName);
  if (!schemaModule && !/openapi\(|createRoute\(|doc31\(|openAPIRegistry/.test(source)) return source;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: Edit[] = [];
  if (schemaModule) stripSchemaModule(file, edits);
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      if (isSchemaMetadata(node)) edits.push({ start: node.expression.expression.end, end: node.end, text: '' });
      // `doc31(path, document)`: the runtime serves the built document.
      const [path, documentObject] = node.arguments;
      if (ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'doc31' && path && documentObject) {
        edits.push({ start: path.end, end: documentObject.end, text: '' });
      }
      const [route] = node.arguments;
      if (ts.isIdentifier(node.expression) && node.expression.text === 'createRoute' && route && ts.isObjectLiteralExpression(route)) {
        stripRoute(route, edits);
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const statement of file.statements) {
    // The runtime's registry records nothing (`documentIdempotencyKey(app.openAPIRegistry)`, `registerComponent`).
    if (ts.isExpressionStatement(statement) && /\bopenAPIRegistry\b/.test(statement.expression.getText())) {
      edits.push({ start: statement.getFullStart(), end: statement.end, text: '' });
    }
  }
  visit(file);
  // Outermost first; an edit inside one already made goes with it.
  edits.sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (const edit of edits) {
    if (edit.start < at) continue;
    out += source.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + source.slice(at);
}
