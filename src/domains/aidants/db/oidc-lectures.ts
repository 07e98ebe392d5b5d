import { and, eq, sql } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import { clientsPartenaires, oidcStockage } from './schema'

/** A partner service allowed to use our identity provider, as the provider needs it. */
export interface ClientPartenaire {
  clientId: string
  nom: string
  secret: string
  redirectUris: string[]
  postLogoutRedirectUris: string[]
}

/** An active partner by its `client_id`; a deactivated one is unknown. */
export async function clientPartenaireActif(
  db: Database,
  clientId: string,
): Promise<ClientPartenaire | undefined> {
  const [c] = await db
    .select({
      clientId: clientsPartenaires.clientId,
      nom: clientsPartenaires.nom,
      secret: clientsPartenaires.secret,
      redirectUris: clientsPartenaires.redirectUris,
      postLogoutRedirectUris: clientsPartenaires.postLogoutRedirectUris,
    })
    .from(clientsPartenaires)
    .where(and(eq(clientsPartenaires.clientId, clientId), eq(clientsPartenaires.actif, true)))
  return c
}

/** Every return address (after login and after logout) of the active partners. */
export async function adressesDesPartenairesActifs(db: Database): Promise<string[]> {
  const lignes = await db
    .select({
      redirectUris: clientsPartenaires.redirectUris,
      postLogoutRedirectUris: clientsPartenaires.postLogoutRedirectUris,
    })
    .from(clientsPartenaires)
    .where(eq(clientsPartenaires.actif, true))
  return lignes.flatMap((l) => [...l.redirectUris, ...l.postLogoutRedirectUris])
}

// ——— Storage of both oidc-provider instances (see oidc/adaptateur.ts) ———

export type FournisseurOidc = 'idp' | 'simulateur'
export type LigneOidc = typeof oidcStockage.$inferSelect

/** One stored object: its provider, its model (AccessToken, Session…) and the hash of its id. */
export interface CleOidc {
  fournisseur: FournisseurOidc
  modele: string
  idHash: string
}

export interface ValeursOidc {
  payload: Record<string, unknown>
  grantId: string | null
  userCode: string | null
  uid: string | null
  expireLe: Date | null
}

const ou = (c: CleOidc) =>
  and(
    eq(oidcStockage.fournisseur, c.fournisseur),
    eq(oidcStockage.modele, c.modele),
    eq(oidcStockage.idHash, c.idHash),
  )

export async function ecrireObjetOidc(db: Database, c: CleOidc, valeurs: ValeursOidc): Promise<void> {
  await db
    .insert(oidcStockage)
    .values({ ...c, ...valeurs })
    .onConflictDoUpdate({
      target: [oidcStockage.fournisseur, oidcStockage.modele, oidcStockage.idHash],
      set: valeurs,
    })
}

export async function lireObjetOidc(db: Database, c: CleOidc): Promise<LigneOidc | undefined> {
  const [r] = await db.select().from(oidcStockage).where(ou(c))
  return r
}

/** An object of one model found by its interaction `uid` or its device `userCode`. */
export async function lireObjetOidcPar(
  db: Database,
  fournisseur: FournisseurOidc,
  modele: string,
  par: { uid: string } | { userCode: string },
): Promise<LigneOidc | undefined> {
  const critere = 'uid' in par ? eq(oidcStockage.uid, par.uid) : eq(oidcStockage.userCode, par.userCode)
  const [r] = await db
    .select()
    .from(oidcStockage)
    .where(and(eq(oidcStockage.fournisseur, fournisseur), eq(oidcStockage.modele, modele), critere))
  return r
}

export async function consommerObjetOidc(db: Database, c: CleOidc, le: Date): Promise<void> {
  await db.update(oidcStockage).set({ consommeLe: le }).where(ou(c))
}

export async function supprimerObjetOidc(db: Database, c: CleOidc): Promise<void> {
  await db.delete(oidcStockage).where(ou(c))
}

/** Only the rows of this model that carry this grant. */
export async function supprimerObjetsOidcDuGrant(
  db: Database,
  fournisseur: FournisseurOidc,
  modele: string,
  grantId: string,
): Promise<void> {
  await db
    .delete(oidcStockage)
    .where(
      and(
        eq(oidcStockage.fournisseur, fournisseur),
        eq(oidcStockage.modele, modele),
        eq(oidcStockage.grantId, grantId),
      ),
    )
}

/** Expired rows are deleted by the scheduled purge. */
export async function purgerOidc(db: Database, maintenant: Date): Promise<void> {
  await db.delete(oidcStockage).where(sql`${oidcStockage.expireLe} < ${maintenant}`)
}

/** The signing key is stored as a row of the `CleSignature` model, under the fixed id `rs256`. */
const cleSignature = (fournisseur: FournisseurOidc): CleOidc => ({
  fournisseur,
  modele: 'CleSignature',
  idHash: 'rs256',
})

export async function lireCleSignature(
  db: Database,
  fournisseur: FournisseurOidc,
): Promise<Record<string, unknown> | undefined> {
  return (await lireObjetOidc(db, cleSignature(fournisseur)))?.payload
}

/** First writer wins: instances starting together all keep the key that was stored first. */
export async function poserCleSignature(
  db: Database,
  fournisseur: FournisseurOidc,
  payload: Record<string, unknown>,
): Promise<void> {
  await db
    .insert(oidcStockage)
    .values({ ...cleSignature(fournisseur), payload })
    .onConflictDoNothing()
}
