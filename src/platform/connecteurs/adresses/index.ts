import type { FastifyInstance } from 'fastify'
import { creerCache } from '../cache'
import { creerClientHttp, type JournalConnecteur } from '../client-http'
import type { Connecteur, ModeConnecteur } from '../registre'
import { cheminSimulateur, fetchParInjection, monterSimulateur } from '../simulateur'
import { creerAdaptateurAdresses } from './adaptateur'
import { adressesDesactivees, type GeocoderAdresses, type IssueGeocodage } from './port'
import { simulateurAdresses } from './simulateur'

export type {
  AdresseAGeocoder,
  GeocoderAdresses,
  IssueGeocodage,
  IssueLot,
  PositionGeocodee,
  PrecisionAdresse,
} from './port'

const NOM = 'adresses'

/** The real service's address (ADRESSES_API_URL overrides it, e.g. a self-hosted instance of the base). */
export const URL_API_ADRESSES = 'https://api-adresse.data.gouv.fr'

/**
 * The address-base connector as configured: the real base, our simulator (mounted on this app, reached
 * by injection), or disabled (places keep their commune centre). A single address's answer is kept a
 * day (a form sent twice asks once); batches are not cached.
 */
export async function brancherAdresses(
  app: FastifyInstance,
  o: { mode: ModeConnecteur; url: string | undefined; simulateurs: boolean; journal?: JournalConnecteur },
): Promise<{ port: GeocoderAdresses; connecteur: Connecteur }> {
  if (o.simulateurs) await monterSimulateur(app, NOM, simulateurAdresses)
  if (o.mode === 'desactive')
    return { port: adressesDesactivees, connecteur: { nom: NOM, mode: 'desactive' } }
  const client = creerClientHttp({
    nom: NOM,
    baseUrl:
      o.mode === 'reel' ? (o.url ?? URL_API_ADRESSES) : `http://simulateur.invalid${cheminSimulateur(NOM)}`,
    // A manager waits for the answer of their form: 2 s per attempt, 2 attempts. A batch of 5 000
    // addresses takes the base several seconds: the batch call below has its own client.
    delaiMs: 2000,
    tentatives: 2,
    ...(o.journal ? { journal: o.journal } : {}),
    ...(o.mode === 'simule' ? { fetch: fetchParInjection(app) } : {}),
  })
  const clientLot = creerClientHttp({
    nom: NOM,
    baseUrl:
      o.mode === 'reel' ? (o.url ?? URL_API_ADRESSES) : `http://simulateur.invalid${cheminSimulateur(NOM)}`,
    delaiMs: 60_000,
    tentatives: 3,
    pauseMs: 1000,
    ...(o.journal ? { journal: o.journal } : {}),
    ...(o.mode === 'simule' ? { fetch: fetchParInjection(app) } : {}),
  })
  const simple = creerAdaptateurAdresses({ client })
  const lot = creerAdaptateurAdresses({ client: clientLot })
  const cache = creerCache<IssueGeocodage>({ maxOctets: 2 * 1024 * 1024, dureeMs: 24 * 3600_000 })
  return {
    port: {
      async geocoder(a) {
        const cle = `${a.adresse}|${a.codePostal}|${a.commune}`
        const garde = cache.lire(cle)
        if (garde) return garde
        const r = await simple.geocoder(a)
        if (r.ok || r.raison === 'introuvable') cache.ecrire(cle, r)
        return r
      },
      geocoderLot: (adresses) => lot.geocoderLot(adresses),
    },
    connecteur: { nom: NOM, mode: o.mode, etat: () => client.etat() },
  }
}
