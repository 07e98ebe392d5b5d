import path from 'node:path'
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify'
import type { Config } from './config'
import { seedDemo } from './demo/seed'
import {
  enregistrerActivites,
  lieuxOuLocaux,
  sourceTableauDeBordActivites,
  structureDeLaFicheSuivi,
} from './domains/activites'
import { enregistrerAdmin } from './domains/admin'
import { enregistrerAidants, porteesOrganisations, sourceTableauDeBordAidants } from './domains/aidants'
import {
  codeTotp,
  conseillersDesStructures,
  type DepsComptes,
  enregistrerComptes,
  portComptes,
  reserverPasTotp,
  trouverCompte,
} from './domains/comptes'
import {
  enregistrerDiagnostic,
  resultatsDiagnosticDeLaFiche,
  sourceTableauDeBordDiagnostic,
} from './domains/diagnostic'
import {
  enregistrerFormation,
  formationAidantsTerminee,
  inscrireConseiller,
  sourceTableauDeBordFormation,
} from './domains/formation'
import {
  DISPOSITIFS_PROGRAMMES_NATIONAUX,
  type DispositifProgrammeNational,
  enregistrerLieux,
  SERVICES,
  type Service,
  sourceTableauDeBordLieux,
} from './domains/lieux'
import {
  enregistrerRecrutement,
  porteesStructures,
  sourceTableauDeBordRecrutement,
  structuresDesDepartements,
  territoireDeStructure,
} from './domains/recrutement'
import { enregistrerSolidarite, sourceTableauDeBordSolidarite } from './domains/solidarite'
import { assetsPlugin, dossierConstruit, loadManifest } from './platform/assets/assets'
import type { Portee } from './platform/auth/roles'
import { creerCoffre } from './platform/coffre'
import { brancherAcceslibre } from './platform/connecteurs/acceslibre'
import { brancherAdresses } from './platform/connecteurs/adresses'
import { brancherEntreprises, type ConsulterEntreprises } from './platform/connecteurs/entreprises'
import { type Connecteur, modeConnecteur } from './platform/connecteurs/registre'
import { type Horloge, horlogeSysteme } from './platform/crypto'
import type { DatabaseHandle } from './platform/db/database'
import { erreurPourJournal } from './platform/db/erreurs'
import { ouvrirBase } from './platform/db/ouvrir-base'
import { DEPARTEMENTS, departementsDeRegion, REGIONS } from './platform/geo/territoires'
import { fluxLisible } from './platform/http/journal-lisible'
import { erreurDuRouteur, webPlugin } from './platform/http/web'
import { Navigation } from './platform/layout/navigation'
import { boiteMailRoutes } from './platform/outbox/boite-mail'
import { pagesRoutes } from './platform/pages/routes'
import { ouvrirPartage } from './platform/partage/partage'

export const VERSION = '0.1.0'
export const BUILD_DIR = path.resolve(import.meta.dirname, '../public/build')

export interface BuildOptions {
  /** An already-open database (tests hand in a fresh clone); otherwise opened from the config. */
  base?: DatabaseHandle
  horloge?: Horloge
  /** Pino destination for tests that inspect logs. */
  logStream?: NodeJS.WritableStream
  /** Sees every route as it is added (the authorization matrix lists the state-changing ones). */
  onRoute?: (route: RouteOptions) => void
}

// Opening the base is the platform's job; re-exported for the command-line tasks that import it from here.
export { ouvrirBase }

/** What every domain's wiring needs: the app being built, its configuration, base, clock and assets. */
interface Contexte {
  app: FastifyInstance
  config: Config
  base: DatabaseHandle
  horloge: Horloge
  deps: DepsComptes
  /** Absolute folder of this server's built assets. */
  dossierAssets: string
  manifest: ReturnType<typeof loadManifest>
}

/**
 * Builds the whole application: platform first, then each domain, explicitly and in order.
 * Starting a server is server.ts's job; tests call this and use `app.inject`.
 */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const base = options.base ?? (await ouvrirBase(config))
  await base.migrate()
  const horloge = options.horloge ?? horlogeSysteme

  const app = creerFastify(config, options)
  if (!options.base) app.addHook('onClose', () => base.close())
  const partage = await ouvrirPartage(config.redisUrl)
  app.addHook('onClose', () => partage.close())
  if (options.onRoute) app.addHook('onRoute', options.onRoute)

  // Resolved once: a later rebuild moves the `public/build` link, this server keeps its own files.
  const dossierAssets = dossierConstruit(BUILD_DIR)
  const manifest = loadManifest(dossierAssets)
  await app.register(assetsPlugin, { buildDir: dossierAssets })
  await app.register(webPlugin, {
    config,
    navigation: new Navigation(),
    cssUrl: (espace) => manifest.css(espace),
    asset: (nom) => manifest.file(nom),
    limitesDeDebit: partage.limitesDeDebit,
    // A ProConnect session ends at ProConnect: every page's logout form leads there.
    formulairesVers: config.proConnect?.issuer ? [config.proConnect.issuer] : [],
  })

  const deps: DepsComptes = {
    db: base.db,
    horloge,
    baseUrl: config.baseUrl,
    inactiviteParRole: config.sessionIdleMinutes,
  }
  await enregistrerDomaines({ app, config, base, horloge, deps, dossierAssets, manifest })
  if (config.simulateurs) await app.register(boiteMailRoutes, { db: base.db })

  if (config.demoData) await seedDemo(deps)
  return app
}

function creerFastify(config: Config, options: BuildOptions): FastifyInstance {
  return Fastify({
    logger: {
      level: config.logLevel,
      ...(options.logStream
        ? { stream: options.logStream }
        : config.formatJournal === 'lisible'
          ? { stream: fluxLisible(process.stdout) }
          : {}),
      // Personal data never reaches the logs: no bodies are logged, and these headers are masked.
      redact: {
        paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
        censor: '[masqué]',
      },
      serializers: {
        req: (req) => ({ method: req.method, url: masquerJetons(req.url) }),
        // Errors without the values of a failed statement nor the engine's quote of them. (Fastify's
        // type wants pino's own shape, with `message` and `stack`: ours leaves them out on purpose.)
        err: erreurPourJournal as (e: unknown) => never,
      },
    },
    trustProxy: config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    // The router's own errors (parameter too long, malformed URL) get the French page too.
    frameworkErrors: erreurDuRouteur,
  })
}

/** Every territory a role can be given: regions, départements, structures and organisations. */
const listerPorteesDe = (base: DatabaseHandle) => async (): Promise<Portee[]> => [
  ...REGIONS.map((r) => ({ type: 'region' as const, code: r.code, libelle: `Région ${r.nom}` })),
  ...DEPARTEMENTS.map((d) => ({
    type: 'departement' as const,
    code: d.code,
    libelle: `${d.code} — ${d.nom}`,
  })),
  ...(await porteesStructures(base.db)),
  ...(await porteesOrganisations(base.db)),
]

/** How each outside service is reached, for `/sante`: the real one, our simulator, or not at all. */
function connecteursDe(config: Config): Connecteur[] {
  return [
    { nom: 'proconnect', mode: modeConnecteur(!!config.proConnect, !!config.proConnect?.issuer) },
    { nom: 'franceconnect', mode: modeConnecteur(config.aidantsConnect, !!config.franceConnect.issuer) },
    { nom: 'smtp', mode: modeConnecteur(true, !!config.smtpUrl) },
  ]
}

/** The domains, in order: each receives the ports it needs from those registered before it. */
async function enregistrerDomaines(c: Contexte) {
  const { app, config, base, horloge, deps } = c
  const listerPortees = listerPorteesDe(base)
  const entreprises = await brancherEntreprises(app, {
    ...config.entreprises,
    simulateurs: config.simulateurs,
    journal: app.log,
  })
  const adresses = await brancherAdresses(app, {
    ...config.adresses,
    simulateurs: config.simulateurs,
    journal: app.log,
  })
  const acceslibre = await brancherAcceslibre(app, {
    ...config.acceslibre,
    simulateurs: config.simulateurs,
    journal: app.log,
  })
  await app.register(pagesRoutes, {
    base,
    version: VERSION,
    contactAccessibilite: config.contactAccessibilite,
    connecteurs: [
      ...connecteursDe(config),
      entreprises.connecteur,
      adresses.connecteur,
      acceslibre.connecteur,
    ],
  })
  await enregistrerComptes(app, {
    deps,
    demo: config.simulateurs,
    secureCookies: config.secureCookies,
    listerPortees,
    proConnect: config.proConnect,
    secret: config.sessionSecret,
    tableauDeBord: sourcesTableauDeBord(c),
  })
  await enregistrerAdmin(app, { comptes: portComptes(deps), db: base.db, listerPortees })
  const lieux = await enregistrerLieux(app, {
    db: base.db,
    horloge,
    baseUrl: config.baseUrl,
    connecteurs: { adresses: adresses.port, acceslibre: acceslibre.port },
  })
  await brancherDiagnostic(c, lieux)
  await brancherRecrutement(c, lieux, entreprises.port)
  await enregistrerFormation(app, {
    db: base.db,
    horloge,
    nomOrganisme: async (id) => (await territoireDeStructure(base.db, id))?.nom ?? '',
  })
  await brancherActivites(c, lieux)
  if (config.aidantsConnect) await brancherAidants(c, entreprises.port)
  if (config.solidarite)
    await enregistrerSolidarite(app, {
      db: base.db,
      horloge,
      coffre: creerCoffre(config.solidariteSecret, 'solidarite-telephones'),
      baseUrl: config.baseUrl,
      donneesDemo: config.demoData,
    })
}

type PortLieux = Awaited<ReturnType<typeof enregistrerLieux>>

/** Each domain's blocks on the home (`/espace`); the coordinator's needs structures and accounts. */
function sourcesTableauDeBord({ config, base }: Contexte) {
  const db = base.db
  // A region has a few hundred structures and conseillers at most: the bounds only guard the page.
  const port = {
    structuresDeLaRegion: (code: string) =>
      structuresDesDepartements(
        db,
        departementsDeRegion(code).map((d) => d.code),
        2000,
      ),
    conseillersDesStructures: (ids: readonly string[]) => conseillersDesStructures(db, ids, 2000),
  }
  return [
    sourceTableauDeBordActivites({ db, port }),
    sourceTableauDeBordDiagnostic({ db }),
    sourceTableauDeBordRecrutement({ db }),
    sourceTableauDeBordFormation({ db }),
    sourceTableauDeBordLieux(),
    ...(config.aidantsConnect ? [sourceTableauDeBordAidants({ db })] : []),
    ...(config.solidarite ? [sourceTableauDeBordSolidarite({ db })] : []),
  ]
}

async function brancherDiagnostic({ app, config, base, horloge }: Contexte, lieux: PortLieux) {
  await enregistrerDiagnostic(app, {
    db: base.db,
    horloge,
    baseUrl: config.baseUrl,
    trouverLieux: async (codeCommune, service, nombre, dispositif) => {
      const r = await lieux.lieuxLesPlusProches({
        codeCommune,
        nombre,
        ...(SERVICES.includes(service as Service) ? { service: service as Service } : {}),
        ...(DISPOSITIFS_PROGRAMMES_NATIONAUX.includes(dispositif as DispositifProgrammeNational)
          ? { dispositif: dispositif as DispositifProgrammeNational }
          : {}),
      })
      return r.ok ? r.value : []
    },
    structureDeLaFicheSuivi: (id) => structureDeLaFicheSuivi(base.db, id),
    ...(config.aidantsConnect ? { pageAidantsConnect: '/aidants' } : {}),
  })
}

async function brancherRecrutement(
  { app, base, horloge, deps }: Contexte,
  lieux: PortLieux,
  entreprises: ConsulterEntreprises,
) {
  await enregistrerRecrutement(app, {
    db: base.db,
    horloge,
    baseUrl: deps.baseUrl,
    comptes: portComptes(deps),
    lieux: {
      lieuxDuDepartement: async (code) =>
        (await lieux.lieuxDuDepartement(code)).map((l) => ({
          nom: l.nom,
          latitude: l.latitude,
          longitude: l.longitude,
          genre: l.franceServices ? 'france_services' : 'lieu',
        })),
    },
    inscrireEnFormation: inscrireConseiller,
    entreprises,
  })
}

async function brancherActivites(
  { app, base, horloge, dossierAssets, manifest }: Contexte,
  lieux: PortLieux,
) {
  const structuresActivites = { territoireDeStructure: (id: string) => territoireDeStructure(base.db, id) }
  await enregistrerActivites(app, {
    db: base.db,
    horloge,
    diagnostic: { resultatsDuBeneficiaire: (id) => resultatsDiagnosticDeLaFiche(base.db, id) },
    structures: structuresActivites,
    lieux: {
      lieuxDeLaStructure: lieuxOuLocaux(lieux.lieuxDeLaStructure, structuresActivites),
      franceServicesLaPlusProche: async (codeCommune) => {
        const r = await lieux.lieuxLesPlusProches({ codeCommune, dispositif: 'France Services', nombre: 1 })
        const fs = r.ok ? r.value[0] : undefined
        return fs && { id: fs.id, nom: fs.nom, commune: fs.commune, distanceKm: fs.distanceKm }
      },
    },
    fichierServiceWorker: () => {
      try {
        return path.join(dossierAssets, manifest.file('js/activites-sw.js').replace(/^\/assets\//, ''))
      } catch {
        return undefined
      }
    },
  })
}

async function brancherAidants(
  { app, config, base, horloge, deps }: Contexte,
  entreprises: ConsulterEntreprises,
) {
  await enregistrerAidants(app, {
    db: base.db,
    horloge,
    baseUrl: config.baseUrl,
    simulateurs: config.simulateurs,
    entreprises,
    secret: config.aidantsSecret,
    franceConnect: config.franceConnect,
    // Training recorded in `formation` opens habilitation; without a record the national team decides.
    formationTerminee: async (compteId) =>
      (await formationAidantsTerminee(base.db, compteId)) ? true : undefined,
    comptes: {
      trouver: (id) => trouverCompte(base.db, id),
      codeTotp,
      reserverPasTotp: (id, pas) => reserverPasTotp(base.db, id, pas),
    },
    portComptes: portComptes(deps),
  })
}

/**
 * One-time secrets travel in URLs (magic links, invitations), and query strings carry what people
 * type in search boxes (an e-mail address, a name): the access log keeps the path and the names of the
 * query parameters, never their values.
 */
function masquerJetons(url: string): string {
  const i = url.search(/[?#]/)
  const chemin = (i < 0 ? url : url.slice(0, i))
    .replace(/\/(lien|nouveau|invitation)\/[^/]+/g, '/$1/[masqué]')
    .replace(/\/etre-rappele\/demande\/[^/]+\/[^/]+/, '/etre-rappele/demande/[masqué]')
  if (i < 0 || url[i] === '#') return chemin
  const noms = url
    .slice(i + 1)
    .split('#')[0]!
    .split('&')
    .filter(Boolean)
    .map((p) => `${p.split('=')[0]!.slice(0, 40)}=[masqué]`)
  return `${chemin}?${noms.join('&')}`
}
