CREATE TABLE "data_generation" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"n" bigint NOT NULL
);

--> statement-breakpoint
INSERT INTO "data_generation" ("id", "n") VALUES (1, 0);