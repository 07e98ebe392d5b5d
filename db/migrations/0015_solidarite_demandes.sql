CREATE TABLE "solidarite_demandes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"telephone_chiffre" text,
	"telephone_empreinte" text,
	"territoire" text NOT NULL,
	"fuseau" text NOT NULL,
	"prenom" text,
	"besoin" text NOT NULL,
	"domaine_demarche" text,
	"date_limite_demarche" date,
	"arnaque_en_cours" boolean DEFAULT false NOT NULL,
	"isolement" boolean DEFAULT false NOT NULL,
	"reponse_par_sms" boolean DEFAULT false NOT NULL,
	"langue" text DEFAULT 'fr' NOT NULL,
	"region" text,
	"departement" text,
	"creneau_id" text,
	"creneau_debut" timestamp with time zone,
	"creneau_fin" timestamp with time zone,
	"echeance" timestamp with time zone NOT NULL,
	"classe" smallint NOT NULL,
	"statut" text DEFAULT 'en-attente' NOT NULL,
	"mediateur_id" text,
	"mediateur_precedent" text,
	"pas_avant" timestamp with time zone,
	"tentatives" smallint DEFAULT 0 NOT NULL,
	"depots" smallint DEFAULT 1 NOT NULL,
	"issue" text,
	"deposee_par" text,
	"jeton_annulation" text NOT NULL,
	"deposee_le" timestamp with time zone NOT NULL,
	"premier_appel_le" timestamp with time zone,
	"close_le" timestamp with time zone,
	"efface_le" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "solidarite_tentatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"demande_id" uuid NOT NULL,
	"mediateur_id" text NOT NULL,
	"issue" text NOT NULL,
	"faite_le" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "solidarite_tentatives" ADD CONSTRAINT "solidarite_tentatives_demande_id_solidarite_demandes_id_fk" FOREIGN KEY ("demande_id") REFERENCES "public"."solidarite_demandes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "solidarite_demandes_reference_uq" ON "solidarite_demandes" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "solidarite_demandes_ouverte_uq" ON "solidarite_demandes" USING btree ("telephone_empreinte") WHERE "solidarite_demandes"."statut" <> 'close';--> statement-breakpoint
CREATE INDEX "solidarite_demandes_file_idx" ON "solidarite_demandes" USING btree ("statut","classe","echeance");--> statement-breakpoint
CREATE INDEX "solidarite_demandes_close_idx" ON "solidarite_demandes" USING btree ("close_le");--> statement-breakpoint
CREATE INDEX "solidarite_tentatives_demande_idx" ON "solidarite_tentatives" USING btree ("demande_id");