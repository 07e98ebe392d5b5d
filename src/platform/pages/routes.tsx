import type { FastifyInstance } from 'fastify'
import { type Connecteur, etatDesConnecteurs } from '../connecteurs/registre'
import type { DatabaseHandle } from '../db/database'
import { etatMigrations } from '../db/database'
import { AccueilPage } from './accueil.page'
import { AccessibilitePage, DonneesPersonnellesPage, MentionsLegalesPage } from './legales.page'

/** Home, legal pages and health check. */
export async function pagesRoutes(
  app: FastifyInstance,
  {
    base,
    version,
    contactAccessibilite,
    connecteurs,
  }: {
    base: DatabaseHandle
    version: string
    contactAccessibilite: string
    /** Each outside service, how it is reached (real, simulated, disabled) and its breaker's state. */
    connecteurs: readonly Connecteur[]
  },
) {
  app.get('/', async (_request, reply) =>
    reply.page({ titre: 'Accueil', contenu: <AccueilPage entrees={app.navigation.accueil} /> }),
  )
  app.get('/mentions-legales', async (_r, reply) =>
    reply.page({
      titre: 'Mentions légales',
      ariane: [{ libelle: 'Mentions légales' }],
      contenu: <MentionsLegalesPage />,
    }),
  )
  app.get('/donnees-personnelles', async (_r, reply) =>
    reply.page({
      titre: 'Données personnelles',
      ariane: [{ libelle: 'Données personnelles' }],
      contenu: <DonneesPersonnellesPage />,
    }),
  )
  app.get('/accessibilite', async (_r, reply) =>
    reply.page({
      titre: 'Déclaration d’accessibilité',
      ariane: [{ libelle: 'Accessibilité' }],
      contenu: <AccessibilitePage contact={contactAccessibilite} />,
    }),
  )

  app.get('/sante', async (_request, reply) => {
    try {
      const m = await etatMigrations(base.db)
      const ok = m.appliquees === m.connues
      return reply
        .status(ok ? 200 : 503)
        .header('cache-control', 'no-store')
        .send({
          statut: ok ? 'ok' : 'migrations_en_retard',
          base: base.kind,
          migrations: { appliquees: m.appliquees, connues: m.connues },
          // `connecteurs.<nom>` stays the mode string; the breakers' states sit apart (ADR 050).
          ...etatDesConnecteurs(connecteurs),
          version,
        })
    } catch {
      return reply
        .status(503)
        .header('cache-control', 'no-store')
        .send({ statut: 'base_indisponible', base: base.kind, version })
    }
  })
}
