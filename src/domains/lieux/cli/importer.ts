/**
 * Imports a file of places from the command line, with the same importer as the back-office page.
 *
 *   npx tsx src/domains/lieux/cli/importer.ts <fichier.csv|json> [--source=<source>] [--details]
 *
 * Uses the same database as the app (DATABASE_URL, else the embedded one in DATA_DIR), applies the
 * migrations, prints the report and exits 0 (import done, rejected rows included) or 1 (file refused).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { ouvrirBase } from '../../../app'
import { loadConfig } from '../../../config'
import { referentielCommunes } from '../../../platform/geo/referentiel-communes'
import { libelleChamp } from '../domain/import-ligne'
import { creerCatalogueLieux } from '../use-cases/catalogue-lieux'
import { makeImporterLieux } from '../use-cases/importer-lieux'

const args = process.argv.slice(2)
const fichier = args.find((a) => !a.startsWith('--'))
if (!fichier) {
  console.error(
    'Usage : npx tsx src/domains/lieux/cli/importer.ts <fichier.csv|json> [--source=<source>] [--details]',
  )
  process.exit(2)
}
const source = args.find((a) => a.startsWith('--source='))?.slice('--source='.length)
const base = await ouvrirBase(loadConfig())
try {
  await base.migrate()
  const importer = makeImporterLieux({
    db: base.db,
    horloge: () => new Date(),
    communes: referentielCommunes(),
    catalogue: creerCatalogueLieux(base.db),
  })
  const r = await importer({
    contenu: readFileSync(fichier),
    fichier: path.basename(fichier),
    acteurId: null,
    ...(source ? { source } : {}),
  })
  if (!r.ok) {
    console.error(`Fichier refusé : ${r.erreur}`)
    process.exitCode = 1
  } else {
    const x = r.rapport
    console.log(
      `${x.fichier} (${x.format}) : ${x.lignes} lignes — ${x.crees} créés, ${x.misAJour} mis à jour, ${x.inchanges} inchangés, ${x.rejetes} rejetés`,
    )
    if (x.colonnesIgnorees.length) console.log(`Colonnes ignorées : ${x.colonnesIgnorees.join(', ')}`)
    for (const [champ, c] of Object.entries(x.parChamp))
      console.log(
        `  ${libelleChamp(champ)} : ${c.rejet} rejet(s), ${c.erreur} valeur(s) écartée(s), ${c.avertissement} avertissement(s)`,
      )
    const lignes = args.includes('--details') ? x.details : x.details.filter((d) => d.statut === 'rejete')
    for (const d of lignes)
      console.log(
        `ligne ${d.numero} (${d.nom ?? d.idSource ?? 'sans nom'}) — ${d.statut} : ${d.problemes.map((p) => `${libelleChamp(p.champ)} : ${p.message}`).join(' ; ')}`,
      )
    console.log(`Rapport complet : /admin/lieux/imports/${x.importId}`)
  }
} finally {
  await base.close()
}
