import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest } from '../../../tests/support/app'
import { MOTEURS } from '../../../tests/support/bases'
import { Navigateur } from '../../../tests/support/navigateur'

/** The visible text of a page's main content: no tags, scripts, styles or attribute values. */
function texteVisible(html: string): string {
  const debut = html.indexOf('<main')
  const fin = html.indexOf('</main>')
  return (debut >= 0 ? html.slice(debut, fin) : html)
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&[a-z]+;/g, ' ')
}

/** What a person should never read: « poste(s) », an ISO date, a placeholder date. */
function fautesDeTexte(texte: string): string[] {
  const fautes = [...texte.matchAll(/\S*\((?:e?s|x)\)\S*/g)].map((m) => `pluriel « ${m[0]} »`)
  for (const m of texte.matchAll(/\b\d{4}-\d{2}-\d{2}\b/g)) fautes.push(`date ISO « ${m[0]} »`)
  return fautes
}

describe('texte des pages : fautes repérées', () => {
  it('repère « (s) » et les dates ISO, pas les nombres ni les heures', () => {
    expect(fautesDeTexte('3 poste(s) validé(s) le 2026-03-02')).toEqual([
      'pluriel « poste(s) »',
      'pluriel « validé(s) »',
      'date ISO « 2026-03-02 »',
    ])
    expect(fautesDeTexte('2 postes, le 2 mars 2026 à 10 h 05, 13003 Marseille (13)')).toEqual([])
  })
})

describe.each(MOTEURS)('texte des pages de chaque compte de démonstration (%s)', (moteur) => {
  let t: AppDeTest
  beforeAll(async () => {
    t = await appDeTest(moteur, { DEMO_DATA: '1' })
  }, 180_000)
  afterAll(async () => t?.fermer())

  it('ni « (s) » ni date ISO sur l’espace et les pages de son menu', async () => {
    const demo = await new Navigateur(t.app).get('/demo')
    const comptes = [
      ...new Set([...demo.body.matchAll(/action="(\/demo\/[0-9a-f-]{36})"/g)].map((m) => m[1]!)),
    ]
    expect(comptes.length).toBeGreaterThan(5)
    const fautes: string[] = []
    let lues = 0
    for (const action of comptes) {
      const n = new Navigateur(t.app)
      await n.get('/demo')
      await n.post(action)
      const espace = await n.get('/espace')
      const menu = [...espace.body.matchAll(/class="fr-nav__link" href="(\/[^"#]*)"/g)].map((m) => m[1]!)
      for (const url of new Set(['/espace', ...menu])) {
        const r = await n.get(url)
        if (r.statusCode !== 200 || !String(r.headers['content-type']).includes('text/html')) continue
        lues++
        for (const f of fautesDeTexte(texteVisible(r.body))) fautes.push(`${url} : ${f}`)
      }
    }
    // Every account reads its space and at least one page of its menu.
    expect(lues).toBeGreaterThan(comptes.length * 2)
    expect([...new Set(fautes)]).toEqual([])
  }, 300_000)
})
