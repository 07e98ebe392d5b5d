import type { FastifyInstance } from 'fastify'
import { utilisateurConnecte } from '../../../platform/auth/utilisateur'
import type { Horloge } from '../../../platform/crypto'
import { jourAParis, type SourceTableauDeBord } from '../../../platform/layout/tableau-de-bord'
import { LIBELLES_ROLES } from '../domain/roles'
import { makeTableauDeBord } from '../use-cases/tableau-de-bord'
import { EspacePage } from '../views/espace.page'

export interface OptionsEspace {
  /** Each domain's blocks for the home, wired by app.ts from the domains' `index.ts`. */
  sources: readonly SourceTableauDeBord[]
  horloge: Horloge
}

/** `/espace`: the home of a signed-in person, one dashboard block per domain and role, then their tools. */
export async function espaceRoutes(app: FastifyInstance, o: OptionsEspace) {
  const tableauDeBord = makeTableauDeBord(o.sources, o.horloge)
  app.get('/espace', async (request, reply) => {
    const u = utilisateurConnecte(request)
    const entrees = app.navigation
      .menuPour(u.habilitations.map((h) => h.role))
      .filter((e) => e.roles.length > 0)
    const { blocs, echecs, maintenant } = await tableauDeBord(u, request.log)
    return reply.page({
      titre: 'Mon espace',
      espace: 'pro',
      ariane: [{ libelle: 'Mon espace' }],
      contenu: (
        <EspacePage
          prenom={u.prenom}
          roles={u.habilitations.map((h) => ({
            libelle: LIBELLES_ROLES[h.role],
            portee: h.portee.libelle,
          }))}
          blocs={blocs}
          echecs={echecs}
          aujourdhui={jourAParis(maintenant)}
          outils={entrees.map((e) => ({ libelle: e.libelle, href: e.href }))}
        />
      ),
    })
  })
}
