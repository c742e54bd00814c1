/**
 * `pnpm new widget <name>` in a copy of the working tree (its files as git sees them, the
 * installed node_modules linked, so no network): the scaffolded widget typechecks and lints,
 * the registry test passes with it, the widgets build makes its chunk within the element budget,
 * and its own test passes in Chromium against a running Worker. Then the copy's restated lists
 * are made to disagree one by one, and the registry test must name each of them.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCE_CONDITION } from '../packages/worker/scripts/dev-server.ts';
import { BUDGETS } from './budgets.ts';

const exec = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const NAME = 'team-directory';
const TAG = `bk-${NAME}`;
const SUMMARY = 'Who is who in IT business partnering, by business unit.';

let copy = '';

/** Runs a command in the copy; resolves with its output whatever the exit code. */
async function run(command: string, args: string[], cwd = copy): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await exec(command, args, { cwd, maxBuffer: 64 * 1024 * 1024, env: process.env });
    return { code: 0, output: `${stdout}${stderr}` };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

async function succeeds(command: string, args: string[], cwd = copy): Promise<string> {
  const result = await run(command, args, cwd);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.code}):\n${result.output}`);
  return result.output;
}

interface VitestReport {
  testResults: { assertionResults: { title: string; status: string }[] }[];
}

/** Runs Vitest in the copy; the status of each test by its title, and the output for failures. */
async function vitest(args: string[]): Promise<{ code: number; output: string; status: Record<string, string> }> {
  const report = join(copy, `vitest-report-${Date.now()}.json`);
  const result = await run(bin('vitest'), ['run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  const status: Record<string, string> = {};
  if (existsSync(report)) {
    const parsed = JSON.parse(readFileSync(report, 'utf8')) as VitestReport;
    for (const test of parsed.testResults.flatMap((r) => r.assertionResults)) status[test.title] = test.status;
  }
  return { ...result, status };
}

/** The registry test, but for page budgets: checked here for the new widget, by the budgets test for the others. */
const registryTest = () => vitest(['--project', 'budgets', 'scripts/registry.test.ts', '-t', '^(?!.*within its budget)']);

const node = (script: string, args: string[] = [], cwd = copy) => succeeds(process.execPath, [SOURCE_CONDITION, script, ...args], cwd);
const bin = (name: string) => join(root, 'node_modules/.bin', name);
const read = (path: string) => readFileSync(join(copy, path), 'utf8');
const edit = (path: string, from: string, to: string) => {
  const text = read(path);
  if (!text.includes(from)) throw new Error(`${path} has no ${JSON.stringify(from)}`);
  writeFileSync(join(copy, path), text.replace(from, to));
};

/** The repository as it stands (tracked and new files, not ignored ones), node_modules linked. */
async function copyWorkingTree(): Promise<string> {
  const target = mkdtempSync(join(tmpdir(), 'bk-new-widget-'));
  const { stdout } = await exec('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const file of new Set(stdout.split('\0').filter(Boolean))) {
    if (!existsSync(join(root, file))) continue; // deleted in the working tree
    mkdirSync(dirname(join(target, file)), { recursive: true });
    cpSync(join(root, file), join(target, file));
  }
  for (const dir of ['.', 'packages/sdk', 'packages/widgets', 'packages/worker', 'docs']) {
    if (existsSync(join(root, dir, 'node_modules'))) symlinkSync(join(root, dir, 'node_modules'), join(target, dir, 'node_modules'), 'dir');
  }
  return target;
}

const FOLDER = `packages/widgets/src/components/${NAME}`;

/** tsc on both widget projects, and Biome on what the scaffold wrote or edited. */
async function typecheckAndLint(): Promise<void> {
  await succeeds(bin('tsc'), ['--noEmit', '-p', 'packages/widgets/tsconfig.json']);
  await succeeds(bin('tsc'), ['--noEmit', '-p', 'packages/widgets/tsconfig.node.json']);
  await succeeds(bin('biome'), [
    'check',
    '--vcs-enabled=false',
    FOLDER,
    'packages/widgets/src/registry.ts',
    'packages/widgets/src/index.ts',
    'packages/widgets/package.json',
    'packages/widgets/src/shared/messages/en.ts',
    'packages/widgets/src/shared/messages/de.ts',
    'e2e/docs.e2e.test.ts',
    'e2e/strict-csp.e2e.test.ts',
  ]);
}

/** The script-tag build (the library build's type declarations are the typecheck's business), its manifest, the Worker's assets. */
async function build(): Promise<void> {
  await node('scripts/build.ts', ['--cdn-only'], join(copy, 'packages/widgets'));
  await node('scripts/manifest.ts', [], join(copy, 'packages/widgets'));
  await node('scripts/build.ts', ['--assets-only'], join(copy, 'packages/worker'));
}

// Copy, build, typecheck, a Worker and Chromium: minutes on a loaded machine, not a timing check.
describe('pnpm new widget, in a copy of the repository', { timeout: 300_000 }, () => {
  let checked: Promise<void>;
  let built: Promise<void>;

  beforeAll(async () => {
    copy = await copyWorkingTree();
    await node('scripts/new.ts', ['widget', TAG, '--title', 'Team directory', '--summary', SUMMARY]);
    // Independent of each other: run side by side, each awaited by its test.
    checked = typecheckAndLint();
    built = build();
    checked.catch(() => {});
    built.catch(() => {});
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled([checked, built]);
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('refuses a name that exists, or that is not kebab-case, saying why', async () => {
    const again = await run(process.execPath, [SOURCE_CONDITION, 'scripts/new.ts', 'widget', NAME]);
    expect(again.code).not.toBe(0);
    expect(again.output).toContain(`<${TAG}> exists already`);
    const camel = await run(process.execPath, [SOURCE_CONDITION, 'scripts/new.ts', 'widget', 'TeamDirectory']);
    expect(camel.code).not.toBe(0);
    expect(camel.output).toContain('kebab-case');
  });

  it('writes a widget that typechecks and lints', async () => {
    await checked;
  });

  it('builds its chunk and manifest entry, within the budget of an element', async () => {
    await built;
    const cdn = join(copy, 'packages/widgets/dist/cdn');
    const chunks = JSON.parse(readFileSync(join(cdn, 'widgets.json'), 'utf8')) as Record<string, { chunks: string[] }>;
    expect(Object.keys(chunks)).toContain(TAG);
    const gzip = (file: string) => gzipSync(readFileSync(join(cdn, file)), { level: 9 }).length;
    const weight = gzip('embed.js') + (chunks[TAG]?.chunks ?? []).reduce((sum, file) => sum + gzip(file), 0);
    expect(weight).toBeLessThanOrEqual(BUDGETS.element);
    expect(read('packages/widgets/dist/custom-elements.json')).toContain(`"tagName": "${TAG}"`);
  });

  it.concurrent('passes the registry test: every restated list names it', async () => {
    await built;
    const result = await registryTest();
    const ran = Object.values(result.status).filter((status) => status !== 'skipped');
    expect(ran, result.output).toEqual(Array(10).fill('passed'));
  });

  it.concurrent('passes its own test in Chromium', async () => {
    await built;
    const result = await vitest(['--project', 'widgets', `${FOLDER}/`]);
    expect(result.status, result.output).toEqual({
      'is registered under its tag': 'passed',
      'shows its heading and text from the message catalog, with no accessibility violation': 'passed',
    });
  });

  it('fails the registry test, naming each list, once the lists disagree', async () => {
    edit('packages/widgets/src/index.ts', `export { BkTeamDirectory } from './components/${NAME}/${NAME}.component.ts';\n`, '');
    edit('packages/worker/static/demo/index.html', `<${TAG}></${TAG}>`, '');
    edit('docs/widgets.md', `## \`<${TAG}>\``, '## Team directory');
    edit('e2e/strict-csp.e2e.test.ts', `'<${TAG}></${TAG}>',`, '');
    edit(
      'packages/worker/src/schemas/embed.ts',
      "  'idea-form': {",
      "  ghost: { tag: 'bk-ghost', attributes: {}, required: [] },\n  'idea-form': {",
    );
    edit('examples/sharepoint-spfx/src/webparts/bridgekit/loc/en-us.js', "'Idea roadmap'", "'Roadmap'");
    const result = await registryTest();
    expect(result.code).not.toBe(0);
    const failed = Object.entries(result.status)
      .filter(([, status]) => status === 'failed')
      .map(([title]) => title);
    expect(failed.sort(), result.output).toEqual(
      [
        'has a section in the widgets guide and a live demo in the docs for each element',
        'is what the e2e "every widget" tests render',
        'matches the package entry, its exports and its side-effect modules',
        'matches the SharePoint web part: its widget kinds, their targets, modules and names',
        "matches the Worker's iframe route: the framed widgets, by the tag without bk-",
        "shows each element on its demo page, and nothing the registry doesn't know",
      ].sort(),
    );
  });
});
