import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import { diagnosticPassations, diagnosticReponses } from '../db/schema'
import {
  aEnvoyer,
  type CopieLocale,
  copieDepuisLaPage,
  etapeLocale,
  idDeLEtape,
  type ReponseAEnvoyer,
  retenir,
} from '../domain/hors-ligne'
import type { Reponse, ResultatItem } from '../domain/moteur'

const MINUTE = 60_000
const attribut = (html: string, nom: string) =>
  new RegExp(`${nom}="([^"]*)"`)
    .exec(html)?.[1]
    ?.replace(/&#34;/g, '"')
    .replace(/&quot;/g, '"')

/** What the step page tells the offline island. */
function etatDeLaPage(html: string) {
  return {
    passation: attribut(html, 'data-passation') ?? '',
    reponses: JSON.parse(attribut(html, 'data-reponses') ?? 'null') as Reponse[],
    module: attribut(html, 'data-module-hors-ligne'),
  }
}

/** Answers every remaining step in the copy, as the island would without network. */
function finirHorsLigne(c: CopieLocale, resultat: (etape: string) => ResultatItem, t0: number): CopieLocale {
  let copie = c
  let t = t0
  for (let garde = 0; garde < 30 && etapeLocale(copie).type !== 'fin'; garde++) {
    const etape = idDeLEtape(etapeLocale(copie))
    const r = resultat(etape)
    t += 30_000
    copie = retenir(
      copie,
      {
        etape,
        resultat: r,
        passer: r === 'passe',
        choix: [],
        essais: r === 'echoue' ? 3 : 1,
        mesures: { dureeActiveMs: 4200, clavier: 1 },
      },
      t,
    )
  }
  return copie
}

describe.each(MOTEURS)('diagnostic sans réseau : envoi au retour de la connexion (%s)', (moteur) => {
  let t: AppDeTest
  beforeEach(async () => {
    t = await appDeTest(moteur)
  })
  afterEach(async () => t.fermer())

  const synchroniser = (n: Navigateur, reponses: ReponseAEnvoyer[], csrf = n.dernierCsrf ?? '') =>
    t.app.inject({
      method: 'POST',
      url: '/diagnostic/synchronisation',
      headers: {
        cookie: [...n.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'content-type': 'application/json',
        'csrf-token': csrf,
      },
      payload: JSON.stringify({ reponses }),
    })

  /** A test started online, the five questions answered online, then the network drops. */
  async function commencerPuisCouper() {
    const n = new Navigateur(t.app)
    await n.get('/diagnostic')
    await n.post('/diagnostic/commencer')
    for (const [etape, choix] of [
      ['equipement', 'smartphone'],
      ['internet', 'telephone'],
      ['lecture', 'facile'],
    ]) {
      await n.get('/diagnostic/etape')
      await n.post('/diagnostic/etape', { etape: etape!, choix: choix! })
    }
    const page = await n.get('/diagnostic/etape')
    return { n, page: etatDeLaPage(page.body) }
  }

  it('donne à la page de quoi continuer sans réseau, sans l’identifiant du test', async () => {
    const { n, page } = await commencerPuisCouper()
    expect(page.passation).toMatch(/^[0-9a-f]{16}$/)
    const [passation] = await t.base.db.select().from(diagnosticPassations)
    expect((await n.get('/diagnostic/etape')).body).not.toContain(passation!.id)
    expect(page.reponses).toEqual([
      { item: 'equipement', resultat: 'reussi' },
      { item: 'internet', resultat: 'reussi' },
      { item: 'lecture', resultat: 'reussi' },
    ])
    expect(page.module).toMatch(/^\/assets\/js\/diagnostic-hors-ligne\.[0-9a-f]{10}\.js$/)
  })

  it('enregistre dans l’ordre les réponses faites hors ligne, une seule fois même rejouées, puis montre le résultat', async () => {
    const { n, page } = await commencerPuisCouper()
    const t0 = t.maintenant.valeur.getTime()
    let copie = copieDepuisLaPage(undefined, page, t0)
    // Two questions, then every exercise: success on the mouse, failures elsewhere.
    copie = retenir(
      copie,
      { etape: 'confiance', resultat: 'reussi', passer: false, choix: ['peur'], essais: 1, mesures: {} },
      t0 + 10_000,
    )
    copie = retenir(
      copie,
      { etape: 'demarche', resultat: 'passe', passer: true, choix: [], essais: 1, mesures: {} },
      t0 + 20_000,
    )
    copie = finirHorsLigne(
      copie,
      (e) => (e === 'double_cliquer' || e === 'glisser' ? 'reussi' : 'echoue'),
      t0,
    )
    const lot = aEnvoyer(copie, t0 + 10 * MINUTE)
    t.maintenant.valeur = new Date(t0 + 10 * MINUTE)

    const r = await synchroniser(n, lot)
    expect(r.statusCode).toBe(200)
    const corps = r.json() as {
      resultats: { etape: string; statut: string }[]
      reponses: Reponse[]
      fin: boolean
    }
    expect(corps.resultats.every((x) => x.statut === 'enregistre')).toBe(true)
    expect(corps.fin).toBe(true)
    const enBase = await t.base.db.select().from(diagnosticReponses)
    const parOrdre = [...enBase].sort((a, b) => a.ordre - b.ordre)
    expect(parOrdre.map((x) => x.item)).toEqual([
      'equipement',
      'internet',
      'lecture',
      ...lot.map((x) => x.etape),
    ])
    expect(corps.reponses.map((x) => x.item)).toEqual(parOrdre.map((x) => x.item))
    expect(parOrdre.find((x) => x.item === 'confiance')).toMatchObject({ valeur: 'peur', resultat: 'reussi' })
    expect(parOrdre.find((x) => x.item === 'glisser')).toMatchObject({
      resultat: 'reussi',
      essais: 1,
      dureeMs: 30_000,
      mesures: { dureeActiveMs: 4200, clavier: 1, horsLigne: 1 },
    })
    // When it was answered, from "how long ago", on the server's clock.
    const premiere = parOrdre.find((x) => x.item === 'confiance')!
    expect(premiere.reponduLe.getTime()).toBe(t0 + 10_000)

    // The same lot again (a reply lost on the way back): nothing recorded twice.
    const encore = await synchroniser(n, lot)
    expect(encore.statusCode).toBe(200)
    expect((encore.json() as { resultats: { statut: string }[] }).resultats.map((x) => x.statut)).toEqual(
      lot.map(() => 'perime'),
    )
    expect(await t.base.db.select().from(diagnosticReponses)).toHaveLength(enBase.length)

    const resultat = await n.get('/diagnostic/resultat')
    expect(resultat.statusCode).toBe(200)
    expect(resultat.body).toContain('Je sais déplacer une image.')
    expect(resultat.body).toContain('data-copie-locale="effacer"')
  })

  it('ignore une réponse hors ligne à une étape qui n’est plus la bonne, et refuse un choix impossible', async () => {
    const { n, page } = await commencerPuisCouper()
    const copie = copieDepuisLaPage(undefined, page, t.maintenant.valeur.getTime())
    const [confiance] = aEnvoyer(
      retenir(
        copie,
        { etape: 'confiance', resultat: 'reussi', passer: false, choix: ['inconnu'], essais: 1, mesures: {} },
        t.maintenant.valeur.getTime(),
      ),
      t.maintenant.valeur.getTime(),
    )
    const r = await synchroniser(n, [{ ...confiance!, etape: 'glisser' }, confiance!])
    expect((r.json() as { resultats: unknown }).resultats).toEqual([
      { etape: 'glisser', statut: 'perime' },
      { etape: 'confiance', statut: 'refuse' },
    ])
    expect(await t.base.db.select().from(diagnosticReponses)).toHaveLength(3)
  })

  it('compte les réponses hors ligne comme de l’activité (R4), mais pas plus de 2 heures après le dernier échange', async () => {
    const { n, page } = await commencerPuisCouper()
    const t0 = t.maintenant.valeur.getTime()
    const copie = retenir(
      copieDepuisLaPage(undefined, page, t0),
      { etape: 'confiance', resultat: 'reussi', passer: false, choix: ['moyen'], essais: 1, mesures: {} },
      t0 + 35 * MINUTE,
    )
    // 40 minutes after the last exchange, but the last offline answer is 5 minutes old: accepted.
    t.maintenant.valeur = new Date(t0 + 40 * MINUTE)
    expect((await synchroniser(n, aEnvoyer(copie, t0 + 40 * MINUTE))).statusCode).toBe(200)

    const apres = retenir(
      copieDepuisLaPage(
        undefined,
        { ...page, reponses: [...page.reponses, { item: 'confiance', resultat: 'reussi' }] },
        t0,
      ),
      { etape: 'demarche', resultat: 'reussi', passer: false, choix: ['non'], essais: 1, mesures: {} },
      t0 + 160 * MINUTE,
    )
    t.maintenant.valeur = new Date(t0 + 161 * MINUTE)
    const tard = await synchroniser(n, aEnvoyer(apres, t0 + 161 * MINUTE))
    expect(tard.statusCode).toBe(410)
    expect(tard.json()).toEqual({ statut: 'interrompu' })
    expect((await t.base.db.select().from(diagnosticReponses)).map((x) => x.item)).not.toContain('demarche')
  })

  it('refuse un envoi sans jeton CSRF, sans test, ou illisible', async () => {
    const { n, page } = await commencerPuisCouper()
    const lot = aEnvoyer(
      retenir(
        copieDepuisLaPage(undefined, page, Date.now()),
        { etape: 'confiance', resultat: 'reussi', passer: false, choix: ['peur'], essais: 1, mesures: {} },
        Date.now(),
      ),
      Date.now(),
    )
    expect((await synchroniser(n, lot, 'faux')).statusCode).toBe(403)
    const inconnu = new Navigateur(t.app)
    await inconnu.get('/diagnostic')
    expect((await synchroniser(inconnu, lot)).statusCode).toBe(404)
    const texte = await synchroniser(n, [{ ...lot[0]!, mesures: { texte: 'secret' } as never }])
    expect(texte.statusCode).toBe(400)
    expect(await synchroniser(n, [])).toMatchObject({ statusCode: 400 })
    expect(await t.base.db.select().from(diagnosticReponses)).toHaveLength(3)
  })

  it('sert le service worker du test sous /diagnostic, revérifié à chaque visite', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/diagnostic/sw.js' })
    expect(r.statusCode).toBe(200)
    expect(r.headers['content-type']).toContain('text/javascript')
    expect(r.headers['cache-control']).toBe('no-cache')
    expect(r.body).toContain('precharger')
  })
})
