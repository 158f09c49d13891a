CREATE TABLE `moderation_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`moderator_id` integer,
	`moderator_name` text NOT NULL,
	`action` text NOT NULL,
	`comment_id` integer,
	`article_id` integer,
	`subject_user_id` integer,
	`from_status` text,
	`to_status` text,
	`detail` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`moderator_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `moderation_log_created_idx` ON `moderation_log` (`created_at`);--> statement-breakpoint
CREATE INDEX `moderation_log_comment_idx` ON `moderation_log` (`comment_id`);--> statement-breakpoint
ALTER TABLE `comments` ADD `held_reason` text;--> statement-breakpoint
ALTER TABLE `comments` ADD `previous_status` text;--> statement-breakpoint
ALTER TABLE `comments` ADD `edited_at` integer;--> statement-breakpoint
ALTER TABLE `comments` ADD `deleted_at` integer;