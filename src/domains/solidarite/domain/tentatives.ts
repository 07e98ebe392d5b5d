/**
 * What happens after a médiateur's call attempt: the request stays with the médiateur (reached), waits
 * for the next attempt, scheduled by itself, or closes. After three unanswered attempts the person
 * gets an SMS saying how to ask again.
 */
import type { HorairesService } from './creneaux'
import { prochaineOuverture } from './delais'

export const ISSUES_TENTATIVE = {
  joint: 'Joint',
  'pas-de-reponse': 'Pas de réponse',
  messagerie: 'Messagerie',
  occupe: 'Occupé',
  'faux-numero': 'Faux numéro',
  refus: 'Ne souhaite plus être aidé',
} as const
export type IssueTentative = keyof typeof ISSUES_TENTATIVE

export const TENTATIVES_MAXIMUM = 3
/** Before calling a busy line again. */
export const PAUSE_OCCUPE = 15 * 60_000
/** Before calling again after no answer or voicemail. */
export const PAUSE_SANS_REPONSE = 2 * 60 * 60_000

export type Suite =
  | { statut: 'en-ligne' }
  | { statut: 'a-rappeler'; prochaineTentative: Date }
  | { statut: 'close'; motif: 'injoignable' | 'faux-numero' | 'refus'; sms: boolean }

/**
 * The next step after attempt number `faites + 1`. A retry falls inside the chosen slot when it can,
 * and always inside the médiateurs' hours.
 */
export function apresTentative(
  issue: IssueTentative,
  faites: number,
  maintenant: Date,
  service: HorairesService,
  creneau?: { debut: Date; fin: Date },
): Suite {
  switch (issue) {
    case 'joint':
      return { statut: 'en-ligne' }
    // A wrong number is never sent an SMS: it would reach a stranger.
    case 'faux-numero':
      return { statut: 'close', motif: 'faux-numero', sms: false }
    case 'refus':
      return { statut: 'close', motif: 'refus', sms: false }
  }
  if (faites + 1 >= TENTATIVES_MAXIMUM) return { statut: 'close', motif: 'injoignable', sms: true }
  const pause = issue === 'occupe' ? PAUSE_OCCUPE : PAUSE_SANS_REPONSE
  let prochaine = new Date(maintenant.getTime() + pause)
  // Still inside the slot the person chose, but not in its last quarter of an hour: try at its end.
  if (creneau && prochaine >= creneau.fin && creneau.fin.getTime() - maintenant.getTime() > PAUSE_OCCUPE)
    prochaine = new Date(creneau.fin.getTime() - PAUSE_OCCUPE)
  return { statut: 'a-rappeler', prochaineTentative: prochaineOuverture(prochaine, service) }
}
