CREATE TABLE `squiggle_programs` (
	`hash` text PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`analysis` text NOT NULL,
	`interpreter` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `forecasts` ADD `program_hash` text;