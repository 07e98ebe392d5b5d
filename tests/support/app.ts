import type { FastifyInstance, RouteOptions } from 'fastify'
import { buildApp } from '../../src/app'
import { loadConfig } from '../../src/config'
import { creerCompteDemo, type Habilitation } from '../../src/domains/comptes'
import type { DatabaseHandle } from '../../src/platform/db/database'
import { type Moteur, nouvelleBase } from './bases'

export interface AppDeTest {
  app: FastifyInstance
  base: DatabaseHandle
  maintenant: { valeur: Date }
  fermer(): Promise<void>
}

/** A whole app on a fresh database, with a clock the test can move forward. */
export async function appDeTest(
  moteur: Moteur,
  env: Record<string, string> = {},
  logStream?: NodeJS.WritableStream,
  /** Extra routes a test needs (e.g. one that throws), added before the app is ready. */
  ajouter?: (app: FastifyInstance) => void,
  /** Sees every route as the app adds it (the authorization matrix lists the state-changing ones). */
  onRoute?: (route: RouteOptions) => void,
): Promise<AppDeTest> {
  const base = await nouvelleBase(moteur)
  const maintenant = { valeur: new Date() }
  const config = loadConfig({
    ESCALE_MODE: 'demo',
    DEMO_DATA: '0',
    LOG_LEVEL: logStream ? 'info' : 'silent',
    ...env,
  })
  const app = await buildApp(config, {
    base,
    horloge: () => maintenant.valeur,
    ...(logStream ? { logStream } : {}),
    ...(onRoute ? { onRoute } : {}),
  })
  ajouter?.(app)
  await app.ready()
  return {
    app,
    base,
    maintenant,
    async fermer() {
      await app.close()
      await base.close()
    },
  }
}

export const MOT_DE_PASSE_TEST = 'une phrase de passe assez longue'
export const SECRET_TOTP_TEST = 'KRUGS4ZANFZSAYJAOZSXE6JAONSWG4TF'

let compteur = 0
/** Builder: an account with a password, roles, and optionally an active TOTP. */
export async function creerCompteTest(
  base: DatabaseHandle,
  o: { habilitations: Habilitation[]; totp?: boolean; email?: string },
) {
  compteur++
  const email = o.email ?? `personne${compteur}.${Date.now()}@exemple.fr`
  const compte = await creerCompteDemo(
    { db: base.db, horloge: () => new Date(), baseUrl: 'http://127.0.0.1', inactiviteParRole: {} },
    {
      email,
      prenom: 'Alex',
      nom: `Test${compteur}`,
      motDePasse: MOT_DE_PASSE_TEST,
      habilitations: o.habilitations,
      ...(o.totp ? { totpSecret: SECRET_TOTP_TEST } : {}),
    },
  )
  return compte
}

export const H = {
  admin: (): Habilitation[] => [{ role: 'admin', portee: { type: 'national', code: '', libelle: '' } }],
  prefecture: (dep: string): Habilitation[] => [
    { role: 'prefecture', portee: { type: 'departement', code: dep, libelle: dep } },
  ],
  conseiller: (structure: string): Habilitation[] => [
    { role: 'conseiller', portee: { type: 'structure', code: structure, libelle: 'Structure' } },
  ],
  gestionnaire: (structure: string): Habilitation[] => [
    { role: 'gestionnaire', portee: { type: 'structure', code: structure, libelle: 'Structure' } },
  ],
  aidant: (org: string): Habilitation[] => [
    { role: 'aidant', portee: { type: 'organisation', code: org, libelle: 'Organisation' } },
  ],
  referent: (org: string): Habilitation[] => [
    { role: 'referent', portee: { type: 'organisation', code: org, libelle: 'Organisation' } },
  ],
  candidat: (): Habilitation[] => [
    { role: 'candidat', portee: { type: 'personnel', code: '', libelle: '' } },
  ],
  coordinateur: (region: string): Habilitation[] => [
    { role: 'coordinateur', portee: { type: 'region', code: region, libelle: region } },
  ],
}

/** Signs in through the real login form (and the TOTP step when the account has one). */
export async function connecter(
  n: import('./navigateur').Navigateur,
  t: AppDeTest,
  compte: { email: string; totpActifDepuis: Date | null },
): Promise<void> {
  const { codeTotp } = await import('../../src/domains/comptes')
  const r = await n.soumettre('/connexion', '/connexion', {
    email: compte.email,
    mot_de_passe: MOT_DE_PASSE_TEST,
  })
  if (r.headers.location === '/connexion/totp') {
    await n.get('/connexion/totp')
    const s = await n.post('/connexion/totp', { code: codeTotp(SECRET_TOTP_TEST, t.maintenant.valeur) })
    if (s.headers.location !== '/espace') throw new Error(`second facteur refusé (${s.statusCode})`)
  } else if (r.headers.location !== '/espace') throw new Error(`connexion refusée (${r.statusCode})`)
  // As a browser follows the redirect: the CSRF secret is renewed at login, so the next form needs a
  // token from a page served after it.
  await n.get('/espace')
}
