import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { type AppDeTest, appDeTest, connecter, creerCompteTest, H } from '../../../tests/support/app'
import { MOTEURS } from '../../../tests/support/bases'
import { Navigateur } from '../../../tests/support/navigateur'
import { exigerRole } from '../auth/utilisateur'
import { Csrf, ResumeErreurs } from '../layout/components'
import { ETAT_VIDE, pageFormulaire, refus, reussite } from './page-formulaire'

/** A page with one form, registered on the real app: what every domain's form pages rely on. */
const livres = new Map<string, { titre: string; pages: number }>([
  ['a1', { titre: 'Le Petit Prince', pages: 96 }],
])
const ecrits: { id: string; titre: string; pages: number }[] = []

const schema = z.object({
  titre: z.string().trim().min(1, 'Saisissez le titre.'),
  pages: z.coerce.number().int('Saisissez un nombre entier.').min(1, 'Au moins une page.'),
})

function ajouterPageDeTest(app: Parameters<NonNullable<Parameters<typeof appDeTest>[3]>>[0]) {
  pageFormulaire(app, {
    url: '/essai/livres/:id',
    garde: exigerRole('admin'),
    params: z.object({ id: z.string().regex(/^[a-z]\d$/) }),
    charger: ({ params }) => {
      const l = livres.get(params.id)
      return l && { id: params.id, ...l }
    },
    page: (livre, etat, ctx) => ({
      titre: `Livre ${livre.titre}`,
      contenu: (
        <form method="post" action={`/essai/livres/${livre.id}`}>
          <ResumeErreurs erreurs={etat.erreurs} />
          <Csrf jeton={ctx.csrf} />
          <input name="titre" value={etat.valeurs.titre ?? livre.titre} />
          <input name="pages" value={etat.valeurs.pages ?? String(livre.pages)} />
          <p id="etat" safe>
            {etat === ETAT_VIDE ? 'vide' : `action ${etat.action}`}
          </p>
        </form>
      ),
    }),
  }).action('/essai/livres/:id', {
    schema,
    executer: ({ donnees, modele }) => {
      if (donnees.titre === 'Interdit') return refus({ titre: 'Ce titre est déjà pris.' }, 409)
      ecrits.push({ id: modele.id, ...donnees })
      return reussite(`/essai/livres/${modele.id}`, 'Le livre est enregistré.')
    },
  })
}

describe.each(MOTEURS)('page de formulaire partagée (%s)', (moteur) => {
  let t: AppDeTest
  let n: Navigateur
  beforeAll(async () => {
    ecrits.length = 0
    t = await appDeTest(moteur, {}, undefined, ajouterPageDeTest)
    n = new Navigateur(t.app)
    await connecter(n, t, await creerCompteTest(t.base, { habilitations: H.admin(), totp: true }))
  })
  afterAll(() => t?.fermer())

  it('sert la page avec un état vide, et 404 pour des paramètres invalides ou un objet inconnu', async () => {
    const r = await n.get('/essai/livres/a1')
    expect(r.statusCode).toBe(200)
    expect(r.body).toContain('<p id="etat">vide</p>')
    expect((await n.get('/essai/livres/../../x')).statusCode).toBe(404)
    expect((await n.get('/essai/livres/zz')).statusCode).toBe(404)
    expect((await n.get('/essai/livres/b2')).statusCode).toBe(404)
  })

  it('refuse un envoi invalide en 400, avec les messages en français et les valeurs tapées', async () => {
    await n.get('/essai/livres/a1')
    const r = await n.post('/essai/livres/a1', { titre: 'Vol de nuit', pages: 'douze' })
    expect(r.statusCode).toBe(400)
    expect(r.body).toContain('value="Vol de nuit"')
    expect(r.body).toContain('value="douze"')
    expect(r.body).toMatch(/<title>Erreur : Livre Le Petit Prince/)
    expect(r.body).toContain('action /essai/livres/:id')
    expect(r.body).not.toMatch(/Invalid|expected/)
    expect(ecrits).toHaveLength(0)
  })

  it('rend un refus métier avec son statut et les valeurs, puis redirige après un succès', async () => {
    await n.get('/essai/livres/a1')
    const refuse = await n.post('/essai/livres/a1', { titre: 'Interdit', pages: '12' })
    expect(refuse.statusCode).toBe(409)
    expect(refuse.body).toContain('Ce titre est déjà pris.')
    expect(refuse.body).toContain('value="Interdit"')
    const ok = await n.post('/essai/livres/a1', { titre: 'Vol de nuit', pages: '12' })
    expect(ok.statusCode).toBe(303)
    expect(ok.headers.location).toBe('/essai/livres/a1')
    expect(ecrits.at(-1)).toEqual({ id: 'a1', titre: 'Vol de nuit', pages: 12 })
    expect((await n.get('/essai/livres/a1')).body).toContain('Le livre est enregistré.')
  })

  it('garde la page et ses envois : personne d’autre que le rôle prévu', async () => {
    const anonyme = new Navigateur(t.app)
    expect((await anonyme.get('/essai/livres/a1')).statusCode).toBe(303)
    const conseiller = new Navigateur(t.app)
    await connecter(conseiller, t, await creerCompteTest(t.base, { habilitations: H.conseiller('s1') }))
    expect((await conseiller.get('/essai/livres/a1')).statusCode).toBe(403)
    await conseiller.get('/espace')
    const avant = ecrits.length
    expect((await conseiller.post('/essai/livres/a1', { titre: 'X', pages: '1' })).statusCode).toBe(403)
    expect(ecrits).toHaveLength(avant)
  })
})
