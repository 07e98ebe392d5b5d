import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { FastifyPluginAsync } from 'fastify'

/**
 * Simulator of the Acceslibre API for the demo and the tests: `GET /api/erps/<slug or uuid>/` answers
 * a recorded record (`enregistrements.json`, fictional places of Gap) in the real shape, asks for the
 * `Authorization: Api-Key …` header like the real service (401 without), 404 for an unknown record.
 * The identifier `panne-acceslibre` plays a service that is down (503).
 */

export const FICHE_EN_PANNE = 'panne-acceslibre'

interface Erp {
  uuid: string
  slug: string
}

let erps: Erp[] | undefined
const enregistres = () =>
  (erps ??= (
    JSON.parse(readFileSync(path.join(import.meta.dirname, 'enregistrements.json'), 'utf8')) as {
      erps: Erp[]
    }
  ).erps)

export const simulateurAcceslibre: FastifyPluginAsync = async (app) => {
  app.get('/api/erps/:identifiant/', async (request, reply) => {
    if (!/^Api-Key \S+$/.test(String(request.headers.authorization ?? '')))
      return reply.status(401).send({ detail: 'Informations d’authentification non fournies.' })
    const { identifiant } = request.params as { identifiant: string }
    if (identifiant === FICHE_EN_PANNE) return reply.status(503).send({ detail: 'Service indisponible.' })
    const erp = enregistres().find((e) => e.slug === identifiant || e.uuid === identifiant)
    if (!erp) return reply.status(404).send({ detail: 'Pas trouvé.' })
    return erp
  })
}
