/**
 * The national address base (Base adresse nationale, api-adresse.data.gouv.fr) as the app needs it:
 * place an address on the map, one at a time (a form) or by the thousand (an import). A neutral
 * platform port (ADR 062): places and structures of every domain are geocoded the same way.
 */

/** How precisely an address was placed: the base's `type` housenumber, street, locality, municipality. */
export type PrecisionAdresse = 'numero' | 'voie' | 'lieu-dit' | 'commune'

export interface AdresseAGeocoder {
  /** Finds the answer of this address in a batch. */
  cle: string
  adresse: string
  codePostal: string
  commune: string
  codeInsee: string | null
}

export interface PositionGeocodee {
  latitude: number
  longitude: number
  precision: PrecisionAdresse
  /** The base's score, 0 to 1. */
  score: number
  /** The commune the base placed it in (INSEE code). */
  codeInsee: string | null
  libelle: string
}

/** `introuvable`: the base answered but found nothing good enough; `indisponible`: it did not answer. */
export type IssueGeocodage =
  | { ok: true; position: PositionGeocodee }
  | { ok: false; raison: 'introuvable' | 'indisponible' }

export type IssueLot =
  | { ok: true; positions: Map<string, PositionGeocodee> }
  | { ok: false; raison: 'indisponible' }

export interface GeocoderAdresses {
  geocoder(a: AdresseAGeocoder): Promise<IssueGeocodage>
  /** Many addresses through the base's CSV endpoint; the answer holds the keys it could place. */
  geocoderLot(adresses: readonly AdresseAGeocoder[]): Promise<IssueLot>
}

/** Production without configuration: nothing is geocoded, places keep their commune centre. */
export const adressesDesactivees: GeocoderAdresses = {
  geocoder: async () => ({ ok: false, raison: 'indisponible' }),
  geocoderLot: async () => ({ ok: false, raison: 'indisponible' }),
}

/** The base's `type` → our precision. */
export const PRECISION_DU_TYPE: Record<string, PrecisionAdresse> = {
  housenumber: 'numero',
  street: 'voie',
  locality: 'lieu-dit',
  municipality: 'commune',
}
