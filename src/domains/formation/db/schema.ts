import {
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'

/**
 * Training paths are versioned data: a new version (other hours, other certification) is a new row,
 * and enrolments keep the version they started with.
 */
export const parcours = pgTable(
  'formation_parcours',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    version: integer('version').notNull().default(1),
    libelle: text('libelle').notNull(),
    // Minutes rather than hours: Aidants Connect lasts a day and a half (630 minutes).
    dureeMinutes: integer('duree_minutes').notNull(),
    certification: text('certification', { enum: ['aucune', 'pix', 'titre', 'pix_ou_titre'] })
      .notNull()
      .default('aucune'),
    actif: integer('actif').notNull().default(1),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('parcours_code_version_uq').on(t.code, t.version)],
)

export const sessionsFormation = pgTable(
  'formation_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parcoursId: uuid('parcours_id')
      .notNull()
      .references(() => parcours.id),
    libelle: text('libelle').notNull(),
    debut: date('debut', { mode: 'string' }).notNull(),
    fin: date('fin', { mode: 'string' }).notNull(),
    lieu: text('lieu').notNull(),
    codeDepartement: text('code_departement').notNull(),
    // The training provider is a structure (scope of the `formateur` role).
    organismeId: text('organisme_id').notNull(),
    organismeNom: text('organisme_nom').notNull(),
    capacite: integer('capacite').notNull(),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sessions_organisme_idx').on(t.organismeId)],
)

export const inscriptions = pgTable(
  'formation_inscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parcoursId: uuid('parcours_id')
      .notNull()
      .references(() => parcours.id),
    sessionId: uuid('session_id').references(() => sessionsFormation.id),
    compteId: uuid('compte_id').notNull(),
    prenom: text('prenom').notNull(),
    nom: text('nom').notNull(),
    structureId: text('structure_id').notNull().default(''),
    statut: text('statut', { enum: ['inscrit', 'termine', 'abandon'] })
      .notNull()
      .default('inscrit'),
    termineLe: date('termine_le', { mode: 'string' }),
    certification: text('certification'),
    certifieLe: date('certifie_le', { mode: 'string' }),
    inscritLe: timestamp('inscrit_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('inscriptions_compte_parcours_uq').on(t.compteId, t.parcoursId),
    index('inscriptions_session_idx').on(t.sessionId),
  ],
)

/** Attendance by half-day: a row means the person was there. */
export const presences = pgTable(
  'formation_presences',
  {
    inscriptionId: uuid('inscription_id')
      .notNull()
      .references(() => inscriptions.id, { onDelete: 'cascade' }),
    jour: date('jour', { mode: 'string' }).notNull(),
    demiJournee: text('demi_journee', { enum: ['matin', 'apres_midi'] }).notNull(),
    minutes: integer('minutes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.inscriptionId, t.jour, t.demiJournee] })],
)

export const objectifs = pgTable(
  'formation_objectifs',
  {
    codeParcours: text('code_parcours').notNull(),
    annee: integer('annee').notNull(),
    cible: integer('cible').notNull(),
  },
  (t) => [primaryKey({ columns: [t.codeParcours, t.annee] })],
)
