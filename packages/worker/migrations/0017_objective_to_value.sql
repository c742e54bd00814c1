CREATE TABLE `intake_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`idea_id` text NOT NULL,
	`step` text NOT NULL,
	`forum` text,
	`decided_on` text NOT NULL,
	`decider_id` text,
	`note` text,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decider_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `intake_decisions_idea` ON `intake_decisions` (`idea_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `intake_decisions_tenant` ON `intake_decisions` (`tenant_id`,`step`,`decided_on`);--> statement-breakpoint
CREATE TABLE `objective_links` (
	`objective_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`item_kind` text NOT NULL,
	`item_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`objective_id`, `item_kind`, `item_id`),
	FOREIGN KEY (`objective_id`) REFERENCES `unit_objectives`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `objective_links_item` ON `objective_links` (`tenant_id`,`item_kind`,`item_id`);--> statement-breakpoint
CREATE TABLE `rollup_runs` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`rolled_at` integer NOT NULL,
	`from_month` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `unit_objectives` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`title` text NOT NULL,
	`kpi` text,
	`horizon` text,
	`card_id` text,
	`position` integer DEFAULT 0 NOT NULL,
	`archived_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `business_units`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `unit_objectives_unit` ON `unit_objectives` (`tenant_id`,`unit_id`,`archived_at`);--> statement-breakpoint
CREATE INDEX `unit_objectives_card` ON `unit_objectives` (`card_id`);--> statement-breakpoint
CREATE TABLE `unit_rollups` (
	`tenant_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`month` text NOT NULL,
	`metric` text NOT NULL,
	`dim` text DEFAULT '' NOT NULL,
	`value` real NOT NULL,
	PRIMARY KEY(`tenant_id`, `unit_id`, `month`, `metric`, `dim`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `business_units`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `value_actuals` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`benefit_id` text NOT NULL,
	`measured_on` text NOT NULL,
	`value` real NOT NULL,
	`note` text,
	`recorded_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`benefit_id`) REFERENCES `value_benefits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `value_actuals_benefit` ON `value_actuals` (`benefit_id`,`measured_on`);--> statement-breakpoint
CREATE TABLE `value_benefits` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`card_id` text NOT NULL,
	`idea_id` text,
	`unit_id` text,
	`objective_id` text,
	`title` text NOT NULL,
	`measure` text NOT NULL,
	`baseline` real NOT NULL,
	`target` real NOT NULL,
	`owner_id` text,
	`benefit_class` text NOT NULL,
	`due_on` text,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`unit_id`) REFERENCES `business_units`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`objective_id`) REFERENCES `unit_objectives`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `value_benefits_card` ON `value_benefits` (`card_id`,`position`);--> statement-breakpoint
CREATE INDEX `value_benefits_idea` ON `value_benefits` (`tenant_id`,`idea_id`);--> statement-breakpoint
CREATE INDEX `value_benefits_unit` ON `value_benefits` (`tenant_id`,`unit_id`);--> statement-breakpoint
ALTER TABLE `ideas` ADD `sponsor_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `ideas` ADD `demand_class` text;--> statement-breakpoint
ALTER TABLE `ideas` ADD `intake_step` text DEFAULT 'screening' NOT NULL;--> statement-breakpoint
ALTER TABLE `ideas` ADD `case_card_id` text;--> statement-breakpoint
CREATE INDEX `ideas_sponsor` ON `ideas` (`tenant_id`,`sponsor_id`);--> statement-breakpoint
ALTER TABLE `tenants` ADD `demand_classes` text;--> statement-breakpoint
ALTER TABLE `tenants` ADD `insights` text;