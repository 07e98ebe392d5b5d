/**
 * Public surface of the recruitment domain: host structures (used by accounts for scopes and by the
 * demo data), the registration of its routes, and its demo data.
 */
import type { FastifyInstance } from 'fastify'
import type { Portee } from '../../platform/auth/roles'
import type { Database } from '../../platform/db/database'
import { assurerPhaseParDefaut } from './db/programme-repository'
import { listerStructures, trouverStructure } from './db/structures-repository'
import { recrutementRoutes } from './http/routes'
import type { DepsRecrutement } from './use-cases/deps'
import { makePurgerCv } from './use-cases/purger-cv'

export { nommeursObjetsRecrutement } from './db/journal-objets'
export type { StructureRow } from './db/structures-repository'
export { creerStructure } from './db/structures-repository'
export { structuresDesDepartements } from './db/tableau-de-bord-repository'
export { seedRecrutement } from './demo'
export type { PointCarte } from './domain/couverture'
export type { DepsRecrutement, InscrireEnFormation, PortLieux } from './use-cases/deps'
export { makePurgerCv } from './use-cases/purger-cv'
export { sourceTableauDeBordRecrutement } from './use-cases/tableau-de-bord'

export async function porteesStructures(db: Database): Promise<Portee[]> {
  return (await listerStructures(db)).map((s) => ({
    type: 'structure',
    code: s.id,
    libelle: `${s.nom} (${s.codeDepartement})`,
  }))
}

/** Where a host structure is (for other domains: activity statistics by territory). */
export async function territoireDeStructure(
  db: Database,
  id: string,
): Promise<{ nom: string; codeCommune: string; codeDepartement: string; codeRegion: string } | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined
  const s = await trouverStructure(db, id)
  return (
    s && {
      nom: s.nom,
      codeCommune: s.codeCommune,
      codeDepartement: s.codeDepartement,
      codeRegion: s.codeRegion,
    }
  )
}

/**
 * What `buildApp` hands in. The accounts port is `comptes`; while app.ts still passes the accounts'
 * own dependencies instead, the port is built here from them, once (the use cases only see the port).
 */
export async function enregistrerRecrutement(app: FastifyInstance, deps: DepsRecrutement) {
  // The 2020 announcement is the first phase when the programme has none: money is data (see README).
  await assurerPhaseParDefaut(deps.db)
  await app.register(recrutementRoutes, { deps })

  // CV retention (six months): purged at start, then daily. Idempotent, so several instances may run it.
  const purgerCv = makePurgerCv(deps)
  const lancer = () =>
    void purgerCv().catch((e: Error) =>
      app.log.error({ err: { message: e.message } }, 'purge des CV des candidats en échec'),
    )
  let minuterie: NodeJS.Timeout | undefined
  app.addHook('onReady', async () => {
    lancer()
    minuterie = setInterval(lancer, 24 * 3600_000)
    minuterie.unref()
  })
  app.addHook('onClose', async () => clearInterval(minuterie))
  app.navigation.ajouterAccueil({
    titre: 'Devenir conseiller numérique',
    description:
      'Postulez pour aider les personnes éloignées du numérique près de chez vous : poste financé, formation de 350 heures.',
    href: '/candidature/conseiller',
    public: 'professionnel',
    ordre: 40,
  })
  app.navigation.ajouterAccueil({
    titre: 'Accueillir un conseiller',
    description:
      'Collectivités, associations, entreprises de l’ESS : répondez à l’appel à manifestation d’intérêt.',
    href: '/candidature/structure',
    public: 'professionnel',
    ordre: 41,
  })
  app.navigation.ajouterMenu({ libelle: 'Ma candidature', href: '/candidat', roles: ['candidat'], ordre: 20 })
  app.navigation.ajouterMenu({
    libelle: 'Ma structure',
    href: '/structure',
    roles: ['gestionnaire'],
    ordre: 20,
  })
  app.navigation.ajouterMenu({
    libelle: 'Structures candidates',
    href: '/prefecture/structures',
    roles: ['prefecture'],
    ordre: 20,
  })
  app.navigation.ajouterMenu({ libelle: 'Comité national', href: '/comite', roles: ['admin'], ordre: 20 })
  app.navigation.ajouterMenu({
    libelle: 'Pilotage',
    href: '/pilotage',
    roles: ['admin', 'coordinateur', 'prefecture'],
    ordre: 21,
  })
}
