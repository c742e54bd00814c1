-- Custom SQL migration (drizzle-kit generate --custom): what drizzle's schema cannot express.

-- Full-text search over comments, for one search across ideas, threads and cards, and for
-- related content. Porter stemming as ideas_fts and cards_fts; keyed by comment id (unindexed
-- column). Every comment is indexed; queries join `comments` and keep the published ones, so a
-- moderator's decision needs no index change.
CREATE VIRTUAL TABLE `comments_fts` USING fts5(comment_id UNINDEXED, tenant_id UNINDEXED, thread_id UNINDEXED, body, tokenize = 'porter unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `comments_fts_insert` AFTER INSERT ON `comments` BEGIN
  INSERT INTO comments_fts (comment_id, tenant_id, thread_id, body) VALUES (new.id, new.tenant_id, new.thread_id, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `comments_fts_update` AFTER UPDATE OF body ON `comments` BEGIN
  DELETE FROM comments_fts WHERE comment_id = old.id AND tenant_id = old.tenant_id;
  INSERT INTO comments_fts (comment_id, tenant_id, thread_id, body) VALUES (new.id, new.tenant_id, new.thread_id, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `comments_fts_delete` AFTER DELETE ON `comments` BEGIN
  DELETE FROM comments_fts WHERE comment_id = old.id AND tenant_id = old.tenant_id;
END;
--> statement-breakpoint
INSERT INTO comments_fts (comment_id, tenant_id, thread_id, body) SELECT id, tenant_id, thread_id, body FROM comments;
