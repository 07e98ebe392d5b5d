import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest } from './support/app'
import { MOTEURS } from './support/bases'
import type { Navigateur } from './support/navigateur'
import { cheminsReels, navigateursParRole, type RouteDeclaree, routesDeclarees } from './support/parcours'

/**
 * Every POST form of the app, as each role sees it: sent with a distinctive value in each text field
 * (and so at least one invalid field: the values are not e-mails, dates nor numbers), a refused form
 * must come back with what was typed. The forms are found by reading the pages of every GET route of
 * the route table, with their real ids, not from a list someone keeps.
 */

interface Formulaire {
  page: string
  action: string
  multipart: boolean
  /** Fields sent as they are (hidden fields, first option of a list). */
  fixes: Record<string, string>
  /** Free-text fields, which must come back as typed. */
  textes: string[]
}

/** Forms that end the session or sign in: not what this test is about. */
const HORS_SUJET = /^\/(deconnexion|demo\/|compte\/sessions|connexion|mot-de-passe|aidants\/connexion)/
/** Fields a refused form never shows again, on purpose (secrets). */
const SECRETS = /mot_?de_?passe|password|^code$/i

const attributs = (balise: string) =>
  Object.fromEntries([...balise.matchAll(/([a-z-]+)="([^"]*)"/g)].map((m) => [m[1], m[2] ?? '']))

function formulairesDe(page: string, html: string): Formulaire[] {
  const trouves: Formulaire[] = []
  for (const f of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const a = attributs(f[1] as string)
    if ((a.method ?? '').toLowerCase() !== 'post' || !a.action?.startsWith('/')) continue
    const contenu = f[2] as string
    const fixes: Record<string, string> = {}
    const textes: string[] = []
    for (const m of contenu.matchAll(/<input\b[^>]*>/g)) {
      const c = attributs(m[0])
      if (!c.name) continue
      const type = c.type ?? 'text'
      if (type === 'hidden') fixes[c.name] = c.value ?? ''
      else if (['text', 'email', 'tel', 'url', 'search', 'date', 'number'].includes(type)) {
        if (!SECRETS.test(c.name)) textes.push(c.name)
      }
    }
    for (const m of contenu.matchAll(/<textarea\b([^>]*)>/g)) {
      const nom = attributs(m[1] as string).name
      if (nom && !SECRETS.test(nom)) textes.push(nom)
    }
    for (const m of contenu.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      const nom = attributs(m[1] as string).name
      const premiere = /<option\b[^>]*value="([^"]+)"/.exec(m[2] as string)
      if (nom && premiere) fixes[nom] = premiere[1] as string
    }
    if (textes.length)
      trouves.push({
        page,
        action: a.action.replace(/&amp;/g, '&'),
        multipart: a.enctype === 'multipart/form-data',
        fixes,
        textes: [...new Set(textes)],
      })
  }
  return trouves
}

function multipart(champs: Record<string, string>): { type: string; contenu: string } {
  const limite = 'limite-escale-formulaire'
  const parties = Object.entries(champs).map(
    ([k, v]) => `--${limite}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  )
  return { type: `multipart/form-data; boundary=${limite}`, contenu: `${parties.join('')}--${limite}--\r\n` }
}

describe.each(MOTEURS)('chaque formulaire garde la saisie après un refus (%s)', (moteur) => {
  let t: AppDeTest
  let routes: RouteDeclaree[]
  let navigateurs: [string, Navigateur][]

  beforeAll(async () => {
    t = await appDeTest(moteur, { DEMO_DATA: '1' })
    routes = routesDeclarees(t.app)
    navigateurs = await navigateursParRole(t)
  }, 120_000)
  afterAll(async () => {
    await t?.fermer()
  })

  it('les formulaires de toutes les pages, pour chaque rôle, réaffichent ce qui a été tapé', async () => {
    const oublis: string[] = []
    const essayes = new Set<string>()
    let refuses = 0
    for (const [qui, nav] of navigateurs) {
      const reels = new Map<string, Set<string>>()
      const pages = routes.filter((r) => r.methode === 'GET' && !/[:*]/.test(r.chemin)).map((r) => r.chemin)
      const vues = new Map<string, string>()
      for (const page of pages) {
        const r = await nav.get(page)
        if (r.statusCode !== 200 || !String(r.headers['content-type']).startsWith('text/html')) continue
        vues.set(page, r.body)
        cheminsReels(routes, r.body, reels)
      }
      for (const [chemin, urls] of reels) {
        if (!routes.some((r) => r.methode === 'GET' && r.chemin === chemin)) continue
        const url = [...urls][0] as string
        const r = await nav.get(url)
        if (r.statusCode === 200 && String(r.headers['content-type']).startsWith('text/html'))
          vues.set(url, r.body)
      }
      for (const [page, html] of vues)
        for (const f of formulairesDe(page, html)) {
          const motif = f.action.replace(/[0-9a-f-]{36}/g, ':id')
          const cle = `${qui} ${motif} ${f.textes.join(',')}`
          if (HORS_SUJET.test(f.action) || essayes.has(cle)) continue
          essayes.add(cle)
          // Each text field gets its own value, none of which is a valid e-mail, date or number.
          const tapes = Object.fromEntries(f.textes.map((nom, i) => [nom, `Saisie${i}Gardee`]))
          await nav.get(page)
          const champs = { ...f.fixes, ...tapes, _csrf: nav.dernierCsrf ?? '' }
          const corps = f.multipart
            ? multipart(champs)
            : { type: 'application/x-www-form-urlencoded', contenu: new URLSearchParams(champs).toString() }
          const r = await t.app.inject({
            method: 'POST',
            url: f.action,
            headers: {
              cookie: [...nav.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
              'content-type': corps.type,
            },
            payload: corps.contenu,
          })
          expect(r.statusCode, `${qui} ${f.action}`).toBeLessThan(500)
          // Refused and shown again (the form is on the answer): every typed value must be there.
          if (r.statusCode < 400 || !r.body.includes(`action="${f.action}"`)) continue
          refuses++
          const manquants = Object.entries(tapes).filter(([, v]) => !r.body.includes(v))
          if (manquants.length)
            oublis.push(`${qui} ${motif} (${r.statusCode}) oublie ${manquants.map(([k]) => k).join(', ')}`)
        }
    }
    expect(oublis).toEqual([])
    // The walk did find and refuse the back-office forms, not only a handful of public ones.
    expect(refuses).toBeGreaterThan(20)
    for (const attendu of ['/formation/sessions', '/formation/objectifs', '/comite/programme/vagues'])
      expect([...essayes].some((c) => c.includes(` ${attendu} `))).toBe(true)
  }, 300_000)
})
