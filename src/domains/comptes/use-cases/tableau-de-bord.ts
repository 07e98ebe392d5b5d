import type { FastifyBaseLogger } from 'fastify'
import type { Utilisateur } from '../../../platform/auth/utilisateur'
import type { Horloge } from '../../../platform/crypto'
import type { BlocTableauDeBord, SourceTableauDeBord } from '../../../platform/layout/tableau-de-bord'

/**
 * The home of a signed-in person: every domain's blocks for them, read at once, in the order of their
 * roles (the first role they were given first), then each domain's own order. A domain whose read
 * fails costs its block, not the page: the others still show, and the failure is logged.
 */
export function makeTableauDeBord(sources: readonly SourceTableauDeBord[], horloge: Horloge) {
  return async (u: Utilisateur, journal: FastifyBaseLogger) => {
    const maintenant = horloge()
    const lus = await Promise.allSettled(sources.map((s) => s(u, maintenant)))
    const blocs: BlocTableauDeBord[] = []
    let echecs = 0
    for (const r of lus) {
      if (r.status === 'fulfilled') blocs.push(...r.value)
      else {
        echecs++
        journal.error({ err: r.reason }, 'bloc du tableau de bord illisible')
      }
    }
    return { blocs: ordonner(blocs, u), echecs, maintenant }
  }
}

export function ordonner(blocs: readonly BlocTableauDeBord[], u: Utilisateur): BlocTableauDeBord[] {
  const roles = u.habilitations.map((h) => h.role)
  const rang = (b: BlocTableauDeBord) => {
    const i = roles.indexOf(b.role)
    return i < 0 ? roles.length : i
  }
  return [...blocs].sort((a, b) => rang(a) - rang(b) || a.ordre - b.ordre)
}
