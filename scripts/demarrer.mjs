#!/usr/bin/env node
/**
 * `npm start`: the quick start on a fresh clone (ADR 008). Compiles the server if its sources changed,
 * starts the compiled server, and builds the assets meanwhile if theirs changed: the server opens (and
 * on a first start creates) its database while the stylesheets are purged and compressed, and waits for
 * them before it builds the application. The server runs in its own process group: Ctrl-C reaches this
 * launcher only, which asks the server once to stop cleanly, then exits with its code.
 */
import { fork } from 'node:child_process'
import path from 'node:path'
import { construireAssets, construireServeur, DIST, RACINE } from './build.mjs'

await construireServeur()
const serveur = fork(path.join(DIST, 'server.js'), process.argv.slice(2), {
  cwd: RACINE,
  execArgv: ['--enable-source-maps'],
  env: { ...process.env, ESCALE_ATTENDRE_ASSETS: '1' },
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  detached: true,
})

let arret = false
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
  process.on(signal, () => {
    if (arret) return
    arret = true
    serveur.kill('SIGTERM')
  })
serveur.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))

const attente = new Promise((resolve) => serveur.on('message', (m) => m === 'attente-assets' && resolve()))
try {
  const assets = await construireAssets()
  for (const ligne of assets.rapport) console.log(ligne)
} catch (e) {
  console.error('Construction des fichiers statiques impossible :', e)
  arret = true
  serveur.kill('SIGTERM')
  process.exitCode = 1
}
if (!arret) {
  await attente
  serveur.send('assets-prets')
  // The launcher only forwards signals from now on.
  serveur.channel?.unref()
}
