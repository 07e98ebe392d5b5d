import { existsSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest } from '../../../tests/support/app'
import { AMELIORATIONS_PREVUES, CRITERES_VERIFIES, ETAT_CONFORMITE, NON_CONFORMITES } from './legales.page'

const RACINE = path.resolve(import.meta.dirname, '../../..')
const DATE =
  /^\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) 20\d\d$/

describe('déclaration d’accessibilité (RGAA)', () => {
  let t: AppDeTest
  beforeAll(async () => {
    t = await appDeTest('pglite', { ACCESSIBILITE_CONTACT: 'a11y@exemple.gouv.fr' })
  })
  afterAll(async () => t.fermer())

  it('publie l’état de conformité, les critères vérifiés, les non-conformités datées, les dérogations, le contact et les recours', async () => {
    const r = await t.app.inject({ url: '/accessibilite' })
    expect(r.statusCode).toBe(200)
    const html = r.body
    // Without an audit the only lawful state is « non conforme »; the footer of every page says it too.
    expect(ETAT_CONFORMITE).toBe('non conforme')
    expect(html).toContain(`<strong>${ETAT_CONFORMITE}</strong>`)
    expect(html).toContain(`Accessibilité : ${ETAT_CONFORMITE}`)
    expect(html).not.toContain('partiellement conforme</')
    for (const titre of [
      'État de conformité',
      'Résultats des tests',
      'Contenus non accessibles',
      'Non-conformités',
      'Dérogations pour charge disproportionnée',
      'Contenus non soumis à l’obligation d’accessibilité',
      'Établissement de cette déclaration',
      'Retour d’information et contact',
      'Voies de recours',
    ])
      expect(html, titre).toContain(`${titre}</h`)
    expect(html).toContain('article 47 de la loi n° 2005-102')
    expect(html).toContain('href="mailto:a11y@exemple.gouv.fr"')
    expect(html).toContain('Libre réponse 71120')
    for (const c of CRITERES_VERIFIES) expect(html).toContain(`<td>${c.criteres}</td>`)
    expect(NON_CONFORMITES.length).toBeGreaterThan(0)
    for (const n of [...NON_CONFORMITES, ...AMELIORATIONS_PREVUES]) {
      expect(n.correction, n.quoi).toMatch(DATE)
      expect(html).toContain(n.correction)
    }
  })

  it('chaque critère dit vérifié est tenu par un test qui existe', () => {
    for (const c of CRITERES_VERIFIES) expect(existsSync(path.join(RACINE, c.test)), c.test).toBe(true)
  })
})
