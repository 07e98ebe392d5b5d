CREATE TABLE "lieux" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"id_source" text NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"pivot" text NOT NULL,
	"nom" text NOT NULL,
	"commune" text NOT NULL,
	"code_postal" text NOT NULL,
	"code_insee" text,
	"adresse" text NOT NULL,
	"complement_adresse" text,
	"latitude" double precision,
	"longitude" double precision,
	"origine_coordonnees" text NOT NULL,
	"typologie" text[] DEFAULT '{}' NOT NULL,
	"telephone" text,
	"courriels" text[] DEFAULT '{}' NOT NULL,
	"site_web" text[] DEFAULT '{}' NOT NULL,
	"horaires" text,
	"horaires_reconnus" boolean DEFAULT true NOT NULL,
	"presentation_resume" text,
	"presentation_detail" text,
	"itinerance" text[] DEFAULT '{}' NOT NULL,
	"structure_parente" text,
	"date_maj" date NOT NULL,
	"services" text[] DEFAULT '{}' NOT NULL,
	"publics_specifiquement_adresses" text[] DEFAULT '{}' NOT NULL,
	"prise_en_charge_specifique" text[] DEFAULT '{}' NOT NULL,
	"frais_a_charge" text[] DEFAULT '{}' NOT NULL,
	"dispositif_programmes_nationaux" text[] DEFAULT '{}' NOT NULL,
	"formations_labels" text[] DEFAULT '{}' NOT NULL,
	"autres_formations_labels" text[] DEFAULT '{}' NOT NULL,
	"modalites_acces" text[] DEFAULT '{}' NOT NULL,
	"modalites_accompagnement" text[] DEFAULT '{}' NOT NULL,
	"fiche_acces_libre" text,
	"prise_rdv" text,
	"structure_id" text,
	"problemes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ligne_brute" jsonb,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lieux_historique" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"lieu_id" uuid NOT NULL,
	"le" timestamp with time zone DEFAULT now() NOT NULL,
	"acteur_id" uuid,
	"origine" text NOT NULL,
	"changements" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lieux_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"le" timestamp with time zone DEFAULT now() NOT NULL,
	"acteur_id" uuid,
	"fichier" text NOT NULL,
	"format" text NOT NULL,
	"lignes" integer NOT NULL,
	"crees" integer NOT NULL,
	"mis_a_jour" integer NOT NULL,
	"inchanges" integer NOT NULL,
	"rejetes" integer NOT NULL,
	"rapport" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lieux_historique" ADD CONSTRAINT "lieux_historique_lieu_id_lieux_id_fk" FOREIGN KEY ("lieu_id") REFERENCES "public"."lieux"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "lieux_source_id_uq" ON "lieux" USING btree ("source","id_source");--> statement-breakpoint
CREATE INDEX "lieux_structure_idx" ON "lieux" USING btree ("structure_id");--> statement-breakpoint
CREATE INDEX "lieux_modifie_le_idx" ON "lieux" USING btree ("modifie_le");--> statement-breakpoint
CREATE INDEX "lieux_code_postal_idx" ON "lieux" USING btree ("code_postal");--> statement-breakpoint
CREATE INDEX "lieux_historique_lieu_idx" ON "lieux_historique" USING btree ("lieu_id","le");