/**
 * Seeds the demo tenant. Idempotent: run it after every migration. Produces plain SQL
 * statements, so the same seed runs through `wrangler d1 execute` (scripts/dev.ts) and
 * through a D1 binding (tests).
 */
import type { StatusCategory } from '@bridgekit/sdk';
import { eq } from 'drizzle-orm';
import { encryptSecret } from '../auth/secrets.ts';
import { EXAMPLE_CARDS } from '../cards/templates/examples.ts';
import { BUILT_IN_TEMPLATES } from '../cards/templates/index.ts';
import { type D1Binding, database } from '../db/client.ts';
import { ideas } from '../db/schema.ts';
import { PRESETS } from '../domain/scorecard.ts';
import { CLOSED_CATEGORIES } from '../domain/statuses.ts';
import { voteWeight } from '../domain/trending.ts';
import { rollupStatements } from '../insights/rollup.ts';
import { renderMarkdown } from '../markdown/render.ts';
import { fingerprintOf } from '../moderation/phases/repeat-post.ts';
import { reviewDateAfter } from '../store/card-rows.ts';
import { recountBranch, recountThread } from '../store/comments.ts';
import { recomputeScores } from '../store/scores.ts';
import { handleBase } from '../store/users.ts';
import { recountSupport } from '../store/votes.ts';
import { demoCardStatements } from './demo-cards.ts';
import {
  DEMO_BOARDS,
  DEMO_CARD_OWNERS,
  DEMO_COMMENTS,
  DEMO_IDEA_DISCUSSION,
  DEMO_IDEAS,
  DEMO_KID,
  DEMO_MODERATION,
  DEMO_ORIGINS,
  DEMO_PAGES,
  DEMO_PROMOTION,
  DEMO_ROLE_GRANTS,
  DEMO_ROLE_MAPPING,
  DEMO_TENANT,
  DEMO_THREAD,
  DEMO_USERS,
  type DemoComment,
  type DemoThread,
  demoCardId,
} from './demo-data.ts';
import { demoHealthStatements } from './demo-health.ts';
import { demoHistory } from './demo-history.ts';
import { demoPeopleStatements } from './demo-people.ts';
import { demoUnitLinks, demoUnitStatements } from './demo-units.ts';
import { DEMO_APPROVED_DISCUSSION, DEMO_INTAKE, demoValueStatements } from './demo-value.ts';

export interface Statement {
  sql: string;
  params: (string | number | null)[];
}

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** Where `pnpm dev` serves the demo pages unless told otherwise. */
export const DEFAULT_DEMO_PAGES = 'http://localhost:8787/demo';

export async function demoSeed(options: { secretKey: string; demoSecret: string; now?: number; demoPages?: string }): Promise<Statement[]> {
  const now = options.now ?? Date.now();
  const t = DEMO_TENANT;
  const userId = (key: string) => `demo-user-${key}`;
  const statements: Statement[] = [
    {
      sql: `insert into tenants (id, slug, name, anonymous_read, role_mapping, moderation, created_at) values (?, ?, ?, 1, ?, ?, ?)
        on conflict (id) do update set name = excluded.name, anonymous_read = excluded.anonymous_read, role_mapping = excluded.role_mapping,
          moderation = coalesce(tenants.moderation, excluded.moderation)`,
      params: [t.id, t.slug, t.name, JSON.stringify(DEMO_ROLE_MAPPING), JSON.stringify(DEMO_MODERATION), now],
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
  statements.push(...demoUnitStatements(t.id, now));
  for (const u of DEMO_USERS) {
    statements.push({
      sql: `insert into users (id, tenant_id, subject, name, email, business_unit, handle, created_at, last_seen_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (tenant_id, subject) do update set handle = coalesce(users.handle, excluded.handle)`,
      params: [userId(u.key), t.id, u.subject, u.name, u.email, u.businessUnit, handleBase(u.name), now, now],
    });
  }
  statements.push(...demoPeopleStatements(now));
  for (const b of DEMO_BOARDS) {
    statements.push({
      sql: `insert into boards (id, tenant_id, slug, name, description, vote_mode, vote_budget, votes_per_idea, required_fields, created_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id, slug) do nothing`,
      params: [
        b.id,
        t.id,
        b.slug,
        b.name,
        b.description,
        b.budget ? 'budget' : 'single',
        b.budget?.budget ?? 10,
        b.budget?.perIdea ?? 3,
        JSON.stringify(b.requiredFields ?? []),
        now,
      ],
    });
    PRESETS['value-size-risk'].forEach((c, position) => {
      statements.push({
        sql: 'insert into board_criteria (board_id, tenant_id, key, label, kind, weight, grp, position) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing',
        params: [b.id, t.id, c.key, c.label, c.kind, c.weight, c.group, position],
      });
    });
  }
  const mei = DEMO_USERS.find((u) => u.key === 'mei');
  for (const idea of DEMO_IDEAS) {
    const boardId = DEMO_BOARDS.find((b) => b.slug === idea.board)?.id ?? null;
    const createdAt = now - idea.daysAgo * DAY;
    const bc = idea.businessCase ?? {};
    const closed = idea.status ? CLOSED_CATEGORIES.has(idea.status.category as StatusCategory) : false;
    const changedBy = idea.status ? (DEMO_USERS.find((u) => u.key === idea.status?.by)?.name ?? null) : null;
    const statusAt = createdAt + (idea.status?.daysAfter ?? 1) * DAY;
    statements.push({
      sql: `insert into ideas (id, tenant_id, board_id, author_id, title, description, lane, problem, beneficiary, value_type, effort_size, objective,
          status, status_category, status_reason, answered_by, status_changed_at, status_changed_by, closed, created_at, sponsor_id, demand_class, intake_step)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (id) do update set sponsor_id = coalesce(ideas.sponsor_id, excluded.sponsor_id), demand_class = coalesce(ideas.demand_class, excluded.demand_class)`,
      params: [
        idea.id,
        t.id,
        boardId,
        userId(idea.author),
        idea.title,
        idea.description,
        idea.lane ?? 'opportunity',
        bc.problem ?? null,
        bc.beneficiary ?? null,
        bc.valueType ?? null,
        bc.effort ?? null,
        bc.objective ?? null,
        idea.status?.key ?? 'open',
        idea.status?.category ?? 'open',
        idea.status?.reason ?? null,
        idea.status?.card ?? null,
        idea.status ? statusAt : null,
        changedBy,
        closed ? 1 : 0,
        createdAt,
        idea.sponsor ? userId(idea.sponsor) : null,
        idea.demandClass,
        DEMO_INTAKE[idea.id]?.at(-1)?.step ?? 'screening',
      ],
    });
    if (idea.status) {
      statements.push({
        sql: "insert into idea_status_changes (id, idea_id, tenant_id, from_status, to_status, reason, link, card_id, changed_by_subject, changed_by_name, created_at) values (?, ?, ?, 'open', ?, ?, null, ?, ?, ?, ?) on conflict do nothing",
        params: [
          `${idea.id}-status`,
          idea.id,
          t.id,
          idea.status.key,
          idea.status.reason ?? null,
          idea.status.card ?? null,
          `demo|${idea.status.by}`,
          changedBy,
          statusAt,
        ],
      });
    }
    idea.backers.forEach((backer, i) => {
      const at = createdAt + (i + 1) * 3_600_000;
      statements.push({
        sql: 'insert into votes (idea_id, user_id, tenant_id, count, weight, created_at) values (?, ?, ?, 1, ?, ?) on conflict do nothing',
        params: [idea.id, userId(backer), t.id, voteWeight(1, at), at],
      });
    });
    for (const [criterion, value] of Object.entries(idea.scores ?? {})) {
      statements.push({
        sql: 'insert into idea_scores (idea_id, tenant_id, evaluator, criterion, value, updated_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing',
        params: [idea.id, t.id, mei?.subject ?? 'demo|mei', criterion, value, now],
      });
    }
    for (const [evaluator, scores] of Object.entries(idea.otherScores ?? {})) {
      statements.push({
        sql: `insert into idea_scores (idea_id, tenant_id, evaluator, criterion, value, updated_at)
          select ?, ?, ?, j.key, j.value, ? from json_each(?) j where true on conflict do nothing`,
        params: [idea.id, t.id, `demo|${evaluator}`, now, JSON.stringify(scores)],
      });
    }
  }
  const demoPages = options.demoPages ?? DEFAULT_DEMO_PAGES;
  statements.push(...demoThread({ ...DEMO_THREAD, comments: DEMO_COMMENTS }, now, demoPages));
  statements.push(...demoThread(DEMO_IDEA_DISCUSSION, now, demoPages));
  statements.push(...demoThread(DEMO_APPROVED_DISCUSSION, now, demoPages));
  const history = demoHistory(now);
  statements.push(...history.statements);
  for (const thread of history.threads) statements.push(...demoThread(thread, now, demoPages));
  statements.push(...demoCards(now));
  statements.push(...demoHealthStatements(now));
  statements.push(...demoValueStatements(now, (id) => now - (DEMO_IDEAS.find((i) => i.id === id)?.daysAgo ?? 0) * DAY));
  // The same statements the API runs, rendered by drizzle without a database.
  const sqlOnly = database({} as D1Binding);
  statements.push(...demoUnitLinks(t.id));
  for (const id of [...DEMO_IDEAS.map((i) => i.id), ...history.ideaIds])
    statements.push(toStatement(recountSupport(sqlOnly, t.id, id).toSQL()));
  for (const s of recomputeScores(sqlOnly, eq(ideas.tenantId, t.id))) statements.push(toStatement(s.toSQL()));
  for (const [threadId, threadComments] of [
    [DEMO_THREAD.id, DEMO_COMMENTS],
    [DEMO_IDEA_DISCUSSION.id, DEMO_IDEA_DISCUSSION.comments],
    [DEMO_APPROVED_DISCUSSION.id, DEMO_APPROVED_DISCUSSION.comments],
    ...history.threads.map((h) => [h.id, h.comments] as const),
  ] as const) {
    statements.push(toStatement(recountThread(sqlOnly, t.id, threadId).toSQL()));
    for (const c of threadComments) if (!c.parent) statements.push(toStatement(recountBranch(sqlOnly, t.id, c.id).toSQL()));
  }
  // Last: the cockpit's monthly rollups over everything above (`<bk-insights>` shows the demo's year).
  for (const s of rollupStatements(t.id, null, now)) statements.push(toStatement(s));
  return statements;
}

/** A demo discussion, rendered and fingerprinted as the API would; its links to demo pages lead to `demoPages`. */
function demoThread(thread: DemoThread, now: number, demoPages: string): Statement[] {
  const comments: readonly DemoComment[] = thread.comments;
  const t = DEMO_TENANT;
  const userId = (key: string) => `demo-user-${key}`;
  const handles = new Set(DEMO_USERS.map((u) => handleBase(u.name)));
  const statements: Statement[] = [
    {
      sql: `insert into threads (id, tenant_id, key, title, started_by, accepted_comment_id, created_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing`,
      params: [
        thread.id,
        t.id,
        thread.key,
        thread.title,
        userId(thread.startedBy),
        thread.accepted ?? null,
        now - Math.max(...comments.map((c) => c.hoursAgo)) * HOUR,
      ],
    },
  ];
  for (const written of comments) {
    const c = { ...written, body: written.body.replaceAll(DEMO_PAGES, demoPages) };
    const rendered = renderMarkdown(c.body, { knownHandles: handles });
    const parent = c.parent ? comments.find((p) => p.id === c.parent) : undefined;
    const at = now - c.hoursAgo * HOUR;
    statements.push({
      sql: `insert into comments (id, tenant_id, thread_id, parent_id, root_id, depth, author_id, body, html, fingerprint, state, pending_reason, updated_at, created_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing`,
      params: [
        c.id,
        t.id,
        thread.id,
        parent?.id ?? null,
        parent?.id ?? c.id,
        parent ? 1 : 0,
        userId(c.author),
        c.body,
        rendered.html,
        fingerprintOf(rendered.text),
        c.pending ? 'pending' : 'published',
        c.pending ?? null,
        at,
        at,
      ],
    });
    for (const [reaction, who] of Object.entries(c.reactions ?? {})) {
      for (const key of who ?? []) {
        statements.push({
          sql: 'insert into comment_reactions (comment_id, user_id, tenant_id, reaction, created_at) values (?, ?, ?, ?, ?) on conflict do nothing',
          params: [c.id, userId(key), t.id, reaction, at + HOUR],
        });
      }
    }
    const r = c.reactions ?? {};
    const n = (k: 'like' | 'insight' | 'love') => r[k]?.length ?? 0;
    statements.push({
      sql: 'update comments set like_count = ?, insight_count = ?, love_count = ?, reaction_count = ? where id = ? and tenant_id = ?',
      params: [n('like'), n('insight'), n('love'), n('like') + n('insight') + n('love'), c.id, t.id],
    });
  }
  return statements;
}

/** One example card per built-in template, owned by demo people, with a range of review dates. */
function demoCards(now: number): Statement[] {
  // Amara, on Finance's team (demo-people.ts), reads the cards kept to it.
  const statements: Statement[] = [];
  for (const [index, template] of BUILT_IN_TEMPLATES.entries()) {
    const example = EXAMPLE_CARDS[template.id];
    if (!example) continue;
    const owner = DEMO_CARD_OWNERS[index % DEMO_CARD_OWNERS.length] ?? 'mei';
    const id = demoCardId(template.id);
    const promotion = DEMO_PROMOTION.card === id ? DEMO_PROMOTION : null;
    statements.push(
      ...demoCardStatements({
        id,
        templateId: template.id,
        example,
        owner,
        // Mei's first card is overdue and her second due soon, so the review queue has something to show.
        reviewBy: reviewDateAfter(now, index === 0 ? -1 : index === 1 ? 0 : 6 - (index % 3)),
        at: now - (10 + index * 3) * 24 * HOUR,
        promotion: promotion ? { thread: promotion.thread, comment: promotion.comment, promotedFrom: promotion.promotedFrom } : null,
      }),
    );
  }
  return statements;
}

function toStatement(query: { sql: string; params: unknown[] }): Statement {
  return { sql: query.sql, params: query.params.map((p) => (typeof p === 'boolean' ? Number(p) : (p as string | number | null))) };
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
