CREATE TABLE "diagnostic_beneficiaires" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"structure_code" text NOT NULL,
	"reference" text NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"dernier_diagnostic_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "diagnostic_passations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jeton_hash" text NOT NULL,
	"lien_hash" text,
	"session_id" uuid,
	"structure_code" text,
	"mode" text DEFAULT 'autonome' NOT NULL,
	"commence_le" timestamp with time zone DEFAULT now() NOT NULL,
	"derniere_activite_le" timestamp with time zone DEFAULT now() NOT NULL,
	"termine_le" timestamp with time zone,
	"fin" text,
	"item_courant" text,
	"item_affiche_le" timestamp with time zone,
	"essais" integer DEFAULT 0 NOT NULL,
	"lien_visite" boolean DEFAULT false NOT NULL,
	"consentement_le" timestamp with time zone,
	"beneficiaire_id" uuid
);
--> statement-breakpoint
CREATE TABLE "diagnostic_reponses" (
	"passation_id" uuid NOT NULL,
	"item" text NOT NULL,
	"ordre" integer NOT NULL,
	"resultat" text NOT NULL,
	"source" text DEFAULT 'personne' NOT NULL,
	"valeur" text,
	"duree_ms" integer DEFAULT 0 NOT NULL,
	"essais" integer DEFAULT 1 NOT NULL,
	"mesures" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"repondu_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "diagnostic_reponses_passation_id_item_pk" PRIMARY KEY("passation_id","item")
);
--> statement-breakpoint
CREATE TABLE "diagnostic_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"structure_code" text NOT NULL,
	"cree_par" text NOT NULL,
	"libelle" text DEFAULT '' NOT NULL,
	"beneficiaire_id" uuid,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"expire_le" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "diagnostic_passations" ADD CONSTRAINT "diagnostic_passations_session_id_diagnostic_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."diagnostic_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_passations" ADD CONSTRAINT "diagnostic_passations_beneficiaire_id_diagnostic_beneficiaires_id_fk" FOREIGN KEY ("beneficiaire_id") REFERENCES "public"."diagnostic_beneficiaires"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_reponses" ADD CONSTRAINT "diagnostic_reponses_passation_id_diagnostic_passations_id_fk" FOREIGN KEY ("passation_id") REFERENCES "public"."diagnostic_passations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_sessions" ADD CONSTRAINT "diagnostic_sessions_beneficiaire_id_diagnostic_beneficiaires_id_fk" FOREIGN KEY ("beneficiaire_id") REFERENCES "public"."diagnostic_beneficiaires"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "diagnostic_beneficiaires_reference_uq" ON "diagnostic_beneficiaires" USING btree ("structure_code","reference");--> statement-breakpoint
CREATE INDEX "diagnostic_beneficiaires_dernier_idx" ON "diagnostic_beneficiaires" USING btree ("dernier_diagnostic_le");--> statement-breakpoint
CREATE UNIQUE INDEX "diagnostic_passations_jeton_uq" ON "diagnostic_passations" USING btree ("jeton_hash");--> statement-breakpoint
CREATE INDEX "diagnostic_passations_session_idx" ON "diagnostic_passations" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "diagnostic_passations_beneficiaire_idx" ON "diagnostic_passations" USING btree ("beneficiaire_id");--> statement-breakpoint
CREATE INDEX "diagnostic_passations_activite_idx" ON "diagnostic_passations" USING btree ("derniere_activite_le");--> statement-breakpoint
CREATE UNIQUE INDEX "diagnostic_sessions_code_uq" ON "diagnostic_sessions" USING btree ("code");--> statement-breakpoint
CREATE INDEX "diagnostic_sessions_structure_idx" ON "diagnostic_sessions" USING btree ("structure_code","cree_le");