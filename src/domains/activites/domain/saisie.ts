import { z } from 'zod'
import type { SaisieActivite } from './activite'
import {
  AUTONOMIES,
  estThemeDemarche,
  MATERIELS,
  NIVEAUX,
  ORIENTATIONS,
  SITUATIONS,
  THEMES,
  TRANCHES_AGE,
  TYPES,
  TYPES_LIEU,
} from './vocabulaire'

/**
 * Rules of the activity form, shared by the HTML form and the offline sync (same field names, so a
 * queued form is replayed as is). Field paths are the input names: the error summary links to them.
 */

const CODE_COMMUNE = /^(\d{5}|2[AB]\d{3})$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i
export const DEBUT_PROGRAMME = '2020-01-01'
export const PARTICIPANTS_MAX = 200
export const DUREE_MAX = 12 * 60

const valeurs = <T extends { valeur: string }>(l: readonly T[]) =>
  l.map((o) => o.valeur) as [string, ...string[]]

/** A checkbox group arrives as nothing, one string or several. */
const liste = (v: unknown): unknown[] =>
  v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]
const texte = (v: unknown): string | undefined => (typeof v === 'string' ? v.trim() : undefined)
const vide = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '')

function entier(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v
  if (typeof v === 'string' && /^\s*\d{1,6}\s*$/.test(v)) return Number(v)
  return undefined
}

function dateValide(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

export type ErreursSaisie = Record<string, string>

export type ResultatSaisie = { ok: true; saisie: SaisieActivite } | { ok: false; erreurs: ErreursSaisie }

/** What every field-group reader shares: the wire object and the errors found so far. */
interface Lecture {
  b: Record<string, unknown>
  e: ErreursSaisie
}

/** A value among `permis`, or an error on `champ`. */
function choix<T extends string>(
  { b, e }: Lecture,
  champ: string,
  permis: readonly string[],
  message: string,
): T | undefined {
  const v = texte(b[champ])
  if (v === undefined || !permis.includes(v)) {
    e[champ] = message
    return undefined
  }
  return v as T
}

const choixFacultatif = <T extends string>(
  l: Lecture,
  champ: string,
  permis: readonly string[],
  message: string,
) => (vide(l.b[champ]) ? null : (choix<T>(l, champ, permis, message) ?? null))

/** The activity id: kept from the form (edit, offline replay) or a new one. */
function lireIdentifiant({ b, e }: Lecture, idParDefaut: () => string): string {
  const idBrut = texte(b.id)
  if (!idBrut) return idParDefaut()
  if (UUID.test(idBrut)) return idBrut.toLowerCase()
  e.id = 'Identifiant d’activité invalide : rechargez le formulaire.'
  return idParDefaut()
}

function lireDate({ b, e }: Lecture, aujourdhui: string): string {
  const date = texte(b.date) ?? ''
  if (!dateValide(date)) e.date = 'Date : saisissez une date valide, par exemple 2025-03-14.'
  else if (date < DEBUT_PROGRAMME)
    e.date = 'Date : l’activité ne peut pas être antérieure au 1er janvier 2020.'
  else if (date > aujourdhui) e.date = 'Date : l’activité ne peut pas être dans le futur.'
  return date
}

function lireDuree({ b, e }: Lecture): number | undefined {
  // A typed duration wins over the quick choice: the quick choice is pre-selected.
  const dureeAutre = vide(b.duree_autre) ? undefined : entier(b.duree_autre)
  const duree = dureeAutre ?? entier(b.duree)
  if (!vide(b.duree_autre) && dureeAutre === undefined)
    e.duree_autre = 'Durée : saisissez un nombre entier de minutes.'
  else if (duree === undefined || duree < 1 || duree > DUREE_MAX)
    e[vide(b.duree_autre) ? 'duree' : 'duree_autre'] =
      'Durée : indiquez une durée entre 1 minute et 12 heures.'
  return duree
}

/** Where it happened: one of the conseiller's places, or a home identified by its commune. */
function lireLieu(l: Lecture) {
  const { b, e } = l
  const lieuType = choix<SaisieActivite['lieuType']>(
    l,
    'lieu_type',
    valeurs(TYPES_LIEU),
    'Lieu : choisissez où a eu lieu l’activité.',
  )
  let lieuId: string | null = null
  let codeCommuneLieu: string | null = null
  if (lieuType === 'lieu_activite') {
    lieuId = texte(b.lieu_id) || null
    if (!lieuId || lieuId.length > 100) e.lieu_id = 'Lieu : choisissez un de vos lieux d’activité.'
  } else if (lieuType === 'domicile') {
    codeCommuneLieu = texte(b.commune_lieu) || null
    if (!codeCommuneLieu || !CODE_COMMUNE.test(codeCommuneLieu))
      e.commune_lieu = 'Commune du domicile : saisissez le nom ou le code postal de la commune.'
  }
  return { lieuType, lieuId, codeCommuneLieu }
}

/** A workshop's head count, level and title (an individual help has one participant and neither). */
function lireAtelier(l: Lecture, type: SaisieActivite['type'] | undefined) {
  const { b, e } = l
  let participants = 1
  let niveau: SaisieActivite['niveau'] = null
  let titre: string | null = null
  if (type === 'collectif') {
    const p = entier(b.participants)
    if (p === undefined || p < 1 || p > PARTICIPANTS_MAX)
      e.participants = `Nombre de participants : saisissez un nombre entre 1 et ${PARTICIPANTS_MAX}.`
    else participants = p
    niveau = choixFacultatif(l, 'niveau', valeurs(NIVEAUX), 'Niveau : choisissez un niveau de la liste.')
    titre = texte(b.titre) || null
    if (titre && titre.length > 120) e.titre = 'Titre de l’atelier : 120 caractères au plus.'
  }
  return { participants, niveau, titre }
}

/** The equipment used and the themes covered (at least one). */
function lireContenu({ b, e }: Lecture) {
  const materiels = liste(b.materiels)
  if (materiels.length > MATERIELS.length || materiels.some((m) => !valeurs(MATERIELS).includes(String(m))))
    e.materiels = 'Matériel : choisissez dans la liste.'
  else if (materiels.includes('aucun') && materiels.length > 1)
    e.materiels = 'Matériel : « Pas de matériel » ne se coche pas avec un autre matériel.'

  const themes = [...new Set(liste(b.themes).map(String))]
  if (themes.length === 0) e.themes = 'Thèmes : cochez au moins un thème.'
  else if (themes.length > THEMES.length || themes.some((t) => !valeurs(THEMES).includes(t)))
    e.themes = 'Thèmes : choisissez dans la liste.'
  return {
    materiels: materiels.map(String) as SaisieActivite['materiels'],
    themes: themes as SaisieActivite['themes'],
  }
}

/** The person's autonomy and where the conseiller sent them next. */
function lireSuite(l: Lecture) {
  const { b, e } = l
  const autonomie = choixFacultatif<NonNullable<SaisieActivite['autonomie']>>(
    l,
    'autonomie',
    valeurs(AUTONOMIES),
    'Autonomie : choisissez dans la liste.',
  )
  const orientation = vide(b.orientation)
    ? 'aucune'
    : (choix<SaisieActivite['orientation']>(
        l,
        'orientation',
        valeurs(ORIENTATIONS),
        'Orientation : choisissez dans la liste.',
      ) ?? 'aucune')
  const orientationPrecision = texte(b.orientation_precision) || null
  if (orientationPrecision && orientationPrecision.length > 120)
    e.orientation_precision = 'Précision de l’orientation : 120 caractères au plus.'
  const franceServicesId = orientation === 'france_services' ? texte(b.france_services_id) || null : null
  if (franceServicesId && franceServicesId.length > 100) e.france_services_id = 'France Services inconnue.'
  return { autonomie, orientation, orientationPrecision, franceServicesId }
}

/**
 * Workshops are anonymous: optional head counts per range, the rest is « non communiqué ».
 * Returns the counts by range, `nc` holding the participants not counted.
 */
function repartir(
  { b, e }: Lecture,
  prefixe: string,
  tranches: readonly string[],
  participants: number,
  libelle: string,
): Record<string, number> {
  const cible: Record<string, number> = {}
  let total = 0
  for (const v of tranches) {
    if (v === 'nc') continue
    const champ = `${prefixe}_${v}`
    if (vide(b[champ])) continue
    const n = entier(b[champ])
    if (n === undefined || n > PARTICIPANTS_MAX) {
      e[champ] = `${libelle} : saisissez un nombre entier de personnes.`
      continue
    }
    if (n > 0) cible[v] = n
    total += n
  }
  if (total > participants)
    e[`${prefixe}_${tranches[0]}`] = `${libelle} : le total dépasse le nombre de participants.`
  else if (participants - total > 0) cible.nc = participants - total
  return cible
}

/** Who was helped: counts per range for a workshop, one followed person (or none) otherwise. */
function lirePublic(l: Lecture, type: SaisieActivite['type'] | undefined, participants: number) {
  const { b, e } = l
  const codeCommuneBeneficiaire = texte(b.commune_beneficiaire) || null
  if (codeCommuneBeneficiaire && !CODE_COMMUNE.test(codeCommuneBeneficiaire))
    e.commune_beneficiaire = 'Commune de résidence : choisissez une commune dans la liste, ou laissez vide.'

  if (type === 'collectif') {
    return {
      codeCommuneBeneficiaire,
      beneficiaireId: null,
      ages: repartir(l, 'age', valeurs(TRANCHES_AGE), participants, 'Tranches d’âge'),
      situations: repartir(l, 'situation', valeurs(SITUATIONS), participants, 'Situations'),
    }
  }
  let beneficiaireId: string | null = null
  const bid = texte(b.beneficiaire_id)
  if (bid) {
    if (UUID.test(bid)) beneficiaireId = bid.toLowerCase()
    else e.beneficiaire_id = 'Bénéficiaire : choisissez une personne de votre liste de suivi.'
  }
  const ages: Record<string, number> = {}
  const situations: Record<string, number> = {}
  const age = vide(b.tranche_age)
    ? 'nc'
    : choix(l, 'tranche_age', valeurs(TRANCHES_AGE), 'Tranche d’âge : choisissez dans la liste.')
  const sit = vide(b.situation)
    ? 'nc'
    : choix(l, 'situation', valeurs(SITUATIONS), 'Situation : choisissez dans la liste.')
  if (age) ages[age] = 1
  if (sit) situations[sit] = 1
  return { codeCommuneBeneficiaire, beneficiaireId, ages, situations }
}

/**
 * Reads a wire object (urlencoded form or JSON of the offline queue). `aujourdhui` (YYYY-MM-DD)
 * bounds the date: an activity is reported after it happened. Never throws on any input.
 */
export function lireSaisie(brut: unknown, aujourdhui: string, idParDefaut: () => string): ResultatSaisie {
  const l: Lecture = { b: (brut && typeof brut === 'object' ? brut : {}) as Record<string, unknown>, e: {} }
  // Read in the form's order: the error summary lists the errors in that order.
  const id = lireIdentifiant(l, idParDefaut)
  const type = choix<SaisieActivite['type']>(
    l,
    'type',
    valeurs(TYPES),
    'Type : choisissez le type d’activité.',
  )
  const date = lireDate(l, aujourdhui)
  const duree = lireDuree(l)
  const lieu = lireLieu(l)
  const atelier = lireAtelier(l, type)
  const contenu = lireContenu(l)
  const suite = lireSuite(l)
  const publicAide = lirePublic(l, type, atelier.participants)

  const { e } = l
  if (Object.keys(e).length > 0 || !type || !lieu.lieuType || duree === undefined) {
    return { ok: false, erreurs: Object.keys(e).length > 0 ? e : { formulaire: 'Formulaire incomplet.' } }
  }
  return {
    ok: true,
    saisie: {
      id,
      date,
      type,
      duree,
      ...lieu,
      lieuType: lieu.lieuType,
      ...atelier,
      ...contenu,
      ...suite,
      ...publicAide,
    },
  }
}

/** True when the conseiller ticked a help with an administrative procedure but oriented nowhere. */
export function doitSuggererFranceServices(s: Pick<SaisieActivite, 'themes' | 'orientation'>): boolean {
  return s.themes.some(estThemeDemarche) && s.orientation === 'aucune'
}

/** The wire form of an activity (to pre-fill the edit and duplicate forms, same names as the form). */
export function versFormulaire(a: SaisieActivite): Record<string, string | string[]> {
  const f: Record<string, string | string[]> = {
    id: a.id,
    type: a.type,
    date: a.date,
    duree: String(a.duree),
    lieu_type: a.lieuType,
    lieu_id: a.lieuId ?? '',
    commune_lieu: a.codeCommuneLieu ?? '',
    participants: String(a.participants),
    niveau: a.niveau ?? '',
    titre: a.titre ?? '',
    materiels: a.materiels,
    themes: a.themes,
    autonomie: a.autonomie ?? '',
    orientation: a.orientation,
    orientation_precision: a.orientationPrecision ?? '',
    france_services_id: a.franceServicesId ?? '',
    commune_beneficiaire: a.codeCommuneBeneficiaire ?? '',
    beneficiaire_id: a.beneficiaireId ?? '',
  }
  if (a.type === 'collectif') {
    for (const [k, v] of Object.entries(a.ages)) if (k !== 'nc') f[`age_${k}`] = String(v)
    for (const [k, v] of Object.entries(a.situations)) if (k !== 'nc') f[`situation_${k}`] = String(v)
  } else {
    f.tranche_age = Object.keys(a.ages)[0] ?? 'nc'
    f.situation = Object.keys(a.situations)[0] ?? 'nc'
  }
  return f
}

export const schemaIdentifiant = z.string().regex(UUID)
