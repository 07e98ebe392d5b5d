import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, connecter, creerCompteTest, H } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import { creerStructure } from '../../recrutement'

/** Whatever a client sends in a query string or a sync body: a 2xx/3xx or a 4xx in French, never a 5xx. */

const valeur = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    '',
    'national',
    'region:93',
    'region:',
    'departement:13',
    'departement:2A',
    'departement:999',
    'structure:x',
    'conseiller:',
    '2025-13',
    '2025-01',
    '2026-11',
    '1999-01',
    '9999-12',
    '-1',
    '0',
    '1e9',
    'collectif',
    'email',
    '%',
    '\u0000',
  ),
)
const requete = fc.dictionary(
  fc.constantFrom('territoire', 'du', 'au', 'mois', 'type', 'theme', 'page', 'format'),
  valeur,
  { maxKeys: 4 },
)
const chaine = (q: Record<string, string>) => new URLSearchParams(q).toString()
const enFrancais = /[a-zàâçéèêëîïôûù]/i

describe.each(MOTEURS)('activités : entrées arbitraires (%s)', (moteur) => {
  let t: AppDeTest
  let conseiller: Navigateur
  let admin: Navigateur
  let anonyme: Navigateur
  beforeAll(async () => {
    t = await appDeTest(moteur)
    const s = await creerStructure(t.base.db, {
      nom: 'S',
      type: 'commune',
      codeCommune: '13055',
      codeDepartement: '13',
      codeRegion: '93',
    })
    conseiller = new Navigateur(t.app)
    await connecter(conseiller, t, await creerCompteTest(t.base, { habilitations: H.conseiller(s.id) }))
    admin = new Navigateur(t.app)
    await connecter(admin, t, await creerCompteTest(t.base, { habilitations: H.admin(), totp: true }))
    anonyme = new Navigateur(t.app)
  })
  afterAll(async () => t.fermer())

  it('paramètres de requête arbitraires : jamais de 5xx, un 4xx porte un message', async () => {
    const routes: [Navigateur, string][] = [
      [conseiller, '/activites'],
      [conseiller, '/activites/calendrier'],
      [conseiller, '/activites/export.csv'],
      [conseiller, '/activites/statistiques'],
      [admin, '/activites/statistiques'],
      [admin, '/activites/statistiques.csv'],
      [admin, '/activites/statistiques.xlsx'],
      [anonyme, '/statistiques'],
      [anonyme, '/api/v1/statistiques'],
    ]
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), requete, async ([n, route], q) => {
        const r = await n.get(`${route}?${chaine(q)}`)
        expect(r.statusCode, `${route}?${chaine(q)}`).toBeLessThan(500)
        if (r.statusCode >= 400) expect(r.body).toMatch(enFrancais)
      }),
      { numRuns: 120 },
    )
  })

  it('l’API ouverte refuse un territoire ou une période invalides par un 400 en JSON', async () => {
    for (const q of [
      'territoire=lune',
      'territoire=departement:999',
      'du=2025-13',
      'du=2026-05&au=2025-01',
    ]) {
      const r = await anonyme.get(`/api/v1/statistiques?${q}`)
      expect(r.statusCode, q).toBe(400)
      expect(r.headers['content-type']).toContain('application/json')
      expect(JSON.stringify(r.json())).toMatch(/territoire|période|mois|date/i)
    }
  })

  it('corps de synchronisation arbitraires : 200 avec des refus motivés ou 400, jamais de 5xx', async () => {
    await conseiller.get('/activites/nouvelle')
    const envoyer = (payload: string) =>
      t.app.inject({
        method: 'POST',
        url: '/activites/synchronisation',
        headers: {
          cookie: [...conseiller.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          'content-type': 'application/json',
          'csrf-token': conseiller.dernierCsrf!,
        },
        payload,
      })
    const activite = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.record(
        {
          id: fc.oneof(fc.uuid({ version: 4 }), fc.string({ maxLength: 10 })),
          type: valeur,
          date: valeur,
          duree: fc.oneof(valeur, fc.integer()),
          lieu_type: fc.constantFrom('distance', 'domicile', 'lieu_activite', 'x'),
          themes: fc.oneof(valeur, fc.array(valeur, { maxLength: 3 })),
          participants: fc.oneof(valeur, fc.integer()),
        },
        { requiredKeys: [] },
      ),
    )
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ activites: fc.array(activite, { maxLength: 4 }) }).map((x) => JSON.stringify(x)),
          fc.jsonValue({ maxDepth: 2 }).map((x) => JSON.stringify(x)),
          fc.string({ maxLength: 30 }),
        ),
        async (corps) => {
          const r = await envoyer(corps)
          expect(r.statusCode, corps).toBeLessThan(500)
          expect([200, 400, 413, 415]).toContain(r.statusCode)
          if (r.statusCode === 200) {
            const { resultats } = r.json() as {
              resultats: { statut: string; erreurs?: Record<string, string> }[]
            }
            for (const x of resultats) {
              expect(['enregistree', 'deja', 'refusee']).toContain(x.statut)
              if (x.statut === 'refusee')
                for (const m of Object.values(x.erreurs ?? {})) expect(m).toMatch(enFrancais)
            }
          } else expect(r.body).toMatch(enFrancais)
        },
      ),
      { numRuns: 60 },
    )
  })

  it('un identifiant d’activité ou de fiche mal formé donne 404, pas 500', async () => {
    for (const url of [
      '/activites/pas-un-id/modifier',
      '/activites/pas-un-id/dupliquer',
      '/activites/beneficiaires/pas-un-id',
      '/activites/beneficiaires/pas-un-id/export.json',
    ]) {
      const r = await conseiller.get(url)
      expect(r.statusCode, url).toBe(404)
    }
    await conseiller.get('/activites')
    expect((await conseiller.post('/activites/pas-un-id/supprimer')).statusCode).toBe(404)
  })
})
