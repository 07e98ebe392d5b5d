import { and, eq } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import type { UsagerRow } from './mandats-repository'
import { connexionsFranceConnect, usagers } from './schema'

export type ConnexionFranceConnect = typeof connexionsFranceConnect.$inferSelect

/** State of a FranceConnect login while the usager is away (state, nonce, PKCE verifier). */
export async function noterConnexionFranceConnect(db: Database, c: ConnexionFranceConnect): Promise<void> {
  await db.insert(connexionsFranceConnect).values(c)
}

/** Single use: the state of this usage is deleted as it is read (expired or not: the caller decides). */
export async function consommerConnexionFranceConnect(
  db: Database,
  state: string,
  usage: ConnexionFranceConnect['usage'],
): Promise<ConnexionFranceConnect | undefined> {
  const [connexion] = await db
    .delete(connexionsFranceConnect)
    .where(and(eq(connexionsFranceConnect.state, state), eq(connexionsFranceConnect.usage, usage)))
    .returning()
  return connexion
}

/** Identity claims FranceConnect gives, as the usager keeps them. */
export type IdentiteUsager = Pick<
  UsagerRow,
  'prenoms' | 'nom' | 'dateNaissance' | 'genre' | 'lieuNaissance' | 'paysNaissance' | 'email'
>

/** The usager of this FranceConnect subject, created or refreshed (and no longer pseudonymised). */
export async function enregistrerUsagerFranceConnect(
  db: Database,
  subHash: string,
  identite: IdentiteUsager,
): Promise<UsagerRow | undefined> {
  const champs = { ...identite, pseudonymiseLe: null }
  const [usager] = await db
    .insert(usagers)
    .values({ subHash, ...champs })
    .onConflictDoUpdate({ target: usagers.subHash, set: champs })
    .returning()
  return usager
}
