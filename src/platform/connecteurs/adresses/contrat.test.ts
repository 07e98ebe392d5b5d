import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { creerClientHttp } from '../client-http'
import { demarrerServeurPannes, type ServeurPannes } from '../serveur-pannes'
import { monterSimulateur } from '../simulateur'
import { creerAdaptateurAdresses } from './adaptateur'
import type { AdresseAGeocoder } from './port'
import { ADRESSE_EN_PANNE, simulateurAdresses } from './simulateur'

const rapide = { pauseMs: 1, delaiMs: 1000, attendre: async () => {} }
const adresse = (cle: string, a: string, codePostal: string, commune: string): AdresseAGeocoder => ({
  cle,
  adresse: a,
  codePostal,
  commune,
  codeInsee: null,
})

/** Contract: the real adapter, over real HTTP on loopback, against our simulator of the address base. */
describe('Base adresse nationale : adaptateur réel contre le simulateur', () => {
  let app: FastifyInstance
  let url: string
  beforeAll(async () => {
    app = Fastify()
    await monterSimulateur(app, 'adresses', simulateurAdresses)
    url = `${await app.listen({ port: 0, host: '127.0.0.1' })}/simulateurs/adresses`
  })
  afterAll(() => app.close())
  const base = () =>
    creerAdaptateurAdresses({ client: creerClientHttp({ nom: 'adresses', baseUrl: url, ...rapide }) })

  it('place une adresse au numéro, une voie, un lieu-dit, et la commune seule quand la rue est inconnue', async () => {
    const b = base()
    const numero = await b.geocoder(adresse('1', '2 rue Colonel Roux', '05000', 'Gap'))
    expect(numero).toEqual({
      ok: true,
      position: {
        latitude: 44.55996,
        longitude: 6.07878,
        precision: 'numero',
        score: 0.97,
        codeInsee: '05061',
        libelle: '2 Rue Colonel Roux 05000 Gap',
      },
    })
    const voie = await b.geocoder(adresse('2', 'Quai Lucien Toulmond', '13500', 'Martigues'))
    expect(voie.ok && voie.position.precision).toBe('voie')
    const lieuDit = await b.geocoder(adresse('3', 'Lieu-dit Les Eyssagnières', '05000', 'Gap'))
    expect(lieuDit.ok && lieuDit.position.precision).toBe('lieu-dit')
    const commune = await b.geocoder(adresse('4', '999 impasse Inconnue', '05000', 'Gap'))
    expect(commune.ok && commune.position).toMatchObject({ precision: 'commune', codeInsee: '05061' })
  })

  it('dit introuvable une adresse hors de toute commune, indisponible une base en panne', async () => {
    const b = base()
    expect(await b.geocoder(adresse('1', 'nulle part', '99999', 'Atlantide'))).toEqual({
      ok: false,
      raison: 'introuvable',
    })
    expect(await b.geocoder(adresse('2', `1 rue ${ADRESSE_EN_PANNE}`, '05000', 'Gap'))).toEqual({
      ok: false,
      raison: 'indisponible',
    })
  })

  it('géocode un lot par le point CSV : chaque clé retrouve sa position, les inconnues manquent', async () => {
    const r = await base().geocoderLot([
      adresse('a', '27 B AV DE LA TRILLADE', '84000', 'Avignon'),
      adresse('b', '52 Avenue de Frais Vallon', '13013', 'MARSEILLE'),
      adresse('c', 'nulle part, "guillemets", virgules', '99999', 'Atlantide'),
      adresse('d', '2 Avenue de LODOLA', '06190', 'ROQUEBRUNE-CAP-MARTIN'),
    ])
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect([...r.positions.keys()].sort()).toEqual(['a', 'b', 'd'])
    expect(r.positions.get('b')).toMatchObject({
      precision: 'numero',
      codeInsee: '13213',
      latitude: 43.32875,
    })
    expect(r.positions.get('a')?.precision).toBe('numero')
  })
})

describe('Base adresse nationale : pannes', () => {
  let pannes: ServeurPannes
  beforeAll(async () => {
    pannes = await demarrerServeurPannes()
  })
  afterAll(() => pannes.fermer())

  it('réessaie une erreur 500 puis lit la réponse ; refuse un score trop faible ; lit un JSON cassé comme une panne', async () => {
    const client = creerClientHttp({ nom: 'adresses', baseUrl: pannes.url, tentatives: 2, ...rapide })
    const b = creerAdaptateurAdresses({ client })
    const feature = (score: number) => ({
      type: 'FeatureCollection',
      features: [
        {
          geometry: { coordinates: [6.07, 44.55] },
          properties: { label: 'Gap', score, type: 'street', citycode: '05061' },
        },
      ],
    })
    pannes.programmer({ type: 'statut', statut: 500 }, { type: 'ok', corps: feature(0.8) })
    const r = await b.geocoder(adresse('1', 'rue A', '05000', 'Gap'))
    expect(r.ok && r.position.precision).toBe('voie')
    pannes.programmer({ type: 'ok', corps: feature(0.2) })
    expect(await b.geocoder(adresse('1', 'rue A', '05000', 'Gap'))).toEqual({
      ok: false,
      raison: 'introuvable',
    })
    pannes.programmer({ type: 'json-casse' })
    expect(await b.geocoder(adresse('1', 'rue A', '05000', 'Gap'))).toEqual({
      ok: false,
      raison: 'indisponible',
    })
    // The log never carries the address: the query string is not part of what is recorded.
    expect(pannes.requetes.at(-1)).toContain('q=rue+A')
  })

  it('une base lente ou qui coupe la connexion : indisponible, puis le disjoncteur répond tout de suite', async () => {
    const client = creerClientHttp({
      nom: 'adresses',
      baseUrl: pannes.url,
      tentatives: 1,
      seuilDisjoncteur: 2,
      ...rapide,
      delaiMs: 100,
    })
    const b = creerAdaptateurAdresses({ client })
    pannes.programmer({ type: 'lent', ms: 400 }, { type: 'coupe' })
    expect(await b.geocoder(adresse('1', 'rue A', '05000', 'Gap'))).toEqual({
      ok: false,
      raison: 'indisponible',
    })
    expect(await b.geocoderLot([adresse('1', 'rue A', '05000', 'Gap')])).toEqual({
      ok: false,
      raison: 'indisponible',
    })
    expect(client.etat()).toBe('ouvert')
    const avant = pannes.requetes.length
    expect(await b.geocoder(adresse('1', 'rue A', '05000', 'Gap'))).toEqual({
      ok: false,
      raison: 'indisponible',
    })
    expect(pannes.requetes.length).toBe(avant)
  })
})
