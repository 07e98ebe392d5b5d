ALTER TABLE "structures" ADD COLUMN "verification_registre" text;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "categorie_juridique" text;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "categorie_registre" text;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "registre_verifie_le" timestamp with time zone;