/**
 * Service levels of the call-back line: a person who chose a slot is called within it; otherwise the
 * first attempt is due within one working day of the médiateurs' hours.
 */
import { dateLocale, decaler, estJourOuvre, instantLocal } from '../../../platform/calendrier'
import type { HorairesService } from './creneaux'

/** `t` when médiateurs are on duty then; otherwise the next time they start. */
export function prochaineOuverture(t: Date, service: HorairesService): Date {
  let jour = dateLocale(t, service.fuseau)
  for (let i = 0; i < 15; i++, jour = decaler(jour, 1)) {
    if (!estJourOuvre(jour)) continue
    const ouverture = instantLocal(jour, service.de, service.fuseau)
    const fermeture = instantLocal(jour, service.a, service.fuseau)
    if (t < fermeture) return t > ouverture ? t : ouverture
  }
  // Fifteen days without a working day does not happen with French holidays.
  throw new Error('Aucun jour ouvré dans les quinze jours')
}

/**
 * When the first attempt is due at the latest: the end of the chosen slot, or one working day of
 * service after the request arrived (counted from the next opening when it arrives after hours: a
 * request left on Saturday is due on Tuesday at opening time, one left on Thursday at 10 h on Friday
 * at 10 h).
 */
export function echeancePremierAppel(
  deposeeLe: Date,
  creneau: { debut: Date; fin: Date } | undefined,
  service: HorairesService,
): Date {
  if (creneau) return creneau.fin
  const depart = prochaineOuverture(deposeeLe, service)
  const minutes = dateLocale(depart, service.fuseau).minutes
  let jour = decaler(dateLocale(depart, service.fuseau), 1)
  while (!estJourOuvre(jour)) jour = decaler(jour, 1)
  return instantLocal(jour, minutes, service.fuseau)
}

/** Whether a request waits past its service level: no attempt yet and the deadline is gone. */
export const horsDelai = (d: { echeance: Date; tentatives: number }, maintenant: Date) =>
  d.tentatives === 0 && maintenant > d.echeance
