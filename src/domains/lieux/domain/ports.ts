import type { ResumeAccessibilite } from './accessibilite'
import type { PrecisionGeocodage } from './lieu'

/**
 * What the places domain needs from outside services (docs/ARCHITECTURE.md, « Services extérieurs »):
 * the national address base and Acceslibre. The adapters in `connecteurs/` reach the real service or
 * our simulator; a port left out (production without configuration) means « désactivé »: the import
 * keeps the commune centre, the page says « non renseigné ».
 */

/** An address to place on the map; `cle` finds its answer in a batch. */
export interface AdresseAGeocoder {
  cle: string
  adresse: string
  codePostal: string
  commune: string
  codeInsee: string | null
}

/** What the address base found: a point, how precise it is and its score (0 to 1). */
export interface PositionGeocodee {
  latitude: number
  longitude: number
  precision: PrecisionGeocodage
  score: number
  /** The commune the base placed it in (INSEE code). */
  codeInsee: string | null
  libelle: string
}

/** `introuvable`: the base answered but found nothing good enough; `indisponible`: it did not answer. */
export type IssueGeocodage =
  | { ok: true; position: PositionGeocodee }
  | { ok: false; raison: 'introuvable' | 'indisponible' }

export interface PortAdresses {
  geocoder(a: AdresseAGeocoder): Promise<IssueGeocodage>
  /** Many addresses in one exchange (the base's CSV endpoint); the answer has the keys it could place. */
  geocoderLot(
    adresses: readonly AdresseAGeocoder[],
  ): Promise<{ ok: true; positions: Map<string, PositionGeocodee> } | { ok: false; raison: 'indisponible' }>
}

/** `resume` null: Acceslibre has no such record. */
export type IssueAcceslibre = { ok: true; resume: ResumeAccessibilite | null } | { ok: false }

export interface PortAcceslibre {
  lire(identifiant: string): Promise<IssueAcceslibre>
}

export interface ConnecteursLieux {
  adresses?: PortAdresses | undefined
  acceslibre?: PortAcceslibre | undefined
}
