import type { EtatDisjoncteur } from './disjoncteur'

/**
 * How `/sante` lists the outside services. Each connector declares its mode — the real service, our
 * simulator, or not at all — and, when it goes through the HTTP client, the state of its breaker.
 * `connecteurs.<nom>` stays the mode string (other tools read that shape); breakers sit apart.
 */

export type ModeConnecteur = 'reel' | 'simule' | 'desactive'

export interface Connecteur {
  nom: string
  mode: ModeConnecteur
  etat?: () => EtatDisjoncteur
}

/** `actif`: the feature is on; `reel`: it reaches a configured outside service, not our simulator. */
export const modeConnecteur = (actif: boolean, reel: boolean): ModeConnecteur =>
  !actif ? 'desactive' : reel ? 'reel' : 'simule'

export function etatDesConnecteurs(liste: readonly Connecteur[]): {
  connecteurs: Record<string, ModeConnecteur>
  disjoncteurs: Record<string, EtatDisjoncteur>
} {
  const connecteurs: Record<string, ModeConnecteur> = {}
  const disjoncteurs: Record<string, EtatDisjoncteur> = {}
  for (const c of liste) {
    connecteurs[c.nom] = c.mode
    if (c.etat && c.mode !== 'desactive') disjoncteurs[c.nom] = c.etat()
  }
  return { connecteurs, disjoncteurs }
}
