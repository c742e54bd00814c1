CREATE TABLE `card_helped` (
	`card_id` text NOT NULL,
	`user_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`card_id`, `user_id`),
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `card_links` (
	`card_id` text NOT NULL,
	`path` text NOT NULL,
	`tenant_id` text NOT NULL,
	`to_kind` text NOT NULL,
	`to_id` text NOT NULL,
	PRIMARY KEY(`card_id`, `path`),
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `card_links_target` ON `card_links` (`tenant_id`,`to_kind`,`to_id`);--> statement-breakpoint
CREATE TABLE `card_templates` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`fields` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `card_versions` (
	`card_id` text NOT NULL,
	`version` integer NOT NULL,
	`tenant_id` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`fields` text NOT NULL,
	`tags` text NOT NULL,
	`maturity_level` integer,
	`owner_id` text,
	`review_by` text,
	`note` text,
	`by_name` text NOT NULL,
	`by_subject` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`card_id`, `version`),
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `cards` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`template_id` text NOT NULL,
	`template_version` integer NOT NULL,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`fields` text NOT NULL,
	`rendered` text NOT NULL,
	`search_text` text DEFAULT '' NOT NULL,
	`tags` text NOT NULL,
	`maturity_level` integer,
	`owner_id` text,
	`review_by` text,
	`obsolete_reason` text,
	`obsolete_at` integer,
	`obsolete_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`save_id` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL,
	`last_verified_at` integer,
	`helped_count` integer DEFAULT 0 NOT NULL,
	`view_count` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `cards_tenant_updated` ON `cards` (`tenant_id`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `cards_tenant_owner_review` ON `cards` (`tenant_id`,`owner_id`,`review_by`);--> statement-breakpoint
CREATE INDEX `cards_tenant_template` ON `cards` (`tenant_id`,`template_id`);