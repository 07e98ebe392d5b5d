// Runs the scheduled jobs of Aidants Connect once: inactivity warnings and deactivations, mandate expiry
// reminders, purge of expired technical state, pseudonymisation of usagers past the retention period. Idempotent; meant for a daily cron on one instance.
//   npx tsx src/domains/aidants/cli/taches.ts
import { ouvrirBase } from '../../../app'
import { loadConfig } from '../../../config'
import { horlogeSysteme } from '../../../platform/crypto'
import { codeTotp, portComptes, reserverPasTotp, trouverCompte } from '../../comptes'
import { makeConsentementSms } from '../use-cases/consentement-sms'
import type { DepsAidants } from '../use-cases/deps'
import { makeTaches } from '../use-cases/taches'

const config = loadConfig()
const base = await ouvrirBase(config)
try {
  await base.migrate()
  const deps: DepsAidants = {
    db: base.db,
    horloge: horlogeSysteme,
    baseUrl: config.baseUrl,
    simulateurs: config.simulateurs,
    secret: config.aidantsSecret,
    franceConnect: config.franceConnect,
    formationTerminee: async () => undefined,
    comptes: {
      trouver: (id) => trouverCompte(base.db, id),
      codeTotp,
      reserverPasTotp: (id, pas) => reserverPasTotp(base.db, id, pas),
    },
    portComptes: portComptes({
      db: base.db,
      horloge: horlogeSysteme,
      baseUrl: config.baseUrl,
      inactiviteParRole: config.sessionIdleMinutes,
    }),
  }
  const taches = makeTaches(deps)
  const inactivite = await taches.traiterInactivite()
  const rappels = await taches.rappelerExpirations()
  await makeConsentementSms(deps).purger(horlogeSysteme())
  await taches.purgerEtatsExpires()
  const pseudonymises = await taches.purgerRetention()
  await taches.poserPointDeControle()
  console.log(
    `Inactivité : ${inactivite.avertis} aidant(s) averti(s), ${inactivite.desactives} désactivé(s). Rappels d’expiration : ${rappels} mandat(s). Usagers pseudonymisés (3 ans après leur dernier mandat) : ${pseudonymises}.`,
  )
} finally {
  await base.close()
}
