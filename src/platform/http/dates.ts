import { z } from 'zod'

/**
 * Calendar dates typed by people or carried in filters (`YYYY-MM-DD`, what `<input type="date">`
 * sends). A regex alone lets through `0000-00-00` or `2026-02-30`, which JavaScript rolls over to
 * another day and PostgreSQL refuses with an error: every date field goes through here instead.
 */

/** Bounds PostgreSQL and people can both live with; a field narrows them when it means something. */
export const DATE_MIN = '1900-01-01'
export const DATE_MAX = '2999-12-31'

/** True for a date that exists in the calendar (leap years included), in `YYYY-MM-DD`. */
export function dateExiste(valeur: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(valeur)
  if (!m) return false
  const [annee, mois, jour] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (mois < 1 || mois > 12 || jour < 1) return false
  const joursDuMois = new Date(Date.UTC(annee, mois, 0)).getUTCDate()
  return annee >= 1 && jour <= joursDuMois
}

export interface OptionsDate {
  /** Earliest accepted date (`YYYY-MM-DD`), DATE_MIN by default. */
  min?: string
  /** Latest accepted date (`YYYY-MM-DD`), DATE_MAX by default. */
  max?: string
}

const capitale = (s: string) =>
  s.replace(/^(le |la |l’|les |votre |vos |un |une )/, '').replace(/^./, (c) => c.toUpperCase())

/**
 * A required date field. `libelle` is how the message names it, e.g. « la date de début »
 * (« Saisissez la date de début. », « Date de début : cette date n’existe pas. »).
 */
export function dateSaisie(libelle: string, o: OptionsDate = {}) {
  const min = o.min ?? DATE_MIN
  const max = o.max ?? DATE_MAX
  return z
    .string({ error: `Saisissez ${libelle}.` })
    .trim()
    .min(1, { message: `Saisissez ${libelle}.`, abort: true })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `Saisissez ${libelle} au format jj/mm/aaaa.`, abort: true })
    .refine(dateExiste, { message: `${capitale(libelle)} : cette date n’existe pas.`, abort: true })
    .refine((v) => v >= min && v <= max, { message: `${capitale(libelle)} est hors des dates possibles.` })
}

/**
 * An optional date of a filter (query string): empty or absent gives undefined; anything else must be
 * a real date, otherwise the filter is refused with a French message rather than reaching the base.
 */
export function dateFiltre(libelle: string, o: OptionsDate = {}) {
  return z.preprocess((v) => (v === '' ? undefined : v), dateSaisie(libelle, o).optional())
}

/**
 * Dates as people read them (« 3 décembre 2026 », « 3 décembre 2026 à 15 h 10 »), in Paris time:
 * every page, e-mail and document goes through these rather than showing `2026-12-03`.
 */
const JOUR = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Paris',
})
const HEURE = new Intl.DateTimeFormat('fr-FR', {
  hour: 'numeric',
  minute: '2-digit',
  timeZone: 'Europe/Paris',
})
const MOIS = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' })

/** A calendar day `YYYY-MM-DD` (read as that day, wherever the server runs), or an instant. */
const enDate = (d: Date | string) => (typeof d === 'string' ? new Date(`${d.slice(0, 10)}T12:00:00Z`) : d)

/** « 3 décembre 2026 » (« 1er décembre 2026 » the first of the month). */
export function dateLongue(d: Date | string): string {
  return JOUR.format(enDate(d)).replace(/^1 /, '1er ')
}

/** « 3 décembre 2026 à 15 h 10 ». */
export function dateHeure(d: Date): string {
  const [h, m] = HEURE.format(d).split(':')
  return `${dateLongue(d)} à ${Number(h)} h ${m}`
}

/** « décembre 2026 » for the month `2026-12`. */
export function moisLong(mois: string): string {
  return MOIS.format(new Date(`${mois.slice(0, 7)}-15T12:00:00Z`))
}
