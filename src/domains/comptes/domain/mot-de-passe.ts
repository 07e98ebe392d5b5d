/** ANSSI-style rule for a password that only protects a professional account with a second factor elsewhere. */
export const LONGUEUR_MIN_MOT_DE_PASSE = 12

export function problemeMotDePasse(motDePasse: string, email: string): string | undefined {
  if (motDePasse.length < LONGUEUR_MIN_MOT_DE_PASSE)
    return `Le mot de passe doit contenir au moins ${LONGUEUR_MIN_MOT_DE_PASSE} caractères.`
  if (motDePasse.length > 200) return 'Le mot de passe doit contenir au plus 200 caractères.'
  const local = email.split('@')[0]?.toLowerCase() ?? ''
  if (local.length >= 4 && motDePasse.toLowerCase().includes(local))
    return 'Le mot de passe ne doit pas contenir votre adresse e-mail.'
  if (new Set(motDePasse).size < 5) return 'Le mot de passe est trop répétitif.'
  return undefined
}
