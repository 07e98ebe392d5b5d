import {
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import type { Probleme } from '../domain/lieu'

/**
 * Places of digital mediation, one row per place, every field of the standard v1.0.2. Lists are
 * text arrays holding the standard's exact labels. A place is identified across imports by its
 * producer's `id` together with its `source` (two producers may both use « 1 »).
 */
export const lieux = pgTable(
  'lieux',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    idSource: text('id_source').notNull(),
    source: text('source').notNull().default(''),
    pivot: text('pivot').notNull(),
    nom: text('nom').notNull(),
    commune: text('commune').notNull(),
    codePostal: text('code_postal').notNull(),
    codeInsee: text('code_insee'),
    adresse: text('adresse').notNull(),
    complementAdresse: text('complement_adresse'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    origineCoordonnees: text('origine_coordonnees').notNull(),
    /** What the address base found (`numero`, `voie`, `lieu-dit`, `commune`) and its score, when geocoded. */
    precisionGeocodage: text('precision_geocodage'),
    scoreGeocodage: doublePrecision('score_geocodage'),
    typologie: text('typologie').array().notNull().default([]),
    telephone: text('telephone'),
    courriels: text('courriels').array().notNull().default([]),
    siteWeb: text('site_web').array().notNull().default([]),
    horaires: text('horaires'),
    // false = kept as imported but not understood: shown as « horaires non reconnus », never as open.
    horairesReconnus: boolean('horaires_reconnus').notNull().default(true),
    presentationResume: text('presentation_resume'),
    presentationDetail: text('presentation_detail'),
    itinerance: text('itinerance').array().notNull().default([]),
    structureParente: text('structure_parente'),
    dateMaj: date('date_maj', { mode: 'string' }).notNull(),
    services: text('services').array().notNull().default([]),
    publicsSpecifiquementAdresses: text('publics_specifiquement_adresses').array().notNull().default([]),
    priseEnChargeSpecifique: text('prise_en_charge_specifique').array().notNull().default([]),
    fraisACharge: text('frais_a_charge').array().notNull().default([]),
    dispositifProgrammesNationaux: text('dispositif_programmes_nationaux').array().notNull().default([]),
    formationsLabels: text('formations_labels').array().notNull().default([]),
    autresFormationsLabels: text('autres_formations_labels').array().notNull().default([]),
    modalitesAcces: text('modalites_acces').array().notNull().default([]),
    modalitesAccompagnement: text('modalites_accompagnement').array().notNull().default([]),
    ficheAccesLibre: text('fiche_acces_libre'),
    priseRdv: text('prise_rdv'),
    /** Escale structure whose managers may edit the place. */
    structureId: text('structure_id'),
    problemes: jsonb('problemes').$type<Probleme[]>().notNull().default([]),
    /** The row as it was in the last imported file, for support and re-processing. */
    ligneBrute: jsonb('ligne_brute').$type<Record<string, unknown>>(),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
    modifieLe: timestamp('modifie_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('lieux_source_id_uq').on(t.source, t.idSource),
    index('lieux_structure_idx').on(t.structureId),
    index('lieux_modifie_le_idx').on(t.modifieLe),
    index('lieux_code_postal_idx').on(t.codePostal),
  ],
)

/** Every change to a place, field by field: who, when, how (import, form), before → after. */
export const lieuxHistorique = pgTable(
  'lieux_historique',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    lieuId: uuid('lieu_id')
      .notNull()
      .references(() => lieux.id, { onDelete: 'cascade' }),
    le: timestamp('le', { withTimezone: true }).notNull().defaultNow(),
    acteurId: uuid('acteur_id'),
    origine: text('origine').notNull(),
    changements: jsonb('changements').$type<Record<string, { avant: unknown; apres: unknown }>>().notNull(),
  },
  (t) => [index('lieux_historique_lieu_idx').on(t.lieuId, t.le)],
)

/**
 * Accessibility summaries read from Acceslibre, by the Acceslibre identifier of the place's record:
 * a page view reads the cache, the connector is asked again once the summary is older than a week.
 * `resume` is null when Acceslibre knows no such record.
 */
export const lieuxAcceslibre = pgTable('lieux_acceslibre', {
  identifiant: text('identifiant').primaryKey(),
  resume: jsonb('resume').$type<Record<string, unknown>>(),
  luLe: timestamp('lu_le', { withTimezone: true }).notNull().defaultNow(),
})

/** Import runs and their per-row report (shown again from the back-office). */
export const lieuxImports = pgTable('lieux_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  le: timestamp('le', { withTimezone: true }).notNull().defaultNow(),
  acteurId: uuid('acteur_id'),
  fichier: text('fichier').notNull(),
  format: text('format').notNull(),
  lignes: integer('lignes').notNull(),
  crees: integer('crees').notNull(),
  misAJour: integer('mis_a_jour').notNull(),
  inchanges: integer('inchanges').notNull(),
  rejetes: integer('rejetes').notNull(),
  rapport: jsonb('rapport').$type<unknown>().notNull(),
})
