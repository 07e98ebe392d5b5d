import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import v8 from 'node:v8'
import vm from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { creerCatalogueLieux } from '../src/domains/lieux/use-cases/catalogue-lieux'
import { makeImporterLieux } from '../src/domains/lieux/use-cases/importer-lieux'
import { referentielCommunes } from '../src/platform/geo/referentiel-communes'
import { type AppDeTest, appDeTest } from './support/app'
import { MOTEURS } from './support/bases'

/**
 * What anonymous clients can make a process hold. Every multipart route checks who calls before reading
 * a byte of the body, and every cache is bounded by bytes: uploads refused unread, and the places API's
 * answer memory capped whatever the queries. Measured on the resident memory of this process, which
 * runs the server (issue 16: 16 uploads of 19 MB took +350 MB, 4 000 queries kept +400 MB).
 */

v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc') as () => void
const MO = 1024 * 1024
const rss = () => process.memoryUsage.rss()
const apresCollecte = async () => {
  for (let i = 0; i < 3; i++) {
    gc()
    await new Promise((fin) => setTimeout(fin, 20))
  }
  return rss()
}

const DATA = path.resolve(import.meta.dirname, '../data')
const PACA = '20230517-hub-du-sud-lieux-de-mediation-numeriques-provence-alpes-cote-d-azur.json'
const FS = 'liste-fs-20221201.csv'
const LIMITE = 'escale-essai-memoire'
const MORCEAU = Buffer.alloc(64 * 1024, 0x61)

/**
 * A multipart upload of `octets` bytes from a client address, written in 64 KB pieces (the same buffer:
 * the client side holds nothing). `jusqua` stops writing after that many bytes without ending the body.
 * Resolves with the status as soon as the answer comes, and stops sending then.
 */
function envoyer(
  port: number,
  chemin: string,
  o: { octets: number; ip: string; champ?: string; jusqua?: number },
): Promise<number> {
  const debut = Buffer.from(
    `--${LIMITE}\r\nContent-Disposition: form-data; name="${o.champ ?? 'fichier'}"; filename="gros.csv"\r\nContent-Type: text/csv\r\n\r\n`,
  )
  const fin = Buffer.from(`\r\n--${LIMITE}--\r\n`)
  return new Promise((resoudre, rejeter) => {
    let statut: number | undefined
    let repondu: () => void = () => {}
    const reponse = new Promise<void>((r) => {
      repondu = r
    })
    const req = http.request({
      host: '127.0.0.1',
      port,
      path: chemin,
      method: 'POST',
      headers: {
        'content-type': `multipart/form-data; boundary=${LIMITE}`,
        'content-length': debut.length + o.octets + fin.length,
        'x-forwarded-for': o.ip,
      },
    })
    req.on('response', (res) => {
      statut = res.statusCode
      repondu()
      res.resume()
      res.on('end', () => {
        resoudre(statut as number)
        req.destroy()
      })
    })
    req.on('error', (e) => (statut === undefined ? rejeter(e) : resoudre(statut)))
    const ecrire = async () => {
      req.write(debut)
      let ecrit = 0
      const limite = Math.min(o.octets, o.jusqua ?? o.octets)
      while (ecrit < limite && statut === undefined && !req.destroyed) {
        const m = limite - ecrit >= MORCEAU.length ? MORCEAU : MORCEAU.subarray(0, limite - ecrit)
        ecrit += m.length
        if (!req.write(m)) await Promise.race([once(req, 'drain'), reponse])
      }
      if (ecrit === o.octets && statut === undefined && !req.destroyed) req.end(fin)
    }
    ecrire().catch(() => {})
  })
}

describe.each(MOTEURS)('mémoire tenue par des clients anonymes (%s)', (moteur) => {
  let t: AppDeTest
  let port: number
  beforeAll(async () => {
    t = await appDeTest(moteur, { TRUST_PROXY: '1' })
    const importer = makeImporterLieux({
      db: t.base.db,
      horloge: () => t.maintenant.valeur,
      communes: referentielCommunes(),
      catalogue: creerCatalogueLieux(t.base.db),
    })
    for (const fichier of [PACA, FS])
      await importer({ contenu: readFileSync(path.join(DATA, fichier)), fichier, acteurId: null })
    await t.app.listen({ host: '127.0.0.1', port: 0 })
    port = (t.app.server.address() as AddressInfo).port
  }, 180_000)
  afterAll(async () => t.fermer())

  it.each([
    ['/admin/lieux/import', 'fichier', 401],
    ['/candidat/cv', 'cv', 401],
    ['/structure/candidature', 'fichier', 415],
  ])('%s (champ %s) répond %i à un envoi anonyme sans attendre son corps', async (chemin, champ, attendu) => {
    // 1 MB of a 19 MB body is sent, and the rest never: only a server that does not read it answers.
    const statut = await Promise.race([
      envoyer(port, chemin, { octets: 19 * MO, ip: '198.51.100.1', champ, jusqua: MO }),
      new Promise<string>((fin) => setTimeout(() => fin('pas de réponse avant le corps entier'), 5_000)),
    ])
    expect(statut).toBe(attendu)
  })

  it('16 envois anonymes de 19 Mo sur chaque route d’envoi : mémoire résidente bornée', async () => {
    const avant = await apresCollecte()
    let pic = avant
    const releve = setInterval(() => {
      pic = Math.max(pic, rss())
    }, 5)
    const routes: [string, string, number[]][] = [
      ['/admin/lieux/import', 'fichier', [401]],
      ['/candidat/cv', 'cv', [401]],
      // Public form: read, but one file of 2 MB at most, then refused for its missing CSRF token.
      ['/candidature/conseiller', 'cv', [403]],
    ]
    let statuts: number[] = []
    try {
      statuts = await Promise.all(
        routes.flatMap(([chemin, champ]) =>
          Array.from({ length: 16 }, (_, i) =>
            envoyer(port, chemin, { octets: 19 * MO, ip: `203.0.113.${i + 1}`, champ }),
          ),
        ),
      )
    } finally {
      clearInterval(releve)
    }
    pic = Math.max(pic, rss())
    expect((pic - avant) / MO).toBeLessThan(100)
    routes.forEach(([chemin, , attendus], r) => {
      for (const s of statuts.slice(r * 16, (r + 1) * 16)) expect(attendus, chemin).toContain(s)
    })
  }, 120_000)

  it('4 000 requêtes anonymes de l’API des lieux (2 000 distinctes, 100 lieux chacune) : mémoire gardée bornée', async () => {
    const avant = await apresCollecte()
    // Over HTTP, as the clients come: `inject` keeps objects of its own between requests.
    for (let i = 0; i < 2_000; i++) {
      // Each query twice: the answer memory keeps only queries it has seen before.
      const url = `/api/v1/lieux?near=${(43.2965 + i * 1e-4).toFixed(4)},5.3698&radius=50&limit=100`
      for (const fois of [1, 2]) {
        const r = await fetch(`http://127.0.0.1:${port}${url}`, {
          headers: { 'x-forwarded-for': `192.0.2.${(i % 250) + 1}` },
        })
        const corps = await r.text()
        if (r.status !== 200) throw new Error(`${url} (${fois}) : ${r.status}`)
        if (i === 0 && fois === 1)
          expect((JSON.parse(corps) as { resultats: unknown[] }).resultats).toHaveLength(100)
      }
    }
    const apres = await apresCollecte()
    expect((apres - avant) / MO).toBeLessThan(100)
  }, 300_000)
})
