/** Expected outcomes of the diagnostic domain and their French wording, in one place. */
export type ErreurDiagnostic =
  | { code: 'CODE_INVALIDE' }
  | { code: 'CODE_INCONNU' }
  | { code: 'CHOIX_MANQUANT' }
  | { code: 'CHOIX_INVALIDE' }
  | { code: 'REFERENCE_INVALIDE' }
  | { code: 'CONSENTEMENT_MANQUANT' }
  | { code: 'DIAGNOSTIC_NON_TERMINE' }
  | { code: 'SANS_CONSEILLER' }
  | { code: 'DESTINATAIRE_INVALIDE'; canal: 'email' | 'sms' }
  | { code: 'CODE_POSTAL_INCONNU' }
  | { code: 'FICHE_SUIVI_INVALIDE' }
  | { code: 'FICHE_SUIVI_INCONNUE' }

export function messageErreur(e: ErreurDiagnostic): string {
  switch (e.code) {
    case 'CODE_INVALIDE':
      return 'Le code a 6 lettres puis 3 chiffres, par exemple ABC DEF 234. Vérifiez ce que vous avez écrit.'
    case 'CODE_INCONNU':
      return 'Ce code n’existe pas ou n’est plus valable. Demandez un nouveau code à votre conseiller.'
    case 'CHOIX_MANQUANT':
      return 'Choisissez au moins une réponse.'
    case 'CHOIX_INVALIDE':
      return 'Cette réponse n’est pas possible. « Aucun de ces appareils » ne se coche pas avec un appareil.'
    case 'REFERENCE_INVALIDE':
      return 'Écrivez une référence de 2 à 40 caractères (lettres, chiffres, tirets), sans nom ni prénom.'
    case 'CONSENTEMENT_MANQUANT':
      return 'Cochez la case : la personne doit être d’accord pour que son résultat soit gardé.'
    case 'DIAGNOSTIC_NON_TERMINE':
      return 'Le diagnostic n’est pas terminé : le résultat pourra être gardé à la fin.'
    case 'SANS_CONSEILLER':
      return 'Ce diagnostic n’a pas été fait avec un conseiller : il n’y a personne à qui le partager.'
    case 'CODE_POSTAL_INCONNU':
      return 'Nous ne connaissons pas ce code postal. Vérifiez les 5 chiffres, par exemple 05000 pour Gap.'
    case 'FICHE_SUIVI_INVALIDE':
      return 'Collez l’adresse de la fiche de suivi, telle qu’elle s’affiche dans « Mes activités » (elle finit par /activites/beneficiaires/ suivi d’un identifiant).'
    case 'FICHE_SUIVI_INCONNUE':
      return 'Aucune fiche de suivi de votre structure n’a cette adresse. Copiez-la depuis la fiche, dans « Mes activités ».'
    case 'DESTINATAIRE_INVALIDE':
      return e.canal === 'email'
        ? 'Écrivez une adresse e-mail valide, par exemple nom@domaine.fr.'
        : 'Écrivez un numéro de téléphone portable français, par exemple 06 12 34 56 78.'
  }
}
