/**
 * The order of the médiateurs' queue: which request is « la suivante » for a given médiateur.
 *
 * The database answers « prendre la suivante » with the same rules (`db/`), and a test checks, on both
 * engines, that it picks what `suivantePour` picks: this file is the statement of the rules.
 */

/** Lower is more urgent. */
export const CLASSES_PRIORITE = {
  0: 'Arnaque en cours',
  1: 'Démarche avec une date limite proche',
  2: 'Personne isolée',
  3: 'Autre demande',
} as const
export type ClassePriorite = keyof typeof CLASSES_PRIORITE

/** A procedure's deadline counts as close within this delay. */
export const ECHEANCE_PROCHE = 3 * 24 * 60 * 60_000
/** A slot that closes within this delay goes before everything else: the promise was the slot. */
export const FIN_DE_CRENEAU_PROCHE = 60 * 60_000
/** A slot can be called this long before it starts (the médiateur dials, the person picks up). */
export const AVANCE_SUR_CRENEAU = 10 * 60_000

export interface Urgence {
  arnaqueEnCours: boolean
  /** The date by which the person's procedure must be done, when they gave one. */
  dateLimiteDemarche?: Date | undefined
  isolement: boolean
}

export function classePriorite(u: Urgence, maintenant: Date): ClassePriorite {
  if (u.arnaqueEnCours) return 0
  if (u.dateLimiteDemarche && u.dateLimiteDemarche.getTime() - maintenant.getTime() <= ECHEANCE_PROCHE)
    return 1
  if (u.isolement) return 2
  return 3
}

export interface DemandeEnAttente {
  id: string
  deposeeLe: Date
  classe: ClassePriorite
  /** Deadline of the first attempt (service level). */
  echeance: Date
  creneauDebut?: Date | undefined
  creneauFin?: Date | undefined
  /** Not before this time (a retry scheduled after an unanswered attempt). */
  pasAvant?: Date | undefined
  /** Région code of the person, to match médiateurs who cover it. */
  region: string
  langue: string
  /** Who took the request last (a returning caller gets the same médiateur when possible). */
  mediateurPrecedent?: string | undefined
}

export interface Mediateur {
  id: string
  /** Région codes covered; empty: all of France. */
  regions: readonly string[]
  langues: readonly string[]
}

/** Whether the médiateur may take the request now (its time has come, and they can serve it). */
export function appelable(d: DemandeEnAttente, m: Mediateur, maintenant: Date): boolean {
  const t = maintenant.getTime()
  if (d.pasAvant && d.pasAvant.getTime() > t) return false
  if (d.creneauDebut && d.creneauDebut.getTime() - AVANCE_SUR_CRENEAU > t) return false
  if (m.regions.length > 0 && !m.regions.includes(d.region)) return false
  return m.langues.includes(d.langue)
}

/** The sort key, most urgent first; the last element makes the order total. */
export function cleDeTri(d: DemandeEnAttente, m: Mediateur, maintenant: Date): (number | string)[] {
  const finProche =
    d.creneauFin !== undefined && d.creneauFin.getTime() - maintenant.getTime() <= FIN_DE_CRENEAU_PROCHE
  return [
    finProche ? 0 : 1,
    d.classe,
    d.mediateurPrecedent === m.id ? 0 : 1,
    d.echeance.getTime(),
    d.deposeeLe.getTime(),
    d.id,
  ]
}

const comparer = (a: (number | string)[], b: (number | string)[]) => {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number | string
    const y = b[i] as number | string
    if (x < y) return -1
    if (x > y) return 1
  }
  return 0
}

/** « La suivante » for this médiateur, or `undefined` when nothing can be called now. */
export function suivantePour(
  demandes: readonly DemandeEnAttente[],
  m: Mediateur,
  maintenant: Date,
): DemandeEnAttente | undefined {
  let meilleure: { d: DemandeEnAttente; cle: (number | string)[] } | undefined
  for (const d of demandes) {
    if (!appelable(d, m, maintenant)) continue
    const cle = cleDeTri(d, m, maintenant)
    if (!meilleure || comparer(cle, meilleure.cle) < 0) meilleure = { d, cle }
  }
  return meilleure?.d
}
