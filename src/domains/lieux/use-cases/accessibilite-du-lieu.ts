import { garderResumeAcceslibre, resumeAcceslibreEnCache } from '../db/acceslibre-repository'
import { type EtatAccessibilite, identifiantAcceslibre } from '../domain/accessibilite'
import type { Lieu } from '../domain/lieu'
import type { DepsLieux } from './deps'

/** A summary read from Acceslibre is shown for a week before it is asked again. */
export const FRAICHEUR_ACCESLIBRE_MS = 7 * 24 * 3600 * 1000

/**
 * What the place's page says about accessibility. The summary comes from the database cache while it
 * is fresh, from Acceslibre otherwise; when Acceslibre does not answer (or is not configured), an older
 * summary is still shown, else the link alone. Without an Acceslibre record: « non renseigné ».
 */
export const makeAccessibiliteDuLieu =
  (deps: DepsLieux) =>
  async (lieu: Pick<Lieu, 'ficheAccesLibre'>): Promise<EtatAccessibilite> => {
    const fiche = lieu.ficheAccesLibre
    if (!fiche) return { etat: 'non-renseigne' }
    const identifiant = identifiantAcceslibre(fiche)
    if (!identifiant) return { etat: 'lien', url: fiche }
    const selon = (resume: Parameters<typeof garderResumeAcceslibre>[2] | undefined): EtatAccessibilite =>
      resume ? { etat: 'resume', resume } : { etat: 'lien', url: fiche }
    const cache = await resumeAcceslibreEnCache(deps.db, identifiant)
    const maintenant = deps.horloge()
    if (cache && maintenant.getTime() - cache.luLe.getTime() < FRAICHEUR_ACCESLIBRE_MS)
      return selon(cache.resume)
    const port = deps.connecteurs?.acceslibre
    if (!port) return selon(cache?.resume)
    const r = await port.lire(identifiant)
    if (!r.ok) return selon(cache?.resume)
    await garderResumeAcceslibre(deps.db, identifiant, r.resume, maintenant)
    return selon(r.resume)
  }
