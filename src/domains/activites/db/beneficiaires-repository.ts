import { and, asc, eq, lt } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import { beneficiaires } from './schema'

export type Beneficiaire = typeof beneficiaires.$inferSelect

export async function creerBeneficiaire(
  db: Database,
  b: typeof beneficiaires.$inferInsert,
): Promise<Beneficiaire> {
  const [r] = await db.insert(beneficiaires).values(b).returning()
  if (!r) throw new Error('insertion de bénéficiaire sans retour')
  return r
}

/** A file is only ever read by the conseiller who holds it. */
export async function trouverBeneficiaire(db: Database, conseillerId: string, id: string) {
  const [r] = await db
    .select()
    .from(beneficiaires)
    .where(and(eq(beneficiaires.id, id), eq(beneficiaires.conseillerId, conseillerId)))
  return r
}

/**
 * The structure a file was opened in, for another domain linking to it (a diagnostic record):
 * only the structure, never the person.
 */
export async function structureDuBeneficiaire(db: Database, id: string): Promise<string | undefined> {
  const [r] = await db
    .select({ structureId: beneficiaires.structureId })
    .from(beneficiaires)
    .where(eq(beneficiaires.id, id))
  return r?.structureId
}

export async function listerBeneficiaires(db: Database, conseillerId: string): Promise<Beneficiaire[]> {
  return db
    .select()
    .from(beneficiaires)
    .where(eq(beneficiaires.conseillerId, conseillerId))
    .orderBy(asc(beneficiaires.prenom))
    .limit(1000)
}

export async function supprimerBeneficiaire(db: Database, id: string): Promise<void> {
  await db.delete(beneficiaires).where(eq(beneficiaires.id, id))
}

export async function beneficiairesSansActiviteDepuis(db: Database, limite: Date): Promise<Beneficiaire[]> {
  return db.select().from(beneficiaires).where(lt(beneficiaires.derniereActiviteLe, limite)).limit(500)
}
