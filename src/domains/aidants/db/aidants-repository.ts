import { and, eq, isNull, lt, or, sql } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import { etatsAidant } from './schema'

/** The aidant's own state in Aidants Connect: last TOTP step, wrong codes, last activity, inactivity warning. */
export type EtatAidantRow = typeof etatsAidant.$inferSelect

const horodatage = (d: Date) => sql`${d.toISOString()}::timestamptz`

export async function etatAidant(db: Database, compteId: string): Promise<EtatAidantRow | undefined> {
  const [etat] = await db.select().from(etatsAidant).where(eq(etatsAidant.compteId, compteId))
  return etat
}

/**
 * Takes a TOTP step in one statement, and clears the wrong codes: only if no concurrent request took this
 * step (or a later one) and no burst of wrong codes locked the account in the meantime. False otherwise.
 */
export async function prendrePasTotp(
  db: Database,
  compteId: string,
  pas: number,
  maintenant: Date,
): Promise<boolean> {
  const pris = await db
    .insert(etatsAidant)
    .values({ compteId, totpDernierPas: pas, derniereActiviteLe: maintenant })
    .onConflictDoUpdate({
      target: etatsAidant.compteId,
      set: { totpDernierPas: pas, derniereActiviteLe: maintenant, echecsTotp: 0, totpBloqueJusquA: null },
      setWhere: and(
        or(isNull(etatsAidant.totpDernierPas), lt(etatsAidant.totpDernierPas, pas)),
        or(
          isNull(etatsAidant.totpBloqueJusquA),
          sql`${etatsAidant.totpBloqueJusquA} <= ${horodatage(maintenant)}`,
        ),
      ),
    })
    .returning({ compteId: etatsAidant.compteId })
  return pris.length === 1
}

/** Counts one more wrong code in one statement (concurrent codes all count); returns the count in a row. */
export async function compterEchecTotp(db: Database, compteId: string): Promise<number> {
  const [apres] = await db
    .insert(etatsAidant)
    .values({ compteId, echecsTotp: 1 })
    .onConflictDoUpdate({
      target: etatsAidant.compteId,
      set: { echecsTotp: sql`${etatsAidant.echecsTotp} + 1` },
    })
    .returning({ echecs: etatsAidant.echecsTotp })
  return apres?.echecs ?? 0
}

/** Locks every code until `jusqua`; greatest(): a slower concurrent request never shortens a longer lock. */
export async function bloquerTotpJusqua(db: Database, compteId: string, jusqua: Date): Promise<void> {
  const fin = horodatage(jusqua)
  await db
    .update(etatsAidant)
    .set({ totpBloqueJusquA: sql`greatest(coalesce(${etatsAidant.totpBloqueJusquA}, ${fin}), ${fin})` })
    .where(eq(etatsAidant.compteId, compteId))
}

export async function noterActiviteAidant(db: Database, compteId: string, le: Date): Promise<void> {
  await db
    .insert(etatsAidant)
    .values({ compteId, derniereActiviteLe: le })
    .onConflictDoUpdate({ target: etatsAidant.compteId, set: { derniereActiviteLe: le } })
}

/** Inactivity: the warning e-mail was sent at `le`. */
export async function noterAvertissement(db: Database, compteId: string, le: Date): Promise<void> {
  await db
    .insert(etatsAidant)
    .values({ compteId, averti: le })
    .onConflictDoUpdate({ target: etatsAidant.compteId, set: { averti: le } })
}

/** Inactivity: activity after the warning (or the deactivation) cancels it. */
export async function oublierAvertissement(db: Database, compteId: string): Promise<void> {
  await db.update(etatsAidant).set({ averti: null }).where(eq(etatsAidant.compteId, compteId))
}
