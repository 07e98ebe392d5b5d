/** Expected outcomes of the accounts domain, and their French wording (one place for all of them). */
export type ErreurComptes =
  | { code: 'IDENTIFIANTS_INVALIDES' }
  | { code: 'COMPTE_BLOQUE'; minutes: number }
  | { code: 'CODE_TOTP_INVALIDE' }
  | { code: 'LIEN_INVALIDE' }
  | { code: 'MOT_DE_PASSE_FAIBLE'; message: string }
  | { code: 'EMAIL_DEJA_UTILISE' }
  | { code: 'INVITATION_INTERDITE' }
  | { code: 'COMPTE_INTROUVABLE' }
  | { code: 'DERNIER_ADMIN' }
  | { code: 'PROCONNECT_SANS_COMPTE'; email: string }
  | { code: 'PROCONNECT_AUTRE_IDENTITE' }

export function messageErreur(e: ErreurComptes): string {
  switch (e.code) {
    case 'IDENTIFIANTS_INVALIDES':
      // Also the answer while the account is locked: an address without an account is never locked,
      // so a distinct message would tell who has one.
      return 'Adresse e-mail ou mot de passe incorrect. Après plusieurs erreurs, la connexion par mot de passe est suspendue quelques minutes : réessayez plus tard, ou recevez un lien de connexion par e-mail.'
    case 'COMPTE_BLOQUE':
      return `Trop de tentatives de connexion. Par sécurité, réessayez dans ${e.minutes} minute${e.minutes > 1 ? 's' : ''}, ou recevez un lien de connexion par e-mail.`
    case 'CODE_TOTP_INVALIDE':
      return 'Ce code n’est pas valide. Saisissez les 6 chiffres affichés en ce moment par votre application ou votre carte.'
    case 'LIEN_INVALIDE':
      return 'Ce lien n’est plus valide : il a déjà servi ou il a expiré. Demandez-en un nouveau.'
    case 'MOT_DE_PASSE_FAIBLE':
      return e.message
    case 'EMAIL_DEJA_UTILISE':
      return 'Un compte existe déjà avec cette adresse e-mail.'
    case 'INVITATION_INTERDITE':
      return 'Vous ne pouvez pas inviter une personne avec ce rôle sur ce périmètre.'
    case 'COMPTE_INTROUVABLE':
      return 'Ce compte n’existe pas.'
    case 'DERNIER_ADMIN':
      return 'Impossible : ce compte est le dernier administrateur national actif.'
    case 'PROCONNECT_SANS_COMPTE':
      return `Aucun compte Escale actif n’utilise l’adresse ${e.email}. Escale ne crée pas de compte à la première connexion : demandez un accès (voir ci-dessous).`
    case 'PROCONNECT_AUTRE_IDENTITE':
      return 'Votre compte Escale est déjà lié à une autre identité ProConnect. Connectez-vous avec celle-ci, ou avec votre mot de passe, et écrivez à l’équipe nationale si vous avez changé de fournisseur d’identité.'
  }
}
