/**
 * The SMS of the call-back line. SMS travel in clear through operators: a reference, a time and a
 * link, never the need or the name.
 */
export const SIGNATURE = 'Solidarité numérique'

export const smsConfirmation = (p: {
  reference: string
  quand: string
  lienAnnulation: string
  miseAJour: boolean
}) =>
  `${SIGNATURE} : demande ${p.reference} ${p.miseAJour ? 'mise à jour' : 'reçue'}. Un médiateur vous appellera ${p.quand}. Suivre ou annuler : ${p.lienAnnulation}`

export const smsAnnulation = (reference: string) =>
  `${SIGNATURE} : votre demande ${reference} est annulée. Vous pouvez en refaire une quand vous voulez.`

export const smsInjoignable = (p: { reference: string; lien: string }) =>
  `${SIGNATURE} : nous avons essayé de vous appeler 3 fois pour la demande ${p.reference}, sans réponse. Refaites une demande ici : ${p.lien}`
