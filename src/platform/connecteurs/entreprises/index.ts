import type { FastifyInstance } from 'fastify'
import { creerClientHttp, type JournalConnecteur } from '../client-http'
import type { Connecteur, ModeConnecteur } from '../registre'
import { cheminSimulateur, fetchParInjection, monterSimulateur } from '../simulateur'
import { creerAdaptateurEntreprises } from './adaptateur'
import { type ConsulterEntreprises, registreDesactive } from './port'
import { simulateurEntreprises } from './simulateur'

export { secteurDeCategorieJuridique } from './nomenclatures'
export type { ConsulterEntreprises, EtablissementRegistre, ReponseRegistre } from './port'

const NOM = 'entreprises'

/**
 * The company-register connector as configured: the real service at `url`, our simulator (mounted on
 * this app, reached by injection), or disabled (every check waits for later).
 */
export async function brancherEntreprises(
  app: FastifyInstance,
  o: {
    mode: ModeConnecteur
    url: string | undefined
    /** Demo and tests: the simulator is served even when another URL is used. */
    simulateurs: boolean
    journal?: JournalConnecteur
  },
): Promise<{ port: ConsulterEntreprises; connecteur: Connecteur }> {
  if (o.simulateurs) await monterSimulateur(app, NOM, simulateurEntreprises)
  if (o.mode === 'desactive') return { port: registreDesactive, connecteur: { nom: NOM, mode: 'desactive' } }
  const client = creerClientHttp({
    nom: NOM,
    baseUrl: o.mode === 'reel' && o.url ? o.url : `http://simulateur.invalid${cheminSimulateur(NOM)}`,
    // The public service allows 7 calls a second per address: a form waits 2 s at most per attempt.
    delaiMs: 2000,
    tentatives: 2,
    ...(o.journal ? { journal: o.journal } : {}),
    ...(o.mode === 'simule' ? { fetch: fetchParInjection(app) } : {}),
  })
  return {
    port: creerAdaptateurEntreprises({ client }),
    connecteur: { nom: NOM, mode: o.mode, etat: () => client.etat() },
  }
}
