import { pourMoteur, reponsesDe } from '../db/diagnostic-repository'
import type { Orientation } from '../domain/orientation'
import { resultat } from '../domain/resultat'
import type { DepsDiagnostic, LieuProche } from './deps'

export const makeLireResultat =
  ({ db }: DepsDiagnostic) =>
  async (passationId: string) => {
    const reponses = await reponsesDe(db, passationId)
    return { reponses, resultat: resultat(pourMoteur(reponses)) }
  }

export interface LieuxParService {
  service: string
  lieux: LieuProche[]
}

/** Nearest places for the orientations that point to a place, one search per distinct service (at most 3). */
export const makeLieuxPourOrientations =
  ({ trouverLieux }: DepsDiagnostic) =>
  async (commune: string, orientations: readonly Orientation[]): Promise<LieuxParService[]> => {
    const services = [
      ...new Set(orientations.map((o) => o.service).filter((s): s is NonNullable<typeof s> => !!s)),
    ].slice(0, 3)
    return Promise.all(
      services.map(async (service) => ({ service, lieux: await trouverLieux(commune, service, 3) })),
    )
  }
