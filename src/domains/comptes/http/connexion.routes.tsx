import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { lireFormulaire } from '../../../platform/http/formulaire'
import type { ErreursFormulaire } from '../../../platform/layout/components'
import type { DescriptionPage } from '../../../platform/layout/layout'
import { fermerSession } from '../db/comptes-repository'
import { messageErreur } from '../domain/erreurs'
import { makeConnecterParMotDePasse } from '../use-cases/connecter-par-mot-de-passe'
import type { DepsComptes } from '../use-cases/deps'
import { ConnexionPage } from '../views/connexion.page'
import { LIMITE_CONNEXION, ouvreurDeSession, retourSur, sessionDuNavigateur } from './commun'
import { connexionForm } from './comptes.form'
import { effacerCookieSession } from './session-plugin'

/** `retour` is only ever a hint: anything but a local path falls back to the personal space. */
const queryConnexion = z.object({ retour: z.string().max(2000).optional().catch(undefined) })

interface EtatConnexion {
  erreurs?: ErreursFormulaire
  /** A refusal that names no field (wrong password, locked account, unknown address: the same text). */
  message?: string
  email?: string | undefined
  retour?: string | undefined
}

/** `/connexion` (e-mail and password) and `/deconnexion`. */
export async function connexionRoutes(
  app: FastifyInstance,
  {
    deps,
    demo,
    proConnect,
    urlDeFin,
  }: {
    deps: DepsComptes
    demo: boolean
    proConnect: boolean
    /** ProConnect's logout, when this browser logged in with it: our logout leads there. */
    urlDeFin?: (request: FastifyRequest, reply: FastifyReply) => Promise<string | undefined>
  },
) {
  const connecterParMotDePasse = makeConnecterParMotDePasse(deps)
  const ouvrir = ouvreurDeSession(app, deps)

  const page =
    (etat: EtatConnexion) =>
    (ctx: { csrf: string }): DescriptionPage => ({
      titre: 'Connexion',
      ariane: [{ libelle: 'Connexion' }],
      contenu: <ConnexionPage csrf={ctx.csrf} demo={demo} proConnect={proConnect} {...etat} />,
    })

  app.get('/connexion', async (request, reply) => {
    const { retour } = queryConnexion.parse(request.query ?? {})
    if (request.utilisateur) return reply.redirect(retourSur(retour), 303)
    return reply.page(page({ retour }))
  })

  app.post('/connexion', { config: LIMITE_CONNEXION }, async (request, reply) => {
    const form = lireFormulaire(connexionForm, request.body)
    if (!form.ok) {
      const etat = { erreurs: form.erreurs, email: form.valeurs.email, retour: form.valeurs.retour }
      return reply.page((ctx) => ({ ...page(etat)(ctx), enErreur: true }), 400)
    }
    const { email, mot_de_passe: motDePasse, retour } = form.donnees
    const resultat = await connecterParMotDePasse({ email, motDePasse })
    if (!resultat.ok) {
      const etat = { message: messageErreur(resultat.error), email, retour }
      // The same status whether the account is locked, the password wrong or the address unknown.
      return reply.page((ctx) => ({ ...page(etat)(ctx), enErreur: true }), 401)
    }
    return ouvrir(request, reply, resultat.value, retourSur(retour))
  })

  app.post('/deconnexion', async (request, reply) => {
    const sessionId = sessionDuNavigateur(request)
    if (sessionId) await fermerSession(deps.db, sessionId, deps.horloge())
    effacerCookieSession(reply)
    const fin = await urlDeFin?.(request, reply)
    // ProConnect's logout is another origin: every page's CSP lets the logout form lead there (app.ts).
    if (fin) return reply.redirect(fin, 303)
    reply.flash('success', 'Vous êtes déconnecté.')
    return reply.redirect('/', 303)
  })
}
