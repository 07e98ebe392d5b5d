import type { FastifyInstance } from 'fastify'
import { creerCache } from '../cache'
import { creerClientHttp, type JournalConnecteur } from '../client-http'
import type { Connecteur, ModeConnecteur } from '../registre'
import { cheminSimulateur, fetchParInjection, monterSimulateur } from '../simulateur'
import { creerAdaptateurAcceslibre } from './adaptateur'
import { acceslibreDesactive, type IssueAcceslibre, type LireAcceslibre } from './port'
import { simulateurAcceslibre } from './simulateur'

export type { IssueAcceslibre, LireAcceslibre, ResumeAcceslibre } from './port'

const NOM = 'acceslibre'

export const URL_API_ACCESLIBRE = 'https://acceslibre.beta.gouv.fr'

/**
 * The Acceslibre connector as configured: the real API with its key, our simulator (mounted on this
 * app, reached by injection), or disabled (the place's page shows the record's link alone). Answers
 * are kept an hour in memory in front of the domain's own cache (a week in the database).
 */
export async function brancherAcceslibre(
  app: FastifyInstance,
  o: {
    mode: ModeConnecteur
    url: string | undefined
    cle: string | undefined
    simulateurs: boolean
    journal?: JournalConnecteur
  },
): Promise<{ port: LireAcceslibre; connecteur: Connecteur }> {
  if (o.simulateurs) await monterSimulateur(app, NOM, simulateurAcceslibre)
  if (o.mode === 'desactive')
    return { port: acceslibreDesactive, connecteur: { nom: NOM, mode: 'desactive' } }
  const client = creerClientHttp({
    nom: NOM,
    baseUrl:
      o.mode === 'reel' ? (o.url ?? URL_API_ACCESLIBRE) : `http://simulateur.invalid${cheminSimulateur(NOM)}`,
    // A visitor is waiting for the place's page: 1.5 s per attempt, 2 attempts, then the link alone.
    delaiMs: 1500,
    tentatives: 2,
    ...(o.journal ? { journal: o.journal } : {}),
    ...(o.mode === 'simule' ? { fetch: fetchParInjection(app) } : {}),
  })
  const adaptateur = creerAdaptateurAcceslibre({
    client,
    cle: o.mode === 'simule' ? (o.cle ?? 'demo-simulateur') : o.cle,
  })
  const cache = creerCache<IssueAcceslibre>({ maxOctets: 1024 * 1024, dureeMs: 3600_000 })
  return {
    port: {
      async lire(identifiant) {
        const garde = cache.lire(identifiant)
        if (garde) return garde
        const r = await adaptateur.lire(identifiant)
        if (r.ok) cache.ecrire(identifiant, r)
        return r
      },
    },
    connecteur: { nom: NOM, mode: o.mode, etat: () => client.etat() },
  }
}
