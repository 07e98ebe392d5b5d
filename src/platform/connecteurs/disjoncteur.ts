import type { Horloge } from '../crypto'

/**
 * Circuit breaker of one connector (ADR 050). Closed: calls pass. After `seuil` consecutive failed calls
 * it opens: every call answers `indisponible` at once, so a dead service costs pages nothing. After
 * `reouvertureMs` it is half-open: one trial call passes (the others still answer at once); its success
 * closes the breaker, its failure opens it for another period.
 */

export type EtatDisjoncteur = 'ferme' | 'ouvert' | 'demi-ouvert'

export interface Disjoncteur {
  /** May a call go out now? `essai`: it is the half-open trial. */
  autoriser(): { autorise: false } | { autorise: true; essai: boolean }
  succes(): void
  echec(): void
  etat(): EtatDisjoncteur
}

export function creerDisjoncteur(o: { seuil: number; reouvertureMs: number; horloge: Horloge }): Disjoncteur {
  let echecsConsecutifs = 0
  let ouvertDepuis: number | undefined
  let essaiEnCours = false

  const maintenant = () => o.horloge().getTime()
  const etat = (): EtatDisjoncteur => {
    if (ouvertDepuis === undefined) return 'ferme'
    return maintenant() - ouvertDepuis >= o.reouvertureMs ? 'demi-ouvert' : 'ouvert'
  }

  return {
    autoriser() {
      const e = etat()
      if (e === 'ferme') return { autorise: true, essai: false }
      if (e === 'ouvert' || essaiEnCours) return { autorise: false }
      essaiEnCours = true
      return { autorise: true, essai: true }
    },
    succes() {
      echecsConsecutifs = 0
      ouvertDepuis = undefined
      essaiEnCours = false
    },
    echec() {
      echecsConsecutifs++
      // A failed trial reopens at once; a closed breaker opens at the threshold.
      if (essaiEnCours || echecsConsecutifs >= o.seuil) ouvertDepuis = maintenant()
      essaiEnCours = false
    },
    etat,
  }
}
