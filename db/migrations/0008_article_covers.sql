ALTER TABLE `article_revisions` ADD `cover_media_id` text REFERENCES media(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `article_revisions` ADD `cover_alt` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `article_revisions` ADD `cover_decorative` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `article_revisions` ADD `cover_caption` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `articles` ADD `cover_media_id` text REFERENCES media(id) ON DELETE restrict;--> statement-breakpoint
ALTER TABLE `articles` ADD `cover_alt` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `articles` ADD `cover_decorative` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `articles` ADD `cover_caption` text DEFAULT '' NOT NULL;