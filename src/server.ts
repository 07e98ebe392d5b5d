import cluster from 'node:cluster'
import { buildApp } from './app'
import { type Config, ConfigError, loadConfig } from './config'
import { attendreAssetsDuLanceur } from './platform/assets/assets'
import { ouvrirBase } from './platform/db/ouvrir-base'
import { envoyerEnAttente, expediteurSmtp } from './platform/outbox/outbox'

async function main() {
  let config: Config
  try {
    config = loadConfig()
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message)
      process.exit(1)
    }
    throw e
  }
  // `npm start` builds the assets meanwhile: opening the database (PGlite's first start creates it) overlaps.
  const assets = cluster.isPrimary ? attendreAssetsDuLanceur() : Promise.resolve()
  if (cluster.isPrimary && config.travailleurs > 1) return demarrerTravailleurs(config, assets)
  // A worker finds the database ready: the primary applied the migrations and loaded the demo data.
  const base = await ouvrirBase(config)
  await assets
  const app = await buildApp(cluster.isWorker ? { ...config, demoData: false } : config, { base })

  // Without SMTP, messages stay in the outbox and the demo mailbox shows them.
  let minuterie: NodeJS.Timeout | undefined
  if (config.smtpUrl) {
    const expediteur = expediteurSmtp(config.smtpUrl, config.mailFrom)
    minuterie = setInterval(() => {
      envoyerEnAttente(base.db, expediteur).catch((e) =>
        app.log.error({ err: { message: (e as Error).message } }, 'envoi des e-mails'),
      )
    }, 5_000)
  }

  const arreter = async (signal: string) => {
    app.log.info(`${signal} reçu, arrêt en cours`)
    if (minuterie) clearInterval(minuterie)
    await app.close()
    await base.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void arreter('SIGINT'))
  process.once('SIGTERM', () => void arreter('SIGTERM'))

  await app.listen({ port: config.port, host: config.host })
  app.log.info(`Escale prête sur ${config.baseUrl} (base ${base.kind}, mode ${config.mode})`)
}

/**
 * Several processes on one port (`WORKERS`, PostgreSQL only): Node runs JavaScript on one core per
 * process, and a 2-core server needs two to use both. The primary prepares the database once, then
 * starts the workers, restarts one that dies, and stops them all on SIGTERM. Workers share nothing but
 * the database (sessions, OpenID Connect state and the outbox live there; rate limits are per process,
 * see ADR 004).
 */
async function demarrerTravailleurs(config: Config, assets: Promise<void>) {
  const base = await ouvrirBase(config)
  await assets
  const preparation = await buildApp(config, { base })
  await preparation.ready()
  await preparation.close()
  await base.close()
  let arret = false
  // A worker's output is a pipe to this process: the log format is decided here, where the terminal is.
  const environnement = { LOG_FORMAT: config.formatJournal }
  for (let i = 0; i < config.travailleurs; i++) cluster.fork(environnement)
  cluster.on('exit', (travailleur, code, signal) => {
    if (arret) return
    console.error(`processus ${travailleur.process.pid} arrêté (${signal ?? code}), relancé`)
    cluster.fork(environnement)
  })
  const arreter = () => {
    arret = true
    const restants = Object.values(cluster.workers ?? {})
    if (restants.length === 0) process.exit(0)
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0)
    })
    for (const t of restants) t?.process.kill('SIGTERM')
  }
  process.once('SIGINT', arreter)
  process.once('SIGTERM', arreter)
  console.log(`Escale : ${config.travailleurs} processus sur le port ${config.port}`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
