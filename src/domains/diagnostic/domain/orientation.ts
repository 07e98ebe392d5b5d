import type { CompetenceId } from './contenu'
import type { ProfilBesoins } from './profil'

/**
 * Orientation from the needs profile, kept as data: a table of rules (O1…O11, copied in the
 * README) and a catalogue of orientations. Every rule whose conditions all hold adds its
 * orientations, in the order of the table; an orientation appears once.
 */

/** The services of the national places schema (lieux de médiation numérique v1.0, exact labels). */
export type ServiceLieu =
  | 'Aide aux démarches administratives'
  | 'Maîtrise des outils numériques du quotidien'
  | 'Utilisation sécurisée du numérique'
  | 'Accès internet et matériel informatique'
  | 'Acquisition de matériel informatique à prix solidaire'

/** The national programmes a place may belong to (same schema), those the orientation asks for. */
export type DispositifLieu = 'Aidants Connect' | 'France Services'

export const ORIENTATIONS_IDS = [
  'aidants_connect',
  'aide_demarche',
  'acces_materiel',
  'materiel_solidaire',
  'atelier_bases',
  'accompagnement_individuel',
  'atelier_securite',
  'parcours',
  'autonome',
] as const
export type OrientationId = (typeof ORIENTATIONS_IDS)[number]

export interface Orientation {
  id: OrientationId
  titre: string
  /** Plain words: what it is and why it is proposed. */
  texte: string
  icone: string
  /** The service to look for in the nearest places, when a place is the answer. */
  service?: ServiceLieu
  /**
   * Preferred programmes, in order: the first one with a place near enough is shown; without any,
   * the places offering the service. Aidants Connect first: only an habilitated aidant may act for
   * someone; France services next, where agents do procedures with people every day.
   */
  dispositifs?: readonly DispositifLieu[]
}

export const ORIENTATIONS: Record<OrientationId, Orientation> = {
  aidants_connect: {
    id: 'aidants_connect',
    titre: 'Quelqu’un peut faire la démarche pour vous, en toute sécurité',
    texte:
      'Un aidant professionnel peut faire votre démarche en ligne à votre place. Vous signez ensemble un mandat « Aidants Connect » : il dit ce que l’aidant a le droit de faire, et pour combien de temps. Vous pouvez l’arrêter quand vous voulez.',
    icone: 'fr-icon-user-line',
    service: 'Aide aux démarches administratives',
    dispositifs: ['Aidants Connect', 'France Services'],
  },
  aide_demarche: {
    id: 'aide_demarche',
    titre: 'Être aidé pour faire votre démarche',
    texte:
      'Dans une France services ou un lieu d’aide, une personne fait la démarche avec vous, et vous montre comment faire.',
    icone: 'fr-icon-edit-line',
    service: 'Aide aux démarches administratives',
  },
  acces_materiel: {
    id: 'acces_materiel',
    titre: 'Utiliser un ordinateur et internet gratuitement',
    texte: 'Des lieux près de chez vous prêtent un ordinateur avec internet, et quelqu’un peut vous aider.',
    icone: 'fr-icon-computer-line',
    service: 'Accès internet et matériel informatique',
  },
  materiel_solidaire: {
    id: 'materiel_solidaire',
    titre: 'Avoir un téléphone ou un ordinateur moins cher',
    texte:
      'Des associations vendent des appareils reconditionnés à petit prix, avec une connexion internet solidaire.',
    icone: 'fr-icon-smartphone-line',
    service: 'Acquisition de matériel informatique à prix solidaire',
  },
  atelier_bases: {
    id: 'atelier_bases',
    titre: 'Apprendre les bases avec un conseiller numérique',
    texte:
      'Des ateliers gratuits, en petit groupe, pour apprendre pas à pas : la souris, l’écran tactile, les e-mails, les sites internet.',
    icone: 'fr-icon-team-line',
    service: 'Maîtrise des outils numériques du quotidien',
  },
  accompagnement_individuel: {
    id: 'accompagnement_individuel',
    titre: 'Être accompagné seul à seul, à votre rythme',
    texte:
      'Un conseiller numérique peut vous recevoir seul à seul. Vous pouvez poser toutes vos questions, il n’y a pas de question bête.',
    icone: 'fr-icon-chat-3-line',
    service: 'Maîtrise des outils numériques du quotidien',
  },
  atelier_securite: {
    id: 'atelier_securite',
    titre: 'Apprendre à éviter les arnaques',
    texte: 'Un atelier pour reconnaître les faux messages et protéger votre argent et vos informations.',
    icone: 'fr-icon-shield-line',
    service: 'Utilisation sécurisée du numérique',
  },
  parcours: {
    id: 'parcours',
    titre: 'Continuer à apprendre en ligne, à votre rythme',
    texte:
      'Des petits exercices en ligne pour progresser seul, chez vous, et un conseiller si vous bloquez. Les parcours d’apprentissage d’Escale arrivent bientôt : un conseiller numérique peut déjà vous en proposer.',
    icone: 'fr-icon-book-2-line',
  },
  autonome: {
    id: 'autonome',
    titre: 'Vous êtes à l’aise : bravo !',
    texte:
      'Vous savez déjà faire beaucoup de choses. Si un jour vous bloquez, un lieu d’aide près de chez vous peut répondre à vos questions.',
    icone: 'fr-icon-thumb-up-line',
  },
}

export interface Condition {
  acces?: readonly ProfilBesoins['acces'][]
  competences?: readonly ProfilBesoins['competences'][]
  confiance?: readonly ProfilBesoins['confiance'][]
  lecture?: readonly ProfilBesoins['lecture'][]
  demarcheUrgente?: boolean
  fairePourMoi?: boolean
  /** The skill is among those still to learn. */
  aApprendre?: CompetenceId
}

export interface Regle {
  id: string
  quand: Condition
  alors: readonly OrientationId[]
  /** Why the rule exists, shown to the conseiller. */
  pourquoi: string
}

export const REGLES: readonly Regle[] = [
  {
    id: 'O1',
    quand: { fairePourMoi: true },
    alors: ['aidants_connect'],
    pourquoi: 'La personne veut que quelqu’un fasse sa démarche : un mandat la protège.',
  },
  {
    id: 'O2',
    quand: { demarcheUrgente: true, fairePourMoi: false },
    alors: ['aide_demarche'],
    pourquoi: 'Une démarche attend : l’aide d’abord, l’apprentissage ensuite.',
  },
  {
    id: 'O3',
    quand: { acces: ['aucun'] },
    alors: ['acces_materiel', 'materiel_solidaire'],
    pourquoi: 'Sans appareil, il faut d’abord un accès.',
  },
  {
    id: 'O4',
    quand: { acces: ['partiel'] },
    alors: ['acces_materiel'],
    pourquoi: 'Sans box internet, un lieu avec ordinateur et connexion aide pour les démarches longues.',
  },
  {
    id: 'O5',
    quand: { competences: ['debutant'] },
    alors: ['atelier_bases'],
    pourquoi: 'Moins de 40 % des niveaux acquis : les bases en atelier.',
  },
  {
    id: 'O6',
    quand: { confiance: ['faible'], competences: ['debutant', 'intermediaire'] },
    alors: ['accompagnement_individuel'],
    pourquoi: 'La peur de se tromper freine : un accompagnement seul à seul rassure.',
  },
  {
    id: 'O7',
    quand: { aApprendre: 'securite' },
    alors: ['atelier_securite'],
    pourquoi: 'Les arnaques ne sont pas toutes reconnues : risque financier.',
  },
  {
    id: 'O8',
    quand: { competences: ['intermediaire'], lecture: ['aisee'] },
    alors: ['parcours'],
    pourquoi: 'Bases acquises et lecture aisée : apprendre seul en ligne est possible.',
  },
  {
    id: 'O9',
    quand: { competences: ['intermediaire'], lecture: ['difficile'] },
    alors: ['atelier_bases'],
    pourquoi: 'Lecture difficile : l’oral en atelier convient mieux que des exercices écrits.',
  },
  {
    id: 'O10',
    quand: { competences: ['autonome'], demarcheUrgente: false },
    alors: ['autonome'],
    pourquoi: 'Autonome et sans démarche urgente : rien à prescrire.',
  },
  {
    id: 'O11',
    quand: { competences: ['autonome'], confiance: ['faible'] },
    alors: ['accompagnement_individuel'],
    pourquoi: 'Sait faire mais n’ose pas : quelques rendez-vous pour prendre confiance.',
  },
]

export function condition(c: Condition, p: ProfilBesoins): boolean {
  if (c.acces && !c.acces.includes(p.acces)) return false
  if (c.competences && !c.competences.includes(p.competences)) return false
  if (c.confiance && !c.confiance.includes(p.confiance)) return false
  if (c.lecture && !c.lecture.includes(p.lecture)) return false
  if (c.demarcheUrgente !== undefined && c.demarcheUrgente !== p.demarcheUrgente) return false
  if (c.fairePourMoi !== undefined && c.fairePourMoi !== p.fairePourMoi) return false
  if (c.aApprendre && !p.aApprendre.includes(c.aApprendre)) return false
  return true
}

export interface Orientations {
  orientations: Orientation[]
  /** Ids of the rules that fired, for the conseiller and the export. */
  regles: string[]
}

export function orienter(profil: ProfilBesoins, regles: readonly Regle[] = REGLES): Orientations {
  const ids: OrientationId[] = []
  const declenchees: string[] = []
  for (const r of regles) {
    if (!condition(r.quand, profil)) continue
    declenchees.push(r.id)
    for (const o of r.alors) if (!ids.includes(o)) ids.push(o)
  }
  return { orientations: ids.map((id) => ORIENTATIONS[id]), regles: declenchees }
}
