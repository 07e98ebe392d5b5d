import { estDemarche, titreDemarche } from './demarches'
import { DELAI_CONFIRMATION_EMAIL_JOURS, type ErreurHabilitation, STATUTS_DEMANDE } from './habilitation'
import type { ErreurMandat } from './mandat'

/** The one place where this domain's error codes become French messages. */
export function messageErreur(e: ErreurMandat): string {
  switch (e.code) {
    case 'AUCUNE_DEMARCHE':
      return 'Démarches : choisissez au moins une démarche.'
    case 'DEMARCHE_NON_AUTORISEE':
      return `Démarches : « ${estDemarche(e.demarche) ? titreDemarche(e.demarche) : e.demarche} » n’est pas autorisée dans la structure.`
    case 'DUREE_INCONNUE':
      return 'Durée : choisissez la durée du mandat.'
    case 'CONSENTEMENT_MANQUANT':
      return 'Consentement : l’accord de l’usager est obligatoire.'
    case 'CODE_TOTP_INVALIDE':
      return 'Code : code incorrect ou déjà utilisé. Attendez le code suivant.'
    case 'MANDAT_INTROUVABLE':
      return 'Mandat introuvable.'
    case 'DEJA_REVOQUE':
      return 'Ce mandat ou cette démarche est déjà révoqué.'
    case 'USAGER_INTROUVABLE':
      return 'Usager introuvable.'
    case 'NON_RENOUVELABLE':
      return 'Ce mandat ne peut pas être renouvelé : créez un nouveau mandat.'
  }
}

export function messageErreurHabilitation(e: ErreurHabilitation): string {
  switch (e.code) {
    case 'DEMANDE_INTROUVABLE':
      return 'Demande introuvable.'
    case 'LIEN_EXPIRE':
      return `Ce lien de confirmation a expiré (${DELAI_CONFIRMATION_EMAIL_JOURS} jours) : déposez une nouvelle demande.`
    case 'EMAIL_NON_VERIFIE':
      return 'Confirmez d’abord votre adresse e-mail avec le lien reçu.'
    case 'TRANSITION_INTERDITE':
      return `Action impossible : la demande est « ${STATUTS_DEMANDE[e.de]} ».`
    case 'MESSAGE_OBLIGATOIRE':
      return 'Message : expliquez votre décision au demandeur.'
    case 'REGION_DEJA_OUVERTE':
      return 'Cette région est déjà ouverte.'
    case 'AIDANT_INTROUVABLE':
      return 'Aidant introuvable dans votre structure.'
    case 'CARTE_INTROUVABLE':
    case 'CARTE_HORS_ORGANISATION':
      return 'Numéro de série : aucune carte libre ne porte ce numéro.'
    case 'CODE_CARTE_INVALIDE':
      return 'Code : ce code ne correspond pas à la carte ou à l’application. Saisissez le code affiché en ce moment.'
    case 'DISPOSITIF_INTROUVABLE':
      return 'Dispositif introuvable.'
    case 'CONSENTEMENT_INTROUVABLE':
      return 'Ce lien de consentement n’est plus valide.'
  }
}
