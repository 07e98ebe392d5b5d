import { lireCommunes } from '../../../platform/geo/champ-commune'
import { lireSaisie, type ResultatSaisie } from '../domain/saisie'

/**
 * The activity form's communes, typed by name or postal code (platform/geo/champ-commune.ts): read
 * into INSEE codes before `lireSaisie`, for the form and the offline queue alike. A queued report of
 * an older page, with a code and no text, keeps its code.
 */
const COMMUNES = {
  commune_lieu: { prefixe: 'Commune du domicile' },
  commune_beneficiaire: { prefixe: 'Commune de résidence' },
} as const

export function lireSaisieEtCommunes(corps: unknown, aujourdhui: string, id: () => string): ResultatSaisie {
  const communes = lireCommunes(corps, COMMUNES)
  const lu = lireSaisie(communes.corps, aujourdhui, id)
  if (Object.keys(communes.erreurs).length === 0) return lu
  return { ok: false, erreurs: { ...(lu.ok ? {} : lu.erreurs), ...communes.erreurs } }
}
