import ExcelJS from 'exceljs'
import { celluleSansFormule, ecrireCsv, type FormatCsv } from '../../../platform/csv'
import type { Activite } from '../domain/activite'
import { libelle } from '../domain/vocabulaire'
import type { VueStatistiques } from '../views/statistiques.page'

/** A count hidden by statistical secrecy reads « secret »; a text never goes out as a formula (also in XLSX). */
export function cellule(v: string | number | null): string | number {
  if (v === null) return 'secret'
  if (typeof v === 'number') return v
  return celluleSansFormule(v)
}

function lignesStatistiques(v: VueStatistiques): (string | number)[][] {
  const l: (string | number)[][] = []
  for (const t of v.totaux) l.push(['total', 'total', t.libelle, '', cellule(t.valeur), '', ''])
  for (const m of v.serie)
    l.push(['mois', 'mois', m.mois, m.mois, cellule(m.activites), cellule(m.personnes), cellule(m.heures)])
  for (const r of v.repartitions)
    for (const c of r.cellules)
      l.push([
        'repartition',
        r.dimension,
        c.valeur,
        c.libelle,
        cellule(c.activites),
        cellule(c.personnes),
        cellule(c.heures),
      ])
  for (const d of v.departements)
    l.push([
      'departement',
      'departement',
      d.code,
      d.nom,
      cellule(d.activites),
      cellule(d.personnes),
      cellule(d.heures),
    ])
  return l
}

const ENTETES_STATS = ['section', 'dimension', 'valeur', 'libelle', 'activites', 'personnes', 'heures']

export function statistiquesCsv(v: VueStatistiques, format?: FormatCsv): string {
  return ecrireCsv([ENTETES_STATS, ...lignesStatistiques(v)], { format })
}

export async function statistiquesXlsx(v: VueStatistiques, titre: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Escale'
  const cles = wb.addWorksheet('Chiffres clés')
  cles.addRow([titre])
  cles.addRow([`Du ${v.periode.du} au ${v.periode.au}`])
  cles.addRow([])
  for (const t of v.totaux) cles.addRow([t.libelle, cellule(t.valeur)])
  const mois = wb.addWorksheet('Par mois')
  mois.addRow(['Mois', 'Activités', 'Personnes accompagnées', 'Heures'])
  for (const m of v.serie)
    mois.addRow([m.mois, cellule(m.activites), cellule(m.personnes), cellule(m.heures)])
  const rep = wb.addWorksheet('Répartitions')
  rep.addRow(['Dimension', 'Valeur', 'Libellé', 'Activités', 'Personnes', 'Heures'])
  for (const r of v.repartitions)
    for (const c of r.cellules)
      rep.addRow([
        r.titre,
        c.valeur,
        c.libelle,
        cellule(c.activites),
        cellule(c.personnes),
        cellule(c.heures),
      ])
  if (v.departements.length > 0) {
    const dep = wb.addWorksheet('Départements')
    dep.addRow(['Code', 'Département', 'Activités', 'Personnes accompagnées', 'Heures'])
    for (const d of v.departements)
      dep.addRow([d.code, d.nom, cellule(d.activites), cellule(d.personnes), cellule(d.heures)])
  }
  for (const ws of wb.worksheets) ws.getRow(1).font = { bold: true }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** The conseiller's own activities, one row each (no personal data: the follow-up file is a bare id). */
export function activitesCsv(liste: readonly Activite[], format?: FormatCsv): string {
  const entetes = [
    'id',
    'date',
    'type',
    'duree_minutes',
    'lieu',
    'lieu_nom',
    'commune_lieu',
    'participants',
    'niveau',
    'titre',
    'materiels',
    'themes',
    'autonomie',
    'orientation',
    'tranches_age',
    'situations',
    'suivi',
  ]
  const lignes = liste.map((a) => [
    a.id,
    a.date,
    libelle('type', a.type),
    a.duree,
    libelle('lieu', a.lieuType),
    cellule(a.lieuNom ?? ''),
    a.codeCommuneLieu ?? '',
    a.participants,
    a.niveau ? libelle('niveau', a.niveau) : '',
    cellule(a.titre ?? ''),
    a.materiels.map((m) => libelle('materiel', m)).join(', '),
    a.themes.map((t) => libelle('theme', t)).join(', '),
    a.autonomie ? libelle('autonomie', a.autonomie) : '',
    libelle('orientation', a.orientation),
    Object.entries(a.ages)
      .map(([k, n]) => `${libelle('age', k)} : ${n}`)
      .join(', '),
    Object.entries(a.situations)
      .map(([k, n]) => `${libelle('situation', k)} : ${n}`)
      .join(', '),
    a.beneficiaireId ? 'oui' : 'non',
  ])
  return ecrireCsv([entetes, ...lignes], { format })
}
