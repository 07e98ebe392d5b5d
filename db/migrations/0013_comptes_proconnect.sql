ALTER TABLE "comptes" ADD COLUMN "proconnect_sub" text;--> statement-breakpoint
CREATE UNIQUE INDEX "comptes_proconnect_sub_uq" ON "comptes" USING btree ("proconnect_sub");