/**
 * Public surface of the diagnostic domain (ABC Diag): what app.ts and other domains may use.
 * Everything else in this folder is internal.
 */
import type { FastifyInstance } from 'fastify'
import type { Database } from '../../platform/db/database'
import { accueilRoutes } from './http/accueil.routes'
import { beneficiairesRoutes } from './http/beneficiaires.routes'
import { etapeRoutes } from './http/etape.routes'
import { horsLigneRoutes } from './http/hors-ligne.routes'
import { passationsRoutes } from './http/passations.routes'
import { resultatRoutes } from './http/resultat.routes'
import { sessionsRoutes } from './http/sessions.routes'
import type { DepsDiagnostic } from './use-cases/deps'
import { makeResultatsDeFicheSuivi } from './use-cases/fiche-suivi'
import { makePurger } from './use-cases/purger'

export type { DepsDiagnostic, LieuProche, TrouverLieux } from './use-cases/deps'
export { makePurger as makePurgerDiagnostics } from './use-cases/purger'
export { sourceTableauDeBordDiagnostic } from './use-cases/tableau-de-bord'

/**
 * The diagnostics kept with consent in the records a conseiller attached to a follow-up file of
 * the activities domain (« Mes activités »), oldest first: `{ date: 'YYYY-MM-DD', resume }`. For its
 * port `PortDiagnostic.resultatsDuBeneficiaire`; the caller checks the file is the conseiller's.
 */
export function resultatsDiagnosticDeLaFiche(
  db: Database,
  ficheSuiviId: string,
): Promise<{ date: string; resume: string }[]> {
  return makeResultatsDeFicheSuivi({ db })(ficheSuiviId)
}

// The retention purge runs at start and then every hour; deleting is idempotent, so several
// instances running it at once is harmless (docs/ARCHITECTURE.md: nothing in process memory matters).
const PURGE_TOUTES_LES_MS = 3600_000

export async function enregistrerDiagnostic(app: FastifyInstance, deps: DepsDiagnostic) {
  // One file per URL prefix: the public test, then the conseiller's side.
  for (const routes of [
    accueilRoutes,
    etapeRoutes,
    horsLigneRoutes,
    resultatRoutes,
    sessionsRoutes,
    passationsRoutes,
    beneficiairesRoutes,
  ])
    await app.register(routes, { deps })
  app.navigation.ajouterAccueil({
    titre: 'Faire le point sur mes usages numériques',
    description:
      'Un petit test gratuit, sans compte, de 5 à 15 minutes : ce que vous savez déjà faire, et où trouver de l’aide près de chez vous.',
    href: '/diagnostic',
    public: 'grand_public',
    ordre: 20,
  })
  app.navigation.ajouterMenu({
    libelle: 'Diagnostics',
    href: '/diagnostic/sessions',
    roles: ['conseiller'],
    ordre: 30,
  })

  const purger = makePurger(deps)
  const lancer = () =>
    purger().catch((e: Error) =>
      app.log.error({ err: { message: e.message } }, 'purge des diagnostics en échec'),
    )
  let minuteur: NodeJS.Timeout | undefined
  app.addHook('onReady', async () => {
    void lancer()
    minuteur = setInterval(lancer, PURGE_TOUTES_LES_MS)
    minuteur.unref()
  })
  app.addHook('onClose', async () => {
    if (minuteur) clearInterval(minuteur)
  })
}
