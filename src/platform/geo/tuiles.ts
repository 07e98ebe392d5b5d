/**
 * The street background of the maps (ADR 061): raster tiles from a configurable source, by default
 * IGN's « Plan IGN » from the State's Géoplateforme (WMTS, Web Mercator grid, no key needed). The
 * département outlines of `data/fond-de-carte.json` stay the fallback when tiles cannot load.
 */

export interface TuilesCarte {
  /** A tile URL with {z}, {x} and {y}, as Leaflet reads it. */
  url: string
  attribution: string
}

export const TUILES_PLAN_IGN: TuilesCarte = Object.freeze({
  url:
    'https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0' +
    '&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&FORMAT=image/png' +
    '&TILEMATRIXSET=PM&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}',
  attribution: 'Plan IGN © IGN – Géoplateforme',
})

/**
 * `CARTE_TUILES`: unset → Plan IGN; `aucune` → the outlines only (nothing leaves for a third party);
 * otherwise an http(s) URL with {z}, {x} and {y}. Returns a message for a value it refuses.
 */
export function lireTuiles(
  valeur: string | undefined,
  attribution: string | undefined,
): TuilesCarte | undefined | string {
  if (valeur === undefined) return attribution ? { ...TUILES_PLAN_IGN, attribution } : TUILES_PLAN_IGN
  if (valeur === 'aucune') return undefined
  if (!/^https?:\/\//.test(valeur) || !['{z}', '{x}', '{y}'].every((m) => valeur.includes(m)))
    return 'attendu « aucune » ou une adresse http(s) avec {z}, {x} et {y}'
  return { url: valeur, attribution: attribution ?? '' }
}

/** The origin a CSP `img-src` must allow for the tiles (scheme, host and port only). */
export const origineDesTuiles = (t: TuilesCarte | undefined): string | undefined =>
  t ? new URL(t.url.replace(/[{}]/g, '')).origin : undefined
