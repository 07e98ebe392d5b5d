import {
  fromSchemaLieuDeMediationNumerique,
  isValidCourriel,
  isValidTelephone,
  isValidUrl,
  type SchemaLieuMediationNumerique,
  toSchemaLieuMediationNumerique,
} from '@gouvfr-anct/lieux-de-mediation-numerique'
import type { DonneesLieu } from './lieu'
import { COLONNES_STANDARD } from './vocabulaires'

/**
 * Export in the standard, through the ANCT library (pinned 2.3.0): every row we publish is what the
 * national map reads. The library is stricter than our model in places (character whitelists,
 * phone patterns) and names one programme differently, so a value it refuses is left out of the
 * exported row — never the place — and the caller is told which.
 */

/** Standard v1.0.2 label → the ANCT library 2.3.0's spelling of the same programme. */
const DISPOSITIFS_POUR_LA_BIBLIOTHEQUE: Record<string, string> = {
  'Escale numérique (Emmaüs Connect)': 'Relais numérique (Emmaüs Connect)',
}

const joindre = (l: readonly string[]) => (l.length > 0 ? l.join('|') : undefined)

/** Our place → the CSV-row shape of the standard (lists `|`-joined), before the library's check. */
export function ligneStandard(l: DonneesLieu): SchemaLieuMediationNumerique {
  const r: Record<string, string | number | undefined> = {
    id: l.idSource,
    pivot: l.pivot,
    nom: l.nom,
    commune: l.commune,
    code_postal: l.codePostal,
    code_insee: l.codeInsee ?? undefined,
    adresse: l.adresse,
    complement_adresse: l.complementAdresse ?? undefined,
    latitude: l.latitude ?? undefined,
    longitude: l.longitude ?? undefined,
    typologie: joindre(l.typologie),
    telephone: l.telephone ?? undefined,
    courriels: joindre(l.courriels),
    site_web: joindre(l.siteWeb),
    horaires: l.horaires && l.horairesReconnus ? l.horaires : undefined,
    presentation_resume: l.presentationResume ?? undefined,
    presentation_detail: l.presentationDetail ?? undefined,
    source: l.source || undefined,
    itinerance: joindre(l.itinerance),
    structure_parente: l.structureParente ?? undefined,
    date_maj: l.dateMaj,
    services: joindre(l.services),
    publics_specifiquement_adresses: joindre(l.publicsSpecifiquementAdresses),
    prise_en_charge_specifique: joindre(l.priseEnChargeSpecifique),
    frais_a_charge: joindre(l.fraisACharge),
    dispositif_programmes_nationaux: joindre(
      l.dispositifProgrammesNationaux.map((d) => DISPOSITIFS_POUR_LA_BIBLIOTHEQUE[d] ?? d),
    ),
    formations_labels: joindre(l.formationsLabels),
    autres_formations_labels: joindre(l.autresFormationsLabels),
    modalites_acces: joindre(l.modalitesAcces),
    modalites_accompagnement: joindre(l.modalitesAccompagnement),
    fiche_acces_libre: l.ficheAccesLibre ?? undefined,
    prise_rdv: l.priseRdv ?? undefined,
  }
  for (const k of Object.keys(r)) if (r[k] === undefined || r[k] === '') delete r[k]
  // The library's character whitelist takes ’ but not its opening twin ‘ (« 8 grand ‘rue »).
  for (const k of ['nom', 'adresse', 'complement_adresse', 'commune'])
    if (typeof r[k] === 'string') r[k] = (r[k] as string).replace(/‘/g, '’')
  return r as unknown as SchemaLieuMediationNumerique
}

const CLE_VERS_COLONNES: Record<string, string[]> = {
  latitude: ['latitude', 'longitude'],
  longitude: ['latitude', 'longitude'],
  typologies: ['typologie'],
  courriel: ['courriels'],
  siret: ['pivot'],
  rna: ['pivot'],
}
const OBLIGATOIRES = new Set(['id', 'nom', 'commune', 'code_postal', 'voie', 'adresse', 'date_maj'])

export type LigneExportee =
  | { ok: true; ligne: SchemaLieuMediationNumerique; retires: string[] }
  | { ok: false; erreur: string }

/** One place → one row that `fromSchemaLieuDeMediationNumerique` accepts, or the reason it cannot be. */
export function exporterLieu(l: DonneesLieu): LigneExportee {
  const ligne = ligneStandard(l) as unknown as Record<string, string | number | undefined>
  const retires: string[] = []
  const filtrer = (col: string, ok: (v: string) => boolean) => {
    const v = ligne[col]
    if (typeof v !== 'string') return
    const gardes = v.split('|').filter(ok)
    if (gardes.length === v.split('|').length) return
    retires.push(col)
    if (gardes.length > 0) ligne[col] = gardes.join('|')
    else delete ligne[col]
  }
  filtrer('telephone', isValidTelephone)
  filtrer('courriels', isValidCourriel)
  filtrer('site_web', isValidUrl)
  filtrer('fiche_acces_libre', isValidUrl)
  filtrer('prise_rdv', isValidUrl)
  for (let essai = 0; essai < COLONNES_STANDARD.length; essai++) {
    try {
      const modele = fromSchemaLieuDeMediationNumerique(ligne as unknown as SchemaLieuMediationNumerique)
      return { ok: true, ligne: toSchemaLieuMediationNumerique(modele), retires }
    } catch (e) {
      const cle = String((e as { key?: unknown }).key ?? '')
      if (!cle || OBLIGATOIRES.has(cle))
        return { ok: false, erreur: `${cle || 'ligne'} : ${(e as Error).message}` }
      const colonnes = CLE_VERS_COLONNES[cle] ?? [cle]
      if (!colonnes.some((c) => c in ligne)) return { ok: false, erreur: `${cle} : ${(e as Error).message}` }
      if (cle === 'pivot' || cle === 'siret' || cle === 'rna') {
        ligne.pivot = '00000000000000'
      } else for (const c of colonnes) delete ligne[c]
      retires.push(...colonnes)
    }
  }
  return { ok: false, erreur: 'trop de champs refusés' }
}

/** Rows as strings in the standard's column order, all columns present (the README's file rule). */
export function ligneCsv(l: SchemaLieuMediationNumerique): string[] {
  const r = l as unknown as Record<string, string | number | undefined>
  return COLONNES_STANDARD.map((c) => (r[c] === undefined ? '' : String(r[c])))
}
