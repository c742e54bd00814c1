/**
 * The full-text tables, declared for queries only. They are created by a custom migration
 * (FTS5 virtual tables are beyond drizzle's schema), so this file is not in drizzle.config.ts.
 */
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const cardsFts = sqliteTable('cards_fts', {
  cardId: text('card_id').notNull(),
  tenantId: text('tenant_id').notNull(),
  title: text('title').notNull(),
  summary: text('summary').notNull(),
  body: text('body').notNull(),
});

export const commentsFts = sqliteTable('comments_fts', {
  commentId: text('comment_id').notNull(),
  tenantId: text('tenant_id').notNull(),
  threadId: text('thread_id').notNull(),
  body: text('body').notNull(),
});
