import { around, distance } from 'geokdbush'
import KDBush from 'kdbush'
import {
  dateLocale,
  fuseauHoraire,
  type Horaires,
  type Jour,
  jour,
  lireHoraires,
  type Plage,
  plagesDuJourConnu,
} from './horaires'
import type { Lieu } from './lieu'
import {
  DISPOSITIFS_PROGRAMMES_NATIONAUX,
  type DispositifProgrammeNational,
  MODALITES_ACCOMPAGNEMENT,
  type ModaliteAccompagnement,
  PUBLICS_SPECIFIQUEMENT_ADRESSES,
  type PublicSpecifiquementAdresse,
  SERVICES,
  type Service,
} from './vocabulaires'

/**
 * In-memory search over every place: a static k-d tree of points (kdbush) walked in distance order
 * (geokdbush), with the filters as bit masks so that a query over 20 000 places takes microseconds.
 * Rebuilt from the database whenever places change (see use-cases/catalogue-lieux.ts).
 */

export interface Criteres {
  position?: { latitude: number; longitude: number }
  /** Only with a position. */
  rayonKm?: number
  /** Any of them (a place offering one of the needs is shown). */
  services?: readonly Service[]
  /** Places dedicated to one of these publics, and places open to everyone (no specific public). */
  publics?: readonly PublicSpecifiquementAdresse[]
  modalites?: readonly ModaliteAccompagnement[]
  dispositifs?: readonly DispositifProgrammeNational[]
  gratuit?: boolean
  ouvertMaintenant?: boolean
  instant: Date
  page: number
  parPage: number
}

export interface Trouve {
  lieu: Lieu
  distanceKm: number | null
}

export interface ResultatRecherche {
  resultats: Trouve[]
  /** Number of matching places (within the radius when there is a position); null when unbounded. */
  total: number | null
  /** Another page exists. */
  suite: boolean
}

export interface IndexLieux {
  readonly taille: number
  readonly version: string
  parId(id: string): Lieu | undefined
  horairesDe(id: string): Horaires | undefined
  rechercher(c: Criteres): ResultatRecherche
  tous(): readonly Lieu[]
  /** Open at this instant (local time of the place); null without recognised opening hours. */
  ouvertMaintenant(id: string, instant: Date): boolean | null
  /** The same place published by another source (see `reperesDoublons`): left out of searches. */
  estDoublon(id: string): boolean
}

const masque = <T extends string>(vocabulaire: readonly T[], valeurs: readonly string[]) => {
  let m = 0
  for (const v of valeurs) {
    const i = vocabulaire.indexOf(v as T)
    if (i >= 0) m |= 1 << i
  }
  return m
}

const collator = new Intl.Collator('fr', { sensitivity: 'base' })
/** A degree of latitude, a little less than its real length so that the bounding box never cuts the circle. */
const KM_PAR_DEGRE = 110.5

export function creerIndex(lieux: readonly Lieu[], version = ''): IndexLieux {
  const tries = [...lieux].sort((a, b) => collator.compare(a.nom, b.nom))
  const n = tries.length
  const services = new Uint16Array(n)
  const publics = new Uint8Array(n)
  const modalites = new Uint8Array(n)
  const dispositifs = new Uint16Array(n)
  const gratuit = new Uint8Array(n)
  const horaires: (Horaires | undefined)[] = new Array(n)
  const fuseaux: string[] = new Array(n)
  const parId = new Map<string, number>()
  // Points only for places with coordinates; `pointVersLieu` maps a point back to the place.
  const avecPoint: number[] = []
  tries.forEach((l, i) => {
    parId.set(l.id, i)
    services[i] = masque(SERVICES, l.services)
    publics[i] = masque(PUBLICS_SPECIFIQUEMENT_ADRESSES, l.publicsSpecifiquementAdresses)
    modalites[i] = masque(MODALITES_ACCOMPAGNEMENT, l.modalitesAccompagnement)
    dispositifs[i] = masque(DISPOSITIFS_PROGRAMMES_NATIONAUX, l.dispositifProgrammesNationaux)
    gratuit[i] =
      l.fraisACharge.includes('Gratuit') || l.fraisACharge.includes('Gratuit sous condition') ? 1 : 0
    const h = l.horaires && l.horairesReconnus ? lireHoraires(l.horaires) : undefined
    horaires[i] = h?.ok ? h.horaires : undefined
    fuseaux[i] = fuseauHoraire(l.codePostal)
    if (l.latitude !== null && l.longitude !== null) avecPoint.push(i)
  })
  const doublons = reperesDoublons(tries)
  const arbre = new KDBush(Math.max(avecPoint.length, 1))
  for (const i of avecPoint) arbre.add(tries[i]!.longitude!, tries[i]!.latitude!)
  if (avecPoint.length === 0) arbre.add(0, 0)
  arbre.finish()

  // Opening hours of each place for a local day, computed once per place and day, then read by every query
  // (« ouvert maintenant » is the costliest filter, and it is asked of thousands of places at night).
  const jours = new Map<string, { jour: Jour; plages: (readonly Plage[] | undefined)[] }>()
  const journee = (fuseau: string, instant: Date) => {
    const d = dateLocale(instant, fuseau)
    const cle = `${fuseau}|${d.annee}-${d.mois}-${d.jourDuMois}`
    let j = jours.get(cle)
    if (!j) {
      if (jours.size >= 64) jours.clear()
      j = { jour: jour(d), plages: new Array(n) }
      jours.set(cle, j)
    }
    return { ...j, minutes: d.minutes }
  }
  const ouvertDans = (i: number, j: ReturnType<typeof journee>): boolean | null => {
    const h = horaires[i]
    if (!h) return null
    let plages = j.plages[i]
    if (!plages) {
      plages = plagesDuJourConnu(h, j.jour)
      j.plages[i] = plages
    }
    for (const [a, b] of plages) if (j.minutes >= a && j.minutes < b) return true
    return false
  }
  const ouvertA = (i: number, instant: Date) => ouvertDans(i, journee(fuseaux[i]!, instant))

  const filtre = (c: Criteres): ((i: number) => boolean) => {
    const ms = masque(SERVICES, c.services ?? [])
    const mp = masque(PUBLICS_SPECIFIQUEMENT_ADRESSES, c.publics ?? [])
    const mm = masque(MODALITES_ACCOMPAGNEMENT, c.modalites ?? [])
    const md = masque(DISPOSITIFS_PROGRAMMES_NATIONAUX, c.dispositifs ?? [])
    // The local day of each time zone, looked up once per query.
    const parFuseau = new Map<string, ReturnType<typeof journee>>()
    const ouvertPendantLaRequete = (i: number) => {
      const f = fuseaux[i]!
      let j = parFuseau.get(f)
      if (!j) {
        j = journee(f, c.instant)
        parFuseau.set(f, j)
      }
      return ouvertDans(i, j) === true
    }
    return (i) => {
      if (doublons[i]) return false
      if (ms && !(services[i]! & ms)) return false
      if (mp && publics[i] && !(publics[i]! & mp)) return false
      if (mm && !(modalites[i]! & mm)) return false
      if (md && !(dispositifs[i]! & md)) return false
      if (c.gratuit && !gratuit[i]) return false
      if (c.ouvertMaintenant && !ouvertPendantLaRequete(i)) return false
      return true
    }
  }

  /**
   * Within a radius: one pass over the bounding box, which gives the total, keeping only the `garder`
   * nearest in a small sorted buffer (no priority queue, no sort of every match).
   */
  const dansLeRayon = (
    { latitude, longitude }: { latitude: number; longitude: number },
    rayonKm: number,
    garde: (i: number) => boolean,
    garder: number,
  ): { total: number; points: number[]; distances: number[] } => {
    const dLat = rayonKm / KM_PAR_DEGRE
    const dLon = rayonKm / (KM_PAR_DEGRE * Math.max(Math.cos((latitude * Math.PI) / 180), 0.01))
    const distances: number[] = []
    const points: number[] = []
    const tamponBorne = garder <= 256
    let total = 0
    for (const p of arbre.range(longitude - dLon, latitude - dLat, longitude + dLon, latitude + dLat)) {
      const i = avecPoint[p]!
      if (!garde(i)) continue
      const l = tries[i]!
      const d = distance(longitude, latitude, l.longitude!, l.latitude!)
      if (d > rayonKm) continue
      total++
      if (!tamponBorne) {
        distances.push(d)
        points.push(p)
        continue
      }
      if (distances.length === garder && d >= distances[garder - 1]!) continue
      let k = distances.length
      if (k < garder) {
        distances.push(d)
        points.push(p)
      } else k = garder - 1
      while (k > 0 && distances[k - 1]! > d) {
        distances[k] = distances[k - 1]!
        points[k] = points[k - 1]!
        k--
      }
      distances[k] = d
      points[k] = p
    }
    if (!tamponBorne) {
      const ordre = points.map((_, k) => k).sort((x, y) => distances[x]! - distances[y]! || x - y)
      return {
        total,
        points: ordre.map((k) => points[k]!),
        distances: ordre.map((k) => distances[k]!),
      }
    }
    return { total, points, distances }
  }

  return {
    taille: n,
    version,
    parId: (id) => {
      const i = parId.get(id)
      return i === undefined ? undefined : tries[i]
    },
    horairesDe: (id) => {
      const i = parId.get(id)
      return i === undefined ? undefined : horaires[i]
    },
    tous: () => tries,
    ouvertMaintenant: (id, instant) => {
      const i = parId.get(id)
      return i === undefined ? null : ouvertA(i, instant)
    },
    estDoublon: (id) => {
      const i = parId.get(id)
      return i !== undefined && doublons[i] === 1
    },
    rechercher(c) {
      const garde = filtre(c)
      const debut = (c.page - 1) * c.parPage
      if (!c.position) {
        const tous: number[] = []
        for (let i = 0; i < n; i++) if (garde(i)) tous.push(i)
        return {
          resultats: tous.slice(debut, debut + c.parPage).map((i) => ({ lieu: tries[i]!, distanceKm: null })),
          total: tous.length,
          suite: debut + c.parPage < tous.length,
        }
      }
      if (avecPoint.length === 0) return { resultats: [], total: 0, suite: false }
      const { latitude, longitude } = c.position
      if (c.rayonKm !== undefined) {
        const r = dansLeRayon(c.position, c.rayonKm, garde, debut + c.parPage + 1)
        return {
          resultats: r.points
            .slice(debut, debut + c.parPage)
            .map((p, k) => ({ lieu: tries[avecPoint[p]!]!, distanceKm: r.distances[debut + k]! })),
          total: r.total,
          suite: r.points.length > debut + c.parPage,
        }
      }
      const points: number[] = around(
        arbre,
        longitude,
        latitude,
        debut + c.parPage + 1,
        Number.POSITIVE_INFINITY,
        (p: number) => garde(avecPoint[p]!),
      )
      return {
        resultats: points.slice(debut, debut + c.parPage).map((p) => {
          const l = tries[avecPoint[p]!]!
          return { lieu: l, distanceKm: distance(longitude, latitude, l.longitude!, l.latitude!) }
        }),
        total: null,
        suite: points.length > debut + c.parPage,
      }
    },
  }
}

const normaliserNom = (nom: string) =>
  nom
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()

/**
 * The same place often comes from two sources (a regional hub's file and the national list of France
 * services): same name once accents, case and punctuation are set aside, same postal code, and less than
 * 300 m apart (or placed at the commune's centre). A person must see it once: the copy kept is the most
 * recently updated, then the one offering more services; the others stay stored, exported and reachable by
 * their page, but are left out of searches. Returns 1 for each left-out place.
 */
export function reperesDoublons(lieux: readonly Lieu[]): Uint8Array {
  const doublons = new Uint8Array(lieux.length)
  const groupes = new Map<string, number[]>()
  lieux.forEach((l, i) => {
    const cle = `${l.codePostal}|${normaliserNom(l.nom)}`
    const g = groupes.get(cle)
    if (g) g.push(i)
    else groupes.set(cle, [i])
  })
  const approche = (l: Lieu) => l.latitude === null || l.origineCoordonnees === 'commune'
  const proches = (a: Lieu, b: Lieu) =>
    approche(a) || approche(b) || distance(a.longitude!, a.latitude!, b.longitude!, b.latitude!) < 0.3
  for (const g of groupes.values()) {
    if (g.length < 2) continue
    g.sort((x, y) => {
      const a = lieux[x]!
      const b = lieux[y]!
      return b.dateMaj.localeCompare(a.dateMaj) || b.services.length - a.services.length || x - y
    })
    for (let a = 0; a < g.length; a++) {
      if (doublons[g[a]!]) continue
      const garde = lieux[g[a]!]!
      for (let b = a + 1; b < g.length; b++) {
        const autre = lieux[g[b]!]!
        if (!doublons[g[b]!] && autre.source !== garde.source && proches(garde, autre)) doublons[g[b]!] = 1
      }
    }
  }
  return doublons
}

/** « 350 m », « 2,4 km », « 35 km ». */
export function distanceEnFrancais(km: number): string {
  if (km < 1) return `${Math.max(10, Math.round((km * 1000) / 10) * 10)} m`
  if (km < 10) return `${km.toFixed(1).replace('.', ',')} km`
  return `${Math.round(km)} km`
}
