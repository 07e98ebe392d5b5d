import { sql } from 'drizzle-orm'
import {
  bigint,
  bigserial,
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

const TOUTES_DEMARCHES = sql`array['papiers','famille','social','travail','logement','transports','argent','justice','etranger','loisirs']::text[]`

/** Organisations habilitated for Aidants Connect. Accounts hold the aidant and référent roles on them. */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nom: text('nom').notNull(),
    siret: text('siret'),
    type: text('type').notNull(),
    codeCommune: text('code_commune').notNull(),
    codeDepartement: text('code_departement').notNull(),
    codeRegion: text('code_region').notNull(),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
    adresse: text('adresse'),
    numeroFranceServices: text('numero_france_services'),
    // Démarches the référent allows in this organisation (a subset of the ten).
    demarchesAutorisees: text('demarches_autorisees').array().notNull().default(TOUTES_DEMARCHES),
    active: boolean('active').notNull().default(true),
  },
  (t) => [index('organisations_departement_idx').on(t.codeDepartement)],
)

/**
 * A person helped. Keyed by a salted hash of the FranceConnect `sub`; only the identity claims a partner
 * needs are kept, and they are blanked by the retention purge (`pseudonymiseLe`).
 */
export const usagers = pgTable(
  'aidants_usagers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subHash: text('sub_hash').notNull(),
    prenoms: text('prenoms').notNull(),
    nom: text('nom').notNull(),
    dateNaissance: text('date_naissance').notNull(),
    genre: text('genre').notNull(),
    lieuNaissance: text('lieu_naissance').notNull(),
    paysNaissance: text('pays_naissance').notNull(),
    email: text('email'),
    telephone: text('telephone'),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
    pseudonymiseLe: timestamp('pseudonymise_le', { withTimezone: true }),
  },
  (t) => [uniqueIndex('aidants_usagers_sub_uq').on(t.subHash)],
)

export const mandats = pgTable(
  'aidants_mandats',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    usagerId: uuid('usager_id')
      .notNull()
      .references(() => usagers.id),
    creeParId: uuid('cree_par_id').notNull(),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull(),
    expireLe: timestamp('expire_le', { withTimezone: true }).notNull(),
    duree: text('duree').notNull(),
    versionTexte: text('version_texte').notNull(),
    consentement: text('consentement', { enum: ['sur_place', 'sms'] }).notNull(),
    hashAttestation: text('hash_attestation').notNull(),
    revoqueLe: timestamp('revoque_le', { withTimezone: true }),
    hashRevocation: text('hash_revocation'),
    rappelExpirationLe: timestamp('rappel_expiration_le', { withTimezone: true }),
  },
  (t) => [
    index('aidants_mandats_org_idx').on(t.organisationId, t.expireLe),
    index('aidants_mandats_usager_idx').on(t.usagerId),
    uniqueIndex('aidants_mandats_attestation_uq').on(t.hashAttestation),
  ],
)

export const autorisations = pgTable(
  'aidants_autorisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mandatId: uuid('mandat_id')
      .notNull()
      .references(() => mandats.id),
    demarche: text('demarche').notNull(),
    revoqueeLe: timestamp('revoquee_le', { withTimezone: true }),
  },
  (t) => [index('aidants_autorisations_mandat_idx').on(t.mandatId)],
)

/**
 * Append-only, hash-chained journal of every act. A trigger (migration aidants_journal) refuses UPDATE and
 * DELETE; the chain detects what a superuser could still do behind the trigger's back.
 */
export const journal = pgTable(
  'aidants_journal',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    le: timestamp('le', { withTimezone: true, precision: 3 }).notNull(),
    action: text('action').notNull(),
    aidantId: uuid('aidant_id'),
    organisationId: uuid('organisation_id'),
    usagerId: uuid('usager_id'),
    mandatId: uuid('mandat_id'),
    autorisationId: uuid('autorisation_id'),
    demarche: text('demarche'),
    details: jsonb('details').$type<Record<string, string | number | boolean | null>>().notNull(),
    hashPrecedent: text('hash_precedent').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('aidants_journal_usager_idx').on(t.usagerId, t.id),
    index('aidants_journal_org_idx').on(t.organisationId, t.id),
    index('aidants_journal_action_idx').on(t.action, t.le),
  ],
)

/**
 * Signed checkpoints of the journal (entry id + hash, HMAC of the server secret), laid by the daily job:
 * the chain alone cannot see the deletion of its last entries, a checkpoint past them can.
 */
export const pointsJournal = pgTable('aidants_journal_points', {
  entreeId: bigint('entree_id', { mode: 'number' }).primaryKey(),
  hash: text('hash').notNull(),
  le: timestamp('le', { withTimezone: true }).notNull(),
  signature: text('signature').notNull(),
})

/** State of the FranceConnect login while the usager is away (state, nonce, PKCE verifier), 5 minutes. */
export const connexionsFranceConnect = pgTable('aidants_connexions_fc', {
  state: text('state').primaryKey(),
  nonce: text('nonce').notNull(),
  verifier: text('verifier').notNull(),
  usage: text('usage', { enum: ['mandat', 'espace_usager'] }).notNull(),
  aidantId: uuid('aidant_id'),
  organisationId: uuid('organisation_id'),
  projet: jsonb('projet').$type<{ demarches: string[]; duree: string }>(),
  expireLe: timestamp('expire_le', { withTimezone: true }).notNull(),
})

/** Mandate being created (after FranceConnect, before the recap is signed), 30 minutes. */
export const brouillonsMandat = pgTable('aidants_brouillons_mandat', {
  id: uuid('id').primaryKey().defaultRandom(),
  aidantId: uuid('aidant_id').notNull(),
  organisationId: uuid('organisation_id').notNull(),
  usagerId: uuid('usager_id').notNull(),
  demarches: text('demarches').array().notNull(),
  duree: text('duree').notNull(),
  renouvellementDe: uuid('renouvellement_de'),
  expireLe: timestamp('expire_le', { withTimezone: true }).notNull(),
})

/** Usager-space session (FranceConnect login of the usager), cookie holds the token, the hash is stored. */
export const sessionsUsager = pgTable('aidants_sessions_usager', {
  jetonHash: text('jeton_hash').primaryKey(),
  usagerId: uuid('usager_id').notNull(),
  expireLe: timestamp('expire_le', { withTimezone: true }).notNull(),
})

/** Per aidant: current organisation, last sensitive act (re-authentication after 15 min), TOTP replay guard. */
export const etatsAidant = pgTable('aidants_etats', {
  compteId: uuid('compte_id').primaryKey(),
  organisationCourante: uuid('organisation_courante'),
  derniereActiviteLe: timestamp('derniere_activite_le', { withTimezone: true }),
  totpDernierPas: bigint('totp_dernier_pas', { mode: 'number' }),
  averti: timestamp('averti_inactivite_le', { withTimezone: true }),
  // Wrong TOTP codes in a row at re-authentication and mandate signature; a lock after too many.
  echecsTotp: integer('echecs_totp').notNull().default(0),
  totpBloqueJusquA: timestamp('totp_bloque_jusqu_a', { withTimezone: true }),
})

/** Storage of both oidc-provider instances (our identity provider and the FranceConnect simulator). */
export const oidcStockage = pgTable(
  'aidants_oidc',
  {
    fournisseur: text('fournisseur').notNull(),
    modele: text('modele').notNull(),
    // sha-256 of the id: for access tokens and codes the id is the secret itself.
    idHash: text('id_hash').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    grantId: text('grant_id'),
    userCode: text('user_code'),
    uid: text('uid'),
    expireLe: timestamp('expire_le', { withTimezone: true }),
    consommeLe: timestamp('consomme_le', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.fournisseur, t.modele, t.idHash] }),
    index('aidants_oidc_grant_idx').on(t.fournisseur, t.grantId),
    index('aidants_oidc_uid_idx').on(t.fournisseur, t.uid),
    index('aidants_oidc_expire_idx').on(t.expireLe),
  ],
)

/** Partner services allowed to use our identity provider. */
export const clientsPartenaires = pgTable('aidants_clients_partenaires', {
  clientId: text('client_id').primaryKey(),
  nom: text('nom').notNull(),
  secret: text('secret').notNull(),
  redirectUris: text('redirect_uris').array().notNull(),
  postLogoutRedirectUris: text('post_logout_redirect_uris').array().notNull(),
  actif: boolean('actif').notNull().default(true),
})

/** Public habilitation requests of organisations. Access by an unguessable id plus a verified e-mail. */
export const demandesHabilitation = pgTable(
  'aidants_demandes_habilitation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jetonHash: text('jeton_hash').notNull(),
    statut: text('statut').notNull(),
    emailDemandeur: text('email_demandeur').notNull(),
    emailVerifieLe: timestamp('email_verifie_le', { withTimezone: true }),
    nomDemandeur: text('nom_demandeur').notNull(),
    donnees: jsonb('donnees').$type<Record<string, unknown>>().notNull(),
    codeRegion: text('code_region'),
    organisationId: uuid('organisation_id'),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull(),
    deposeeLe: timestamp('deposee_le', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('aidants_demandes_jeton_uq').on(t.jetonHash),
    index('aidants_demandes_statut_idx').on(t.statut),
  ],
)

export const messagesDemande = pgTable('aidants_messages_demande', {
  id: uuid('id').primaryKey().defaultRandom(),
  demandeId: uuid('demande_id')
    .notNull()
    .references(() => demandesHabilitation.id),
  auteur: text('auteur', { enum: ['equipe', 'demandeur'] }).notNull(),
  texte: text('texte').notNull(),
  le: timestamp('le', { withTimezone: true }).notNull(),
})

/** Regions opened wave by wave by the national team. */
export const regionsOuvertes = pgTable('aidants_regions_ouvertes', {
  codeRegion: text('code_region').primaryKey(),
  vague: text('vague').notNull(),
  ouverteLe: timestamp('ouverte_le', { withTimezone: true }).notNull(),
})

/** Per-aidant habilitation (one per aidant and organisation). */
export const habilitationsAidant = pgTable(
  'aidants_habilitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    email: text('email').notNull(),
    prenom: text('prenom').notNull(),
    nom: text('nom').notNull(),
    profession: text('profession').notNull(),
    statut: text('statut').notNull(),
    compteId: uuid('compte_id'),
    formationEnregistreeLe: timestamp('formation_enregistree_le', { withTimezone: true }),
    retireLe: timestamp('retire_le', { withTimezone: true }),
    motifRetrait: text('motif_retrait'),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('aidants_habilitations_uq').on(t.organisationId, t.email)],
)

/** Second-factor devices managed by référents: physical TOTP cards (serial number) or an authenticator app. */
export const dispositifs = pgTable(
  'aidants_dispositifs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    type: text('type', { enum: ['carte', 'application'] }).notNull(),
    numeroSerie: text('numero_serie'),
    secret: text('secret').notNull(),
    compteId: uuid('compte_id'),
    organisationId: uuid('organisation_id'),
    confirmeLe: timestamp('confirme_le', { withTimezone: true }),
    retireLe: timestamp('retire_le', { withTimezone: true }),
    motifRetrait: text('motif_retrait'),
  },
  (t) => [uniqueIndex('aidants_dispositifs_serie_uq').on(t.numeroSerie)],
)

/**
 * Remote consent (the usager is not in the room): a link sent by SMS shows the usager the mandate being
 * prepared and records their answer. The phone number is not kept here (it only travels in the outbox).
 */
export const consentementsSms = pgTable(
  'aidants_consentements_sms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    brouillonId: uuid('brouillon_id').notNull(),
    jetonHash: text('jeton_hash').notNull(),
    aidantId: uuid('aidant_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    envoyeLe: timestamp('envoye_le', { withTimezone: true }).notNull(),
    expireLe: timestamp('expire_le', { withTimezone: true }).notNull(),
    accepteLe: timestamp('accepte_le', { withTimezone: true }),
    refuseLe: timestamp('refuse_le', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('aidants_consentements_sms_jeton_uq').on(t.jetonHash),
    index('aidants_consentements_sms_brouillon_idx').on(t.brouillonId),
  ],
)
