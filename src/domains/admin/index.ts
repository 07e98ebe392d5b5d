/** Back-office of the national team. */
import type { FastifyInstance } from 'fastify'
import type { DepsComptes, Portee } from '../comptes'
import { adminRoutes } from './http/routes'

export async function enregistrerAdmin(
  app: FastifyInstance,
  o: { deps: DepsComptes; listerPortees: () => Promise<Portee[]> },
) {
  await app.register(adminRoutes, o)
  app.navigation.ajouterMenu({ libelle: 'Comptes', href: '/admin/comptes', roles: ['admin'], ordre: 90 })
  app.navigation.ajouterMenu({ libelle: 'Journal', href: '/admin/journal', roles: ['admin'], ordre: 91 })
}
