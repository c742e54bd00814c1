/**
 * Writes `dist/custom-elements.json`, the Custom Elements Manifest of @bridgekit/widgets, with
 * @custom-elements-manifest/analyzer and its Lit support. It reads each element's class (the
 * JSDoc `@tag`, `@summary`, `@attr`, `@prop`, `@event`, `@csspart`, `@cssproperty` and Lit's
 * `static properties`), the base class and the typed events, and then:
 * - leaves out Lit's internal reactive state (`{ state: true }`), which the analyzer reports as
 *   public attributes;
 * - names each event by its class's `static readonly type` and gives it that class as its type;
 * - points every declaration at the file a consumer imports from `dist/` (each element's
 *   registration module, which also gets its `custom-element-definition`), not at `src/`.
 *
 * Usage: node scripts/manifest.ts (after the build: it writes into dist/)
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type * as TS from 'typescript';
import { componentModule, WIDGETS } from '../src/registry.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

interface Named {
  name: string;
  description?: string;
  type?: { text: string };
  privacy?: string;
  inheritedFrom?: { name: string; module?: string };
}
interface Declaration extends Named {
  kind: string;
  tagName?: string;
  customElement?: boolean;
  superclass?: { name: string; module?: string; package?: string };
  members?: Named[];
  attributes?: (Named & { fieldName?: string })[];
  events?: Partial<Named>[];
}
interface ExportEntry {
  kind: 'js' | 'custom-element-definition';
  name: string;
  declaration: { name: string; module: string };
}
interface Module {
  kind: 'javascript-module';
  path: string;
  declarations: Declaration[];
  exports: ExportEntry[];
}
interface Manifest {
  schemaVersion: string;
  readme: string;
  modules: Module[];
}
interface AnalyzePhase {
  node: TS.Node;
  moduleDoc: Partial<Module>;
}
interface Plugin {
  name: string;
  analyzePhase?(params: AnalyzePhase): void;
  packageLinkPhase?(params: { customElementsManifest: Manifest }): void;
}
interface Analyzer {
  create(options: { modules: TS.SourceFile[]; plugins: Plugin[]; context: Record<string, unknown> }): Manifest;
  ts: typeof TS;
}

// The analyzer publishes no types for `create` or its Lit plugin: typed here, loaded by path.
const analyzerPath = '@custom-elements-manifest/analyzer';
const { create, ts } = (await import(analyzerPath)) as Analyzer;
const { litPlugin } = (await import(`${analyzerPath}/src/features/framework-plugins/lit/lit.js`)) as { litPlugin: () => Plugin[] };

/** Every module the consumer-facing entry (`dist/index.js`) exports besides the elements. */
const MAIN = 'dist/index.js';

async function sources(): Promise<{ components: string[]; others: string[] }> {
  const components = WIDGETS.map((w) => componentModule(w.tag));
  const events = (await readdir(`${root}src/events`)).filter((f) => f.endsWith('.ts')).map((f) => `src/events/${f}`);
  return { components: components.sort(), others: ['src/shared/bridgekit-element.ts', ...events.sort()] };
}

/** Lit's `{ state: true }` entries of a class's `static properties`: internal, not API. */
function stateProperties(node: TS.ClassDeclaration): Set<string> {
  const names = new Set<string>();
  for (const member of node.members) {
    const isStatic = ts.getModifiers?.(member as TS.PropertyDeclaration)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
    if (!isStatic || !ts.isPropertyDeclaration(member) || member.name.getText() !== 'properties') continue;
    if (!member.initializer || !ts.isObjectLiteralExpression(member.initializer)) continue;
    for (const property of member.initializer.properties) {
      if (!ts.isPropertyAssignment(property) || !ts.isObjectLiteralExpression(property.initializer)) continue;
      const isState = property.initializer.properties.some(
        (option) =>
          ts.isPropertyAssignment(option) && option.name.getText() === 'state' && option.initializer.kind === ts.SyntaxKind.TrueKeyword,
      );
      if (isState) names.add(property.name.getText());
    }
  }
  return names;
}

const litStatePlugin: Plugin = {
  name: 'bridgekit: Lit state is internal',
  // Runs on the class node after the Lit plugin filled in its members and attributes.
  analyzePhase({ node, moduleDoc }) {
    if (!ts.isClassDeclaration(node) || !node.name) return;
    const state = stateProperties(node);
    const declaration = moduleDoc.declarations?.find((d) => d.name === node.name?.getText());
    if (!declaration || state.size === 0) return;
    declaration.attributes = declaration.attributes?.filter((a) => !state.has(a.fieldName ?? a.name));
    for (const member of declaration.members ?? []) if (state.has(member.name)) member.privacy = 'private';
  },
};

/** Event name → event class, from each event class's `static readonly type = 'bk-…'`. */
function eventTypes(manifest: Manifest): Map<string, string> {
  const byName = new Map<string, string>();
  for (const module of manifest.modules) {
    for (const declaration of module.declarations) {
      const type = declaration.members?.find((m) => m.name === 'type' && 'static' in m && 'default' in m) as
        | (Named & { default: string })
        | undefined;
      const name = type?.default.match(/^['"]([a-z0-9-]+)['"]$/)?.[1];
      if (declaration.superclass?.name === 'Event' && name) byName.set(name, declaration.name);
    }
  }
  return byName;
}

const typedEventsPlugin: Plugin = {
  name: 'bridgekit: typed events',
  packageLinkPhase({ customElementsManifest }) {
    const classOf = eventTypes(customElementsManifest);
    const nameOf = new Map([...classOf].map(([name, cls]) => [cls, name]));
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations) {
        if (!declaration.events) continue;
        // The analyzer lists `dispatchEvent(new BkXEvent(arg))` as an event of that type named
        // after `arg`, next to the JSDoc `@event bk-x`: merge them into one named, typed event.
        const merged = new Map<string, Partial<Named>>();
        for (const event of declaration.events) {
          const name = (event.type && nameOf.get(event.type.text)) ?? event.name;
          if (!name) continue;
          const cls = classOf.get(name);
          merged.set(name, { ...merged.get(name), ...event, name, ...(cls ? { type: { text: cls } } : {}) });
        }
        declaration.events = [...merged.values()];
      }
    }
  },
};

/** The registration module of each element class: `defineElement('bk-x', BkX)` in `src/components/x/x.ts`. */
async function registrations(components: string[]): Promise<Map<string, { tag: string; path: string }>> {
  const byClass = new Map<string, { tag: string; path: string }>();
  for (const component of components) {
    const source = component.replace(/\.component\.ts$/, '.ts');
    const text = await readFile(`${root}${source}`, 'utf8');
    for (const [, tag, cls] of text.matchAll(/defineElement\('([a-z0-9-]+)',\s*(\w+)\)/g)) {
      if (tag && cls) byClass.set(cls, { tag, path: source.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js') });
    }
  }
  return byClass;
}

/** One module per element (its registration module in dist/), everything else in dist/index.js. */
function toDist(manifest: Manifest, registered: Map<string, { tag: string; path: string }>): Manifest {
  const modulePath = new Map<string, string>();
  for (const module of manifest.modules) {
    for (const d of module.declarations) modulePath.set(d.name, registered.get(d.name)?.path ?? MAIN);
  }
  const modules = new Map<string, Module>();
  for (const declaration of manifest.modules.flatMap((m) => m.declarations)) {
    const path = modulePath.get(declaration.name) ?? MAIN;
    const superclass = declaration.superclass;
    if (superclass && modulePath.has(superclass.name)) {
      declaration.superclass = { name: superclass.name, module: modulePath.get(superclass.name) };
    } else if (superclass?.module?.startsWith('src/')) {
      // The analyzer takes a class it cannot find (the DOM's `Event`) for one of this module.
      declaration.superclass = { name: superclass.name, package: 'global:' };
    }
    for (const item of [...(declaration.members ?? []), ...(declaration.attributes ?? []), ...(declaration.events ?? [])]) {
      const from = item.inheritedFrom?.name;
      if (from) item.inheritedFrom = { name: from, module: modulePath.get(from) ?? MAIN };
    }
    const module = modules.get(path) ?? { kind: 'javascript-module', path, declarations: [], exports: [] };
    module.declarations.push(declaration);
    module.exports.push({ kind: 'js', name: declaration.name, declaration: { name: declaration.name, module: path } });
    const registration = registered.get(declaration.name);
    if (registration) {
      module.exports.push({
        kind: 'custom-element-definition',
        name: registration.tag,
        declaration: { name: declaration.name, module: path },
      });
    }
    modules.set(path, module);
  }
  return { ...manifest, modules: [...modules.values()].sort((a, b) => a.path.localeCompare(b.path)) };
}

const { components, others } = await sources();
const files = [...components, ...others];
const modules = await Promise.all(
  files.map(async (file) => ts.createSourceFile(file, await readFile(`${root}${file}`, 'utf8'), ts.ScriptTarget.ES2022, true)),
);
const analyzed = create({ modules, plugins: [...litPlugin(), litStatePlugin, typedEventsPlugin], context: { dev: false } });
const manifest = toDist(analyzed, await registrations(components));

const elements = manifest.modules.flatMap((m) => m.declarations).filter((d) => d.customElement && d.tagName);
if (elements.length !== components.length) {
  const found = elements.map((e) => e.tagName).join(', ');
  // TypeScript attaches a JSDoc comment to the statement right after it, so nothing may stand between.
  throw new Error(
    `Expected ${components.length} elements in the manifest, found ${found}: each element class needs its JSDoc (with @tag) directly above \`export class\`.`,
  );
}
await writeFile(`${root}dist/custom-elements.json`, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`@bridgekit/widgets: wrote dist/custom-elements.json (${elements.length} elements)`);
