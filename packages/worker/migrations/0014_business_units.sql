CREATE TABLE `business_unit_aliases` (
	`tenant_id` text NOT NULL,
	`alias` text NOT NULL,
	`unit_id` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `alias`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `business_units`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `business_unit_aliases_unit` ON `business_unit_aliases` (`unit_id`);--> statement-breakpoint
CREATE TABLE `business_unit_people` (
	`unit_id` text NOT NULL,
	`user_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`role` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`unit_id`, `user_id`, `role`),
	FOREIGN KEY (`unit_id`) REFERENCES `business_units`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `business_unit_people_user` ON `business_unit_people` (`tenant_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `business_units` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`parent_id` text,
	`side` text DEFAULT 'demand' NOT NULL,
	`intended_mix` text,
	`archived_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`parent_id`) REFERENCES `business_units`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `business_units_tenant_key` ON `business_units` (`tenant_id`,`key`);--> statement-breakpoint
CREATE TABLE `health_answers` (
	`round_id` text NOT NULL,
	`user_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`item_key` text NOT NULL,
	`score` integer NOT NULL,
	`comment` text,
	PRIMARY KEY(`round_id`, `user_id`, `item_key`),
	FOREIGN KEY (`round_id`) REFERENCES `health_rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `health_invitations` (
	`round_id` text NOT NULL,
	`user_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`side` text NOT NULL,
	`responded_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`round_id`, `user_id`),
	FOREIGN KEY (`round_id`) REFERENCES `health_rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `health_invitations_user` ON `health_invitations` (`tenant_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `health_rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`title` text NOT NULL,
	`items` text NOT NULL,
	`closes_on` text,
	`closed_at` integer,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `business_units`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `health_rounds_unit` ON `health_rounds` (`tenant_id`,`unit_id`,`closed_at`);--> statement-breakpoint
CREATE TABLE `idea_units` (
	`idea_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	PRIMARY KEY(`idea_id`, `unit_id`),
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `business_units`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `idea_units_unit` ON `idea_units` (`tenant_id`,`unit_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_user_roles` (
	`tenant_id` text NOT NULL,
	`subject` text NOT NULL,
	`role` text NOT NULL,
	`granted_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`tenant_id`, `subject`, `role`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_user_roles`("tenant_id", "subject", "role", "granted_by", "created_at") SELECT "tenant_id", "subject", "role", "granted_by", "created_at" FROM `user_roles`;--> statement-breakpoint
DROP TABLE `user_roles`;--> statement-breakpoint
ALTER TABLE `__new_user_roles` RENAME TO `user_roles`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
ALTER TABLE `boards` ADD `min_value` real;--> statement-breakpoint
ALTER TABLE `cards` ADD `unit_id` text REFERENCES business_units(id);--> statement-breakpoint
ALTER TABLE `cards` ADD `visibility` text DEFAULT 'everyone' NOT NULL;--> statement-breakpoint
CREATE INDEX `cards_unit` ON `cards` (`tenant_id`,`unit_id`);--> statement-breakpoint
ALTER TABLE `ideas` ADD `unit_id` text REFERENCES business_units(id);--> statement-breakpoint
ALTER TABLE `ideas` ADD `revisit_on` text;--> statement-breakpoint
ALTER TABLE `ideas` ADD `need_met` integer;--> statement-breakpoint
ALTER TABLE `ideas` ADD `need_met_at` integer;--> statement-breakpoint
CREATE INDEX `ideas_unit` ON `ideas` (`tenant_id`,`unit_id`,`state`);--> statement-breakpoint
ALTER TABLE `users` ADD `unit_id` text REFERENCES business_units(id);