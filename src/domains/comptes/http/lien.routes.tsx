import type { FastifyInstance } from 'fastify'
import { lireFormulaire } from '../../../platform/http/formulaire'
import type { ErreursFormulaire } from '../../../platform/layout/components'
import { messageErreur } from '../domain/erreurs'
import type { DepsComptes } from '../use-cases/deps'
import { makeConsommerLienConnexion, makeDemanderLienConnexion } from '../use-cases/liens-par-email'
import { ConfirmerLienPage, FormulaireEmailPage, MessagePage } from '../views/connexion.page'
import { LIMITE_CONNEXION, LIMITE_EMAIL, ouvreurDeSession, paramsJeton } from './commun'
import { emailForm } from './comptes.form'

export const BOITE_MAIL_DEMO = { href: '/boite-mail', libelle: 'Ouvrir la boîte mail de démonstration' }

/** `/connexion/lien`: a single-use sign-in link sent by e-mail, valid 15 minutes. */
export async function lienRoutes(app: FastifyInstance, { deps, demo }: { deps: DepsComptes; demo: boolean }) {
  const demanderLien = makeDemanderLienConnexion(deps)
  const consommerLien = makeConsommerLienConnexion(deps)
  const ouvrir = ouvreurDeSession(app, deps)

  const page =
    (etat: { erreurs?: ErreursFormulaire; email?: string | undefined }) => (ctx: { csrf: string }) => ({
      titre: 'Recevoir un lien de connexion',
      ariane: [{ libelle: 'Connexion', href: '/connexion' }, { libelle: 'Lien de connexion' }],
      contenu: (
        <FormulaireEmailPage
          titre="Recevoir un lien de connexion"
          intro="Saisissez l’adresse e-mail de votre compte : nous vous envoyons un lien valable 15 minutes, qui ne sert qu’une fois."
          action="/connexion/lien"
          bouton="Recevoir le lien"
          csrf={ctx.csrf}
          {...etat}
        />
      ),
    })

  app.get('/connexion/lien', async (_request, reply) => reply.page(page({})))

  app.post('/connexion/lien', { config: LIMITE_EMAIL }, async (request, reply) => {
    const form = lireFormulaire(emailForm, request.body)
    if (!form.ok) {
      const etat = { erreurs: form.erreurs, email: form.valeurs.email }
      return reply.page((ctx) => ({ ...page(etat)(ctx), enErreur: true }), 400)
    }
    await demanderLien(form.donnees.email)
    return reply.page({
      titre: 'Vérifiez votre messagerie',
      contenu: (
        <MessagePage
          titre="Vérifiez votre messagerie"
          texte="Si un compte existe avec cette adresse, un lien de connexion vient de lui être envoyé. Il est valable 15 minutes. Pensez à regarder dans les indésirables."
          {...(demo ? { lien: BOITE_MAIL_DEMO } : {})}
        />
      ),
    })
  })

  // The GET only shows a button: mail scanners that open links must not consume the token.
  app.get('/connexion/lien/:jeton', async (request, reply) => {
    const p = paramsJeton.safeParse(request.params)
    if (!p.success) return reply.callNotFound()
    const action = `/connexion/lien/${encodeURIComponent(p.data.jeton)}`
    return reply.page((ctx) => ({
      titre: 'Se connecter avec le lien',
      contenu: <ConfirmerLienPage csrf={ctx.csrf} action={action} />,
    }))
  })

  app.post('/connexion/lien/:jeton', { config: LIMITE_CONNEXION }, async (request, reply) => {
    const p = paramsJeton.safeParse(request.params)
    if (!p.success) return reply.callNotFound()
    const r = await consommerLien(p.data.jeton)
    if (!r.ok)
      return reply.page(
        {
          titre: 'Lien expiré',
          contenu: (
            <MessagePage
              titre="Ce lien ne fonctionne plus"
              texte={messageErreur(r.error)}
              lien={{ href: '/connexion/lien', libelle: 'Recevoir un nouveau lien' }}
            />
          ),
        },
        410,
      )
    return ouvrir(request, reply, r.value)
  })
}
