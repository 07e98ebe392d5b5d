import type { Dimension } from './agregats'
import { libelle, optionsDe } from './vocabulaire'

/** Months are the grain of the figures: a period is a range of whole months (YYYY-MM). */
export interface Periode {
  du: string
  au: string
}

const MOIS = /^(\d{4})-(0[1-9]|1[0-2])$/

export function moisPlus(mois: string, n: number): string {
  const [a, m] = mois.split('-').map(Number) as [number, number]
  const t = a * 12 + (m - 1) + n
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`
}

export function moisEntre(p: Periode): string[] {
  const sortie: string[] = []
  for (let m = p.du; m <= p.au && sortie.length < 600; m = moisPlus(m, 1)) sortie.push(m)
  return sortie
}

/** The last 12 months including the current one. */
export function periodeParDefaut(aujourdhui: string): Periode {
  const au = aujourdhui.slice(0, 7)
  return { du: moisPlus(au, -11), au }
}

export type ResultatPeriode =
  | { ok: true; periode: Periode }
  | { ok: false; champ: 'du' | 'au'; message: string }

export function lirePeriode(du: unknown, au: unknown, aujourdhui: string): ResultatPeriode {
  const defaut = periodeParDefaut(aujourdhui)
  const d = typeof du === 'string' && du !== '' ? du : defaut.du
  const a = typeof au === 'string' && au !== '' ? au : defaut.au
  if (!MOIS.test(d))
    return { ok: false, champ: 'du', message: 'Début de période : saisissez un mois au format AAAA-MM.' }
  if (!MOIS.test(a))
    return { ok: false, champ: 'au', message: 'Fin de période : saisissez un mois au format AAAA-MM.' }
  if (d > a) return { ok: false, champ: 'au', message: 'Fin de période : elle doit suivre le début.' }
  if (d < '2020-01') return { ok: false, champ: 'du', message: 'Début de période : pas avant janvier 2020.' }
  if (moisEntre({ du: d, au: a }).length > 120)
    return { ok: false, champ: 'au', message: 'Période : dix ans au plus.' }
  return { ok: true, periode: { du: d, au: a } }
}

/** One row read from the counters: a (dimension, value) over the period, or the `total` of one month. */
export interface LigneLue {
  dimension: string
  valeur: string
  /** YYYY-MM for `total` rows (time series), null otherwise. */
  mois: string | null
  activites: number
  personnes: number
  minutes: number
  beneficiaires: number
}

export interface Cellule {
  valeur: string
  libelle: string
  activites: number
  personnes: number
  minutes: number
}

export interface Statistiques {
  periode: Periode
  totaux: {
    activites: number
    /** Individual accompaniments and one-off helps (one person each). */
    accompagnements: number
    ateliers: number
    participants: number
    personnes: number
    beneficiaires: number
    heures: number
  }
  repartitions: Record<Exclude<Dimension, 'total'>, Cellule[]>
  serie: { mois: string; activites: number; personnes: number; heures: number }[]
}

const REPARTITIONS: Exclude<Dimension, 'total'>[] = [
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
]

export const heures = (minutes: number) => Math.round(minutes / 6) / 10

export function construireStatistiques(lignes: readonly LigneLue[], periode: Periode): Statistiques {
  const repartitions = {} as Statistiques['repartitions']
  for (const dim of REPARTITIONS) {
    // Every value of the vocabulary is listed, zeros included: an absent theme is a finding too.
    const parValeur = new Map<string, Cellule>(
      optionsDe(dim).map((o) => [
        o.valeur,
        { valeur: o.valeur, libelle: o.libelle, activites: 0, personnes: 0, minutes: 0 },
      ]),
    )
    for (const l of lignes) {
      if (l.dimension !== dim) continue
      const c = parValeur.get(l.valeur) ?? {
        valeur: l.valeur,
        libelle: libelle(dim, l.valeur),
        activites: 0,
        personnes: 0,
        minutes: 0,
      }
      c.activites += l.activites
      c.personnes += l.personnes
      c.minutes += l.minutes
      parValeur.set(l.valeur, c)
    }
    repartitions[dim] = [...parValeur.values()]
  }
  const parMois = new Map(
    moisEntre(periode).map((m) => [m, { mois: m, activites: 0, personnes: 0, minutes: 0 }]),
  )
  const t = { activites: 0, personnes: 0, minutes: 0, beneficiaires: 0 }
  for (const l of lignes) {
    if (l.dimension !== 'total') continue
    t.activites += l.activites
    t.personnes += l.personnes
    t.minutes += l.minutes
    t.beneficiaires += l.beneficiaires
    const m = l.mois ? parMois.get(l.mois) : undefined
    if (m) {
      m.activites += l.activites
      m.personnes += l.personnes
      m.minutes += l.minutes
    }
  }
  const type = (v: string) => repartitions.type.find((c) => c.valeur === v) ?? { activites: 0, personnes: 0 }
  return {
    periode,
    totaux: {
      activites: t.activites,
      accompagnements: type('individuel').activites + type('ponctuel').activites,
      ateliers: type('collectif').activites,
      participants: type('collectif').personnes,
      personnes: t.personnes,
      beneficiaires: t.beneficiaires,
      heures: heures(t.minutes),
    },
    repartitions,
    serie: [...parMois.values()].map((m) => ({
      mois: m.mois,
      activites: m.activites,
      personnes: m.personnes,
      heures: heures(m.minutes),
    })),
  }
}

export const TITRES_REPARTITIONS: Record<Exclude<Dimension, 'total'>, string> = {
  type: 'Types d’activité',
  theme: 'Thèmes',
  lieu: 'Lieux',
  materiel: 'Matériel utilisé',
  niveau: 'Niveau des ateliers',
  autonomie: 'Autonomie atteinte',
  orientation: 'Orientations',
  age: 'Tranches d’âge',
  situation: 'Situations',
  duree: 'Durées',
}

/** Territory whose figures are shown: the caller's own scope or a part of it. */
export type Territoire =
  | { type: 'national' }
  | { type: 'region'; code: string }
  | { type: 'departement'; code: string }
  | { type: 'structure'; code: string }
  | { type: 'conseiller'; code: string }

export function territoireTexte(t: Territoire): string {
  return t.type === 'national' ? 'national' : `${t.type}:${t.code}`
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function lireTerritoire(brut: unknown): Territoire | undefined {
  if (typeof brut !== 'string' || brut.length > 80) return undefined
  if (brut === 'national') return { type: 'national' }
  const m = /^(region|departement|structure|conseiller):([0-9A-Za-z-]{1,64})$/.exec(brut)
  if (!m) return undefined
  // A conseiller is an account id: anything else names no one (and would not compare with a uuid column).
  if (m[1] === 'conseiller' && !UUID.test(m[2] as string)) return undefined
  return { type: m[1] as 'region', code: m[2] as string }
}
