import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import { comptes, rolesComptes } from './schema'

export interface ConseillerDeStructure {
  compteId: string
  prenom: string
  nom: string
  structureId: string
}

/**
 * The active conseillers of some structures (a regional coordinator's home), by name, at most
 * `limite`: read through `roles_comptes_role_idx` (role, scope type, scope code).
 */
export async function conseillersDesStructures(
  db: Database,
  structureIds: readonly string[],
  limite: number,
): Promise<ConseillerDeStructure[]> {
  if (structureIds.length === 0) return []
  return db
    .select({
      compteId: comptes.id,
      prenom: comptes.prenom,
      nom: comptes.nom,
      structureId: rolesComptes.porteeCode,
    })
    .from(rolesComptes)
    .innerJoin(comptes, eq(comptes.id, rolesComptes.compteId))
    .where(
      and(
        eq(rolesComptes.role, 'conseiller'),
        eq(rolesComptes.porteeType, 'structure'),
        inArray(rolesComptes.porteeCode, [...structureIds]),
        eq(comptes.actif, true),
      ),
    )
    .orderBy(asc(comptes.nom), asc(comptes.prenom))
    .limit(limite)
}
