import { CONSERVATION_CV_MOIS } from './domain/cv'
import { euros } from './domain/financement'

/**
 * Every e-mail the recruitment domain sends, in one place: their wording is read and corrected
 * together (the same greeting, the same signature). Each function returns the subject and the plain
 * text; the use case queues it in its transaction.
 */

export interface Email {
  sujet: string
  texte: string
}

const ESCALE = 'L’équipe Escale'

/** Where a candidate follows and edits their application. */
const espaceCandidat = (baseUrl: string) => `${baseUrl}/candidat`
/** Where a prefecture gives its opinion on a structure's file. */
const dossierPrefecture = (baseUrl: string, structureId: string) =>
  `${baseUrl}/prefecture/structures/${structureId}`

// ── To the candidate ────────────────────────────────────────────────────────────────────────────

export const emailCandidatureEnregistree = (p: { prenom: string; baseUrl: string }): Email => ({
  sujet: 'Votre candidature de conseiller numérique est enregistrée',
  texte: `Bonjour ${p.prenom},\n\nVotre candidature est enregistrée et visible par les structures d’accueil de votre secteur. Vous pouvez la suivre et la modifier dans votre espace : ${espaceCandidat(p.baseUrl)}\n\n${ESCALE}`,
})

export const emailCandidatureVisible = (p: { prenom: string }): Email => ({
  sujet: 'Votre candidature est visible par les structures',
  texte: `Bonjour ${p.prenom},\n\nVotre adresse e-mail est confirmée : votre candidature est maintenant visible par les structures d’accueil de votre secteur.\n\n${ESCALE}`,
})

export const emailCandidatureRetiree = (): Email => ({
  sujet: 'Votre candidature est retirée',
  texte: `Bonjour,\n\nVotre candidature de conseiller numérique est retirée : les structures ne la voient plus. Vous pouvez la réactiver à tout moment depuis votre espace.\n\n${ESCALE}`,
})

export const emailCvSupprime = (p: { prenom: string; baseUrl: string }): Email => ({
  sujet: 'Votre CV a été supprimé',
  texte: `Bonjour ${p.prenom},\n\nNous ne gardons les CV que ${CONSERVATION_CV_MOIS} mois : celui que vous aviez déposé vient d’être supprimé. Votre candidature, elle, reste en place.\n\nSi vous cherchez toujours un poste, vous pouvez déposer un CV à jour dans votre espace : ${espaceCandidat(p.baseUrl)}\n\n${ESCALE}`,
})

export const emailPreselection = (p: { prenom: string; structure: string }): Email => ({
  sujet: 'Une structure s’intéresse à votre candidature',
  texte: `Bonjour ${p.prenom},\n\n« ${p.structure} » a présélectionné votre candidature de conseiller numérique et pourra vous proposer un entretien.\n\n${ESCALE}`,
})

export const emailNonRetenu = (p: { prenom: string; structure: string; baseUrl: string }): Email => ({
  sujet: 'Réponse d’une structure à votre candidature',
  texte: `Bonjour ${p.prenom},\n\n« ${p.structure} » n’a pas retenu votre candidature. Elle reste visible des autres structures d’accueil de votre secteur ; vous pouvez la compléter dans votre espace : ${espaceCandidat(p.baseUrl)}\n\n${ESCALE}`,
})

export const emailRecrute = (p: {
  prenom: string
  structure: string
  debut: string
  fin: string
}): Email => ({
  sujet: 'Vous êtes recruté comme conseiller numérique',
  texte: `Bonjour ${p.prenom},\n\n« ${p.structure} » vous recrute comme conseiller numérique France Services, du ${p.debut} au ${p.fin}. Votre compte Escale donne maintenant accès à l’espace conseiller, et vous êtes inscrit au parcours de formation.\n\n${ESCALE}`,
})

export const emailFinDeContrat = (p: {
  prenom: string
  structure: string
  /** The reason, as the form labels it (« Fin de contrat »…). */
  motif: string
  le: string
}): Email => ({
  sujet: 'Fin de votre contrat de conseiller numérique',
  texte: `Bonjour ${p.prenom},\n\n« ${p.structure} » a déclaré la fin de votre contrat (${p.motif.toLowerCase()}, le ${p.le}). Votre candidature est de nouveau visible par les structures.\n\n${ESCALE}`,
})

// ── To the prefecture and the host structure ────────────────────────────────────────────────────

export const emailNouvelleStructure = (p: {
  structure: { id: string; nom: string; postesSouhaites: number; codeDepartement: string }
  baseUrl: string
  /** The wave's deadline for opinions (ISO date), when there is one. */
  dateLimite: string | undefined
}): Email => ({
  sujet: `Nouvelle candidature Conseiller numérique dans votre département : ${p.structure.nom}`,
  texte:
    `Bonjour,\n\n« ${p.structure.nom} » vient de répondre à l’appel à manifestation d’intérêt Conseiller numérique (${p.structure.postesSouhaites} poste(s) souhaité(s), département ${p.structure.codeDepartement}).\n\n` +
    `Donnez votre avis sur ce dossier${p.dateLimite ? ` avant le ${p.dateLimite.split('-').reverse().join('/')}` : ''} : ${dossierPrefecture(p.baseUrl, p.structure.id)}\n\n${ESCALE}`,
})

export const emailStructureACompleter = (p: { structure: string; commentaire: string }): Email => ({
  sujet: 'Votre candidature Conseiller numérique est à compléter',
  texte: `Bonjour,\n\nLa préfecture demande des compléments sur la candidature de « ${p.structure} » :\n\n${p.commentaire}\n\n${ESCALE}`,
})

export const emailStructureAbandonnee = (p: { structure: string }): Email => ({
  sujet: `Candidature Conseiller numérique abandonnée : ${p.structure}`,
  texte: `Bonjour,\n\n« ${p.structure} » a retiré sa candidature à l’appel à manifestation d’intérêt Conseiller numérique. Le dossier est clos.\n\n${ESCALE}`,
})

export const emailStructureCompletee = (p: {
  structure: string
  structureId: string
  baseUrl: string
}): Email => ({
  sujet: `Candidature Conseiller numérique complétée : ${p.structure}`,
  texte: `Bonjour,\n\n« ${p.structure} » a complété sa candidature comme vous l’aviez demandé. Vous pouvez donner votre avis : ${dossierPrefecture(p.baseUrl, p.structureId)}\n\n${ESCALE}`,
})

export const emailDecisionComite = (p: {
  numero: string
  date: string
  avis: 'validee' | 'refusee' | 'examen_complementaire'
  structure: string
  postes: number
  montant: number
  tauxParPoste: number
}): Email => {
  const libelle =
    p.avis === 'validee'
      ? `validée pour ${p.postes} poste(s) de conseiller numérique, soit ${euros(p.montant)} (${euros(p.tauxParPoste)} par poste)`
      : p.avis === 'refusee'
        ? 'refusée'
        : 'mise en examen complémentaire'
  return {
    sujet: `Décision du comité national n° ${p.numero}`,
    texte: `Bonjour,\n\nPar la décision n° ${p.numero} du ${p.date}, le comité national a ${p.avis === 'validee' ? 'validé' : 'examiné'} la candidature de « ${p.structure} » : ${libelle}.\n\n${ESCALE}`,
  }
}
