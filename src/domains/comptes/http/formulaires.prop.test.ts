import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, connecter, creerCompteTest, H } from '../../../../tests/support/app'
import { Navigateur } from '../../../../tests/support/navigateur'
import { comptes } from '../db/schema'

/**
 * Whatever a form receives — missing fields, arrays, huge or odd strings — the answer is a 2xx/3xx/4xx
 * with a French message, never a 5xx, and a refused form writes nothing.
 */
const valeur = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 300, maxLength: 400 }),
  fc.constantFrom(
    '',
    ' ',
    'admin',
    'national:',
    'departement:13',
    'structure:xyz',
    '@',
    'a@b',
    'x@exemple.fr',
    '0'.repeat(6),
    '<script>alert(1)</script>',
    '\u0000',
    '💥',
  ),
)
const corps = (champs: string[]) =>
  fc.dictionary(fc.constantFrom(...champs, 'autre'), valeur, { maxKeys: champs.length + 1 })

describe('formulaires des comptes face à des saisies arbitraires (pglite)', () => {
  let t: AppDeTest
  let admin: Navigateur
  beforeAll(async () => {
    t = await appDeTest('pglite', { LOG_LEVEL: 'silent' })
    const a = await creerCompteTest(t.base, { habilitations: H.admin(), totp: true })
    admin = new Navigateur(t.app)
    await connecter(admin, t, a)
  })
  afterAll(async () => t.fermer())

  // Each run comes from another address, so the per-address rate limit does not hide the form's own answers.
  let adresse = 0
  const autreAdresse = () =>
    new Navigateur(t.app, undefined, `10.0.${Math.floor(++adresse / 250)}.${adresse % 250}`)

  const formulaires: [string, string, string[], () => Navigateur][] = [
    ['/connexion', '/connexion', ['email', 'mot_de_passe', 'retour'], () => autreAdresse()],
    ['/connexion/lien', '/connexion/lien', ['email'], () => autreAdresse()],
    ['/mot-de-passe-oublie', '/mot-de-passe-oublie', ['email'], () => autreAdresse()],
    ['/equipe/inviter', '/equipe/inviter', ['email', 'prenom', 'nom', 'role', 'portee'], () => admin],
  ]

  it.each(formulaires)('POST %s ne répond jamais 5xx', async (page, action, champs, nav) => {
    const avant = (await t.base.db.select().from(comptes)).length
    await fc.assert(
      fc.asyncProperty(corps(champs), async (c) => {
        const n = nav()
        await n.get(page)
        const r = await n.post(action, c)
        expect(r.statusCode, JSON.stringify(c)).toBeLessThan(500)
        expect(r.statusCode).not.toBe(429)
        if (r.statusCode === 400) expect(r.body).toContain('fr-error-text')
      }),
      { numRuns: 40 },
    )
    const apres = (await t.base.db.select().from(comptes)).length
    // Random invitations can be valid (an admin may invite anyone): each valid one creates exactly one account.
    if (action !== '/equipe/inviter') expect(apres).toBe(avant)
  })
})
