import { type Activite, moisDe } from './activite'
import { trancheDuree } from './vocabulaire'

/**
 * Aggregation keys. Statistics never scan activities: they read counters by month × conseiller ×
 * structure × département × région × dimension × value, kept up to date in the same transaction
 * as each write, edit or delete (ADR 020). This file says what one activity adds to the counters.
 */

export const DIMENSIONS = [
  'total',
  'type',
  'theme',
  'lieu',
  'materiel',
  'niveau',
  'autonomie',
  'orientation',
  'age',
  'situation',
  'duree',
] as const
export type Dimension = (typeof DIMENSIONS)[number]

export interface Mesures {
  /** Activities recorded. */
  activites: number
  /** People accompanied: 1 for an individual help, the participants of a workshop. */
  personnes: number
  minutes: number
  /**
   * Distinct beneficiaries of the month: each anonymous person counts once; a followed person
   * (pseudonymous file) once per month whatever the number of activities. Only on `total`.
   */
  beneficiaires: number
}

export interface CleConseiller {
  mois: string
  conseillerId: string
  structureId: string
  codeDepartement: string
  codeRegion: string
  dimension: Dimension
  valeur: string
}

export type LigneAgregat = CleConseiller & Mesures

type ActiviteAgregee = Pick<
  Activite,
  | 'date'
  | 'conseillerId'
  | 'structureId'
  | 'codeDepartement'
  | 'codeRegion'
  | 'type'
  | 'duree'
  | 'lieuType'
  | 'participants'
  | 'niveau'
  | 'materiels'
  | 'themes'
  | 'autonomie'
  | 'orientation'
  | 'ages'
  | 'situations'
  | 'beneficiaireId'
>

/** What one activity adds (the followed beneficiary's monthly presence is handled apart: it needs the other activities). */
export function contributions(a: ActiviteAgregee): LigneAgregat[] {
  const base = {
    mois: moisDe(a.date),
    conseillerId: a.conseillerId,
    structureId: a.structureId,
    codeDepartement: a.codeDepartement,
    codeRegion: a.codeRegion,
  }
  const p = a.participants
  const d = a.duree
  const l = (dimension: Dimension, valeur: string, m: Partial<Mesures> = {}): LigneAgregat => ({
    ...base,
    dimension,
    valeur,
    activites: 1,
    personnes: p,
    minutes: d,
    beneficiaires: 0,
    ...m,
  })
  const lignes: LigneAgregat[] = [
    l('total', '', { beneficiaires: a.beneficiaireId ? 0 : p }),
    l('type', a.type),
    l('lieu', a.lieuType),
    l('orientation', a.orientation),
    l('duree', trancheDuree(d)),
  ]
  for (const t of new Set(a.themes)) lignes.push(l('theme', t))
  for (const m of new Set(a.materiels)) lignes.push(l('materiel', m))
  if (a.niveau) lignes.push(l('niveau', a.niveau))
  if (a.autonomie) lignes.push(l('autonomie', a.autonomie))
  for (const [v, n] of Object.entries(a.ages))
    if (n && n > 0) lignes.push(l('age', v, { personnes: n, minutes: 0 }))
  for (const [v, n] of Object.entries(a.situations))
    if (n && n > 0) lignes.push(l('situation', v, { personnes: n, minutes: 0 }))
  return lignes
}

export const cleTexte = (c: CleConseiller) =>
  [c.mois, c.conseillerId, c.structureId, c.codeDepartement, c.codeRegion, c.dimension, c.valeur].join('|')

/** Adds signed rows by key; rows that cancel out are dropped (nothing to write). */
export function fusionner(
  lignes: readonly LigneAgregat[],
  signe: 1 | -1,
  dans = new Map<string, LigneAgregat>(),
) {
  for (const l of lignes) {
    const k = cleTexte(l)
    const e = dans.get(k) ?? { ...l, activites: 0, personnes: 0, minutes: 0, beneficiaires: 0 }
    e.activites += signe * l.activites
    e.personnes += signe * l.personnes
    e.minutes += signe * l.minutes
    e.beneficiaires += signe * l.beneficiaires
    dans.set(k, e)
  }
  return dans
}

export const estNulle = (m: Mesures) =>
  m.activites === 0 && m.personnes === 0 && m.minutes === 0 && m.beneficiaires === 0

/** Counter changes for an edit (ancienne → nouvelle), a write (no ancienne) or a delete (no nouvelle). */
export function delta(
  ancienne: ActiviteAgregee | undefined,
  nouvelle: ActiviteAgregee | undefined,
): LigneAgregat[] {
  const m = new Map<string, LigneAgregat>()
  if (ancienne) fusionner(contributions(ancienne), -1, m)
  if (nouvelle) fusionner(contributions(nouvelle), 1, m)
  return [...m.values()].filter((l) => !estNulle(l)).sort((a, b) => (cleTexte(a) < cleTexte(b) ? -1 : 1))
}

/** A followed person counts once in a month when they have at least one activity in it. */
export function deltaPresence(activitesAvant: number, activitesApres: number): -1 | 0 | 1 {
  return ((activitesApres > 0 ? 1 : 0) - (activitesAvant > 0 ? 1 : 0)) as -1 | 0 | 1
}
