/**
 * The SDK reference, from @bridgekit/sdk's types and doc comments: TypeDoc with
 * typedoc-plugin-markdown renders `packages/sdk/src/index.ts` into `reference/sdk/`, one page
 * per function, class, interface, type alias and constant; the sidebar groups them by kind.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Application } from 'typedoc';
import type { SidebarItem } from './markdown.ts';

const sdk = (path: string) => fileURLToPath(new URL(`../../packages/sdk/${path}`, import.meta.url));
const outDir = fileURLToPath(new URL('../reference/sdk', import.meta.url));

/** TypeDoc's folders, in the order a reader needs them. */
const KINDS: [folder: string, title: string][] = [
  ['functions', 'Functions'],
  ['classes', 'Classes'],
  ['interfaces', 'Interfaces'],
  ['type-aliases', 'Type aliases'],
  ['variables', 'Constants'],
];

async function sidebar(): Promise<SidebarItem[]> {
  const groups: SidebarItem[] = [{ text: 'Overview', link: '/reference/sdk/' }];
  for (const [folder, title] of KINDS) {
    const files = await readdir(`${outDir}/${folder}`).catch(() => [] as string[]);
    const items = files
      .filter((f) => f.endsWith('.md'))
      .map((f) => f.replace(/\.md$/, ''))
      .sort((a, b) => a.localeCompare(b))
      .map((name) => ({ text: name, link: `/reference/sdk/${folder}/${name}` }));
    if (items.length > 0) groups.push({ text: title, collapsed: folder !== 'functions' && folder !== 'classes', items });
  }
  return groups;
}

export async function generateSdkReference(): Promise<SidebarItem[]> {
  await rm(outDir, { recursive: true, force: true });
  const app = await Application.bootstrapWithPlugins({
    entryPoints: [sdk('src/index.ts')],
    tsconfig: sdk('tsconfig.json'),
    plugin: ['typedoc-plugin-markdown'],
    out: outDir,
    name: '@bridgekit/sdk',
    readme: 'none',
    disableSources: true,
    excludePrivate: true,
    excludeInternal: true,
    logLevel: 'Warn',
    // typedoc-plugin-markdown: file layout and the look of the pages.
    entryFileName: 'index.md',
    hidePageHeader: true,
    hideBreadcrumbs: true,
    useCodeBlocks: true,
    parametersFormat: 'table',
    interfacePropertiesFormat: 'table',
    classPropertiesFormat: 'table',
    typeAliasPropertiesFormat: 'table',
    enumMembersFormat: 'table',
    typeDeclarationFormat: 'table',
    indexFormat: 'table',
    // VitePress reads each page as a Vue template: comments must not open tags.
    sanitizeComments: true,
  } as Parameters<typeof Application.bootstrapWithPlugins>[0]);
  const project = await app.convert();
  if (!project) throw new Error('TypeDoc could not read @bridgekit/sdk (see the messages above).');
  await app.generateOutputs(project);
  if (app.logger.hasErrors()) throw new Error('TypeDoc reported errors (see above).');

  const index = await readFile(`${outDir}/index.md`, 'utf8');
  if (!index.includes('createClient')) throw new Error('The SDK reference lacks createClient: TypeDoc rendered nothing useful.');
  return sidebar();
}
