ALTER TABLE "aidants_etats" ADD COLUMN "echecs_totp" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "aidants_etats" ADD COLUMN "totp_bloque_jusqu_a" timestamp with time zone;