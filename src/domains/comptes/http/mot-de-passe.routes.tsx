import type { FastifyInstance } from 'fastify'
import { lireFormulaire } from '../../../platform/http/formulaire'
import type { ErreursFormulaire } from '../../../platform/layout/components'
import type { DepsComptes } from '../use-cases/deps'
import { makeDemanderReinitialisation } from '../use-cases/liens-par-email'
import { FormulaireEmailPage, MessagePage } from '../views/connexion.page'
import { pageChoixMotDePasse } from './choix-mot-de-passe'
import { LIMITE_EMAIL } from './commun'
import { emailForm } from './comptes.form'
import { BOITE_MAIL_DEMO } from './lien.routes'

/** `/mot-de-passe-oublie` and `/mot-de-passe/nouveau/:jeton`: a password reset by e-mail (1 hour). */
export async function motDePasseRoutes(
  app: FastifyInstance,
  { deps, demo }: { deps: DepsComptes; demo: boolean },
) {
  const demanderReinitialisation = makeDemanderReinitialisation(deps)

  const page =
    (etat: { erreurs?: ErreursFormulaire; email?: string | undefined }) => (ctx: { csrf: string }) => ({
      titre: 'Mot de passe oublié',
      ariane: [{ libelle: 'Connexion', href: '/connexion' }, { libelle: 'Mot de passe oublié' }],
      contenu: (
        <FormulaireEmailPage
          titre="Mot de passe oublié"
          intro="Saisissez l’adresse e-mail de votre compte : nous vous envoyons un lien pour choisir un nouveau mot de passe."
          action="/mot-de-passe-oublie"
          bouton="Recevoir le lien"
          csrf={ctx.csrf}
          {...etat}
        />
      ),
    })

  app.get('/mot-de-passe-oublie', async (_request, reply) => reply.page(page({})))

  app.post('/mot-de-passe-oublie', { config: LIMITE_EMAIL }, async (request, reply) => {
    const form = lireFormulaire(emailForm, request.body)
    if (!form.ok) {
      const etat = { erreurs: form.erreurs, email: form.valeurs.email }
      return reply.page((ctx) => ({ ...page(etat)(ctx), enErreur: true }), 400)
    }
    await demanderReinitialisation(form.donnees.email)
    return reply.page({
      titre: 'Vérifiez votre messagerie',
      contenu: (
        <MessagePage
          titre="Vérifiez votre messagerie"
          texte="Si un compte existe avec cette adresse, un lien pour choisir un nouveau mot de passe vient de lui être envoyé. Il est valable une heure."
          {...(demo ? { lien: BOITE_MAIL_DEMO } : {})}
        />
      ),
    })
  })

  pageChoixMotDePasse(app, deps, {
    usage: 'reinitialisation',
    base: '/mot-de-passe/nouveau',
    titre: 'Choisir un nouveau mot de passe',
    intro: 'Choisissez le mot de passe de votre compte Escale.',
    succes: 'Votre mot de passe a été changé. Vos autres sessions ont été fermées.',
  })
}
