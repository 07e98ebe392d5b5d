import type { FastifyInstance } from 'fastify'
import QRCode from 'qrcode'
import { lireFormulaire } from '../../../platform/http/formulaire'
import type { ErreursFormulaire } from '../../../platform/layout/components'
import { messageErreur } from '../domain/erreurs'
import { uriTotp } from '../domain/totp'
import { makeConfirmerTotp, makePreparerTotp } from '../use-cases/activer-totp'
import type { DepsComptes } from '../use-cases/deps'
import { makeVerifierSecondFacteur } from '../use-cases/verifier-second-facteur'
import { ActiverTotpPage, CodesSecoursPage, CodeTotpPage } from '../views/connexion.page'
import { exigerSessionPartielle, LIMITE_CONNEXION } from './commun'
import { codeForm } from './comptes.form'
import { renouvelerCsrf } from './session-plugin'

/** `/connexion/totp` (the second factor of a login) and `/connexion/totp/activer` (its first setup). */
export async function totpRoutes(app: FastifyInstance, { deps }: { deps: DepsComptes }) {
  const verifierSecondFacteur = makeVerifierSecondFacteur(deps)
  const preparerTotp = makePreparerTotp(deps)
  const confirmerTotp = makeConfirmerTotp(deps)

  const pageCode = (erreurs?: ErreursFormulaire) => (ctx: { csrf: string }) => ({
    titre: 'Code de sécurité',
    contenu: (
      <CodeTotpPage
        csrf={ctx.csrf}
        erreurs={erreurs}
        action="/connexion/totp"
        titre="Code de sécurité"
        intro="Saisissez le code à 6 chiffres affiché par votre application d’authentification ou votre carte."
      />
    ),
  })

  app.get('/connexion/totp', async (request, reply) => {
    exigerSessionPartielle(request)
    return reply.page(pageCode())
  })

  app.post('/connexion/totp', { config: LIMITE_CONNEXION }, async (request, reply) => {
    const partielle = exigerSessionPartielle(request)
    const form = lireFormulaire(codeForm, request.body)
    if (!form.ok) return reply.page((ctx) => ({ ...pageCode(form.erreurs)(ctx), enErreur: true }), 400)
    const r = await verifierSecondFacteur({ ...partielle, code: form.donnees.code })
    if (!r.ok) {
      const erreurs = { code: messageErreur(r.error) }
      const statut = r.error.code === 'COMPTE_BLOQUE' ? 429 : 400
      return reply.page((ctx) => ({ ...pageCode(erreurs)(ctx), enErreur: true }), statut)
    }
    renouvelerCsrf(app, reply)
    return reply.redirect('/espace', 303)
  })

  const pageActivation = async (compteId: string, csrf: string, erreurs?: ErreursFormulaire) => {
    const { secret, email } = await preparerTotp(compteId)
    const safeQrSvg = await QRCode.toString(uriTotp(secret, email), { type: 'svg', margin: 1, width: 200 })
    return <ActiverTotpPage csrf={csrf} safeQrSvg={safeQrSvg} secret={secret} erreurs={erreurs} />
  }

  app.get('/connexion/totp/activer', async (request, reply) => {
    const partielle = exigerSessionPartielle(request)
    const contenu = await pageActivation(partielle.compteId, reply.generateCsrf())
    return reply.page({ titre: 'Activer le second facteur', contenu })
  })

  app.post('/connexion/totp/activer', { config: LIMITE_CONNEXION }, async (request, reply) => {
    const partielle = exigerSessionPartielle(request)
    const form = lireFormulaire(codeForm, request.body)
    const r = form.ok ? await confirmerTotp({ ...partielle, code: form.donnees.code }) : undefined
    if (!r?.ok) {
      const erreurs = !form.ok ? form.erreurs : { code: messageErreur({ code: 'CODE_TOTP_INVALIDE' }) }
      const contenu = await pageActivation(partielle.compteId, reply.generateCsrf(), erreurs)
      return reply.page({ titre: 'Activer le second facteur', enErreur: true, contenu }, 400)
    }
    renouvelerCsrf(app, reply)
    // Shown once, right after activation: the codes are stored hashed and never displayed again.
    return reply.page({
      titre: 'Vos codes de secours',
      contenu: <CodesSecoursPage codes={r.value.codesSecours} />,
    })
  })
}
