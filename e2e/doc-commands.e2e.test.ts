/**
 * The commands in README.md and docs/ work as written: each is run (the CLI against the test
 * Worker), started until it answers, replaced by a stand-in that proves the same thing, or
 * excused with a reason (see doc-commands.ts). A command no rule covers fails here.
 */
import { type ChildProcess, exec, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { createClient, createPlatformClient } from '@bridgekit/sdk';
import { describe, expect, inject, it } from 'vitest';
import { killTree, waitUntilReady } from '../packages/worker/scripts/dev-server.ts';
import { TEST_ADMIN_TOKEN } from './dev-secret.ts';
import { allDocCommands, type DocCommand, type Handling, REPO, RULES, ruleFor } from './doc-commands.ts';

const sh = promisify(exec);
const base = inject('baseUrl');
const commands = allDocCommands();
const byFile = new Map<string, (DocCommand & { handling: Handling | undefined })[]>();
for (const command of commands) {
  byFile.set(command.file, [...(byFile.get(command.file) ?? []), { ...command, handling: ruleFor(command.command)?.handling }]);
}
const where = (c: DocCommand) => `${c.file}:${c.line} \`${c.command}\``;

async function run(command: string, options: { cwd?: string; env?: Record<string, string> } = {}) {
  try {
    const { stdout } = await sh(command, {
      cwd: options.cwd ? `${REPO}/${options.cwd}` : REPO,
      env: { ...process.env, ...options.env },
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout;
  } catch (err) {
    const failure = err as { code?: number; stdout?: string; stderr?: string };
    throw new Error(`exited with ${failure.code}:\n${failure.stdout ?? ''}${failure.stderr ?? ''}`);
  }
}

/** `acme` as a word, a path segment or the `tenant=` of an address (`/embed/…?tenant=acme&…`). */
const ACME = /(?<=[\s/]|tenant=)acme(?=[\s/&"']|$)/;

/**
 * The commands of one file run against one fresh tenant that stands in for `acme`; the file's
 * `<placeholders>` get values from what it created.
 */
function cliSession(file: string) {
  const slug = `doc-${file
    .replace(/[^a-z0-9]+/gi, '-')
    .toLowerCase()
    .slice(0, 40)}-${Date.now().toString(36)}`.replace(/-+/g, '-');
  const platform = createPlatformClient({ baseUrl: base, token: TEST_ADMIN_TOKEN });
  const admin = () => createClient({ baseUrl: base, tenant: slug, token: TEST_ADMIN_TOKEN }).admin;
  let created = false;
  let apiKey: string | undefined;
  const guid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const fixed: Record<string, string> = {
    '<directory-tenant-id>': guid(1),
    '<Directory (tenant) ID>': guid(1),
    '<tid>': guid(1),
    '<application-client-id>': guid(2),
    '<Application (client) ID>': guid(2),
    '<sign-in-client-id>': guid(3),
    '<oid>': guid(4),
    '<subject>': 'doc-reader',
    '<admin token>': TEST_ADMIN_TOKEN,
  };
  const lookups: Record<string, () => Promise<string | undefined>> = {
    '<old kid>': async () => (await admin().settings.get()).embedKeys.filter((k) => !k.revokedAt).at(0)?.kid,
    '<id>': async () => (await admin().apiKeys.list()).filter((k) => !k.revokedAt).at(-1)?.id,
    '<webhook-id>': async () => (await admin().webhooks.list()).at(-1)?.id,
  };

  async function prepare(
    command: string,
    handling: Extract<Handling, { run: 'cli' }>,
  ): Promise<{ command: string; env: Record<string, string> }> {
    const createsTenant = /\btenant create acme\b/.test(command);
    if (ACME.test(command) && !created && !createsTenant) {
      await platform.tenants.create({ slug, name: `Docs: ${file}` });
    }
    if (createsTenant || ACME.test(command)) created = true;
    let prepared = command
      .replace(new RegExp(ACME, 'g'), slug)
      .replace(/--url \S+/g, `--url ${base}`)
      .replaceAll('https://bridgekit.example.com', base)
      .replace(/ …$/, handling.complete ? ` ${handling.complete}` : ' …');
    for (const placeholder of new Set(prepared.match(/<[^<>]+>/g) ?? [])) {
      const value = fixed[placeholder] ?? (await lookups[placeholder]?.());
      if (value === undefined) throw new Error(`no value for ${placeholder}: give it one in cliSession (doc-commands.e2e.test.ts)`);
      prepared = prepared.replaceAll(placeholder, value);
    }
    if (prepared.includes('$BRIDGEKIT_API_KEY') && !apiKey) {
      apiKey = (await admin().apiKeys.create({ name: 'Docs test', scopes: ['read', 'write', 'admin'] })).key;
    }
    const env: Record<string, string> = { BRIDGEKIT_URL: base, BRIDGEKIT_ADMIN_TOKEN: TEST_ADMIN_TOKEN, BRIDGEKIT_TOKEN: TEST_ADMIN_TOKEN };
    if (apiKey) env.BRIDGEKIT_API_KEY = apiKey;
    return { command: prepared, env };
  }
  return { prepare };
}

async function serveUntilAnswered(command: string, url: string): Promise<void> {
  let output = '';
  const child: ChildProcess = spawn('sh', ['-c', command], { cwd: REPO, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk));
  try {
    await waitUntilReady(url, child, () => output, 60_000);
  } finally {
    await killTree(child);
  }
}

describe('the commands in README.md and docs/', () => {
  it('are found, and each is run or has a stated reason not to be', () => {
    expect(commands.length).toBeGreaterThan(80);
    expect(commands.map((c) => c.file)).toEqual(expect.arrayContaining(['README.md', 'docs/cli.md', 'docs/identity.md']));
    const unclassified = commands.filter((c) => !ruleFor(c.command)).map(where);
    expect(unclassified, 'add a rule for each in e2e/doc-commands.ts').toEqual([]);
    const dead = RULES.filter((rule) => !commands.some((c) => rule.match.test(c.command))).map((r) => String(r.match));
    expect(dead, 'rules that match no command in the docs').toEqual([]);
  });

  it('use only what pnpm 12 accepts (no -s; --silent)', () => {
    const shorthand = commands.filter((c) => /^pnpm -[a-zA-Z]\b/.test(c.command)).map(where);
    expect(shorthand).toEqual([]);
  });

  for (const [file, entries] of byFile) {
    const runnable = entries.filter((e) => e.handling && !('notRun' in e.handling));
    if (runnable.length === 0) continue;
    it(`run as written: ${file} (${runnable.length})`, { timeout: 300_000 }, async () => {
      const session = cliSession(file);
      for (const entry of runnable) {
        const handling = entry.handling as Exclude<Handling, { notRun: string }>;
        try {
          if ('instead' in handling) {
            const out = await run(handling.instead, { cwd: handling.cwd });
            handling.expect?.(out);
          } else if (handling.run === 'shell') {
            handling.expect?.(await run(entry.command, { cwd: handling.cwd }));
          } else if (handling.run === 'server') {
            await serveUntilAnswered(entry.command, handling.url);
          } else {
            const { command, env } = await session.prepare(entry.command, handling);
            const out = await run(command, { env });
            // A curl whose rule checks its output (headers, not JSON) says itself what it expects.
            if (entry.command.startsWith('curl ') && !handling.expect) expect(JSON.parse(out)).not.toHaveProperty('error');
            handling.expect?.(out);
          }
        } catch (err) {
          throw new Error(`${where(entry)}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    });
  }
});
