CREATE TABLE "arena_battles" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"prompt" text NOT NULL,
	"contestant_a" jsonb NOT NULL,
	"contestant_b" jsonb NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "arena_votes" (
	"battle_id" text NOT NULL,
	"voter_id" text NOT NULL,
	"choice" text NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "arena_votes_battle_id_voter_id_pk" PRIMARY KEY("battle_id","voter_id")
);
--> statement-breakpoint
ALTER TABLE "arena_votes" ADD CONSTRAINT "arena_votes_battle_id_arena_battles_id_fk" FOREIGN KEY ("battle_id") REFERENCES "public"."arena_battles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "arena_battles_owner" ON "arena_battles" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "arena_votes_voter" ON "arena_votes" USING btree ("voter_id");