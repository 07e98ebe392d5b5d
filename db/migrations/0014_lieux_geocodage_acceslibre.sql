CREATE TABLE "lieux_acceslibre" (
	"identifiant" text PRIMARY KEY NOT NULL,
	"resume" jsonb,
	"lu_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lieux" ADD COLUMN "precision_geocodage" text;--> statement-breakpoint
ALTER TABLE "lieux" ADD COLUMN "score_geocodage" double precision;