import type { DonneesLieu, PrecisionGeocodage } from '../domain/lieu'
import type { AdresseAGeocoder, PortAdresses, PositionGeocodee } from '../domain/ports'

/** Where a point came from when the address base placed it: the base's precision and score. */
export interface Geocodage {
  precisionGeocodage: PrecisionGeocodage | null
  scoreGeocodage: number | null
}

export const SANS_GEOCODAGE: Geocodage = { precisionGeocodage: null, scoreGeocodage: null }

const adresseDe = (cle: string, l: DonneesLieu): AdresseAGeocoder => ({
  cle,
  adresse: [l.adresse, l.complementAdresse].filter(Boolean).join(' '),
  codePostal: l.codePostal,
  commune: l.commune,
  codeInsee: l.codeInsee,
})

/** The place at the point the base found, with `origine` `adresse`, and what to store about it. */
export function placer(l: DonneesLieu, p: PositionGeocodee): { donnees: DonneesLieu; geocodage: Geocodage } {
  return {
    donnees: { ...l, latitude: p.latitude, longitude: p.longitude, origineCoordonnees: 'adresse' },
    geocodage: { precisionGeocodage: p.precision, scoreGeocodage: Math.round(p.score * 1000) / 1000 },
  }
}

/** One address (a manager's form): the base's point, or undefined (not found, or the base is down). */
export async function geocoderUnLieu(
  port: PortAdresses | undefined,
  l: DonneesLieu,
): Promise<PositionGeocodee | undefined> {
  if (!port) return undefined
  const r = await port.geocoder(adresseDe('1', l))
  return r.ok ? r.position : undefined
}

/**
 * The rows of an import the file gives no point for, placed in one batch by the address base: the
 * answer maps a row's index to its point. The base down, or no base: an empty map, and the rows keep
 * the commune centre the import already gave them (« position approximative »).
 */
export async function geocoderEnLot(
  port: PortAdresses | undefined,
  lignes: readonly { index: number; lieu: DonneesLieu }[],
): Promise<Map<number, PositionGeocodee>> {
  const positions = new Map<number, PositionGeocodee>()
  if (!port || lignes.length === 0) return positions
  const r = await port.geocoderLot(lignes.map((x) => adresseDe(String(x.index), x.lieu)))
  if (!r.ok) return positions
  for (const [cle, p] of r.positions) positions.set(Number(cle), p)
  return positions
}
