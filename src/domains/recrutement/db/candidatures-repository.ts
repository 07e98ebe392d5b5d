import { and, asc, desc, eq, gte, inArray, lt, lte, ne, sql } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import { candidatures, cvCandidats, misesEnRelation, structures } from './schema'

export type CandidatureRow = typeof candidatures.$inferSelect
export type MiseEnRelationRow = typeof misesEnRelation.$inferSelect

export async function creerCandidature(db: Database, c: typeof candidatures.$inferInsert) {
  const [row] = await db.insert(candidatures).values(c).returning()
  if (!row) throw new Error('insertion de candidature sans retour')
  return row
}

export async function candidatureDuCompte(db: Database, compteId: string) {
  const [row] = await db.select().from(candidatures).where(eq(candidatures.compteId, compteId))
  return row
}

export async function trouverCandidature(db: Database, id: string, verrou = false) {
  const q = db.select().from(candidatures).where(eq(candidatures.id, id))
  const [row] = verrou ? await q.for('update') : await q
  return row
}

export async function majCandidature(
  db: Database,
  id: string,
  champs: Partial<typeof candidatures.$inferInsert>,
) {
  await db
    .update(candidatures)
    .set({ ...champs, majLe: sql`now()` })
    .where(eq(candidatures.id, id))
}

export async function enregistrerCv(db: Database, cv: typeof cvCandidats.$inferInsert) {
  await db
    .insert(cvCandidats)
    .values(cv)
    .onConflictDoUpdate({
      target: cvCandidats.candidatureId,
      set: {
        nomFichier: cv.nomFichier,
        contenu: cv.contenu,
        taille: cv.taille,
        deposeLe: cv.deposeLe ?? sql`now()`,
      },
    })
}

export async function lireCv(db: Database, candidatureId: string) {
  const [row] = await db.select().from(cvCandidats).where(eq(cvCandidats.candidatureId, candidatureId))
  return row
}

/** Deletes the CVs sent before `limite` and says whose they were (retention, see domain/cv.ts). */
export async function supprimerCvAvant(db: Database, limite: Date) {
  return db
    .delete(cvCandidats)
    .where(lt(cvCandidats.deposeLe, limite))
    .returning({ candidatureId: cvCandidats.candidatureId, deposeLe: cvCandidats.deposeLe })
}

export async function aUnCv(db: Database, candidatureId: string) {
  const [row] = await db
    .select({ taille: cvCandidats.taille, nom: cvCandidats.nomFichier, deposeLe: cvCandidats.deposeLe })
    .from(cvCandidats)
    .where(eq(cvCandidats.candidatureId, candidatureId))
  return row
}

/** Candidates who may be matched, inside a latitude/longitude box (index-friendly prefilter). */
export async function candidatsDansBoite(
  db: Database,
  b: { latMin: number; latMax: number; lonMin: number; lonMax: number },
) {
  return db
    .select({
      id: candidatures.id,
      latitude: candidatures.latitude,
      longitude: candidatures.longitude,
      rayonKm: candidatures.rayonKm,
      codeDepartement: candidatures.codeDepartement,
      disponibleLe: candidatures.disponibleLe,
      diplomeMediationNumerique: candidatures.diplomeMediationNumerique,
      niveauPix: candidatures.niveauPix,
      experiencePublic: candidatures.experiencePublic,
    })
    .from(candidatures)
    .where(
      and(
        inArray(candidatures.statut, ['disponible', 'en_cours_de_recrutement']),
        gte(candidatures.latitude, b.latMin),
        lte(candidatures.latitude, b.latMax),
        gte(candidatures.longitude, b.lonMin),
        lte(candidatures.longitude, b.lonMax),
      ),
    )
}

export async function candidaturesParIds(db: Database, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db
    .select()
    .from(candidatures)
    .where(inArray(candidatures.id, [...ids]))
}

export async function misesEnRelationDeStructure(db: Database, structureId: string) {
  return db
    .select({ mer: misesEnRelation, candidature: candidatures })
    .from(misesEnRelation)
    .innerJoin(candidatures, eq(candidatures.id, misesEnRelation.candidatureId))
    .where(eq(misesEnRelation.structureId, structureId))
    .orderBy(asc(misesEnRelation.statut), desc(misesEnRelation.majLe))
}

export async function misesEnRelationDeCandidature(db: Database, candidatureId: string) {
  return db
    .select({ mer: misesEnRelation, structureNom: structures.nom })
    .from(misesEnRelation)
    .innerJoin(structures, eq(structures.id, misesEnRelation.structureId))
    .where(eq(misesEnRelation.candidatureId, candidatureId))
    .orderBy(desc(misesEnRelation.majLe))
}

export async function trouverMiseEnRelation(
  db: Database,
  structureId: string,
  candidatureId: string,
  verrou = false,
) {
  const q = db
    .select()
    .from(misesEnRelation)
    .where(
      and(eq(misesEnRelation.structureId, structureId), eq(misesEnRelation.candidatureId, candidatureId)),
    )
  const [row] = verrou ? await q.for('update') : await q
  return row
}

export async function creerMiseEnRelation(db: Database, m: typeof misesEnRelation.$inferInsert) {
  const [row] = await db.insert(misesEnRelation).values(m).returning()
  if (!row) throw new Error('insertion de mise en relation sans retour')
  return row
}

export async function majMiseEnRelation(
  db: Database,
  id: string,
  champs: Partial<typeof misesEnRelation.$inferInsert>,
) {
  await db
    .update(misesEnRelation)
    .set({ ...champs, majLe: sql`now()` })
    .where(eq(misesEnRelation.id, id))
}

export async function recrutementsEnCours(db: Database, structureId: string) {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(misesEnRelation)
    .where(and(eq(misesEnRelation.structureId, structureId), eq(misesEnRelation.statut, 'recrutee')))
  return r?.n ?? 0
}

export async function autresRecrutements(db: Database, candidatureId: string, saufId: string) {
  return db
    .select()
    .from(misesEnRelation)
    .where(
      and(
        eq(misesEnRelation.candidatureId, candidatureId),
        eq(misesEnRelation.statut, 'recrutee'),
        ne(misesEnRelation.id, saufId),
      ),
    )
}
