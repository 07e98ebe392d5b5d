/** A CV is a PDF of at most 2 MB: checked on the bytes, since a browser's declared type can lie. */
export const TAILLE_MAX_CV = 2 * 1024 * 1024

export function problemeCv(f: { nom: string; octets: Uint8Array; tronque: boolean }): string | undefined {
  if (f.tronque || f.octets.length > TAILLE_MAX_CV)
    return 'Le CV dépasse 2 Mo : envoyez un fichier plus léger.'
  if (f.octets.length === 0) return 'Le fichier du CV est vide.'
  const entete = Buffer.from(f.octets.subarray(0, 5)).toString('latin1')
  if (entete !== '%PDF-' || !/\.pdf$/i.test(f.nom)) return 'Le CV doit être un fichier PDF.'
  return undefined
}

/**
 * CVs are kept six months after they are sent (the former candidate portal deleted them on that
 * schedule): long enough for a recruitment round, short enough not to keep a life story on file.
 * The candidate may send a new one at any time, which starts a new period.
 */
export const CONSERVATION_CV_MOIS = 6
