import { departementsAutourDe } from '../../../platform/geo/voisinage'
import type { StructureRow } from '../db/structures-repository'
import { type LieuProche, lieuxProches, RAYON_LIEUX_PROCHES_KM } from '../domain/couverture'
import type { DepsRecrutement } from './deps'

/**
 * Places and France Services already open around a structure, read from the `lieux` domain through
 * its port, so that the prefecture and the committee judge an application against what exists.
 * Every département the radius reaches is read: a structure on a border sees its neighbours' places
 * too (its own département comes first, even without a located point of its outline nearby).
 */
export async function lieuxAutourDe(
  deps: Pick<DepsRecrutement, 'lieux'>,
  s: Pick<StructureRow, 'latitude' | 'longitude' | 'codeDepartement'>,
): Promise<LieuProche[] | undefined> {
  if (s.latitude === null || s.longitude === null) return undefined
  const point = { latitude: s.latitude, longitude: s.longitude }
  const departements = new Set([s.codeDepartement, ...departementsAutourDe(point, RAYON_LIEUX_PROCHES_KM)])
  const lieux = await Promise.all([...departements].map((d) => deps.lieux.lieuxDuDepartement(d)))
  return lieuxProches(point, lieux.flat())
}
