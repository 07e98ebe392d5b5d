CREATE TABLE "recrutement_allocations" (
	"phase_id" uuid NOT NULL,
	"code_departement" text NOT NULL,
	"postes_max" integer NOT NULL,
	"postes_attribues" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "recrutement_allocations_phase_id_code_departement_pk" PRIMARY KEY("phase_id","code_departement")
);
--> statement-breakpoint
CREATE TABLE "recrutement_avenants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"convention_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"postes_avant" integer NOT NULL,
	"postes_apres" integer NOT NULL,
	"montant_avant" integer NOT NULL,
	"montant_apres" integer NOT NULL,
	"decision_id" uuid,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recrutement_avis_prefecture" (
	"structure_id" uuid PRIMARY KEY NOT NULL,
	"avis" text NOT NULL,
	"rang" integer NOT NULL,
	"commentaire" text NOT NULL,
	"postes_proposes" integer NOT NULL,
	"par_compte_id" uuid NOT NULL,
	"donne_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recrutement_candidatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"compte_id" uuid NOT NULL,
	"prenom" text NOT NULL,
	"nom" text NOT NULL,
	"email" text NOT NULL,
	"telephone" text NOT NULL,
	"code_commune" text NOT NULL,
	"nom_commune" text NOT NULL,
	"code_departement" text NOT NULL,
	"code_region" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"rayon_km" integer NOT NULL,
	"disponible_le" date NOT NULL,
	"situation" text NOT NULL,
	"diplomes" text DEFAULT '' NOT NULL,
	"diplome_mediation_numerique" boolean DEFAULT false NOT NULL,
	"experience_public" text DEFAULT '' NOT NULL,
	"niveau_pix" integer,
	"motivation" text NOT NULL,
	"coordonnees_visibles" boolean DEFAULT false NOT NULL,
	"statut" text DEFAULT 'email_a_confirmer' NOT NULL,
	"email_confirme_le" timestamp with time zone,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"maj_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recrutement_conventions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"numero" text NOT NULL,
	"structure_id" uuid NOT NULL,
	"phase_id" uuid NOT NULL,
	"postes" integer NOT NULL,
	"taux_euros" integer NOT NULL,
	"montant_euros" integer NOT NULL,
	"duree_mois" integer NOT NULL,
	"debut" date NOT NULL,
	"signee_le" timestamp with time zone,
	"signataire" text,
	"version" integer DEFAULT 1 NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recrutement_conventions_numero_unique" UNIQUE("numero")
);
--> statement-breakpoint
CREATE TABLE "recrutement_cv" (
	"candidature_id" uuid PRIMARY KEY NOT NULL,
	"nom_fichier" text NOT NULL,
	"contenu" "bytea" NOT NULL,
	"taille" integer NOT NULL,
	"depose_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recrutement_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"numero" text NOT NULL,
	"structure_id" uuid NOT NULL,
	"phase_id" uuid NOT NULL,
	"avis" text NOT NULL,
	"postes_accordes" integer NOT NULL,
	"categorie" text NOT NULL,
	"taux_euros" integer NOT NULL,
	"montant_euros" integer NOT NULL,
	"date_decision" date NOT NULL,
	"par_compte_id" uuid NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recrutement_decisions_numero_unique" UNIQUE("numero")
);
--> statement-breakpoint
CREATE TABLE "recrutement_mises_en_relation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"structure_id" uuid NOT NULL,
	"candidature_id" uuid NOT NULL,
	"statut" text NOT NULL,
	"note_entretien" text DEFAULT '' NOT NULL,
	"entretien_le" date,
	"type_contrat" text,
	"debut_contrat" date,
	"fin_contrat" date,
	"motif_fin" text,
	"fin_le" date,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"maj_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recrutement_phases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"libelle" text NOT NULL,
	"quota_postes" integer NOT NULL,
	"enveloppe_euros" integer NOT NULL,
	"duree_mois" integer DEFAULT 24 NOT NULL,
	"echeancier" jsonb DEFAULT '[60,40]'::jsonb NOT NULL,
	"postes_attribues" integer DEFAULT 0 NOT NULL,
	"montant_engage" integer DEFAULT 0 NOT NULL,
	"dernier_numero_decision" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recrutement_phases_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "recrutement_taux" (
	"phase_id" uuid NOT NULL,
	"categorie" text NOT NULL,
	"territoire" text DEFAULT '*' NOT NULL,
	"montant_euros" integer NOT NULL,
	CONSTRAINT "recrutement_taux_phase_id_categorie_territoire_pk" PRIMARY KEY("phase_id","categorie","territoire")
);
--> statement-breakpoint
CREATE TABLE "recrutement_vagues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phase_id" uuid NOT NULL,
	"libelle" text NOT NULL,
	"date_limite_avis" date NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recrutement_versements" (
	"convention_id" uuid NOT NULL,
	"rang" integer NOT NULL,
	"date_prevue" date NOT NULL,
	"montant_euros" integer NOT NULL,
	"paye_le" date,
	CONSTRAINT "recrutement_versements_convention_id_rang_pk" PRIMARY KEY("convention_id","rang")
);
--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "rna" text;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "adresse" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "longitude" double precision;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "contact_prenom" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "contact_nom" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "contact_fonction" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "contact_email" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "contact_telephone" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "projet" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "zone_intervention" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "qpv" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "zrr" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "lieux_proches" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "date_debut_souhaitee" date;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "statut" text DEFAULT 'deposee' NOT NULL;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "vague_id" uuid;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "postes_valides" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "maj_le" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "recrutement_allocations" ADD CONSTRAINT "recrutement_allocations_phase_id_recrutement_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."recrutement_phases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recrutement_avenants" ADD CONSTRAINT "recrutement_avenants_convention_id_recrutement_conventions_id_fk" FOREIGN KEY ("convention_id") REFERENCES "public"."recrutement_conventions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recrutement_avenants" ADD CONSTRAINT "recrutement_avenants_decision_id_recrutement_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."recrutement_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recrutement_avis_prefecture" ADD CONSTRAINT "recrutement_avis_prefecture_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recrutement_conventions" ADD CONSTRAINT "recrutement_conventions_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recrutement_conventions" ADD CONSTRAINT "recrutement_conventions_phase_id_recrutement_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."recrutement_phases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recrutement_cv" ADD CONSTRAINT "recrutement_cv_candidature_id_recrutement_candidatures_id_fk" FOREIGN KEY ("candidature_id") REFERENCES "public"."recrutement_candidatures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recrutement_decisions" ADD CONSTRAINT "recrutement_decisions_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recrutement_decisions" ADD CONSTRAINT "recrutement_decisions_phase_id_recrutement_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."recrutement_phases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recrutement_mises_en_relation" ADD CONSTRAINT "recrutement_mises_en_relation_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recrutement_mises_en_relation" ADD CONSTRAINT "recrutement_mises_en_relation_candidature_id_recrutement_candidatures_id_fk" FOREIGN KEY ("candidature_id") REFERENCES "public"."recrutement_candidatures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recrutement_taux" ADD CONSTRAINT "recrutement_taux_phase_id_recrutement_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."recrutement_phases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recrutement_vagues" ADD CONSTRAINT "recrutement_vagues_phase_id_recrutement_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."recrutement_phases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recrutement_versements" ADD CONSTRAINT "recrutement_versements_convention_id_recrutement_conventions_id_fk" FOREIGN KEY ("convention_id") REFERENCES "public"."recrutement_conventions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "candidatures_compte_uq" ON "recrutement_candidatures" USING btree ("compte_id");--> statement-breakpoint
CREATE INDEX "candidatures_statut_idx" ON "recrutement_candidatures" USING btree ("statut");--> statement-breakpoint
CREATE UNIQUE INDEX "conventions_structure_phase_uq" ON "recrutement_conventions" USING btree ("structure_id","phase_id");--> statement-breakpoint
CREATE INDEX "decisions_structure_idx" ON "recrutement_decisions" USING btree ("structure_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mer_structure_candidature_uq" ON "recrutement_mises_en_relation" USING btree ("structure_id","candidature_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mer_un_recrutement_uq" ON "recrutement_mises_en_relation" USING btree ("candidature_id") WHERE statut = 'recrutee';--> statement-breakpoint
CREATE INDEX "mer_structure_idx" ON "recrutement_mises_en_relation" USING btree ("structure_id","statut");--> statement-breakpoint
ALTER TABLE "structures" ADD CONSTRAINT "structures_vague_id_recrutement_vagues_id_fk" FOREIGN KEY ("vague_id") REFERENCES "public"."recrutement_vagues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "structures_statut_idx" ON "structures" USING btree ("statut");