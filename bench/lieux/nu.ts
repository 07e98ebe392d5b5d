/**
 * Reference server for bench/lieux: a bare Fastify route answering a small JSON, nothing else, in as
 * many processes as the app (`WORKERS`), so that both use the same cores.
 */
import cluster from 'node:cluster'
import Fastify from 'fastify'

const processus = Number(process.env.WORKERS ?? 1)
if (cluster.isPrimary && processus > 1) {
  for (let i = 0; i < processus; i++) cluster.fork()
  process.once('SIGTERM', () => {
    for (const t of Object.values(cluster.workers ?? {})) t?.process.kill('SIGTERM')
    process.exit(0)
  })
} else {
  const app = Fastify({ logger: false })
  const corps = {
    total: 1,
    page: 1,
    limit: 10,
    suivant: null,
    resultats: [{ id: 'x', nom: 'Lieu', distance_km: 1.2 }],
  }
  app.get('/nu', async () => corps)
  await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' })
}
