ALTER TABLE `cards` ADD `source_thread_id` text;--> statement-breakpoint
ALTER TABLE `cards` ADD `source_comment_id` text;--> statement-breakpoint
ALTER TABLE `cards` ADD `promoted_from` text;--> statement-breakpoint
CREATE UNIQUE INDEX `cards_promoted_from` ON `cards` (`tenant_id`,`promoted_from`);--> statement-breakpoint
CREATE INDEX `cards_source_thread` ON `cards` (`tenant_id`,`source_thread_id`);--> statement-breakpoint
ALTER TABLE `idea_status_changes` ADD `card_id` text;--> statement-breakpoint
ALTER TABLE `ideas` ADD `answered_by` text;--> statement-breakpoint
ALTER TABLE `ideas` ADD `source_card_id` text;--> statement-breakpoint
CREATE INDEX `ideas_answered_by` ON `ideas` (`tenant_id`,`answered_by`);--> statement-breakpoint
CREATE INDEX `ideas_source_card` ON `ideas` (`tenant_id`,`source_card_id`);--> statement-breakpoint
ALTER TABLE `tenants` ADD `item_pages` text;