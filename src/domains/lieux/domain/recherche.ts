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
import { type Lieu, positionApproximative } from './lieu'
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
  /**
   * Keep the copies of a place that another source also publishes (see `reperesDoublons`): the export
   * publishes every stored place, a search shows each place once.
   */
  avecDoublons?: boolean
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
  /** The places a structure manages, in name order. */
  deLaStructure(structureId: string): readonly Lieu[]
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
const RAD = Math.PI / 180
/** The mean Earth radius used by geokdbush, so that both give the same distances. */
const RAYON_TERRE_KM = 6371
const haverSin = (theta: number) => {
  const s = Math.sin(theta / 2)
  return s * s
}
/** A degree of latitude, a little less than its real length so that the bounding box never cuts the circle. */
const KM_PAR_DEGRE = 110.5

/** What the index knows of each place, column by column (index `i` = position in name order). */
interface Colonnes {
  readonly tries: readonly Lieu[]
  readonly services: Uint16Array
  readonly publics: Uint8Array
  readonly modalites: Uint8Array
  readonly dispositifs: Uint16Array
  readonly gratuit: Uint8Array
  readonly horaires: (Horaires | undefined)[]
  /** Time zone of each place, as an index into `fuseauxConnus` (a handful: metropolitan France and overseas). */
  readonly fuseaux: Uint8Array
  readonly fuseauxConnus: string[]
  readonly parId: Map<string, number>
  /** The places with coordinates, in point order. */
  readonly avecPoint: number[]
  readonly doublons: Uint8Array
}

/** The points of the places with coordinates (`avecPoint` maps a point back to its place). */
interface Points {
  readonly arbre: KDBush
  readonly avecPoint: number[]
  readonly lonPoint: Float64Array
  readonly latPoint: Float64Array
  /** The cosine of each point's latitude, computed once. */
  readonly cosLat: Float64Array
}

/**
 * The tree to walk for a query: with exactly one service asked (the usual need: « démarches
 * administratives »), a tree of only the places offering it, so that the walk skips the two places out
 * of three that do not. `points` maps its points back to the main tree's.
 */
type Arbre = { arbre: KDBush | null; points: Uint32Array | null }

type Ouverture = (i: number, instant: Date) => boolean | null

function colonnesDesLieux(lieux: readonly Lieu[]): Colonnes {
  const tries = [...lieux].sort((a, b) => collator.compare(a.nom, b.nom))
  const n = tries.length
  const c = {
    tries,
    services: new Uint16Array(n),
    publics: new Uint8Array(n),
    modalites: new Uint8Array(n),
    dispositifs: new Uint16Array(n),
    gratuit: new Uint8Array(n),
    horaires: new Array<Horaires | undefined>(n),
    fuseaux: new Uint8Array(n),
    fuseauxConnus: [] as string[],
    parId: new Map<string, number>(),
    avecPoint: [] as number[],
    doublons: reperesDoublons(tries),
  }
  tries.forEach((l, i) => {
    c.parId.set(l.id, i)
    c.services[i] = masque(SERVICES, l.services)
    c.publics[i] = masque(PUBLICS_SPECIFIQUEMENT_ADRESSES, l.publicsSpecifiquementAdresses)
    c.modalites[i] = masque(MODALITES_ACCOMPAGNEMENT, l.modalitesAccompagnement)
    c.dispositifs[i] = masque(DISPOSITIFS_PROGRAMMES_NATIONAUX, l.dispositifProgrammesNationaux)
    c.gratuit[i] =
      l.fraisACharge.includes('Gratuit') || l.fraisACharge.includes('Gratuit sous condition') ? 1 : 0
    const h = l.horaires && l.horairesReconnus ? lireHoraires(l.horaires) : undefined
    c.horaires[i] = h?.ok ? h.horaires : undefined
    const fuseau = fuseauHoraire(l.codePostal)
    let f = c.fuseauxConnus.indexOf(fuseau)
    if (f < 0) f = c.fuseauxConnus.push(fuseau) - 1
    c.fuseaux[i] = f
    if (l.latitude !== null && l.longitude !== null) c.avecPoint.push(i)
  })
  return c
}

function lieuxParStructure(tries: readonly Lieu[]): Map<string, Lieu[]> {
  const parStructure = new Map<string, Lieu[]>()
  for (const l of tries) {
    if (!l.structureId) continue
    const liste = parStructure.get(l.structureId)
    if (liste) liste.push(l)
    else parStructure.set(l.structureId, [l])
  }
  return parStructure
}

function pointsDesLieux({ tries, avecPoint }: Colonnes): Points {
  const arbre = new KDBush(Math.max(avecPoint.length, 1))
  for (const i of avecPoint) arbre.add(tries[i]!.longitude!, tries[i]!.latitude!)
  if (avecPoint.length === 0) arbre.add(0, 0)
  arbre.finish()
  // Coordinates per point, with the cosine of its latitude computed once: the distance of a point then
  // costs two sines and reads no object (the same operations, so the same rounding, as geokdbush's `distance`).
  const lonPoint = new Float64Array(avecPoint.length)
  const latPoint = new Float64Array(avecPoint.length)
  const cosLat = new Float64Array(avecPoint.length)
  avecPoint.forEach((i, p) => {
    lonPoint[p] = tries[i]!.longitude!
    latPoint[p] = tries[i]!.latitude!
    cosLat[p] = Math.cos(tries[i]!.latitude! * RAD)
  })
  return { arbre, avecPoint, lonPoint, latPoint, cosLat }
}

/**
 * « Ouvert maintenant » of a place. Opening hours of each place for a local day are computed once per
 * place and day, then read by every query (it is the costliest filter, and it is asked of thousands of
 * places at night); the local day and minute of each time zone are kept for the current minute, so that
 * asking it of a place then costs two array reads.
 */
function creerOuverture({ tries, horaires, fuseaux, fuseauxConnus }: Colonnes): Ouverture {
  const n = tries.length
  const jours = new Map<string, { jour: Jour; plages: (readonly Plage[] | undefined)[] }>()
  type Journee = { jour: Jour; plages: (readonly Plage[] | undefined)[]; minutes: number }
  const minuteDuFuseau = new Float64Array(256).fill(Number.NaN)
  const journeeDuFuseau: Journee[] = []
  const journee = (f: number, instant: Date): Journee => {
    const minute = Math.floor(instant.getTime() / 60_000)
    if (minuteDuFuseau[f] === minute) return journeeDuFuseau[f]!
    const fuseau = fuseauxConnus[f]!
    const d = dateLocale(instant, fuseau)
    const cle = `${fuseau}|${d.annee}-${d.mois}-${d.jourDuMois}`
    let j = jours.get(cle)
    if (!j) {
      if (jours.size >= 64) jours.clear()
      j = { jour: jour(d), plages: new Array(n) }
      jours.set(cle, j)
    }
    const resultat = { ...j, minutes: d.minutes }
    minuteDuFuseau[f] = minute
    journeeDuFuseau[f] = resultat
    return resultat
  }
  const ouvertDans = (i: number, j: Journee): boolean | null => {
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
  return (i, instant) => ouvertDans(i, journee(fuseaux[i]!, instant))
}

/** The tree for a query (see `Arbre`), the one-service trees built on first use. */
function creerArbresParService(
  { arbre, avecPoint, lonPoint, latPoint }: Points,
  services: Uint16Array,
): (c: Criteres) => Arbre {
  const parService = new Map<number, Arbre>()
  return (c) => {
    const ms = masque(SERVICES, c.services ?? [])
    if (ms === 0 || (ms & (ms - 1)) !== 0) return { arbre, points: null }
    let a = parService.get(ms)
    if (!a) {
      const points = Uint32Array.from(avecPoint.keys()).filter((p) => services[avecPoint[p]!]! & ms)
      let sous: KDBush | null = null
      if (points.length > 0) {
        sous = new KDBush(points.length)
        for (const p of points) sous.add(lonPoint[p]!, latPoint[p]!)
        sous.finish()
      }
      a = { arbre: sous, points }
      parService.set(ms, a)
    }
    return a
  }
}

/** The criteria as a test of a place, the masks computed once per query. */
function creerFiltre(col: Colonnes, ouvertA: Ouverture): (c: Criteres) => (i: number) => boolean {
  const { services, publics, modalites, dispositifs, gratuit, doublons } = col
  return (c) => {
    const ms = masque(SERVICES, c.services ?? [])
    const mp = masque(PUBLICS_SPECIFIQUEMENT_ADRESSES, c.publics ?? [])
    const mm = masque(MODALITES_ACCOMPAGNEMENT, c.modalites ?? [])
    const md = masque(DISPOSITIFS_PROGRAMMES_NATIONAUX, c.dispositifs ?? [])
    // Read once: the criteria come in objects of several shapes, and this runs for every point of the box.
    const gratuitSeulement = c.gratuit === true
    const ouvertSeulement = c.ouvertMaintenant === true
    const sansDoublons = c.avecDoublons !== true
    const instant = c.instant
    return (i) => {
      if (sansDoublons && doublons[i]) return false
      if (ms && !(services[i]! & ms)) return false
      if (mp && publics[i] && !(publics[i]! & mp)) return false
      if (mm && !(modalites[i]! & mm)) return false
      if (md && !(dispositifs[i]! & md)) return false
      if (gratuitSeulement && !gratuit[i]) return false
      if (ouvertSeulement && ouvertA(i, instant) !== true) return false
      return true
    }
  }
}

/**
 * Within a radius: one pass over the bounding box, which gives the total, keeping only the `garder`
 * nearest in a small sorted buffer (no priority queue, no sort of every match).
 */
function dansLeRayon(
  { avecPoint, lonPoint, latPoint, cosLat }: Points,
  { latitude, longitude }: { latitude: number; longitude: number },
  rayonKm: number,
  garde: (i: number) => boolean,
  garder: number,
  a: Arbre,
): { total: number; points: number[]; distances: number[] } {
  if (!a.arbre) return { total: 0, points: [], distances: [] }
  const dLat = rayonKm / KM_PAR_DEGRE
  const dLon = rayonKm / (KM_PAR_DEGRE * Math.max(Math.cos((latitude * Math.PI) / 180), 0.01))
  const distances: number[] = []
  const points: number[] = []
  const tamponBorne = garder <= 256
  const cosLatitude = Math.cos(latitude * RAD)
  let total = 0
  for (const q of a.arbre.range(longitude - dLon, latitude - dLat, longitude + dLon, latitude + dLat)) {
    const p = a.points ? a.points[q]! : q
    const i = avecPoint[p]!
    if (!garde(i)) continue
    const h =
      cosLatitude * cosLat[p]! * haverSin((longitude - lonPoint[p]!) * RAD) +
      haverSin((latitude - latPoint[p]!) * RAD)
    const d = 2 * RAYON_TERRE_KM * Math.asin(Math.sqrt(h))
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

/** A query: every match in name order without a position, else the nearest (within the radius if any). */
function creerRecherche(
  { tries, avecPoint }: Colonnes,
  pts: Points,
  filtre: (c: Criteres) => (i: number) => boolean,
  arbrePour: (c: Criteres) => Arbre,
): (c: Criteres) => ResultatRecherche {
  const n = tries.length
  return (c) => {
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
    if (avecPoint.length === 0)
      return { resultats: [], total: c.rayonKm === undefined ? null : 0, suite: false }
    const { latitude, longitude } = c.position
    if (c.rayonKm !== undefined) {
      const r = dansLeRayon(pts, c.position, c.rayonKm, garde, debut + c.parPage + 1, arbrePour(c))
      return {
        resultats: r.points
          .slice(debut, debut + c.parPage)
          .map((p, k) => ({ lieu: tries[avecPoint[p]!]!, distanceKm: r.distances[debut + k]! })),
        total: r.total,
        suite: r.points.length > debut + c.parPage,
      }
    }
    const a = arbrePour(c)
    const versPoint = (q: number) => (a.points ? a.points[q]! : q)
    const points: number[] = a.arbre
      ? around(a.arbre, longitude, latitude, debut + c.parPage + 1, Number.POSITIVE_INFINITY, (q: number) =>
          garde(avecPoint[versPoint(q)]!),
        ).map(versPoint)
      : []
    return {
      resultats: points.slice(debut, debut + c.parPage).map((p) => {
        const l = tries[avecPoint[p]!]!
        return { lieu: l, distanceKm: distance(longitude, latitude, l.longitude!, l.latitude!) }
      }),
      total: null,
      suite: points.length > debut + c.parPage,
    }
  }
}

export function creerIndex(lieux: readonly Lieu[], version = ''): IndexLieux {
  const col = colonnesDesLieux(lieux)
  const { tries, parId, horaires, doublons } = col
  const parStructure = lieuxParStructure(tries)
  const pts = pointsDesLieux(col)
  const ouvertA = creerOuverture(col)
  const rechercher = creerRecherche(
    col,
    pts,
    creerFiltre(col, ouvertA),
    creerArbresParService(pts, col.services),
  )
  return {
    taille: tries.length,
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
    deLaStructure: (structureId) => parStructure.get(structureId) ?? [],
    ouvertMaintenant: (id, instant) => {
      const i = parId.get(id)
      return i === undefined ? null : ouvertA(i, instant)
    },
    estDoublon: (id) => {
      const i = parId.get(id)
      return i !== undefined && doublons[i] === 1
    },
    rechercher,
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
  const approche = (l: Lieu) => l.latitude === null || positionApproximative(l)
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
