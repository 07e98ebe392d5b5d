// Runs the scheduled jobs of recruitment once: the SIRETs the company register could not check at filing
// are asked again (issue 19). Idempotent; meant for a daily cron on one instance.
//   npx tsx src/domains/recrutement/cli/taches.ts
import Fastify from 'fastify'
import { ouvrirBase } from '../../../app'
import { loadConfig } from '../../../config'
import { brancherEntreprises } from '../../../platform/connecteurs/entreprises'
import { horlogeSysteme } from '../../../platform/crypto'
import { makeReverifierRegistre } from '../use-cases/registre'

const config = loadConfig()
const base = await ouvrirBase(config)
// In demo the register is our simulator: served here by a server of its own, reached by injection.
const serveur = Fastify()
try {
  await base.migrate()
  const entreprises = await brancherEntreprises(serveur, {
    ...config.entreprises,
    simulateurs: config.simulateurs,
  })
  await serveur.ready()
  const bilan = await makeReverifierRegistre({
    db: base.db,
    horloge: horlogeSysteme,
    entreprises: entreprises.port,
  })()
  const nombre = (n: number, un: string, plusieurs: string) => `${n} ${n > 1 ? plusieurs : un}`
  console.log(
    `Registre des entreprises : ${nombre(bilan.verifiees, 'SIRET confirmé', 'SIRET confirmés')}, ${nombre(bilan.refusees, 'fermé ou inconnu', 'fermés ou inconnus')}, ${nombre(bilan.enAttente, 'encore sans réponse', 'encore sans réponse')}.`,
  )
} finally {
  await serveur.close()
  await base.close()
}
