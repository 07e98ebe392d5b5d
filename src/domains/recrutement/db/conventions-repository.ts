import { and, asc, desc, eq, sql } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import { avenants, conventions, versements } from './schema'

export type ConventionRow = typeof conventions.$inferSelect
export type VersementRow = typeof versements.$inferSelect

export async function conventionDe(db: Database, structureId: string, phaseId: string) {
  const [row] = await db
    .select()
    .from(conventions)
    .where(and(eq(conventions.structureId, structureId), eq(conventions.phaseId, phaseId)))
  return row
}

export async function conventionsDeStructure(db: Database, structureId: string) {
  return db
    .select()
    .from(conventions)
    .where(eq(conventions.structureId, structureId))
    .orderBy(desc(conventions.creeLe))
}

export async function trouverConvention(db: Database, id: string) {
  const [row] = await db.select().from(conventions).where(eq(conventions.id, id))
  return row
}

export async function creerConvention(db: Database, c: typeof conventions.$inferInsert) {
  const [row] = await db.insert(conventions).values(c).returning()
  if (!row) throw new Error('insertion de convention sans retour')
  return row
}

export async function majConvention(
  db: Database,
  id: string,
  champs: Partial<typeof conventions.$inferInsert>,
) {
  await db.update(conventions).set(champs).where(eq(conventions.id, id))
}

export async function ajouterAvenant(db: Database, a: typeof avenants.$inferInsert) {
  await db.insert(avenants).values(a)
}

export async function avenantsDe(db: Database, conventionId: string) {
  return db
    .select()
    .from(avenants)
    .where(eq(avenants.conventionId, conventionId))
    .orderBy(asc(avenants.version))
}

export async function remplacerVersementsNonPayes(
  db: Database,
  conventionId: string,
  nouveaux: readonly { rang: number; datePrevue: string; montantEuros: number }[],
) {
  await db
    .delete(versements)
    .where(and(eq(versements.conventionId, conventionId), sql`${versements.payeLe} is null`))
  const payes = await versementsDe(db, conventionId)
  const rangsPayes = new Set(payes.map((p) => p.rang))
  const aInserer = nouveaux.filter((v) => !rangsPayes.has(v.rang)).map((v) => ({ ...v, conventionId }))
  if (aInserer.length) await db.insert(versements).values(aInserer)
}

export async function versementsDe(db: Database, conventionId: string) {
  return db
    .select()
    .from(versements)
    .where(eq(versements.conventionId, conventionId))
    .orderBy(asc(versements.rang))
}

export async function marquerPaye(db: Database, conventionId: string, rang: number, le: string) {
  const r = await db
    .update(versements)
    .set({ payeLe: le })
    .where(
      and(
        eq(versements.conventionId, conventionId),
        eq(versements.rang, rang),
        sql`${versements.payeLe} is null`,
      ),
    )
    .returning()
  return r.length > 0
}
