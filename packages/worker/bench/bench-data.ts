/**
 * The data both Workers of `pnpm bench` (run.ts) and the profiler (profile.ts) are seeded with:
 * 200 bench people and 10,000 ideas on the demo tenant's `general` board, and the people's
 * signed embed tokens.
 */
import { readFile } from 'node:fs/promises';
import { parseEnv } from 'node:util';
import { SignJWT } from 'jose';

export const BENCH_USERS = 200;
export const EXTRA_IDEAS = 10_000;

const VERBS = ['Automate', 'Simplify', 'Digitise', 'Consolidate', 'Retire', 'Self-service', 'Forecast', 'Integrate'];
const OBJECTS = [
  'invoice matching',
  'supplier onboarding',
  'expense claims',
  'sales dashboards',
  'stock replenishment',
  'contract renewals',
  'travel requests',
  'access reviews',
  'month-end close',
  'customer returns',
  'field service scheduling',
];
const UNITS = ['for Finance', 'for Sales', 'in Operations', 'for HR', 'across regions', 'for partners', 'in the warehouse'];

/** 200 people (with the handles the API would give them) and 10,000 ideas with varied titles on the `general` board, for both Workers. */
export function benchSeedSql(now: number): string {
  const rows: string[] = [];
  for (let i = 0; i < EXTRA_IDEAS; i++) {
    const title = `${VERBS[i % VERBS.length]} ${OBJECTS[i % OBJECTS.length]} ${UNITS[i % UNITS.length]} (${i})`;
    rows.push(
      `('bench-idea-${i}', 'demo-tenant', 'demo-board-general', 'bench-user-${i % BENCH_USERS}', '${title}', 'A generated idea for load tests.', ${now - i * 60000})`,
    );
  }
  const inserts: string[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    inserts.push(
      `INSERT OR IGNORE INTO ideas (id, tenant_id, board_id, author_id, title, description, created_at) VALUES\n${rows.slice(i, i + 500).join(',\n')};`,
    );
  }
  return `
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${BENCH_USERS - 1})
INSERT OR IGNORE INTO users (id, tenant_id, subject, name, handle, business_unit, created_at, last_seen_at)
SELECT 'bench-user-' || i, 'demo-tenant', 'bench|' || i, 'Bench person ' || i, 'bench.person.' || i, 'Unit ' || (i % 12), ${now}, ${now} FROM n;
${inserts.join('\n')}
`;
}

/** Signed tokens of bench persons 0…BENCH_USERS − 1 (`bench|<n>`, the demo's embed secret). */
export function benchTokens(secret: Uint8Array): Promise<string[]> {
  const issuedAt = Math.floor(Date.now() / 1000);
  return Promise.all(
    Array.from({ length: BENCH_USERS }, (_, u) =>
      new SignJWT({ name: `Bench person ${u}`, bu: `Unit ${u % 12}` })
        .setProtectedHeader({ alg: 'HS256', kid: 'dev-1' })
        .setSubject(`bench|${u}`)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + 3000)
        .sign(secret),
    ),
  );
}

/** The development Worker's variables (`.dev.vars`, else the example), as the bench's Workers get them. */
export async function devVars(): Promise<Record<string, string | undefined>> {
  return parseEnv(
    await readFile(new URL('../.dev.vars', import.meta.url), 'utf8').catch(() =>
      readFile(new URL('../.dev.vars.example', import.meta.url), 'utf8'),
    ),
  );
}
