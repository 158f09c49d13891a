ALTER TABLE `moderation_log` ADD `batch_id` text;--> statement-breakpoint
ALTER TABLE `moderation_log` ADD `undoes_id` integer;--> statement-breakpoint
CREATE INDEX `moderation_log_batch_idx` ON `moderation_log` (`batch_id`);--> statement-breakpoint
CREATE INDEX `moderation_log_undoes_idx` ON `moderation_log` (`undoes_id`);