import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { Redis } from 'ioredis'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { urlPostgresDeTest } from './support/bases'

/**
 * Two instances of the compiled server (`dist/server.js`) on one PostgreSQL database and one Redis,
 * behind a round-robin proxy, as in docs/deploiement.md: what one instance knows, the other knows too.
 * Runs with TEST_DATABASE_URL (as in CI), and then requires Redis (TEST_REDIS_URL, by default the local
 * one).
 */
const RACINE = path.resolve(import.meta.dirname, '..')
const URL_REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
if (!urlPostgresDeTest)
  console.warn('tests/plusieurs-instances.test.ts ignoré : TEST_DATABASE_URL absent (PostgreSQL requis).')

const portLibre = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })

/**
 * A client address of this test only: the rate-limit counters in Redis are per address and route, and
 * an IPv6 address counts by its /64 network.
 */
const adresse = () =>
  `2001:db8:${(process.pid & 0xffff).toString(16)}:${Math.floor(Math.random() * 0xffff).toString(16)}::1`

interface Reponse {
  statut: number
  instance: string
  entetes: http.IncomingHttpHeaders
  corps: string
}

describe.runIf(urlPostgresDeTest)('plusieurs instances derrière un répartiteur (PostgreSQL, Redis)', () => {
  const nom = `escale_instances_${process.pid}`
  const admin = async (requete: string) => {
    const c = new pg.Client({ connectionString: urlPostgresDeTest })
    await c.connect()
    await c.query(requete)
    await c.end()
  }
  const instances: { nom: string; port: number; processus: ChildProcess; journal: string }[] = []
  let proxy: http.Server
  let portProxy = 0

  const demarrer = async (nomInstance: string, env: Record<string, string>) => {
    const port = await portLibre()
    const url = new URL(urlPostgresDeTest!)
    url.pathname = `/${nom}`
    const processus = spawn(process.execPath, ['--enable-source-maps', 'dist/server.js'], {
      cwd: RACINE,
      // Vite sets BASE_URL ('/') in the test process: the server gets only what it needs.
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        PORT: String(port),
        DATABASE_URL: url.toString(),
        REDIS_URL: URL_REDIS,
        TRUST_PROXY: '1',
        BASE_URL: `http://127.0.0.1:${portProxy}`,
        LOG_LEVEL: 'warn',
        DATA_DIR: path.join(os.tmpdir(), nom),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const instance = { nom: nomInstance, port, processus, journal: '' }
    for (const flux of [processus.stdout!, processus.stderr!])
      flux.on('data', (d: Buffer) => {
        instance.journal += d.toString()
      })
    instances.push(instance)
    for (let i = 0; i < 480; i++) {
      const r = await fetch(`http://127.0.0.1:${port}/sante`).catch(() => undefined)
      if (r?.ok) return
      if (processus.exitCode !== null) break
      await new Promise((fin) => setTimeout(fin, 250))
    }
    throw new Error(`l’instance ${nomInstance} ne répond pas : ${instance.journal.slice(-2000)}`)
  }

  beforeAll(async () => {
    // Fails here, with its message, when Redis is not there: with PostgreSQL configured, it is required.
    const redis = new Redis(URL_REDIS, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2_000 })
    redis.on('error', () => {})
    await redis.connect().catch((e: Error) => {
      throw new Error(`Redis injoignable sur ${URL_REDIS} (TEST_REDIS_URL) : ${e.message}`)
    })
    redis.disconnect()

    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: RACINE, stdio: 'ignore' })
    await admin(`drop database if exists ${nom} with (force)`)
    await admin(`create database ${nom}`)

    // Round robin in the order of requests, as a proxy without affinity does; each answer says who served it.
    let suivante = 0
    proxy = http.createServer((requete, reponse) => {
      const cible = instances[suivante++ % instances.length]!
      const amont = http.request(
        {
          host: '127.0.0.1',
          port: cible.port,
          method: requete.method,
          path: requete.url,
          headers: { ...requete.headers, 'x-forwarded-proto': 'http' },
        },
        (r) => {
          reponse.writeHead(r.statusCode ?? 502, { ...r.headers, 'x-instance': cible.nom })
          r.pipe(reponse)
        },
      )
      amont.on('error', () => reponse.writeHead(502).end())
      requete.pipe(amont)
    })
    portProxy = await new Promise<number>((resolve) =>
      proxy.listen(0, '127.0.0.1', () => resolve((proxy.address() as net.AddressInfo).port)),
    )
    // The first one migrates and loads the demo data; the second finds the database ready.
    await demarrer('A', { DEMO_DATA: '1' })
    await demarrer('B', { DEMO_DATA: '0' })
  }, 240_000)

  afterAll(async () => {
    for (const i of instances) i.processus.kill('SIGKILL')
    await new Promise((fin) => (proxy ? proxy.close(() => fin(undefined)) : fin(undefined)))
    await admin(`drop database if exists ${nom} with (force)`)
  })

  const cookies = new Map<string, string>()
  const envoyer = (
    methode: 'GET' | 'POST',
    chemin: string,
    client: string,
    formulaire?: Record<string, string>,
  ): Promise<Reponse> =>
    new Promise((resolve, reject) => {
      const corps = formulaire ? new URLSearchParams(formulaire).toString() : undefined
      const r = http.request(
        {
          host: '127.0.0.1',
          port: portProxy,
          method: methode,
          path: chemin,
          headers: {
            'x-forwarded-for': client,
            cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
            ...(corps
              ? {
                  'content-type': 'application/x-www-form-urlencoded',
                  'content-length': Buffer.byteLength(corps),
                }
              : {}),
          },
        },
        (res) => {
          for (const c of res.headers['set-cookie'] ?? []) {
            const [paire] = c.split(';')
            const i = paire!.indexOf('=')
            cookies.set(paire!.slice(0, i), paire!.slice(i + 1))
          }
          let texte = ''
          res.setEncoding('utf8')
          res.on('data', (d: string) => {
            texte += d
          })
          res.on('end', () =>
            resolve({
              statut: res.statusCode ?? 0,
              instance: String(res.headers['x-instance']),
              entetes: res.headers,
              corps: texte,
            }),
          )
        },
      )
      r.on('error', reject)
      r.end(corps)
    })
  const jetonCsrf = (html: string) => {
    const jeton = /name="_csrf" value="([^"]+)"/.exec(html)?.[1]
    if (!jeton) throw new Error('pas de jeton CSRF dans la page')
    return jeton
  }

  it('une session ouverte sur une instance vaut sur l’autre', async () => {
    const client = adresse()
    const formulaire = await envoyer('GET', '/connexion', client)
    expect(formulaire.statut).toBe(200)
    const connexion = await envoyer('POST', '/connexion', client, {
      _csrf: jetonCsrf(formulaire.corps),
      email: 'ines.fabre@demo.escale.localhost',
      mot_de_passe: 'escale-demo-2026',
    })
    // The form came from one instance, the login went to the other: CSRF and cookies are signed alike.
    expect(connexion.instance).not.toBe(formulaire.instance)
    expect(connexion.statut, connexion.corps.slice(0, 500)).toBe(303)
    expect(connexion.entetes.location).toBe('/espace')

    const vus = new Set<string>()
    for (let i = 0; i < 2; i++) {
      const espace = await envoyer('GET', '/espace', client)
      vus.add(espace.instance)
      expect(espace.statut, `${espace.instance} : ${espace.entetes.location ?? ''}`).toBe(200)
      expect(espace.corps).toContain('Fabre')
    }
    expect([...vus].sort()).toEqual(['A', 'B'])

    // Without the cookie, neither instance lets anyone in: the 200 above came from the shared session.
    cookies.clear()
    const sansSession = await envoyer('GET', '/espace', client)
    expect(sansSession.statut).toBe(303)
  }, 60_000)

  it('une limite de débit tient sur les deux instances ensemble', async () => {
    cookies.clear()
    const client = adresse()
    const page = await envoyer('GET', '/connexion', client)
    const jeton = jetonCsrf(page.corps)
    const essai = () =>
      envoyer('POST', '/connexion', client, {
        _csrf: jeton,
        email: 'personne@exemple.fr',
        mot_de_passe: 'pas-le-bon-mot-de-passe',
      })
    // POST /connexion allows 10 attempts a minute per address: 10 alternating requests, 5 per instance.
    const instancesVues = new Set<string>()
    for (let i = 0; i < 10; i++) {
      const r = await essai()
      instancesVues.add(r.instance)
      expect(r.statut, `essai ${i + 1} sur ${r.instance}`).not.toBe(429)
      expect(r.entetes['x-ratelimit-remaining']).toBe(String(9 - i))
    }
    expect([...instancesVues].sort()).toEqual(['A', 'B'])
    // Per instance, each would have allowed 5 more; together, the 11th is refused, on either instance.
    const onzieme = await essai()
    const douzieme = await essai()
    expect(onzieme.statut).toBe(429)
    expect(douzieme.statut).toBe(429)
    expect(new Set([onzieme.instance, douzieme.instance]).size).toBe(2)
  }, 60_000)
})
