import { type ChildProcess, spawn } from 'node:child_process'
import http from 'node:http'
import { codeTotp } from '../../src/domains/comptes'
import { type OptionsRequete, requete as requeteHttp } from '../http'
import { CONCURRENCE, MDP, PORT, racine, TOTP, urlBase } from './commun'

/** The keep-alive client of the server under test (bench/http.ts), its logged-in sessions, and the server. */

export const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCE })
/** A request to the server under test, on the bench's keep-alive agent. */
export const requete = (methode: string, chemin: string, o: OptionsRequete = {}) =>
  requeteHttp(PORT, methode, chemin, { agent, ...o })

let adresses = 0
export class Session {
  ip = `127.0.1.${++adresses}`
  jar = new Map<string, string>()
  csrf = ''
  get cookie() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ')
  }
  garder(cookies: string[]) {
    for (const c of cookies) {
      const [k, ...v] = c.split('=')
      if (k) this.jar.set(k, v.join('='))
    }
  }
  async get(chemin: string) {
    const r = await requete('GET', chemin, { cookie: this.cookie, ip: this.ip })
    this.garder(r.cookies)
    const m = /name="_csrf" value="([^"]+)"/.exec(r.corps)
    if (m?.[1]) this.csrf = m[1]
    return r
  }
  async post(chemin: string, champs: Record<string, string>) {
    const r = await requete('POST', chemin, {
      cookie: this.cookie,
      ip: this.ip,
      corps: new URLSearchParams({ _csrf: this.csrf, ...champs }).toString(),
    })
    this.garder(r.cookies)
    return r
  }
  static async connecter(email: string, totp: boolean) {
    const s = new Session()
    await s.get('/connexion')
    const r = await s.post('/connexion', { email, mot_de_passe: MDP })
    if (totp) {
      await s.get('/connexion/totp')
      await s.post('/connexion/totp', { code: codeTotp(TOTP, new Date()) })
    } else if (r.statut !== 303) throw new Error(`connexion refusée ${r.statut}`)
    return s
  }
}

export async function demarrerServeur(): Promise<ChildProcess> {
  // BENCH_CPU_PROF=dir writes a CPU profile of the server there (read it in Chrome DevTools).
  const profil = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : []
  const enfant = spawn(process.execPath, [...profil, '--import', 'tsx', 'src/server.ts'], {
    cwd: racine,
    env: {
      ...process.env,
      DATABASE_URL: urlBase,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DEMO_DATA: '0',
      LOG_LEVEL: 'warn',
      ESCALE_MODE: 'demo',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  for (let i = 0; i < 120; i++) {
    try {
      if ((await requete('GET', '/sante')).statut === 200) return enfant
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  enfant.kill()
  throw new Error('le serveur ne répond pas')
}
