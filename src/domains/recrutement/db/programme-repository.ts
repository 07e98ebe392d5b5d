import { and, asc, desc, eq, sql } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import type { Taux } from '../domain/financement'
import { allocations, phases, tauxPhase, vagues } from './schema'

export type PhaseRow = typeof phases.$inferSelect
export type VagueRow = typeof vagues.$inferSelect

/**
 * The 2020 announcement as first phase when the programme has none yet: 4 000 posts, 200 M€,
 * 50 000 € per post for public bodies and 40 000 € for private ones, over 24 months.
 */
export async function assurerPhaseParDefaut(db: Database): Promise<void> {
  const [existe] = await db.select({ id: phases.id }).from(phases).limit(1)
  if (existe) return
  await db.transaction(async (tx) => {
    const [p] = await tx
      .insert(phases)
      .values({
        code: '2020',
        libelle: 'Phase 1 — France Relance 2020',
        quotaPostes: 4000,
        enveloppeEuros: 200_000_000,
        dureeMois: 24,
        echeancier: [60, 40],
      })
      .onConflictDoNothing()
      .returning()
    if (!p) return
    await tx.insert(tauxPhase).values([
      { phaseId: p.id, categorie: 'public', territoire: '*', montantEuros: 50_000 },
      { phaseId: p.id, categorie: 'prive', territoire: '*', montantEuros: 40_000 },
    ])
  })
}

export async function phaseActive(db: Database, verrou = false): Promise<PhaseRow | undefined> {
  const q = db.select().from(phases).where(eq(phases.active, true)).orderBy(desc(phases.creeLe)).limit(1)
  const [row] = verrou ? await q.for('update') : await q
  return row
}

export async function verrouillerPhase(db: Database, id: string): Promise<PhaseRow | undefined> {
  const [row] = await db.select().from(phases).where(eq(phases.id, id)).for('update')
  return row
}

export async function listerPhases(db: Database) {
  return db.select().from(phases).orderBy(asc(phases.creeLe))
}

export async function tauxDe(db: Database, phaseId: string): Promise<(Taux & { phaseId: string })[]> {
  return db.select().from(tauxPhase).where(eq(tauxPhase.phaseId, phaseId)).orderBy(asc(tauxPhase.territoire))
}

export async function tousLesTaux(db: Database) {
  return db.select().from(tauxPhase).orderBy(asc(tauxPhase.categorie), asc(tauxPhase.territoire))
}

export async function ajouterPhase(
  db: Database,
  p: typeof phases.$inferInsert,
  taux: { public: number; prive: number },
): Promise<PhaseRow> {
  // A new phase becomes the active one; the previous ones keep their decisions and conventions.
  await db.update(phases).set({ active: false })
  const [row] = await db.insert(phases).values(p).returning()
  if (!row) throw new Error('insertion de phase sans retour')
  await db.insert(tauxPhase).values([
    { phaseId: row.id, categorie: 'public', territoire: '*', montantEuros: taux.public },
    { phaseId: row.id, categorie: 'prive', territoire: '*', montantEuros: taux.prive },
  ])
  return row
}

export async function definirTaux(db: Database, t: typeof tauxPhase.$inferInsert) {
  await db
    .insert(tauxPhase)
    .values(t)
    .onConflictDoUpdate({
      target: [tauxPhase.phaseId, tauxPhase.categorie, tauxPhase.territoire],
      set: { montantEuros: t.montantEuros },
    })
}

export async function definirAllocation(
  db: Database,
  a: { phaseId: string; codeDepartement: string; postesMax: number },
) {
  await db
    .insert(allocations)
    .values(a)
    .onConflictDoUpdate({
      target: [allocations.phaseId, allocations.codeDepartement],
      set: { postesMax: a.postesMax },
    })
}

export async function verrouillerAllocation(db: Database, phaseId: string, codeDepartement: string) {
  const [row] = await db
    .select()
    .from(allocations)
    .where(and(eq(allocations.phaseId, phaseId), eq(allocations.codeDepartement, codeDepartement)))
    .for('update')
  return row
}

export async function allocationsDe(db: Database, phaseId: string) {
  return db
    .select()
    .from(allocations)
    .where(eq(allocations.phaseId, phaseId))
    .orderBy(asc(allocations.codeDepartement))
}

export async function ajusterCompteurs(
  db: Database,
  phaseId: string,
  codeDepartement: string,
  deltaPostes: number,
  deltaMontant: number,
) {
  await db
    .update(phases)
    .set({
      postesAttribues: sql`${phases.postesAttribues} + ${deltaPostes}`,
      montantEngage: sql`${phases.montantEngage} + ${deltaMontant}`,
    })
    .where(eq(phases.id, phaseId))
  await db
    .update(allocations)
    .set({ postesAttribues: sql`${allocations.postesAttribues} + ${deltaPostes}` })
    .where(and(eq(allocations.phaseId, phaseId), eq(allocations.codeDepartement, codeDepartement)))
}

/** Sequential decision numbers per phase, taken under the phase's row lock (no gap, no duplicate). */
export async function prochainNumeroDecision(db: Database, phase: PhaseRow): Promise<string> {
  const n = phase.dernierNumeroDecision + 1
  await db.update(phases).set({ dernierNumeroDecision: n }).where(eq(phases.id, phase.id))
  return `CN-${phase.code}-${String(n).padStart(5, '0')}`
}

export async function vagueOuverte(db: Database): Promise<VagueRow | undefined> {
  const [row] = await db.select().from(vagues).orderBy(desc(vagues.creeLe)).limit(1)
  return row
}

export async function trouverVague(db: Database, id: string) {
  const [row] = await db.select().from(vagues).where(eq(vagues.id, id))
  return row
}

export async function listerVagues(db: Database) {
  return db.select().from(vagues).orderBy(desc(vagues.creeLe))
}

export async function creerVague(db: Database, v: typeof vagues.$inferInsert) {
  const [row] = await db.insert(vagues).values(v).returning()
  if (!row) throw new Error('insertion de vague sans retour')
  return row
}
