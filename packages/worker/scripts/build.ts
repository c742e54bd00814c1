/**
 * Assembles the Worker's static assets from the widgets' script-tag build, then bundles the
 * Worker with the production configuration (scripts/bundle.ts: as wrangler would, without the
 * OpenAPI-only text) and has wrangler take it as a deploy would (a dry run: nothing is
 * deployed). Its entry, src/index.ts, leaves out the development entry's demo page, demo people
 * and token minting (src/dev/index.ts); scripts/production-bundle.test.ts checks dist/bundle for them.
 *
 *   dist/assets      production: /embed.js, /widgets/*, the Public Suffix List (/psl/…), the
 *                    HTML entity table markdown-it decodes with (/md/…) and the OpenAPI document
 *                    the Worker serves at /v1/openapi.json (/openapi/…), generated here with the
 *                    full @hono/zod-openapi, which the Worker's bundle leaves out (src/openapi/),
 *                    and the reasons' English texts (/reasons/…, src/lib/reason-texts.ts)
 *   dist/assets-dev  development: the same plus the demo page under /demo/
 *
 * Usage: node scripts/build.ts [--assets-only]
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REASONS } from '@bridgekit/sdk/reasons';
import { PUBLIC_SUFFIX_ASSET } from '../src/lib/public-suffixes.ts';
import { REASON_TEXTS_ASSET } from '../src/lib/reason-texts.ts';
import { HTML_ENTITIES_ASSET } from '../src/markdown/entities.ts';
import { OPENAPI_DOCUMENT_ASSET } from '../src/openapi/document.ts';
import { BUNDLE_DIR, bundleWorker } from './bundle.ts';
import { htmlEntityTable } from './html-entities.ts';
import { openApiDocument } from './openapi-document.ts';
import { publicSuffixRules } from './public-suffixes.ts';
import { runWrangler } from './wrangler.ts';

const here = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const widgetsCdn = fileURLToPath(new URL('../../widgets/dist/cdn', import.meta.url));

export async function assembleAssets(): Promise<void> {
  const publicSuffixes = JSON.stringify(await publicSuffixRules());
  const htmlEntities = JSON.stringify(await htmlEntityTable());
  const openApi = await openApiDocument();
  const reasonTexts = JSON.stringify(REASONS);
  for (const [dir, withDemo] of [
    ['dist/assets', false],
    ['dist/assets-dev', true],
  ] as const) {
    const out = here(dir);
    await rm(out, { recursive: true, force: true });
    await mkdir(out, { recursive: true });
    await cp(widgetsCdn, out, { recursive: true });
    await cp(here('static/_headers'), `${out}/_headers`);
    await mkdir(`${out}/psl`, { recursive: true });
    await writeFile(`${out}${PUBLIC_SUFFIX_ASSET}`, publicSuffixes);
    await mkdir(dirname(`${out}${HTML_ENTITIES_ASSET}`), { recursive: true });
    await writeFile(`${out}${HTML_ENTITIES_ASSET}`, htmlEntities);
    await mkdir(dirname(`${out}${OPENAPI_DOCUMENT_ASSET}`), { recursive: true });
    await writeFile(`${out}${OPENAPI_DOCUMENT_ASSET}`, openApi);
    await mkdir(dirname(`${out}${REASON_TEXTS_ASSET}`), { recursive: true });
    await writeFile(`${out}${REASON_TEXTS_ASSET}`, reasonTexts);
    if (withDemo) await cp(here('static/demo'), `${out}/demo`, { recursive: true });
  }
}

if (import.meta.main) {
  await assembleAssets();
  if (!process.argv.includes('--assets-only')) {
    await bundleWorker();
    // What docs/production.md's deploy runs, uploading nothing.
    const dryRun = await mkdtemp(join(tmpdir(), 'bk-worker-dry-run-'));
    try {
      await runWrangler(
        ['deploy', '--dry-run', '--env', '', '--no-bundle', '--minify=false', '--outdir', dryRun, `${BUNDLE_DIR}/index.js`],
        {
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      );
    } finally {
      await rm(dryRun, { recursive: true, force: true });
    }
  }
  const bundled = process.argv.includes('--assets-only') ? '' : `, production bundle in ${BUNDLE_DIR}`;
  console.log(`@bridgekit/worker: assets assembled${bundled}`);
}
