import { describe, expect, it } from 'vitest'
import { type ExerciceId, ITEMS } from './contenu'
import { evaluer, type Tentative } from './evaluation'
import type { Etape } from './moteur'

const exercice = (id: ExerciceId): Etape & { type: 'exercice' } => ({
  type: 'exercice',
  item: ITEMS.find((i) => i.id === id)!,
})
const tentative = (t: Partial<Tentative> = {}): Tentative => ({ passer: false, choix: [], valeurs: {}, ...t })
const neuf = { essais: 0, lienVisite: false }

describe('évaluation d’une tentative (même code au serveur et dans le navigateur hors ligne)', () => {
  it('retient le choix validé d’une question, refuse une question sans réponse ou impossible', () => {
    const q = { type: 'question', question: 'equipement' } as const
    expect(evaluer(q, tentative({ choix: ['tablette', 'smartphone'] }), neuf)).toEqual({
      statut: 'retenue',
      resultat: 'reussi',
      valeur: 'smartphone,tablette',
      essais: 1,
    })
    expect(evaluer(q, tentative(), neuf)).toEqual({ statut: 'refusee', erreur: { code: 'CHOIX_MANQUANT' } })
    expect(evaluer(q, tentative({ choix: ['aucun', 'smartphone'] }), neuf)).toMatchObject({
      erreur: { code: 'CHOIX_INVALIDE' },
    })
    expect(evaluer(q, tentative({ passer: true }), neuf)).toMatchObject({ resultat: 'passe', valeur: null })
  })

  it('laisse corriger un formulaire tant qu’il reste des essais, puis le compte non réussi', () => {
    const e = exercice('formulaire_simple')
    const faux = tentative({ valeurs: { nom: 'Dupont', prenom: 'Rose', code_postal: '05000' } })
    const premier = evaluer(e, faux, neuf)
    expect(premier).toMatchObject({ statut: 'a_corriger', essais: 1, essaisRestants: 2 })
    expect(premier.statut === 'a_corriger' && premier.correction.champs.nom?.ok).toBe(false)
    expect(evaluer(e, faux, { essais: 1, lienVisite: false })).toMatchObject({ essaisRestants: 1 })
    expect(evaluer(e, faux, { essais: 2, lienVisite: false })).toMatchObject({
      statut: 'retenue',
      resultat: 'echoue',
      essais: 3,
    })
    const juste = tentative({ valeurs: { nom: 'martin', prenom: 'ROSE', code_postal: '05000' } })
    expect(evaluer(e, juste, { essais: 1, lienVisite: false })).toMatchObject({
      resultat: 'reussi',
      essais: 2,
    })
  })

  it('ne compte le lien réussi que si la page a vraiment été ouverte', () => {
    const e = exercice('lien')
    const t = tentative({ choix: ['mercredi'] })
    const sans = evaluer(e, t, neuf)
    expect(sans.statut).toBe('a_corriger')
    expect(sans.statut === 'a_corriger' && sans.correction.champs.choix?.message).toContain(
      'Ouvrez d’abord le lien',
    )
    expect(evaluer(e, t, { essais: 0, lienVisite: true })).toMatchObject({ resultat: 'reussi' })
  })

  it('juge un exercice de souris sur « termine », et l’observation du conseiller prime', () => {
    expect(evaluer(exercice('glisser'), tentative({ valeurs: { termine: 'oui' } }), neuf)).toMatchObject({
      resultat: 'reussi',
    })
    expect(evaluer(exercice('glisser'), tentative({ valeurs: { termine: 'non' } }), neuf)).toMatchObject({
      resultat: 'echoue',
    })
    expect(evaluer(exercice('glisser'), tentative({ observe: 'reussi' }), neuf)).toMatchObject({
      resultat: 'reussi',
    })
    expect(evaluer(exercice('arnaque_sms'), tentative({ passer: true }), neuf)).toMatchObject({
      resultat: 'passe',
    })
  })
})
