CREATE TABLE `forecast_results` (
	`model_id` text NOT NULL,
	`model_version` integer NOT NULL,
	`inputs_hash` text NOT NULL,
	`seed` integer NOT NULL,
	`sample_count` integer NOT NULL,
	`result` text NOT NULL,
	`compute_ms` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`model_id`, `model_version`, `inputs_hash`, `seed`, `sample_count`)
);
--> statement-breakpoint
CREATE TABLE `forecasts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`model_id` text NOT NULL,
	`model_version` integer NOT NULL,
	`inputs` text NOT NULL,
	`overrides` text NOT NULL,
	`rationales` text DEFAULT '{}' NOT NULL,
	`inputs_hash` text NOT NULL,
	`seed` integer NOT NULL,
	`sample_count` integer NOT NULL,
	`parent_forecast_id` integer,
	`post_id` integer,
	`comment_id` integer,
	`author_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`parent_forecast_id`) REFERENCES `forecasts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `forecasts_post_idx` ON `forecasts` (`post_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `forecasts_parent_idx` ON `forecasts` (`parent_forecast_id`);--> statement-breakpoint
ALTER TABLE `posts` ADD `forecast_id` integer;--> statement-breakpoint
ALTER TABLE `comments` ADD `forecast_id` integer;