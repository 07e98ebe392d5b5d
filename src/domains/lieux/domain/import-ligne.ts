import {
  type ContexteImport,
  type Lecture,
  lireCommune,
  lireContacts,
  lireCoordonnees,
  lireDateMaj,
  lireHorairesLigne,
  lireIdentite,
  lireListesFermees,
  lirePivot,
  lireTextesLibres,
  lireUrl,
  texteDe,
} from './import-champs'
import type { DonneesLieu, Probleme } from './lieu'
import { COLONNES_STANDARD, LIBELLES_CHAMPS } from './vocabulaires'

/**
 * One row of a file in the standard (CSV or JSON), read tolerantly: every problem is listed with its
 * field, a wrong optional value is left out (and reported) rather than failing the row, and a row is
 * rejected only when a required field of the standard is missing — reported too, never silently.
 */

export type { ContexteImport }

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

/** Column names: trimmed, lower-case, BOM removed; v0.1 names folded into v1 ones. */
function lireColonnes(
  brute: Record<string, unknown>,
  p: Lecture['p'],
): { r: Record<string, unknown>; v01: Record<string, string> } {
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
  return { r, v01 }
}

export function analyserLigne(
  brute: Record<string, unknown>,
  numero: number,
  ctx: ContexteImport,
): LigneAnalysee {
  const problemes: Probleme[] = []
  const p: Lecture['p'] = (champ, gravite, message) => {
    problemes.push({ champ, gravite, message })
  }
  const { r, v01 } = lireColonnes(brute, p)
  const l: Lecture = { r, t: (c) => texteDe(r[c]), p }

  // The order of the readings is the order of the problems in the report.
  const { idSource, nom, adresse } = lireIdentite(l)
  const { codePostal, codeInsee: codeLu, commune, communeTrouvee } = lireCommune(l, ctx)
  const pivot = lirePivot(l)
  const dateMaj = lireDateMaj(l, ctx.aujourdhui)
  const { latitude, longitude, origineCoordonnees } = lireCoordonnees(l, communeTrouvee)
  const codeInsee = codeLu ?? communeTrouvee?.code ?? null
  const {
    services,
    publics,
    prisesEnCharge,
    frais,
    itinerance,
    modalitesAcces,
    modalitesAccompagnement,
    dispositifs,
    formations,
    typologie,
  } = lireListesFermees(l, v01)
  const { courriels, siteWeb, telephone } = lireContacts(l, codePostal)
  const { horaires, horairesReconnus } = lireHorairesLigne(l)
  const { presentationResume, presentationDetail, autres, complement, structureParente, source } =
    lireTextesLibres(l, ctx)
  const ficheAccesLibre = lireUrl(l, 'fiche_acces_libre')
  const priseRdv = lireUrl(l, 'prise_rdv')

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
