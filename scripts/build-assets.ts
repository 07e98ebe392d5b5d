/**
 * Builds the static assets from the TypeScript sources, for tools that run under tsx (bench/pages):
 * the same atomic, fingerprinted build as `npm run build:assets` (scripts/build.mjs, ADR 008).
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { construireSiBesoin, rapportDeConstruction } from '../src/platform/assets/build'

const racine = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const debut = performance.now()
const r = await construireSiBesoin({ rootDir: racine, force: process.argv.includes('--force') })
if (r.resultat)
  for (const ligne of rapportDeConstruction(r.resultat, performance.now() - debut)) console.log(ligne)
else console.log(`public/build à jour (empreinte ${r.empreinte})`)
