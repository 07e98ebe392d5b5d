import { sql } from 'drizzle-orm'
import {
  boolean,
  date,
  index,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'

/**
 * A call-back request. The phone number is kept encrypted (`telephone_chiffre`) and found through its
 * keyed fingerprint (`telephone_empreinte`); both, and the first name, are erased a fixed time after
 * the request is closed (`efface_le`), leaving only what the figures need.
 */
export const demandes = pgTable(
  'solidarite_demandes',
  {
    id: uuid('id').primaryKey(),
    /** What the person reads and says on the phone: `R-7KQ2-M4`. */
    reference: text('reference').notNull(),
    telephoneChiffre: text('telephone_chiffre'),
    telephoneEmpreinte: text('telephone_empreinte'),
    /** Territory of the number (metropole, reunion…) and the person's time zone. */
    territoire: text('territoire').notNull(),
    fuseau: text('fuseau').notNull(),
    prenom: text('prenom'),
    besoin: text('besoin').notNull(),
    domaineDemarche: text('domaine_demarche'),
    dateLimiteDemarche: date('date_limite_demarche', { mode: 'string' }),
    arnaqueEnCours: boolean('arnaque_en_cours').notNull().default(false),
    isolement: boolean('isolement').notNull().default(false),
    /** Hearing: answer by SMS rather than by voice. */
    reponseParSms: boolean('reponse_par_sms').notNull().default(false),
    langue: text('langue').notNull().default('fr'),
    /** Région code (INSEE) when known: from the commune given, or the overseas number. */
    region: text('region'),
    departement: text('departement'),
    creneauId: text('creneau_id'),
    creneauDebut: timestamp('creneau_debut', { withTimezone: true }),
    creneauFin: timestamp('creneau_fin', { withTimezone: true }),
    /** Deadline of the first attempt. */
    echeance: timestamp('echeance', { withTimezone: true }).notNull(),
    classe: smallint('classe').notNull(),
    statut: text('statut', { enum: ['en-attente', 'prise', 'close'] })
      .notNull()
      .default('en-attente'),
    mediateurId: text('mediateur_id'),
    mediateurPrecedent: text('mediateur_precedent'),
    pasAvant: timestamp('pas_avant', { withTimezone: true }),
    tentatives: smallint('tentatives').notNull().default(0),
    /** How many times the form was sent for this open request (merged): bounded per number. */
    depots: smallint('depots').notNull().default(1),
    /** How it ended: resolu, oriente-lieu, france-services, aidants-connect, diagnostic, injoignable… */
    issue: text('issue'),
    /** A professional who filed it for someone else (account id). */
    deposeePar: text('deposee_par'),
    /** SHA-256 of the cancellation link's token. */
    jetonAnnulation: text('jeton_annulation').notNull(),
    deposeeLe: timestamp('deposee_le', { withTimezone: true }).notNull(),
    premierAppelLe: timestamp('premier_appel_le', { withTimezone: true }),
    closeLe: timestamp('close_le', { withTimezone: true }),
    effaceLe: timestamp('efface_le', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('solidarite_demandes_reference_uq').on(t.reference),
    // One open request per number: a second one is merged into it (see `deposer`).
    uniqueIndex('solidarite_demandes_ouverte_uq').on(t.telephoneEmpreinte).where(sql`${t.statut} <> 'close'`),
    index('solidarite_demandes_file_idx').on(t.statut, t.classe, t.echeance),
    index('solidarite_demandes_close_idx').on(t.closeLe),
  ],
)

/** Each call attempt, with its outcome: the history a supervisor and the figures read. */
export const tentatives = pgTable(
  'solidarite_tentatives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    demandeId: uuid('demande_id')
      .notNull()
      .references(() => demandes.id, { onDelete: 'cascade' }),
    mediateurId: text('mediateur_id').notNull(),
    issue: text('issue').notNull(),
    faiteLe: timestamp('faite_le', { withTimezone: true }).notNull(),
  },
  (t) => [index('solidarite_tentatives_demande_idx').on(t.demandeId)],
)
