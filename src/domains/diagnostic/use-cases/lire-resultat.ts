import { referentielCommunes } from '../../../platform/geo/referentiel-communes'
import { err, ok, type Result } from '../../../platform/result'
import { pourMoteur, reponsesDe } from '../db/diagnostic-repository'
import type { ErreurDiagnostic } from '../domain/erreurs'
import type { Orientation, OrientationId } from '../domain/orientation'
import { resultat } from '../domain/resultat'
import type { DepsDiagnostic, LieuProche } from './deps'

export const makeLireResultat =
  ({ db }: DepsDiagnostic) =>
  async (passationId: string) => {
    const reponses = await reponsesDe(db, passationId)
    return { reponses, resultat: resultat(pourMoteur(reponses)) }
  }

/** Places shown under one orientation. */
export interface LieuxDUneOrientation {
  orientation: OrientationId
  lieux: LieuProche[]
  /** The programme the places belong to, when the orientation asked for one and one was near enough. */
  dispositif?: string | undefined
  /** Same search as an orientation shown above: the page says so instead of repeating the list. */
  memesQue?: OrientationId | undefined
}

export interface LieuxProposes {
  /** Name of the commune the search is centred on, so the person can check it ("près de Marseille"). */
  commune: string
  parOrientation: LieuxDUneOrientation[]
}

/** Places shown per orientation, after removing the same place listed twice by two sources. */
export const LIEUX_PAR_ORIENTATION = 3
/** A preferred programme (Aidants Connect) farther than this is not "near": the next one is tried. */
export const DISTANCE_DISPOSITIF_MAX_KM = 30

const cleLieu = (l: LieuProche) =>
  `${l.nom}|${l.adresse}`
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9|]+/g, '')

function sansDoublons(lieux: readonly LieuProche[]): LieuProche[] {
  const vus = new Set<string>()
  return lieux.filter((l) => {
    const k = cleLieu(l)
    if (vus.has(k)) return false
    vus.add(k)
    return true
  })
}

/**
 * The nearest places for each orientation that points to a place, from the person's postal code.
 * One search per distinct (service, programmes); an orientation with preferred programmes takes
 * the first one with a place within DISTANCE_DISPOSITIF_MAX_KM, else the places offering the service.
 */
export const makeLieuxPourOrientations =
  ({ trouverLieux }: DepsDiagnostic) =>
  async (
    codePostal: string,
    orientations: readonly Orientation[],
  ): Promise<Result<LieuxProposes, ErreurDiagnostic>> => {
    const commune = referentielCommunes().principaleDuCodePostal(codePostal)
    if (!commune) return err({ code: 'CODE_POSTAL_INCONNU' })
    // The source files list some places twice (a France services also in the regional file): ask
    // for a few more than shown, then drop the repeats.
    const chercher = async (service: string, dispositif?: string) =>
      sansDoublons(await trouverLieux(commune.code, service, LIEUX_PAR_ORIENTATION + 3, dispositif)).slice(
        0,
        LIEUX_PAR_ORIENTATION,
      )
    const recherches = new Map<
      string,
      { premiere: OrientationId; resultat: Promise<Omit<LieuxDUneOrientation, 'orientation'>> }
    >()
    for (const o of orientations) {
      if (!o.service) continue
      const cle = `${o.service}|${(o.dispositifs ?? []).join(',')}`
      if (recherches.has(cle)) continue
      const service = o.service
      recherches.set(cle, {
        premiere: o.id,
        resultat: (async () => {
          for (const dispositif of o.dispositifs ?? []) {
            const lieux = await chercher(service, dispositif)
            if (lieux[0] && lieux[0].distanceKm <= DISTANCE_DISPOSITIF_MAX_KM) return { lieux, dispositif }
          }
          return { lieux: await chercher(service) }
        })(),
      })
    }
    // Awaited together: a failing search fails the whole answer, none is left unobserved.
    await Promise.all([...recherches.values()].map((r) => r.resultat))
    const parOrientation: LieuxDUneOrientation[] = []
    for (const o of orientations) {
      if (!o.service) continue
      const r = recherches.get(`${o.service}|${(o.dispositifs ?? []).join(',')}`)!
      const trouve = await r.resultat
      parOrientation.push(
        r.premiere === o.id
          ? { orientation: o.id, ...trouve }
          : { orientation: o.id, lieux: trouve.lieux, memesQue: r.premiere },
      )
    }
    return ok({ commune: commune.nom, parOrientation })
  }

/** "Je préfère être accompagné": the nearest places where someone can do the diagnostic with the person. */
export const makeLieuxPourAccompagnement =
  ({ trouverLieux }: DepsDiagnostic) =>
  async (codePostal: string): Promise<Result<{ commune: string; lieux: LieuProche[] }, ErreurDiagnostic>> => {
    const commune = referentielCommunes().principaleDuCodePostal(codePostal)
    if (!commune) return err({ code: 'CODE_POSTAL_INCONNU' })
    const lieux = await trouverLieux(commune.code, 'Maîtrise des outils numériques du quotidien', 8)
    return ok({ commune: commune.nom, lieux: sansDoublons(lieux).slice(0, 5) })
  }
