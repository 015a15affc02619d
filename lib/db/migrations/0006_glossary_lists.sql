CREATE TABLE "glossary_lists" (
	"owner_id" text PRIMARY KEY NOT NULL,
	"glossaries" jsonb NOT NULL,
	"updated_at" bigint NOT NULL
);
