CREATE TABLE `media` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` integer,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`source_format` text NOT NULL,
	`source_bytes` integer NOT NULL,
	`variants` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `media_owner_created_idx` ON `media` (`owner_id`,`created_at`);