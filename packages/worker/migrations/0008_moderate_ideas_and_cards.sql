CREATE TABLE `card_edits` (
	`id` text PRIMARY KEY NOT NULL,
	`card_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`author_id` text NOT NULL,
	`base_version` integer NOT NULL,
	`state` text NOT NULL,
	`reason` text NOT NULL,
	`content` text NOT NULL,
	`by_name` text NOT NULL,
	`by_subject` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `card_edits_tenant_state` ON `card_edits` (`tenant_id`,`state`,`created_at`);--> statement-breakpoint
CREATE INDEX `card_edits_card_author` ON `card_edits` (`card_id`,`author_id`);--> statement-breakpoint
ALTER TABLE `cards` ADD `author_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `cards` ADD `state` text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE `cards` ADD `moderation_reason` text;--> statement-breakpoint
CREATE INDEX `cards_tenant_state` ON `cards` (`tenant_id`,`state`,`created_at`);--> statement-breakpoint
CREATE INDEX `cards_author` ON `cards` (`author_id`,`state`);--> statement-breakpoint
ALTER TABLE `ideas` ADD `state` text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE `ideas` ADD `moderation_reason` text;--> statement-breakpoint
CREATE INDEX `ideas_tenant_state` ON `ideas` (`tenant_id`,`state`,`created_at`);--> statement-breakpoint
CREATE INDEX `ideas_author` ON `ideas` (`author_id`,`state`);--> statement-breakpoint
ALTER TABLE `users` ADD `claim_role` text;