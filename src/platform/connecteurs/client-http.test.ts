import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { cheminPourJournal, creerClientHttp, type OptionsClientHttp } from './client-http'
import { demarrerServeurPannes, type ServeurPannes } from './serveur-pannes'

const schema = z.object({ ok: z.boolean() })
let serveur: ServeurPannes
const pauses: number[] = []
const lignes: { niveau: string; ligne: Record<string, unknown> }[] = []

beforeAll(async () => {
  serveur = await demarrerServeurPannes()
})
afterAll(() => serveur.fermer())
beforeEach(() => {
  serveur.requetes.length = 0
  pauses.length = 0
  lignes.length = 0
})

/** Real HTTP to the fault server; pauses recorded, not slept; fixed jitter. */
function client(o: Partial<OptionsClientHttp> = {}) {
  return creerClientHttp({
    nom: 'essai',
    baseUrl: `${serveur.url}/api/`,
    delaiMs: 300,
    pauseMs: 100,
    alea: () => 0.5,
    attendre: async (ms) => {
      pauses.push(ms)
    },
    journal: {
      info: (ligne) => lignes.push({ niveau: 'info', ligne: ligne as Record<string, unknown> }),
      warn: (ligne) => lignes.push({ niveau: 'warn', ligne: ligne as Record<string, unknown> }),
    },
    ...o,
  })
}

describe('client HTTP des connecteurs, contre un serveur qui tombe en panne', () => {
  it('rend les données validées, le statut, et appelle le chemin sous la base avec la requête', async () => {
    const r = await client().get('/search', { query: { q: '13002526500013', vide: undefined }, schema })
    expect(r).toEqual({ ok: true, donnees: { ok: true }, statut: 200 })
    expect(serveur.requetes).toEqual(['/api/search?q=13002526500013'])
  })

  it('coupe une réponse lente au délai, réessaie, et réussit à la tentative suivante', async () => {
    serveur.programmer({ type: 'lent', ms: 2000 })
    const debut = performance.now()
    const r = await client().get('/x', { schema })
    expect(r.ok).toBe(true)
    expect(performance.now() - debut).toBeLessThan(1500)
    expect(serveur.requetes).toHaveLength(2)
    expect(pauses).toEqual([75])
  })

  it('coupe aussi un corps qui traîne après les en-têtes', async () => {
    serveur.programmer({ type: 'corps-lent', ms: 2000 }, { type: 'corps-lent', ms: 2000 })
    const r = await client({ tentatives: 2 }).get('/x', { schema })
    expect(r).toEqual({ ok: false, raison: 'indisponible' })
  })

  it('réessaie un 500 avec une pause qui double (gigue comprise), puis dit indisponible', async () => {
    serveur.programmer(...Array(3).fill({ type: 'statut', statut: 500 }))
    const r = await client().get('/x', { schema })
    expect(r).toEqual({ ok: false, raison: 'indisponible', statut: 500 })
    expect(serveur.requetes).toHaveLength(3)
    // pause n = base·2^(n-1), moitié fixe, moitié aléatoire (aléa 0,5 → 3/4)
    expect(pauses).toEqual([75, 150])
  })

  it('respecte Retry-After d’un 429, en secondes ou en date', async () => {
    serveur.programmer(
      { type: 'statut', statut: 429, entetes: { 'retry-after': '2' } },
      { type: 'statut', statut: 429, entetes: { 'retry-after': new Date(Date.now() + 3000).toUTCString() } },
    )
    const r = await client().get('/x', { schema })
    expect(r.ok).toBe(true)
    expect(pauses[0]).toBe(2000)
    expect(pauses[1]).toBeGreaterThan(1000)
    expect(pauses[1]).toBeLessThanOrEqual(3000)
  })

  it('abandonne à un Retry-After plus long que le plafond, sans réessayer', async () => {
    serveur.programmer({ type: 'statut', statut: 429, entetes: { 'retry-after': '120' } })
    const r = await client({ attenteMaxMs: 10_000 }).get('/x', { schema })
    expect(r).toEqual({ ok: false, raison: 'indisponible', statut: 429 })
    expect(serveur.requetes).toHaveLength(1)
  })

  it('réessaie une connexion coupée', async () => {
    serveur.programmer({ type: 'coupe' }, { type: 'coupe' })
    expect((await client().get('/x', { schema })).ok).toBe(true)
    expect(serveur.requetes).toHaveLength(3)
  })

  it('dit réponse invalide pour un JSON cassé ou une forme inattendue, sans réessayer', async () => {
    serveur.programmer({ type: 'json-casse' }, { type: 'ok', corps: { autre: 1 } })
    expect(await client().get('/x', { schema })).toEqual({
      ok: false,
      raison: 'reponse-invalide',
      statut: 200,
    })
    expect(await client().get('/x', { schema })).toEqual({
      ok: false,
      raison: 'reponse-invalide',
      statut: 200,
    })
    expect(serveur.requetes).toHaveLength(2)
  })

  it('distingue introuvable (404) et refus (400), sans réessayer', async () => {
    serveur.programmer({ type: 'statut', statut: 404 }, { type: 'statut', statut: 400 })
    expect(await client().get('/x', { schema })).toEqual({ ok: false, raison: 'introuvable', statut: 404 })
    expect(await client().get('/x', { schema })).toEqual({ ok: false, raison: 'refus', statut: 400 })
    expect(serveur.requetes).toHaveLength(2)
  })

  it('envoie un POST en JSON, ou un texte tel quel, et lit une réponse texte par son schéma', async () => {
    const r = await client().post('/y', { corps: { a: 1 }, schema })
    expect(r.ok).toBe(true)
    serveur.programmer({ type: 'ok', corps: 'pas du json' })
    const t = await client().post('/y', { corps: 'a;b', schema: z.string(), format: 'texte' })
    expect(t).toEqual({ ok: true, donnees: '"pas du json"', statut: 200 })
  })

  it('ouvre le disjoncteur après des appels en échec : la suite répond tout de suite, sans requête', async () => {
    serveur.programmer(...Array(4).fill({ type: 'statut', statut: 503 }))
    const c = client({ tentatives: 2, seuilDisjoncteur: 2 })
    await c.get('/x', { schema })
    expect(c.etat()).toBe('ferme')
    await c.get('/x', { schema })
    expect(c.etat()).toBe('ouvert')
    const avant = serveur.requetes.length
    expect(await c.get('/x', { schema })).toEqual({ ok: false, raison: 'indisponible' })
    expect(serveur.requetes.length).toBe(avant)
  })

  it('laisse passer un seul essai sans nouvelle tentative une fois le délai écoulé, et se referme s’il réussit', async () => {
    let maintenant = Date.parse('2026-12-03T10:00:00Z')
    const c = client({
      tentatives: 3,
      seuilDisjoncteur: 1,
      reouvertureMs: 30_000,
      horloge: () => new Date(maintenant),
    })
    serveur.programmer(...Array(4).fill({ type: 'statut', statut: 500 }))
    await c.get('/x', { schema })
    expect(c.etat()).toBe('ouvert')
    maintenant += 30_000
    expect(c.etat()).toBe('demi-ouvert')
    serveur.requetes.length = 0
    expect((await c.get('/x', { schema })).ok).toBe(false)
    expect(serveur.requetes).toHaveLength(1)
    expect(c.etat()).toBe('ouvert')
    maintenant += 30_000
    expect((await c.get('/x', { schema })).ok).toBe(true)
    expect(c.etat()).toBe('ferme')
  })

  it('journalise connecteur, chemin sans requête, statut, durée et tentative — jamais la valeur cherchée', async () => {
    serveur.programmer({ type: 'statut', statut: 502 })
    await client().get('/search', { query: { q: 'Mairie de Trifouillis 13002526500013' }, schema })
    expect(lignes.map((l) => l.niveau)).toEqual(['warn', 'info'])
    expect(lignes[0]?.ligne).toMatchObject({
      connecteur: 'essai',
      chemin: '/search',
      statut: 502,
      tentative: 1,
    })
    expect(lignes[1]?.ligne).toMatchObject({ statut: 200, tentative: 2 })
    expect(typeof lignes[1]?.ligne.dureeMs).toBe('number')
    const texte = JSON.stringify(lignes)
    expect(texte).not.toMatch(/13002526500013|Trifouillis/)
  })

  it('masque dans le chemin journalisé la requête et les longues suites de chiffres', () => {
    expect(cheminPourJournal('/etablissements/13002526500013?x=1')).toBe('/etablissements/[masqué]')
    expect(cheminPourJournal('/api/erps/mairie-42/')).toBe('/api/erps/mairie-42/')
  })
})
