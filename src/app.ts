import path from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import type { Config } from './config'
import { seedDemo } from './demo/seed'
import { enregistrerAdmin } from './domains/admin'
import { porteesOrganisations } from './domains/aidants'
import { type DepsComptes, enregistrerComptes } from './domains/comptes'
import { porteesStructures } from './domains/recrutement'
import { assetsPlugin, loadManifest } from './platform/assets/assets'
import type { Portee } from './platform/auth/roles'
import { type Horloge, horlogeSysteme } from './platform/crypto'
import { type DatabaseHandle, openDatabase } from './platform/db/database'
import { DEPARTEMENTS, REGIONS } from './platform/geo/territoires'
import { webPlugin } from './platform/http/web'
import { Navigation } from './platform/layout/navigation'
import { boiteMailRoutes } from './platform/outbox/boite-mail'
import { pagesRoutes } from './platform/pages/routes'

export const VERSION = '0.1.0'
export const BUILD_DIR = path.resolve(import.meta.dirname, '../public/build')

export interface BuildOptions {
  /** An already-open database (tests hand in a fresh clone); otherwise opened from the config. */
  base?: DatabaseHandle
  horloge?: Horloge
  /** Pino destination for tests that inspect logs. */
  logStream?: NodeJS.WritableStream
}

export async function ouvrirBase(config: Config): Promise<DatabaseHandle> {
  return config.databaseUrl
    ? openDatabase({ kind: 'postgresql', url: config.databaseUrl })
    : openDatabase({ kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') })
}

/**
 * Builds the whole application: platform first, then each domain, explicitly and in order.
 * Starting a server is server.ts's job; tests call this and use `app.inject`.
 */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const base = options.base ?? (await ouvrirBase(config))
  await base.migrate()
  const horloge = options.horloge ?? horlogeSysteme

  const app = Fastify({
    logger: {
      level: config.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
      // Personal data never reaches the logs: no bodies are logged, and these headers are masked.
      redact: {
        paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
        censor: '[masqué]',
      },
      serializers: {
        req: (req) => ({ method: req.method, url: masquerJetons(req.url) }),
      },
    },
    trustProxy: config.trustProxy,
    genReqId: () => crypto.randomUUID(),
  })
  if (!options.base) app.addHook('onClose', () => base.close())

  const manifest = loadManifest(BUILD_DIR)
  const navigation = new Navigation()
  await app.register(assetsPlugin, { buildDir: BUILD_DIR })
  await app.register(webPlugin, {
    config,
    navigation,
    cssUrl: (espace) => manifest.css(espace),
    asset: (nom) => manifest.file(nom),
  })

  const deps: DepsComptes = {
    db: base.db,
    horloge,
    baseUrl: config.baseUrl,
    inactiviteParRole: config.sessionIdleMinutes,
  }
  const listerPortees = async (): Promise<Portee[]> => [
    ...REGIONS.map((r) => ({ type: 'region' as const, code: r.code, libelle: `Région ${r.nom}` })),
    ...DEPARTEMENTS.map((d) => ({
      type: 'departement' as const,
      code: d.code,
      libelle: `${d.code} — ${d.nom}`,
    })),
    ...(await porteesStructures(base.db)),
    ...(await porteesOrganisations(base.db)),
  ]

  await app.register(pagesRoutes, { base, version: VERSION })
  await enregistrerComptes(app, {
    deps,
    demo: config.simulateurs,
    secureCookies: config.secureCookies,
    listerPortees,
  })
  await enregistrerAdmin(app, { deps, listerPortees })
  // ↓ domaine lieux : enregistrement ici
  // ↓ domaine diagnostic : enregistrement ici
  // ↓ domaine recrutement : enregistrement ici
  // ↓ domaine activites : enregistrement ici
  // ↓ domaine aidants : enregistrement ici
  if (config.simulateurs) await app.register(boiteMailRoutes, { db: base.db })

  if (config.demoData) await seedDemo(deps)
  return app
}

/** One-time secrets travel in URLs (magic links, invitations): they are cut from the logs. */
function masquerJetons(url: string): string {
  return url.replace(/\/(lien|nouveau|invitation)\/[^/?#]+/g, '/$1/[masqué]')
}
