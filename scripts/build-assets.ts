/**
 * Builds `public/build/`: purged DSFR bundles, the two Marianne files, referenced icons, client
 * islands, all hashed and precompressed, plus `manifest.json`. Runs before `npm start` and
 * `npm test`, so it must stay fast.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildAssets } from '../src/platform/assets/build'

const racine = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const debut = performance.now()
const resultat = await buildAssets({ rootDir: racine, outDir: path.join(racine, 'public', 'build') })

const ko = (n: number) => `${(n / 1024).toFixed(1)} Ko`
for (const b of resultat.bundles) {
  console.log(`css/${b.name}.css  ${ko(b.raw)} brut, ${ko(b.gzip)} gzip, ${ko(b.brotli)} brotli  → ${b.url}`)
}
for (const s of resultat.scripts) {
  console.log(`js/${s.name}.js  ${ko(s.raw)} brut, ${ko(s.gzip)} gzip  → ${s.url}`)
}
if (resultat.ignoredPrefixes.length > 0) {
  console.warn(
    `Attention : classes construites dynamiquement non conservées (préfixe trop large) : ${resultat.ignoredPrefixes.join(', ')}. ` +
      'Écrivez le nom complet de la classe (par exemple une icône) quelque part dans le code.',
  )
}
console.log(
  `${Object.keys(resultat.manifest).length} fichiers dans public/build en ${Math.round(performance.now() - debut)} ms`,
)
