import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest } from '../../../../tests/support/app'
import { Navigateur } from '../../../../tests/support/navigateur'
import { diagnosticReponses } from '../db/schema'

/** Bad input on every public form: never a 5xx, and a refusal never writes an answer. */
describe('formulaires du diagnostic face à n’importe quelle saisie', () => {
  let t: AppDeTest
  beforeAll(async () => {
    t = await appDeTest('pglite')
  })
  afterAll(async () => t.fermer())

  const champ = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.constantFrom('', 'oui', 'a14', '{"clavier":1}', '{"x":"y"}', '9'.repeat(3000)),
  )
  const corps = fc.dictionary(
    fc.constantFrom(
      'etape',
      'choix',
      'passer',
      'mesures',
      'termine',
      'nom',
      'code_postal',
      'date_naissance',
      'email',
      'certifie',
      'message',
    ),
    champ,
  )

  it('POST /diagnostic/etape répond 200, 303 ou 400, jamais 5xx', async () => {
    const n = new Navigateur(t.app)
    await n.get('/diagnostic')
    await n.post('/diagnostic/commencer')
    await fc.assert(
      fc.asyncProperty(corps, async (champs) => {
        await n.get('/diagnostic')
        const avant = (await t.base.db.select().from(diagnosticReponses)).length
        const r = await n.post('/diagnostic/etape', champs)
        expect([200, 303, 400]).toContain(r.statusCode)
        if (r.statusCode === 400)
          expect((await t.base.db.select().from(diagnosticReponses)).length).toBe(avant)
      }),
      { numRuns: 60 },
    )
  })

  it('POST /diagnostic/code et l’envoi du résultat refusent proprement', async () => {
    const n = new Navigateur(t.app)
    await fc.assert(
      fc.asyncProperty(champ, champ, async (code, destinataire) => {
        await n.get('/diagnostic/code')
        const r = await n.post('/diagnostic/code', { code })
        // 429: the code form is rate-limited per address, which this run exceeds on purpose.
        expect([303, 400, 422, 429]).toContain(r.statusCode)
        await n.get('/diagnostic')
        const e = await n.post('/diagnostic/resultat/envoyer', { canal: 'email', destinataire })
        expect(e.statusCode).toBeLessThan(500)
      }),
      { numRuns: 40 },
    )
  })

  it('les pages de lieux refusent un code postal quelconque par un 400 en français, jamais un 5xx', async () => {
    const n = new Navigateur(t.app)
    await fc.assert(
      fc.asyncProperty(champ, async (commune) => {
        const r = await n.get(`/diagnostic/accompagnement?commune=${encodeURIComponent(commune)}`)
        expect([200, 400]).toContain(r.statusCode)
        if (r.statusCode === 400) expect(r.body).toMatch(/code postal/)
      }),
      { numRuns: 40 },
    )
  })
})
