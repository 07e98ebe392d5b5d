import { desc, eq } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import type { Role } from '../domain/roles'
import { comptes, rolesComptes } from './schema'

export const DOMAINE_DEMO = '@demo.escale.localhost'

/** Active demo accounts (`@demo.escale.localhost`) with one of their roles, for the demo login page. */
export async function comptesDeDemonstration(db: Database) {
  const rows = await db
    .select({
      id: comptes.id,
      email: comptes.email,
      prenom: comptes.prenom,
      nom: comptes.nom,
      role: rolesComptes.role,
      portee: rolesComptes.porteeLibelle,
    })
    .from(comptes)
    .innerJoin(rolesComptes, eq(rolesComptes.compteId, comptes.id))
    .where(eq(comptes.actif, true))
    .orderBy(desc(comptes.email))
  const vus = new Set<string>()
  return rows
    .filter((r) => r.email.endsWith(DOMAINE_DEMO) && !vus.has(r.id) && vus.add(r.id))
    .map((r) => ({ ...r, role: r.role as Role }))
}
