CREATE TABLE `config_log` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`action` text NOT NULL,
	`target` text NOT NULL,
	`actor_subject` text NOT NULL,
	`actor_name` text NOT NULL,
	`changes` text NOT NULL,
	`request_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `config_log_tenant` ON `config_log` (`tenant_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `config_log_target` ON `config_log` (`tenant_id`,`target`,`created_at`);