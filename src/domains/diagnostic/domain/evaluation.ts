import { validerChoix } from './contenu'
import type { ErreurDiagnostic } from './erreurs'
import { type Correction, corriger } from './marquage'
import type { Etape, ResultatItem } from './moteur'

/**
 * What one attempt at a step is worth: the step is answered (`retenue`), the person may correct it
 * (`a_corriger`), or the attempt is refused (no choice made). Pure, so that the server
 * (`use-cases/repondre.ts`) and the browser without network (`client.ts`) judge with the same code.
 */

export interface Tentative {
  passer: boolean
  choix: readonly string[]
  /** What was typed: used for marking here, never stored nor sent elsewhere. */
  valeurs: Record<string, string | undefined>
  /** Assisted mode: the conseiller saw the person do it (or not). */
  observe?: 'reussi' | 'echoue' | undefined
}

/** What is known of the step before this attempt. */
export interface EtatEtape {
  /** Attempts already made at this step. */
  essais: number
  /** The linked page of the "lien" item was really opened. */
  lienVisite: boolean
}

export type Evaluation =
  | { statut: 'retenue'; resultat: ResultatItem; valeur: string | null; essais: number }
  | { statut: 'a_corriger'; correction: Correction; essais: number; essaisRestants: number }
  | { statut: 'refusee'; erreur: Extract<ErreurDiagnostic, { code: 'CHOIX_MANQUANT' | 'CHOIX_INVALIDE' }> }

export function evaluer(
  etape: Exclude<Etape, { type: 'fin' }>,
  tentative: Tentative,
  etat: EtatEtape,
): Evaluation {
  const essais = etat.essais + 1
  const retenue = (resultat: ResultatItem, valeur: string | null = null): Evaluation => ({
    statut: 'retenue',
    resultat,
    valeur,
    essais,
  })
  if (etape.type === 'question') {
    if (tentative.passer) return retenue('passe')
    if (tentative.choix.length === 0) return { statut: 'refusee', erreur: { code: 'CHOIX_MANQUANT' } }
    const valeur = validerChoix(etape.question, tentative.choix)
    if (valeur === undefined) return { statut: 'refusee', erreur: { code: 'CHOIX_INVALIDE' } }
    return retenue('reussi', valeur)
  }
  if (tentative.observe) return retenue(tentative.observe)
  if (tentative.passer) return retenue('passe')
  let correction = corriger(etape.item.id, { ...tentative.valeurs, choix: tentative.choix[0] })
  // The answer can be guessed; the skill is to open the page and come back.
  if (etape.item.id === 'lien' && correction.reussi && !etat.lienVisite)
    correction = {
      reussi: false,
      champs: {
        choix: { ok: false, message: 'Ouvrez d’abord le lien « Horaires d’ouverture » pour vérifier.' },
      },
    }
  if (correction.reussi) return retenue('reussi')
  if (essais < etape.item.essaisMax)
    return { statut: 'a_corriger', correction, essais, essaisRestants: etape.item.essaisMax - essais }
  return retenue('echoue')
}
