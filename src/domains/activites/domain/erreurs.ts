/** Expected outcomes of the activities domain, and their French wording (one place for all). */
export type ErreurActivites =
  | { code: 'ACTIVITE_INTROUVABLE' }
  | { code: 'DELAI_DEPASSE' }
  | { code: 'LIEU_INCONNU' }
  | { code: 'BENEFICIAIRE_INCONNU' }
  | { code: 'ID_DEJA_UTILISE' }
  | { code: 'STRUCTURE_ABSENTE' }

export function messageErreur(e: ErreurActivites): string {
  switch (e.code) {
    case 'ACTIVITE_INTROUVABLE':
      return 'Cette activité n’existe pas, ou elle ne vous appartient pas.'
    case 'DELAI_DEPASSE':
      return 'Cette activité a été enregistrée il y a plus de 30 jours : elle ne peut plus être modifiée ni supprimée.'
    case 'LIEU_INCONNU':
      return 'Lieu : choisissez un de vos lieux d’activité.'
    case 'BENEFICIAIRE_INCONNU':
      return 'Bénéficiaire : choisissez une personne de votre liste de suivi.'
    case 'ID_DEJA_UTILISE':
      return 'Cet identifiant d’activité est déjà utilisé par un autre compte.'
    case 'STRUCTURE_ABSENTE':
      return 'Votre compte de conseiller n’est rattaché à aucune structure.'
  }
}
