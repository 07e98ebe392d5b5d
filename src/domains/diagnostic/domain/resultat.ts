import { COMPETENCES, COMPETENCES_DETAIL, type CompetenceId, niveauxDe } from './contenu'
import { type Niveau, positionner, type RaisonFin, type Reponse } from './moteur'
import { type Orientations, orienter } from './orientation'
import { type ProfilBesoins, profilBesoins } from './profil'

/** Everything the result page, the conseiller and the export show, computed from the answers alone. */
export interface ResultatDiagnostic {
  positions: Record<CompetenceId, Niveau[]>
  /** "What I can do": the sentences of the acquired levels, per skill. */
  jeSais: { competence: CompetenceId; phrases: string[] }[]
  /** "What I will learn next": the first level not acquired of each skill. */
  prochains: { competence: CompetenceId; phrase: string }[]
  profil: ProfilBesoins
  orientation: Orientations
}

export function resultat(reponses: readonly (Reponse & { valeur?: string | null })[]): ResultatDiagnostic {
  const profil = profilBesoins(reponses)
  const jeSais = COMPETENCES.map((c) => ({
    competence: c,
    phrases: COMPETENCES_DETAIL[c].acquis.slice(0, profil.niveaux[c]),
  })).filter((j) => j.phrases.length > 0)
  const prochains = COMPETENCES.filter((c) => profil.niveaux[c] < niveauxDe(c)).map((c) => ({
    competence: c,
    phrase: COMPETENCES_DETAIL[c].aApprendre[profil.niveaux[c]]!,
  }))
  return { positions: positionner(reponses), jeSais, prochains, profil, orientation: orienter(profil) }
}

export const LIBELLES_FIN: Record<RaisonFin, string> = {
  tout_positionne: 'Toutes les compétences sont positionnées : une question de plus n’apprendrait rien.',
  abandons: '3 exercices passés de suite : le test s’est arrêté pour ne pas fatiguer la personne.',
}
