import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { creerClientHttp } from '../client-http'
import { demarrerServeurPannes, type ServeurPannes } from '../serveur-pannes'
import { monterSimulateur } from '../simulateur'
import { creerAdaptateurEntreprises } from './adaptateur'
import { secteurDeCategorieJuridique } from './nomenclatures'
import { SIRET_REGISTRE_EN_PANNE, simulateurEntreprises } from './simulateur'

const rapide = { pauseMs: 1, delaiMs: 500, attendre: async () => {} }

/** Contract: the real adapter, over real HTTP on loopback, against our simulator of the register. */
describe('registre des entreprises : adaptateur réel contre le simulateur', () => {
  let app: FastifyInstance
  let url: string
  beforeAll(async () => {
    app = Fastify()
    await monterSimulateur(app, 'entreprises', simulateurEntreprises)
    url = `${await app.listen({ port: 0, host: '127.0.0.1' })}/simulateurs/entreprises`
  })
  afterAll(() => app.close())
  const registre = () =>
    creerAdaptateurEntreprises({ client: creerClientHttp({ nom: 'entreprises', baseUrl: url, ...rapide }) })

  it('trouve une commune par son SIRET : nom, voie, code postal, commune INSEE, catégorie, activité', async () => {
    const r = await registre().parSiret('218 400 554 00018')
    expect(r).toEqual({
      statut: 'trouve',
      etablissement: {
        siret: '21840055400018',
        siren: '218400554',
        denomination: 'COMMUNE DE MORIERES-LES-AVIGNON',
        adresse: 'PLACE DE LA MAIRIE',
        codePostal: '84310',
        commune: '84081',
        libelleCommune: 'MORIERES-LES-AVIGNON',
        categorieJuridique: { code: '7210', libelle: 'Commune et commune nouvelle' },
        activite: { code: '84.11Z', libelle: 'Administration publique générale' },
        actif: true,
      },
    })
  })

  it('lit un établissement secondaire, un CCAS public, une association et une SARL privées', async () => {
    const r = registre()
    const secondaire = await r.parSiret('21840055400026')
    expect(secondaire.statut === 'trouve' && secondaire.etablissement.adresse).toBe('CHEMIN DES ECOLES')
    const secteurs: Record<string, string> = {}
    for (const siret of ['26840031400012', '78351204900017', '81245609300010']) {
      const e = await r.parSiret(siret)
      if (e.statut !== 'trouve') throw new Error(siret)
      secteurs[e.etablissement.categorieJuridique.libelle] = secteurDeCategorieJuridique(
        e.etablissement.categorieJuridique.code,
      )
    }
    expect(secteurs).toEqual({
      'Centre communal d’action sociale': 'public',
      'Association déclarée': 'prive',
      'Société à responsabilité limitée (SARL)': 'prive',
    })
  })

  it('dit fermé un établissement fermé, introuvable un SIRET inconnu, indisponible un registre en panne', async () => {
    const r = registre()
    const ferme = await r.parSiret('78351204900025')
    expect(ferme.statut === 'trouve' && ferme.etablissement.actif).toBe(false)
    expect(await r.parSiret('81245609300028')).toEqual({ statut: 'introuvable' })
    expect(await r.parSiret(SIRET_REGISTRE_EN_PANNE)).toEqual({ statut: 'indisponible' })
  })
})

describe('registre des entreprises : pannes, cache', () => {
  let pannes: ServeurPannes
  beforeAll(async () => {
    pannes = await demarrerServeurPannes()
  })
  afterAll(() => pannes.fermer())

  it('garde une réponse un jour, pas une panne ; une réponse d’une autre forme vaut indisponible', async () => {
    let maintenant = 0
    const horloge = () => new Date(maintenant)
    const client = creerClientHttp({ nom: 'entreprises', baseUrl: pannes.url, tentatives: 1, ...rapide })
    const r = creerAdaptateurEntreprises({ client, horloge })
    pannes.programmer({ type: 'statut', statut: 502 }, { type: 'ok', corps: { results: [] } })
    expect(await r.parSiret('81245609300010')).toEqual({ statut: 'indisponible' })
    expect(await r.parSiret('81245609300010')).toEqual({ statut: 'introuvable' })
    expect(await r.parSiret('81245609300010')).toEqual({ statut: 'introuvable' })
    expect(pannes.requetes).toHaveLength(2)
    maintenant += 24 * 3600_000
    pannes.programmer({ type: 'ok', corps: { resultats: 'autre forme' } })
    expect(await r.parSiret('81245609300010')).toEqual({ statut: 'indisponible' })
    expect(pannes.requetes).toHaveLength(3)
  })

  it('ne demande rien pour ce qui n’est pas un SIRET', async () => {
    const client = creerClientHttp({ nom: 'entreprises', baseUrl: pannes.url, ...rapide })
    const avant = pannes.requetes.length
    expect(await creerAdaptateurEntreprises({ client }).parSiret('W842003417')).toEqual({
      statut: 'introuvable',
    })
    expect(pannes.requetes.length).toBe(avant)
  })
})
