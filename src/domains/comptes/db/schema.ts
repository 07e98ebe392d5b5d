import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'

export const comptes = pgTable(
  'comptes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Stored lower-cased: e-mail addresses are compared case-insensitively.
    email: text('email').notNull(),
    prenom: text('prenom').notNull(),
    nom: text('nom').notNull(),
    motDePasseHash: text('mot_de_passe_hash'),
    totpSecret: text('totp_secret'),
    totpActifDepuis: timestamp('totp_actif_depuis', { withTimezone: true }),
    // Time step of the last accepted code: a code seen once is never accepted again (replay).
    totpDernierPas: integer('totp_dernier_pas'),
    echecsConnexion: integer('echecs_connexion').notNull().default(0),
    bloqueJusquA: timestamp('bloque_jusqu_a', { withTimezone: true }),
    actif: boolean('actif').notNull().default(true),
    invitationEnAttente: boolean('invitation_en_attente').notNull().default(false),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
    derniereConnexionLe: timestamp('derniere_connexion_le', { withTimezone: true }),
    // ProConnect's subject for this account, set at the first ProConnect login (found by e-mail).
    proconnectSub: text('proconnect_sub'),
  },
  (t) => [
    uniqueIndex('comptes_email_uq').on(t.email),
    uniqueIndex('comptes_proconnect_sub_uq').on(t.proconnectSub),
  ],
)

/** A role held by an account, with the territory or body it applies to. */
export const rolesComptes = pgTable(
  'roles_comptes',
  {
    compteId: uuid('compte_id')
      .notNull()
      .references(() => comptes.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    porteeType: text('portee_type').notNull(),
    // '' for the national scope, so that the primary key stays simple.
    porteeCode: text('portee_code').notNull().default(''),
    porteeLibelle: text('portee_libelle').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.compteId, t.role, t.porteeType, t.porteeCode] }),
    index('roles_comptes_role_idx').on(t.role, t.porteeType, t.porteeCode),
  ],
)

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // sha-256 of the cookie value: a stolen database does not give usable cookies.
    jetonHash: text('jeton_hash').notNull(),
    compteId: uuid('compte_id')
      .notNull()
      .references(() => comptes.id, { onDelete: 'cascade' }),
    niveau: text('niveau', { enum: ['premier_facteur', 'complet'] }).notNull(),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
    vuLe: timestamp('vu_le', { withTimezone: true }).notNull().defaultNow(),
    dernierFacteurLe: timestamp('dernier_facteur_le', { withTimezone: true }).notNull().defaultNow(),
    inactiviteMinutes: integer('inactivite_minutes').notNull(),
    navigateur: text('navigateur').notNull().default(''),
    revoqueeLe: timestamp('revoquee_le', { withTimezone: true }),
  },
  (t) => [uniqueIndex('sessions_jeton_uq').on(t.jetonHash), index('sessions_compte_idx').on(t.compteId)],
)

/** Single-use secrets sent by e-mail: magic links, password resets, invitations. Only the hash is kept. */
export const jetons = pgTable(
  'jetons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    compteId: uuid('compte_id')
      .notNull()
      .references(() => comptes.id, { onDelete: 'cascade' }),
    usage: text('usage', { enum: ['lien_connexion', 'reinitialisation', 'invitation'] }).notNull(),
    jetonHash: text('jeton_hash').notNull(),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
    expireLe: timestamp('expire_le', { withTimezone: true }).notNull(),
    utiliseLe: timestamp('utilise_le', { withTimezone: true }),
  },
  (t) => [uniqueIndex('jetons_hash_uq').on(t.jetonHash), index('jetons_compte_idx').on(t.compteId)],
)

export const codesSecours = pgTable(
  'codes_secours',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    compteId: uuid('compte_id')
      .notNull()
      .references(() => comptes.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    utiliseLe: timestamp('utilise_le', { withTimezone: true }),
  },
  (t) => [index('codes_secours_compte_idx').on(t.compteId)],
)
