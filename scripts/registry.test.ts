/**
 * Every list of the widgets that is written out somewhere agrees with the registry
 * (packages/widgets/src/registry.ts): the component folders and their registration modules,
 * the package's exports and side-effect modules, the message catalogs each element registers,
 * the Worker's iframe route, the SharePoint web part, the demo pages, the guides and the e2e
 * "every widget" lists; and the build (run by `pnpm test` first) made a chunk, a manifest entry
 * and a page within budget for each element. `pnpm new widget <name>` keeps them all in step.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { componentModule, registrationModule, WIDGETS, widgetName } from '../packages/widgets/src/registry.ts';
import { pageBudget, pageWeight } from './budgets.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const widgets = join(root, 'packages/widgets');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const tags = WIDGETS.map((w) => w.tag);
const sorted = (items: Iterable<string>) => [...items].sort();

/** The distinct `bk-…` element tags in a piece of HTML or source (opening tags, or quoted tag names). */
function elementTags(text: string, pattern: RegExp): string[] {
  return sorted(new Set([...text.matchAll(pattern)].map((m) => m[1] ?? '')));
}

/** A glob of package.json's `sideEffects` (`*` within one path segment) as a test. */
const globTest = (glob: string) => new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);

describe('the widget registry', () => {
  it('names each element once, with a tag and class that follow the naming rules', () => {
    expect(new Set(tags).size).toBe(tags.length);
    for (const w of WIDGETS) {
      expect(w.tag).toMatch(/^bk-[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/);
      expect(w.className).toBe(`Bk${widgetName(w.tag).replace(/(?:^|-)([a-z0-9])/g, (_, c: string) => c.toUpperCase())}`);
    }
  });

  it('has an entry for each component folder, and each entry its element and registration module', () => {
    const folders = readdirSync(join(widgets, 'src/components'), { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(sorted(folders.map((d) => `bk-${d.name}`))).toEqual(sorted(tags));
    for (const w of WIDGETS) {
      const element = readFileSync(join(widgets, componentModule(w.tag)), 'utf8');
      expect(element, componentModule(w.tag)).toContain(`export class ${w.className} extends BridgekitElement`);
      expect(element, componentModule(w.tag)).toMatch(new RegExp(`@tag ${w.tag}\\n`));
      const registration = readFileSync(join(widgets, registrationModule(w.tag)), 'utf8');
      expect(registration, registrationModule(w.tag)).toContain(`defineElement('${w.tag}', ${w.className});`);
      expect(registration, registrationModule(w.tag)).toContain(`'${w.tag}': ${w.className};`);
    }
  });

  it('lists the message catalogs each element registers', () => {
    const catalogs = new Map<string, string>();
    for (const file of readdirSync(join(widgets, 'src/shared/messages'))) {
      const text = readFileSync(join(widgets, 'src/shared/messages', file), 'utf8');
      for (const [, name, feature] of text.matchAll(/export const (\w+): FeatureMessages = \{\s*feature: '([a-z-]+)'/g)) {
        if (name && feature) catalogs.set(name, feature);
      }
    }
    for (const w of WIDGETS) {
      const element = readFileSync(join(widgets, componentModule(w.tag)), 'utf8');
      const registered = [...element.matchAll(/registerFeature\((\w+)\)/g)].map((m) => catalogs.get(m[1] ?? '') ?? `unknown ${m[1]}`);
      expect(sorted(registered), w.tag).toEqual(sorted(w.features));
    }
  });

  it('matches the package entry, its exports and its side-effect modules', () => {
    const index = read('packages/widgets/src/index.ts');
    const exported = [...index.matchAll(/export \{ (\w+) \} from '\.\/components\/([a-z0-9-]+)\/\2\.component\.ts';/g)];
    expect(sorted(exported.map((m) => `${m[1]} ${m[2]}`))).toEqual(sorted(WIDGETS.map((w) => `${w.className} ${widgetName(w.tag)}`)));

    const pkg = JSON.parse(read('packages/widgets/package.json')) as {
      exports: Record<string, unknown>;
      sideEffects: string[];
    };
    const elementExports = Object.keys(pkg.exports).filter(
      (key) => /^\.\/[a-z0-9-]+\.js$/.test(key) && key !== './config.js' && key !== './registry.js',
    );
    expect(sorted(elementExports)).toEqual(sorted(tags.map((t) => `./${widgetName(t)}.js`)));
    const sideEffects = pkg.sideEffects.map(globTest);
    for (const w of WIDGETS) {
      const name = widgetName(w.tag);
      expect(pkg.exports[`./${name}.js`]).toEqual({
        types: `./dist/components/${name}/${name}.d.ts`,
        import: `./dist/components/${name}/${name}.js`,
      });
      for (const module of [`./${registrationModule(w.tag)}`, `./dist/components/${name}/${name}.js`]) {
        expect(
          sideEffects.some((glob) => glob.test(module)),
          `sideEffects lists ${module}`,
        ).toBe(true);
      }
    }
  });

  it("matches the Worker's iframe route: the framed widgets, by the tag without bk-", async () => {
    const schema = pathToFileURL(join(root, 'packages/worker/src/schemas/embed.ts')).href;
    const { FRAME_WIDGETS } = (await import(schema)) as {
      FRAME_WIDGETS: Record<string, { tag: string; attributes: Record<string, string> }>;
    };
    expect(sorted(Object.keys(FRAME_WIDGETS))).toEqual(sorted(WIDGETS.filter((w) => w.framed).map((w) => widgetName(w.tag))));
    for (const [name, frame] of Object.entries(FRAME_WIDGETS)) {
      const entry = WIDGETS.find((w) => w.tag === frame.tag);
      expect(frame.tag).toBe(`bk-${name}`);
      // The configurator's iframe snippet sets the target attribute as a query parameter.
      if (entry?.target) expect(Object.keys(frame.attributes), name).toContain(entry.target.attribute);
    }
  });

  it('matches the SharePoint web part: its widget kinds, their targets, modules and names', async () => {
    const spfx = 'examples/sharepoint-spfx/src/webparts/bridgekit';
    // Its tsconfig extends the SharePoint toolchain's, installed only by its own build: load it as plain JavaScript.
    const dir = mkdtempSync(join(tmpdir(), 'bk-spfx-'));
    writeFileSync(join(dir, 'widget-kinds.mjs'), stripTypeScriptTypes(read(`${spfx}/widget-kinds.ts`)));
    const { WIDGET_KINDS } = (await import(pathToFileURL(join(dir, 'widget-kinds.mjs')).href)) as {
      WIDGET_KINDS: Record<string, { tag: string; target: unknown; load: () => Promise<unknown> }>;
    };
    rmSync(dir, { recursive: true, force: true });
    const offered = WIDGETS.flatMap((w) => (w.webPart ? [{ ...w, webPart: w.webPart }] : []));
    expect(sorted(Object.keys(WIDGET_KINDS))).toEqual(sorted(offered.map((w) => widgetName(w.tag))));
    for (const w of offered) {
      const kind = WIDGET_KINDS[widgetName(w.tag)];
      expect(kind?.tag).toBe(w.tag);
      expect(kind?.target).toEqual(w.webPart.target);
      expect(String(kind?.load)).toContain(`'@bridgekit/widgets/${widgetName(w.tag)}.js'`);
    }
    // The names in the web part's "Widget" choice, in English (the configurator shows them too).
    const strings = read(`${spfx}/loc/en-us.js`);
    const names = [...strings.matchAll(/^ {2}Widget(?!FieldLabel|GroupName)\w+: '([^']+)',$/gm)].map((m) => m[1] ?? '');
    expect(sorted(names)).toEqual(sorted(offered.map((w) => w.webPart.name)));
  });

  it("shows each element on its demo page, and nothing the registry doesn't know", () => {
    const demo = 'packages/worker/static/demo';
    const shown = new Set<string>();
    for (const file of readdirSync(join(root, demo)).filter((f) => f.endsWith('.html'))) {
      const onPage = elementTags(read(`${demo}/${file}`), /<(bk-[a-z0-9-]+)[\s>]/g);
      for (const tag of onPage) {
        expect(tags, `${demo}/${file}`).toContain(tag);
        shown.add(`${tag} ${file}`);
      }
    }
    for (const w of WIDGETS) if (w.demoPage) expect(shown, `${w.tag} on ${demo}/${w.demoPage}`).toContain(`${w.tag} ${w.demoPage}`);
  });

  it('has a section in the widgets guide and a live demo in the docs for each element', () => {
    expect(elementTags(read('docs/widgets.md'), /^## `<(bk-[a-z0-9-]+)>`$/gm)).toEqual(sorted(tags));
    expect(elementTags(read('docs/demos/index.md'), /<BridgekitDemo widget="(bk-[a-z0-9-]+)"/g)).toEqual(sorted(tags));
  });

  it('is what the e2e "every widget" tests render', () => {
    for (const file of ['e2e/docs.e2e.test.ts', 'e2e/strict-csp.e2e.test.ts']) {
      const list = read(file).match(/const tags = \[\n([\s\S]*?)\n\s*\];/)?.[1];
      expect(list, `a \`const tags = [ … ]\` list in ${file}`).toBeDefined();
      expect(elementTags(list ?? '', /^\s*'<?(bk-[a-z0-9-]+)/gm), file).toEqual(sorted(tags));
    }
  });
});

describe('the widgets build (from `pnpm build`)', () => {
  const cdn = join(widgets, 'dist/cdn');
  const built = existsSync(join(cdn, 'widgets.json'));

  it('has a chunk and a manifest entry for each element', () => {
    expect(built, 'build the widgets first (pnpm --filter @bridgekit/widgets build)').toBe(true);
    const chunks = JSON.parse(readFileSync(join(cdn, 'widgets.json'), 'utf8')) as Record<string, { entry: string }>;
    expect(sorted(Object.keys(chunks))).toEqual(sorted(tags));
    const manifest = JSON.parse(readFileSync(join(widgets, 'dist/custom-elements.json'), 'utf8')) as {
      modules: { declarations: { tagName?: string; customElement?: boolean }[] }[];
    };
    const elements = manifest.modules.flatMap((m) => m.declarations).filter((d) => d.customElement && d.tagName);
    expect(sorted(elements.map((d) => d.tagName ?? ''))).toEqual(sorted(tags));
  });

  it('keeps the page of each element within its budget', () => {
    for (const tag of tags) expect(pageWeight(tag), `<${tag}> page weight`).toBeLessThanOrEqual(pageBudget(tag));
  });
});
