/**
 * Three years of a community's activity for the cockpit's bench, generated inside SQLite with
 * recursive CTEs (fast at this size): 20 demand-side units, 2,000 people (one in ten in IT),
 * 30,000 ideas on their own board, 30,000 votes, 30,000 comments in 3,000 idea discussions, and
 * intake decisions and status changes; then the rollups, as the demo seed would append them.
 */
import { toSqlScript } from '../src/dev/seed.ts';
import { rollupStatements } from '../src/insights/rollup.ts';

export const INSIGHT_UNITS = 20;
export const INSIGHT_PEOPLE = 2_000;
export const INSIGHT_ROWS = 30_000;
const THREADS = 3_000;
const SPAN_MS = 36 * 30 * 24 * 60 * 60 * 1000;

export const benchUnitKey = (n: number) => `bench-unit-${n % INSIGHT_UNITS}`;

/** `bench|<n>` (n < cios) are CIOs, `bench|0` also an admin: the bench's readers and its rebuilder. */
export function insightsSeedSql(now: number, cios: number): string {
  const t = `'demo-tenant'`;
  const ago = (i: string, n: number) => `${now} - (${i} * ${Math.floor(SPAN_MS / n)})`;
  const steps = `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < `;
  const script = `
${steps}${INSIGHT_UNITS - 1})
INSERT OR IGNORE INTO business_units (id, tenant_id, key, name, side, intended_mix, created_at, updated_at)
SELECT 'bench-unit-' || i, ${t}, 'bench-unit-' || i, 'Bench unit ' || i, 'demand', '{"run":40,"grow":35,"transform":25}', ${now}, ${now} FROM n;
${steps}${INSIGHT_PEOPLE - 1})
INSERT OR IGNORE INTO users (id, tenant_id, subject, name, handle, unit_id, created_at, last_seen_at)
SELECT 'bench-ins-' || i, ${t}, 'bench-ins|' || i, 'Insight person ' || i, 'insight.person.' || i,
  CASE WHEN i % 10 = 0 THEN 'demo-unit-it' ELSE 'bench-unit-' || (i % ${INSIGHT_UNITS}) END, ${now}, ${now} FROM n;
${steps}${cios - 1})
INSERT OR IGNORE INTO user_roles (tenant_id, subject, role, granted_by, created_at) SELECT ${t}, 'bench|' || i, 'cio', 'bench', ${now} FROM n;
INSERT OR IGNORE INTO user_roles (tenant_id, subject, role, granted_by, created_at) VALUES (${t}, 'bench|0', 'admin', 'bench', ${now});
INSERT OR IGNORE INTO boards (id, tenant_id, slug, name, created_at) VALUES ('bench-insights-board', ${t}, 'bench-insights', 'Bench insights', ${now});
INSERT OR IGNORE INTO board_criteria (board_id, tenant_id, key, label, kind, weight, grp, position) VALUES ('bench-insights-board', ${t}, 'impact', 'Business impact', 'scale', 1, 'value', 0);
${steps}${INSIGHT_ROWS - 1})
INSERT OR IGNORE INTO ideas (id, tenant_id, board_id, author_id, title, description, unit_id, demand_class, created_at)
SELECT 'bench-ins-idea-' || i, ${t}, 'bench-insights-board', 'bench-ins-' || ((i * 7) % ${INSIGHT_PEOPLE}), 'Insight idea ' || i, '',
  'bench-unit-' || (i % ${INSIGHT_UNITS}), CASE i % 4 WHEN 0 THEN 'run' WHEN 1 THEN 'grow' WHEN 2 THEN 'transform' ELSE NULL END, ${ago('i', INSIGHT_ROWS)} FROM n;
${steps}${INSIGHT_ROWS - 1})
INSERT OR IGNORE INTO votes (idea_id, user_id, tenant_id, count, created_at)
SELECT 'bench-ins-idea-' || ((i * 7) % ${INSIGHT_ROWS}), 'bench-ins-' || ((i * 13 + 1) % ${INSIGHT_PEOPLE}), ${t}, 1, ${ago('i', INSIGHT_ROWS)} + 3600000 FROM n;
${steps}${THREADS - 1})
INSERT OR IGNORE INTO threads (id, tenant_id, key, title, started_by, comment_count, created_at)
SELECT 'bench-ins-thread-' || i, ${t}, 'idea:bench-ins-idea-' || (i * 10), 'Insight idea ' || (i * 10), 'bench-ins-' || (i % ${INSIGHT_PEOPLE}), 10, ${ago('i * 10', INSIGHT_ROWS)} FROM n;
${steps}${INSIGHT_ROWS - 1})
INSERT OR IGNORE INTO comments (id, tenant_id, thread_id, root_id, author_id, body, html, fingerprint, state, updated_at, created_at)
SELECT 'bench-ins-comment-' || i, ${t}, 'bench-ins-thread-' || (i / 10), 'bench-ins-comment-' || i, 'bench-ins-' || ((i * 11) % ${INSIGHT_PEOPLE}),
  'A comment ' || i, '<p>A comment ' || i || '</p>', 'bench-ins-' || i, 'published', ${ago('i', INSIGHT_ROWS)}, ${ago('i', INSIGHT_ROWS)} + 7200000 FROM n;
${steps}${INSIGHT_ROWS / 10 - 1})
INSERT OR IGNORE INTO intake_decisions (id, tenant_id, idea_id, step, forum, decided_on, created_at)
SELECT 'bench-ins-decision-' || i, ${t}, 'bench-ins-idea-' || (i * 37 % ${INSIGHT_ROWS}), 'approved', 'Bench board',
  strftime('%Y-%m-%d', (${ago(`(i * 37 % ${INSIGHT_ROWS})`, INSIGHT_ROWS)} + 86400000) / 1000, 'unixepoch'), ${now} FROM n;
${steps}${INSIGHT_ROWS / 10 - 1})
INSERT OR IGNORE INTO idea_status_changes (id, idea_id, tenant_id, from_status, to_status, reason, changed_by_subject, changed_by_name, created_at)
SELECT 'bench-ins-status-' || i, 'bench-ins-idea-' || ((i * 37 + 1) % ${INSIGHT_ROWS}), ${t}, 'open', CASE i % 3 WHEN 0 THEN 'done' WHEN 1 THEN 'self_service' ELSE 'declined_low_value' END,
  'Decided by the bench', 'bench', 'Bench', ${ago(`((i * 37 + 1) % ${INSIGHT_ROWS})`, INSIGHT_ROWS)} + 2 * 86400000 FROM n;
`;
  return `${script}\n${toSqlScript(rollupStatements('demo-tenant', null, now))}\n`;
}
