/** Expected outcomes of the places domain and their French wording (one place for all of them). */
export type ErreurLieux =
  | { code: 'LIEU_INTROUVABLE' }
  | { code: 'MODIFICATION_INTERDITE' }
  | { code: 'COMMUNE_INTROUVABLE'; texte: string }
  | { code: 'POSITION_MANQUANTE' }

export function messageErreurLieux(e: ErreurLieux): string {
  switch (e.code) {
    case 'LIEU_INTROUVABLE':
      return 'Ce lieu n’existe pas ou a été retiré.'
    case 'MODIFICATION_INTERDITE':
      return 'Vous ne pouvez modifier que les lieux de votre structure.'
    case 'COMMUNE_INTROUVABLE':
      return `Nous ne trouvons pas la commune « ${e.texte} ». Vérifiez l’orthographe ou saisissez le code postal (5 chiffres).`
    case 'POSITION_MANQUANTE':
      return 'Indiquez une commune, un code postal ou une position.'
  }
}
