/** Back-office of the national team. */
import type { FastifyInstance } from 'fastify'
import { exigerRole } from '../../platform/auth/utilisateur'
import type { Database } from '../../platform/db/database'
import type { PortComptes, Portee } from '../comptes'
import { nommeursObjetsFormation } from '../formation'
import { nommeursObjetsRecrutement } from '../recrutement'
import type { NommerObjets } from './domain/journal'
import { comptesAdminRoutes } from './http/comptes.routes'
import { journalAdminRoutes } from './http/journal.routes'

/** Accounts by their holder's name, each with its page in the back-office. */
function nommerComptes(comptes: PortComptes): NommerObjets {
  return async (ids) => {
    const trouves = await Promise.all(ids.map((id) => comptes.trouverCompte(id)))
    return new Map(
      trouves.flatMap((c) =>
        c ? [[c.id, { libelle: `${c.prenom} ${c.nom}`, href: `/admin/comptes/${c.id}` }] as const] : [],
      ),
    )
  }
}

/** Every route of this domain needs the admin role (second factor included). */
export async function enregistrerAdmin(
  app: FastifyInstance,
  o: { comptes: PortComptes; db: Database; listerPortees: () => Promise<Portee[]> },
) {
  await app.register(async (admin) => {
    admin.addHook('preHandler', exigerRole('admin'))
    await admin.register(comptesAdminRoutes, { comptes: o.comptes, listerPortees: o.listerPortees })
    await admin.register(journalAdminRoutes, {
      db: o.db,
      nommer: {
        compte: nommerComptes(o.comptes),
        ...nommeursObjetsRecrutement(o.db),
        ...nommeursObjetsFormation(o.db),
      },
    })
  })
  app.navigation.ajouterMenu({ libelle: 'Comptes', href: '/admin/comptes', roles: ['admin'], ordre: 90 })
  app.navigation.ajouterMenu({ libelle: 'Journal', href: '/admin/journal', roles: ['admin'], ordre: 91 })
}
