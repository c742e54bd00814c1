/**
 * The widget reference, from the Custom Elements Manifest that @bridgekit/widgets' build writes
 * (found through the `customElements` field of its package.json): one page per element with
 * its attributes and properties, methods, events (with the fields of their event classes), CSS
 * parts and custom properties and a usage snippet; an index with every element, the theme
 * tokens all elements share (read from the widgets' shared styles) and the event classes.
 */
import { readFile } from 'node:fs/promises';
import { cell, code, page, prose, type SidebarItem, table, writeTree } from './markdown.ts';

interface Item {
  name: string;
  description?: string;
  summary?: string;
  type?: { text: string };
  default?: string;
  privacy?: string;
  static?: boolean;
  kind?: string;
  attribute?: string;
  fieldName?: string;
  parameters?: { name: string; type?: { text: string }; optional?: boolean }[];
  return?: { type?: { text: string } };
}
interface Declaration extends Item {
  kind: string;
  tagName?: string;
  customElement?: boolean;
  superclass?: { name: string };
  members?: Item[];
  attributes?: Item[];
  events?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
}
interface Manifest {
  modules: { path: string; declarations: Declaration[] }[];
}
interface PackageJson {
  customElements: string;
  exports: Record<string, string | { import?: string }>;
}

const widgetsDir = new URL('../node_modules/@bridgekit/widgets/', import.meta.url);
const outDir = new URL('../reference/widgets', import.meta.url).pathname;
/** The example origin every guide uses. */
const ORIGIN = 'https://bridgekit.example.com';

/** `{@link BkXEvent}` in the analyzer's descriptions → a code span. */
const unlink = (text: string | undefined) => text?.replace(/\s*\(\{@link\s+[^}]+\}\)/g, '').replace(/\{@link\s+([^}\s]+)\s*\}/g, '`$1`');
const isPublic = (item: Item) => !item.static && (item.privacy === undefined || item.privacy === 'public') && !item.name.startsWith('#');

/** Example values for the usage snippet: the attributes an element cannot work without. */
const EXAMPLES: Record<string, string> = {
  board: 'general',
  idea: 'k3v9q0m2x7h1c8td',
  key: 'erp-go-live-lessons',
  card: 'demo-card-business-case',
};

function attributesTable(element: Declaration): string | undefined {
  const rows: string[][] = [];
  const fields = (element.members ?? []).filter((m) => m.kind === 'field' && isPublic(m));
  for (const attribute of element.attributes ?? []) {
    const field = fields.find((f) => f.name === attribute.fieldName);
    rows.push([
      code(attribute.name),
      attribute.fieldName ? code(attribute.fieldName) : '',
      cell(code(attribute.type?.text ?? field?.type?.text ?? 'string')),
      attribute.default ? cell(code(attribute.default)) : '',
      cell(unlink(attribute.description ?? field?.description)),
    ]);
  }
  for (const field of fields) {
    if (field.attribute || (element.attributes ?? []).some((a) => a.fieldName === field.name)) continue;
    rows.push(['—', code(field.name), cell(code(field.type?.text ?? 'unknown')), '', cell(unlink(field.description))]);
  }
  if (rows.length === 0) return undefined;
  return `## Attributes and properties\n\n${table(['attribute', 'property', 'type', 'default', 'description'], rows)}`;
}

function methodsTable(element: Declaration): string | undefined {
  const methods = (element.members ?? []).filter((m) => m.kind === 'method' && isPublic(m));
  if (methods.length === 0) return undefined;
  const signature = (m: Item) =>
    `${m.name}(${(m.parameters ?? []).map((p) => `${p.name}${p.optional ? '?' : ''}: ${p.type?.text ?? 'unknown'}`).join(', ')}): ${m.return?.type?.text ?? 'void'}`;
  return `## Methods\n\n${table(
    ['method', 'description'],
    methods.map((m) => [cell(code(signature(m))), cell(unlink(m.description))]),
  )}`;
}

/** The fields of an event class, one line each in a table cell. */
function eventFields(eventClass: Declaration | undefined): string {
  const fields = (eventClass?.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.name.startsWith('#'));
  return fields
    .map((f) => cell(`${code(`event.${f.name}`)}: ${code(f.type?.text ?? 'unknown')}${f.description ? ` — ${f.description}` : ''}`))
    .join('<br>');
}

function eventsTable(element: Declaration, classes: Map<string, Declaration>): string | undefined {
  const events = element.events ?? [];
  if (events.length === 0) return undefined;
  const rows = events.map((e) => [
    code(e.name),
    e.type ? code(e.type.text) : '',
    cell(unlink(e.description)),
    eventFields(e.type ? classes.get(e.type.text) : undefined),
  ]);
  return `## Events\n\nEvery event bubbles and crosses shadow roots (\`composed\`).\n\n${table(['event', 'class', 'when', 'carries'], rows)}`;
}

function partsTable(element: Declaration): string | undefined {
  const parts = element.cssParts ?? [];
  if (parts.length === 0) return undefined;
  const rows = parts.map((p) => [code(p.name), cell(unlink(p.description))]);
  return `## CSS parts\n\nStyle them from the host page with ${code(`${element.tagName}::part(<name>)`)}.\n\n${table(['part', 'description'], rows)}`;
}

function propertiesTable(element: Declaration): string {
  const own = element.cssProperties ?? [];
  const shared = 'The [theme tokens](./#theme-tokens) shared by every element apply too.';
  if (own.length === 0) return `## CSS custom properties\n\n${shared}`;
  const rows = own.map((p) => [code(p.name), cell(unlink(p.description))]);
  return `## CSS custom properties\n\n${table(['property', 'description'], rows)}\n\n${shared}`;
}

/** The bundler import that registers an element: the package export whose file is the element's module. */
function bundlerImport(pkg: PackageJson, modulePath: string): string | undefined {
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    const file = typeof target === 'string' ? target : target.import;
    if (file === `./${modulePath}`) return `@bridgekit/widgets/${subpath.replace(/^\.\//, '')}`;
  }
  return undefined;
}

function usage(element: Declaration, pkg: PackageJson, modulePath: string): string {
  const tag = element.tagName ?? '';
  const required = (element.attributes ?? []).filter((a) => a.name in EXAMPLES).slice(0, 1);
  const attributes = required.map((a) => ` ${a.name}="${EXAMPLES[a.name]}"`).join('');
  const importPath = bundlerImport(pkg, modulePath);
  const bundler = importPath
    ? `\n\nWith a bundler, import ${code(importPath)} once (it registers ${code(`<${tag}>`)}) and call ${code('configure()')} — see [Embedding](/embedding#bundlers-esm).`
    : '';
  return `## Usage

\`\`\`html
<script src="${ORIGIN}/embed.js" data-tenant="acme" async></script>

<${tag}${attributes}></${tag}>
\`\`\`

The script tag loads the element's code when it comes near the viewport.${bundler}`;
}

function elementPage(element: Declaration, classes: Map<string, Declaration>, pkg: PackageJson, modulePath: string): string {
  const tag = element.tagName ?? element.name;
  return page(tag, [
    `# ${code(`<${tag}>`)}`,
    element.summary && `**${prose(element.summary)}**`,
    element.description && prose(unlink(element.description) ?? ''),
    usage(element, pkg, modulePath),
    attributesTable(element),
    methodsTable(element),
    eventsTable(element, classes),
    partsTable(element),
    propertiesTable(element),
    `Class ${code(element.name)}, exported by ${code('@bridgekit/widgets')}. Generated from the package's ${code('custom-elements.json')}.`,
  ]);
}

interface Token {
  name: string;
  light?: string;
  dark?: string;
  fallback?: string;
}

/** The `--bk-*` tokens of the shared stylesheet: `--_x: var(--bk-x, light-dark(#light, #dark))` or `var(--bk-x, value)`. */
export function themeTokens(css: string): Token[] {
  const tokens = new Map<string, Token>();
  for (const [, name, fallback] of css.matchAll(/var\((--bk-[a-z0-9-]+)\s*(?:,\s*([^;]*?))?\)\s*;/g)) {
    if (!name || tokens.has(name)) continue;
    const lightDark = fallback?.match(/^light-dark\(\s*([^,]+?)\s*,\s*([^)]+?)\s*\)$/);
    tokens.set(name, lightDark ? { name, light: lightDark[1], dark: lightDark[2] } : { name, fallback });
  }
  return [...tokens.values()];
}

function indexPage(elements: Declaration[], eventClasses: Declaration[], tokens: Token[]): string {
  const elementRows = elements.map((e) => [`[${code(`<${e.tagName}>`)}](./${e.tagName})`, cell(e.summary)]);
  const tokenRows = tokens.map((t) => [
    code(t.name),
    t.light ? code(t.light) : cell(t.fallback ? code(t.fallback) : ''),
    t.dark ? code(t.dark) : t.light ? '' : 'same',
  ]);
  const eventRows = eventClasses.map((e) => {
    const type = e.members?.find((m) => m.name === 'type' && m.static)?.default?.replace(/^'|'$/g, '');
    return [type ? code(type) : '', code(e.name), cell(unlink(e.description)), eventFields(e)];
  });
  return page('Widget reference', [
    '# Widget reference',
    'Every Bridgekit element, generated from the Custom Elements Manifest that `@bridgekit/widgets` ships (`dist/custom-elements.json`, named by the `customElements` field of its package.json — editors and tools read it too). What each element does and how it behaves with the keyboard is described in the [widgets guide](/widgets).',
    table(['element', 'what it is'], elementRows),
    '## Theme tokens {#theme-tokens}',
    "Every element reads these custom properties; set them on the element or on any ancestor (for example `:root`). Each element also has its own properties, which default to these. Defaults follow Microsoft Fluent 2; the light or dark value follows the element's colour scheme.",
    tokenRows.length > 0 ? table(['property', 'light default', 'dark default'], tokenRows) : undefined,
    '## Event classes',
    "Each event is an instance of its own class, exported by `@bridgekit/widgets` (so `event instanceof BkVoteChangeEvent` narrows its type). The elements' events bubble and cross shadow roots; `bk-session-expired` fires on `window`.",
    table(['event', 'class', 'fired when', 'carries'], eventRows),
  ]);
}

export async function generateWidgetsReference(): Promise<SidebarItem[]> {
  const pkg = JSON.parse(await readFile(new URL('package.json', widgetsDir), 'utf8')) as PackageJson;
  const manifestUrl = new URL(pkg.customElements, widgetsDir);
  const manifest = JSON.parse(
    await readFile(manifestUrl, 'utf8').catch(() => {
      throw new Error(`${manifestUrl.pathname} is missing: build the widgets first (pnpm --filter @bridgekit/widgets build).`);
    }),
  ) as Manifest;
  const css = await readFile(new URL('src/shared/styles.ts', widgetsDir), 'utf8');

  const declarations = manifest.modules.flatMap((m) => m.declarations.map((d) => ({ declaration: d, path: m.path })));
  const classes = new Map(declarations.map(({ declaration }) => [declaration.name, declaration]));
  const elements = declarations.filter(({ declaration }) => declaration.customElement && declaration.tagName);
  elements.sort((a, b) => (a.declaration.tagName ?? '').localeCompare(b.declaration.tagName ?? ''));
  const eventClasses = declarations.map(({ declaration }) => declaration).filter((d) => d.superclass?.name === 'Event');

  const files = new Map<string, string>();
  files.set(
    'index.md',
    indexPage(
      elements.map((e) => e.declaration),
      eventClasses,
      themeTokens(css),
    ),
  );
  for (const { declaration, path } of elements) files.set(`${declaration.tagName}.md`, elementPage(declaration, classes, pkg, path));
  await writeTree(outDir, files);

  return [
    { text: 'All widgets', link: '/reference/widgets/' },
    ...elements.map(({ declaration }) => ({
      text: declaration.tagName ?? declaration.name,
      link: `/reference/widgets/${declaration.tagName}`,
    })),
  ];
}
