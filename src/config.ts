import { z } from 'zod'
import { lireTuiles, type TuilesCarte } from './platform/geo/tuiles'

/**
 * The whole environment contract of Escale. Every variable is documented in `.env.example`.
 * `loadConfig` is the only place that reads `process.env`.
 */

const ROLES_IDLE = [
  'candidat',
  'conseiller',
  'gestionnaire',
  'aidant',
  'referent',
  'prefecture',
  'coordinateur',
  'admin',
  'formateur',
  'mediateur',
  'defaut',
] as const

const booleen = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true')

/** "admin=30,aidant=30,defaut=120" → minutes of inactivity before a session ends, per role. */
const idleMinutes = z.string().transform((texte, ctx) => {
  const resultat: Record<string, number> = {}
  for (const paire of texte
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [role, minutes] = paire.split('=')
    const n = Number(minutes)
    if (
      !role ||
      !(ROLES_IDLE as readonly string[]).includes(role) ||
      !Number.isInteger(n) ||
      n < 1 ||
      n > 24 * 60
    ) {
      ctx.addIssue({
        code: 'custom',
        message: `entrée invalide « ${paire} » (attendu role=minutes, rôles : ${ROLES_IDLE.join(', ')})`,
      })
      return z.NEVER
    }
    resultat[role] = n
  }
  return resultat
})

const schema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'doit commencer par postgres:// ou postgresql://')
      .optional(),
    DATA_DIR: z.string().min(1).default('./var'),
    ESCALE_MODE: z.enum(['demo', 'production']).default('demo'),
    BASE_URL: z.url().optional(),
    SESSION_SECRET: z.string().min(32, 'au moins 32 caractères').optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'doit commencer par smtp:// ou smtps://')
      .optional(),
    MAIL_FROM: z.string().min(3).default('Escale <ne-pas-repondre@escale.localhost>'),
    ACCESSIBILITE_CONTACT: z.email('doit être une adresse e-mail').default('accessibilite@escale.localhost'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_FORMAT: z.enum(['json', 'lisible'], { error: 'attendu json ou lisible' }).optional(),
    DEMO_DATA: booleen.optional(),
    SESSION_IDLE_MINUTES: idleMinutes.default({ admin: 30, aidant: 30, referent: 30, defaut: 120 }),
    TRUST_PROXY: booleen.default(false),
    AIDANTS_CONNECT: booleen.optional(),
    FRANCECONNECT_ISSUER: z.url().optional(),
    FRANCECONNECT_CLIENT_ID: z.string().min(1).optional(),
    FRANCECONNECT_CLIENT_SECRET: z.string().min(16, 'au moins 16 caractères').optional(),
    AIDANTS_SECRET: z.string().min(32, 'au moins 32 caractères').optional(),
    SOLIDARITE: booleen.optional(),
    SOLIDARITE_SECRET: z.string().min(32, 'au moins 32 caractères').optional(),
    WORKERS: z.coerce
      .number({ error: 'attendu un nombre de processus' })
      .int('attendu un entier')
      .min(1, '1 au moins')
      .max(32, '32 au plus')
      .default(1),
    PROCONNECT_ISSUER: z.url('doit être une adresse (https://…)').optional(),
    PROCONNECT_CLIENT_ID: z.string().min(1).optional(),
    PROCONNECT_CLIENT_SECRET: z.string().min(16, 'au moins 16 caractères').optional(),
    // Demo only: other Escale origins that may log in at this server's ProConnect simulator.
    PROCONNECT_SIMULATEUR_ORIGINES: z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.url('attendu des origines séparées par des virgules (http://hôte:port)')))
      .optional(),
    ENTREPRISES_API_URL: z.url('doit être une adresse (https://…)').optional(),
    CARTE_TUILES: z
      .string()
      .refine((v) => typeof lireTuiles(v, undefined) !== 'string', {
        message: 'attendu « aucune » ou une adresse http(s) avec {z}, {x} et {y}',
      })
      .optional(),
    CARTE_ATTRIBUTION: z.string().max(200).optional(),
    ENTREPRISES_API: z.enum(['actif', 'desactive'], { error: 'attendu actif ou desactive' }).optional(),
    ADRESSES_API_URL: z.url('doit être une adresse (https://…)').optional(),
    ACCESLIBRE_API_URL: z.url('doit être une adresse (https://…)').optional(),
    ACCESLIBRE_API_KEY: z.string().min(8, 'au moins 8 caractères').optional(),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'doit commencer par redis:// ou rediss://')
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (env.WORKERS > 1 && !env.DATABASE_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['WORKERS'],
        message:
          'plusieurs processus demandent PostgreSQL (DATABASE_URL) : la base embarquée ne se partage pas',
      })
    if (env.ESCALE_MODE !== 'production') return
    for (const cle of ['SESSION_SECRET', 'BASE_URL'] as const) {
      if (!env[cle]) ctx.addIssue({ code: 'custom', path: [cle], message: 'obligatoire en mode production' })
    }
    if (env.SOLIDARITE && !env.SOLIDARITE_SECRET)
      ctx.addIssue({
        code: 'custom',
        path: ['SOLIDARITE_SECRET'],
        message: 'obligatoire en mode production quand SOLIDARITE=1',
      })
    if (env.AIDANTS_CONNECT)
      for (const cle of [
        'FRANCECONNECT_ISSUER',
        'FRANCECONNECT_CLIENT_ID',
        'FRANCECONNECT_CLIENT_SECRET',
        'AIDANTS_SECRET',
      ] as const) {
        if (!env[cle])
          ctx.addIssue({
            code: 'custom',
            path: [cle],
            message: 'obligatoire en mode production quand AIDANTS_CONNECT=1',
          })
      }
    // ProConnect in production: the three settings together, or none (login by password and link only).
    const proConnect = ['PROCONNECT_ISSUER', 'PROCONNECT_CLIENT_ID', 'PROCONNECT_CLIENT_SECRET'] as const
    if (proConnect.some((cle) => env[cle]))
      for (const cle of proConnect)
        if (!env[cle])
          ctx.addIssue({
            code: 'custom',
            path: [cle],
            message: 'obligatoire en mode production quand ProConnect est configuré',
          })
    if (env.DEMO_DATA)
      ctx.addIssue({ code: 'custom', path: ['DEMO_DATA'], message: 'interdit en mode production' })
  })

export type Config = Readonly<{
  port: number
  host: string
  databaseUrl: string | undefined
  dataDir: string
  mode: 'demo' | 'production'
  baseUrl: string
  sessionSecret: string
  smtpUrl: string | undefined
  mailFrom: string
  /** Where the accessibility statement sends people who hit a barrier (RGAA: a contact is required). */
  contactAccessibilite: string
  logLevel: z.infer<typeof schema>['LOG_LEVEL']
  /** JSON lines (production, collectors), or one readable line per request (a developer's terminal). */
  formatJournal: 'json' | 'lisible'
  demoData: boolean
  /** Demo login page, development mailbox and identity simulators: never in production. */
  simulateurs: boolean
  sessionIdleMinutes: Readonly<Record<string, number>>
  trustProxy: boolean
  secureCookies: boolean
  /** Aidants Connect module; FranceConnect is our own simulator when `franceConnect.issuer` is undefined (demo). */
  aidantsConnect: boolean
  franceConnect: Readonly<{ issuer: string | undefined; clientId: string; clientSecret: string }>
  /** Keys the attestation HMAC and salts the hash of FranceConnect `sub`. */
  aidantsSecret: string
  /** The call-back line (Solidarité numérique). Default: on in demo mode, off in production. */
  solidarite: boolean
  /** Encrypts the call-back line's phone numbers at rest and keys their fingerprints. */
  solidariteSecret: string
  /** Server processes sharing the port (one per core with PostgreSQL); 1 with the embedded database. */
  travailleurs: number
  /**
   * ProConnect login for professionals: the real service when an issuer is set, our own simulator in demo
   * (`issuer` undefined), nothing in production without configuration.
   */
  proConnect:
    | Readonly<{
        issuer: string | undefined
        clientId: string
        clientSecret: string
        /** Demo: other origins whose Escale may log in at this server's simulator. */
        originesSimulateur: readonly string[]
      }>
    | undefined
  /** Shared rate-limit counters across instances (platform/partage); unset: per process. */
  redisUrl: string | undefined
  /**
   * Company register (recherche-entreprises): the real service at `url`, our simulator in demo, or
   * disabled (checks wait for later).
   */
  entreprises: Readonly<{ mode: 'reel' | 'simule' | 'desactive'; url: string | undefined }>
  /**
   * National address base (geocoding of places and structures): the service at `url`, our simulator in
   * demo, disabled in production without ADRESSES_API_URL (places keep their commune centre).
   */
  adresses: Readonly<{ mode: 'reel' | 'simule' | 'desactive'; url: string | undefined }>
  /** Acceslibre: the real API with its key, our simulator in demo, disabled in production without a key. */
  acceslibre: Readonly<{
    mode: 'reel' | 'simule' | 'desactive'
    url: string | undefined
    cle: string | undefined
  }>
  /** Street background of the maps (platform/geo/tuiles.ts); undefined: the outlines only. */
  tuilesCarte: TuilesCarte | undefined
}>

/** The State's company-search API: public, without a key, so production uses it unless told not to. */
export const URL_RECHERCHE_ENTREPRISES = 'https://recherche-entreprises.api.gouv.fr'

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const vides = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = schema.safeParse(vides)
  if (!parsed.success) {
    const lignes = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(racine)'} : ${i.message}`)
    throw new ConfigError(`Configuration invalide :\n${lignes.join('\n')}`)
  }
  const e = parsed.data
  const demo = e.ESCALE_MODE === 'demo'
  const baseUrl = (e.BASE_URL ?? `http://${e.HOST === '0.0.0.0' ? '127.0.0.1' : e.HOST}:${e.PORT}`).replace(
    /\/$/,
    '',
  )
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    mode: e.ESCALE_MODE,
    baseUrl,
    // In demo mode a fixed secret is acceptable: nothing real is protected and restarts keep cookies valid.
    sessionSecret: e.SESSION_SECRET ?? 'demo-uniquement-secret-de-session-escale-0123456789',
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    /** Where the accessibility statement sends people who hit a barrier (RGAA: a contact is required). */
    contactAccessibilite: e.ACCESSIBILITE_CONTACT,
    logLevel: e.LOG_LEVEL,
    formatJournal: e.LOG_FORMAT ?? (demo && process.stdout.isTTY ? 'lisible' : 'json'),
    demoData: demo && (e.DEMO_DATA ?? true),
    simulateurs: demo,
    sessionIdleMinutes: Object.freeze({ ...e.SESSION_IDLE_MINUTES }),
    trustProxy: e.TRUST_PROXY,
    secureCookies: baseUrl.startsWith('https://'),
    aidantsConnect: e.AIDANTS_CONNECT ?? demo,
    franceConnect: Object.freeze({
      issuer: e.FRANCECONNECT_ISSUER?.replace(/\/$/, ''),
      // Demo values identify our app to its own FranceConnect simulator.
      clientId: e.FRANCECONNECT_CLIENT_ID ?? 'escale-aidants-demo',
      clientSecret: e.FRANCECONNECT_CLIENT_SECRET ?? 'demo-uniquement-secret-client-franceconnect',
    }),
    aidantsSecret: e.AIDANTS_SECRET ?? 'demo-uniquement-secret-aidants-connect-0123456789',
    solidarite: e.SOLIDARITE ?? demo,
    solidariteSecret: e.SOLIDARITE_SECRET ?? 'demo-uniquement-secret-solidarite-numerique-0123',
    travailleurs: e.WORKERS,
    proConnect:
      e.PROCONNECT_ISSUER || demo
        ? Object.freeze({
            issuer: e.PROCONNECT_ISSUER?.replace(/\/$/, ''),
            // Demo values identify our app to its own ProConnect simulator.
            clientId: e.PROCONNECT_CLIENT_ID ?? 'escale-proconnect-demo',
            clientSecret: e.PROCONNECT_CLIENT_SECRET ?? 'demo-uniquement-secret-client-proconnect',
            originesSimulateur: demo
              ? Object.freeze((e.PROCONNECT_SIMULATEUR_ORIGINES ?? []).map((o) => new URL(o).origin))
              : [],
          })
        : undefined,
    redisUrl: e.REDIS_URL,
    entreprises: Object.freeze(configEntreprises(e.ENTREPRISES_API, e.ENTREPRISES_API_URL, demo)),
    adresses: Object.freeze(
      e.ADRESSES_API_URL
        ? { mode: 'reel' as const, url: e.ADRESSES_API_URL.replace(/\/$/, '') }
        : { mode: demo ? ('simule' as const) : ('desactive' as const), url: undefined },
    ),
    acceslibre: Object.freeze(
      e.ACCESLIBRE_API_KEY && (e.ACCESLIBRE_API_URL || !demo)
        ? {
            mode: 'reel' as const,
            url: (e.ACCESLIBRE_API_URL ?? 'https://acceslibre.beta.gouv.fr').replace(/\/$/, ''),
            cle: e.ACCESLIBRE_API_KEY,
          }
        : { mode: demo ? ('simule' as const) : ('desactive' as const), url: undefined, cle: undefined },
    ),
    tuilesCarte: lireTuiles(e.CARTE_TUILES, e.CARTE_ATTRIBUTION) as TuilesCarte | undefined,
  })
}

function configEntreprises(
  interrupteur: 'actif' | 'desactive' | undefined,
  url: string | undefined,
  demo: boolean,
): { mode: 'reel' | 'simule' | 'desactive'; url: string | undefined } {
  if (interrupteur === 'desactive') return { mode: 'desactive', url: undefined }
  if (url) return { mode: 'reel', url: url.replace(/\/$/, '') }
  return demo ? { mode: 'simule', url: undefined } : { mode: 'reel', url: URL_RECHERCHE_ENTREPRISES }
}
