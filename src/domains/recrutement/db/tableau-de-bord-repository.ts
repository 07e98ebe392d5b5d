import { and, asc, count, eq, inArray, sql } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import { candidatures, misesEnRelation, structures } from './schema'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Reads of the home blocks (`/espace`). Each is bounded: by département through
 * `structures_departement_idx`, by structure through `mer_structure_idx`, by account through
 * `candidatures_compte_uq`; the national pipeline counts by status on two tables of a few thousand rows.
 */

export interface DossierEnAttente {
  id: string
  nom: string
  codeDepartement: string
  deposeLe: Date
}

/** Applications filed in these départements and waiting for the prefecture's opinion, oldest first. */
export async function dossiersEnAttenteDAvis(
  db: Database,
  departements: readonly string[],
  limite: number,
): Promise<{ total: number; premiers: DossierEnAttente[] }> {
  if (departements.length === 0) return { total: 0, premiers: [] }
  const ou = and(inArray(structures.codeDepartement, [...departements]), eq(structures.statut, 'deposee'))
  const [premiers, [total]] = await Promise.all([
    db
      .select({
        id: structures.id,
        nom: structures.nom,
        codeDepartement: structures.codeDepartement,
        deposeLe: structures.creeLe,
      })
      .from(structures)
      .where(ou)
      .orderBy(asc(structures.creeLe), asc(structures.nom))
      .limit(limite),
    db.select({ n: count() }).from(structures).where(ou),
  ])
  return { total: total?.n ?? 0, premiers }
}

/** The host structures of some départements (a region's), by name, at most `limite`. */
export async function structuresDesDepartements(
  db: Database,
  departements: readonly string[],
  limite: number,
): Promise<{ id: string; nom: string }[]> {
  if (departements.length === 0) return []
  return db
    .select({ id: structures.id, nom: structures.nom })
    .from(structures)
    .where(inArray(structures.codeDepartement, [...departements]))
    .orderBy(asc(structures.nom))
    .limit(limite)
}

/** A manager's structures: status, posts validated, candidates by stage of recruitment. */
export async function etatDesStructures(db: Database, idsDemandes: readonly string[]) {
  // A scope code that is no structure id (a hand-made role) matches nothing rather than failing.
  const ids = idsDemandes.filter((id) => UUID.test(id))
  if (ids.length === 0) return []
  const [lignes, mer] = await Promise.all([
    db
      .select({
        id: structures.id,
        nom: structures.nom,
        statut: structures.statut,
        postesValides: structures.postesValides,
      })
      .from(structures)
      .where(inArray(structures.id, [...ids]))
      .orderBy(asc(structures.nom)),
    db
      .select({ structureId: misesEnRelation.structureId, statut: misesEnRelation.statut, n: count() })
      .from(misesEnRelation)
      .where(inArray(misesEnRelation.structureId, [...ids]))
      .groupBy(misesEnRelation.structureId, misesEnRelation.statut),
  ])
  return lignes.map((s) => ({
    ...s,
    misesEnRelation: Object.fromEntries(
      mer.filter((m) => m.structureId === s.id).map((m) => [m.statut, Number(m.n)]),
    ) as Record<string, number>,
  }))
}

/** A candidate's own application (one per account), if any. */
export async function candidatureDuCompte(db: Database, compteId: string) {
  const [c] = await db
    .select({ statut: candidatures.statut, disponibleLe: candidatures.disponibleLe })
    .from(candidatures)
    .where(eq(candidatures.compteId, compteId))
  return c
}

/** Recruited conseillers whose contract is running, nationally (the national team's pipeline). */
export async function conseillersEnPoste(db: Database): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(misesEnRelation)
    .where(eq(misesEnRelation.statut, 'recrutee'))
  return Number(r?.n ?? 0)
}
