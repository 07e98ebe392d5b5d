import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  aEnvoyer,
  apresEnvoi,
  type CopieLocale,
  copieDepuisLaPage,
  copiePerimee,
  ENVOI_MAX,
  etapeLocale,
  idDeLEtape,
  lireCopie,
  noterEssai,
  noterLienVisite,
  type ReponseAEnvoyer,
  reponsesConnues,
  retenir,
} from './hors-ligne'
import { prochaineEtape, type Reponse, type ResultatItem } from './moteur'
import { expireHorsLigne } from './retention'

const T0 = 1_800_000_000_000
const MINUTE = 60_000
const PAGE = { passation: 'p1', reponses: [] as Reponse[] }

/** Answers the copy's current step with the given result. */
const repondre = (c: CopieLocale, resultat: ResultatItem, maintenant: number): CopieLocale =>
  retenir(
    c,
    { etape: c.courante.etape, resultat, passer: resultat === 'passe', choix: [], essais: 1, mesures: {} },
    maintenant,
  )

/**
 * The server's side of a replay (use-cases/repondre.ts): an answer to the current step is recorded,
 * any other is stale and ignored.
 */
function serveurRecoit(serveur: Reponse[], lot: readonly ReponseAEnvoyer[]): Reponse[] {
  const apres = [...serveur]
  for (const r of lot) {
    const courante = prochaineEtape(apres)
    if (courante.type !== 'fin' && idDeLEtape(courante) === r.etape)
      apres.push({ item: r.etape, resultat: r.resultat })
  }
  return apres
}

describe('copie locale du diagnostic hors ligne', () => {
  it('calcule l’étape suivante avec le même moteur sur les réponses du serveur puis celles en attente (H1)', () => {
    let c = copieDepuisLaPage(undefined, PAGE, T0)
    expect(c.courante).toMatchObject({ etape: 'equipement', essais: 0 })
    for (let i = 0; i < 5; i++) c = repondre(c, 'reussi', T0 + i * 1000)
    expect(c.enAttente.map((r) => r.etape)).toEqual([
      'equipement',
      'internet',
      'lecture',
      'confiance',
      'demarche',
    ])
    expect(etapeLocale(c)).toEqual(prochaineEtape(reponsesConnues(c)))
    expect(c.courante.etape).toBe('double_cliquer')
    // The duration is the time the step was shown, on the browser's clock.
    expect(c.enAttente[1]!.dureeMs).toBe(1000)
  })

  it('garde les essais et le lien ouvert de l’étape en cours, et repart à zéro à l’étape suivante', () => {
    let c = copieDepuisLaPage(undefined, PAGE, T0)
    c = noterLienVisite(noterEssai(c, 2, T0 + 10), T0 + 20)
    expect(c.courante).toMatchObject({ etape: 'equipement', essais: 2, lienVisite: true })
    c = repondre(c, 'reussi', T0 + 30)
    expect(c.courante).toEqual({ etape: 'internet', essais: 0, lienVisite: false, afficheeLe: T0 + 30 })
  })

  it('préfère une page fraîche du serveur et oublie une réponse qu’il a déjà (H2)', () => {
    let c = copieDepuisLaPage(undefined, PAGE, T0)
    c = repondre(repondre(c, 'reussi', T0 + 1), 'passe', T0 + 2)
    // The reply to the first answer was lost: the server has it, the copy still waits to send it.
    const fraiche = { passation: 'p1', reponses: [{ item: 'equipement', resultat: 'reussi' as const }] }
    const apres = copieDepuisLaPage(c, fraiche, T0 + 3)
    expect(apres.confirmees).toEqual(fraiche.reponses)
    expect(apres.enAttente.map((r) => r.etape)).toEqual(['internet'])
    expect(apres.courante.etape).toBe('lecture')
    // A page from the cache (fewer answers than the copy knows) changes nothing.
    const sync = apresEnvoi(apres, 1, [...fraiche.reponses, { item: 'internet', resultat: 'passe' }], T0 + 4)
    expect(copieDepuisLaPage(sync, fraiche, T0 + 5)).toBe(sync)
  })

  it('ne reprend pas la copie d’un autre diagnostic ni une copie de plus de 30 minutes (H4)', () => {
    const c = repondre(copieDepuisLaPage(undefined, PAGE, T0), 'reussi', T0)
    expect(copieDepuisLaPage(c, { passation: 'p2', reponses: [] }, T0 + 1).enAttente).toEqual([])
    expect(copiePerimee(c, T0 + 29 * MINUTE)).toBe(false)
    expect(copiePerimee(c, T0 + 30 * MINUTE)).toBe(true)
    expect(copieDepuisLaPage(c, PAGE, T0 + 30 * MINUTE).enAttente).toEqual([])
  })

  it('envoie au plus ENVOI_MAX réponses à la fois, la plus ancienne d’abord, en disant il y a combien de temps (H3)', () => {
    let c = copieDepuisLaPage(undefined, PAGE, T0)
    for (let i = 0; i < 5; i++) c = repondre(c, 'reussi', T0 + i * MINUTE)
    const lot = aEnvoyer(c, T0 + 10 * MINUTE)
    expect(lot.map((r) => [r.etape, r.depuisMs])).toEqual([
      ['equipement', 10 * MINUTE],
      ['internet', 9 * MINUTE],
      ['lecture', 8 * MINUTE],
      ['confiance', 7 * MINUTE],
      ['demarche', 6 * MINUTE],
    ])
    expect(lot[0]).not.toHaveProperty('faiteLe')
    expect(ENVOI_MAX).toBeGreaterThanOrEqual(15)
  })

  it('refuse de lire un stockage abîmé ou d’une autre version', () => {
    const c = repondre(copieDepuisLaPage(undefined, PAGE, T0), 'reussi', T0)
    expect(lireCopie(JSON.parse(JSON.stringify(c)))).toEqual(c)
    expect(lireCopie(null)).toBeUndefined()
    expect(lireCopie({ ...c, version: 2 })).toBeUndefined()
    expect(lireCopie({ ...c, enAttente: [{ ...c.enAttente[0], resultat: 'bravo' }] })).toBeUndefined()
    expect(lireCopie({ ...c, enAttente: [{ ...c.enAttente[0], mesures: { x: 'texte' } }] })).toBeUndefined()
  })

  it('fait arriver au serveur chaque réponse une fois et dans l’ordre, même si des envois sont perdus ou rejoués (propriété)', () => {
    const resultat = fc.constantFrom<ResultatItem>('reussi', 'echoue', 'passe')
    fc.assert(
      fc.property(
        fc.array(resultat, { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 0, max: 8 }),
        fc.array(fc.constantFrom('recu', 'perdu_avant', 'perdu_apres', 'rejoue', 'recharge'), {
          maxLength: 12,
        }),
        (resultats, enLigne, reseau) => {
          // Some steps online (the server has them), then the network drops.
          let serveur: Reponse[] = []
          for (let i = 0; i < enLigne; i++) {
            const e = prochaineEtape(serveur)
            if (e.type === 'fin') break
            serveur.push({ item: idDeLEtape(e), resultat: resultats[i % resultats.length]! })
          }
          let c = copieDepuisLaPage(undefined, { passation: 'p', reponses: serveur }, T0)
          let t = T0
          for (let i = 0; etapeLocale(c).type !== 'fin'; i++) {
            t += 1000
            c = repondre(c, resultats[(enLigne + i) % resultats.length]!, t)
          }
          const attendu = reponsesConnues(c)
          // Network back, with trouble: a request lost on the way, a reply lost on the way back (the
          // same lot goes again), a lot received twice, the page reloaded from the server meanwhile.
          for (const evenement of [...reseau, 'recu', 'recu', 'recu']) {
            t += 1000
            const lot = aEnvoyer(c, t)
            if (lot.length === 0) break
            if (evenement === 'perdu_avant') continue
            if (evenement === 'recharge') {
              c = copieDepuisLaPage(c, { passation: 'p', reponses: serveur }, t)
              continue
            }
            serveur = serveurRecoit(serveur, lot)
            if (evenement === 'rejoue') serveur = serveurRecoit(serveur, lot)
            if (evenement !== 'perdu_apres') c = apresEnvoi(c, lot.length, serveur, t)
          }
          expect(c.enAttente).toEqual([])
          expect(serveur).toEqual(attendu)
          expect(new Set(serveur.map((r) => r.item)).size).toBe(serveur.length)
          expect(prochaineEtape(serveur).type).toBe('fin')
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('R4 hors ligne', () => {
  const serveur = new Date(T0)
  it('compte les réponses faites sans réseau comme de l’activité', () => {
    expect(expireHorsLigne(serveur, new Date(T0 + 40 * MINUTE), new Date(T0 + 60 * MINUTE))).toBe(false)
    expect(expireHorsLigne(serveur, new Date(T0 + 20 * MINUTE), new Date(T0 + 50 * MINUTE))).toBe(true)
  })
  it('mais jamais plus de 2 heures après le dernier échange avec le serveur', () => {
    expect(expireHorsLigne(serveur, new Date(T0 + 119 * MINUTE), new Date(T0 + 119 * MINUTE))).toBe(false)
    expect(expireHorsLigne(serveur, new Date(T0 + 120 * MINUTE), new Date(T0 + 120 * MINUTE))).toBe(true)
  })
})
