import { and, eq, isNull } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import type { CompteRow } from './comptes-repository'
import { comptes } from './schema'

export async function trouverCompteParProConnect(db: Database, sub: string): Promise<CompteRow | undefined> {
  const [row] = await db.select().from(comptes).where(eq(comptes.proconnectSub, sub))
  return row
}

/** Links an account to a ProConnect subject, only if it has none yet; false when it already had one. */
export async function lierProConnect(db: Database, compteId: string, sub: string): Promise<boolean> {
  const lies = await db
    .update(comptes)
    .set({ proconnectSub: sub, invitationEnAttente: false })
    .where(and(eq(comptes.id, compteId), isNull(comptes.proconnectSub)))
    .returning({ id: comptes.id })
  return lies.length === 1
}
