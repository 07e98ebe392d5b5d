import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { COMPETENCES, ITEMS, niveauxDe, QUESTIONS } from './contenu'
import {
  ABANDONS_CONSECUTIFS_MAX,
  ETAPES_MAX,
  type Etape,
  niveauxAtteints,
  positionner,
  prochaineEtape,
  progression,
  type Reponse,
  type ResultatItem,
} from './moteur'

const questions = (): Reponse[] => QUESTIONS.map((q) => ({ item: q, resultat: 'reussi' }))

/** Runs the engine to its end, answering each item with the next result of the list (cycled). */
function derouler(resultats: readonly ResultatItem[], depart: Reponse[] = questions()) {
  const reponses = [...depart]
  const etapes: Etape[] = []
  let i = 0
  for (let garde = 0; garde < 100; garde++) {
    const e = prochaineEtape(reponses)
    etapes.push(e)
    if (e.type === 'fin') return { reponses, fin: e, etapes }
    const item = e.type === 'question' ? e.question : e.item.id
    reponses.push({ item, resultat: resultats.length ? resultats[i++ % resultats.length]! : 'reussi' })
  }
  throw new Error('le moteur ne s’arrête pas')
}

describe('moteur adaptatif', () => {
  it('pose d’abord les questions de profil, dans l’ordre (M1)', () => {
    expect(prochaineEtape([])).toEqual({ type: 'question', question: 'equipement' })
    expect(prochaineEtape([{ item: 'equipement', resultat: 'reussi' }])).toEqual({
      type: 'question',
      question: 'internet',
    })
  })

  it('commence une compétence à 3 niveaux par le niveau du milieu (M3)', () => {
    const e = prochaineEtape(questions())
    expect(e.type === 'exercice' && e.item.id).toBe('double_cliquer')
  })

  it('une réussite crédite les niveaux plus faciles et pose le plus difficile (M4)', () => {
    const r = [...questions(), { item: 'double_cliquer', resultat: 'reussi' as const }]
    const p = positionner(r).souris
    expect(p[0]).toEqual({ niveau: 1, etat: 'acquis', source: 'deduit' })
    const e = prochaineEtape(r)
    expect(e.type === 'exercice' && e.item.id).toBe('glisser')
  })

  it('un échec écarte les niveaux plus difficiles et pose le plus facile (M4)', () => {
    const r = [...questions(), { item: 'double_cliquer', resultat: 'echoue' as const }]
    expect(positionner(r).souris[2]).toEqual({ niveau: 3, etat: 'non_acquis', source: 'deduit' })
    const e = prochaineEtape(r)
    expect(e.type === 'exercice' && e.item.id).toBe('cliquer')
  })

  it('« je passe » compte comme un échec pour la suite (M4)', () => {
    const r = [...questions(), { item: 'defiler', resultat: 'passe' as const }]
    expect(positionner(r).navigation[1]!.etat).toBe('non_acquis')
  })

  it('s’arrête quand tout est positionné, en 6 exercices si tout échoue (M5)', () => {
    const { reponses, fin } = derouler(['echoue'])
    expect(fin).toEqual({ type: 'fin', raison: 'tout_positionne' })
    expect(reponses.length - QUESTIONS.length).toBe(6)
    expect(niveauxAtteints(reponses)).toEqual({
      souris: 0,
      navigation: 0,
      courriel: 0,
      formulaire: 0,
      securite: 0,
    })
  })

  it('tout réussi : 10 exercices et tous les niveaux acquis', () => {
    const { reponses } = derouler(['reussi'])
    expect(reponses.length - QUESTIONS.length).toBe(10)
    expect(niveauxAtteints(reponses)).toEqual({
      souris: 3,
      navigation: 2,
      courriel: 2,
      formulaire: 2,
      securite: 2,
    })
  })

  it('s’arrête après 3 « je passe » de suite (M6)', () => {
    const { reponses, fin } = derouler(['passe'])
    expect(fin).toEqual({ type: 'fin', raison: 'abandons' })
    expect(reponses.length - QUESTIONS.length).toBe(ABANDONS_CONSECUTIFS_MAX)
  })

  it('la progression annonce 0 étape restante à la fin et jamais moins que ce qui reste vraiment', () => {
    const { reponses, etapes } = derouler(['reussi', 'echoue'])
    expect(progression(reponses).restantesMax).toBe(0)
    for (let k = 0; k < reponses.length; k++) {
      const vraiesRestantes = etapes.length - 1 - k
      expect(progression(reponses.slice(0, k)).restantesMax).toBeGreaterThanOrEqual(vraiesRestantes)
    }
  })

  describe('propriétés (toute suite de réponses)', () => {
    const resultat = fc.constantFrom<ResultatItem>('reussi', 'echoue', 'passe')

    it('se termine dans la borne, sans jamais poser deux fois la même chose', () => {
      fc.assert(
        fc.property(fc.array(resultat, { minLength: 1, maxLength: 30 }), (suite) => {
          const { reponses } = derouler(suite, [])
          expect(reponses.length).toBeLessThanOrEqual(ETAPES_MAX)
          expect(new Set(reponses.map((r) => r.item)).size).toBe(reponses.length)
        }),
      )
    })

    it('donne un profil cohérent : acquis en bas, non acquis en haut, rien d’inconnu sauf abandon', () => {
      fc.assert(
        fc.property(fc.array(resultat, { minLength: 1, maxLength: 30 }), (suite) => {
          const { reponses, fin } = derouler(suite)
          const p = positionner(reponses)
          for (const c of COMPETENCES) {
            const etats = p[c].map((n) => n.etat)
            const premierNon = etats.findIndex((e) => e !== 'acquis')
            if (premierNon >= 0) expect(etats.slice(premierNon)).not.toContain('acquis')
            if (fin.raison === 'tout_positionne') expect(etats).not.toContain('inconnu')
            expect(niveauxAtteints(reponses)[c]).toBeLessThanOrEqual(niveauxDe(c))
          }
        }),
      )
    })

    it('crédite et écarte comme le disent les règles (M4)', () => {
      fc.assert(
        fc.property(fc.array(resultat, { minLength: 1, maxLength: 30 }), (suite) => {
          const { reponses } = derouler(suite)
          const p = positionner(reponses)
          for (const r of reponses) {
            const item = ITEMS.find((i) => i.id === r.item)
            if (!item) continue
            const niveaux = p[item.competence]
            for (const n of niveaux) {
              if (r.resultat === 'reussi' && n.niveau <= item.niveau) expect(n.etat).toBe('acquis')
              if (r.resultat !== 'reussi' && n.niveau >= item.niveau) expect(n.etat).toBe('non_acquis')
            }
          }
        }),
      )
    })

    it('ne pose jamais un niveau déjà crédité ou écarté', () => {
      fc.assert(
        fc.property(fc.array(resultat, { minLength: 1, maxLength: 30 }), (suite) => {
          const { reponses, etapes } = derouler(suite)
          etapes.forEach((e, k) => {
            if (e.type !== 'exercice') return
            const avant = reponses.slice(0, k)
            const n = positionner(avant)[e.item.competence][e.item.niveau - 1]!
            expect(n.etat).toBe('inconnu')
          })
        }),
      )
    })
  })
})
