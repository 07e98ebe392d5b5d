import { euros, type RefusBudget } from './financement'

/** Expected outcomes of the recruitment domain and their French wording, in one place. */
export type ErreurRecrutement =
  | RefusBudget
  | { code: 'EMAIL_DEJA_UTILISE' }
  | { code: 'CANDIDATURE_EXISTANTE' }
  | { code: 'CANDIDATURE_INTROUVABLE' }
  | { code: 'STRUCTURE_INTROUVABLE' }
  | { code: 'TRANSITION_INTERDITE'; de: string; vers: string }
  | { code: 'DATE_LIMITE_DEPASSEE'; dateLimite: string }
  | { code: 'AUCUN_TAUX'; categorie: string }
  | { code: 'AUCUNE_PHASE' }
  | { code: 'STRUCTURE_NON_VALIDEE' }
  | { code: 'POSTES_TOUS_POURVUS'; postes: number }
  | { code: 'DEJA_RECRUTE' }
  | { code: 'HORS_PERIMETRE' }
  | { code: 'COMMUNE_INCONNUE' }
  | { code: 'CV_INVALIDE'; message: string }
  | { code: 'CONVENTION_INTROUVABLE' }
  | { code: 'DATE_PASSEE'; libelle: string }
  | { code: 'DATE_TROP_LOINTAINE'; libelle: string; mois: number }
  | { code: 'STRUCTURE_NON_MODIFIABLE' }
  | { code: 'IDENTIFIANT_MANQUANT' }
  | { code: 'SIRET_INCONNU' }
  | { code: 'ETABLISSEMENT_FERME' }

export function messageErreur(e: ErreurRecrutement): string {
  switch (e.code) {
    case 'QUOTA_DEPASSE':
      return `Le quota national de postes serait dépassé : il reste ${e.restant} poste(s) à attribuer.`
    case 'ENVELOPPE_DEPASSEE':
      return `L’enveloppe budgétaire serait dépassée : il reste ${euros(e.restantEuros)} à engager.`
    case 'ALLOCATION_DEPASSEE':
      return `L’allocation du département serait dépassée : il reste ${e.restant} poste(s) pour ce département.`
    case 'EMAIL_DEJA_UTILISE':
      return 'Un compte existe déjà avec cette adresse e-mail : connectez-vous pour continuer.'
    case 'CANDIDATURE_EXISTANTE':
      return 'Vous avez déjà une candidature : modifiez-la depuis votre espace.'
    case 'CANDIDATURE_INTROUVABLE':
      return 'Cette candidature n’existe pas ou n’est plus disponible.'
    case 'STRUCTURE_INTROUVABLE':
      return 'Cette structure n’existe pas.'
    case 'TRANSITION_INTERDITE':
      return 'Cette action n’est pas possible dans l’état actuel du dossier.'
    case 'DATE_LIMITE_DEPASSEE':
      return `La date limite des avis de cette vague (${e.dateLimite}) est passée.`
    case 'AUCUN_TAUX':
      return `Aucun montant par poste n’est défini pour les structures ${e.categorie === 'public' ? 'publiques' : 'privées'} dans cette phase.`
    case 'AUCUNE_PHASE':
      return 'Aucune phase du programme n’est ouverte.'
    case 'STRUCTURE_NON_VALIDEE':
      return 'La structure n’a pas de poste validé par le comité.'
    case 'POSTES_TOUS_POURVUS':
      return `Les ${e.postes} poste(s) validé(s) de la structure sont déjà pourvus.`
    case 'DEJA_RECRUTE':
      return 'Ce candidat est déjà recruté par une structure.'
    case 'HORS_PERIMETRE':
      return 'Ce dossier n’est pas dans votre périmètre.'
    case 'IDENTIFIANT_MANQUANT':
      return 'Saisissez le SIRET de la structure, ou son numéro RNA si c’est une association sans SIRET.'
    case 'SIRET_INCONNU':
      return 'Ce SIRET n’est pas dans le registre des entreprises : vérifiez-le sur l’avis de situation au répertoire Sirene.'
    case 'ETABLISSEMENT_FERME':
      return 'Cet établissement est fermé au registre des entreprises : saisissez le SIRET d’un établissement en activité.'
    case 'COMMUNE_INCONNUE':
      return 'Cette commune est introuvable : saisissez son code INSEE à 5 caractères.'
    case 'CV_INVALIDE':
      return e.message
    case 'CONVENTION_INTROUVABLE':
      return 'Cette convention n’existe pas.'
    case 'DATE_PASSEE':
      return `${e.libelle} est passée : choisissez aujourd’hui ou une date à venir.`
    case 'DATE_TROP_LOINTAINE':
      return `${e.libelle} est trop lointaine : choisissez une date dans les ${e.mois} prochains mois.`
    case 'STRUCTURE_NON_MODIFIABLE':
      return 'La candidature ne peut plus être modifiée : la préfecture l’a déjà examinée. Écrivez-lui pour tout changement.'
  }
}
