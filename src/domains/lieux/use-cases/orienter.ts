import { err, ok, type Result } from '../../../platform/result'
import type { ErreurLieux } from '../domain/erreurs'
import { type Lieu, positionApproximative } from '../domain/lieu'
import type { DispositifProgrammeNational, Service } from '../domain/vocabulaires'
import type { DepsLieux } from './deps'

export interface DemandeOrientation {
  /** INSEE code of the person's commune (its centre is used), or a postal code (its most populated commune)… */
  codeCommune?: string
  /** …or a position. */
  position?: { latitude: number; longitude: number }
  service?: Service
  /** E.g. `France Services` for administrative procedures. */
  dispositif?: DispositifProgrammeNational
  /** How many places (1–50, default 3). */
  nombre?: number
}

export interface LieuOriente {
  id: string
  nom: string
  adresse: string
  codePostal: string
  commune: string
  telephone: string | null
  distanceKm: number
  /** Placed at its commune's centre: say « position approximative », not the distance to the metre. */
  positionApproximative: boolean
  franceServices: boolean
  url: string
}

/**
 * Orientation for the other modules (diagnostic, activity reports, hotline): the N nearest places
 * offering a service to someone in a commune. Answers from the in-memory index.
 */
export const makeLieuxLesPlusProches =
  (deps: Pick<DepsLieux, 'catalogue' | 'communes' | 'horloge'>) =>
  async (d: DemandeOrientation): Promise<Result<LieuOriente[], ErreurLieux>> => {
    let position = d.position
    if (!position && d.codeCommune) {
      const c =
        deps.communes.parCode(d.codeCommune) ??
        [...deps.communes.parCodePostal(d.codeCommune)].sort((a, b) => b.population - a.population)[0]
      if (!c) return err({ code: 'COMMUNE_INTROUVABLE', texte: d.codeCommune })
      position = { latitude: c.latitude, longitude: c.longitude }
    }
    if (!position) return err({ code: 'POSITION_MANQUANTE' })
    const index = await deps.catalogue.index()
    const r = index.rechercher({
      position,
      services: d.service ? [d.service] : [],
      dispositifs: d.dispositif ? [d.dispositif] : [],
      instant: deps.horloge(),
      page: 1,
      parPage: Math.min(50, Math.max(1, d.nombre ?? 3)),
    })
    return ok(r.resultats.map(({ lieu, distanceKm }) => versLieuOriente(lieu, distanceKm ?? 0)))
  }

function versLieuOriente(l: Lieu, distanceKm: number): LieuOriente {
  return {
    id: l.id,
    nom: l.nom,
    adresse: l.adresse,
    codePostal: l.codePostal,
    commune: l.commune,
    telephone: l.telephone,
    distanceKm: Math.round(distanceKm * 10) / 10,
    positionApproximative: positionApproximative(l),
    franceServices: l.dispositifProgrammesNationaux.includes('France Services'),
    url: `/lieux/${l.id}`,
  }
}

/** A place as a point on another module's map (e.g. the prefecture's coverage map). */
export interface PointLieu {
  id: string
  nom: string
  latitude: number
  longitude: number
  franceServices: boolean
}

/** The located places of a département (by the commune of their address), France Services included. */
export const makeLieuxDuDepartement =
  (deps: Pick<DepsLieux, 'catalogue' | 'communes'>) =>
  async (codeDepartement: string): Promise<PointLieu[]> => {
    const index = await deps.catalogue.index()
    const points: PointLieu[] = []
    for (const l of index.tous()) {
      if (l.latitude === null || l.longitude === null || index.estDoublon(l.id)) continue
      const commune = deps.communes.localiser(l)
      if (commune?.departement !== codeDepartement) continue
      points.push({
        id: l.id,
        nom: l.nom,
        latitude: l.latitude,
        longitude: l.longitude,
        franceServices: l.dispositifProgrammesNationaux.includes('France Services'),
      })
    }
    return points
  }

/** The places an Escale structure manages (where its conseillers record their activities). */
export const makeLieuxDeLaStructure =
  (deps: Pick<DepsLieux, 'catalogue'>) =>
  async (structureId: string): Promise<{ id: string; nom: string; codeCommune: string | null }[]> => {
    const index = await deps.catalogue.index()
    return index.deLaStructure(structureId).map((l) => ({ id: l.id, nom: l.nom, codeCommune: l.codeInsee }))
  }
