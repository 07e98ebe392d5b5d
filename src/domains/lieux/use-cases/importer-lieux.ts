import type { Database } from '../../../platform/db/database'
import {
  ajouterHistorique,
  enregistrerImport,
  insererLieux,
  lieuxParSource,
  mettreAJourLieu,
  type NouvelleLigne,
} from '../db/lieux-repository'
import { ligneStandardFranceServices } from '../domain/france-services'
import { analyserLigne, colonnesInconnues, type LigneAnalysee } from '../domain/import-ligne'
import { type DonneesLieu, differences, type Lieu, type Probleme } from '../domain/lieu'
import type { DepsLieux } from './deps'
import { type Geocodage, geocoderEnLot, placer, SANS_GEOCODAGE } from './geocoder-lieux'
import { lireFichierLieux } from './lire-fichier'

export type StatutLigne = 'cree' | 'mis_a_jour' | 'inchange' | 'rejete'

export interface RapportImport {
  importId: string | null
  fichier: string
  format: string
  lignes: number
  crees: number
  misAJour: number
  inchanges: number
  rejetes: number
  /** Columns that are neither in the standard nor known v0.1 columns. */
  colonnesIgnorees: string[]
  /** Rows with at least one problem (every problem listed), and every rejected row. */
  details: {
    numero: number
    idSource: string | null
    nom: string | null
    statut: StatutLigne
    problemes: Probleme[]
  }[]
  /** Problems counted by field and severity, for the summary. */
  parChamp: Record<string, { erreur: number; avertissement: number; rejet: number }>
}

export type ResultatImport = { ok: true; rapport: RapportImport } | { ok: false; erreur: string }

export interface EntreeImport {
  contenu: Buffer
  fichier: string
  acteurId: string | null
  /** Source written on rows that have none (defaults to the file name). */
  source?: string
  /** Date of the France Services list when the file is one (YYYY-MM-DD). */
  dateListe?: string
  /** Places created by this import are managed by this structure. */
  structureId?: string | null
  /** Largest file read, in bytes (20 MB through the page; the command line reads the national file). */
  tailleMax?: number
}

const aujourdhui = (d: Date) => d.toISOString().slice(0, 10)

type LigneLue = LigneAnalysee & { brute: Record<string, unknown>; geocodage?: Geocodage }
type FichierLu = Extract<ReturnType<typeof lireFichierLieux>, { ok: true }>
type EntreeHistorique = Parameters<typeof ajouterHistorique>[1][number]

/** Every row analysed, a France Services list first converted to the standard (its warnings first). */
function analyserLignes(lu: FichierLu, e: EntreeImport, deps: DepsLieux, maintenant: Date): LigneLue[] {
  const dateListe =
    e.dateListe ?? /(20\d\d)(\d\d)(\d\d)/.exec(e.fichier)?.slice(1, 4).join('-') ?? aujourdhui(maintenant)
  const franceServices =
    lu.format === 'france-services'
      ? lu.lignes.map((l) =>
          ligneStandardFranceServices(l as Record<string, string>, dateListe, deps.communes),
        )
      : undefined
  const lignesStandard = franceServices ? franceServices.map((x) => x.ligne) : lu.lignes
  const ctx = {
    sourceParDefaut: e.source ?? e.fichier.replace(/\.[a-z]+$/i, ''),
    aujourdhui: aujourdhui(maintenant),
    localiserCommune: deps.communes.localiser,
  }
  // Row numbers as a person sees them in a spreadsheet: the header is row 1.
  return lignesStandard.map((brute, i) => {
    const a = analyserLigne(brute, lu.format === 'json' ? i + 1 : i + 2, ctx)
    a.problemes.unshift(...(franceServices?.[i]?.avertissements ?? []))
    return { ...a, brute: lu.lignes[i] ?? {} }
  })
}

const LIBELLES_PRECISION = {
  numero: 'au numéro',
  voie: 'à la voie',
  'lieu-dit': 'au lieu-dit',
  commune: 'à la commune seulement',
} as const

/**
 * Rows the file gives no point for (put at their commune's centre, or nowhere) are sent in one batch
 * to the address base, before the transaction: a row it places gets the base's point and precision
 * (`adresse`); the others keep the commune centre, « position approximative ».
 */
async function geocoderLesLignesSansPoint(deps: DepsLieux, analysees: LigneLue[]): Promise<void> {
  const sansPoint = analysees.flatMap((a, index) =>
    a.lieu && (a.lieu.origineCoordonnees === 'commune' || a.lieu.origineCoordonnees === 'aucune')
      ? [{ index, lieu: a.lieu }]
      : [],
  )
  const positions = await geocoderEnLot(deps.connecteurs?.adresses, sansPoint)
  for (const [index, p] of positions) {
    const a = analysees[index]
    if (!a?.lieu) continue
    const place = placer(a.lieu, p)
    a.lieu = place.donnees
    a.geocodage = place.geocodage
    // The report says where the point now comes from, instead of « centre de la commune retenu ».
    a.problemes = a.problemes.filter((x) => x.champ !== 'latitude')
    a.problemes.push({
      champ: 'latitude',
      gravite: 'avertissement',
      message: `pas de coordonnées : placé par la Base adresse nationale (${LIBELLES_PRECISION[p.precision]}, score ${p.score.toFixed(2).replace('.', ',')})`,
    })
  }
}

/** Two rows with the same id and source in one file: the second is refused, never merged silently. */
function refuserLesDoublons(analysees: LigneLue[]): void {
  const vus = new Map<string, number>()
  for (const a of analysees) {
    if (!a.lieu) continue
    const cle = `${a.lieu.source}\u0000${a.lieu.idSource}`
    const premier = vus.get(cle)
    if (premier !== undefined) {
      a.problemes.push({
        champ: 'id',
        gravite: 'rejet',
        message: `identifiant « ${a.lieu.idSource} » déjà présent ligne ${premier}`,
      })
      a.lieu = undefined
    } else vus.set(cle, a.numero)
  }
}

/** The stored places the file's rows match, by source then id. */
async function lieuxExistants(tx: Database, analysees: readonly LigneLue[]) {
  const parSource = new Map<string, string[]>()
  for (const a of analysees)
    if (a.lieu) parSource.set(a.lieu.source, [...(parSource.get(a.lieu.source) ?? []), a.lieu.idSource])
  const existants = new Map<string, Awaited<ReturnType<typeof lieuxParSource>>>()
  for (const [source, ids] of parSource) existants.set(source, await lieuxParSource(tx, source, ids))
  return existants
}

/** The changes of a row to a stored place, once a manager's manual position is set aside. */
function changementsDe(existant: Lieu, lieu: DonneesLieu) {
  const avant: DonneesLieu = existant
  const diff = differences(avant, lieu)
  // A manager's manual position, or one the address base found, survives re-imports of a file that
  // only has the commune centre.
  if (
    (existant.origineCoordonnees === 'saisie' || existant.origineCoordonnees === 'adresse') &&
    lieu.origineCoordonnees !== 'fichier'
  ) {
    delete diff.latitude
    delete diff.longitude
    delete diff.origineCoordonnees
  }
  return diff
}

/** The row's line in the report: its status counted, its problems listed and counted by field. */
function compterLigne(rapport: RapportImport, a: LigneLue, statut: StatutLigne): void {
  if (statut === 'cree') rapport.crees++
  else if (statut === 'mis_a_jour') rapport.misAJour++
  else if (statut === 'inchange') rapport.inchanges++
  else rapport.rejetes++
  if (a.problemes.length > 0 || statut === 'rejete')
    rapport.details.push({
      numero: a.numero,
      idSource: a.idSource ?? null,
      nom: a.nom ?? null,
      statut,
      problemes: a.problemes,
    })
  for (const p of a.problemes) {
    const c = rapport.parChamp[p.champ] ?? { erreur: 0, avertissement: 0, rejet: 0 }
    c[p.gravite]++
    rapport.parChamp[p.champ] = c
  }
}

/** Writes the rows in one transaction: updates at once, creations together, then history and the import. */
async function enregistrerLignes(
  tx: Database,
  analysees: readonly LigneLue[],
  rapport: RapportImport,
  e: EntreeImport,
  maintenant: Date,
): Promise<RapportImport> {
  const existants = await lieuxExistants(tx, analysees)
  const nouveaux: (NouvelleLigne & { a: LigneAnalysee })[] = []
  const historique: EntreeHistorique[] = []
  for (const a of analysees) {
    let statut: StatutLigne
    const existant = a.lieu && existants.get(a.lieu.source)?.get(a.lieu.idSource)
    if (!a.lieu) statut = 'rejete'
    else if (!existant) {
      statut = 'cree'
      nouveaux.push({
        donnees: a.lieu,
        problemes: a.problemes,
        ligneBrute: a.brute,
        structureId: e.structureId ?? null,
        ...a.geocodage,
        a,
      })
    } else {
      const diff = changementsDe(existant, a.lieu)
      if (Object.keys(diff).length === 0) statut = 'inchange'
      else {
        statut = 'mis_a_jour'
        const valeurs = Object.fromEntries(Object.keys(diff).map((k) => [k, a.lieu![k as keyof DonneesLieu]]))
        if ('origineCoordonnees' in diff) Object.assign(valeurs, a.geocodage ?? SANS_GEOCODAGE)
        await mettreAJourLieu(
          tx,
          existant.id,
          { ...valeurs, problemes: a.problemes, ligneBrute: a.brute },
          maintenant,
        )
        historique.push({
          lieuId: existant.id,
          acteurId: e.acteurId,
          origine: `import ${e.fichier}`,
          changements: diff,
        })
      }
    }
    compterLigne(rapport, a, statut)
  }
  const ids = await insererLieux(tx, nouveaux, maintenant)
  for (const id of ids)
    historique.push({ lieuId: id, acteurId: e.acteurId, origine: `import ${e.fichier}`, changements: {} })
  await ajouterHistorique(tx, historique, maintenant)
  rapport.importId = await enregistrerImport(tx, {
    acteurId: e.acteurId,
    fichier: e.fichier.slice(0, 250),
    format: rapport.format,
    lignes: rapport.lignes,
    crees: rapport.crees,
    misAJour: rapport.misAJour,
    inchanges: rapport.inchanges,
    rejetes: rapport.rejetes,
    rapport,
    le: maintenant,
  })
  return rapport
}

/**
 * Imports a file of places. Idempotent: a place is matched by its `id` and `source`; an unchanged row
 * changes nothing, a changed row updates the place and records the differences in its history. All
 * in one transaction: a failure leaves the database as it was.
 */
export const makeImporterLieux =
  (deps: DepsLieux) =>
  async (e: EntreeImport): Promise<ResultatImport> => {
    const lu = lireFichierLieux(e.contenu, e.fichier, e.tailleMax)
    if (!lu.ok) return { ok: false, erreur: lu.erreur }
    if (lu.lignes.length === 0) return { ok: false, erreur: 'Le fichier ne contient aucun lieu.' }
    if (lu.lignes.length > 100_000)
      return { ok: false, erreur: 'Le fichier contient plus de 100 000 lignes.' }
    const maintenant = deps.horloge()
    const analysees = analyserLignes(lu, e, deps, maintenant)
    const rapport: RapportImport = {
      importId: null,
      fichier: e.fichier,
      format: lu.format,
      lignes: analysees.length,
      crees: 0,
      misAJour: 0,
      inchanges: 0,
      rejetes: 0,
      colonnesIgnorees: lu.format === 'france-services' ? [] : colonnesInconnues(lu.colonnes),
      details: [],
      parChamp: {},
    }
    refuserLesDoublons(analysees)
    await geocoderLesLignesSansPoint(deps, analysees)
    const resultat = await deps.db.transaction((tx) =>
      enregistrerLignes(tx, analysees, rapport, e, maintenant),
    )
    deps.catalogue.invalider()
    return { ok: true, rapport: resultat }
  }
