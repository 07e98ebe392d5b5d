/** Back-office of the national team. */
import type { FastifyInstance } from 'fastify'
import { exigerRole } from '../../platform/auth/utilisateur'
import type { DepsComptes, Portee } from '../comptes'
import { comptesAdminRoutes } from './http/comptes.routes'
import { journalAdminRoutes } from './http/journal.routes'

/** Every route of this domain needs the admin role (second factor included). */
export async function enregistrerAdmin(
  app: FastifyInstance,
  o: { deps: DepsComptes; listerPortees: () => Promise<Portee[]> },
) {
  await app.register(async (admin) => {
    admin.addHook('preHandler', exigerRole('admin'))
    await admin.register(comptesAdminRoutes, o)
    await admin.register(journalAdminRoutes, { db: o.deps.db })
  })
  app.navigation.ajouterMenu({ libelle: 'Comptes', href: '/admin/comptes', roles: ['admin'], ordre: 90 })
  app.navigation.ajouterMenu({ libelle: 'Journal', href: '/admin/journal', roles: ['admin'], ordre: 91 })
}
