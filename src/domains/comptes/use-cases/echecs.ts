import type { Database } from '../../../platform/db/database'
import { bloquerCompte, compterEchec } from '../db/comptes-repository'
import { dureeBlocageMinutes } from '../domain/verrouillage'

/**
 * Records one wrong password or code: the count is incremented in the database (parallel attempts all
 * count), then the progressive lockout it calls for is applied. Returns the lock in minutes (0: none).
 */
export async function enregistrerEchec(db: Database, compteId: string, maintenant: Date): Promise<number> {
  const echecs = await compterEchec(db, compteId)
  const minutes = dureeBlocageMinutes(echecs)
  if (minutes > 0) await bloquerCompte(db, compteId, new Date(maintenant.getTime() + minutes * 60_000))
  return minutes
}
