import {
  COMPETENCES,
  type CompetenceId,
  ITEMS,
  type Item,
  niveauxDe,
  QUESTIONS,
  type QuestionId,
} from './contenu'

/**
 * The adaptive engine, pure. Its rules are numbered and written in the domain README (M1…M6):
 *
 * M1 The questions beyond skills come first, in their fixed order, each once.
 * M2 Skills are then taken in their fixed order; a skill is finished before the next one starts.
 * M3 Inside a skill, the engine asks the middle level among the levels still unknown (the lower
 *    one when there are two), so that each answer positions as many levels as possible.
 * M4 A success credits every easier level of the skill; a failure or a skip ("je passe")
 *    rules out every harder level. A credited or ruled-out level is never asked.
 * M5 The test stops when every level of every skill is known: nothing more can be learnt.
 * M6 It also stops after 3 skips in a row: the person is tired or stuck, and a conseiller will
 *    do better than more items. Levels still unknown then count as not acquired.
 */

export type ResultatItem = 'reussi' | 'echoue' | 'passe'

export interface Reponse {
  item: string
  resultat: ResultatItem
}

export type RaisonFin = 'tout_positionne' | 'abandons'

export type Etape =
  | { type: 'question'; question: QuestionId }
  | { type: 'exercice'; item: Item }
  | { type: 'fin'; raison: RaisonFin }

export type EtatNiveau = 'acquis' | 'non_acquis' | 'inconnu'

export interface Niveau {
  niveau: number
  etat: EtatNiveau
  /** `direct` when the person did the item, `deduit` when credited or ruled out by M4. */
  source: 'direct' | 'deduit' | undefined
}

export const ABANDONS_CONSECUTIFS_MAX = 3

/** Upper bound on the number of steps of any diagnostic: every question and every item once. */
export const ETAPES_MAX = QUESTIONS.length + ITEMS.length

export function positionner(reponses: readonly Reponse[]): Record<CompetenceId, Niveau[]> {
  const resultat = {} as Record<CompetenceId, Niveau[]>
  for (const c of COMPETENCES) {
    const n = niveauxDe(c)
    const niveaux: Niveau[] = Array.from({ length: n }, (_, i) => ({
      niveau: i + 1,
      etat: 'inconnu' as EtatNiveau,
      source: undefined,
    }))
    for (const r of reponses) {
      const item = ITEMS.find((i) => i.id === r.item && i.competence === c)
      if (!item) continue
      const cible = niveaux[item.niveau - 1]!
      const reussi = r.resultat === 'reussi'
      cible.etat = reussi ? 'acquis' : 'non_acquis'
      cible.source = 'direct'
      for (const autre of niveaux) {
        if (autre.source === 'direct') continue
        if (reussi && autre.niveau < item.niveau) {
          autre.etat = 'acquis'
          autre.source = 'deduit'
        }
        if (!reussi && autre.niveau > item.niveau) {
          autre.etat = 'non_acquis'
          autre.source = 'deduit'
        }
      }
    }
    resultat[c] = niveaux
  }
  return resultat
}

/** The highest level acquired with every level below it acquired too (unknown counts as not acquired, M6). */
export function niveauAtteint(niveaux: readonly Niveau[]): number {
  let atteint = 0
  for (const n of niveaux) {
    if (n.etat !== 'acquis') break
    atteint = n.niveau
  }
  return atteint
}

export function niveauxAtteints(reponses: readonly Reponse[]): Record<CompetenceId, number> {
  const p = positionner(reponses)
  return Object.fromEntries(COMPETENCES.map((c) => [c, niveauAtteint(p[c])])) as Record<CompetenceId, number>
}

function abandonsEnFin(reponses: readonly Reponse[]): number {
  let n = 0
  for (let i = reponses.length - 1; i >= 0; i--) {
    const r = reponses[i]!
    if (QUESTIONS.includes(r.item as QuestionId)) continue
    if (r.resultat !== 'passe') break
    n++
  }
  return n
}

export function prochaineEtape(reponses: readonly Reponse[]): Etape {
  const faits = new Set(reponses.map((r) => r.item))
  const question = QUESTIONS.find((q) => !faits.has(q))
  if (question) return { type: 'question', question }
  if (abandonsEnFin(reponses) >= ABANDONS_CONSECUTIFS_MAX) return { type: 'fin', raison: 'abandons' }
  const positions = positionner(reponses)
  for (const c of COMPETENCES) {
    const inconnus = positions[c].filter((n) => n.etat === 'inconnu').map((n) => n.niveau)
    if (inconnus.length === 0) continue
    // Unknown levels are always contiguous (M4 fills from both ends); M3 takes the lower middle.
    const niveau = inconnus[Math.floor((inconnus.length - 1) / 2)]!
    const item = ITEMS.find((i) => i.competence === c && i.niveau === niveau)!
    return { type: 'exercice', item }
  }
  return { type: 'fin', raison: 'tout_positionne' }
}

/** For the progress pictures: steps done, and an honest upper bound of the steps left. */
export function progression(reponses: readonly Reponse[]): { faites: number; restantesMax: number } {
  const positions = positionner(reponses)
  const questionsRestantes = QUESTIONS.filter((q) => !reponses.some((r) => r.item === q)).length
  let restantes = questionsRestantes
  for (const c of COMPETENCES) {
    const inconnus = positions[c].filter((n) => n.etat === 'inconnu').length
    // A binary split of k unknown levels needs at most ceil(log2(k + 1)) items.
    restantes += inconnus === 0 ? 0 : Math.ceil(Math.log2(inconnus + 1))
  }
  if (prochaineEtape(reponses).type === 'fin') restantes = 0
  return { faites: reponses.length, restantesMax: restantes }
}

/** Why each level is known, for the conseiller ("explained engine"). */
export function explication(reponses: readonly Reponse[]): { competence: CompetenceId; niveaux: Niveau[] }[] {
  const p = positionner(reponses)
  return COMPETENCES.map((c) => ({ competence: c, niveaux: p[c] }))
}
