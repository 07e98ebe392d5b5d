/**
 * Calendar facts shared by the domains: local dates in a time zone (metropolitan France and the
 * overseas territories), and French public holidays.
 */

export interface DateLocale {
  annee: number
  mois: number
  jourDuMois: number
  /** 0 = Monday. */
  jourSemaine: number
  minutes: number
}

const formatteurs = new Map<string, Intl.DateTimeFormat>()
// Intl's formatToParts costs tens of microseconds: the local date is computed once per minute and zone.
const parMinute = new Map<string, { minute: number; date: DateLocale }>()

export function dateLocale(instant: Date, fuseau: string): DateLocale {
  const minute = Math.floor(instant.getTime() / 60_000)
  const connu = parMinute.get(fuseau)
  if (connu && connu.minute === minute) return connu.date
  const date = calculerDateLocale(instant, fuseau)
  parMinute.set(fuseau, { minute, date })
  return date
}

function calculerDateLocale(instant: Date, fuseau: string): DateLocale {
  let f = formatteurs.get(fuseau)
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: fuseau,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
      weekday: 'short',
    })
    formatteurs.set(fuseau, f)
  }
  const p: Record<string, string> = {}
  for (const x of f.formatToParts(instant)) p[x.type] = x.value
  const jours: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 }
  return {
    annee: Number(p.year),
    mois: Number(p.month),
    jourDuMois: Number(p.day),
    jourSemaine: jours[p.weekday ?? 'Mon'] ?? 0,
    minutes: Number(p.hour) * 60 + Number(p.minute),
  }
}

/** Calendar arithmetic on plain dates (no time zone involved). */
export function decaler(d: DateLocale, jours: number): DateLocale {
  const u = new Date(Date.UTC(d.annee, d.mois - 1, d.jourDuMois + jours))
  return {
    annee: u.getUTCFullYear(),
    mois: u.getUTCMonth() + 1,
    jourDuMois: u.getUTCDate(),
    jourSemaine: (u.getUTCDay() + 6) % 7,
    minutes: 0,
  }
}

const feriesParAnnee = new Map<number, Set<string>>()
/** French public holidays (metropolitan list; Alsace-Moselle and overseas extras are not included). */
export function joursFeries(annee: number): Set<string> {
  let s = feriesParAnnee.get(annee)
  if (s) return s
  // Easter Sunday, anonymous Gregorian algorithm.
  const a = annee % 19
  const b = Math.floor(annee / 100)
  const c = annee % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const mois = Math.floor((h + l - 7 * m + 114) / 31)
  const jour = ((h + l - 7 * m + 114) % 31) + 1
  const paques: DateLocale = { annee, mois, jourDuMois: jour, jourSemaine: 6, minutes: 0 }
  const cle = (x: DateLocale) => `${x.mois}-${x.jourDuMois}`
  s = new Set([
    '1-1',
    '5-1',
    '5-8',
    '7-14',
    '8-15',
    '11-1',
    '11-11',
    '12-25',
    cle(decaler(paques, 1)),
    cle(decaler(paques, 39)),
    cle(decaler(paques, 50)),
  ])
  feriesParAnnee.set(annee, s)
  return s
}

/**
 * The instant at which a wall-clock time happens in a time zone (« 9 h à La Réunion le 3 mars »).
 * A time that happens twice (the autumn hour) is read as the first.
 */
export function instantLocal(
  jour: Pick<DateLocale, 'annee' | 'mois' | 'jourDuMois'>,
  minutes: number,
  fuseau: string,
): Date {
  const mur = Date.UTC(jour.annee, jour.mois - 1, jour.jourDuMois, 0, minutes)
  const ecart = (t: number) => {
    const l = calculerDateLocale(new Date(t), fuseau)
    return Date.UTC(l.annee, l.mois - 1, l.jourDuMois, 0, l.minutes) - t
  }
  // Two passes find the offset in force at that time, even next to a change of offset.
  const premier = mur - ecart(mur)
  const second = mur - ecart(premier)
  return new Date(Math.min(premier, second))
}

/** True for Monday to Friday, out of the public holidays. */
export const estJourOuvre = (d: DateLocale) =>
  d.jourSemaine < 5 && !joursFeries(d.annee).has(`${d.mois}-${d.jourDuMois}`)
