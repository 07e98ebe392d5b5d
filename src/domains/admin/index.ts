/** Back-office of the national team. */
import type { FastifyInstance } from 'fastify'
import { exigerRole } from '../../platform/auth/utilisateur'
import type { Database } from '../../platform/db/database'
import type { PortComptes, Portee } from '../comptes'
import { comptesAdminRoutes } from './http/comptes.routes'
import { journalAdminRoutes } from './http/journal.routes'

/** Every route of this domain needs the admin role (second factor included). */
export async function enregistrerAdmin(
  app: FastifyInstance,
  o: { comptes: PortComptes; db: Database; listerPortees: () => Promise<Portee[]> },
) {
  await app.register(async (admin) => {
    admin.addHook('preHandler', exigerRole('admin'))
    await admin.register(comptesAdminRoutes, { comptes: o.comptes, listerPortees: o.listerPortees })
    await admin.register(journalAdminRoutes, { db: o.db })
  })
  app.navigation.ajouterMenu({ libelle: 'Comptes', href: '/admin/comptes', roles: ['admin'], ordre: 90 })
  app.navigation.ajouterMenu({ libelle: 'Journal', href: '/admin/journal', roles: ['admin'], ordre: 91 })
}
