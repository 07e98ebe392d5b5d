import type { GeocoderAdresses } from '../../../platform/connecteurs/adresses/port'
import type { ResumeAccessibilite } from './accessibilite'

/**
 * What the places domain needs from outside services (docs/ARCHITECTURE.md, « Services extérieurs »):
 * the national address base and Acceslibre. The adapters in `connecteurs/` reach the real service or
 * our simulator; a port left out (production without configuration) means « désactivé »: the import
 * keeps the commune centre, the page says « non renseigné ».
 */

/** The address base's port is the platform's (ADR 062): places and structures are geocoded the same way. */
export type {
  AdresseAGeocoder,
  GeocoderAdresses as PortAdresses,
  IssueGeocodage,
  PositionGeocodee,
} from '../../../platform/connecteurs/adresses/port'

/** `resume` null: Acceslibre has no such record. */
export type IssueAcceslibre = { ok: true; resume: ResumeAccessibilite | null } | { ok: false }

export interface PortAcceslibre {
  lire(identifiant: string): Promise<IssueAcceslibre>
}

export interface ConnecteursLieux {
  adresses?: GeocoderAdresses | undefined
  acceslibre?: PortAcceslibre | undefined
}
