/**
 * A place's accessibility as Acceslibre (acceslibre.beta.gouv.fr) describes it. The standard's field
 * `fiche_acces_libre` holds the address of the place's record; its last segment (`…/erp/<slug>/`) is
 * the identifier the Acceslibre API answers to.
 */

/** The few answers a person needs before going, out of Acceslibre's many fields (null: not answered). */
export interface ResumeAccessibilite {
  /** The record's page on Acceslibre. */
  url: string
  entreePlainPied: boolean | null
  stationnementAdapte: boolean | null
  transportAProximite: boolean | null
  personnelSensibilise: boolean | null
  equipementMalentendants: boolean | null
  sanitairesAdaptes: boolean | null
  /** When the record was last changed on Acceslibre (YYYY-MM-DD), if it says. */
  misAJourLe: string | null
}

/** What the place's page shows: the summary, only the link (Acceslibre did not answer), or nothing. */
export type EtatAccessibilite =
  | { etat: 'resume'; resume: ResumeAccessibilite }
  | { etat: 'lien'; url: string }
  | { etat: 'non-renseigne' }

const RE_IDENTIFIANT = /^[a-z0-9][a-z0-9-]{0,199}$/i

/**
 * The Acceslibre identifier in a record's address: `https://acceslibre.beta.gouv.fr/app/05-gap/a/
 * mediatheque/erp/mediatheque-de-gap/` → `mediatheque-de-gap` (a UUID in that place too). Anything
 * else (another site, a search page) has none: the page then shows the link as it is.
 */
export function identifiantAcceslibre(fiche: string | null | undefined): string | undefined {
  if (!fiche) return undefined
  let url: URL
  try {
    url = new URL(fiche)
  } catch {
    return undefined
  }
  if (!/(^|\.)acceslibre\.(beta\.)?gouv\.fr$/.test(url.hostname)) return undefined
  const segments = url.pathname.split('/').filter(Boolean)
  const i = segments.lastIndexOf('erp')
  const id = i >= 0 ? segments[i + 1] : undefined
  return id && RE_IDENTIFIANT.test(id) ? id.toLowerCase() : undefined
}

/** The summary in sentences, what is known first; unanswered questions are left out. */
export function phrasesAccessibilite(r: ResumeAccessibilite): string[] {
  const oui = (v: boolean | null, si: string, sinon: string) => (v === null ? [] : [v ? si : sinon])
  return [
    ...oui(r.entreePlainPied, 'Entrée de plain-pied', 'Entrée avec marches ou ressaut'),
    ...oui(r.stationnementAdapte, 'Place de stationnement adaptée', 'Pas de place de stationnement adaptée'),
    ...oui(
      r.transportAProximite,
      'Transport en commun à proximité',
      'Pas de transport en commun à proximité',
    ),
    ...oui(
      r.personnelSensibilise,
      'Personnel sensibilisé ou formé au handicap',
      'Personnel non formé au handicap',
    ),
    ...oui(
      r.equipementMalentendants,
      'Équipement pour les personnes sourdes ou malentendantes',
      'Pas d’équipement pour les personnes sourdes ou malentendantes',
    ),
    ...oui(r.sanitairesAdaptes, 'Toilettes adaptées', 'Pas de toilettes adaptées'),
  ]
}
