import type { FastifyInstance } from 'fastify'
import type { DepsLieux } from '../use-cases/deps'
import { exporterDataInclusion } from '../use-cases/exporter-data-inclusion'

const LIMITE = { rateLimit: { max: 60, timeWindow: '1 minute' } }

/**
 * `GET /api/v1/lieux/export/data-inclusion/structures` and `/services`: every place in the schema of
 * data·inclusion (JSON lists, as its own API serves them). Built from the in-memory index, kept per
 * index version: the national file is computed once per change, not per request.
 */
export function routesDataInclusion(app: FastifyInstance, deps: DepsLieux) {
  let memoire:
    | { version: string; corps: Record<'structures' | 'services', string>; exclus: number }
    | undefined
  const exporter = async () => {
    const index = await deps.catalogue.index()
    if (memoire?.version !== index.version) {
      const e = exporterDataInclusion(index.tous(), deps.baseUrl ?? '')
      memoire = {
        version: index.version,
        corps: { structures: JSON.stringify(e.structures), services: JSON.stringify(e.services) },
        exclus: e.exclus,
      }
    }
    return memoire
  }
  for (const genre of ['structures', 'services'] as const)
    app.get(
      `/lieux/export/data-inclusion/${genre}`,
      {
        config: LIMITE,
        schema: {
          tags: ['lieux'],
          summary: `Exporter les lieux au schéma data·inclusion (${genre})`,
          description:
            genre === 'structures'
              ? 'Une structure par lieu, au schéma de data·inclusion (plateforme nationale des services d’insertion). Correspondance des vocabulaires : celle de la bibliothèque @gouvfr-anct/lieux-de-mediation-numerique. L’en-tête `x-lieux-exclus` compte les lieux écartés.'
              : 'Un service « Médiation numérique » par lieu, rattaché à sa structure par `structure_id`. L’en-tête `x-lieux-exclus` compte les lieux écartés.',
        },
      },
      async (request, reply) => {
        const m = await exporter()
        const etag = `W/"di-${genre}-${m.version.replace(/[^0-9a-z:]/gi, '')}"`
        if (request.headers['if-none-match'] === etag) return reply.status(304).send()
        return reply
          .header('etag', etag)
          .header('cache-control', 'public, max-age=300')
          .header('x-lieux-exclus', String(m.exclus))
          .type('application/json; charset=utf-8')
          .send(m.corps[genre])
      },
    )
}
