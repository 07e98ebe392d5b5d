import { createReadStream, existsSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { exigerRole } from '../../../platform/auth/utilisateur'
import { messageErreur } from '../domain/erreurs'
import { uuidV7 } from '../domain/identifiant'
import { makeEnregistrerActivite } from '../use-cases/enregistrer-activite'
import { auteur, type ContexteRoutes, ID } from './commun'
import { lireSaisieEtCommunes } from './saisie-communes'

/**
 * The offline queue of the entry form: its service worker, and the sync that replays queued reports.
 *
 * The sync is the recording path the bench loads (bench/activites, ADR 020): the envelope is checked by
 * one small zod schema, each report by `lireSaisie` as the form is, and nothing else is read per request.
 */
const corpsSynchronisation = z.object({ activites: z.array(z.unknown()).max(50) })
const REFUS_SYNCHRONISATION = 'activites : une liste de 1 à 50 activités est attendue.'

export function routesHorsLigne(
  app: FastifyInstance,
  { deps, aujourdhui, fichierServiceWorker }: ContexteRoutes,
) {
  const enregistrer = makeEnregistrerActivite(deps)

  /** Each queued report carries its client id; a replay answers `deja`. */
  app.post('/activites/synchronisation', { preHandler: exigerRole('conseiller') }, async (request, reply) => {
    const par = auteur(request)
    const corps = corpsSynchronisation.safeParse(request.body)
    if (!corps.success) return reply.status(400).send({ erreur: REFUS_SYNCHRONISATION })
    const resultats = []
    for (const brut of corps.data.activites) {
      const id = brut && typeof brut === 'object' && 'id' in brut ? brut.id : undefined
      if (typeof id !== 'string' || !ID.test(id)) {
        resultats.push({
          id: null,
          statut: 'refusee',
          erreurs: { id: 'id : identifiant client manquant ou invalide.' },
        })
        continue
      }
      const lu = lireSaisieEtCommunes(brut, aujourdhui(), uuidV7)
      if (!lu.ok) {
        resultats.push({ id, statut: 'refusee', erreurs: lu.erreurs })
        continue
      }
      const r = await enregistrer({ par, saisie: lu.saisie })
      resultats.push(
        r.ok
          ? { id, statut: r.value.deja ? 'deja' : 'enregistree' }
          : { id, statut: 'refusee', erreurs: { formulaire: messageErreur(r.error) } },
      )
    }
    return reply.header('cache-control', 'no-store').send({ resultats })
  })

  app.get('/activites/sw.js', async (_request, reply) => {
    const fichier = fichierServiceWorker()
    if (!fichier || !existsSync(fichier))
      return reply.status(404).type('text/plain').send('service worker non construit')
    // A stable URL whose scope is /activites/: the worker itself must be re-checked on every visit.
    return reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('service-worker-allowed', '/activites/')
      .send(createReadStream(fichier))
  })
}
