CREATE TABLE "aidants_journal_points" (
	"entree_id" bigint PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"le" timestamp with time zone NOT NULL,
	"signature" text NOT NULL
);
