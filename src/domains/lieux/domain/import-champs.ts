import type { Commune } from '../../../platform/geo/communes'
import { lireHoraires } from './horaires'
import {
  type DonneesLieu,
  estCourriel,
  estDateValide,
  normaliserTelephone,
  normaliserUrl,
  PIVOT_INCONNU,
  type Probleme,
  RE_CODE_INSEE,
  RE_CODE_POSTAL,
  RE_PIVOT,
} from './lieu'
import {
  type ChampVocabulaire,
  cleLibelle,
  reconnaitreLibelle,
  V01_LABELS_NATIONAUX,
  V01_PUBLICS,
} from './vocabulaires'

/**
 * The readers of one row of an import (see import-ligne.ts), one per group of fields: each returns the
 * values kept and reports every problem of its fields, in the order of the fields.
 */

export interface ContexteImport {
  /** Used when the row has no `source`. */
  sourceParDefaut: string
  /** YYYY-MM-DD, used when `date_maj` is missing or invalid. */
  aujourdhui: string
  localiserCommune(a: {
    codeInsee?: string | null
    codePostal?: string
    commune?: string
  }): Commune | undefined
}

export function texteDe(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v.trim()
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (Array.isArray(v)) return v.map(texteDe).join('|')
  return ''
}

/** Lists are `|`-separated since v1.0; v0.1 used `;` (and the standard's README still says so). */
function decouper(v: string): { valeurs: string[]; pointVirgule: boolean } {
  if (!v) return { valeurs: [], pointVirgule: false }
  const pointVirgule = !v.includes('|') && v.includes(';')
  const valeurs = v
    .split(pointVirgule ? ';' : '|')
    .map((x) => x.trim())
    .filter(Boolean)
  return { valeurs, pointVirgule }
}

const nombre = (v: unknown): number | undefined => {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined
  const s = texteDe(v).replace(',', '.')
  if (!s || !/^-?\d+(\.\d+)?$/.test(s)) return undefined
  return Number(s)
}

/** A row being read: its cells by normalised column name, and where its problems go. */
export interface Lecture {
  r: Record<string, unknown>
  /** The cell's text, trimmed ('' when absent). */
  t(colonne: string): string
  p(champ: string, gravite: Probleme['gravite'], message: string): void
}

/** Required fields: id, name, address. */
export function lireIdentite({ t, p }: Lecture) {
  let idSource: string | undefined = t('id') || undefined
  if (!idSource)
    p(
      'id',
      'rejet',
      'identifiant manquant : obligatoire pour mettre à jour le lieu lors d’un prochain import',
    )
  else if (idSource.length > 200) {
    p('id', 'rejet', 'identifiant trop long (200 caractères au plus)')
    idSource = undefined
  }
  const nom = t('nom').replace(/\s+/g, ' ') || undefined
  if (!nom) p('nom', 'rejet', 'nom manquant')
  else if (nom.length > 250) p('nom', 'rejet', 'nom trop long (250 caractères au plus)')
  const adresse = t('adresse').replace(/\s+/g, ' ')
  if (!adresse) p('adresse', 'rejet', 'adresse manquante')
  else if (adresse.length > 250) p('adresse', 'rejet', 'adresse trop longue (250 caractères au plus)')
  return { idSource, nom, adresse }
}

/** Postal code, INSEE code and commune (required), completed from the commune found by them. */
export function lireCommune({ t, p }: Lecture, ctx: Pick<ContexteImport, 'localiserCommune'>) {
  let codePostal = t('code_postal')
  // Spreadsheets drop the leading zero of 01000–09999.
  if (/^\d{4}$/.test(codePostal)) {
    p('code_postal', 'avertissement', `code postal « ${codePostal} » complété par un zéro initial`)
    codePostal = `0${codePostal}`
  }
  let codeInsee: string | null = t('code_insee') || null
  if (codeInsee && /^\d{4}$/.test(codeInsee)) codeInsee = `0${codeInsee}`
  if (codeInsee && !RE_CODE_INSEE.test(codeInsee)) {
    p(
      'code_insee',
      'erreur',
      `code INSEE « ${codeInsee} » invalide (5 caractères, par exemple 13055 ou 2A004) : ignoré`,
    )
    codeInsee = null
  }
  let commune = t('commune').replace(/\s+/g, ' ')
  const communeTrouvee =
    codePostal || codeInsee || commune ? ctx.localiserCommune({ codeInsee, codePostal, commune }) : undefined
  if (!commune && communeTrouvee) {
    commune = communeTrouvee.nom
    p('commune', 'avertissement', `commune manquante : « ${commune} » déduite du code`)
  }
  if (!commune) p('commune', 'rejet', 'commune manquante')
  if (!codePostal) p('code_postal', 'rejet', 'code postal manquant')
  else if (!RE_CODE_POSTAL.test(codePostal))
    p('code_postal', 'rejet', `code postal « ${codePostal} » invalide (5 chiffres)`)
  return { codePostal, codeInsee, commune, communeTrouvee }
}

/** SIRET or RNA; the standard's placeholder when missing or invalid. */
export function lirePivot({ t, p }: Lecture): string {
  const pivot = t('pivot').replace(/\s/g, '')
  if (!pivot) {
    p('pivot', 'avertissement', 'SIRET ou RNA manquant : valeur d’attente 00000000000000')
    return PIVOT_INCONNU
  }
  if (!RE_PIVOT.test(pivot)) {
    p(
      'pivot',
      'erreur',
      `pivot « ${pivot} » invalide (SIRET de 14 chiffres ou RNA) : remplacé par 00000000000000`,
    )
    return PIVOT_INCONNU
  }
  if (pivot === PIVOT_INCONNU) p('pivot', 'avertissement', 'SIRET inconnu (00000000000000)')
  return pivot
}

/** YYYY-MM-DD, also read from an ISO timestamp or DD/MM/YYYY; the import's date when unreadable. */
export function lireDateMaj({ t, p }: Lecture, aujourdhui: string): string {
  let dateMaj = t('date_maj')
  if (/^\d{4}-\d{2}-\d{2}T/.test(dateMaj)) dateMaj = dateMaj.slice(0, 10)
  const fr = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(dateMaj)
  if (fr) dateMaj = `${fr[3]}-${fr[2]}-${fr[1]}`
  if (!dateMaj || !estDateValide(dateMaj)) {
    p(
      'date_maj',
      'erreur',
      `date de mise à jour ${dateMaj ? `« ${dateMaj} » invalide` : 'manquante'} : date de l’import retenue`,
    )
    return aujourdhui
  }
  if (dateMaj === '1970-01-01') p('date_maj', 'avertissement', 'date de mise à jour inconnue (1970-01-01)')
  else if (dateMaj > aujourdhui)
    p('date_maj', 'avertissement', `date de mise à jour dans le futur (${dateMaj})`)
  return dateMaj
}

/** Coordinates: the file's, else the commune centre. */
export function lireCoordonnees({ r, t, p }: Lecture, communeTrouvee: Commune | undefined) {
  let latitude: number | null = nombre(r.latitude) ?? null
  let longitude: number | null = nombre(r.longitude) ?? null
  let origineCoordonnees: DonneesLieu['origineCoordonnees'] = 'fichier'
  if ((t('latitude') || t('longitude')) && (latitude === null || longitude === null)) {
    p('latitude', 'erreur', 'coordonnées illisibles : ignorées')
    latitude = longitude = null
  }
  if (
    latitude !== null &&
    longitude !== null &&
    (Math.abs(latitude) > 90 || Math.abs(longitude) > 180 || (latitude === 0 && longitude === 0))
  ) {
    p('latitude', 'erreur', `coordonnées hors limites (${latitude}, ${longitude}) : ignorées`)
    latitude = longitude = null
  }
  if (latitude === null || longitude === null) {
    if (communeTrouvee) {
      latitude = communeTrouvee.latitude
      longitude = communeTrouvee.longitude
      origineCoordonnees = 'commune'
      p('latitude', 'avertissement', `pas de coordonnées : centre de la commune ${communeTrouvee.nom} retenu`)
    } else {
      latitude = longitude = null
      origineCoordonnees = 'aucune'
      p(
        'latitude',
        'erreur',
        'pas de coordonnées et commune introuvable : le lieu n’apparaîtra pas dans les recherches par distance',
      )
    }
  }
  return { latitude, longitude, origineCoordonnees }
}

/** One closed list of the standard: unknown values left out, v0.1 labels converted, duplicates removed. */
function lireListeFermee({ t, p }: Lecture, champ: ChampVocabulaire): string[] {
  const { valeurs, pointVirgule } = decouper(t(champ))
  if (pointVirgule && valeurs.length > 1)
    p(champ, 'avertissement', 'liste séparée par « ; » (schéma v0.1) : lue comme « | »')
  const res: string[] = []
  for (const v of valeurs) {
    const l = reconnaitreLibelle(champ, v)
    if (!l) p(champ, 'erreur', `valeur « ${v} » inconnue du standard : ignorée`)
    else {
      if (l.v01) p(champ, 'avertissement', `« ${v} » (libellé v0.1) converti en « ${l.valeur} »`)
      if (!res.includes(l.valeur)) res.push(l.valeur)
    }
  }
  return res
}

/** Every closed list, with the v0.1 leftovers used only when the v1 column is empty. */
export function lireListesFermees(l: Lecture, v01: Record<string, string>) {
  const listes = {
    services: lireListeFermee(l, 'services'),
    publics: lireListeFermee(l, 'publics_specifiquement_adresses'),
    prisesEnCharge: lireListeFermee(l, 'prise_en_charge_specifique'),
    frais: lireListeFermee(l, 'frais_a_charge'),
    itinerance: lireListeFermee(l, 'itinerance'),
    modalitesAcces: lireListeFermee(l, 'modalites_acces'),
    modalitesAccompagnement: lireListeFermee(l, 'modalites_accompagnement'),
    dispositifs: lireListeFermee(l, 'dispositif_programmes_nationaux'),
    formations: lireListeFermee(l, 'formations_labels'),
    typologie: lireListeFermee(l, 'typologie'),
  }
  if (v01.labels_nationaux && listes.dispositifs.length === 0)
    convertirLabelsNationaux(l, v01.labels_nationaux, listes.dispositifs)
  if (v01.publics_accueillis && listes.publics.length === 0)
    convertirPublicsAccueillis(v01.publics_accueillis, listes.publics)
  if (listes.services.length === 0)
    l.p(
      'services',
      'avertissement',
      'aucun service : le lieu n’apparaîtra pas dans les recherches par service',
    )
  return listes
}

/** v0.1 `labels_nationaux` into `dispositifs` (empty). */
function convertirLabelsNationaux({ p }: Lecture, labels: string, dispositifs: string[]) {
  for (const v of decouper(labels.replace(/;/g, '|')).valeurs) {
    const d = V01_LABELS_NATIONAUX[cleLibelle(v)]
    if (d && !dispositifs.includes(d)) dispositifs.push(d)
    else if (!d)
      p(
        'dispositif_programmes_nationaux',
        'avertissement',
        `label national v0.1 « ${v} » sans équivalent : ignoré`,
      )
  }
  if (dispositifs.length > 0)
    p(
      'dispositif_programmes_nationaux',
      'avertissement',
      `labels_nationaux (v0.1) convertis : ${dispositifs.join(', ')}`,
    )
}

/** v0.1 `publics_accueillis` into `publics` (empty). */
function convertirPublicsAccueillis(publicsAccueillis: string, publics: string[]) {
  const valeurs = decouper(publicsAccueillis.replace(/;/g, '|')).valeurs.map(cleLibelle)
  // A v0.1 place that welcomes « Adultes » is open to everyone: it has no *specific* public in v1.
  if (valeurs.includes('adultes')) return
  for (const v of valeurs) {
    const pub = V01_PUBLICS[v]
    if (pub && !publics.includes(pub)) publics.push(pub)
  }
}

/** E-mails, websites and phone number: invalid ones left out, reported. */
export function lireContacts({ t, p }: Lecture, codePostal: string) {
  const courriels: string[] = []
  for (const c of t('courriels')
    .split(/[|;,\s]+/)
    .filter(Boolean)) {
    if (estCourriel(c)) courriels.push(c)
    else p('courriels', 'erreur', `adresse e-mail « ${c} » invalide : ignorée`)
  }
  const siteWeb: string[] = []
  for (const u of decouper(t('site_web')).valeurs) {
    const n = normaliserUrl(u)
    if (!n) p('site_web', 'erreur', `adresse web « ${u} » invalide : ignorée`)
    else {
      if (n.complete) p('site_web', 'avertissement', `« ${u} » complétée en ${n.url}`)
      siteWeb.push(n.url)
    }
  }
  let telephone: string | null = null
  if (t('telephone')) {
    telephone = normaliserTelephone(t('telephone'), codePostal) ?? null
    if (!telephone)
      p('telephone', 'erreur', `numéro « ${t('telephone')} » invalide (format +33… attendu) : ignoré`)
    else if (telephone !== t('telephone'))
      p('telephone', 'avertissement', `numéro écrit au format international : ${telephone}`)
  }
  return { courriels, siteWeb, telephone }
}

/** One web address field; null when empty or invalid. */
export function lireUrl({ t, p }: Lecture, champ: string): string | null {
  const v = t(champ)
  if (!v) return null
  const n = normaliserUrl(v)
  if (!n) {
    p(champ, 'erreur', `adresse web « ${v} » invalide : ignorée`)
    return null
  }
  if (n.complete) p(champ, 'avertissement', `« ${v} » complétée en ${n.url}`)
  return n.url
}

/** Opening hours: kept as written even when not recognised (then flagged), dropped when too long. */
export function lireHorairesLigne({ t, p }: Lecture) {
  let horaires: string | null = t('horaires') || null
  let horairesReconnus = true
  if (horaires) {
    if (horaires.length > 500) {
      p('horaires', 'erreur', 'horaires trop longs (500 caractères au plus) : ignorés')
      horaires = null
    } else {
      const h = lireHoraires(horaires)
      if (!h.ok) {
        horairesReconnus = false
        p('horaires', 'erreur', `horaires non reconnus (${h.erreur}) : conservés tels quels`)
      }
    }
  }
  return { horaires, horairesReconnus }
}

/** Free texts, cut to the standard's lengths. */
export function lireTextesLibres({ t, p }: Lecture, ctx: Pick<ContexteImport, 'sourceParDefaut'>) {
  let presentationResume: string | null = t('presentation_resume') || null
  if (presentationResume && presentationResume.length > 280) {
    p(
      'presentation_resume',
      'erreur',
      `présentation courte de ${presentationResume.length} caractères (280 au plus) : coupée`,
    )
    presentationResume = `${presentationResume.slice(0, 279)}…`
  }
  let presentationDetail: string | null = t('presentation_detail') || null
  if (presentationDetail && presentationDetail.length > 5000) {
    p('presentation_detail', 'erreur', 'présentation détaillée de plus de 5 000 caractères : coupée')
    presentationDetail = `${presentationDetail.slice(0, 4999)}…`
  }
  return {
    presentationResume,
    presentationDetail,
    autres: decouper(t('autres_formations_labels'))
      .valeurs.map((v) => v.slice(0, 200))
      .slice(0, 30),
    complement: t('complement_adresse').slice(0, 250) || null,
    structureParente: t('structure_parente').slice(0, 250) || null,
    source: (t('source') || ctx.sourceParDefaut).slice(0, 200),
  }
}
