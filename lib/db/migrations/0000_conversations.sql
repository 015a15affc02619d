CREATE TABLE "conversations" (
	"owner_id" text NOT NULL,
	"id" text NOT NULL,
	"title" text NOT NULL,
	"settings" jsonb NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "conversations_owner_id_id_pk" PRIMARY KEY("owner_id","id")
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"owner_id" text NOT NULL,
	"conversation_id" text NOT NULL,
	"id" text NOT NULL,
	"position" integer NOT NULL,
	"role" text NOT NULL,
	"text" text NOT NULL,
	"status" text,
	"error" jsonb,
	"metadata" jsonb,
	"created_at" bigint NOT NULL,
	CONSTRAINT "messages_owner_id_conversation_id_id_pk" PRIMARY KEY("owner_id","conversation_id","id")
);
--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_conversation" FOREIGN KEY ("owner_id","conversation_id") REFERENCES "public"."conversations"("owner_id","id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "conversations_owner_recent" ON "conversations" USING btree ("owner_id","updated_at" DESC NULLS LAST);