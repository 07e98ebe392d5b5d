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
  COLONNES_STANDARD,
  cleLibelle,
  LIBELLES_CHAMPS,
  reconnaitreLibelle,
  V01_LABELS_NATIONAUX,
  V01_PUBLICS,
} from './vocabulaires'

/**
 * One row of a file in the standard (CSV or JSON), read tolerantly: every problem is listed with its
 * field, a wrong optional value is left out (and reported) rather than failing the row, and a row is
 * rejected only when a required field of the standard is missing — reported too, never silently.
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

export interface LigneAnalysee {
  numero: number
  idSource: string | undefined
  nom: string | undefined
  /** undefined when the row is rejected. */
  lieu: DonneesLieu | undefined
  problemes: Probleme[]
}

/** v0.1 columns still found in files, and the v1 column they feed. */
const COLONNES_V01: Record<string, string> = {
  courriel: 'courriels',
  labels_autres: 'autres_formations_labels',
  conditions_acces: 'frais_a_charge',
  accessibilite: 'fiche_acces_libre',
  typologies: 'typologie',
}
/** Recognised but deliberately not imported. */
const COLONNES_IGNOREES = new Set(['cle_ban', 'publics_accueillis', 'labels_nationaux'])

const COLONNES_CONNUES = new Set<string>([
  ...COLONNES_STANDARD,
  ...Object.keys(COLONNES_V01),
  ...COLONNES_IGNOREES,
])

export function colonnesInconnues(colonnes: Iterable<string>): string[] {
  return [...colonnes].filter(
    (c) =>
      !COLONNES_CONNUES.has(
        c
          .trim()
          .toLowerCase()
          .replace(/^\uFEFF/, ''),
      ),
  )
}

function texteDe(v: unknown): string {
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

export function analyserLigne(
  brute: Record<string, unknown>,
  numero: number,
  ctx: ContexteImport,
): LigneAnalysee {
  const problemes: Probleme[] = []
  const p = (champ: string, gravite: Probleme['gravite'], message: string) =>
    problemes.push({ champ, gravite, message })

  // Column names: trimmed, lower-case, BOM removed; v0.1 names folded into v1 ones.
  const r: Record<string, unknown> = {}
  const v01: Record<string, string> = {}
  for (const [k, v] of Object.entries(brute ?? {})) {
    const cle = k
      .trim()
      .toLowerCase()
      .replace(/^\uFEFF/, '')
    if (COLONNES_IGNOREES.has(cle)) v01[cle] = texteDe(v)
    else if (COLONNES_V01[cle]) {
      const cible = COLONNES_V01[cle]!
      if (!texteDe(r[cible])) r[cible] = v
      if (texteDe(v)) p(cible, 'avertissement', `colonne « ${cle} » (schéma v0.1) lue comme « ${cible} »`)
    } else r[cle] = v
  }
  const t = (c: string) => texteDe(r[c])

  // ——— Required fields ———
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

  let pivot = t('pivot').replace(/\s/g, '')
  if (!pivot) {
    p('pivot', 'avertissement', 'SIRET ou RNA manquant : valeur d’attente 00000000000000')
    pivot = PIVOT_INCONNU
  } else if (!RE_PIVOT.test(pivot)) {
    p(
      'pivot',
      'erreur',
      `pivot « ${pivot} » invalide (SIRET de 14 chiffres ou RNA) : remplacé par 00000000000000`,
    )
    pivot = PIVOT_INCONNU
  } else if (pivot === PIVOT_INCONNU) p('pivot', 'avertissement', 'SIRET inconnu (00000000000000)')

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
    dateMaj = ctx.aujourdhui
  } else if (dateMaj === '1970-01-01')
    p('date_maj', 'avertissement', 'date de mise à jour inconnue (1970-01-01)')
  else if (dateMaj > ctx.aujourdhui)
    p('date_maj', 'avertissement', `date de mise à jour dans le futur (${dateMaj})`)

  // ——— Coordinates: the file's, else the commune centre ———
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
  if (!codeInsee && communeTrouvee) codeInsee = communeTrouvee.code

  // ——— Closed lists ———
  const listeFermee = (champ: ChampVocabulaire): string[] => {
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
  const services = listeFermee('services')
  const publics = listeFermee('publics_specifiquement_adresses')
  const prisesEnCharge = listeFermee('prise_en_charge_specifique')
  const frais = listeFermee('frais_a_charge')
  const itinerance = listeFermee('itinerance')
  const modalitesAcces = listeFermee('modalites_acces')
  const modalitesAccompagnement = listeFermee('modalites_accompagnement')
  const dispositifs = listeFermee('dispositif_programmes_nationaux')
  const formations = listeFermee('formations_labels')
  const typologie = listeFermee('typologie')

  // v0.1 leftovers, used only when the v1 column is empty.
  if (v01.labels_nationaux && dispositifs.length === 0) {
    for (const v of decouper(v01.labels_nationaux.replace(/;/g, '|')).valeurs) {
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
  if (v01.publics_accueillis && publics.length === 0) {
    const valeurs = decouper(v01.publics_accueillis.replace(/;/g, '|')).valeurs.map(cleLibelle)
    // A v0.1 place that welcomes « Adultes » is open to everyone: it has no *specific* public in v1.
    if (!valeurs.includes('adultes'))
      for (const v of valeurs) {
        const pub = V01_PUBLICS[v]
        if (pub && !publics.includes(pub)) publics.push(pub)
      }
  }
  if (services.length === 0)
    p('services', 'avertissement', 'aucun service : le lieu n’apparaîtra pas dans les recherches par service')

  // ——— Free lists and contacts ———
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
  const url = (champ: string): string | null => {
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
  let telephone: string | null = null
  if (t('telephone')) {
    telephone = normaliserTelephone(t('telephone'), codePostal) ?? null
    if (!telephone)
      p('telephone', 'erreur', `numéro « ${t('telephone')} » invalide (format +33… attendu) : ignoré`)
    else if (telephone !== t('telephone'))
      p('telephone', 'avertissement', `numéro écrit au format international : ${telephone}`)
  }

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
  const autres = decouper(t('autres_formations_labels'))
    .valeurs.map((v) => v.slice(0, 200))
    .slice(0, 30)
  const complement = t('complement_adresse').slice(0, 250) || null
  const structureParente = t('structure_parente').slice(0, 250) || null
  const source = (t('source') || ctx.sourceParDefaut).slice(0, 200)

  const ficheAccesLibre = url('fiche_acces_libre')
  const priseRdv = url('prise_rdv')

  const rejete = problemes.some((x) => x.gravite === 'rejet')
  const lieu: DonneesLieu | undefined =
    rejete || !idSource || !nom
      ? undefined
      : {
          idSource,
          source,
          pivot,
          nom,
          commune,
          codePostal,
          codeInsee,
          adresse,
          complementAdresse: complement,
          latitude,
          longitude,
          origineCoordonnees,
          typologie: typologie as DonneesLieu['typologie'],
          telephone,
          courriels,
          siteWeb,
          horaires,
          horairesReconnus,
          presentationResume,
          presentationDetail,
          itinerance: itinerance as DonneesLieu['itinerance'],
          structureParente,
          dateMaj,
          services: services as DonneesLieu['services'],
          publicsSpecifiquementAdresses: publics as DonneesLieu['publicsSpecifiquementAdresses'],
          priseEnChargeSpecifique: prisesEnCharge as DonneesLieu['priseEnChargeSpecifique'],
          fraisACharge: frais as DonneesLieu['fraisACharge'],
          dispositifProgrammesNationaux: dispositifs as DonneesLieu['dispositifProgrammesNationaux'],
          formationsLabels: formations as DonneesLieu['formationsLabels'],
          autresFormationsLabels: autres,
          modalitesAcces: modalitesAcces as DonneesLieu['modalitesAcces'],
          modalitesAccompagnement: modalitesAccompagnement as DonneesLieu['modalitesAccompagnement'],
          ficheAccesLibre,
          priseRdv,
        }
  return { numero, idSource, nom, lieu, problemes }
}

export function libelleChamp(champ: string): string {
  return LIBELLES_CHAMPS[champ] ?? champ
}
