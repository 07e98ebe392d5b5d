/**
 * Every message the diagnostic sends, in one place: their wording is read and corrected together,
 * and the duration they announce is the one the link really lasts (retention rule R1).
 * Each function returns the text; the use case queues it in its transaction.
 */

export interface Email {
  sujet: string
  texte: string
}

/** The link to read a result again, by e-mail. No name: the person has no account. */
export const emailLienResultat = (p: { lien: string; jours: number }): Email => ({
  sujet: 'Votre résultat : faire le point sur mes usages numériques',
  texte: `Bonjour,\n\nVoici le lien pour revoir votre résultat et les lieux d’aide près de chez vous :\n${p.lien}\n\nCe lien marche pendant ${p.jours} jours. Ensuite, vos réponses sont effacées.\n\nEscale`,
})

/** The same link by SMS: one short message, the link early so that a phone cuts nothing useful. */
export const smsLienResultat = (p: { lien: string; jours: number }): string =>
  `Escale : votre résultat et les lieux d’aide près de chez vous : ${p.lien} (valable ${p.jours} jours)`
