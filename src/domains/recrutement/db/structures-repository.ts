import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import { avisPrefecture, decisions, structures } from './schema'

export type StructureRow = typeof structures.$inferSelect
export type AvisRow = typeof avisPrefecture.$inferSelect
export type DecisionRow = typeof decisions.$inferSelect

export async function creerStructure(db: Database, s: typeof structures.$inferInsert): Promise<StructureRow> {
  const [row] = await db.insert(structures).values(s).returning()
  if (!row) throw new Error('insertion de structure sans retour')
  return row
}

export async function listerStructures(db: Database): Promise<StructureRow[]> {
  return db.select().from(structures).orderBy(asc(structures.codeDepartement), asc(structures.nom))
}

export async function trouverStructure(db: Database, id: string, verrou = false) {
  const q = db.select().from(structures).where(eq(structures.id, id))
  const [row] = verrou ? await q.for('update') : await q
  return row
}

export async function majStructure(
  db: Database,
  id: string,
  champs: Partial<typeof structures.$inferInsert>,
) {
  await db
    .update(structures)
    .set({ ...champs, majLe: sql`now()` })
    .where(eq(structures.id, id))
}

export interface StructureAvecAvis {
  structure: StructureRow
  avis: AvisRow | null
}

/** Structures of some départements (undefined = all), with their prefecture opinion. */
export async function structuresAvecAvis(
  db: Database,
  filtre: { departements?: readonly string[]; statuts?: readonly string[] },
): Promise<StructureAvecAvis[]> {
  const conditions = [
    filtre.departements ? inArray(structures.codeDepartement, [...filtre.departements]) : undefined,
    filtre.statuts ? inArray(structures.statut, [...filtre.statuts]) : undefined,
  ].filter(Boolean)
  const rows = await db
    .select({ structure: structures, avis: avisPrefecture })
    .from(structures)
    .leftJoin(avisPrefecture, eq(avisPrefecture.structureId, structures.id))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(
      asc(structures.codeDepartement),
      asc(sql`coalesce(${avisPrefecture.rang}, 9999)`),
      asc(structures.nom),
    )
  return rows
}

export async function avisDe(db: Database, structureId: string) {
  const [row] = await db.select().from(avisPrefecture).where(eq(avisPrefecture.structureId, structureId))
  return row
}

export async function enregistrerAvis(db: Database, a: typeof avisPrefecture.$inferInsert) {
  await db
    .insert(avisPrefecture)
    .values(a)
    .onConflictDoUpdate({
      target: avisPrefecture.structureId,
      set: {
        avis: a.avis,
        rang: a.rang,
        commentaire: a.commentaire,
        postesProposes: a.postesProposes,
        parCompteId: a.parCompteId,
        donneLe: sql`now()`,
      },
    })
}

export async function decisionsDe(db: Database, structureId: string) {
  return db
    .select()
    .from(decisions)
    .where(eq(decisions.structureId, structureId))
    .orderBy(desc(decisions.creeLe))
}

/** The decision in force: the latest validation of the phase (a refusal after it does not undo posts). */
export async function derniereDecisionValidee(db: Database, structureId: string, phaseId: string) {
  const [row] = await db
    .select()
    .from(decisions)
    .where(
      and(
        eq(decisions.structureId, structureId),
        eq(decisions.phaseId, phaseId),
        eq(decisions.avis, 'validee'),
      ),
    )
    .orderBy(desc(decisions.creeLe))
    .limit(1)
  return row
}

export async function enregistrerDecision(
  db: Database,
  d: typeof decisions.$inferInsert,
): Promise<DecisionRow> {
  const [row] = await db.insert(decisions).values(d).returning()
  if (!row) throw new Error('décision non enregistrée')
  return row
}

/** Structures whose SIRET the company register has not confirmed yet (it did not answer at filing). */
export async function structuresAVerifierAuRegistre(db: Database): Promise<{ id: string; siret: string }[]> {
  const rows = await db
    .select({ id: structures.id, siret: structures.siret })
    .from(structures)
    .where(eq(structures.verificationRegistre, 'a_verifier'))
  return rows.flatMap((r) => (r.siret ? [{ id: r.id, siret: r.siret }] : []))
}
