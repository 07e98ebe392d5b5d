import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { creerClientHttp } from '../client-http'
import { demarrerServeurPannes, type ServeurPannes } from '../serveur-pannes'
import { monterSimulateur } from '../simulateur'
import { creerAdaptateurAcceslibre } from './adaptateur'
import { FICHE_EN_PANNE, simulateurAcceslibre } from './simulateur'

const rapide = { pauseMs: 1, delaiMs: 1000, attendre: async () => {} }

/** Contract: the real adapter, over real HTTP on loopback, against our simulator of Acceslibre. */
describe('Acceslibre : adaptateur réel contre le simulateur', () => {
  let app: FastifyInstance
  let url: string
  beforeAll(async () => {
    app = Fastify()
    await monterSimulateur(app, 'acceslibre', simulateurAcceslibre)
    url = `${await app.listen({ port: 0, host: '127.0.0.1' })}/simulateurs/acceslibre`
  })
  afterAll(() => app.close())
  // null: no key at all (undefined would take the default).
  const acceslibre = (cle: string | null = 'cle-de-test') =>
    creerAdaptateurAcceslibre({
      client: creerClientHttp({ nom: 'acceslibre', baseUrl: url, ...rapide }),
      cle: cle ?? undefined,
    })

  it('lit le résumé d’une fiche par son identifiant, avec la clé d’API', async () => {
    expect(await acceslibre().lire('maison-des-solidarites-gap-cezanne')).toEqual({
      ok: true,
      resume: {
        url: 'https://acceslibre.beta.gouv.fr/app/05-gap/a/centre-social/erp/maison-des-solidarites-gap-cezanne/',
        entreePlainPied: true,
        stationnementAdapte: true,
        transportAProximite: true,
        personnelSensibilise: true,
        equipementMalentendants: true,
        sanitairesAdaptes: true,
        misAJourLe: '2026-06-18',
      },
    })
    const sansSanitaires = await acceslibre().lire('bibliotheque-departementale-des-hautes-alpes')
    expect(sansSanitaires.ok && sansSanitaires.resume).toMatchObject({
      entreePlainPied: false,
      stationnementAdapte: true,
      personnelSensibilise: false,
      sanitairesAdaptes: false,
    })
    const partielle = await acceslibre().lire('mediatheque-du-centre-gap')
    expect(partielle.ok && partielle.resume).toMatchObject({
      personnelSensibilise: null,
      sanitairesAdaptes: null,
    })
  })

  it('une fiche inconnue n’a pas de résumé ; sans clé ou en panne, Acceslibre ne répond pas', async () => {
    expect(await acceslibre().lire('fiche-qui-n-existe-pas')).toEqual({ ok: true, resume: null })
    expect(await acceslibre(null).lire('maison-des-solidarites-gap-cezanne')).toEqual({ ok: false })
    expect(await acceslibre().lire(FICHE_EN_PANNE)).toEqual({ ok: false })
    expect(await acceslibre().lire('../../admin')).toEqual({ ok: true, resume: null })
  })
})

describe('Acceslibre : pannes', () => {
  let pannes: ServeurPannes
  beforeAll(async () => {
    pannes = await demarrerServeurPannes()
  })
  afterAll(() => pannes.fermer())

  it('429 avec Retry-After honoré puis réponse ; réponse d’une autre forme ; lenteur', async () => {
    const client = creerClientHttp({ nom: 'acceslibre', baseUrl: pannes.url, tentatives: 2, ...rapide })
    const a = creerAdaptateurAcceslibre({ client, cle: 'cle' })
    pannes.programmer(
      { type: 'statut', statut: 429, entetes: { 'retry-after': '0' } },
      {
        type: 'ok',
        corps: { slug: 'x', web_url: 'https://acceslibre.beta.gouv.fr/app/x/', accessibilite: null },
      },
    )
    const r = await a.lire('x')
    expect(r.ok && r.resume?.entreePlainPied).toBeNull()
    pannes.programmer({ type: 'ok', corps: { autre: 'forme' } })
    expect(await a.lire('x')).toEqual({ ok: false })
    const lent = creerAdaptateurAcceslibre({
      client: creerClientHttp({
        nom: 'acceslibre',
        baseUrl: pannes.url,
        tentatives: 1,
        ...rapide,
        delaiMs: 100,
      }),
      cle: 'cle',
    })
    pannes.programmer({ type: 'corps-lent', ms: 400 })
    expect(await lent.lire('x')).toEqual({ ok: false })
  })
})
