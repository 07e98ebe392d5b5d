CREATE TABLE "aidants_consentements_sms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"brouillon_id" uuid NOT NULL,
	"jeton_hash" text NOT NULL,
	"aidant_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"envoye_le" timestamp with time zone NOT NULL,
	"expire_le" timestamp with time zone NOT NULL,
	"accepte_le" timestamp with time zone,
	"refuse_le" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "aidants_consentements_sms_jeton_uq" ON "aidants_consentements_sms" USING btree ("jeton_hash");--> statement-breakpoint
CREATE INDEX "aidants_consentements_sms_brouillon_idx" ON "aidants_consentements_sms" USING btree ("brouillon_id");