/**
 * Every message Aidants Connect sends, in one place: their wording is read and corrected together (the
 * same greeting, the same signature, no usager name anywhere, the durations said the way links last).
 * Each function returns the subject and the plain text (or the SMS text); the use case queues it in its
 * transaction.
 */
import type { DecisionEquipe } from './domain/habilitation'

export interface Email {
  sujet: string
  texte: string
}

const SIGNATURE = 'L’équipe Aidants Connect'

/** The first e-mail of a request: the link confirms the address, and is the requester's access afterwards. */
export const emailConfirmationDemande = (p: {
  nomDemandeur: string
  structure: string
  lien: string
  jours: number
}): Email => ({
  sujet: 'Aidants Connect : confirmez votre adresse e-mail',
  texte: `Bonjour ${p.nomDemandeur},\n\nPour envoyer la demande d’habilitation de « ${p.structure} », confirmez votre adresse avec ce lien, valable ${p.jours} jours :\n${p.lien}\n\nGardez ce message : ce lien vous permet aussi de suivre la demande et d’échanger avec l’équipe.\n\n${SIGNATURE}`,
})

/** Every later e-mail about a request: the same greeting, then the link to follow it. */
const suiviDemande = (p: { nomDemandeur: string; lien: string }, sujet: string, corps: string): Email => ({
  sujet: `Aidants Connect : ${sujet}`,
  texte: `Bonjour ${p.nomDemandeur},\n\n${corps}\n\nSuivre votre demande : ${p.lien}\n\n${SIGNATURE}`,
})

export interface DestinataireDemande {
  nomDemandeur: string
  /** The request's link (its access). */
  lien: string
}

/** The address is confirmed: the request goes to the national team, or waits for its region. */
export const emailDemandeRecue = (p: DestinataireDemande & { listeAttente: boolean }): Email =>
  suiviDemande(
    p,
    'demande reçue',
    p.listeAttente
      ? 'Votre adresse est confirmée. Aidants Connect n’est pas encore ouvert dans votre région : votre demande est sur liste d’attente et nous vous écrirons dès l’ouverture.'
      : 'Votre adresse est confirmée et votre demande est transmise à l’équipe nationale, qui vérifie son éligibilité.',
  )

export const emailNouveauMessage = (p: DestinataireDemande & { texte: string }): Email =>
  suiviDemande(p, 'nouveau message', `L’équipe Aidants Connect vous a écrit :\n\n${p.texte}`)

export const emailDemandeRenvoyee = (p: DestinataireDemande): Email =>
  suiviDemande(
    p,
    'demande renvoyée',
    'Votre demande complétée est de nouveau entre les mains de l’équipe nationale.',
  )

const CORPS_DECISION: Record<DecisionEquipe, string> = {
  valider:
    'Bonne nouvelle : l’éligibilité de votre structure est validée. Le ou la référente reçoit un e-mail pour activer son compte ; les aidants listés peuvent s’inscrire à la formation.',
  refuser: 'L’équipe nationale n’a pas validé l’éligibilité de votre structure.',
  demander_modifications:
    'L’équipe nationale vous demande de compléter votre demande : lisez son message, puis renvoyez la demande.',
  cloturer: 'Votre demande est clôturée : la structure et son référent sont prêts.',
}

/** The team's decision, titled by the request's new status, with the team's message when there is one. */
export const emailDecision = (
  p: DestinataireDemande & { decision: DecisionEquipe; libelleStatut: string; message: string },
): Email =>
  suiviDemande(
    p,
    p.libelleStatut.toLowerCase(),
    `${CORPS_DECISION[p.decision]}${p.message ? `\n\nMessage de l’équipe :\n${p.message}` : ''}`,
  )

export const emailRegionOuverte = (p: DestinataireDemande): Email =>
  suiviDemande(
    p,
    'votre région est ouverte',
    'Aidants Connect ouvre dans votre région. Votre demande quitte la liste d’attente et passe à l’équipe nationale, qui vérifie son éligibilité.',
  )

/** Five months without activity. Factual tone: Aidants Connect's own warnings were felt as accusatory. */
export const emailAvertissementInactivite = (p: { prenom: string; lienConnexion: string }): Email => ({
  sujet: 'Aidants Connect : votre habilitation sera suspendue dans un mois',
  texte: `Bonjour ${p.prenom},\n\nVous ne vous êtes pas connecté·e à Aidants Connect depuis 5 mois. Sans connexion d’ici un mois, votre habilitation d’aidant sera suspendue, comme le prévoient les règles de sécurité du service. Il suffit de vous connecter pour la garder :\n${p.lienConnexion}\n\nSi vous n’accompagnez plus d’usagers, vous n’avez rien à faire.\n\n${SIGNATURE}`,
})

/** To every aidant of the organisation, not only the mandate's creator; no usager name, a link behind login. */
export const emailRappelExpiration = (p: {
  prenom: string
  organisation: string
  expireLe: Date
  lienUsager: string
}): Email => ({
  sujet: 'Aidants Connect : un mandat de votre structure arrive à expiration',
  texte: `Bonjour ${p.prenom},\n\nUn mandat donné à « ${p.organisation} » expire le ${p.expireLe.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })}. Vous recevez ce message parce que vous êtes aidant de la structure, même si vous n’avez pas créé ce mandat.\n\nPour le renouveler avec l’usager : ${p.lienUsager}\n\n${SIGNATURE}`,
})

/** Remote consent: no name, no démarche in the SMS, only who asks and where to read and answer. */
export const smsConsentement = (p: { organisation: string; lien: string; minutes: number }): string =>
  `${p.organisation} vous demande votre accord pour un mandat Aidants Connect. Lisez-le et répondez (${p.minutes} min) : ${p.lien}`
