-- Custom SQL migration file, put your code below! ---- The Aidants Connect journal is append-only at the database level: no UPDATE, no DELETE, no TRUNCATE.
CREATE FUNCTION aidants_journal_refuser_modification() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'aidants_journal est en ajout seul (% refusé)', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER aidants_journal_ajout_seul BEFORE UPDATE OR DELETE ON aidants_journal
  FOR EACH ROW EXECUTE FUNCTION aidants_journal_refuser_modification();
--> statement-breakpoint
CREATE TRIGGER aidants_journal_sans_troncature BEFORE TRUNCATE ON aidants_journal
  FOR EACH STATEMENT EXECUTE FUNCTION aidants_journal_refuser_modification();
