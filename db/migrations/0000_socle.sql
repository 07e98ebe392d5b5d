CREATE TABLE "journal_admin" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"le" timestamp with time zone DEFAULT now() NOT NULL,
	"acteur_id" uuid,
	"action" text NOT NULL,
	"cible" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"canal" text NOT NULL,
	"destinataire" text NOT NULL,
	"sujet" text NOT NULL,
	"texte" text NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"envoye_le" timestamp with time zone,
	"tentatives" integer DEFAULT 0 NOT NULL,
	"derniere_erreur" text
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nom" text NOT NULL,
	"siret" text,
	"type" text NOT NULL,
	"code_commune" text NOT NULL,
	"code_departement" text NOT NULL,
	"code_region" text NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "codes_secours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"compte_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"utilise_le" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "comptes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"prenom" text NOT NULL,
	"nom" text NOT NULL,
	"mot_de_passe_hash" text,
	"totp_secret" text,
	"totp_actif_depuis" timestamp with time zone,
	"totp_dernier_pas" integer,
	"echecs_connexion" integer DEFAULT 0 NOT NULL,
	"bloque_jusqu_a" timestamp with time zone,
	"actif" boolean DEFAULT true NOT NULL,
	"invitation_en_attente" boolean DEFAULT false NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"derniere_connexion_le" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "jetons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"compte_id" uuid NOT NULL,
	"usage" text NOT NULL,
	"jeton_hash" text NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"expire_le" timestamp with time zone NOT NULL,
	"utilise_le" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "roles_comptes" (
	"compte_id" uuid NOT NULL,
	"role" text NOT NULL,
	"portee_type" text NOT NULL,
	"portee_code" text DEFAULT '' NOT NULL,
	"portee_libelle" text DEFAULT '' NOT NULL,
	CONSTRAINT "roles_comptes_compte_id_role_portee_type_portee_code_pk" PRIMARY KEY("compte_id","role","portee_type","portee_code")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jeton_hash" text NOT NULL,
	"compte_id" uuid NOT NULL,
	"niveau" text NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"vu_le" timestamp with time zone DEFAULT now() NOT NULL,
	"dernier_facteur_le" timestamp with time zone DEFAULT now() NOT NULL,
	"inactivite_minutes" integer NOT NULL,
	"navigateur" text DEFAULT '' NOT NULL,
	"revoquee_le" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "structures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nom" text NOT NULL,
	"siret" text,
	"type" text NOT NULL,
	"code_commune" text NOT NULL,
	"code_departement" text NOT NULL,
	"code_region" text NOT NULL,
	"postes_souhaites" integer DEFAULT 1 NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "codes_secours" ADD CONSTRAINT "codes_secours_compte_id_comptes_id_fk" FOREIGN KEY ("compte_id") REFERENCES "public"."comptes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jetons" ADD CONSTRAINT "jetons_compte_id_comptes_id_fk" FOREIGN KEY ("compte_id") REFERENCES "public"."comptes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roles_comptes" ADD CONSTRAINT "roles_comptes_compte_id_comptes_id_fk" FOREIGN KEY ("compte_id") REFERENCES "public"."comptes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_compte_id_comptes_id_fk" FOREIGN KEY ("compte_id") REFERENCES "public"."comptes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "journal_admin_le_idx" ON "journal_admin" USING btree ("le");--> statement-breakpoint
CREATE INDEX "outbox_messages_a_envoyer_idx" ON "outbox_messages" USING btree ("envoye_le","cree_le");--> statement-breakpoint
CREATE INDEX "organisations_departement_idx" ON "organisations" USING btree ("code_departement");--> statement-breakpoint
CREATE INDEX "codes_secours_compte_idx" ON "codes_secours" USING btree ("compte_id");--> statement-breakpoint
CREATE UNIQUE INDEX "comptes_email_uq" ON "comptes" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "jetons_hash_uq" ON "jetons" USING btree ("jeton_hash");--> statement-breakpoint
CREATE INDEX "jetons_compte_idx" ON "jetons" USING btree ("compte_id");--> statement-breakpoint
CREATE INDEX "roles_comptes_role_idx" ON "roles_comptes" USING btree ("role","portee_type","portee_code");--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_jeton_uq" ON "sessions" USING btree ("jeton_hash");--> statement-breakpoint
CREATE INDEX "sessions_compte_idx" ON "sessions" USING btree ("compte_id");--> statement-breakpoint
CREATE INDEX "structures_departement_idx" ON "structures" USING btree ("code_departement");