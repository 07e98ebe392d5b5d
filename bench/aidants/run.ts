/**
 * Full OpenID Connect mandate login (docs/QUALITY.md: ≤ 100 ms of server time), with a bare Fastify route
 * measured in the same run as reference.
 *
 *   npx tsx bench/aidants/run.ts [--mandats=1000000] [--iterations=200]
 *
 * Creates a fresh PostgreSQL database (BENCH_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/
 * postgres; dropped at the end), migrates it, seeds 5 000 organisations and `--mandats` usagers each with
 * an active mandate of two démarches (national scale: 1 million), builds the app in this process and
 * listens on 127.0.0.1 only. One aidant signs in (password + TOTP, as the demo accounts), then each
 * iteration plays the partner's journey over real HTTP:
 *   GET /oidc/auth → interaction page → POST usager + démarche → redirects → POST /oidc/token → GET /oidc/me.
 * Server time of a request = from the `request` event of the Node server to the `finish` of its response
 * (hijacked oidc-provider responses included); the figure is the sum over the requests of one journey.
 * The reference is a bare Fastify `GET /nu` answered by a second server in the same process, called the
 * same number of times per iteration.
 */
import { writeFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Fastify from 'fastify'
import pg from 'pg'
import { buildApp } from '../../src/app'
import { loadConfig } from '../../src/config'
import { clientsPartenaires } from '../../src/domains/aidants/db/schema'
import { codeTotp, creerCompteDemo } from '../../src/domains/comptes'
import { openDatabase } from '../../src/platform/db/database'

const ICI = path.dirname(fileURLToPath(import.meta.url))
const arg = (nom: string, defaut: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${nom}=`))?.split('=')[1] ?? defaut)
const MANDATS = arg('mandats', 1_000_000)
const ITERATIONS = arg('iterations', 200)
const ECHAUFFEMENT = 20
const ORGANISATIONS = 5_000
const URL_PG = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'
const NOM_BASE = `escale_bench_aidants_${process.pid}`
const SECRET_TOTP = 'KRUGS4ZANFZSAYJAOZSXE6JAONSWG4TF'
const MOT_DE_PASSE = 'une phrase de passe assez longue'
const CLIENT = 'partenaire-bench'
const SECRET_CLIENT = 'secret-du-partenaire-de-bench'

const urlBase = (nom: string) => {
  const u = new URL(URL_PG)
  u.pathname = `/${nom}`
  return u.toString()
}
const mediane = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? 0
const centile = (v: number[], p: number) =>
  [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(v.length * p))] ?? 0
const ms = (n: number) => Math.round(n * 100) / 100

type Base = Awaited<ReturnType<typeof openDatabase>>
type Chronometre = ReturnType<typeof chronometre>

/** Server time per request, summed into the journey being measured. */
function chronometre(serveur: import('node:http').Server) {
  let total = 0
  let requetes = 0
  const detail: string[] = []
  serveur.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const debut = process.hrtime.bigint()
    res.on('finish', () => {
      const d = Number(process.hrtime.bigint() - debut) / 1e6
      total += d
      requetes++
      if (process.env.BENCH_DETAIL) detail.push(`${req.method} ${req.url?.split('?')[0]} ${d.toFixed(1)} ms`)
    })
  })
  return {
    detail,
    remettre: () => {
      if (detail.length) console.log(detail.splice(0).join('\n'))
      total = 0
      requetes = 0
    },
    lire: () => ({ total, requetes }),
  }
}

const ids = {
  organisation: (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
  usager: (i: number) => `10000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
}

/** National scale in four statements: organisations, usagers, one active mandate each, two démarches. */
async function remplir(base: Base): Promise<number> {
  const debut = Date.now()
  const sql = async (q: string) =>
    (base.db as unknown as { execute: (q: unknown) => Promise<unknown> }).execute(
      (await import('drizzle-orm')).sql.raw(q),
    )
  await sql(`insert into organisations (id, nom, type, code_commune, code_departement, code_region)
    select ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'Organisation ' || i, 'ccas', '59350', '59', '32'
    from generate_series(1, ${ORGANISATIONS}) i`)
  await sql(`insert into aidants_usagers (id, sub_hash, prenoms, nom, date_naissance, genre, lieu_naissance, pays_naissance)
    select ('10000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'h' || i, 'Prénom', 'Nom' || i, '1950-01-01', 'female', '59350', '99100'
    from generate_series(1, ${MANDATS}) i`)
  await sql(`insert into aidants_mandats (id, organisation_id, usager_id, cree_par_id, cree_le, expire_le, duree, version_texte, consentement, hash_attestation)
    select ('20000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid,
      ('00000000-0000-4000-8000-' || lpad(to_hex(1 + i % ${ORGANISATIONS}), 12, '0'))::uuid,
      ('10000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid,
      gen_random_uuid(), now() - interval '10 days', now() + interval '200 days', 'annee', 'bench', 'sur_place', md5(i::text) || md5((i + 1)::text)
    from generate_series(1, ${MANDATS}) i`)
  await sql(`insert into aidants_autorisations (mandat_id, demarche)
    select ('20000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, d
    from generate_series(1, ${MANDATS}) i, unnest(array['social', 'logement']) d`)
  await sql('analyze')
  return (Date.now() - debut) / 1000
}

/** The app on a free local port, the bench's partner client, and one aidant of the 43rd organisation. */
async function demarrer(base: Base, url: string) {
  const config = loadConfig({
    ESCALE_MODE: 'demo',
    DEMO_DATA: '0',
    LOG_LEVEL: 'silent',
    DATABASE_URL: url,
    TRUST_PROXY: '1',
  })
  const app = await buildApp(config, { base })
  await app.ready()
  const adresse = await app.listen({ port: 0, host: '127.0.0.1' })
  const origine = adresse.replace('localhost', '127.0.0.1')
  const retour = `${origine}/retour-partenaire`
  await base.db.insert(clientsPartenaires).values({
    clientId: CLIENT,
    nom: 'Partenaire du banc',
    secret: SECRET_CLIENT,
    redirectUris: [retour],
    postLogoutRedirectUris: [origine],
  })
  const compte = await creerCompteDemo(
    { db: base.db, horloge: () => new Date(), baseUrl: origine, inactiviteParRole: {} },
    {
      email: 'aidant.bench@exemple.fr',
      prenom: 'Aidant',
      nom: 'Banc',
      motDePasse: MOT_DE_PASSE,
      totpSecret: SECRET_TOTP,
      habilitations: [
        {
          role: 'aidant',
          portee: { type: 'organisation', code: ids.organisation(1 + (42 % ORGANISATIONS)), libelle: 'Org' },
        },
      ],
    },
  )
  return { app, origine, retour, email: compte.email }
}

/**
 * A tiny browser: cookies kept, redirects followed by hand. Each journey comes from another client
 * address (X-Forwarded-For, as behind a load balancer): the per-address rate limits stay on and are part
 * of the cost measured, without throttling the run.
 */
function navigateur(origine: string) {
  const jar = new Map<string, string>()
  const cookies = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
  const garder = (r: Response) => {
    for (const c of r.headers.getSetCookie()) {
      const [paire = ''] = c.split(';')
      const i = paire.indexOf('=')
      jar.set(paire.slice(0, i), paire.slice(i + 1))
    }
    return r
  }
  const nav = {
    adresseClient: '',
    get: async (u: string) =>
      garder(
        await fetch(new URL(u, origine), {
          headers: { cookie: cookies(), 'x-forwarded-for': nav.adresseClient },
          redirect: 'manual',
        }),
      ),
    post: async (u: string, champs: Record<string, string>) =>
      garder(
        await fetch(new URL(u, origine), {
          method: 'POST',
          headers: {
            cookie: cookies(),
            'content-type': 'application/x-www-form-urlencoded',
            'x-forwarded-for': nav.adresseClient,
          },
          body: new URLSearchParams(champs),
          redirect: 'manual',
        }),
      ),
  }
  return nav
}
type Navigateur = ReturnType<typeof navigateur>
const csrfDe = (page: string) => /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? ''

/** Password then TOTP, as the demo accounts. */
async function connecterAidant(nav: Navigateur, email: string) {
  let r = await nav.get('/connexion')
  r = await nav.post('/connexion', { _csrf: csrfDe(await r.text()), email, mot_de_passe: MOT_DE_PASSE })
  r = await nav.get('/connexion/totp')
  r = await nav.post('/connexion/totp', {
    _csrf: csrfDe(await r.text()),
    code: codeTotp(SECRET_TOTP, new Date()),
  })
  if (r.headers.get('location') !== '/espace') throw new Error(`connexion refusée (${r.status})`)
}

/** The browser part: authorisation request, usager and démarche chosen, redirects back to the partner. */
async function codeAutorisation(nav: Navigateur, retour: string): Promise<string> {
  const q = new URLSearchParams({
    client_id: CLIENT,
    response_type: 'code',
    scope: 'openid profile birth',
    redirect_uri: retour,
    state: 'etat-bench',
    nonce: 'nonce-bench',
    acr_values: 'eidas1',
  })
  let rep = await nav.get(`/oidc/auth?${q}`)
  let location = rep.headers.get('location') ?? ''
  rep = await nav.get(location)
  const interaction = location
  rep = await nav.post(location, {
    _csrf: csrfDe(await rep.text()),
    usager: ids.usager(42),
    demarche: 'social',
  })
  location = rep.headers.get('location') ?? ''
  if (!location)
    throw new Error(
      `choix refusé sur ${interaction} (${rep.status}) : ${(await rep.text()).replace(/<[^>]+>/g, ' ').slice(-600)}`,
    )
  while (location && !location.startsWith(retour)) {
    rep = await nav.get(location)
    location = rep.headers.get('location') ?? ''
  }
  const code = new URL(location).searchParams.get('code')
  if (!code) throw new Error(`pas de code : ${location}`)
  return code
}

/** The partner's back channel: the code for an access token, then the userinfo. */
async function jetonEtIdentite(origine: string, retour: string, adresseClient: string, code: string) {
  const jeton = await fetch(`${origine}/oidc/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': adresseClient },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: retour,
      client_id: CLIENT,
      client_secret: SECRET_CLIENT,
    }),
  })
  const { access_token } = (await jeton.json()) as { access_token: string }
  const info = await fetch(`${origine}/oidc/me`, {
    headers: { authorization: `Bearer ${access_token}`, 'x-forwarded-for': adresseClient },
  })
  if (!info.ok) throw new Error(`userinfo ${info.status}`)
  await info.text()
}

interface Mesures {
  serveur: number[]
  client: number[]
  reference: number[]
  requetesParParcours: number
}

/**
 * The journeys, after a warm-up; each followed by as many calls of the bare route, on its own server
 * in this process, as the journey made requests.
 */
async function mesurer(chrono: Chronometre, parcours: () => Promise<void>): Promise<Mesures> {
  const nu = Fastify()
  nu.get('/nu', async () => ({ ok: true }))
  const origineNu = (await nu.listen({ port: 0, host: '127.0.0.1' })).replace('localhost', '127.0.0.1')
  const chronoNu = chronometre(nu.server)
  const m: Mesures = { serveur: [], client: [], reference: [], requetesParParcours: 0 }
  for (let i = 0; i < ECHAUFFEMENT + ITERATIONS; i++) {
    chrono.remettre()
    const debut = performance.now()
    await parcours()
    const duree = performance.now() - debut
    const { total, requetes } = chrono.lire()
    m.requetesParParcours = requetes
    chronoNu.remettre()
    for (let k = 0; k < requetes; k++) await (await fetch(`${origineNu}/nu`)).text()
    if (i < ECHAUFFEMENT) continue
    m.serveur.push(total)
    m.client.push(duree)
    m.reference.push(chronoNu.lire().total)
    // The aidant's presence is checked after 15 minutes without a sensitive act: a long run stays fresh.
  }
  await nu.close()
  return m
}

function resultat(m: Mesures, seed: number) {
  const { serveur, client, reference } = m
  return {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, modele: os.cpus()[0]?.model, node: process.version },
    donnees: {
      organisations: ORGANISATIONS,
      mandats: MANDATS,
      autorisations: 2 * MANDATS,
      seedSecondes: seed,
    },
    iterations: ITERATIONS,
    requetesParParcours: m.requetesParParcours,
    tempsServeurMs: {
      mediane: ms(mediane(serveur)),
      p95: ms(centile(serveur, 0.95)),
      max: ms(Math.max(...serveur)),
    },
    tempsClientMs: { mediane: ms(mediane(client)), p95: ms(centile(client, 0.95)) },
    referenceFastifyNuMs: { mediane: ms(mediane(reference)), p95: ms(centile(reference, 0.95)) },
    rapport: ms(mediane(serveur) / Math.max(mediane(reference), 0.001)),
    seuilMs: 100,
  }
}

async function main() {
  const admin = new pg.Client({ connectionString: URL_PG })
  await admin.connect()
  await admin.query(`create database "${NOM_BASE}"`)
  await admin.end()
  const url = urlBase(NOM_BASE)
  const base = await openDatabase({ kind: 'postgresql', url, poolSize: 10 })
  try {
    await base.migrate()
    const seed = await remplir(base)
    const { app, origine, retour, email } = await demarrer(base, url)
    const chrono = chronometre(app.server)
    const nav = navigateur(origine)
    await connecterAidant(nav, email)
    let n = 0
    const parcours = async () => {
      n++
      nav.adresseClient = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`
      const code = await codeAutorisation(nav, retour)
      await jetonEtIdentite(origine, retour, nav.adresseClient, code)
    }
    const r = resultat(await mesurer(chrono, parcours), seed)
    console.log(JSON.stringify(r, null, 2))
    writeFileSync(path.join(ICI, `results-${Date.now()}.json`), `${JSON.stringify(r, null, 2)}\n`)
    await app.close()
  } finally {
    await base.close().catch(() => {})
    const a = new pg.Client({ connectionString: URL_PG })
    await a.connect()
    await a.query(`drop database if exists "${NOM_BASE}" with (force)`)
    await a.end()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
