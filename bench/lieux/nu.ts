/** Reference server for bench/lieux: a bare Fastify route answering a small JSON, nothing else. */
import Fastify from 'fastify'

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
