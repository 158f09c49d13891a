CREATE TABLE `comment_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`comment_id` integer NOT NULL,
	`reporter_id` integer NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reporter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "comment_reports_reason_check" CHECK("comment_reports"."reason" in ('spam', 'harassment', 'off-topic', 'other'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `comment_reports_comment_reporter_unique` ON `comment_reports` (`comment_id`,`reporter_id`);--> statement-breakpoint
CREATE INDEX `comment_reports_reporter_idx` ON `comment_reports` (`reporter_id`);--> statement-breakpoint
CREATE TABLE `comment_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`comment_id` integer NOT NULL,
	`body` text NOT NULL,
	`written_at` integer NOT NULL,
	`edited_at` integer NOT NULL,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `comment_versions_comment_idx` ON `comment_versions` (`comment_id`,`edited_at`);--> statement-breakpoint
ALTER TABLE `comments` ADD `moderation_note` text;