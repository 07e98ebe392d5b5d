import { COMPETENCES, type CompetenceId, niveauxDe, type QuestionId } from './contenu'
import { niveauxAtteints, type Reponse } from './moteur'

/**
 * The needs profile: what the orientation rules read. Its derivation (P1…P5) is in the README.
 */
export interface ProfilBesoins {
  /** P1 aucun: no device; partiel: a device but no home internet box; equipe otherwise. */
  acces: 'equipe' | 'partiel' | 'aucun'
  /** P2 share of the skill levels acquired: < 40 % debutant, ≥ 90 % autonome, else intermediaire. */
  competences: 'debutant' | 'intermediaire' | 'autonome'
  /** P3 from the confidence question: peur → faible, moyen → moyenne, confiant → bonne. */
  confiance: 'faible' | 'moyenne' | 'bonne'
  /** P4 an administrative procedure to do soon, and whether the person wants someone to do it. */
  demarcheUrgente: boolean
  fairePourMoi: boolean
  /** P5 reading on a screen is difficult, or the person prefers to listen. */
  lecture: 'aisee' | 'difficile'
  niveaux: Record<CompetenceId, number>
  /** Skills not at their top level, in the engine's order. */
  aApprendre: CompetenceId[]
}

export function valeurQuestion(reponses: readonly (Reponse & { valeur?: string | null })[], q: QuestionId) {
  return reponses.find((r) => r.item === q)?.valeur ?? undefined
}

export function profilBesoins(reponses: readonly (Reponse & { valeur?: string | null })[]): ProfilBesoins {
  const equipement = (valeurQuestion(reponses, 'equipement') ?? '').split(',').filter(Boolean)
  const internet = valeurQuestion(reponses, 'internet')
  const acces =
    equipement.length === 0 || equipement.includes('aucun')
      ? 'aucun'
      : internet === 'oui'
        ? 'equipe'
        : 'partiel'

  const niveaux = niveauxAtteints(reponses)
  const total = COMPETENCES.reduce((s, c) => s + niveauxDe(c), 0)
  const acquis = COMPETENCES.reduce((s, c) => s + niveaux[c], 0)
  const part = acquis / total
  const competences = part < 0.4 ? 'debutant' : part >= 0.9 ? 'autonome' : 'intermediaire'

  const c = valeurQuestion(reponses, 'confiance')
  const confiance = c === 'peur' ? 'faible' : c === 'confiant' ? 'bonne' : 'moyenne'
  const demarche = valeurQuestion(reponses, 'demarche')
  const lecture = valeurQuestion(reponses, 'lecture')
  return {
    acces,
    competences,
    confiance,
    demarcheUrgente: demarche === 'apprendre' || demarche === 'faire_pour_moi',
    fairePourMoi: demarche === 'faire_pour_moi',
    lecture: lecture === 'difficile' || lecture === 'ecouter' ? 'difficile' : 'aisee',
    niveaux,
    aApprendre: COMPETENCES.filter((k) => niveaux[k] < niveauxDe(k)),
  }
}
