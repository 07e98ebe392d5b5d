import { buildApp, ouvrirBase } from './app'
import { type Config, ConfigError, loadConfig } from './config'
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
  const base = await ouvrirBase(config)
  const app = await buildApp(config, { base })

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

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
