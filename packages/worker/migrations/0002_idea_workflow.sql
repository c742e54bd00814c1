CREATE TABLE `board_criteria` (
	`board_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`key` text NOT NULL,
	`label` text NOT NULL,
	`kind` text NOT NULL,
	`weight` real NOT NULL,
	`grp` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`board_id`, `key`),
	FOREIGN KEY (`board_id`) REFERENCES `boards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `idea_scores` (
	`idea_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`evaluator` text NOT NULL,
	`criterion` text NOT NULL,
	`value` real NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`idea_id`, `evaluator`, `criterion`),
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `idea_status_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`idea_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`reason` text,
	`link` text,
	`changed_by_subject` text NOT NULL,
	`changed_by_name` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `idea_status_changes_idea` ON `idea_status_changes` (`idea_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `boards` ADD `opens_at` integer;--> statement-breakpoint
ALTER TABLE `boards` ADD `closes_at` integer;--> statement-breakpoint
ALTER TABLE `boards` ADD `submitters` text DEFAULT 'members' NOT NULL;--> statement-breakpoint
ALTER TABLE `boards` ADD `vote_mode` text DEFAULT 'single' NOT NULL;--> statement-breakpoint
ALTER TABLE `boards` ADD `vote_budget` integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE `boards` ADD `votes_per_idea` integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE `boards` ADD `refund_on_close` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `boards` ADD `required_fields` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `boards` ADD `statuses` text;--> statement-breakpoint
ALTER TABLE `boards` ADD `scorecard_preset` text DEFAULT 'value-size-risk' NOT NULL;--> statement-breakpoint
ALTER TABLE `ideas` ADD `lane` text DEFAULT 'opportunity' NOT NULL;--> statement-breakpoint
ALTER TABLE `ideas` ADD `problem` text;--> statement-breakpoint
ALTER TABLE `ideas` ADD `beneficiary` text;--> statement-breakpoint
ALTER TABLE `ideas` ADD `value_type` text;--> statement-breakpoint
ALTER TABLE `ideas` ADD `effort_size` text;--> statement-breakpoint
ALTER TABLE `ideas` ADD `objective` text;--> statement-breakpoint
ALTER TABLE `ideas` ADD `status` text DEFAULT 'open' NOT NULL;--> statement-breakpoint
ALTER TABLE `ideas` ADD `status_category` text DEFAULT 'open' NOT NULL;--> statement-breakpoint
ALTER TABLE `ideas` ADD `status_reason` text;--> statement-breakpoint
ALTER TABLE `ideas` ADD `status_link` text;--> statement-breakpoint
ALTER TABLE `ideas` ADD `status_changed_at` integer;--> statement-breakpoint
ALTER TABLE `ideas` ADD `status_changed_by` text;--> statement-breakpoint
ALTER TABLE `ideas` ADD `closed` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `ideas` ADD `merged_into` text;--> statement-breakpoint
ALTER TABLE `ideas` ADD `supporter_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `ideas` ADD `business_unit_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `ideas` ADD `trend_score` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `ideas` ADD `value_score` real;--> statement-breakpoint
ALTER TABLE `ideas` ADD `effort_score` real;--> statement-breakpoint
ALTER TABLE `ideas` ADD `risk_score` real;--> statement-breakpoint
ALTER TABLE `ideas` ADD `value_per_effort` real;--> statement-breakpoint
ALTER TABLE `ideas` ADD `evaluations` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `ideas_board_trending` ON `ideas` (`board_id`,`trend_score`,`id`);--> statement-breakpoint
CREATE INDEX `ideas_board_value` ON `ideas` (`board_id`,`value_score`,`id`);--> statement-breakpoint
CREATE INDEX `ideas_board_vpe` ON `ideas` (`board_id`,`value_per_effort`,`id`);--> statement-breakpoint
CREATE INDEX `ideas_board_status` ON `ideas` (`board_id`,`status_category`);--> statement-breakpoint
ALTER TABLE `votes` ADD `count` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `votes` ADD `weight` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `votes` ADD `refunded` integer DEFAULT false NOT NULL;