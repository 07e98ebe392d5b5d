import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, connecter, creerCompteTest, H } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import { cspAvecFormulairesVers } from '../../../platform/http/securite'
import { creerOrganisation } from '../db/organisations-repository'

const FC = 'https://fc.exemple.gouv.fr'

const formAction = (csp: unknown) =>
  String(csp)
    .split(';')
    .find((d) => d.startsWith('form-action '))

describe('CSP : form-action élargi à des origines données', () => {
  it('n’ajoute que l’origine de chaque adresse, rien de ce qui suit', () => {
    const csp = "default-src 'self';form-action 'self';script-src 'self'"
    const elargi = cspAvecFormulairesVers(csp, [
      'https://partenaire.exemple.fr/retour?x=1',
      'https://partenaire.exemple.fr/autre',
      "https://b.exemple.fr/;script-src 'unsafe-inline'",
      'javascript:alert(1)',
      'pas une adresse',
    ])
    expect(formAction(elargi)).toBe("form-action 'self' https://partenaire.exemple.fr https://b.exemple.fr")
    expect(elargi).toContain(";script-src 'self'")
    expect(elargi).not.toContain('unsafe-inline')
    expect(cspAvecFormulairesVers(csp, [])).toBe(csp)
  })
})

describe.each(MOTEURS)('CSP des pages dont le formulaire mène à FranceConnect (%s)', (moteur) => {
  let t: AppDeTest
  let n: Navigateur

  beforeAll(async () => {
    t = await appDeTest(moteur, { FRANCECONNECT_ISSUER: `${FC}/api/v2` })
    const org = await creerOrganisation(t.base.db, {
      nom: 'Org',
      type: 'ccas',
      codeCommune: '59350',
      codeDepartement: '59',
      codeRegion: '32',
    })
    const aidant = await creerCompteTest(t.base, { habilitations: H.aidant(org.id), totp: true })
    n = new Navigateur(t.app)
    await connecter(n, t, aidant)
  })
  afterAll(async () => t?.fermer())

  it('autorise FranceConnect sur la création de mandat et l’espace de l’usager', async () => {
    for (const url of ['/aidants/mandats/nouveau', '/mes-mandats']) {
      const r = await n.get(url)
      expect(r.statusCode).toBe(200)
      expect(formAction(r.headers['content-security-policy'])).toBe(`form-action 'self' ${FC}`)
    }
  })

  it('garde form-action limité à notre origine sur les autres pages', async () => {
    for (const url of ['/aidants/espace', '/aidants/connexion', '/']) {
      const r = await n.get(url)
      expect(formAction(r.headers['content-security-policy'])).toBe("form-action 'self'")
    }
  })
})
