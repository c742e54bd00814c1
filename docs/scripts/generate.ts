/**
 * Generates the reference pages before `vitepress dev` and `vitepress build`: widgets (from the
 * Custom Elements Manifest), SDK (TypeDoc) and HTTP API (OpenAPI), each into `reference/<name>/`
 * with a `sidebar.json` that .vitepress/config.ts reads. The output is not committed.
 *
 * Usage: node scripts/generate.ts (after @bridgekit/sdk and @bridgekit/widgets are built)
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { generateApiReference } from './api-reference.ts';
import type { SidebarItem } from './markdown.ts';
import { generateSdkReference } from './sdk-reference.ts';
import { generateWidgetsReference } from './widgets-reference.ts';

const GENERATORS: [name: string, generate: () => Promise<SidebarItem[]>][] = [
  ['widgets', generateWidgetsReference],
  ['api', generateApiReference],
  ['sdk', generateSdkReference],
];

const started = performance.now();
for (const [name, generate] of GENERATORS) {
  const start = performance.now();
  const sidebar = await generate();
  await writeFile(fileURLToPath(new URL(`../reference/${name}/sidebar.json`, import.meta.url)), `${JSON.stringify(sidebar, null, 2)}\n`);
  console.log(`docs: reference/${name} generated in ${Math.round(performance.now() - start)} ms`);
}
console.log(`docs: references generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
