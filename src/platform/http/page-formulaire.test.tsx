import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { type AppDeTest, appDeTest, connecter, creerCompteTest, H } from '../../../tests/support/app'
import { MOTEURS } from '../../../tests/support/bases'
import { Navigateur } from '../../../tests/support/navigateur'
import { exigerRole } from '../auth/utilisateur'
import { Csrf, ResumeErreurs } from '../layout/components'
import { enregistrerMultipart } from './multipart'
import { ETAT_VIDE, pageFormulaire, redirection, refus, reussite } from './page-formulaire'

/** A page with one form, registered on the real app: what every domain's form pages rely on. */
const livres = new Map<string, { titre: string; pages: number }>([
  ['a1', { titre: 'Le Petit Prince', pages: 96 }],
])
const ecrits: { id: string; titre: string; pages: number }[] = []

const schema = z.object({
  titre: z.string().trim().min(1, 'Saisissez le titre.'),
  pages: z.coerce.number().int('Saisissez un nombre entier.').min(1, 'Au moins une page.'),
})

type App = Parameters<NonNullable<Parameters<typeof appDeTest>[3]>>[0]

/** The form of the pages below: one text field per name, and what the page was rendered with. */
const formulaire = (action: string, csrf: string, valeurs: Record<string, string>, noms: string[]) => (
  <form method="post" action={action}>
    <Csrf jeton={csrf} />
    {noms.map((nom) => (
      <input name={nom} value={valeurs[nom] ?? ''} />
    ))}
  </form>
)

/** A page that goes elsewhere while a flag is up, a rate-limited action, and one fixing a field. */
const deviee = { active: false }
function ajouterPagesAnnexes(app: App) {
  pageFormulaire(app, {
    url: '/essai/avis',
    config: { rateLimit: { max: 50, timeWindow: '1 minute' } },
    charger: () =>
      deviee.active ? redirection('/essai/ailleurs', { type: 'info', message: 'Déjà donné.' }) : {},
    page: (_d, etat, ctx) => ({
      titre: 'Avis',
      contenu: (
        <>
          <ResumeErreurs erreurs={etat.erreurs} />
          {formulaire('/essai/avis', ctx.csrf, etat.valeurs, ['avis', 'auteur'])}
        </>
      ),
    }),
  }).action('/essai/avis', {
    schema: z.object({ avis: z.string().min(3, 'Écrivez votre avis.'), auteur: z.string() }),
    config: { rateLimit: { max: 2, timeWindow: '1 minute' } },
    imposer: () => ({ auteur: 'le compte' }),
    executer: ({ donnees }) => {
      ecrits.push({ id: donnees.auteur, titre: donnees.avis, pages: 0 })
      return reussite('/essai/avis')
    },
  })
}

/** Multipart, in its own scope: `onFile` counts the parts it reads (none before the guard has run). */
const televersement = { lus: 0 }
const piece = z.object({ nom: z.string().min(1), taille: z.number().int() }, { error: 'Joignez un fichier.' })
async function ajouterPageMultipart(scope: App) {
  await enregistrerMultipart(scope, {
    attachFieldsToBody: 'keyValues',
    limits: { files: 1, fileSize: 1000 },
    async onFile(part) {
      televersement.lus++
      const octets = await part.toBuffer()
      ;(part as unknown as { value: unknown }).value = { nom: part.filename, taille: octets.length }
    },
  })
  pageFormulaire(scope, {
    url: '/essai/pieces',
    garde: exigerRole('admin'),
    charger: () => ({}),
    page: (_d, etat, ctx) => ({
      titre: 'Pièces',
      contenu: (
        <>
          <ResumeErreurs erreurs={etat.erreurs} />
          {formulaire('/essai/pieces', ctx.csrf, etat.valeurs, ['titre'])}
        </>
      ),
    }),
  }).action('/essai/pieces', {
    schema: z.object({ titre: z.string().trim().min(1, 'Saisissez le titre.') }),
    fichiers: z.object({ piece }),
    executer: ({ donnees, fichiers }) => {
      ecrits.push({ id: fichiers.piece.nom, titre: donnees.titre, pages: fichiers.piece.taille })
      return reussite('/essai/pieces')
    },
  })
}

/** A multipart body as a browser sends it: text fields, then one file part (or none). */
function multipart(champs: Record<string, string>, fichier?: { nom: string; contenu: string }) {
  const f = '----essai'
  const parts = Object.entries(champs).map(
    ([k, v]) => `--${f}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  )
  if (fichier)
    parts.push(
      `--${f}\r\nContent-Disposition: form-data; name="piece"; filename="${fichier.nom}"\r\n` +
        `Content-Type: application/pdf\r\n\r\n${fichier.contenu}\r\n`,
    )
  return { type: `multipart/form-data; boundary=${f}`, corps: `${parts.join('')}--${f}--\r\n` }
}

function ajouterPageDeTest(app: App) {
  ajouterPagesAnnexes(app)
  app.register(ajouterPageMultipart)
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

  it('suit la redirection de charger au GET comme au POST, avec son message', async () => {
    deviee.active = true
    try {
      const r = await n.get('/essai/avis')
      expect(r.statusCode).toBe(303)
      expect(r.headers.location).toBe('/essai/ailleurs')
      expect((await n.get('/essai/livres/a1')).body).toContain('Déjà donné.')
      const avant = ecrits.length
      const p = await n.post('/essai/avis', { avis: 'Très bien', auteur: 'x' })
      expect(p.statusCode).toBe(303)
      expect(p.headers.location).toBe('/essai/ailleurs')
      expect(ecrits).toHaveLength(avant)
    } finally {
      deviee.active = false
    }
  })

  it('applique la config de la route (limite de débit) et impose les champs du serveur', async () => {
    const visiteur = new Navigateur(t.app, undefined, '198.51.100.7')
    await visiteur.get('/essai/avis')
    const refuse = await visiteur.post('/essai/avis', { avis: 'x', auteur: 'moi' })
    expect(refuse.statusCode).toBe(400)
    expect(refuse.body).toContain('Écrivez votre avis.')
    const ok = await visiteur.post('/essai/avis', { avis: 'Très bien', auteur: 'moi' })
    expect(ok.statusCode).toBe(303)
    expect(ecrits.at(-1)).toEqual({ id: 'le compte', titre: 'Très bien', pages: 0 })
    // Two envois per minute for this action; its page has its own, larger limit.
    expect((await visiteur.post('/essai/avis', { avis: 'Encore', auteur: 'moi' })).statusCode).toBe(429)
    expect((await visiteur.get('/essai/avis')).statusCode).toBe(200)
  })

  it('lit un corps multipart : texte par le schéma, fichier par le sien, valeurs rendues', async () => {
    await n.get('/essai/pieces')
    const envoyer = async (champs: Record<string, string>, fichier?: { nom: string; contenu: string }) => {
      const m = multipart({ _csrf: n.dernierCsrf ?? '', ...champs }, fichier)
      return t.app.inject({
        method: 'POST',
        url: '/essai/pieces',
        headers: { 'content-type': m.type, cookie: [...n.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
        payload: m.corps,
      })
    }
    const sansFichier = await envoyer({ titre: 'Rapport' })
    expect(sansFichier.statusCode).toBe(400)
    expect(sansFichier.body).toContain('Joignez un fichier.')
    expect(sansFichier.body).toContain('value="Rapport"')
    const sansTitre = await envoyer({ titre: ' ' }, { nom: 'a.pdf', contenu: '%PDF' })
    expect(sansTitre.statusCode).toBe(400)
    expect(sansTitre.body).toContain('Saisissez le titre.')
    expect(sansTitre.body).not.toContain('Joignez')
    const ok = await envoyer({ titre: 'Rapport' }, { nom: 'a.pdf', contenu: '%PDF-1.4' })
    expect(ok.statusCode).toBe(303)
    expect(ecrits.at(-1)).toEqual({ id: 'a.pdf', titre: 'Rapport', pages: 8 })
  })

  it('garde un envoi multipart avant d’en lire un octet', async () => {
    const conseiller = new Navigateur(t.app)
    await connecter(conseiller, t, await creerCompteTest(t.base, { habilitations: H.conseiller('s2') }))
    const avant = televersement.lus
    const m = multipart({ titre: 'X' }, { nom: 'a.pdf', contenu: '%PDF' })
    const r = await t.app.inject({
      method: 'POST',
      url: '/essai/pieces',
      headers: {
        'content-type': m.type,
        cookie: [...conseiller.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
      payload: m.corps,
    })
    expect(r.statusCode).toBe(403)
    expect(televersement.lus).toBe(avant)
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
