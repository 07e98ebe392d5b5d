/**
 * Explicit state machines (the former platforms spread these states over several flags and repaired
 * them with scripts): every change goes through `peutPasser`.
 */

export const STATUTS_STRUCTURE = [
  'deposee',
  'a_completer',
  'proposee',
  'non_proposee',
  'examen_complementaire',
  'validee',
  'refusee',
  'conventionnee',
  'abandonnee',
] as const
export type StatutStructure = (typeof STATUTS_STRUCTURE)[number]

export const LIBELLES_STATUT_STRUCTURE: Record<StatutStructure, string> = {
  deposee: 'Déposée',
  a_completer: 'À compléter',
  proposee: 'Proposée par la préfecture',
  non_proposee: 'Avis défavorable de la préfecture',
  examen_complementaire: 'Examen complémentaire',
  validee: 'Validée par le comité',
  refusee: 'Refusée',
  conventionnee: 'Conventionnée',
  abandonnee: 'Abandonnée',
}

const TRANSITIONS_STRUCTURE: Record<StatutStructure, readonly StatutStructure[]> = {
  deposee: ['a_completer', 'proposee', 'non_proposee', 'abandonnee'],
  a_completer: ['deposee', 'a_completer', 'proposee', 'non_proposee', 'abandonnee'],
  proposee: [
    'proposee',
    'a_completer',
    'non_proposee',
    'validee',
    'refusee',
    'examen_complementaire',
    'abandonnee',
  ],
  non_proposee: ['proposee', 'a_completer', 'non_proposee', 'refusee', 'abandonnee'],
  examen_complementaire: ['proposee', 'validee', 'refusee', 'examen_complementaire', 'abandonnee'],
  validee: ['validee', 'conventionnee', 'abandonnee'],
  refusee: [],
  // A conventioned structure may get an amendment (new decision) without leaving the status.
  conventionnee: ['conventionnee', 'abandonnee'],
  abandonnee: [],
}

export function structurePeutPasser(de: StatutStructure, vers: StatutStructure): boolean {
  return TRANSITIONS_STRUCTURE[de].includes(vers)
}

export const STATUTS_CANDIDATURE = [
  'email_a_confirmer',
  'disponible',
  'en_cours_de_recrutement',
  'recrutee',
  'retiree',
] as const
export type StatutCandidature = (typeof STATUTS_CANDIDATURE)[number]

export const LIBELLES_STATUT_CANDIDATURE: Record<StatutCandidature, string> = {
  email_a_confirmer: 'Adresse e-mail à confirmer',
  disponible: 'Candidature visible par les structures',
  en_cours_de_recrutement: 'Présélectionnée par une structure',
  recrutee: 'Recrutée',
  retiree: 'Retirée',
}

const TRANSITIONS_CANDIDATURE: Record<StatutCandidature, readonly StatutCandidature[]> = {
  email_a_confirmer: ['disponible', 'retiree'],
  disponible: ['en_cours_de_recrutement', 'recrutee', 'retiree'],
  en_cours_de_recrutement: ['disponible', 'en_cours_de_recrutement', 'recrutee', 'retiree'],
  // A departure makes the person available again (and matched anew).
  recrutee: ['disponible'],
  retiree: ['disponible'],
}

export function candidaturePeutPasser(de: StatutCandidature, vers: StatutCandidature): boolean {
  return TRANSITIONS_CANDIDATURE[de].includes(vers)
}

export const STATUTS_MISE_EN_RELATION = [
  'preselectionnee',
  'entretien',
  'non_retenue',
  'recrutee',
  'terminee',
] as const
export type StatutMiseEnRelation = (typeof STATUTS_MISE_EN_RELATION)[number]

export const LIBELLES_STATUT_MISE_EN_RELATION: Record<StatutMiseEnRelation, string> = {
  preselectionnee: 'Présélectionné',
  entretien: 'Entretien noté',
  non_retenue: 'Non retenu',
  recrutee: 'Recruté',
  terminee: 'Contrat terminé',
}

const TRANSITIONS_MER: Record<StatutMiseEnRelation, readonly StatutMiseEnRelation[]> = {
  preselectionnee: ['entretien', 'non_retenue', 'recrutee'],
  entretien: ['entretien', 'non_retenue', 'recrutee'],
  non_retenue: ['preselectionnee'],
  recrutee: ['terminee'],
  terminee: ['preselectionnee'],
}

export function miseEnRelationPeutPasser(de: StatutMiseEnRelation, vers: StatutMiseEnRelation): boolean {
  return TRANSITIONS_MER[de].includes(vers)
}

export const MOTIFS_FIN = ['fin_de_contrat', 'demission', 'licenciement'] as const
export type MotifFin = (typeof MOTIFS_FIN)[number]
export const LIBELLES_MOTIF_FIN: Record<MotifFin, string> = {
  fin_de_contrat: 'Fin de contrat',
  demission: 'Démission',
  licenciement: 'Licenciement',
}
