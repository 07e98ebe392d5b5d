/**
 * Imports a file of places from the command line, with the same importer as the back-office page.
 *
 *   npx tsx src/domains/lieux/cli/importer.ts <fichier.csv|json> [--source=<source>] [--details] [--geocoder]
 *
 * `--geocoder`: the places the file gives no point for are placed by the national address base (one
 * batch request per 5 000 addresses; ADRESSES_API_URL, or the simulator in demo mode), else they keep
 * their commune centre.
 * Uses the same database as the app (DATABASE_URL, else the embedded one in DATA_DIR), applies the
 * migrations, prints the report and exits 0 (import done, rejected rows included) or 1 (file refused).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import Fastify from 'fastify'
import { ouvrirBase } from '../../../app'
import { loadConfig } from '../../../config'
import { brancherAdresses } from '../../../platform/connecteurs/adresses'
import { referentielCommunes } from '../../../platform/geo/referentiel-communes'
import { libelleChamp } from '../domain/import-ligne'
import { creerCatalogueLieux } from '../use-cases/catalogue-lieux'
import { makeImporterLieux } from '../use-cases/importer-lieux'

/** « 1 rejet », « 0 rejet », « 3 rejets » (French: 0 and 1 take the singular). */
const nombre = (n: number, singulier: string, pluriel = `${singulier}s`) =>
  `${n.toLocaleString('fr-FR')} ${n > 1 ? pluriel : singulier}`

const debut = performance.now()
const args = process.argv.slice(2)
const fichier = args.find((a) => !a.startsWith('--'))
if (!fichier) {
  console.error(
    'Usage : npx tsx src/domains/lieux/cli/importer.ts <fichier.csv|json> [--source=<source>] [--details]',
  )
  process.exit(2)
}
const source = args.find((a) => a.startsWith('--source='))?.slice('--source='.length)
const config = loadConfig()
const base = await ouvrirBase(config)
// The connector needs an app only to mount the simulator (demo mode); nothing listens.
const appConnecteurs = Fastify({ logger: false })
try {
  await base.migrate()
  const adresses = args.includes('--geocoder')
    ? (await brancherAdresses(appConnecteurs, { ...config.adresses, simulateurs: config.simulateurs })).port
    : undefined
  await appConnecteurs.ready()
  if (args.includes('--geocoder') && config.adresses.mode === 'desactive')
    console.log('Base adresse nationale non configurée (ADRESSES_API_URL) : centres des communes gardés.')
  const importer = makeImporterLieux({
    db: base.db,
    horloge: () => new Date(),
    communes: referentielCommunes(),
    catalogue: creerCatalogueLieux(base.db),
    ...(adresses ? { connecteurs: { adresses } } : {}),
  })
  const r = await importer({
    contenu: readFileSync(fichier),
    fichier: path.basename(fichier),
    acteurId: null,
    ...(source ? { source } : {}),
    // The whole country's file (about 25 000 places, 20 to 40 MB) is read here, not through the page.
    tailleMax: 512 * 1024 * 1024,
  })
  if (!r.ok) {
    console.error(`Fichier refusé : ${r.erreur}`)
    process.exitCode = 1
  } else {
    const x = r.rapport
    console.log(
      `${x.fichier} (${x.format}) : ${nombre(x.lignes, 'ligne')} — ${nombre(x.crees, 'lieu créé', 'lieux créés')}, ${nombre(x.misAJour, 'mis à jour', 'mis à jour')}, ${nombre(x.inchanges, 'inchangé')}, ${nombre(x.rejetes, 'rejeté')}`,
    )
    if (x.colonnesIgnorees.length) console.log(`Colonnes ignorées : ${x.colonnesIgnorees.join(', ')}`)
    for (const [champ, c] of Object.entries(x.parChamp))
      console.log(
        `  ${libelleChamp(champ)} : ${nombre(c.rejet, 'rejet')}, ${nombre(c.erreur, 'valeur écartée', 'valeurs écartées')}, ${nombre(c.avertissement, 'avertissement')}`,
      )
    const lignes = args.includes('--details') ? x.details : x.details.filter((d) => d.statut === 'rejete')
    for (const d of lignes)
      console.log(
        `ligne ${d.numero} (${d.nom ?? d.idSource ?? 'sans nom'}) — ${d.statut} : ${d.problemes.map((p) => `${libelleChamp(p.champ)} : ${p.message}`).join(' ; ')}`,
      )
    console.log(`Rapport complet : /admin/lieux/imports/${x.importId}`)
    console.log(`Durée : ${((performance.now() - debut) / 1000).toFixed(1).replace('.', ',')} s`)
  }
} finally {
  await appConnecteurs.close()
  await base.close()
}
