import {
  COMPETENCES,
  COMPETENCES_DETAIL,
  type CompetenceId,
  type ExerciceId,
  itemParId,
  niveauxDe,
} from './contenu'
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
  /**
   * The exercises the person skipped (« Je n’y arrive pas, passer »), in the order they came: the
   * result says so, so that nobody reads a skipped pointer task as a failure they did not try.
   */
  passes: { item: ExerciceId; titre: string }[]
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
  const passes = reponses.flatMap((r) => {
    const item = r.resultat === 'passe' ? itemParId(r.item) : undefined
    return item ? [{ item: item.id, titre: item.titre }] : []
  })
  return {
    positions: positionner(reponses),
    jeSais,
    prochains,
    profil,
    orientation: orienter(profil),
    passes,
  }
}

export const LIBELLES_FIN: Record<RaisonFin, string> = {
  tout_positionne: 'Toutes les compétences sont positionnées : une question de plus n’apprendrait rien.',
  abandons: '3 exercices passés de suite : le test s’est arrêté pour ne pas fatiguer la personne.',
}

/** Short labels of the skills, for one-line summaries (another domain's follow-up file, exports). */
export const LIBELLES_COURTS: Record<CompetenceId, string> = {
  souris: 'souris',
  navigation: 'navigation',
  courriel: 'e-mail',
  formulaire: 'formulaires',
  securite: 'arnaques',
}

const LIBELLES_PROFIL: Record<ResultatDiagnostic['profil']['competences'], string> = {
  debutant: 'débutant',
  intermediaire: 'intermédiaire',
  autonome: 'autonome',
}

/**
 * One line a conseiller reads in a follow-up file: levels per skill, the overall profile, what
 * the person asked for, and where they were sent. Ids and numbers only come from the answers:
 * nothing the person typed.
 */
export function resumeResultat(r: ResultatDiagnostic): string {
  const niveaux = COMPETENCES.map((c) => `${LIBELLES_COURTS[c]} ${r.profil.niveaux[c]}/${niveauxDe(c)}`).join(
    ', ',
  )
  const demande = r.profil.fairePourMoi
    ? ' ; souhaite qu’on fasse une démarche pour elle'
    : r.profil.demarcheUrgente
      ? ' ; une démarche à faire bientôt'
      : ''
  const orientations = r.orientation.orientations.map((o) => o.titre).join(' · ')
  return `${niveaux} — ${LIBELLES_PROFIL[r.profil.competences]}${demande}. Orientations : ${orientations}.`
}
