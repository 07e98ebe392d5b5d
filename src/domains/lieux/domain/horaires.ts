/**
 * Opening hours in OSM `opening_hours` syntax, restricted to the subset real files of places use:
 * rules separated by `;`, optional `week 1-53/2` selector, days (`Mo-Fr`, `We,Sa`, `PH`), time ranges
 * (`09:00-12:00,14:00-18:30`), `off`, `24/7` and a trailing `"comment"`. Anything else is refused,
 * and the import keeps the raw text flagged « horaires non reconnus » rather than guess: telling
 * someone a place is open when it is not costs them a trip.
 *
 * Our own small parser rather than the `opening_hours` package at request time: "open now" is
 * evaluated for thousands of places per second, and a parsed weekly table is cheap to test. The
 * package stays as an oracle in the property tests.
 */

import { type DateLocale, dateLocale, decaler, joursFeries } from '../../../platform/calendrier'

export { type DateLocale, dateLocale, joursFeries }

export const JOURS_OSM = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const
export const NOMS_JOURS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const

/** Minutes since midnight, [debut, fin) with fin ≤ 1440. */
export type Plage = readonly [number, number]

export interface Regle {
  /** ISO weeks the rule applies to; undefined = every week. */
  semaines?: readonly { de: number; a: number; pas: number }[]
  /** 0 = Monday … 6 = Sunday; undefined = every day (unless `jourFerie`). */
  jours?: readonly number[]
  /** The rule selects public holidays (`PH`). */
  jourFerie: boolean
  /** Empty = closed (`off`). */
  plages: readonly Plage[]
  commentaire?: string
}

export interface Horaires {
  regles: readonly Regle[]
}

export type ResultatHoraires = { ok: true; horaires: Horaires } | { ok: false; erreur: string }

const RE_JOUR = /^(Mo|Tu|We|Th|Fr|Sa|Su)$/
const RE_HEURE = /^([01]\d|2[0-4]):([0-5]\d)$/

function minutes(h: string): number | undefined {
  const m = RE_HEURE.exec(h)
  if (!m) return undefined
  const v = Number(m[1]) * 60 + Number(m[2])
  return v > 1440 ? undefined : v
}

function lireJours(texte: string): { jours: number[]; ferie: boolean } | string {
  const jours = new Set<number>()
  let ferie = false
  for (const morceau of texte.split(',')) {
    if (morceau === 'PH') {
      ferie = true
      continue
    }
    const [a, b, ...reste] = morceau.split('-')
    if (reste.length > 0 || !a || !RE_JOUR.test(a) || (b !== undefined && !RE_JOUR.test(b)))
      return `jour non reconnu « ${morceau} » (attendu Mo, Tu, We, Th, Fr, Sa, Su ou PH)`
    const i = JOURS_OSM.indexOf(a as (typeof JOURS_OSM)[number])
    const j = b === undefined ? i : JOURS_OSM.indexOf(b as (typeof JOURS_OSM)[number])
    // `Fr-Mo` wraps over the weekend, as in OSM.
    for (let k = i; ; k = (k + 1) % 7) {
      jours.add(k)
      if (k === j) break
    }
  }
  return { jours: [...jours].sort((x, y) => x - y), ferie }
}

function lirePlages(texte: string): Plage[] | string {
  const plages: Plage[] = []
  for (const morceau of texte.split(',')) {
    const m = /^(\d\d:\d\d)-(\d\d:\d\d)$/.exec(morceau)
    if (!m) return `plage horaire non reconnue « ${morceau} » (attendu 09:00-12:00)`
    const debut = minutes(m[1]!)
    const fin = minutes(m[2]!)
    if (debut === undefined || fin === undefined) return `heure invalide dans « ${morceau} »`
    if (fin <= debut) return `la plage « ${morceau} » finit avant de commencer`
    plages.push([debut, fin])
  }
  // Overlapping or repeated ranges (`08:30-17:00,08:30-17:00`) mean their union, as in OSM.
  plages.sort((x, y) => x[0] - y[0])
  const fusion: Plage[] = []
  for (const p of plages) {
    const derniere = fusion[fusion.length - 1]
    if (derniere && p[0] <= derniere[1])
      fusion[fusion.length - 1] = [derniere[0], Math.max(derniere[1], p[1])]
    else fusion.push(p)
  }
  return fusion
}

function lireSemaines(texte: string): { de: number; a: number; pas: number }[] | string {
  const res: { de: number; a: number; pas: number }[] = []
  for (const morceau of texte.split(',')) {
    const m = /^(\d{1,2})(?:-(\d{1,2})(?:\/(\d{1,2}))?)?$/.exec(morceau)
    if (!m) return `semaines non reconnues « ${morceau} »`
    const de = Number(m[1])
    const a = m[2] ? Number(m[2]) : de
    const pas = m[3] ? Number(m[3]) : 1
    if (de < 1 || a > 53 || a < de || pas < 1) return `semaines invalides « ${morceau} »`
    res.push({ de, a, pas })
  }
  return res
}

function lireRegle(brute: string): Regle | string {
  let texte = brute.trim()
  let commentaire: string | undefined
  const c = /\s*"([^"]*)"$/.exec(texte)
  if (c) {
    commentaire = c[1]
    texte = texte.slice(0, c.index).trim()
  }
  if (texte === '24/7')
    return { jourFerie: false, plages: [[0, 1440]], ...(commentaire ? { commentaire } : {}) }
  const mots = texte.split(/\s+/).filter(Boolean)
  let semaines: { de: number; a: number; pas: number }[] | undefined
  if (mots[0] === 'week') {
    const s = lireSemaines(mots[1] ?? '')
    if (typeof s === 'string') return s
    semaines = s
    mots.splice(0, 2)
  }
  let jours: number[] | undefined
  let ferie = false
  if (mots[0] && /^(Mo|Tu|We|Th|Fr|Sa|Su|PH)/.test(mots[0])) {
    const j = lireJours(mots[0])
    if (typeof j === 'string') return j
    jours = j.jours.length > 0 ? j.jours : undefined
    ferie = j.ferie
    if (!jours && !ferie) return 'jours manquants'
    mots.shift()
  }
  let plages: Plage[]
  if (mots.length === 0) {
    // `Mo-Fr` alone means open all day in OSM; a rule with nothing at all is an error.
    if (!jours && !ferie && !semaines)
      return commentaire !== undefined ? 'règle sans jours ni heures' : 'règle vide'
    plages = [[0, 1440]]
  } else if (mots.length === 1 && (mots[0] === 'off' || mots[0] === 'closed')) plages = []
  else if (mots.length === 1) {
    const p = lirePlages(mots[0]!)
    if (typeof p === 'string') return p
    plages = p
  } else return `règle non reconnue « ${brute.trim()} »`
  if (!jours && !ferie && !semaines && plages.length === 0) return 'règle « off » sans jours'
  return {
    ...(semaines ? { semaines } : {}),
    ...(jours ? { jours } : {}),
    jourFerie: ferie,
    plages,
    ...(commentaire !== undefined ? { commentaire } : {}),
  }
}

export function lireHoraires(texte: string): ResultatHoraires {
  const t = texte.trim()
  if (!t) return { ok: false, erreur: 'horaires vides' }
  if (t.length > 500) return { ok: false, erreur: 'horaires trop longs' }
  const regles: Regle[] = []
  for (const brute of t.split(';')) {
    if (!brute.trim()) return { ok: false, erreur: 'règle vide entre deux « ; »' }
    const r = lireRegle(brute)
    if (typeof r === 'string') return { ok: false, erreur: r }
    regles.push(r)
  }
  return { ok: true, horaires: { regles } }
}

// ——— Calendar: local date in a place's time zone, ISO week, French public holidays ———

export function semaineIso(d: Pick<DateLocale, 'annee' | 'mois' | 'jourDuMois'>): number {
  const jeudi = new Date(Date.UTC(d.annee, d.mois - 1, d.jourDuMois))
  jeudi.setUTCDate(jeudi.getUTCDate() - ((jeudi.getUTCDay() + 6) % 7) + 3)
  const premierJanvier = Date.UTC(jeudi.getUTCFullYear(), 0, 1)
  return 1 + Math.floor((jeudi.getTime() - premierJanvier) / 86_400_000 / 7)
}

function regleApplique(r: Regle, d: DateLocale, ferie: boolean, semaine: number): boolean {
  if (
    r.semaines &&
    !r.semaines.some((s) => semaine >= s.de && semaine <= s.a && (semaine - s.de) % s.pas === 0)
  )
    return false
  if (r.jours === undefined && !r.jourFerie) return true
  return (r.jours?.includes(d.jourSemaine) ?? false) || (r.jourFerie && ferie)
}

/** What the rules need to know about a day, computed once per query for thousands of places. */
export interface Jour {
  date: DateLocale
  ferie: boolean
  semaine: number
}
export function jour(d: DateLocale): Jour {
  return { date: d, ferie: joursFeries(d.annee).has(`${d.mois}-${d.jourDuMois}`), semaine: semaineIso(d) }
}

export function plagesDuJourConnu(h: Horaires, j: Jour): readonly Plage[] {
  let plages: readonly Plage[] = []
  for (const r of h.regles) if (regleApplique(r, j.date, j.ferie, j.semaine)) plages = r.plages
  return plages
}

/** Time ranges of one local day: the last matching rule wins, as in OSM. */
export function plagesDuJour(h: Horaires, d: DateLocale): readonly Plage[] {
  const ferie = joursFeries(d.annee).has(`${d.mois}-${d.jourDuMois}`)
  const semaine = semaineIso(d)
  let plages: readonly Plage[] = []
  for (const r of h.regles) if (regleApplique(r, d, ferie, semaine)) plages = r.plages
  return plages
}

export interface EtatOuverture {
  ouvert: boolean
  /** When open: closing time today (minutes). */
  fermeA?: number
  /** When closed: next opening within 14 days. */
  prochaineOuverture?: { dansJours: number; jourSemaine: number; minutes: number }
}

export function etatOuverture(h: Horaires, instant: Date, fuseau: string): EtatOuverture {
  const maintenant = dateLocale(instant, fuseau)
  const plages = plagesDuJour(h, maintenant)
  const courante = plages.find(([a, b]) => maintenant.minutes >= a && maintenant.minutes < b)
  if (courante) {
    // Open until midnight and again from midnight: report the real closing time the next day.
    let fin = courante[1]
    if (fin === 1440) {
      const demain = plagesDuJour(h, decaler(maintenant, 1))
      if (demain[0]?.[0] === 0) fin = 1440 + demain[0][1]
    }
    return { ouvert: true, fermeA: fin }
  }
  const plusTard = plages.find(([a]) => a > maintenant.minutes)
  if (plusTard)
    return {
      ouvert: false,
      prochaineOuverture: { dansJours: 0, jourSemaine: maintenant.jourSemaine, minutes: plusTard[0] },
    }
  for (let j = 1; j <= 14; j++) {
    const d = decaler(maintenant, j)
    const p = plagesDuJour(h, d)[0]
    if (p)
      return {
        ouvert: false,
        prochaineOuverture: { dansJours: j, jourSemaine: d.jourSemaine, minutes: p[0] },
      }
  }
  return { ouvert: false }
}

export function estOuvert(h: Horaires, instant: Date, fuseau: string): boolean {
  const d = dateLocale(instant, fuseau)
  return plagesDuJour(h, d).some(([a, b]) => d.minutes >= a && d.minutes < b)
}

// ——— Plain French ———

/** 540 → « 9 h », 570 → « 9 h 30 », 1440 → « minuit ». */
export function heureEnFrancais(m: number): string {
  const mm = m % 1440
  if (m === 1440) return 'minuit'
  const h = Math.floor(mm / 60)
  const min = mm % 60
  return min === 0 ? `${h} h` : `${h} h ${String(min).padStart(2, '0')}`
}

export function phraseOuverture(e: EtatOuverture): string {
  if (e.ouvert) {
    if (e.fermeA === undefined) return 'Ouvert'
    if (e.fermeA >= 1440 && e.fermeA - 1440 >= 1440) return 'Ouvert 24 h sur 24'
    return `Ouvert jusqu’à ${heureEnFrancais(e.fermeA > 1440 ? e.fermeA - 1440 : e.fermeA)}`
  }
  const p = e.prochaineOuverture
  if (!p) return 'Fermé'
  const quand =
    p.dansJours === 0
      ? 'aujourd’hui'
      : p.dansJours === 1
        ? 'demain'
        : p.dansJours < 7
          ? NOMS_JOURS[p.jourSemaine]
          : `le ${NOMS_JOURS[p.jourSemaine]} suivant`
  return `Fermé, ouvre ${quand} à ${heureEnFrancais(p.minutes)}`
}

export function plagesEnFrancais(plages: readonly Plage[]): string {
  if (plages.length === 0) return 'fermé'
  return plages
    .map(([a, b]) =>
      a === 0 && b === 1440 ? 'toute la journée' : `de ${heureEnFrancais(a)} à ${heureEnFrancais(b)}`,
    )
    .join(', puis ')
}

/** The next seven days, as shown on a place page (weeks and public holidays included). */
export function semaineAVenir(
  h: Horaires,
  instant: Date,
  fuseau: string,
): { libelle: string; plages: readonly Plage[]; ferie: boolean }[] {
  const aujourdhui = dateLocale(instant, fuseau)
  return Array.from({ length: 7 }, (_, i) => {
    const d = decaler(aujourdhui, i)
    const ferie = joursFeries(d.annee).has(`${d.mois}-${d.jourDuMois}`)
    const nom = NOMS_JOURS[d.jourSemaine]!
    const libelle =
      i === 0
        ? `Aujourd’hui (${nom})`
        : i === 1
          ? `Demain (${nom})`
          : `${nom[0]!.toUpperCase()}${nom.slice(1)} ${d.jourDuMois}`
    return { libelle, plages: plagesDuJour(h, d), ferie }
  })
}

/** Time zone of a place from its postal code: overseas places are not on Paris time. */
export function fuseauHoraire(codePostal: string): string {
  const p3 = codePostal.slice(0, 3)
  switch (p3) {
    case '971':
    case '977':
    case '978':
      return 'America/Guadeloupe'
    case '972':
      return 'America/Martinique'
    case '973':
      return 'America/Cayenne'
    case '974':
      return 'Indian/Reunion'
    case '975':
      return 'America/Miquelon'
    case '976':
      return 'Indian/Mayotte'
    case '986':
      return 'Pacific/Wallis'
    case '987':
      return 'Pacific/Tahiti'
    case '988':
      return 'Pacific/Noumea'
    default:
      return 'Europe/Paris'
  }
}

// ——— Writing hours back (management form, France Services import) ———

function hhmm(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
}

/** A weekly table (index 0 = Monday) → `opening_hours`, grouping consecutive days with equal hours. */
export function ecrireHorairesSemaine(semaine: readonly (readonly Plage[])[]): string {
  const regles: string[] = []
  let i = 0
  while (i < 7) {
    const p = semaine[i] ?? []
    if (p.length === 0) {
      i++
      continue
    }
    const cle = p.map(([a, b]) => `${hhmm(a)}-${hhmm(b)}`).join(',')
    let j = i
    while (j + 1 < 7 && (semaine[j + 1] ?? []).map(([a, b]) => `${hhmm(a)}-${hhmm(b)}`).join(',') === cle) j++
    const jours =
      i === j
        ? JOURS_OSM[i]
        : j === i + 1
          ? `${JOURS_OSM[i]},${JOURS_OSM[j]}`
          : `${JOURS_OSM[i]}-${JOURS_OSM[j]}`
    regles.push(`${jours} ${cle}`)
    i = j + 1
  }
  return regles.join('; ')
}

/** The parsed hours of a place, or undefined when it has none or they are not recognised. */
export function lireHorairesOuRien(l: {
  horaires: string | null
  horairesReconnus: boolean
}): Horaires | undefined {
  if (!l.horaires || !l.horairesReconnus) return undefined
  const h = lireHoraires(l.horaires)
  return h.ok ? h.horaires : undefined
}
