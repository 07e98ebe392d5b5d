import { sql } from 'drizzle-orm'
import {
  boolean,
  customType,
  date,
  doublePrecision,
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

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
})

/**
 * Programme phases: quota, envelope and default contract length are data, so that a new phase
 * (renewal, other scales) is added by an admin without touching the conventions of past phases.
 * `postesAttribues` and `montantEngage` are the running totals checked under a row lock.
 */
export const phases = pgTable('recrutement_phases', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  libelle: text('libelle').notNull(),
  quotaPostes: integer('quota_postes').notNull(),
  enveloppeEuros: integer('enveloppe_euros').notNull(),
  dureeMois: integer('duree_mois').notNull().default(24),
  // Share of the grant paid each year, in per cent (e.g. [60, 40]): the payment schedule of a convention.
  echeancier: jsonb('echeancier').$type<number[]>().notNull().default([60, 40]),
  postesAttribues: integer('postes_attribues').notNull().default(0),
  montantEngage: integer('montant_engage').notNull().default(0),
  dernierNumeroDecision: integer('dernier_numero_decision').notNull().default(0),
  active: boolean('active').notNull().default(true),
  creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
})

/** Grant per post by kind of body and territory ('*' = every département without a specific rate). */
export const tauxPhase = pgTable(
  'recrutement_taux',
  {
    phaseId: uuid('phase_id')
      .notNull()
      .references(() => phases.id, { onDelete: 'cascade' }),
    categorie: text('categorie', { enum: ['public', 'prive'] }).notNull(),
    territoire: text('territoire').notNull().default('*'),
    montantEuros: integer('montant_euros').notNull(),
  },
  (t) => [primaryKey({ columns: [t.phaseId, t.categorie, t.territoire] })],
)

/** Optional ceiling of posts per département and phase, with its running total. */
export const allocations = pgTable(
  'recrutement_allocations',
  {
    phaseId: uuid('phase_id')
      .notNull()
      .references(() => phases.id, { onDelete: 'cascade' }),
    codeDepartement: text('code_departement').notNull(),
    postesMax: integer('postes_max').notNull(),
    postesAttribues: integer('postes_attribues').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.phaseId, t.codeDepartement] })],
)

/** A wave of the AMI: applications received until the prefectures' deadline. */
export const vagues = pgTable('recrutement_vagues', {
  id: uuid('id').primaryKey().defaultRandom(),
  phaseId: uuid('phase_id')
    .notNull()
    .references(() => phases.id),
  libelle: text('libelle').notNull(),
  dateLimiteAvis: date('date_limite_avis', { mode: 'string' }).notNull(),
  creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
})

/** Host structures (structures d'accueil) and their AMI application. */
export const structures = pgTable(
  'structures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nom: text('nom').notNull(),
    siret: text('siret'),
    rna: text('rna'),
    /**
     * Company register check of the SIRET (issue 19): `verifiee`; `a_verifier` when the register did not
     * answer (a daily task asks again); `refusee` when that later answer says closed or unknown; null
     * without SIRET (RNA only).
     */
    verificationRegistre: text('verification_registre', { enum: ['verifiee', 'a_verifier', 'refusee'] }),
    /** INSEE legal category the register gives (4 digits), and the public/private it decides. */
    categorieJuridique: text('categorie_juridique'),
    categorieRegistre: text('categorie_registre', { enum: ['public', 'prive'] }),
    registreVerifieLe: timestamp('registre_verifie_le', { withTimezone: true }),
    type: text('type').notNull(),
    adresse: text('adresse').notNull().default(''),
    codeCommune: text('code_commune').notNull(),
    codeDepartement: text('code_departement').notNull(),
    codeRegion: text('code_region').notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    postesSouhaites: integer('postes_souhaites').notNull().default(1),
    contactPrenom: text('contact_prenom').notNull().default(''),
    contactNom: text('contact_nom').notNull().default(''),
    contactFonction: text('contact_fonction').notNull().default(''),
    contactEmail: text('contact_email').notNull().default(''),
    contactTelephone: text('contact_telephone').notNull().default(''),
    projet: text('projet').notNull().default(''),
    zoneIntervention: text('zone_intervention').notNull().default(''),
    qpv: boolean('qpv').notNull().default(false),
    zrr: boolean('zrr').notNull().default(false),
    lieuxProches: text('lieux_proches').notNull().default(''),
    dateDebutSouhaitee: date('date_debut_souhaitee', { mode: 'string' }),
    statut: text('statut').notNull().default('deposee'),
    vagueId: uuid('vague_id').references(() => vagues.id),
    postesValides: integer('postes_valides').notNull().default(0),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
    majLe: timestamp('maj_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('structures_departement_idx').on(t.codeDepartement),
    index('structures_statut_idx').on(t.statut),
  ],
)

/** The prefecture's opinion on a structure (the latest one counts; history goes to the journal). */
export const avisPrefecture = pgTable('recrutement_avis_prefecture', {
  structureId: uuid('structure_id')
    .primaryKey()
    .references(() => structures.id, { onDelete: 'cascade' }),
  avis: text('avis', { enum: ['favorable', 'defavorable', 'a_completer'] }).notNull(),
  rang: integer('rang').notNull(),
  commentaire: text('commentaire').notNull(),
  postesProposes: integer('postes_proposes').notNull(),
  parCompteId: uuid('par_compte_id').notNull(),
  donneLe: timestamp('donne_le', { withTimezone: true }).notNull().defaultNow(),
})

/** National committee decisions; the rate applied is copied so that later rate changes never alter them. */
export const decisions = pgTable(
  'recrutement_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    numero: text('numero').notNull().unique(),
    structureId: uuid('structure_id')
      .notNull()
      .references(() => structures.id),
    phaseId: uuid('phase_id')
      .notNull()
      .references(() => phases.id),
    avis: text('avis', { enum: ['validee', 'refusee', 'examen_complementaire'] }).notNull(),
    postesAccordes: integer('postes_accordes').notNull(),
    categorie: text('categorie', { enum: ['public', 'prive'] }).notNull(),
    tauxEuros: integer('taux_euros').notNull(),
    montantEuros: integer('montant_euros').notNull(),
    dateDecision: date('date_decision', { mode: 'string' }).notNull(),
    parCompteId: uuid('par_compte_id').notNull(),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('decisions_structure_idx').on(t.structureId)],
)

/** One convention per validated structure and phase; amendments change its posts and amount. */
export const conventions = pgTable(
  'recrutement_conventions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    numero: text('numero').notNull().unique(),
    structureId: uuid('structure_id')
      .notNull()
      .references(() => structures.id),
    phaseId: uuid('phase_id')
      .notNull()
      .references(() => phases.id),
    postes: integer('postes').notNull(),
    tauxEuros: integer('taux_euros').notNull(),
    montantEuros: integer('montant_euros').notNull(),
    dureeMois: integer('duree_mois').notNull(),
    debut: date('debut', { mode: 'string' }).notNull(),
    signeeLe: timestamp('signee_le', { withTimezone: true }),
    signataire: text('signataire'),
    version: integer('version').notNull().default(1),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('conventions_structure_phase_uq').on(t.structureId, t.phaseId)],
)

export const avenants = pgTable('recrutement_avenants', {
  id: uuid('id').primaryKey().defaultRandom(),
  conventionId: uuid('convention_id')
    .notNull()
    .references(() => conventions.id, { onDelete: 'cascade' }),
  version: integer('version').notNull(),
  postesAvant: integer('postes_avant').notNull(),
  postesApres: integer('postes_apres').notNull(),
  montantAvant: integer('montant_avant').notNull(),
  montantApres: integer('montant_apres').notNull(),
  decisionId: uuid('decision_id').references(() => decisions.id),
  creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
})

export const versements = pgTable(
  'recrutement_versements',
  {
    conventionId: uuid('convention_id')
      .notNull()
      .references(() => conventions.id, { onDelete: 'cascade' }),
    rang: integer('rang').notNull(),
    datePrevue: date('date_prevue', { mode: 'string' }).notNull(),
    montantEuros: integer('montant_euros').notNull(),
    payeLe: date('paye_le', { mode: 'string' }),
  },
  (t) => [primaryKey({ columns: [t.conventionId, t.rang] })],
)

/** Applications of future conseillers. One per account. */
export const candidatures = pgTable(
  'recrutement_candidatures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    compteId: uuid('compte_id').notNull(),
    prenom: text('prenom').notNull(),
    nom: text('nom').notNull(),
    email: text('email').notNull(),
    telephone: text('telephone').notNull(),
    codeCommune: text('code_commune').notNull(),
    nomCommune: text('nom_commune').notNull(),
    codeDepartement: text('code_departement').notNull(),
    codeRegion: text('code_region').notNull(),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    rayonKm: integer('rayon_km').notNull(),
    disponibleLe: date('disponible_le', { mode: 'string' }).notNull(),
    situation: text('situation').notNull(),
    diplomes: text('diplomes').notNull().default(''),
    diplomeMediationNumerique: boolean('diplome_mediation_numerique').notNull().default(false),
    experiencePublic: text('experience_public').notNull().default(''),
    niveauPix: integer('niveau_pix'),
    motivation: text('motivation').notNull(),
    coordonneesVisibles: boolean('coordonnees_visibles').notNull().default(false),
    statut: text('statut').notNull().default('email_a_confirmer'),
    emailConfirmeLe: timestamp('email_confirme_le', { withTimezone: true }),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
    majLe: timestamp('maj_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('candidatures_compte_uq').on(t.compteId),
    index('candidatures_statut_idx').on(t.statut),
    // The ranking's prefilter is a latitude/longitude box around the structure (see domain/classement).
    index('candidatures_position_idx').on(t.latitude, t.longitude),
  ],
)

/** CVs apart from the application row, so that listing candidates never reads file contents. */
export const cvCandidats = pgTable('recrutement_cv', {
  candidatureId: uuid('candidature_id')
    .primaryKey()
    .references(() => candidatures.id, { onDelete: 'cascade' }),
  nomFichier: text('nom_fichier').notNull(),
  contenu: bytea('contenu').notNull(),
  taille: integer('taille').notNull(),
  deposeLe: timestamp('depose_le', { withTimezone: true }).notNull().defaultNow(),
})

/** A candidate seen by a structure ("mise en relation"), up to the contract and its end. */
export const misesEnRelation = pgTable(
  'recrutement_mises_en_relation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    structureId: uuid('structure_id')
      .notNull()
      .references(() => structures.id),
    candidatureId: uuid('candidature_id')
      .notNull()
      .references(() => candidatures.id),
    statut: text('statut').notNull(),
    noteEntretien: text('note_entretien').notNull().default(''),
    entretienLe: date('entretien_le', { mode: 'string' }),
    typeContrat: text('type_contrat'),
    debutContrat: date('debut_contrat', { mode: 'string' }),
    finContrat: date('fin_contrat', { mode: 'string' }),
    motifFin: text('motif_fin'),
    finLe: date('fin_le', { mode: 'string' }),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
    majLe: timestamp('maj_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mer_structure_candidature_uq').on(t.structureId, t.candidatureId),
    // The database itself refuses a second running contract for the same candidate.
    uniqueIndex('mer_un_recrutement_uq').on(t.candidatureId).where(sql`statut = 'recrutee'`),
    index('mer_structure_idx').on(t.structureId, t.statut),
  ],
)
