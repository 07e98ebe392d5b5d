import { sql } from 'drizzle-orm'
import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'

/**
 * Pseudonymous follow-up files (fiches de suivi), created only with the person's consent. No
 * surname, no birth date: a first name or nickname, an optional contact, and coarse categories.
 */
export const beneficiaires = pgTable(
  'activites_beneficiaires',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conseillerId: uuid('conseiller_id').notNull(),
    structureId: text('structure_id').notNull(),
    prenom: text('prenom').notNull(),
    contact: text('contact'),
    trancheAge: text('tranche_age').notNull().default('nc'),
    situation: text('situation').notNull().default('nc'),
    codeCommune: text('code_commune'),
    consentementLe: timestamp('consentement_le', { withTimezone: true }).notNull(),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
    // Drives the retention purge: files without activity for 24 months are erased.
    derniereActiviteLe: timestamp('derniere_activite_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('activites_beneficiaires_conseiller_idx').on(t.conseillerId, t.prenom),
    index('activites_beneficiaires_retention_idx').on(t.derniereActiviteLe),
  ],
)

/** Activity reports. The id comes from the client, so a retried offline sync is a no-op. */
export const activites = pgTable(
  'activites',
  {
    id: uuid('id').primaryKey(),
    conseillerId: uuid('conseiller_id').notNull(),
    structureId: text('structure_id').notNull(),
    // Copied from the structure at write time: figures stay where the work was done.
    codeDepartement: text('code_departement').notNull().default(''),
    codeRegion: text('code_region').notNull().default(''),
    date: date('date', { mode: 'string' }).notNull(),
    type: text('type').notNull(),
    duree: integer('duree').notNull(),
    lieuType: text('lieu_type').notNull(),
    lieuId: text('lieu_id'),
    lieuNom: text('lieu_nom'),
    codeCommuneLieu: text('code_commune_lieu'),
    participants: integer('participants').notNull().default(1),
    niveau: text('niveau'),
    titre: text('titre'),
    materiels: text('materiels').array().notNull().default(sql`'{}'::text[]`),
    themes: text('themes').array().notNull(),
    autonomie: text('autonomie'),
    orientation: text('orientation').notNull().default('aucune'),
    orientationPrecision: text('orientation_precision'),
    franceServicesId: text('france_services_id'),
    ages: jsonb('ages').$type<Record<string, number>>().notNull().default({}),
    situations: jsonb('situations').$type<Record<string, number>>().notNull().default({}),
    codeCommuneBeneficiaire: text('code_commune_beneficiaire'),
    beneficiaireId: uuid('beneficiaire_id').references(() => beneficiaires.id),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
    modifieLe: timestamp('modifie_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('activites_conseiller_date_idx').on(t.conseillerId, t.date),
    index('activites_beneficiaire_idx').on(t.beneficiaireId, t.date),
  ],
)

const mesures = {
  activites: integer('activites').notNull().default(0),
  personnes: integer('personnes').notNull().default(0),
  minutes: bigint('minutes', { mode: 'number' }).notNull().default(0),
  beneficiaires: integer('beneficiaires').notNull().default(0),
}

/** Counters by month × conseiller × structure (read by the conseiller and structure pages). */
export const statsConseiller = pgTable(
  'activites_stats_conseiller',
  {
    mois: date('mois', { mode: 'string' }).notNull(),
    conseillerId: uuid('conseiller_id').notNull(),
    structureId: text('structure_id').notNull(),
    codeDepartement: text('code_departement').notNull(),
    codeRegion: text('code_region').notNull(),
    dimension: text('dimension').notNull(),
    valeur: text('valeur').notNull(),
    ...mesures,
  },
  (t) => [
    primaryKey({
      columns: [
        t.conseillerId,
        t.mois,
        t.structureId,
        t.codeDepartement,
        t.codeRegion,
        t.dimension,
        t.valeur,
      ],
    }),
    index('activites_stats_conseiller_structure_idx').on(t.structureId, t.mois),
  ],
)

/**
 * The same counters summed over conseillers, by month × département (read by the département,
 * région and national pages: at national scale ~100 départements × 12 months × ~70 values a year).
 */
export const statsTerritoire = pgTable(
  'activites_stats_territoire',
  {
    mois: date('mois', { mode: 'string' }).notNull(),
    codeDepartement: text('code_departement').notNull(),
    codeRegion: text('code_region').notNull(),
    dimension: text('dimension').notNull(),
    valeur: text('valeur').notNull(),
    ...mesures,
  },
  (t) => [
    primaryKey({ columns: [t.codeDepartement, t.mois, t.codeRegion, t.dimension, t.valeur] }),
    index('activites_stats_territoire_region_idx').on(t.codeRegion, t.mois),
    index('activites_stats_territoire_mois_idx').on(t.mois),
  ],
)
