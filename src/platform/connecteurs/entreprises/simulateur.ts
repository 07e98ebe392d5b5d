import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { FastifyPluginAsync } from 'fastify'
import { z } from 'zod'

/**
 * Simulator of the company-search API (`GET /search`), for the demo and the tests: recorded answers in
 * the real shape (`enregistrements.json`, fictional organisations with well-formed SIRETs), looked up by
 * SIRET or SIREN like the real service. One SIRET plays a register that is down (503), for the demo of
 * « la vérification sera faite plus tard ».
 */

export const SIRET_REGISTRE_EN_PANNE = '91234567500017'

interface Enregistrement {
  siren: string
  matching_etablissements: { siret: string }[]
}

let enregistrements: Enregistrement[] | undefined
const lire = (): Enregistrement[] =>
  (enregistrements ??= (
    JSON.parse(readFileSync(path.join(import.meta.dirname, 'enregistrements.json'), 'utf8')) as {
      resultats: Enregistrement[]
    }
  ).resultats)

const questionSimulee = z.object({
  q: z.string().max(200).optional(),
  per_page: z.string().max(10).optional(),
})

export const simulateurEntreprises: FastifyPluginAsync = async (app) => {
  app.get('/search', async (request, reply) => {
    // A repeated or odd parameter is refused as the real service does: 400, never 500.
    const lu = questionSimulee.safeParse(request.query)
    if (!lu.success) return reply.status(400).send({ erreur: 'Paramètres de recherche invalides.' })
    const { q, per_page } = lu.data
    const recherche = (q ?? '').replace(/\s/g, '')
    // The real service refuses a question shorter than 3 characters, in this wording's spirit.
    if (recherche.length < 3)
      return reply
        .status(400)
        .send({ erreur: 'Veuillez indiquer au moins 3 caractères dans le paramètre q.' })
    if (recherche === SIRET_REGISTRE_EN_PANNE)
      return reply.status(503).send({ erreur: 'Service momentanément indisponible.' })
    const trouves = lire().filter((u) =>
      /^\d{14}$/.test(recherche)
        ? u.matching_etablissements.some((e) => e.siret === recherche)
        : u.siren === recherche,
    )
    const parPage = Math.min(25, Math.max(1, Number(per_page) || 10))
    return {
      results: trouves.slice(0, parPage),
      total_results: trouves.length,
      page: 1,
      per_page: parPage,
      total_pages: trouves.length ? Math.ceil(trouves.length / parPage) : 0,
    }
  })
}
