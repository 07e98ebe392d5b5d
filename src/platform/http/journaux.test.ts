import { Writable } from 'node:stream'
import { eq, sql } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, connecter, creerCompteTest, H } from '../../../tests/support/app'
import { MOTEURS } from '../../../tests/support/bases'
import { Navigateur } from '../../../tests/support/navigateur'
import { comptes } from '../../domains/comptes/db/schema'

// What people type or send: it must be nowhere in the logs, whatever fails.
const EMAIL = 'marguerite.dupontel@exemple.fr'
const NOM = 'Dupontel'
const TELEPHONE = '06 12 34 56 78'
const MOTIVATION = 'Je souhaite accompagner les habitants de Saint-Affrique'

describe.each(MOTEURS)('journaux sans données personnelles (%s)', (moteur) => {
  let t: AppDeTest | undefined
  afterEach(async () => {
    await t?.fermer()
    t = undefined
  })

  it('ni les paramètres d’une requête en échec, ni les valeurs citées par la base, ni les recherches', async () => {
    const lignes: string[] = []
    const flux = new Writable({
      write(chunk, _enc, fin) {
        lignes.push(String(chunk))
        fin()
      },
    })
    const base = () => t!.base.db
    t = await appDeTest(moteur, {}, flux, (app) => {
      // A parameter the engine quotes back in its message ("invalid input syntax for type uuid: …").
      app.get('/essai/uuid', async () => base().select().from(comptes).where(eq(comptes.id, EMAIL)))
      // A unique violation: Drizzle's message lists the parameters, the engine's detail the key.
      app.get('/essai/doublon', async () => {
        const ligne = { email: EMAIL, prenom: 'Marguerite', nom: NOM }
        await base().insert(comptes).values(ligne)
        await base().insert(comptes).values(ligne)
      })
      app.get('/essai/texte', async () => base().execute(sql`select ${TELEPHONE}::int, ${MOTIVATION}`))
      // The domains' background jobs log `{ err: { message } }` themselves: the serializer cleans it too.
      app.get('/essai/tache', async (request) => {
        try {
          await base().execute(sql`select ${MOTIVATION}::int`)
        } catch (e) {
          request.log.error({ err: { message: (e as Error).message } }, 'tâche en échec')
        }
        return 'ok'
      })
    })
    for (const url of ['/essai/uuid', '/essai/doublon', '/essai/texte'])
      expect((await t.app.inject(url)).statusCode).toBe(500)
    await t.app.inject('/essai/tache')

    // Searches: an e-mail address typed in the accounts search, and in any query string.
    const admin = await creerCompteTest(t.base, { habilitations: H.admin(), totp: true })
    const n = new Navigateur(t.app)
    await connecter(n, t, admin)
    const recherche = await n.get(`/admin/comptes?q=${encodeURIComponent(EMAIL)}`)
    expect(recherche.statusCode).toBe(200)
    expect(recherche.body).toContain(NOM)
    await n.get(`/nulle-part?email=${encodeURIComponent(EMAIL)}&tel=${encodeURIComponent(TELEPHONE)}`)

    const journal = lignes.join('')
    const entrees = lignes.map((l) => JSON.parse(l) as Record<string, unknown>)
    // What is needed to find the fault is there…
    const erreurs = entrees
      .filter((e) => e.msg === 'erreur inattendue')
      .map((e) => e.err as Record<string, string>)
    expect(erreurs.map((e) => e.code)).toEqual(['22P02', '23505', '22P02'])
    expect(erreurs[0]!.requete).toMatch(/^select .* from "comptes" where "comptes"\."id" = \$1$/)
    expect(erreurs[1]).toMatchObject({ contrainte: 'comptes_email_uq', table: 'comptes' })
    expect(erreurs[1]!.requete).toContain('insert into "comptes"')
    expect(erreurs.every((e) => /^\s+at .*session\.ts/.test(e.pile ?? ''))).toBe(true)
    expect(entrees.find((e) => e.msg === 'tâche en échec')?.err).toMatchObject({
      message: expect.stringContaining('Failed query: select $1::int'),
    })
    expect(journal).toContain('/admin/comptes?q=[masqué]')
    expect(journal).toContain('/nulle-part?email=[masqué]&tel=[masqué]')
    // …and what was typed is not.
    for (const donnee of [
      EMAIL,
      encodeURIComponent(EMAIL),
      'marguerite.dupontel',
      NOM,
      TELEPHONE,
      encodeURIComponent(TELEPHONE),
      MOTIVATION,
      'params:',
    ])
      expect(journal).not.toContain(donnee)
  })
})
