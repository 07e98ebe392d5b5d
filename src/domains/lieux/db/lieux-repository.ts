import { and, count, desc, eq, getTableColumns, inArray, max } from 'drizzle-orm'
import type { Database } from '../../../platform/db/database'
import type { DonneesLieu, Lieu, PrecisionGeocodage, Probleme } from '../domain/lieu'
import { lieux, lieuxHistorique, lieuxImports } from './schema'

type LigneLieu = typeof lieux.$inferSelect

// The raw imported row stays in the database: the index does not need it, and it doubles the memory.
const { ligneBrute: _ligneBrute, creeLe: _creeLe, ...COLONNES_SANS_BRUT } = getTableColumns(lieux)

export function versLieu(r: Omit<LigneLieu, 'ligneBrute' | 'creeLe'>): Lieu {
  return {
    id: r.id,
    idSource: r.idSource,
    source: r.source,
    pivot: r.pivot,
    nom: r.nom,
    commune: r.commune,
    codePostal: r.codePostal,
    codeInsee: r.codeInsee,
    adresse: r.adresse,
    complementAdresse: r.complementAdresse,
    latitude: r.latitude,
    longitude: r.longitude,
    origineCoordonnees: r.origineCoordonnees as Lieu['origineCoordonnees'],
    typologie: r.typologie as Lieu['typologie'],
    telephone: r.telephone,
    courriels: r.courriels,
    siteWeb: r.siteWeb,
    horaires: r.horaires,
    horairesReconnus: r.horairesReconnus,
    presentationResume: r.presentationResume,
    presentationDetail: r.presentationDetail,
    itinerance: r.itinerance as Lieu['itinerance'],
    structureParente: r.structureParente,
    dateMaj: r.dateMaj,
    services: r.services as Lieu['services'],
    publicsSpecifiquementAdresses: r.publicsSpecifiquementAdresses as Lieu['publicsSpecifiquementAdresses'],
    priseEnChargeSpecifique: r.priseEnChargeSpecifique as Lieu['priseEnChargeSpecifique'],
    fraisACharge: r.fraisACharge as Lieu['fraisACharge'],
    dispositifProgrammesNationaux: r.dispositifProgrammesNationaux as Lieu['dispositifProgrammesNationaux'],
    formationsLabels: r.formationsLabels as Lieu['formationsLabels'],
    autresFormationsLabels: r.autresFormationsLabels,
    modalitesAcces: r.modalitesAcces as Lieu['modalitesAcces'],
    modalitesAccompagnement: r.modalitesAccompagnement as Lieu['modalitesAccompagnement'],
    ficheAccesLibre: r.ficheAccesLibre,
    priseRdv: r.priseRdv,
    structureId: r.structureId,
    problemes: r.problemes,
    modifieLe: r.modifieLe,
    precisionGeocodage: r.precisionGeocodage as Lieu['precisionGeocodage'],
    scoreGeocodage: r.scoreGeocodage,
  }
}

/** Changes whenever a place is added, changed or removed: the in-memory index compares it. */
export async function versionLieux(db: Database): Promise<string> {
  const [r] = await db.select({ n: count(), m: max(lieux.modifieLe) }).from(lieux)
  return `${r?.n ?? 0}:${r?.m ? new Date(r.m).getTime() : 0}`
}

export async function compterLieux(db: Database): Promise<number> {
  const [r] = await db.select({ n: count() }).from(lieux)
  return r?.n ?? 0
}

export async function tousLesLieux(db: Database): Promise<Lieu[]> {
  const rows = await db.select(COLONNES_SANS_BRUT).from(lieux)
  return rows.map(versLieu)
}

export async function trouverLieu(db: Database, id: string): Promise<Lieu | undefined> {
  const [r] = await db.select().from(lieux).where(eq(lieux.id, id))
  return r ? versLieu(r) : undefined
}

export async function ligneBruteDe(db: Database, id: string): Promise<Record<string, unknown> | null> {
  const [r] = await db.select({ b: lieux.ligneBrute }).from(lieux).where(eq(lieux.id, id))
  return r?.b ?? null
}

export async function lieuxParSource(
  db: Database,
  source: string,
  ids: readonly string[],
): Promise<Map<string, Lieu>> {
  const m = new Map<string, Lieu>()
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .select()
      .from(lieux)
      .where(and(eq(lieux.source, source), inArray(lieux.idSource, ids.slice(i, i + 1000) as string[])))
    for (const r of rows) m.set(r.idSource, versLieu(r))
  }
  return m
}

export interface NouvelleLigne {
  donnees: DonneesLieu
  problemes: Probleme[]
  ligneBrute: Record<string, unknown> | null
  structureId?: string | null
  /** Set when the address base placed the place (`origineCoordonnees` = `adresse`). */
  precisionGeocodage?: PrecisionGeocodage | null
  scoreGeocodage?: number | null
}

export async function insererLieux(
  db: Database,
  lignes: readonly NouvelleLigne[],
  le: Date,
): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < lignes.length; i += 300) {
    const rows = await db
      .insert(lieux)
      .values(
        lignes.slice(i, i + 300).map((l) => ({
          ...l.donnees,
          precisionGeocodage: l.precisionGeocodage ?? null,
          scoreGeocodage: l.scoreGeocodage ?? null,
          problemes: l.problemes,
          ligneBrute: l.ligneBrute,
          structureId: l.structureId ?? null,
          creeLe: le,
          modifieLe: le,
        })),
      )
      .returning({ id: lieux.id })
    ids.push(...rows.map((r) => r.id))
  }
  return ids
}

export async function mettreAJourLieu(
  db: Database,
  id: string,
  valeurs: Partial<DonneesLieu> & {
    precisionGeocodage?: PrecisionGeocodage | null
    scoreGeocodage?: number | null
    problemes?: Probleme[]
    ligneBrute?: Record<string, unknown> | null
    structureId?: string | null
  },
  le: Date,
): Promise<void> {
  await db
    .update(lieux)
    .set({ ...valeurs, modifieLe: le })
    .where(eq(lieux.id, id))
}

export async function ajouterHistorique(
  db: Database,
  entrees: readonly {
    lieuId: string
    acteurId: string | null
    origine: string
    changements: Record<string, { avant: unknown; apres: unknown }>
  }[],
  le: Date,
): Promise<void> {
  for (let i = 0; i < entrees.length; i += 500)
    await db.insert(lieuxHistorique).values(entrees.slice(i, i + 500).map((e) => ({ ...e, le })))
}

export async function historiqueDe(db: Database, lieuId: string, limite = 50) {
  return db
    .select()
    .from(lieuxHistorique)
    .where(eq(lieuxHistorique.lieuId, lieuId))
    .orderBy(desc(lieuxHistorique.le), desc(lieuxHistorique.id))
    .limit(limite)
}

export async function enregistrerImport(db: Database, i: typeof lieuxImports.$inferInsert): Promise<string> {
  const [r] = await db.insert(lieuxImports).values(i).returning({ id: lieuxImports.id })
  if (!r) throw new Error('import sans identifiant')
  return r.id
}

export async function trouverImport(db: Database, id: string) {
  const [r] = await db.select().from(lieuxImports).where(eq(lieuxImports.id, id))
  return r
}

export async function derniersImports(db: Database, limite = 20) {
  return db
    .select({
      id: lieuxImports.id,
      le: lieuxImports.le,
      fichier: lieuxImports.fichier,
      format: lieuxImports.format,
      lignes: lieuxImports.lignes,
      crees: lieuxImports.crees,
      misAJour: lieuxImports.misAJour,
      inchanges: lieuxImports.inchanges,
      rejetes: lieuxImports.rejetes,
    })
    .from(lieuxImports)
    .orderBy(desc(lieuxImports.le))
    .limit(limite)
}

/** The ids of the places of a postal code (demo data: the places of Gap given to its structure). */
export async function idsDuCodePostal(db: Database, codePostal: string): Promise<string[]> {
  const rows = await db.select({ id: lieux.id }).from(lieux).where(eq(lieux.codePostal, codePostal))
  return rows.map((r) => r.id)
}

export async function rattacherLieux(db: Database, ids: readonly string[], structureId: string, le: Date) {
  if (ids.length === 0) return
  await db
    .update(lieux)
    .set({ structureId, modifieLe: le })
    .where(inArray(lieux.id, ids as string[]))
}

/** Demo data: gives places an Acceslibre record (by their producer's id), as a manager would. */
export async function definirFichesAccesLibre(
  db: Database,
  fiches: Readonly<Record<string, string>>,
  le: Date,
) {
  for (const [idSource, url] of Object.entries(fiches))
    await db.update(lieux).set({ ficheAccesLibre: url, modifieLe: le }).where(eq(lieux.idSource, idSource))
}
