-- Edited by hand: a NOT NULL column cannot be added to rows that exist, so it is filled first; a message never changed since it was made has its creation as its version.
ALTER TABLE "messages" ADD COLUMN "updated_at" bigint;--> statement-breakpoint
UPDATE "messages" SET "updated_at" = "created_at";--> statement-breakpoint
ALTER TABLE "messages" ALTER COLUMN "updated_at" SET NOT NULL;
