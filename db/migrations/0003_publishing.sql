CREATE TABLE `article_autosaves` (
	`article_id` integer PRIMARY KEY NOT NULL,
	`payload` text NOT NULL,
	`saved_by_id` integer,
	`saved_at` integer NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`saved_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `slug_redirects` (
	`kind` text NOT NULL,
	`old_slug` text NOT NULL,
	`target_id` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`kind`, `old_slug`),
	CONSTRAINT "slug_redirects_kind_check" CHECK("slug_redirects"."kind" in ('article', 'tag', 'publication'))
);
--> statement-breakpoint
CREATE INDEX `slug_redirects_target_idx` ON `slug_redirects` (`kind`,`target_id`);