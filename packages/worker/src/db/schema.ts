/**
 * Every table of Bridgekit, in one place. Migrations are generated from this file by
 * drizzle-kit (`pnpm db:generate`) and applied by wrangler; never edit them by hand.
 *
 * Every row that belongs to a tenant carries `tenant_id`, and every query filters on it.
 * Timestamps are Unix epoch milliseconds.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const createdAt = () => integer('created_at').notNull().default(sql`(unixepoch('subsec') * 1000)`);

export const tenants = sqliteTable('tenants', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

/**
 * HS256 secrets a tenant's host pages sign embed tokens with, encrypted at rest (AES-GCM under
 * the Worker secret BRIDGEKIT_SECRET_KEY). Several per tenant, told apart by `kid`, so a secret
 * can be rotated without downtime.
 */
export const embedKeys = sqliteTable(
  'embed_keys',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    kid: text('kid').notNull(),
    secretCiphertext: text('secret_ciphertext').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.kid] })],
);

/** People, keyed by tenant + the subject of their sign-in token. Refreshed from each write's token. */
export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    businessUnit: text('business_unit'),
    createdAt: createdAt(),
    lastSeenAt: integer('last_seen_at').notNull(),
  },
  (t) => [uniqueIndex('users_tenant_subject').on(t.tenantId, t.subject)],
);

export const boards = sqliteTable(
  'boards',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('boards_tenant_slug').on(t.tenantId, t.slug)],
);

export const ideas = sqliteTable(
  'ideas',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    boardId: text('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** Denormalised for sorting; always recomputed from `votes` in the same batch as the vote. */
    voteCount: integer('vote_count').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index('ideas_board_top').on(t.boardId, t.voteCount, t.id),
    index('ideas_board_new').on(t.boardId, t.createdAt, t.id),
    index('ideas_tenant').on(t.tenantId),
  ],
);

/** One row per person backing an idea; the primary key makes a second vote impossible. */
export const votes = sqliteTable(
  'votes',
  {
    ideaId: text('idea_id')
      .notNull()
      .references(() => ideas.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.ideaId, t.userId] }), index('votes_user').on(t.userId)],
);
