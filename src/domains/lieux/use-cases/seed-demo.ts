import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Database } from '../../../platform/db/database'
import { DOSSIER_DONNEES, referentielCommunes } from '../../../platform/geo/referentiel-communes'
import {
  compterLieux,
  definirFichesAccesLibre,
  idsDuCodePostal,
  rattacherLieux,
} from '../db/lieux-repository'
import { creerCatalogueLieux } from './catalogue-lieux'
import { makeImporterLieux, type RapportImport } from './importer-lieux'

export const FICHIER_PACA =
  '20230517-hub-du-sud-lieux-de-mediation-numeriques-provence-alpes-cote-d-azur.json'
export const FICHIER_FRANCE_SERVICES = 'liste-fs-20221201.csv'

/**
 * Two places of Gap get an Acceslibre record the demo's simulator knows (fictional records): their page
 * shows the accessibility summary. The real file has no `fiche_acces_libre`.
 */
const FICHES_ACCES_LIBRE_DEMO = {
  'mediation-numerique-conseiller-numerique-62bd5f2f3e465606de19aaf0':
    'https://acceslibre.beta.gouv.fr/app/05-gap/a/centre-social/erp/maison-des-solidarites-gap-cezanne/',
  'mediation-numerique-conseiller-numerique-62a723a0fb528f06e3b3e27f':
    'https://acceslibre.beta.gouv.fr/app/05-gap/a/bibliotheque-mediatheque/erp/bibliotheque-departementale-des-hautes-alpes/',
}

/**
 * Demo data: the real places of Provence-Alpes-Côte d'Azur and the national France Services list,
 * imported through the same importer as any file. The places in Gap are given to the demo structure
 * « Médiathèque intercommunale de Gap » so that its manager has places to edit.
 * Runs only when the table is empty.
 */
export async function seedLieux(
  db: Database,
  o: { structureGap?: string; horloge?: () => Date } = {},
): Promise<RapportImport[] | undefined> {
  if ((await compterLieux(db)) > 0) return undefined
  const deps = {
    db,
    horloge: o.horloge ?? (() => new Date()),
    communes: referentielCommunes(),
    catalogue: creerCatalogueLieux(db),
  }
  const importer = makeImporterLieux(deps)
  const rapports: RapportImport[] = []
  for (const fichier of [FICHIER_PACA, FICHIER_FRANCE_SERVICES]) {
    const r = await importer({
      contenu: readFileSync(path.join(DOSSIER_DONNEES, fichier)),
      fichier,
      acteurId: null,
    })
    if (!r.ok) throw new Error(`données de démonstration ${fichier} : ${r.erreur}`)
    rapports.push(r.rapport)
  }
  await definirFichesAccesLibre(db, FICHES_ACCES_LIBRE_DEMO, deps.horloge())
  if (o.structureGap) {
    await rattacherLieux(db, await idsDuCodePostal(db, '05000'), o.structureGap, deps.horloge())
  }
  return rapports
}
