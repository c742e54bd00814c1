/**
 * Every command a reader would copy from README.md, ARCHITECTURE.md, CONTRIBUTING.md, docs/ and
 * the examples' READMEs — the lines of `sh` code blocks and the inline code that starts with a
 * program — and, in one list, what the test suite does with each: runs it as written, runs the
 * CLI against the test Worker, starts a server until it answers, runs a stand-in that proves the
 * same thing, or says why it cannot run here. `doc-commands.e2e.test.ts` fails on a command no
 * rule covers, so a new command in the docs is either tested or explained.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('..', import.meta.url));

export interface DocCommand {
  /** Repository-relative path of the Markdown file. */
  file: string;
  line: number;
  /** One command, backslash continuations joined, trailing `# comment` removed. */
  command: string;
}

/** How the suite treats a command. */
export type Handling =
  /** Run with `sh -c` in the repository root (or `cwd`); it must exit 0 and pass `expect`. */
  | { run: 'shell'; cwd?: string; expect?: (stdout: string) => void }
  /**
   * Run through pnpm against the test Worker: `--url` and `https://bridgekit.example.com`
   * point at it, the tenant `acme` becomes a fresh tenant per file, `<placeholders>` get
   * real values, `…` becomes `complete`. It must exit 0 and pass `expect`.
   */
  | { run: 'cli'; complete?: string; expect?: (stdout: string) => void }
  /** Started in the background until `url` answers, then stopped. */
  | { run: 'server'; url: string }
  /** Cannot run here as written; `instead` runs in its place and proves `because`. */
  | { instead: string; cwd?: string; because: string; expect?: (stdout: string) => void }
  /** Not run by this test; the reason says what proves it, or why nothing here can. */
  | { notRun: string };

export interface Rule {
  match: RegExp;
  handling: Handling;
}

const json = (stdout: string) => {
  JSON.parse(stdout);
};

/** First match wins. Every rule must match at least one command (no dead rules). */
export const RULES: Rule[] = [
  // Servers and whole suites.
  { match: /^pnpm dev$/, handling: { notRun: ".ci/run's newcomer step runs it on a fresh clone (scripts/newcomer-path.ts)" } },
  {
    match: /^pnpm dev --port \d+ --no-watch$/,
    handling: { notRun: "e2e's global setup starts the same script with --port and --no-watch (packages/worker/scripts/dev-server.ts)" },
  },
  {
    match: /^pnpm dev --production$/,
    handling: {
      notRun: 'e2e/production-bundle.e2e.test.ts starts the same script with --production (packages/worker/scripts/dev-server.ts)',
    },
  },
  { match: /^pnpm install$/, handling: { notRun: '.ci/run installs with it (--frozen-lockfile) before anything else' } },
  { match: /^npm install -g pnpm@12$/, handling: { notRun: '.ci/run installs pnpm the same way, pinned to the version in package.json' } },
  { match: /^pnpm test$/, handling: { notRun: 'it is the command running this test' } },
  {
    match: /^pnpm (bench|format)$/,
    handling: {
      notRun: 'bench loads the machine for minutes on purpose; format rewrites files (pnpm test runs the same Biome check read-only)',
    },
  },
  {
    match: /^pnpm bench --only /,
    handling: { notRun: 'the benchmark, minutes of load on purpose; run by hand before a performance change' },
  },
  {
    match: /^node --conditions=@bridgekit\/source packages\/worker\/bench\/profile\.ts\b/,
    handling: { notRun: "the profiler drives the bench's load for minutes on purpose; run by hand before and after a performance change" },
  },
  { match: /^pnpm build$/, handling: { notRun: 'pnpm test runs it before any test' } },
  {
    match: /^pnpm build && npx wrangler deploy --env "" --no-bundle --minify=false dist\/bundle\/index\.js$/,
    handling: { instead: 'npx wrangler deploy --help', cwd: 'packages/worker', because: 'deploying needs a Cloudflare account' },
  },
  {
    match: /^pnpm docs:(dev|build)$/,
    handling: {
      notRun:
        "both rebuild the SDK and widgets that the running suite uses; .ci/run's newcomer step runs them on a fresh clone (scripts/newcomer-path.ts)",
    },
  },
  { match: /^pnpm --filter @bridgekit\/example-plain-html start$/, handling: { run: 'server', url: 'http://localhost:3000/' } },
  {
    match: /^pnpm exec vitest run --project worker( \S+)?$/,
    handling: {
      instead: 'pnpm exec vitest list --filesOnly --project worker packages/worker/test/sharepoint-token-glue.test.ts',
      because: 'pnpm test runs the suite; listing it proves the project and the file exist',
      expect: (out) => {
        if (!out.includes('packages/worker/test/sharepoint-token-glue.test.ts')) throw new Error(`vitest listed no such file:\n${out}`);
      },
    },
  },
  {
    match: /^pnpm exec vitest run --project widgets packages\/widgets\/src\/components\/idea-vote$/,
    handling: {
      instead: 'pnpm exec vitest list --filesOnly --project widgets packages/widgets/src/components/idea-vote',
      because: 'pnpm test runs the suite; listing it proves the project and the folder filter select the tests',
      expect: (out) => {
        if (!out.includes('packages/widgets/src/components/idea-vote/idea-vote.test.ts'))
          throw new Error(`vitest listed no such file:\n${out}`);
      },
    },
  },
  {
    match: /^pnpm exec vitest run --project budgets scripts\/registry\.test\.ts$/,
    handling: {
      instead: 'pnpm exec vitest list --filesOnly --project budgets scripts/registry.test.ts',
      because: 'pnpm test runs it after the build it checks; listing it proves the project and the file exist',
      expect: (out) => {
        if (!out.includes('scripts/registry.test.ts')) throw new Error(`vitest listed no such file:\n${out}`);
      },
    },
  },
  {
    match: /^pnpm --filter @bridgekit\/widgets build$/,
    handling: { notRun: 'it rebuilds the widgets the running suite serves; pnpm test runs it (pnpm build) before any test' },
  },
  {
    match: /^pnpm new widget <name>$/,
    handling: {
      notRun:
        'it writes a widget into the repository; scripts/new-widget.test.ts runs it in a copy of the repository, where the scaffolded widget typechecks, lints, passes the registry test, builds within the element budget and passes its own Chromium test',
    },
  },
  {
    match: /^pnpm --filter '@bridgekit\/widgets\.\.\.' build$/,
    handling: {
      notRun:
        'it rebuilds the SDK and the widgets the running suite serves; pnpm test runs the same (pnpm build) before any test, and examples/sharepoint-spfx/build.sh starts with it',
    },
  },
  {
    match: /^(pnpm install --frozen-lockfile|pnpm pack|npm ci|npm run build)$/,
    handling: {
      notRun:
        "the steps of examples/sharepoint-spfx/build.sh, described in its README; the last two need Node 22 and Microsoft's toolchain",
    },
  },
  {
    match: /^bash examples\/sharepoint-spfx\/build\.sh$/,
    handling: { notRun: "needs Node 22 and ~1.1 GB of Microsoft's SPFx toolchain (examples/sharepoint-spfx/README.md)" },
  },

  // Release artifacts (scripts/release.ts).
  {
    match: /^pnpm release(:sppkg)?$/,
    handling: {
      notRun:
        "it rebuilds every package the running suite serves (pnpm build), and :sppkg needs Microsoft's toolchain; e2e/release.e2e.test.ts runs its packing steps (the CLI, SDK and widgets tarballs) and its .sppkg checker",
    },
  },
  {
    match: /^sha256sum -c SHA256SUMS$/,
    handling: { notRun: 'runs in a release folder, which pnpm release writes (not built in the suite)' },
  },
  {
    match:
      /^(npx --package \.\/bridgekit-cli-<version>\.tgz bridgekit|npm install --offline \.\/bridgekit-cli-<version>\.tgz$|npx bridgekit …$|npx @bridgekit\/cli …$)/,
    handling: {
      notRun:
        'the tarball is in a release folder; e2e/release.e2e.test.ts packs the CLI, runs it with npx --package, installs it offline into an empty folder and runs npx bridgekit --help and tenant list against the test Worker',
    },
  },
  {
    match: /^npx wrangler deploy$/,
    handling: { instead: 'npx wrangler deploy --help', cwd: 'packages/worker', because: 'deploying needs a Cloudflare account' },
  },

  // The database.
  {
    match: /^pnpm --filter @bridgekit\/worker db:generate$/,
    handling: {
      run: 'shell',
      expect: (out) => {
        if (!/No schema changes/i.test(out)) throw new Error(`drizzle-kit found schema changes without a migration:\n${out}`);
        // No changes: the latest snapshot is schema.ts, so the data model diagram is checked against it.
        const problems = dataModelProblems();
        if (problems.length > 0) throw new Error(`ARCHITECTURE.md's data model diagram disagrees with the schema:\n${problems.join('\n')}`);
      },
    },
  },
  {
    match: /^pnpm --filter @bridgekit\/worker db:generate --name <name>$/,
    handling: {
      instead: 'pnpm --filter @bridgekit/worker db:generate --help',
      because:
        'with a schema change it writes a migration; the script passes --name on to drizzle-kit generate, and db:generate (above) proves the schema and the migrations agree',
      expect: (out) => {
        if (!out.includes('--name')) throw new Error(`drizzle-kit generate takes no --name:\n${out}`);
      },
    },
  },
  { match: /^pnpm --filter @bridgekit\/worker db:migrate:local$/, handling: { run: 'shell' } },
  {
    match: /^pnpm --filter @bridgekit\/worker exec drizzle-kit generate --custom --name <name>$/,
    handling: {
      instead: 'pnpm --filter @bridgekit/worker exec drizzle-kit generate --help',
      because: 'it writes a new migration file; db:generate runs the same configuration',
    },
  },

  // Deploying (needs a Cloudflare account): the wrangler commands exist in the pinned wrangler.
  {
    match: /^npx wrangler d1 create bridgekit$/,
    handling: { instead: 'npx wrangler d1 create --help', cwd: 'packages/worker', because: 'it needs a Cloudflare account' },
  },
  {
    match: /^npx wrangler d1 migrations apply DB --remote --env ""$/,
    handling: { instead: 'npx wrangler d1 migrations apply --help', cwd: 'packages/worker', because: 'it needs a Cloudflare account' },
  },
  {
    match: /^npx wrangler queues create bridgekit-events(-failed)?( && npx wrangler queues create bridgekit-events-failed)?$/,
    handling: { instead: 'npx wrangler queues create --help', cwd: 'packages/worker', because: 'it needs a Cloudflare account' },
  },
  {
    match: /npx wrangler secret put BRIDGEKIT_(SECRET_KEY|ADMIN_TOKEN) --env ""$/,
    handling: { instead: 'npx wrangler secret put --help', cwd: 'packages/worker', because: 'it needs a Cloudflare account' },
  },
  ...['d1 list', 'd1 migrations list DB --remote --env ""', 'queues list', 'secret list --env ""'].map(
    (check): Rule => ({
      match: new RegExp(`^npx wrangler ${check}$`),
      handling: {
        instead: `npx wrangler ${check.replace(/ [A-Z-].*$/, '')} --help`,
        cwd: 'packages/worker',
        because: "the production checklist's checks read the Cloudflare account; the help shows the subcommand and its options",
        expect: (out) => {
          for (const option of check.match(/--[a-z]+/g) ?? []) if (!out.includes(option)) throw new Error(`no ${option} in:\n${out}`);
        },
      },
    }),
  ),
  {
    match: /^wrangler (secret put BRIDGEKIT_SECRET_KEY|deploy)$/,
    handling: { notRun: 'named in prose; the production checklist (docs/production.md) has the commands to copy' },
  },
  {
    match: /^wrangler tail$/,
    handling: {
      instead: 'npx wrangler tail --help',
      cwd: 'packages/worker',
      because: "reading a deployed Worker's log needs a Cloudflare account",
    },
  },
  {
    match: /^node -e "console\.log\(crypto\.randomBytes\(32\)\.toString\('base64url'\)\)"$/,
    handling: {
      run: 'shell',
      expect: (out) => {
        if (!/^[A-Za-z0-9_-]{43}\n$/.test(out)) throw new Error(`not 32 random bytes in base64url: ${out}`);
      },
    },
  },

  // In the reader's own project, not this repository.
  {
    match: /^pnpm add @bridgekit\/widgets @bridgekit\/sdk lit$/,
    handling: { notRun: "runs in the reader's own project, from the npm registry" },
  },
  { match: /^npx serve \.$/, handling: { notRun: "downloads a static file server into the reader's folder" } },
  {
    match: /^npm install openapi-fetch$/,
    handling: { notRun: "runs in the reader's own project; this repository has it as a dev dependency" },
  },
  {
    match: /^npx openapi-typescript https:\/\/bridgekit\.example\.com\/v1\/openapi\.json -o src\/bridgekit-api\.d\.ts$/,
    handling: {
      instead: 'pnpm exec openapi-typescript --version',
      because:
        "it writes into the reader's project; e2e/openapi-client.e2e.test.ts generates the same types from the test Worker's document with the same package, compiles them under tsc --strict and calls the API through them",
    },
  },

  // The CLI.
  { match: /^pnpm bridgekit( …)?$/, handling: { notRun: 'names the CLI in prose; every command of it in the docs runs below' } },
  { match: /^pnpm bridgekit oidc entra$/, handling: { notRun: 'names the command in prose; its full form in identity.md runs below' } },
  {
    match: /^pnpm --silent bridgekit --json …$/,
    handling: { run: 'cli', complete: 'tenant list', expect: json },
  },
  { match: /^pnpm bridgekit --help$/, handling: { run: 'cli' } },
  {
    match: /^pnpm bridgekit webhook test /,
    handling: {
      notRun: "the docs' example receiver answers nothing; packages/worker/test/webhooks.test.ts sends test pings to a real receiver",
    },
  },
  {
    match: /^pnpm bridgekit person (export|erase) <slug> <subject-or-id>/,
    handling: { notRun: 'a synopsis with placeholders; e2e/cli.e2e.test.ts exports and erases a seeded person with the CLI' },
  },
  {
    match: /^pnpm bridgekit unit team acme \S+ --partner <partner-handle>/,
    handling: { notRun: "a fresh tenant has no members to name; e2e/cli.e2e.test.ts sets a demo unit's team with the CLI" },
  },
  {
    match: /^pnpm bridgekit unit person acme <handle> /,
    handling: { notRun: "a fresh tenant has no members to name; e2e/cli.e2e.test.ts sets a demo person's unit with the CLI" },
  },
  {
    match: /^pnpm bridgekit tenant import acme --from \S+ --format (fider|disqus)\b/,
    handling: { notRun: "the files are the reader's own; e2e/archive-cli.e2e.test.ts imports fixtures of both formats with the CLI" },
  },
  { match: /^pnpm bridgekit /, handling: { run: 'cli' } },

  // The HTTP API.
  {
    match: /^export BRIDGEKIT_(URL|TOKEN)=/,
    handling: { notRun: 'sets the connection of the CLI commands below; the suite gives them BRIDGEKIT_URL and BRIDGEKIT_TOKEN itself' },
  },
  {
    match: /^curl -s -H "Authorization: Bearer <access token>" /,
    handling: {
      notRun:
        "needs a person's Entra ID token; packages/worker/test/sharepoint-token-glue.test.ts calls /me with Entra tokens as the web part gets them",
    },
  },
  {
    match: /^curl -s -o \/dev\/null -D - -X OPTIONS -H "Origin: https:\/\/acme\.sharepoint\.com" /,
    handling: {
      run: 'cli',
      expect: (out) => {
        if (!/^HTTP\/[\d.]+ 204\b/.test(out) || !/^access-control-allow-origin: https:\/\/acme\.sharepoint\.com\r?$/im.test(out))
          throw new Error(`the preflight was not allowed:\n${out}`);
      },
    },
  },
  {
    match: /^curl -s -o \/dev\/null -D - "https:\/\/bridgekit\.example\.com\/embed\//,
    handling: {
      run: 'cli',
      expect: (out) => {
        if (!/^content-security-policy: .*frame-ancestors https:\/\/acme\.sharepoint\.com\r?$/im.test(out))
          throw new Error(`the frame does not name the allowed origin in frame-ancestors:\n${out}`);
      },
    },
  },
  { match: /^curl /, handling: { run: 'cli' } },
];

const FENCE = /^(\s*)(`{3,}|~{3,})\s*(\S*)\s*$/;
const SHELL_LANGUAGES = new Set(['sh', 'bash', 'shell', 'console']);
const INLINE = /`((?:pnpm|npx|npm|node|bash|curl|wrangler) [^`]+)`/g;

/** The commands of one Markdown file, in order. */
export function extractCommands(markdown: string, file: string): DocCommand[] {
  const commands: DocCommand[] = [];
  const lines = markdown.split('\n');
  let fence: { marker: string; shell: boolean } | undefined;
  let pending: { line: number; text: string } | undefined;
  lines.forEach((raw, index) => {
    const opening = FENCE.exec(raw);
    if (!fence && opening) {
      fence = { marker: opening[2] as string, shell: SHELL_LANGUAGES.has((opening[3] ?? '').toLowerCase()) };
      return;
    }
    if (fence) {
      if (opening && (opening[2] as string).startsWith(fence.marker) && !opening[3]) {
        fence = undefined;
        return;
      }
      if (!fence.shell) return;
      const text = stripComment(raw.trim());
      if (!pending && text === '') return;
      const joined = pending ? `${pending.text} ${text}` : text;
      if (joined.endsWith('\\')) {
        pending = { line: pending?.line ?? index + 1, text: joined.slice(0, -1).trim() };
        return;
      }
      commands.push({ file, line: pending?.line ?? index + 1, command: joined.replace(/\s+/g, ' ').trim() });
      pending = undefined;
      return;
    }
    for (const match of raw.matchAll(INLINE)) commands.push({ file, line: index + 1, command: (match[1] as string).trim() });
  });
  return commands;
}

/** `cmd arg  # note` → `cmd arg`; a `#` inside quotes, or not after a space, stays. */
function stripComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1] as string))) return line.slice(0, i).trim();
  }
  return line;
}

/**
 * The Markdown a reader follows: README.md, ARCHITECTURE.md, CONTRIBUTING.md, docs/ (not the
 * generated reference), the examples' READMEs.
 */
export function docFiles(): string[] {
  const files = ['README.md', 'ARCHITECTURE.md', 'CONTRIBUTING.md'];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(REPO, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!['node_modules', 'reference', '.vitepress', 'dist'].includes(entry.name)) walk(path);
      } else if (entry.name.endsWith('.md')) files.push(path);
    }
  };
  walk('docs');
  for (const example of readdirSync(join(REPO, 'examples'), { withFileTypes: true })) {
    if (example.isDirectory()) {
      const readme = join('examples', example.name, 'README.md');
      try {
        readFileSync(join(REPO, readme));
        files.push(readme);
      } catch {}
    }
  }
  return files.map((f) => relative(REPO, join(REPO, f)));
}

export function allDocCommands(): DocCommand[] {
  return docFiles().flatMap((file) => extractCommands(readFileSync(join(REPO, file), 'utf8'), file));
}

export function ruleFor(command: string): Rule | undefined {
  return RULES.find((rule) => rule.match.test(command));
}

interface SnapshotTable {
  columns: Record<string, { name: string; type: string; primaryKey: boolean }>;
  foreignKeys: Record<string, { tableFrom: string; columnsFrom: string[]; tableTo: string }>;
  compositePrimaryKeys: Record<string, { columns: string[] }>;
}

/**
 * Where ARCHITECTURE.md's data model diagram (its `mermaid` `erDiagram`) disagrees with the
 * latest drizzle-kit snapshot in packages/worker/migrations/meta/, which is schema.ts when
 * `db:generate` finds no changes: each table is an entity and each entity a table; each column
 * named exists, with its type; each primary-key column is marked `PK`, each `tenant_id` and
 * other foreign-key column `FK`; each foreign key but `tenant_id` is a line between its two
 * tables. `[]` when they agree.
 */
export function dataModelProblems(): string[] {
  const meta = join(REPO, 'packages/worker/migrations/meta');
  const latest = readdirSync(meta)
    .filter((f) => /^\d+_snapshot\.json$/.test(f))
    .sort()
    .at(-1);
  if (!latest) return [`no snapshot in ${meta}`];
  const tables = (JSON.parse(readFileSync(join(meta, latest), 'utf8')) as { tables: Record<string, SnapshotTable> }).tables;
  const diagram = /```mermaid\n(erDiagram\n[\s\S]*?)```/.exec(readFileSync(join(REPO, 'ARCHITECTURE.md'), 'utf8'))?.[1];
  if (!diagram) return ['ARCHITECTURE.md has no ```mermaid erDiagram block'];

  const problems: string[] = [];
  const entities = new Map<string, Map<string, { type: string; keys: Set<string> }>>();
  for (const [, entity = '', body = ''] of diagram.matchAll(/^ *([a-z_][a-z0-9_]*) *\{\n([\s\S]*?)^ *\}/gm)) {
    const attributes = new Map<string, { type: string; keys: Set<string> }>();
    for (const line of body.split('\n').filter((l) => l.trim() !== '')) {
      const attribute = /^ *(\w+) +(\w+)(?: +((?:PK|FK|UK)(?: *, *(?:PK|FK|UK))*))?(?: +"[^"]*")? *$/.exec(line);
      if (!attribute) {
        problems.push(`${entity}: cannot read the attribute line "${line.trim()}"`);
        continue;
      }
      const [, type = '', name = '', keys = ''] = attribute;
      attributes.set(name, { type, keys: new Set(keys.split(/ *, */).filter(Boolean)) });
    }
    entities.set(entity, attributes);
  }
  const lines = new Set<string>();
  for (const [, from, to] of diagram.matchAll(/^ *([a-z_]\w*) +[|}][|o](?:--|\.\.)[|o][|{] +([a-z_]\w*) *:/gm)) {
    lines.add(`${from} ${to}`);
    lines.add(`${to} ${from}`);
  }

  for (const name of Object.keys(tables)) if (!entities.has(name)) problems.push(`table ${name} is not in the diagram`);
  for (const [name, attributes] of entities) {
    const table = tables[name];
    if (!table) {
      problems.push(`entity ${name} is not a table of the schema`);
      continue;
    }
    for (const [column, { type }] of attributes) {
      const actual = table.columns[column];
      if (!actual) problems.push(`${name}.${column} is not a column`);
      else if (actual.type.toLowerCase() !== type.toLowerCase()) problems.push(`${name}.${column} is ${actual.type}, not ${type}`);
    }
    const primaryKey = [
      ...Object.values(table.columns)
        .filter((c) => c.primaryKey)
        .map((c) => c.name),
      ...Object.values(table.compositePrimaryKeys).flatMap((k) => k.columns),
    ];
    for (const column of primaryKey) {
      if (!attributes.get(column)?.keys.has('PK')) problems.push(`${name}.${column} is (part of) the primary key: list it with PK`);
    }
    for (const key of Object.values(table.foreignKeys)) {
      for (const column of key.columnsFrom) {
        if (!attributes.get(column)?.keys.has('FK')) problems.push(`${name}.${column} references ${key.tableTo}: list it with FK`);
      }
      if (!key.columnsFrom.includes('tenant_id') && !lines.has(`${name} ${key.tableTo}`)) {
        problems.push(`${name}.${key.columnsFrom.join(', ')} references ${key.tableTo}: draw a line between them`);
      }
    }
  }
  return problems;
}
