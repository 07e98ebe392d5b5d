import type { Horloge } from '../../../platform/crypto'
import type { Database } from '../../../platform/db/database'

/** One of the conseiller's places of activity (owned by the `lieux` domain). */
export interface LieuActivite {
  id: string
  nom: string
  codeCommune: string | null
}

export interface FranceServicesProche {
  id: string
  nom: string
  commune: string
  distanceKm: number | null
}

/** Port to the `lieux` domain (wired in app.ts; fakes in tests). */
export interface PortLieux {
  lieuxDeLaStructure(structureId: string): Promise<LieuActivite[]>
  franceServicesLaPlusProche(codeCommune: string): Promise<FranceServicesProche | undefined>
}

export interface TerritoireDeStructure {
  nom: string
  codeCommune: string | null
  codeDepartement: string
  codeRegion: string
}

/** Port to the `recrutement` domain: where a host structure is. */
export interface PortStructures {
  territoireDeStructure(structureId: string): Promise<TerritoireDeStructure | undefined>
}

/** Port to the `diagnostic` domain: results kept in a follow-up file with the person's consent. */
export interface PortDiagnostic {
  resultatsDuBeneficiaire(beneficiaireId: string): Promise<{ date: string; resume: string }[]>
}

export interface DepsActivites {
  db: Database
  horloge: Horloge
  lieux: PortLieux
  structures: PortStructures
  diagnostic: PortDiagnostic
}

/** YYYY-MM-DD of a date in France métropolitaine's calendar (activities are dated by local day). */
export function jourDe(d: Date): string {
  return JOUR_A_PARIS.format(d)
}
// Built once: creating a DateTimeFormat costs more than a whole activity write's own work.
const JOUR_A_PARIS = new Intl.DateTimeFormat('fr-CA', { timeZone: 'Europe/Paris' })

/**
 * Where a structure is changes rarely and is read on every write: remembered one minute per
 * process (a moved structure's new activities are counted in the new place a minute later at most).
 */
export function memoriserStructures(
  port: PortStructures,
  dureeMs = 60_000,
  horloge: Horloge = () => new Date(),
): PortStructures {
  const cache = new Map<string, { t: number; v: TerritoireDeStructure | undefined }>()
  return {
    async territoireDeStructure(id) {
      const maintenant = horloge().getTime()
      const c = cache.get(id)
      if (c && maintenant - c.t < dureeMs) return c.v
      const v = await port.territoireDeStructure(id)
      if (cache.size > 10_000) cache.clear()
      cache.set(id, { t: maintenant, v })
      return v
    },
  }
}
