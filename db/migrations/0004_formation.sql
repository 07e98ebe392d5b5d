CREATE TABLE "formation_inscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"parcours_id" uuid NOT NULL,
	"session_id" uuid,
	"compte_id" uuid NOT NULL,
	"prenom" text NOT NULL,
	"nom" text NOT NULL,
	"structure_id" text DEFAULT '' NOT NULL,
	"statut" text DEFAULT 'inscrit' NOT NULL,
	"termine_le" date,
	"certification" text,
	"certifie_le" date,
	"inscrit_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "formation_objectifs" (
	"code_parcours" text NOT NULL,
	"annee" integer NOT NULL,
	"cible" integer NOT NULL,
	CONSTRAINT "formation_objectifs_code_parcours_annee_pk" PRIMARY KEY("code_parcours","annee")
);
--> statement-breakpoint
CREATE TABLE "formation_parcours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"libelle" text NOT NULL,
	"duree_minutes" integer NOT NULL,
	"certification" text DEFAULT 'aucune' NOT NULL,
	"actif" integer DEFAULT 1 NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "formation_presences" (
	"inscription_id" uuid NOT NULL,
	"jour" date NOT NULL,
	"demi_journee" text NOT NULL,
	"minutes" integer NOT NULL,
	CONSTRAINT "formation_presences_inscription_id_jour_demi_journee_pk" PRIMARY KEY("inscription_id","jour","demi_journee")
);
--> statement-breakpoint
CREATE TABLE "formation_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"parcours_id" uuid NOT NULL,
	"libelle" text NOT NULL,
	"debut" date NOT NULL,
	"fin" date NOT NULL,
	"lieu" text NOT NULL,
	"code_departement" text NOT NULL,
	"organisme_id" text NOT NULL,
	"organisme_nom" text NOT NULL,
	"capacite" integer NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "formation_inscriptions" ADD CONSTRAINT "formation_inscriptions_parcours_id_formation_parcours_id_fk" FOREIGN KEY ("parcours_id") REFERENCES "public"."formation_parcours"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "formation_inscriptions" ADD CONSTRAINT "formation_inscriptions_session_id_formation_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."formation_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "formation_presences" ADD CONSTRAINT "formation_presences_inscription_id_formation_inscriptions_id_fk" FOREIGN KEY ("inscription_id") REFERENCES "public"."formation_inscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "formation_sessions" ADD CONSTRAINT "formation_sessions_parcours_id_formation_parcours_id_fk" FOREIGN KEY ("parcours_id") REFERENCES "public"."formation_parcours"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inscriptions_compte_parcours_uq" ON "formation_inscriptions" USING btree ("compte_id","parcours_id");--> statement-breakpoint
CREATE INDEX "inscriptions_session_idx" ON "formation_inscriptions" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "parcours_code_version_uq" ON "formation_parcours" USING btree ("code","version");--> statement-breakpoint
CREATE INDEX "sessions_organisme_idx" ON "formation_sessions" USING btree ("organisme_id");