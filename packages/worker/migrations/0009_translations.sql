ALTER TABLE `board_criteria` ADD `translations` text;--> statement-breakpoint
ALTER TABLE `boards` ADD `translations` text;--> statement-breakpoint
ALTER TABLE `card_templates` ADD `translations` text;