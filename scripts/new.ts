/**
 * `pnpm new widget <name>`: a new Bridgekit element, wired in everywhere the widgets are listed.
 *
 * Creates packages/widgets/src/components/<name>/ (element, styles, registration, a Chromium
 * test) and adds the element to the registry (packages/widgets/src/registry.ts), the package
 * entry and exports, the message catalogs (English and German), the demo page, the widgets
 * guide, the docs' live demos and the e2e "every widget" lists. scripts/registry.test.ts checks
 * that all of them agree; scripts/new-widget.test.ts runs this in a copy of the repository.
 *
 * Usage: pnpm new widget <name> [--title "Team directory"] [--summary "One line on what it shows."]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const USAGE =
  'Usage: pnpm new widget <name> [--title "<plain name>"] [--summary "<one line>"]   e.g. pnpm new widget team-directory';

/** A mistake in the command line: printed without a stack trace. */
export class UsageError extends Error {}

export interface WidgetNames {
  /** `team-directory`: folder, modules, package export and iframe route. */
  name: string;
  /** `bk-team-directory` */
  tag: string;
  /** `BkTeamDirectory` */
  className: string;
  /** `teamDirectory`: the prefix of its message keys, and of its styles' export. */
  camel: string;
  /** `Team directory` */
  title: string;
}

const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/** Names the package already exports for something else. */
const RESERVED = new Set(['config', 'registry', 'index', 'cdn', 'frame', 'loader', 'shared', 'events']);

/** Checks the name as typed (`team-directory` or `bk-team-directory`) and derives the others. */
export function widgetNames(input: string | undefined, root: string): WidgetNames {
  if (!input) throw new UsageError(`Name the widget.\n${USAGE}`);
  const name = input.replace(/^bk-/, '');
  if (!KEBAB.test(name)) {
    throw new UsageError(
      `"${input}" is not a widget name: use lower-case letters and digits, words joined by single hyphens (kebab-case), starting with a letter, e.g. team-directory.`,
    );
  }
  if (RESERVED.has(name))
    throw new UsageError(`"${name}" is taken by the package itself (@bridgekit/widgets/${name}…): pick another name.`);
  const tag = `bk-${name}`;
  const camel = name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  const names: WidgetNames = {
    name,
    tag,
    className: `Bk${camel[0]?.toUpperCase()}${camel.slice(1)}`,
    camel,
    title: `${name[0]?.toUpperCase()}${name.slice(1).replace(/-/g, ' ')}`,
  };
  const registry = readFileSync(join(root, 'packages/widgets/src/registry.ts'), 'utf8');
  if (existsSync(join(root, 'packages/widgets/src/components', name)) || registry.includes(`tag: '${tag}'`)) {
    throw new UsageError(`<${tag}> exists already (packages/widgets/src/components/${name}): pick another name.`);
  }
  const messages = join(root, 'packages/widgets/src/shared/messages');
  const english = readdirSync(messages).filter((file) => /^en(?:-[a-z]+)?\.ts$/.test(file));
  if (english.some((file) => readFileSync(join(messages, file), 'utf8').includes(`'${camel}.`))) {
    throw new UsageError(`The message catalog has keys starting with "${camel}." already: pick another name.`);
  }
  return names;
}

/** Inserts `text` before the one occurrence of `anchor` in `file`; fails loudly when the file changed shape. */
function insertBefore(root: string, file: string, anchor: string, text: string): void {
  const path = join(root, file);
  const source = readFileSync(path, 'utf8');
  const at = source.indexOf(anchor);
  if (at < 0 || source.indexOf(anchor, at + 1) >= 0) {
    throw new Error(`${file}: expected exactly one ${JSON.stringify(anchor)} to insert before; add the widget there by hand.`);
  }
  writeFileSync(path, source.slice(0, at) + text + source.slice(at));
}

/** Adds an item at the end of the `const tags = [ … ];` list of an e2e test, indented like the others. */
function appendToTagList(root: string, file: string, item: string): void {
  const path = join(root, file);
  const source = readFileSync(path, 'utf8');
  const list = source.match(/const tags = \[\n((?:( *)'[^\n]*',\n)+)( *)\];/);
  if (!list || list.index === undefined) throw new Error(`${file}: no \`const tags = [ … ];\` list to add the widget to.`);
  const end = list.index + list[0].length - `${list[3]}];`.length;
  writeFileSync(path, `${source.slice(0, end)}${list[2]}${item},\n${source.slice(end)}`);
}

function writeNew(root: string, file: string, text: string): void {
  writeFileSync(join(root, file), text, { flag: 'wx' });
}

const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function elementModule(n: WidgetNames, summary: string): string {
  return `import { html } from 'lit';
import { BridgekitElement } from '../../shared/bridgekit-element.ts';
import { tokens } from '../../shared/styles.ts';
import { ${n.camel}Styles } from './${n.name}.styles.ts';

/**
 * ${summary}
 *
 * @tag ${n.tag}
 * @summary ${summary}
 *
 * @csspart base - The frame.
 */
export class ${n.className} extends BridgekitElement {
  static override styles = [tokens, ${n.camel}Styles];

  protected configChanged(): void {
    // Nothing to reload yet: it shows no data from the API.
  }

  protected override render() {
    return html\`
      <section class="base" part="base" aria-labelledby="${n.tag}-heading">
        <h2 id="${n.tag}-heading">\${this.t('${n.camel}.heading')}</h2>
        <p>\${this.t('${n.camel}.intro')}</p>
      </section>
    \`;
  }
}
`;
}

function stylesModule(n: WidgetNames): string {
  return `import { css } from 'lit';

export const ${n.camel}Styles = css\`
  :host {
    display: block;
  }

  /* Its own surface, like the other widgets: text stays legible on any page, in light or dark. */
  .base {
    display: grid;
    gap: 0.5rem;
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    background: var(--_surface);
  }

  h2 {
    margin: 0;
    font-size: 1.25rem;
  }

  p {
    margin: 0;
  }
\`;
`;
}

function registrationModule(n: WidgetNames): string {
  return `import { defineElement } from '../../shared/define.ts';
import { ${n.className} } from './${n.name}.component.ts';

export { ${n.className} };

defineElement('${n.tag}', ${n.className});

declare global {
  interface HTMLElementTagNameMap {
    '${n.tag}': ${n.className};
  }
}
`;
}

function testModule(n: WidgetNames, summary: string): string {
  return `import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { cleanup, expectNoAxeViolations, mount, shadow, signIn, until } from '../../../test/support.ts';
import './${n.name}.ts';
import { ${n.className} } from './${n.name}.component.ts';

describe('<${n.tag}>', () => {
  afterEach(cleanup);

  it('is registered under its tag', () => {
    expect(customElements.get('${n.tag}')).toBe(${n.className});
  });

  it('shows its heading and text from the message catalog, with no accessibility violation', async () => {
    signIn(null);
    const el = await mount<${n.className}>('<${n.tag}></${n.tag}>');
    const heading = await until(() => shadow(el).querySelector('h2'));
    expect(heading.textContent).toBe(${quote(n.title)});
    await expect.element(page.getByRole('region', { name: ${quote(n.title)} }).getByText(${quote(summary)})).toBeVisible();
    await expectNoAxeViolations(el);
  });
});
`;
}

function registryEntry(n: WidgetNames, summary: string): string {
  return `  {
    tag: '${n.tag}',
    className: '${n.className}',
    features: [],
    framed: false,
    title: ${quote(n.title)},
    summary: ${quote(summary)},
    target: null,
    webPart: null,
    demoPage: 'index.html',
  },
`;
}

/** The package exports the registration module and keeps it (and its build) as a side effect. */
function addToPackageJson(root: string, n: WidgetNames): void {
  const path = join(root, 'packages/widgets/package.json');
  const pkg = JSON.parse(readFileSync(path, 'utf8')) as { exports: Record<string, unknown>; sideEffects: string[] };
  pkg.exports[`./${n.name}.js`] = {
    types: `./dist/components/${n.name}/${n.name}.d.ts`,
    import: `./dist/components/${n.name}/${n.name}.js`,
  };
  pkg.sideEffects.push(`./src/components/${n.name}/${n.name}.ts`, `./dist/components/${n.name}/${n.name}.js`);
  writeFileSync(path, `${JSON.stringify(pkg, null, 2)}\n`);
}

/** The element's export in the package entry, in path order among the other elements. */
function addToIndex(root: string, n: WidgetNames): void {
  const path = join(root, 'packages/widgets/src/index.ts');
  const lines = readFileSync(path, 'utf8').split('\n');
  const line = `export { ${n.className} } from './components/${n.name}/${n.name}.component.ts';`;
  const elements = lines.map((l, i) => [l, i] as const).filter(([l]) => l.startsWith('export { Bk') && l.includes("'./components/"));
  const last = elements.at(-1);
  if (!last) throw new Error('packages/widgets/src/index.ts: no element exports to add the widget to.');
  const next = elements.find(([l]) => l.slice(l.indexOf(' from ')) > line.slice(line.indexOf(' from ')));
  lines.splice(next ? next[1] : last[1] + 1, 0, line);
  writeFileSync(path, lines.join('\n'));
}

export function scaffoldWidget(root: string, input: string | undefined, options: { title?: string; summary?: string } = {}): WidgetNames {
  const n = widgetNames(input, root);
  if (options.title) n.title = options.title;
  const summary = options.summary ?? `${n.title}: one line on what it shows.`;
  const folder = `packages/widgets/src/components/${n.name}`;

  mkdirSync(join(root, folder));
  writeNew(root, `${folder}/${n.name}.component.ts`, elementModule(n, summary));
  writeNew(root, `${folder}/${n.name}.styles.ts`, stylesModule(n));
  writeNew(root, `${folder}/${n.name}.ts`, registrationModule(n));
  writeNew(root, `${folder}/${n.name}.test.ts`, testModule(n, summary));

  insertBefore(
    root,
    'packages/widgets/src/registry.ts',
    '  // pnpm new widget <name> adds its entry above this line.',
    registryEntry(n, summary),
  );
  addToIndex(root, n);
  addToPackageJson(root, n);

  const texts = `  '${n.camel}.heading': ${quote(n.title)},\n  '${n.camel}.intro': ${quote(summary)},\n`;
  insertBefore(root, 'packages/widgets/src/shared/messages/en.ts', '} as const;\n', texts);
  insertBefore(
    root,
    'packages/widgets/src/shared/messages/de.ts',
    '\n};\n',
    `\n  // <${n.tag}>: English until translated.\n${texts.trimEnd()}`,
  );

  insertBefore(root, 'packages/worker/static/demo/index.html', '      <section class="embed-code"', `      <${n.tag}></${n.tag}>\n\n`);
  insertBefore(root, 'docs/widgets.md', '## Page events\n', `## \`<${n.tag}>\`\n\n${summary}\n\n`);
  const demos = join(root, 'docs/demos/index.md');
  writeFileSync(demos, `${readFileSync(demos, 'utf8').trimEnd()}\n\n## ${n.title}\n\n${summary}\n\n<BridgekitDemo widget="${n.tag}" />\n`);
  appendToTagList(root, 'e2e/docs.e2e.test.ts', `'${n.tag}'`);
  appendToTagList(root, 'e2e/strict-csp.e2e.test.ts', `'<${n.tag}></${n.tag}>'`);
  // Line breaks depend on the name and summary: leave them to the formatter.
  execFileSync(join(root, 'node_modules/.bin/biome'), ['format', '--write', '--vcs-enabled=false', folder], { cwd: root, stdio: 'ignore' });
  return n;
}

if (import.meta.main) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  try {
    const { positionals, values } = parseArgs({
      allowPositionals: true,
      options: { title: { type: 'string' }, summary: { type: 'string' } },
    });
    const [kind, name, ...rest] = positionals;
    if (kind !== 'widget' || rest.length > 0) throw new UsageError(USAGE);
    const n = scaffoldWidget(root, name, values);
    console.log(`Created <${n.tag}> in packages/widgets/src/components/${n.name}/ and added it to:
  packages/widgets/src/registry.ts, src/index.ts, package.json (exports, sideEffects)
  the message catalogs (en.ts; de.ts has the English texts until translated)
  packages/worker/static/demo/index.html, docs/widgets.md, docs/demos/index.md
  the e2e "every widget" lists (e2e/docs.e2e.test.ts, e2e/strict-csp.e2e.test.ts)
Next: write the element, its texts (German too) and its guide section; to frame it or offer it
in the SharePoint web part, set \`framed\` or \`webPart\` in the registry and run
npx vitest run --project budgets scripts/registry.test.ts, which says what else to add.
Its test: npx vitest run --project widgets packages/widgets/src/components/${n.name}/`);
  } catch (err) {
    if (!(err instanceof UsageError || err instanceof TypeError)) throw err;
    console.error(err.message);
    process.exitCode = 1;
  }
}
