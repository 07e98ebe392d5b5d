import type { FastifyInstance } from 'fastify'
import { lireFormulaire } from '../../../platform/http/formulaire'
import type { ErreursFormulaire } from '../../../platform/layout/components'
import { messageErreur } from '../domain/erreurs'
import type { DepsComptes } from '../use-cases/deps'
import { makeDefinirMotDePasse, makeVerifierJeton } from '../use-cases/liens-par-email'
import { MessagePage, NouveauMotDePassePage } from '../views/connexion.page'
import { LIMITE_CONNEXION, ouvreurDeSession, paramsJeton } from './commun'
import { nouveauMotDePasseForm } from './comptes.form'

const LIEN_EXPIRE = (texte: string) => ({
  titre: 'Lien expiré',
  contenu: <MessagePage titre="Ce lien ne fonctionne plus" texte={texte} />,
})

/**
 * The page behind an e-mailed link where a person chooses a password (a reset, or the activation of
 * an invited account): the token is checked on GET, consumed with the password on POST, and a
 * session opens.
 */
export function pageChoixMotDePasse(
  app: FastifyInstance,
  deps: DepsComptes,
  o: {
    usage: 'reinitialisation' | 'invitation'
    base: string
    titre: string
    intro: string
    /** Flash message once the password is set. */
    succes: string
  },
) {
  const verifierJeton = makeVerifierJeton(deps)
  const definirMotDePasse = makeDefinirMotDePasse(deps)
  const ouvrir = ouvreurDeSession(app, deps)

  const page = (jeton: string, erreurs?: ErreursFormulaire) => (ctx: { csrf: string }) => ({
    titre: o.titre,
    contenu: (
      <NouveauMotDePassePage
        csrf={ctx.csrf}
        action={`${o.base}/${encodeURIComponent(jeton)}`}
        titre={o.titre}
        intro={o.intro}
        erreurs={erreurs}
      />
    ),
  })

  app.get(`${o.base}/:jeton`, async (request, reply) => {
    const p = paramsJeton.safeParse(request.params)
    if (!p.success) return reply.callNotFound()
    if (!(await verifierJeton(o.usage, p.data.jeton)))
      return reply.page(LIEN_EXPIRE(messageErreur({ code: 'LIEN_INVALIDE' })), 410)
    return reply.page(page(p.data.jeton))
  })

  app.post(`${o.base}/:jeton`, { config: LIMITE_CONNEXION }, async (request, reply) => {
    const p = paramsJeton.safeParse(request.params)
    if (!p.success) return reply.callNotFound()
    const { jeton } = p.data
    const form = lireFormulaire(nouveauMotDePasseForm, request.body)
    if (!form.ok) return reply.page((ctx) => ({ ...page(jeton, form.erreurs)(ctx), enErreur: true }), 400)
    const r = await definirMotDePasse({ usage: o.usage, jeton, motDePasse: form.donnees.mot_de_passe })
    if (!r.ok && r.error.code === 'LIEN_INVALIDE') return reply.page(LIEN_EXPIRE(messageErreur(r.error)), 410)
    if (!r.ok) {
      const erreurs = { mot_de_passe: messageErreur(r.error) }
      return reply.page((ctx) => ({ ...page(jeton, erreurs)(ctx), enErreur: true }), 400)
    }
    reply.flash('success', o.succes)
    return ouvrir(request, reply, r.value)
  })
}
