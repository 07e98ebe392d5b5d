/**
 * The slots a person can choose to be called back in, shown in the person's own time (a person in
 * La Réunion reads « jeudi 4 décembre, l’après-midi (14 h – 17 h) » in Réunion time) and offered only
 * when médiateurs are on duty then. The server recomputes the list to check a slot sent by a form.
 */
import {
  type DateLocale,
  dateLocale,
  decaler,
  estJourOuvre,
  instantLocal,
} from '../../../platform/calendrier'

export const PERIODES = [
  { cle: 'matin', de: 9 * 60, a: 12 * 60, nom: 'le matin' },
  { cle: 'midi', de: 12 * 60, a: 14 * 60, nom: 'entre midi et deux' },
  { cle: 'apres-midi', de: 14 * 60, a: 17 * 60, nom: 'l’après-midi' },
  { cle: 'soir', de: 17 * 60, a: 19 * 60, nom: 'en fin de journée' },
] as const
export type Periode = (typeof PERIODES)[number]['cle']

/** When the médiateurs answer: working days, between two times of a time zone. */
export interface HorairesService {
  fuseau: string
  /** Minutes since midnight, local to `fuseau`. */
  de: number
  a: number
}

export const HORAIRES_NATIONAUX: HorairesService = { fuseau: 'Europe/Paris', de: 9 * 60, a: 18 * 60 }

export interface Creneau {
  /** `2026-12-04_apres-midi`: the person's local day and the period, what the form sends. */
  id: string
  /** The window in which the call is due: the period, cut to the médiateurs' hours. */
  debut: Date
  fin: Date
  /** « jeudi 4 décembre, l’après-midi (14 h – 17 h) », in the person's time. */
  libelle: string
}

/** A slot is offered when médiateurs are on duty at least this long inside it. */
const RECOUVREMENT_MINIMUM = 60 * 60_000
/** Too late to offer a slot that ends within this delay. */
const DELAI_MINIMUM = 30 * 60_000

const iso = (d: Pick<DateLocale, 'annee' | 'mois' | 'jourDuMois'>) =>
  `${d.annee}-${String(d.mois).padStart(2, '0')}-${String(d.jourDuMois).padStart(2, '0')}`

const heure = (minutes: number) => {
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`
}

const formatteursJour = new Map<string, Intl.DateTimeFormat>()
function nomDuJour(instant: Date, fuseau: string): string {
  let f = formatteursJour.get(fuseau)
  if (!f) {
    f = new Intl.DateTimeFormat('fr-FR', { timeZone: fuseau, weekday: 'long', day: 'numeric', month: 'long' })
    formatteursJour.set(fuseau, f)
  }
  return f.format(instant)
}

/** The minutes of [debut, fin) during which médiateurs are on duty. */
function tempsDeService(debut: number, fin: number, service: HorairesService): [number, number] | undefined {
  // The window can straddle two of the service's local days (far time zones): look at each.
  let meilleur: [number, number] | undefined
  for (const t of [debut, fin - 1]) {
    const jour = dateLocale(new Date(t), service.fuseau)
    if (!estJourOuvre(jour)) continue
    const ouverture = instantLocal(jour, service.de, service.fuseau).getTime()
    const fermeture = instantLocal(jour, service.a, service.fuseau).getTime()
    const de = Math.max(debut, ouverture)
    const a = Math.min(fin, fermeture)
    if (a > de && (!meilleur || a - de > meilleur[1] - meilleur[0])) meilleur = [de, a]
  }
  return meilleur
}

/**
 * The slots of the next `jours` working days (three: a short list on a phone) (the person's days), from `maintenant`, in which
 * médiateurs are on duty for at least an hour. Empty when none: the form then offers only « dès que
 * possible ».
 */
export function creneauxProposes(
  maintenant: Date,
  fuseau: string,
  service: HorairesService = HORAIRES_NATIONAUX,
  jours = 3,
): readonly Creneau[] {
  // A few hundred time-zone conversions: computed once per minute (the minute started), zone and
  // service hours, and shared by the requests of that minute.
  const minute = Math.floor(maintenant.getTime() / 60_000)
  const cle = `${fuseau}|${service.fuseau}|${service.de}|${service.a}|${jours}`
  const connu = parMinute.get(cle)
  if (connu?.minute === minute) return connu.creneaux
  const creneaux = Object.freeze(calculerCreneaux(new Date(minute * 60_000), fuseau, service, jours))
  if (parMinute.size > 64) parMinute.clear()
  parMinute.set(cle, { minute, creneaux })
  return creneaux
}

const parMinute = new Map<string, { minute: number; creneaux: readonly Creneau[] }>()

function calculerCreneaux(maintenant: Date, fuseau: string, service: HorairesService, jours: number) {
  const creneaux: Creneau[] = []
  let jour = dateLocale(maintenant, fuseau)
  let ouvres = 0
  for (let i = 0; ouvres < jours && i < jours * 3; i++, jour = decaler(jour, 1)) {
    if (!estJourOuvre(jour)) continue
    ouvres++
    for (const p of PERIODES) {
      const debut = instantLocal(jour, p.de, fuseau).getTime()
      const fin = instantLocal(jour, p.a, fuseau).getTime()
      const service_ = tempsDeService(debut, fin, service)
      if (!service_) continue
      // A slot already started begins at the next quarter of an hour (« 15 h 45 », not « 15 h 37 »).
      const quart = 15 * 60_000
      const [de, a] = [Math.max(service_[0], Math.ceil(maintenant.getTime() / quart) * quart), service_[1]]
      if (a - de < RECOUVREMENT_MINIMUM || a - maintenant.getTime() < DELAI_MINIMUM) continue
      const local = (t: number) => dateLocale(new Date(t), fuseau).minutes
      creneaux.push({
        id: `${iso(jour)}_${p.cle}`,
        debut: new Date(de),
        fin: new Date(a),
        libelle: `${nomDuJour(new Date(debut), fuseau)}, ${p.nom} (${heure(local(de))} – ${heure(local(a))})`,
      })
    }
  }
  return creneaux
}

/** The slot a form sent, if it is still offered now; `undefined` otherwise (« ce créneau est passé »). */
export function creneauChoisi(
  id: string,
  maintenant: Date,
  fuseau: string,
  service: HorairesService = HORAIRES_NATIONAUX,
): Creneau | undefined {
  return creneauxProposes(maintenant, fuseau, service).find((c) => c.id === id)
}

/** « vendredi 4 décembre à 10 h » in the person's time. */
export function momentLocal(instant: Date, fuseau: string): string {
  return `${nomDuJour(instant, fuseau)} à ${heure(dateLocale(instant, fuseau).minutes)}`
}
