import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'

/**
 * Pseudonymous beneficiary record: a reference chosen by the conseiller (never a name is asked)
 * inside one structure. The activities domain will own beneficiary files later and link them by
 * this id (see README, "Dossier bénéficiaire").
 */
export const diagnosticBeneficiaires = pgTable(
  'diagnostic_beneficiaires',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    structureCode: text('structure_code').notNull(),
    reference: text('reference').notNull(),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
    // Retention R3 counts from here.
    dernierDiagnosticLe: timestamp('dernier_diagnostic_le', { withTimezone: true }).notNull().defaultNow(),
    // The follow-up file (fiche de suivi) of the activities domain this record is attached to, chosen
    // by the conseiller. No foreign key: that table belongs to another domain.
    ficheSuiviId: uuid('fiche_suivi_id'),
  },
  (t) => [
    uniqueIndex('diagnostic_beneficiaires_reference_uq').on(t.structureCode, t.reference),
    index('diagnostic_beneficiaires_dernier_idx').on(t.dernierDiagnosticLe),
    index('diagnostic_beneficiaires_fiche_idx').on(t.ficheSuiviId),
  ],
)

/** A session code handed out by a conseiller; several people may join it (a workshop). */
export const diagnosticSessions = pgTable(
  'diagnostic_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    structureCode: text('structure_code').notNull(),
    // Account id of the conseiller, as text: accounts belong to another domain (no cross-domain key).
    creePar: text('cree_par').notNull(),
    libelle: text('libelle').notNull().default(''),
    // A re-test for a known beneficiary: results kept with consent go to this record.
    beneficiaireId: uuid('beneficiaire_id').references(() => diagnosticBeneficiaires.id, {
      onDelete: 'set null',
    }),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
    expireLe: timestamp('expire_le', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('diagnostic_sessions_code_uq').on(t.code),
    index('diagnostic_sessions_structure_idx').on(t.structureCode, t.creeLe),
  ],
)

/** One person taking the diagnostic, alone or with a conseiller. */
export const diagnosticPassations = pgTable(
  'diagnostic_passations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // sha-256 of the cookie value: the database alone cannot resume someone's diagnostic.
    jetonHash: text('jeton_hash').notNull(),
    // sha-256 of the result link sent by e-mail or SMS, when the person asked for it.
    lienHash: text('lien_hash'),
    sessionId: uuid('session_id').references(() => diagnosticSessions.id, { onDelete: 'set null' }),
    // Copied from the session so that scoping survives the deletion of the code (R2).
    structureCode: text('structure_code'),
    mode: text('mode', { enum: ['autonome', 'accompagne'] })
      .notNull()
      .default('autonome'),
    commenceLe: timestamp('commence_le', { withTimezone: true }).notNull().defaultNow(),
    derniereActiviteLe: timestamp('derniere_activite_le', { withTimezone: true }).notNull().defaultNow(),
    termineLe: timestamp('termine_le', { withTimezone: true }),
    fin: text('fin', { enum: ['tout_positionne', 'abandons'] }),
    itemCourant: text('item_courant'),
    itemAfficheLe: timestamp('item_affiche_le', { withTimezone: true }),
    essais: integer('essais').notNull().default(0),
    lienVisite: boolean('lien_visite').notNull().default(false),
    consentementLe: timestamp('consentement_le', { withTimezone: true }),
    beneficiaireId: uuid('beneficiaire_id').references(() => diagnosticBeneficiaires.id, {
      onDelete: 'cascade',
    }),
  },
  (t) => [
    uniqueIndex('diagnostic_passations_jeton_uq').on(t.jetonHash),
    index('diagnostic_passations_session_idx').on(t.sessionId),
    index('diagnostic_passations_beneficiaire_idx').on(t.beneficiaireId),
    index('diagnostic_passations_activite_idx').on(t.derniereActiviteLe),
  ],
)

/**
 * One answer. Measures are numbers only (times, counts, speeds): what was typed is never stored.
 * The primary key is also the engine's "never asked twice" rule, enforced by the database.
 */
export const diagnosticReponses = pgTable(
  'diagnostic_reponses',
  {
    passationId: uuid('passation_id')
      .notNull()
      .references(() => diagnosticPassations.id, { onDelete: 'cascade' }),
    item: text('item').notNull(),
    ordre: integer('ordre').notNull(),
    resultat: text('resultat', { enum: ['reussi', 'echoue', 'passe'] }).notNull(),
    source: text('source', { enum: ['personne', 'conseiller'] })
      .notNull()
      .default('personne'),
    // Choice ids of a profile question ("smartphone,ordinateur"); never free text.
    valeur: text('valeur'),
    dureeMs: integer('duree_ms').notNull().default(0),
    essais: integer('essais').notNull().default(1),
    mesures: jsonb('mesures').$type<Record<string, number>>().notNull().default({}),
    reponduLe: timestamp('repondu_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.passationId, t.item] })],
)
