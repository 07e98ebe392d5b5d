import { createReadStream, existsSync } from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { loadManifest } from '../../../platform/assets/assets'
import { trouverPassationDuNavigateur } from '../use-cases/lire-passation'
import { makeSynchroniser } from '../use-cases/synchroniser'
import { type ContexteRoutes, jetonDuNavigateur, LIMITE } from './commun'
import { synchronisationForm } from './diagnostic.form'

const DOSSIER_BUILD = path.resolve(import.meta.dirname, '../../../../public/build')
/** The built service worker, from the asset manifest, when app.ts does not hand its path. */
function serviceWorkerConstruit(): string | undefined {
  try {
    return path.join(
      DOSSIER_BUILD,
      loadManifest(DOSSIER_BUILD)
        .js('diagnostic-sw')
        .replace(/^\/assets\//, ''),
    )
  } catch {
    return undefined
  }
}

/** The test without network (ADR 010): `/diagnostic/synchronisation` and `/diagnostic/sw.js`. */
export async function horsLigneRoutes(app: FastifyInstance, { deps }: ContexteRoutes) {
  const synchroniser = makeSynchroniser(deps)
  const fichierServiceWorker = deps.fichierServiceWorker ?? serviceWorkerConstruit

  /**
   * Answers given without network, sent by the page when the network is back, JSON.
   * R4 counts the offline answers as activity, within bounds (`expireHorsLigne`).
   */
  app.post('/diagnostic/synchronisation', { config: LIMITE }, async (request, reply) => {
    reply.header('cache-control', 'no-store')
    const passation = await trouverPassationDuNavigateur(deps.db, jetonDuNavigateur(request))
    // Erased, purged, or this browser's cookie is gone: the copy can never be sent.
    if (!passation) return reply.status(404).send({ statut: 'inconnu' })
    const corps = synchronisationForm.safeParse(request.body)
    if (!corps.success) return reply.status(400).send({ erreur: 'Les réponses envoyées sont illisibles.' })
    const r = await synchroniser(
      passation,
      corps.data.reponses.map((x) => ({
        ...x,
        mesures: Object.fromEntries(
          Object.entries(x.mesures).filter((e): e is [string, number] => e[1] !== undefined),
        ),
      })),
    )
    if (!r.ok) return reply.status(410).send({ statut: 'interrompu' })
    return reply.send(r.value)
  })

  /** The test's service worker: a stable URL whose scope is /diagnostic/ (the cookie's path). */
  app.get('/diagnostic/sw.js', async (_request, reply) => {
    const fichier = fichierServiceWorker()
    if (!fichier || !existsSync(fichier))
      return reply.status(404).type('text/plain').send('service worker non construit')
    // The worker itself must be re-checked on every visit.
    return reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(createReadStream(fichier))
  })
}
