-- Custom SQL migration (drizzle-kit generate --custom): what drizzle's schema cannot express.

-- Full-text search over ideas, for duplicate suggestions. Porter stemming: "automate invoice
-- matching" finds "Automating invoices". Keyed by idea id (unindexed column), not by rowid,
-- which a VACUUM may renumber on a table without an INTEGER PRIMARY KEY.
CREATE VIRTUAL TABLE `ideas_fts` USING fts5(idea_id UNINDEXED, tenant_id UNINDEXED, board_id UNINDEXED, title, description, tokenize = 'porter unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `ideas_fts_insert` AFTER INSERT ON `ideas` BEGIN
  INSERT INTO ideas_fts (idea_id, tenant_id, board_id, title, description) VALUES (new.id, new.tenant_id, new.board_id, new.title, new.description);
END;
--> statement-breakpoint
CREATE TRIGGER `ideas_fts_update` AFTER UPDATE OF title, description, board_id ON `ideas` BEGIN
  DELETE FROM ideas_fts WHERE idea_id = old.id;
  INSERT INTO ideas_fts (idea_id, tenant_id, board_id, title, description) VALUES (new.id, new.tenant_id, new.board_id, new.title, new.description);
END;
--> statement-breakpoint
CREATE TRIGGER `ideas_fts_delete` AFTER DELETE ON `ideas` BEGIN
  DELETE FROM ideas_fts WHERE idea_id = old.id;
END;
--> statement-breakpoint
INSERT INTO ideas_fts (idea_id, tenant_id, board_id, title, description) SELECT id, tenant_id, board_id, title, description FROM ideas;
--> statement-breakpoint

-- Existing boards get the default scorecard (the value-size-risk preset of src/domain/scorecard.ts).
INSERT INTO board_criteria (board_id, tenant_id, key, label, kind, weight, grp, position) SELECT id, tenant_id, 'impact', 'Business impact', 'scale', 0.6, 'value', 0 FROM boards;
--> statement-breakpoint
INSERT INTO board_criteria (board_id, tenant_id, key, label, kind, weight, grp, position) SELECT id, tenant_id, 'financial', 'Financial return', 'scale', 0.4, 'value', 1 FROM boards;
--> statement-breakpoint
INSERT INTO board_criteria (board_id, tenant_id, key, label, kind, weight, grp, position) SELECT id, tenant_id, 'size', 'Size', 'tshirt', 1, 'effort', 2 FROM boards;
--> statement-breakpoint
INSERT INTO board_criteria (board_id, tenant_id, key, label, kind, weight, grp, position) SELECT id, tenant_id, 'new_technology', 'Uses technology new to us', 'yesno', 0.3333333333333333, 'risk', 3 FROM boards;
--> statement-breakpoint
INSERT INTO board_criteria (board_id, tenant_id, key, label, kind, weight, grp, position) SELECT id, tenant_id, 'third_party', 'Depends on a third party', 'yesno', 0.3333333333333333, 'risk', 4 FROM boards;
--> statement-breakpoint
INSERT INTO board_criteria (board_id, tenant_id, key, label, kind, weight, grp, position) SELECT id, tenant_id, 'ways_of_working', 'Changes how people work', 'yesno', 0.3333333333333333, 'risk', 5 FROM boards;
--> statement-breakpoint

-- Support counts for ideas that existed before (one vote each on single-vote boards).
UPDATE ideas SET
  supporter_count = (SELECT count(*) FROM votes v WHERE v.idea_id = ideas.id),
  business_unit_count = (SELECT count(DISTINCT u.business_unit) FROM votes v JOIN users u ON u.id = v.user_id WHERE v.idea_id = ideas.id AND u.business_unit IS NOT NULL);
