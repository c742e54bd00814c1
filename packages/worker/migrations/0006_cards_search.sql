-- Custom SQL migration (drizzle-kit generate --custom): what drizzle's schema cannot express.

-- Full-text search over practice cards: title, summary and the flattened text of every field,
-- with Porter stemming ("business cases" finds "Business case"). Keyed by card id (unindexed
-- column), as ideas_fts is, so a VACUUM cannot desynchronise it.
CREATE VIRTUAL TABLE `cards_fts` USING fts5(card_id UNINDEXED, tenant_id UNINDEXED, title, summary, body, tokenize = 'porter unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `cards_fts_insert` AFTER INSERT ON `cards` BEGIN
  INSERT INTO cards_fts (card_id, tenant_id, title, summary, body) VALUES (new.id, new.tenant_id, new.title, new.summary, new.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `cards_fts_update` AFTER UPDATE OF title, summary, search_text ON `cards` BEGIN
  DELETE FROM cards_fts WHERE card_id = old.id;
  INSERT INTO cards_fts (card_id, tenant_id, title, summary, body) VALUES (new.id, new.tenant_id, new.title, new.summary, new.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `cards_fts_delete` AFTER DELETE ON `cards` BEGIN
  DELETE FROM cards_fts WHERE card_id = old.id;
END;
