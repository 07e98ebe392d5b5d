/**
 * Every e-mail the accounts domain sends, in one place: their wording is read and corrected together
 * (the same greeting, the same signature, the durations said the way the links really last).
 * Each function returns the subject and the plain text; the use case queues it in its transaction.
 */

export interface Email {
  sujet: string
  texte: string
}

const ESCALE = 'L’équipe Escale'
const AIDANTS_CONNECT = 'L’équipe Aidants Connect'

export const emailLienConnexion = (p: { prenom: string; lien: string; minutes: number }): Email => ({
  sujet: 'Votre lien de connexion à Escale',
  texte: `Bonjour ${p.prenom},\n\nPour vous connecter à Escale, ouvrez ce lien dans les ${p.minutes} minutes :\n${p.lien}\n\nIl ne fonctionne qu’une fois. Si vous n’avez rien demandé, ignorez ce message : personne ne peut se connecter sans ce lien.\n\n${ESCALE}`,
})

export const emailReinitialisation = (p: { prenom: string; lien: string }): Email => ({
  sujet: 'Choisir un nouveau mot de passe Escale',
  texte: `Bonjour ${p.prenom},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien dans l’heure :\n${p.lien}\n\nSi vous n’avez rien demandé, ignorez ce message : votre mot de passe actuel reste valable.\n\n${ESCALE}`,
})

export const emailInvitation = (p: {
  prenom: string
  /** Who invites, « Prénom Nom ». */
  par: string
  role: string
  /** The scope's label, empty for a national role. */
  portee: string
  lien: string
  jours: number
}): Email => ({
  sujet: 'Votre invitation sur Escale',
  texte: `Bonjour ${p.prenom},\n\n${p.par} vous invite sur Escale avec le rôle « ${p.role} »${p.portee ? ` (${p.portee})` : ''}.\n\nPour activer votre compte, choisissez votre mot de passe avec ce lien, valable ${p.jours} jours :\n${p.lien}\n\n${ESCALE}`,
})

export const emailCompteDemandeur = (p: {
  prenom: string
  objet: string
  lien: string
  jours: number
}): Email => ({
  sujet: 'Confirmez votre adresse e-mail sur Escale',
  texte: `Bonjour ${p.prenom},\n\nNous avons bien reçu ${p.objet}.\n\nPour confirmer votre adresse e-mail et suivre votre dossier, choisissez le mot de passe de votre compte avec ce lien, valable ${p.jours} jours :\n${p.lien}\n\nSi vous n’êtes pas à l’origine de cette demande, ignorez ce message.\n\n${ESCALE}`,
})

export const emailRoleOrganisationAjoute = (p: {
  prenom: string
  libelleRole: string
  organisation: string
}): Email => ({
  sujet: `Aidants Connect : vous êtes ${p.libelleRole} de ${p.organisation}`,
  texte: `Bonjour ${p.prenom},\n\nVotre compte Escale est désormais ${p.libelleRole} de la structure « ${p.organisation} » sur Aidants Connect. Vous pouvez passer d’une structure à l’autre depuis votre espace.\n\n${AIDANTS_CONNECT}`,
})

export const emailActivationReferent = (p: {
  prenom: string
  organisation: string
  lien: string
  jours: number
}): Email => ({
  sujet: 'Aidants Connect : activez votre compte de référent',
  texte: `Bonjour ${p.prenom},\n\nLa structure « ${p.organisation} » est habilitée à Aidants Connect et vous en êtes le ou la référente.\n\nPour activer votre compte, choisissez votre mot de passe avec ce lien, valable ${p.jours} jours, puis configurez votre application d’authentification :\n${p.lien}\n\n${AIDANTS_CONNECT}`,
})

export const emailAidantCree = (p: {
  prenom: string
  organisation: string
  lienConnexion: string
}): Email => ({
  sujet: 'Aidants Connect : votre compte d’aidant est créé',
  texte: `Bonjour ${p.prenom},\n\nVotre habilitation d’aidant pour « ${p.organisation} » est validée. Votre référent va associer à votre compte une carte à code ou une application d’authentification ; vous vous connecterez ensuite avec votre adresse e-mail et ce code sur :\n${p.lienConnexion}\n\nAucun mot de passe n’est nécessaire.\n\n${AIDANTS_CONNECT}`,
})

export const emailLienApresTotp = (p: { prenom: string; lien: string; minutes: number }): Email => ({
  sujet: 'Votre lien de connexion Aidants Connect',
  texte: `Bonjour ${p.prenom},\n\nPour terminer votre connexion, ouvrez ce lien dans les ${p.minutes} minutes :\n${p.lien}\n\nIl ne fonctionne qu’une fois. Si vous n’êtes pas en train de vous connecter, prévenez votre référent : quelqu’un connaît votre code.\n\n${AIDANTS_CONNECT}`,
})
