CREATE TABLE "aidants_autorisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mandat_id" uuid NOT NULL,
	"demarche" text NOT NULL,
	"revoquee_le" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "aidants_brouillons_mandat" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"aidant_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"usager_id" uuid NOT NULL,
	"demarches" text[] NOT NULL,
	"duree" text NOT NULL,
	"renouvellement_de" uuid,
	"expire_le" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aidants_clients_partenaires" (
	"client_id" text PRIMARY KEY NOT NULL,
	"nom" text NOT NULL,
	"secret" text NOT NULL,
	"redirect_uris" text[] NOT NULL,
	"post_logout_redirect_uris" text[] NOT NULL,
	"actif" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aidants_connexions_fc" (
	"state" text PRIMARY KEY NOT NULL,
	"nonce" text NOT NULL,
	"verifier" text NOT NULL,
	"usage" text NOT NULL,
	"aidant_id" uuid,
	"organisation_id" uuid,
	"projet" jsonb,
	"expire_le" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aidants_demandes_habilitation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jeton_hash" text NOT NULL,
	"statut" text NOT NULL,
	"email_demandeur" text NOT NULL,
	"email_verifie_le" timestamp with time zone,
	"nom_demandeur" text NOT NULL,
	"donnees" jsonb NOT NULL,
	"code_region" text,
	"organisation_id" uuid,
	"cree_le" timestamp with time zone NOT NULL,
	"deposee_le" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "aidants_dispositifs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"numero_serie" text,
	"secret" text NOT NULL,
	"compte_id" uuid,
	"organisation_id" uuid,
	"confirme_le" timestamp with time zone,
	"retire_le" timestamp with time zone,
	"motif_retrait" text
);
--> statement-breakpoint
CREATE TABLE "aidants_etats" (
	"compte_id" uuid PRIMARY KEY NOT NULL,
	"organisation_courante" uuid,
	"derniere_activite_le" timestamp with time zone,
	"totp_dernier_pas" bigint,
	"averti_inactivite_le" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "aidants_habilitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"email" text NOT NULL,
	"prenom" text NOT NULL,
	"nom" text NOT NULL,
	"profession" text NOT NULL,
	"statut" text NOT NULL,
	"compte_id" uuid,
	"formation_enregistree_le" timestamp with time zone,
	"retire_le" timestamp with time zone,
	"motif_retrait" text,
	"cree_le" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aidants_journal" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"le" timestamp (3) with time zone NOT NULL,
	"action" text NOT NULL,
	"aidant_id" uuid,
	"organisation_id" uuid,
	"usager_id" uuid,
	"mandat_id" uuid,
	"autorisation_id" uuid,
	"demarche" text,
	"details" jsonb NOT NULL,
	"hash_precedent" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aidants_mandats" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"usager_id" uuid NOT NULL,
	"cree_par_id" uuid NOT NULL,
	"cree_le" timestamp with time zone NOT NULL,
	"expire_le" timestamp with time zone NOT NULL,
	"duree" text NOT NULL,
	"version_texte" text NOT NULL,
	"consentement" text NOT NULL,
	"hash_attestation" text NOT NULL,
	"revoque_le" timestamp with time zone,
	"hash_revocation" text,
	"rappel_expiration_le" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "aidants_messages_demande" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"demande_id" uuid NOT NULL,
	"auteur" text NOT NULL,
	"texte" text NOT NULL,
	"le" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aidants_oidc" (
	"fournisseur" text NOT NULL,
	"modele" text NOT NULL,
	"id_hash" text NOT NULL,
	"payload" jsonb NOT NULL,
	"grant_id" text,
	"user_code" text,
	"uid" text,
	"expire_le" timestamp with time zone,
	"consomme_le" timestamp with time zone,
	CONSTRAINT "aidants_oidc_fournisseur_modele_id_hash_pk" PRIMARY KEY("fournisseur","modele","id_hash")
);
--> statement-breakpoint
CREATE TABLE "aidants_regions_ouvertes" (
	"code_region" text PRIMARY KEY NOT NULL,
	"vague" text NOT NULL,
	"ouverte_le" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aidants_sessions_usager" (
	"jeton_hash" text PRIMARY KEY NOT NULL,
	"usager_id" uuid NOT NULL,
	"expire_le" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aidants_usagers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sub_hash" text NOT NULL,
	"prenoms" text NOT NULL,
	"nom" text NOT NULL,
	"date_naissance" text NOT NULL,
	"genre" text NOT NULL,
	"lieu_naissance" text NOT NULL,
	"pays_naissance" text NOT NULL,
	"email" text,
	"telephone" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"pseudonymise_le" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "adresse" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "numero_france_services" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "demarches_autorisees" text[] DEFAULT array['papiers','famille','social','travail','logement','transports','argent','justice','etranger','loisirs']::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "aidants_autorisations" ADD CONSTRAINT "aidants_autorisations_mandat_id_aidants_mandats_id_fk" FOREIGN KEY ("mandat_id") REFERENCES "public"."aidants_mandats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aidants_habilitations" ADD CONSTRAINT "aidants_habilitations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aidants_mandats" ADD CONSTRAINT "aidants_mandats_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aidants_mandats" ADD CONSTRAINT "aidants_mandats_usager_id_aidants_usagers_id_fk" FOREIGN KEY ("usager_id") REFERENCES "public"."aidants_usagers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aidants_messages_demande" ADD CONSTRAINT "aidants_messages_demande_demande_id_aidants_demandes_habilitation_id_fk" FOREIGN KEY ("demande_id") REFERENCES "public"."aidants_demandes_habilitation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "aidants_autorisations_mandat_idx" ON "aidants_autorisations" USING btree ("mandat_id");--> statement-breakpoint
CREATE UNIQUE INDEX "aidants_demandes_jeton_uq" ON "aidants_demandes_habilitation" USING btree ("jeton_hash");--> statement-breakpoint
CREATE INDEX "aidants_demandes_statut_idx" ON "aidants_demandes_habilitation" USING btree ("statut");--> statement-breakpoint
CREATE UNIQUE INDEX "aidants_dispositifs_serie_uq" ON "aidants_dispositifs" USING btree ("numero_serie");--> statement-breakpoint
CREATE UNIQUE INDEX "aidants_habilitations_uq" ON "aidants_habilitations" USING btree ("organisation_id","email");--> statement-breakpoint
CREATE INDEX "aidants_journal_usager_idx" ON "aidants_journal" USING btree ("usager_id","id");--> statement-breakpoint
CREATE INDEX "aidants_journal_org_idx" ON "aidants_journal" USING btree ("organisation_id","id");--> statement-breakpoint
CREATE INDEX "aidants_journal_action_idx" ON "aidants_journal" USING btree ("action","le");--> statement-breakpoint
CREATE INDEX "aidants_mandats_org_idx" ON "aidants_mandats" USING btree ("organisation_id","expire_le");--> statement-breakpoint
CREATE INDEX "aidants_mandats_usager_idx" ON "aidants_mandats" USING btree ("usager_id");--> statement-breakpoint
CREATE UNIQUE INDEX "aidants_mandats_attestation_uq" ON "aidants_mandats" USING btree ("hash_attestation");--> statement-breakpoint
CREATE INDEX "aidants_oidc_grant_idx" ON "aidants_oidc" USING btree ("fournisseur","grant_id");--> statement-breakpoint
CREATE INDEX "aidants_oidc_uid_idx" ON "aidants_oidc" USING btree ("fournisseur","uid");--> statement-breakpoint
CREATE INDEX "aidants_oidc_expire_idx" ON "aidants_oidc" USING btree ("expire_le");--> statement-breakpoint
CREATE UNIQUE INDEX "aidants_usagers_sub_uq" ON "aidants_usagers" USING btree ("sub_hash");