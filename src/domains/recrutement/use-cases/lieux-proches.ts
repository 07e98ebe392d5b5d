import type { StructureRow } from '../db/structures-repository'
import { type LieuProche, lieuxProches } from '../domain/couverture'
import type { DepsRecrutement } from './deps'

/**
 * Places and France Services already open around a structure, read from the `lieux` domain through
 * its port, so that the prefecture and the committee judge an application against what exists.
 * Only the structure's own département is read: a structure on a border misses its neighbours'.
 */
export async function lieuxAutourDe(
  deps: Pick<DepsRecrutement, 'lieux'>,
  s: Pick<StructureRow, 'latitude' | 'longitude' | 'codeDepartement'>,
): Promise<LieuProche[] | undefined> {
  if (s.latitude === null || s.longitude === null) return undefined
  return lieuxProches(
    { latitude: s.latitude, longitude: s.longitude },
    await deps.lieux.lieuxDuDepartement(s.codeDepartement),
  )
}
