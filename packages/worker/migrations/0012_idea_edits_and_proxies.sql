CREATE TABLE `idea_revisions` (
	`id` text PRIMARY KEY NOT NULL,
	`idea_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`lane` text NOT NULL,
	`problem` text,
	`beneficiary` text,
	`value_type` text,
	`effort_size` text,
	`objective` text,
	`after_scoring` integer DEFAULT false NOT NULL,
	`by_subject` text NOT NULL,
	`by_name` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `idea_revisions_idea` ON `idea_revisions` (`idea_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `ideas` ADD `proxy_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `ideas` ADD `edited_at` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `kind` text DEFAULT 'person' NOT NULL;