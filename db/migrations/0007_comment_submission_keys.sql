ALTER TABLE `comments` ADD `submission_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `comments_submission_idx` ON `comments` (`author_id`,`submission_key`);