CREATE TABLE "activites" (
	"id" uuid PRIMARY KEY NOT NULL,
	"conseiller_id" uuid NOT NULL,
	"structure_id" text NOT NULL,
	"code_departement" text DEFAULT '' NOT NULL,
	"code_region" text DEFAULT '' NOT NULL,
	"date" date NOT NULL,
	"type" text NOT NULL,
	"duree" integer NOT NULL,
	"lieu_type" text NOT NULL,
	"lieu_id" text,
	"lieu_nom" text,
	"code_commune_lieu" text,
	"participants" integer DEFAULT 1 NOT NULL,
	"niveau" text,
	"titre" text,
	"materiels" text[] DEFAULT '{}'::text[] NOT NULL,
	"themes" text[] NOT NULL,
	"autonomie" text,
	"orientation" text DEFAULT 'aucune' NOT NULL,
	"orientation_precision" text,
	"france_services_id" text,
	"ages" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"situations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"code_commune_beneficiaire" text,
	"beneficiaire_id" uuid,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activites_beneficiaires" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conseiller_id" uuid NOT NULL,
	"structure_id" text NOT NULL,
	"prenom" text NOT NULL,
	"contact" text,
	"tranche_age" text DEFAULT 'nc' NOT NULL,
	"situation" text DEFAULT 'nc' NOT NULL,
	"code_commune" text,
	"consentement_le" timestamp with time zone NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"derniere_activite_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activites_stats_conseiller" (
	"mois" date NOT NULL,
	"conseiller_id" uuid NOT NULL,
	"structure_id" text NOT NULL,
	"code_departement" text NOT NULL,
	"code_region" text NOT NULL,
	"dimension" text NOT NULL,
	"valeur" text NOT NULL,
	"activites" integer DEFAULT 0 NOT NULL,
	"personnes" integer DEFAULT 0 NOT NULL,
	"minutes" bigint DEFAULT 0 NOT NULL,
	"beneficiaires" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "activites_stats_conseiller_conseiller_id_mois_structure_id_code_departement_code_region_dimension_valeur_pk" PRIMARY KEY("conseiller_id","mois","structure_id","code_departement","code_region","dimension","valeur")
);
--> statement-breakpoint
CREATE TABLE "activites_stats_territoire" (
	"mois" date NOT NULL,
	"code_departement" text NOT NULL,
	"code_region" text NOT NULL,
	"dimension" text NOT NULL,
	"valeur" text NOT NULL,
	"activites" integer DEFAULT 0 NOT NULL,
	"personnes" integer DEFAULT 0 NOT NULL,
	"minutes" bigint DEFAULT 0 NOT NULL,
	"beneficiaires" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "activites_stats_territoire_code_departement_mois_code_region_dimension_valeur_pk" PRIMARY KEY("code_departement","mois","code_region","dimension","valeur")
);
--> statement-breakpoint
ALTER TABLE "activites" ADD CONSTRAINT "activites_beneficiaire_id_activites_beneficiaires_id_fk" FOREIGN KEY ("beneficiaire_id") REFERENCES "public"."activites_beneficiaires"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activites_conseiller_date_idx" ON "activites" USING btree ("conseiller_id","date");--> statement-breakpoint
CREATE INDEX "activites_beneficiaire_idx" ON "activites" USING btree ("beneficiaire_id","date");--> statement-breakpoint
CREATE INDEX "activites_beneficiaires_conseiller_idx" ON "activites_beneficiaires" USING btree ("conseiller_id","prenom");--> statement-breakpoint
CREATE INDEX "activites_beneficiaires_retention_idx" ON "activites_beneficiaires" USING btree ("derniere_activite_le");--> statement-breakpoint
CREATE INDEX "activites_stats_conseiller_structure_idx" ON "activites_stats_conseiller" USING btree ("structure_id","mois");--> statement-breakpoint
CREATE INDEX "activites_stats_territoire_region_idx" ON "activites_stats_territoire" USING btree ("code_region","mois");--> statement-breakpoint
CREATE INDEX "activites_stats_territoire_mois_idx" ON "activites_stats_territoire" USING btree ("mois");