import { and, asc, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import type { Reponse } from '../domain/moteur'
import {
  diagnosticBeneficiaires,
  diagnosticPassations,
  diagnosticReponses,
  diagnosticSessions,
} from './schema'

export type PassationRow = typeof diagnosticPassations.$inferSelect
export type SessionRow = typeof diagnosticSessions.$inferSelect
export type ReponseRow = typeof diagnosticReponses.$inferSelect
export type BeneficiaireRow = typeof diagnosticBeneficiaires.$inferSelect

export async function creerPassation(
  db: Database,
  p: {
    jetonHash: string
    sessionId?: string | null
    structureCode?: string | null
    mode: 'autonome' | 'accompagne'
    maintenant: Date
    beneficiaireId?: string | null
  },
): Promise<PassationRow> {
  const [row] = await db
    .insert(diagnosticPassations)
    .values({
      jetonHash: p.jetonHash,
      sessionId: p.sessionId ?? null,
      structureCode: p.structureCode ?? null,
      mode: p.mode,
      commenceLe: p.maintenant,
      derniereActiviteLe: p.maintenant,
    })
    .returning()
  return row!
}

export async function trouverPassationParJeton(db: Database, jetonHash: string) {
  const [row] = await db
    .select()
    .from(diagnosticPassations)
    .where(eq(diagnosticPassations.jetonHash, jetonHash))
  return row
}

export async function trouverPassationParLien(db: Database, lienHash: string) {
  const [row] = await db
    .select()
    .from(diagnosticPassations)
    .where(eq(diagnosticPassations.lienHash, lienHash))
  return row
}

export async function trouverPassation(db: Database, id: string) {
  const [row] = await db.select().from(diagnosticPassations).where(eq(diagnosticPassations.id, id))
  return row
}

/** Locks the row for the length of the transaction: two answers posted at once cannot interleave. */
export async function verrouillerPassation(db: Database, id: string) {
  const [row] = await db
    .select()
    .from(diagnosticPassations)
    .where(eq(diagnosticPassations.id, id))
    .for('update')
  return row
}

export async function mettreAJourPassation(db: Database, id: string, patch: Partial<PassationRow>) {
  await db.update(diagnosticPassations).set(patch).where(eq(diagnosticPassations.id, id))
}

export async function supprimerPassation(db: Database, id: string) {
  await db.delete(diagnosticPassations).where(eq(diagnosticPassations.id, id))
}

export async function reponsesDe(db: Database, passationId: string): Promise<ReponseRow[]> {
  return db
    .select()
    .from(diagnosticReponses)
    .where(eq(diagnosticReponses.passationId, passationId))
    .orderBy(asc(diagnosticReponses.ordre))
}

export async function reponsesDePassations(db: Database, ids: readonly string[]): Promise<ReponseRow[]> {
  if (ids.length === 0) return []
  return db
    .select()
    .from(diagnosticReponses)
    .where(inArray(diagnosticReponses.passationId, [...ids]))
    .orderBy(asc(diagnosticReponses.ordre))
}

export async function ajouterReponse(db: Database, r: typeof diagnosticReponses.$inferInsert) {
  await db.insert(diagnosticReponses).values(r)
}

export function pourMoteur(rows: readonly ReponseRow[]): (Reponse & { valeur: string | null })[] {
  return rows.map((r) => ({ item: r.item, resultat: r.resultat, valeur: r.valeur }))
}

// ——— Sessions (codes) ———

export async function creerSession(
  db: Database,
  s: typeof diagnosticSessions.$inferInsert,
): Promise<SessionRow> {
  const [row] = await db.insert(diagnosticSessions).values(s).returning()
  return row!
}

export async function codeExiste(db: Database, code: string): Promise<boolean> {
  const [row] = await db
    .select({ id: diagnosticSessions.id })
    .from(diagnosticSessions)
    .where(eq(diagnosticSessions.code, code))
  return !!row
}

export async function trouverSessionParCode(db: Database, code: string) {
  const [row] = await db.select().from(diagnosticSessions).where(eq(diagnosticSessions.code, code))
  return row
}

export async function trouverSession(db: Database, id: string) {
  const [row] = await db.select().from(diagnosticSessions).where(eq(diagnosticSessions.id, id))
  return row
}

export async function sessionsDeStructures(db: Database, structures: readonly string[], limite = 50) {
  if (structures.length === 0) return []
  return db
    .select()
    .from(diagnosticSessions)
    .where(inArray(diagnosticSessions.structureCode, [...structures]))
    .orderBy(desc(diagnosticSessions.creeLe))
    .limit(limite)
}

export async function passationsDeSession(db: Database, sessionId: string) {
  return db
    .select()
    .from(diagnosticPassations)
    .where(eq(diagnosticPassations.sessionId, sessionId))
    .orderBy(asc(diagnosticPassations.commenceLe))
}

export async function passationsDeStructures(db: Database, structures: readonly string[]) {
  if (structures.length === 0) return []
  return db
    .select()
    .from(diagnosticPassations)
    .where(inArray(diagnosticPassations.structureCode, [...structures]))
    .orderBy(asc(diagnosticPassations.commenceLe))
}

// ——— Beneficiaries ———

export async function trouverOuCreerBeneficiaire(
  db: Database,
  b: { structureCode: string; reference: string; maintenant: Date },
): Promise<BeneficiaireRow> {
  await db
    .insert(diagnosticBeneficiaires)
    .values({
      structureCode: b.structureCode,
      reference: b.reference,
      creeLe: b.maintenant,
      dernierDiagnosticLe: b.maintenant,
    })
    .onConflictDoUpdate({
      target: [diagnosticBeneficiaires.structureCode, diagnosticBeneficiaires.reference],
      set: { dernierDiagnosticLe: b.maintenant },
    })
  const [row] = await db
    .select()
    .from(diagnosticBeneficiaires)
    .where(
      and(
        eq(diagnosticBeneficiaires.structureCode, b.structureCode),
        eq(diagnosticBeneficiaires.reference, b.reference),
      ),
    )
  return row!
}

export async function trouverBeneficiaire(db: Database, id: string) {
  const [row] = await db.select().from(diagnosticBeneficiaires).where(eq(diagnosticBeneficiaires.id, id))
  return row
}

export async function toucherBeneficiaire(db: Database, id: string, maintenant: Date) {
  await db
    .update(diagnosticBeneficiaires)
    .set({ dernierDiagnosticLe: maintenant })
    .where(eq(diagnosticBeneficiaires.id, id))
}

export async function beneficiairesDeStructures(db: Database, structures: readonly string[]) {
  if (structures.length === 0) return []
  return db
    .select({
      id: diagnosticBeneficiaires.id,
      reference: diagnosticBeneficiaires.reference,
      structureCode: diagnosticBeneficiaires.structureCode,
      dernierDiagnosticLe: diagnosticBeneficiaires.dernierDiagnosticLe,
      diagnostics: sql<number>`(select count(*)::int from diagnostic_passations p where p.beneficiaire_id = ${diagnosticBeneficiaires.id})`,
    })
    .from(diagnosticBeneficiaires)
    .where(inArray(diagnosticBeneficiaires.structureCode, [...structures]))
    .orderBy(desc(diagnosticBeneficiaires.dernierDiagnosticLe))
}

export async function passationsDuBeneficiaire(db: Database, beneficiaireId: string) {
  return db
    .select()
    .from(diagnosticPassations)
    .where(eq(diagnosticPassations.beneficiaireId, beneficiaireId))
    .orderBy(asc(diagnosticPassations.commenceLe))
}

// ——— Retention ———

export async function purgerAvant(
  db: Database,
  e: { anonymesAvant: Date; codesExpiresAvant: Date; dossiersAvant: Date },
): Promise<{ passations: number; sessions: number; beneficiaires: number }> {
  return db.transaction(async (tx) => {
    const beneficiaires = await tx
      .delete(diagnosticBeneficiaires)
      .where(lt(diagnosticBeneficiaires.dernierDiagnosticLe, e.dossiersAvant))
      .returning({ id: diagnosticBeneficiaires.id })
    const passations = await tx
      .delete(diagnosticPassations)
      .where(
        and(
          isNull(diagnosticPassations.beneficiaireId),
          lt(diagnosticPassations.derniereActiviteLe, e.anonymesAvant),
        ),
      )
      .returning({ id: diagnosticPassations.id })
    const sessions = await tx
      .delete(diagnosticSessions)
      .where(lt(diagnosticSessions.expireLe, e.codesExpiresAvant))
      .returning({ id: diagnosticSessions.id })
    return { passations: passations.length, sessions: sessions.length, beneficiaires: beneficiaires.length }
  })
}

// ——— Link to the activities domain's follow-up files ———

export async function lierFicheSuivi(db: Database, beneficiaireId: string, ficheSuiviId: string | null) {
  await db
    .update(diagnosticBeneficiaires)
    .set({ ficheSuiviId })
    .where(eq(diagnosticBeneficiaires.id, beneficiaireId))
}

/** The finished diagnostics kept (with consent) in the records attached to a follow-up file, oldest first. */
export async function passationsDeFicheSuivi(db: Database, ficheSuiviId: string) {
  return db
    .select({ passation: diagnosticPassations })
    .from(diagnosticPassations)
    .innerJoin(diagnosticBeneficiaires, eq(diagnosticBeneficiaires.id, diagnosticPassations.beneficiaireId))
    .where(eq(diagnosticBeneficiaires.ficheSuiviId, ficheSuiviId))
    .orderBy(asc(diagnosticPassations.commenceLe))
    .then((rows) => rows.map((r) => r.passation))
}
