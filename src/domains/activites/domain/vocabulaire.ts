/**
 * The one typed catalogue of values and labels of an activity report (CRA). Stored values never
 * change once data exists; labels may (the Coop had to rename "Pôle emploi" in stored labels, we
 * keep labels out of the data). Exports and the open-data API use the stored values.
 */

export interface Option<V extends string = string> {
  valeur: V
  libelle: string
}

const options = <const T extends readonly (readonly [string, string])[]>(liste: T) =>
  liste.map(([valeur, libelle]) => ({ valeur, libelle })) as { valeur: T[number][0]; libelle: string }[]

export const TYPES = options([
  ['individuel', 'Accompagnement individuel'],
  ['collectif', 'Atelier collectif'],
  ['ponctuel', 'Aide ponctuelle pendant une permanence'],
] as const)
export type TypeActivite = (typeof TYPES)[number]['valeur']

export const TYPES_LIEU = options([
  ['lieu_activite', 'Dans un de mes lieux'],
  ['domicile', 'À domicile'],
  ['distance', 'À distance'],
] as const)
export type TypeLieu = (typeof TYPES_LIEU)[number]['valeur']

export const THEMES_MEDIATION = options([
  ['equipement', 'Prendre en main un équipement'],
  ['internet', 'Naviguer sur internet'],
  ['email', 'E-mail'],
  ['bureautique', 'Bureautique'],
  ['reseaux_sociaux', 'Réseaux sociaux'],
  ['sante', 'Santé'],
  ['banque_achats', 'Banque et achats en ligne'],
  ['emploi_cv', 'Recherche d’emploi et CV'],
  ['entrepreneuriat', 'Entrepreneuriat'],
  ['securite_donnees', 'Sécurité et données personnelles'],
  ['parentalite_scolarite', 'Parentalité et scolarité'],
  ['creer_numerique', 'Créer avec le numérique'],
  ['culture_numerique', 'Culture numérique'],
  ['sources_information', 'Vérifier ses sources d’information'],
  ['travail_distance', 'Travail à distance'],
] as const)

/** The ten domains of administrative life, as in France Services and Aidants Connect. */
export const THEMES_DEMARCHES = options([
  ['demarche_papiers', 'Démarches : papiers, élections, citoyenneté'],
  ['demarche_famille', 'Démarches : famille, scolarité'],
  ['demarche_social_sante', 'Démarches : social, santé'],
  ['demarche_travail', 'Démarches : travail, formation'],
  ['demarche_logement', 'Démarches : logement'],
  ['demarche_transports', 'Démarches : transports, mobilité'],
  ['demarche_argent', 'Démarches : argent, impôts'],
  ['demarche_justice', 'Démarches : justice'],
  ['demarche_etrangers', 'Démarches : étrangers, Europe'],
  ['demarche_loisirs', 'Démarches : loisirs, sports, culture'],
] as const)

export const THEMES = [...THEMES_MEDIATION, ...THEMES_DEMARCHES]
export type Theme = (typeof THEMES)[number]['valeur']
export const estThemeDemarche = (t: string) => t.startsWith('demarche_')

export const MATERIELS = options([
  ['ordinateur', 'Ordinateur'],
  ['telephone', 'Téléphone'],
  ['tablette', 'Tablette'],
  ['autre', 'Autre matériel'],
  ['aucun', 'Pas de matériel'],
] as const)
export type Materiel = (typeof MATERIELS)[number]['valeur']

export const NIVEAUX = options([
  ['debutant', 'Débutant'],
  ['intermediaire', 'Intermédiaire'],
  ['avance', 'Avancé'],
] as const)
export type Niveau = (typeof NIVEAUX)[number]['valeur']

export const AUTONOMIES = options([
  ['accompagne', 'Entièrement accompagné'],
  ['partiel', 'Autonome avec de l’aide si besoin'],
  ['autonome', 'Autonome'],
] as const)
export type Autonomie = (typeof AUTONOMIES)[number]['valeur']

export const ORIENTATIONS = options([
  ['aucune', 'Pas d’orientation'],
  ['france_services', 'Vers une France Services'],
  ['aidants_connect', 'Vers un aidant habilité Aidants Connect'],
  ['autre_lieu', 'Vers un autre lieu'],
] as const)
export type Orientation = (typeof ORIENTATIONS)[number]['valeur']

export const TRANCHES_AGE = options([
  ['moins_12', 'Moins de 12 ans'],
  ['12_17', '12 à 17 ans'],
  ['18_24', '18 à 24 ans'],
  ['25_39', '25 à 39 ans'],
  ['40_59', '40 à 59 ans'],
  ['60_69', '60 à 69 ans'],
  ['70_plus', '70 ans et plus'],
  ['nc', 'Non communiqué'],
] as const)
export type TrancheAge = (typeof TRANCHES_AGE)[number]['valeur']

export const SITUATIONS = options([
  ['scolarise', 'Scolarisé'],
  ['sans_emploi', 'Sans emploi'],
  ['en_emploi', 'En emploi'],
  ['retraite', 'Retraité'],
  ['nc', 'Non communiqué ou hétérogène'],
] as const)
export type Situation = (typeof SITUATIONS)[number]['valeur']

/** Ranges of the statistics (minutes are stored exactly; ranges are only for display). */
export const DUREES = options([
  ['moins_30', 'Moins de 30 min'],
  ['30_60', '30 min à 1 h'],
  ['60_120', '1 h à 2 h'],
  ['plus_120', '2 h et plus'],
] as const)
export type TrancheDuree = (typeof DUREES)[number]['valeur']

export function trancheDuree(minutes: number): TrancheDuree {
  if (minutes < 30) return 'moins_30'
  if (minutes < 60) return '30_60'
  if (minutes < 120) return '60_120'
  return 'plus_120'
}

/** Quick choices of the form; any duration from 1 min to 12 h may be typed. */
export const DUREES_RAPIDES = [15, 30, 45, 60, 90, 120] as const

const tousLesLibelles = new Map<string, Map<string, string>>()
const enregistrer = (dimension: string, liste: readonly Option[]) =>
  tousLesLibelles.set(dimension, new Map(liste.map((o) => [o.valeur, o.libelle])))
enregistrer('type', TYPES)
enregistrer('lieu', TYPES_LIEU)
enregistrer('theme', THEMES)
enregistrer('materiel', MATERIELS)
enregistrer('niveau', NIVEAUX)
enregistrer('autonomie', AUTONOMIES)
enregistrer('orientation', ORIENTATIONS)
enregistrer('age', TRANCHES_AGE)
enregistrer('situation', SITUATIONS)
enregistrer('duree', DUREES)

export function libelle(dimension: string, valeur: string): string {
  return tousLesLibelles.get(dimension)?.get(valeur) ?? valeur
}
export function optionsDe(dimension: string): Option[] {
  return [...(tousLesLibelles.get(dimension) ?? new Map())].map(([valeur, l]) => ({ valeur, libelle: l }))
}
