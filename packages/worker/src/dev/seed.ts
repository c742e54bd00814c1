/**
 * Seeds the demo tenant. Idempotent: run it after every migration. Produces plain SQL
 * statements, so the same seed runs through `wrangler d1 execute` (scripts/dev.ts) and
 * through a D1 binding (tests).
 */
import { encryptSecret } from '../auth/secrets.ts';
import {
  DEMO_BOARDS,
  DEMO_IDEAS,
  DEMO_KID,
  DEMO_ORIGINS,
  DEMO_ROLE_GRANTS,
  DEMO_ROLE_MAPPING,
  DEMO_TENANT,
  DEMO_USERS,
} from './demo-data.ts';

export interface Statement {
  sql: string;
  params: (string | number | null)[];
}

const DAY = 24 * 60 * 60 * 1000;

export async function demoSeed(options: { secretKey: string; demoSecret: string; now?: number }): Promise<Statement[]> {
  const now = options.now ?? Date.now();
  const t = DEMO_TENANT;
  const userId = (key: string) => `demo-user-${key}`;
  const statements: Statement[] = [
    {
      sql: `insert into tenants (id, slug, name, anonymous_read, role_mapping, created_at) values (?, ?, ?, 1, ?, ?)
        on conflict (id) do update set name = excluded.name, anonymous_read = excluded.anonymous_read, role_mapping = excluded.role_mapping`,
      params: [t.id, t.slug, t.name, JSON.stringify(DEMO_ROLE_MAPPING), now],
    },
    ...DEMO_ORIGINS.map((origin) => ({
      sql: 'insert into tenant_origins (tenant_id, origin, created_at) values (?, ?, ?) on conflict do nothing',
      params: [t.id, origin, now],
    })),
    ...DEMO_ROLE_GRANTS.map(({ user, role }) => ({
      sql: "insert into user_roles (tenant_id, subject, role, granted_by, created_at) values (?, ?, ?, 'seed', ?) on conflict do nothing",
      params: [t.id, DEMO_USERS.find((u) => u.key === user)?.subject ?? user, role, now],
    })),
    {
      sql: 'insert into embed_keys (tenant_id, kid, secret_ciphertext, created_at) values (?, ?, ?, ?) on conflict (tenant_id, kid) do update set secret_ciphertext = excluded.secret_ciphertext',
      params: [t.id, DEMO_KID, await encryptSecret(options.secretKey, t.id, DEMO_KID, options.demoSecret), now],
    },
  ];
  for (const u of DEMO_USERS) {
    statements.push({
      sql: 'insert into users (id, tenant_id, subject, name, email, business_unit, created_at, last_seen_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id, subject) do nothing',
      params: [userId(u.key), t.id, u.subject, u.name, u.email, u.businessUnit, now, now],
    });
  }
  for (const b of DEMO_BOARDS) {
    statements.push({
      sql: 'insert into boards (id, tenant_id, slug, name, description, created_at) values (?, ?, ?, ?, ?, ?) on conflict (tenant_id, slug) do nothing',
      params: [b.id, t.id, b.slug, b.name, b.description, now],
    });
  }
  for (const idea of DEMO_IDEAS) {
    const boardId = DEMO_BOARDS.find((b) => b.slug === idea.board)?.id ?? null;
    statements.push({
      sql: 'insert into ideas (id, tenant_id, board_id, author_id, title, description, vote_count, created_at) values (?, ?, ?, ?, ?, ?, 0, ?) on conflict (id) do nothing',
      params: [idea.id, t.id, boardId, userId(idea.author), idea.title, idea.description, now - idea.daysAgo * DAY],
    });
    for (const backer of idea.backers) {
      statements.push({
        sql: 'insert into votes (idea_id, user_id, tenant_id, created_at) values (?, ?, ?, ?) on conflict do nothing',
        params: [idea.id, userId(backer), t.id, now],
      });
    }
  }
  statements.push({
    sql: 'update ideas set vote_count = (select count(*) from votes where votes.idea_id = ideas.id) where tenant_id = ?',
    params: [t.id],
  });
  return statements;
}

/** Renders statements as one SQL script with literals inlined, for `wrangler d1 execute --file`. */
export function toSqlScript(statements: Statement[]): string {
  const literal = (v: string | number | null) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replaceAll("'", "''")}'`);
  return statements
    .map(({ sql, params }) => {
      let i = 0;
      return `${sql.replace(/\?/g, () => literal(params[i++] ?? null))};`;
    })
    .join('\n');
}
