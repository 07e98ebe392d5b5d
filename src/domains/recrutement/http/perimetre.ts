import { porteesDe, type Utilisateur } from '../../../platform/auth/utilisateur'
import { departementsDeRegion } from '../../../platform/geo/territoires'

/**
 * Départements a user may look at on the prefecture and steering pages: undefined = all (national
 * team); a prefecture its own; a regional coordinator those of its région.
 */
export function departementsVisibles(u: Utilisateur): string[] | undefined {
  if (u.habilitations.some((h) => h.role === 'admin')) return undefined
  const deps = new Set<string>()
  for (const p of porteesDe(u, 'prefecture')) deps.add(p.code)
  for (const p of porteesDe(u, 'coordinateur')) for (const d of departementsDeRegion(p.code)) deps.add(d.code)
  return [...deps].sort()
}
