/**
 * What a fresh clone can run before anything is built: the scripts that `pnpm dev`, the CLI,
 * the bench and the docs generator start resolve none of the repository's own `dist/` files
 * (Node links every static import before any code runs, so a build step inside the script is
 * too late). `.ci/run` proves the whole path on a real fresh clone (scripts/newcomer-path.ts).
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SOURCE_CONDITION } from '../packages/worker/scripts/dev-server.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));

// Reports every module the process resolves from one of the repository's own build outputs.
const DIST_WATCH = `data:text/javascript,${encodeURIComponent(`
import { registerHooks } from 'node:module';
registerHooks({
  resolve(specifier, context, next) {
    const result = next(specifier, context);
    if (/\\/dist\\//.test(result.url) && !result.url.includes('/node_modules/')) process.stderr.write('BUILD OUTPUT ' + result.url + '\\n');
    return result;
  },
});`)}`;

/** Links `script` (all its static imports) and runs it with `args`; what it resolved from dist/. */
async function buildOutputsResolvedBy(script: string, args: string[]): Promise<{ dist: string[]; output: string }> {
  const result = await run(process.execPath, [SOURCE_CONDITION, '--import', DIST_WATCH, script, ...args], { cwd: root }).catch(
    (err: { stdout: string; stderr: string }) => err,
  );
  const output = `${result.stdout}${result.stderr}`;
  return { dist: output.split('\n').filter((line) => line.startsWith('BUILD OUTPUT ')), output };
}

function packageJsonFiles(): string[] {
  const files = ['package.json'];
  for (const group of ['packages', 'examples']) {
    for (const entry of readdirSync(join(root, group), { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name !== 'sharepoint-spfx') files.push(join(group, entry.name, 'package.json'));
    }
  }
  files.push('docs/package.json');
  return files;
}

// Each test starts Node with a module hook, which takes seconds on a loaded machine: a generous
// limit, not a timing check.
describe('a fresh clone, before any build', { timeout: 60_000 }, () => {
  it('runs every TypeScript script of the package scripts with the SDK-from-source condition', () => {
    const missing: string[] = [];
    for (const file of packageJsonFiles()) {
      const { scripts = {} } = JSON.parse(readFileSync(join(root, file), 'utf8')) as { scripts?: Record<string, string> };
      for (const [name, command] of Object.entries(scripts)) {
        for (const [invocation] of command.matchAll(/\bnode (?:--\S+ )*\S+\.ts\b/g)) {
          if (!invocation.includes(SOURCE_CONDITION)) missing.push(`${file} "${name}": ${invocation}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it.each([
    ['pnpm dev', 'packages/worker/scripts/dev.ts', ['--not-an-option'], /Unknown option '--not-an-option'/],
    ['pnpm bench', 'packages/worker/bench/run.ts', ['--not-an-option'], /Unknown option '--not-an-option'/],
    ['pnpm bridgekit', 'packages/worker/cli/bridgekit.ts', ['--help'], /Usage: pnpm bridgekit/],
  ])('%s imports no build output (%s)', async (_name, script, args, expected) => {
    const { dist, output } = await buildOutputsResolvedBy(script, args);
    expect(dist).toEqual([]);
    expect(output).toMatch(expected);
  });

  it("the docs generator's import of the Worker app resolves no build output", async () => {
    const app = await run(
      process.execPath,
      [
        SOURCE_CONDITION,
        '--import',
        DIST_WATCH,
        '--input-type=module',
        '-e',
        "const { app } = await import('./packages/worker/src/app.ts'); console.log((await app.request('/v1/openapi.json')).status);",
      ],
      { cwd: root },
    );
    expect(app.stderr).not.toContain('BUILD OUTPUT');
    expect(app.stdout.trim()).toBe('200');
  });
});
