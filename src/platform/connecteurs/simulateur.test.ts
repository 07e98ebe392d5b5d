import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { creerClientHttp } from './client-http'
import { etatDesConnecteurs, modeConnecteur } from './registre'
import { fetchParInjection, monterSimulateur } from './simulateur'

describe('simulateurs et registre des connecteurs', () => {
  it('le client joint un simulateur monté sous /simulateurs/<nom> par injection : requête, statut, corps', async () => {
    const app = Fastify()
    await monterSimulateur(app, 'essai', async (s) => {
      s.get('/echo', async (request, reply) => {
        const { q } = request.query as { q?: string }
        if (!q) return reply.status(404).send({ erreur: 'introuvable' })
        return { q, accept: request.headers.accept }
      })
    })
    await app.ready()
    const client = creerClientHttp({
      nom: 'essai',
      baseUrl: 'http://ne-sert-pas.invalid/simulateurs/essai',
      fetch: fetchParInjection(app),
      tentatives: 1,
    })
    const schema = z.object({ q: z.string(), accept: z.string() })
    expect(await client.get('/echo', { query: { q: 'é & ?' }, schema })).toEqual({
      ok: true,
      donnees: { q: 'é & ?', accept: 'application/json' },
      statut: 200,
    })
    expect(await client.get('/echo', { schema })).toEqual({ ok: false, raison: 'introuvable', statut: 404 })
    await app.close()
  })

  it('liste le mode de chaque connecteur et l’état des disjoncteurs de ceux qui sont actifs', () => {
    expect(modeConnecteur(false, true)).toBe('desactive')
    expect(modeConnecteur(true, false)).toBe('simule')
    expect(
      etatDesConnecteurs([
        { nom: 'smtp', mode: 'reel' },
        { nom: 'entreprises', mode: 'simule', etat: () => 'ouvert' },
        { nom: 'adresses', mode: 'desactive', etat: () => 'ferme' },
      ]),
    ).toEqual({
      connecteurs: { smtp: 'reel', entreprises: 'simule', adresses: 'desactive' },
      disjoncteurs: { entreprises: 'ouvert' },
    })
  })
})
