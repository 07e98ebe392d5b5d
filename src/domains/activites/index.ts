/**
 * Public surface of the activities domain: registration, demo data and the ports it needs from
 * other domains. Everything else in this folder is internal.
 */
import type { FastifyInstance } from 'fastify'
import type { Horloge } from '../../platform/crypto'
import type { Database } from '../../platform/db/database'
import { structureDuBeneficiaire } from './db/beneficiaires-repository'
import { activitesRoutes } from './http/routes'
import { makePurgerBeneficiaires } from './use-cases/beneficiaires'
import {
  type DepsActivites,
  memoriserStructures,
  type PortDiagnostic,
  type PortLieux,
  type PortStructures,
} from './use-cases/deps'

export { seedActivites } from './demo'
export { SEUIL_K_ANONYMAT } from './domain/k-anonymat'
export type {
  FranceServicesProche,
  LieuActivite,
  PortDiagnostic,
  PortLieux,
  PortStructures,
  TerritoireDeStructure,
} from './use-cases/deps'
export { type PortTableauDeBordActivites, sourceTableauDeBordActivites } from './use-cases/tableau-de-bord'

export interface OptionsActivites {
  db: Database
  horloge: Horloge
  lieux: PortLieux
  structures: PortStructures
  diagnostic?: PortDiagnostic
  fichierServiceWorker: () => string | undefined
}

export async function enregistrerActivites(app: FastifyInstance, o: OptionsActivites) {
  const deps: DepsActivites = {
    db: o.db,
    horloge: o.horloge,
    lieux: o.lieux,
    structures: memoriserStructures(o.structures),
    diagnostic: o.diagnostic ?? { resultatsDuBeneficiaire: async () => [] },
  }
  await app.register(activitesRoutes, { deps, fichierServiceWorker: o.fichierServiceWorker })
  app.navigation.ajouterMenu({
    libelle: 'Mes activités',
    href: '/activites',
    roles: ['conseiller'],
    ordre: 30,
  })
  app.navigation.ajouterMenu({
    libelle: 'Statistiques',
    href: '/activites/statistiques',
    roles: ['conseiller', 'gestionnaire', 'prefecture', 'coordinateur', 'admin'],
    ordre: 60,
  })
  app.navigation.ajouterAccueil({
    titre: 'L’inclusion numérique en chiffres',
    description: 'Les personnes accompagnées par les conseillers numériques, par territoire et par mois.',
    href: '/statistiques',
    public: 'grand_public',
    ordre: 90,
  })

  // Retention of follow-up files: purged at start, then daily (the purge is idempotent, so several
  // instances running it at once only repeat work).
  const purger = makePurgerBeneficiaires(deps)
  const lancer = () =>
    void purger().catch((e: Error) =>
      app.log.error({ err: { message: e.message } }, 'purge des fiches de suivi'),
    )
  let minuterie: NodeJS.Timeout | undefined
  app.addHook('onReady', async () => {
    lancer()
    minuterie = setInterval(lancer, 24 * 3600_000)
    minuterie.unref()
  })
  app.addHook('onClose', async () => clearInterval(minuterie))
}

/**
 * The places where a structure's conseillers record activities: the places it manages in `lieux`, or,
 * while it has none, its own premises as its one place.
 */
export function lieuxOuLocaux(
  lieuxGeres: PortLieux['lieuxDeLaStructure'],
  structures: PortStructures,
): PortLieux['lieuxDeLaStructure'] {
  // Read on every write: where a structure is, remembered a minute (as the use cases do).
  const memoire = memoriserStructures(structures)
  return async (id) => {
    const lieux = await lieuxGeres(id)
    if (lieux.length) return lieux
    const t = await memoire.territoireDeStructure(id)
    return [
      {
        id: `structure:${id}`,
        nom: t ? `Locaux de la structure (${t.nom})` : 'Locaux de la structure',
        codeCommune: t?.codeCommune ?? null,
      },
    ]
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The structure whose conseiller opened a follow-up file, `undefined` for an unknown file. Another
 * domain linking one of its records to a file checks it against its caller's structures first.
 */
export async function structureDeLaFicheSuivi(
  db: Database,
  ficheSuiviId: string,
): Promise<string | undefined> {
  return UUID.test(ficheSuiviId) ? structureDuBeneficiaire(db, ficheSuiviId) : undefined
}
