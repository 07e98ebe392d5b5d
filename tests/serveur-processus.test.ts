import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { urlPostgresDeTest } from './support/bases'

const RACINE = path.resolve(import.meta.dirname, '..')
const portLibre = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })
/** The server processes started by `pid` (tsx may also start esbuild services: not counted). */
const enfants = (pid: number) =>
  execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' })
    .split('\n')
    .filter((ligne) => ligne.includes('src/server.ts'))
    .map((ligne) => Number(ligne.trim().split(/\s+/)[0]))

describe.runIf(urlPostgresDeTest)('serveur en plusieurs processus (WORKERS, PostgreSQL)', () => {
  const nom = `escale_processus_${process.pid}`
  const admin = async (requete: string) => {
    const c = new pg.Client({ connectionString: urlPostgresDeTest })
    await c.connect()
    await c.query(requete)
    await c.end()
  }
  let serveur: ChildProcess | undefined
  afterAll(async () => {
    serveur?.kill('SIGKILL')
    await admin(`drop database if exists ${nom} with (force)`)
  })

  it('prépare la base une fois, sert depuis 2 processus, relance celui qui meurt, s’arrête proprement', async () => {
    await admin(`drop database if exists ${nom} with (force)`)
    await admin(`create database ${nom}`)
    const url = new URL(urlPostgresDeTest!)
    url.pathname = `/${nom}`
    const port = await portLibre()
    serveur = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: RACINE,
      // Vite sets BASE_URL ('/') in the test process: the server gets only what it needs.
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        WORKERS: '2',
        DATABASE_URL: url.toString(),
        PORT: String(port),
        LOG_LEVEL: 'warn',
        DATA_DIR: path.join(os.tmpdir(), nom),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let erreurs = ''
    for (const flux of [serveur.stdout!, serveur.stderr!])
      flux.on('data', (d: Buffer) => {
        erreurs += d.toString()
      })
    const sante = async () => {
      for (let i = 0; i < 240; i++) {
        const r = await fetch(`http://127.0.0.1:${port}/sante`).catch(() => undefined)
        if (r?.ok) return (await r.json()) as { base: string }
        await new Promise((fin) => setTimeout(fin, 250))
      }
      throw new Error(`le serveur ne répond pas : ${erreurs.slice(-2000)}`)
    }
    expect((await sante()).base).toBe('postgresql')
    const pid = serveur.pid!
    const premiers = enfants(pid)
    expect(premiers).toHaveLength(2)
    process.kill(premiers[0]!, 'SIGKILL')
    for (let i = 0; i < 120 && !(enfants(pid).length === 2 && !enfants(pid).includes(premiers[0]!)); i++)
      await new Promise((fin) => setTimeout(fin, 250))
    const apres = enfants(pid)
    expect(apres).toHaveLength(2)
    expect(apres).not.toContain(premiers[0])
    await sante()
    const code = new Promise<number | null>((resolve) => serveur!.once('exit', (c) => resolve(c)))
    serveur.kill('SIGTERM')
    expect(await code).toBe(0)
    serveur = undefined
  }, 90_000)
})
