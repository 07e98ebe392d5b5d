/** Public surface of the Aidants Connect domain. */
import type { FastifyInstance } from 'fastify'
import type { Portee } from '../../platform/auth/roles'
import type { Database } from '../../platform/db/database'
import { listerOrganisations } from './db/organisations-repository'
import { connexionAidantRoutes } from './http/connexion.routes'
import { consentementRoutes } from './http/consentement.routes'
import { oidcRoutes, registreFournisseurs } from './http/oidc.routes'
import { aidantsRoutes } from './http/routes'
import type { DepsAidants } from './use-cases/deps'

export { creerOrganisation } from './db/organisations-repository'
export { seedAidants } from './demo'
export { DEMARCHES } from './domain/demarches'
export type { DepsAidants } from './use-cases/deps'
export { sourceTableauDeBordAidants } from './use-cases/tableau-de-bord'
export { makeTaches } from './use-cases/taches'

export async function porteesOrganisations(db: Database): Promise<Portee[]> {
  return (await listerOrganisations(db)).map((o) => ({
    type: 'organisation',
    code: o.id,
    libelle: `${o.nom} (${o.codeDepartement})`,
  }))
}

/** Registers the identity provider, the FranceConnect simulator (demo), the pages and the menu entries. */
export async function enregistrerAidants(app: FastifyInstance, deps: DepsAidants) {
  const registre = registreFournisseurs(deps)
  await app.register(oidcRoutes, { deps, registre })
  await app.register(aidantsRoutes, { deps, registre })
  await app.register(connexionAidantRoutes, { deps })
  await app.register(consentementRoutes, { deps })
  app.navigation.ajouterMenu({
    libelle: 'Mes usagers',
    href: '/aidants/espace',
    roles: ['aidant'],
    ordre: 40,
  })
  app.navigation.ajouterMenu({
    libelle: 'Espace référent',
    href: '/aidants/referent',
    roles: ['referent'],
    ordre: 41,
  })
  app.navigation.ajouterMenu({
    libelle: 'Habilitations Aidants Connect',
    href: '/aidants/admin/habilitations',
    roles: ['admin'],
    ordre: 89,
  })
  app.navigation.ajouterMenu({
    libelle: 'Journal Aidants Connect',
    href: '/aidants/admin/journal',
    roles: ['admin'],
    ordre: 90,
  })
  app.navigation.ajouterAccueil({
    titre: 'Mes mandats Aidants Connect',
    description: 'Voir les mandats donnés à un aidant, qui les a utilisés, et les révoquer.',
    href: '/mes-mandats',
    public: 'grand_public',
    ordre: 50,
  })
  app.navigation.ajouterAccueil({
    titre: 'Aidants Connect',
    description: 'Habiliter une structure et ses aidants pour faire des démarches au nom d’usagers.',
    href: '/aidants',
    public: 'professionnel',
    ordre: 50,
  })
}
