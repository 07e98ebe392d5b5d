import type { FastifyInstance } from 'fastify'
import { lireFormulaire } from '../../../platform/http/formulaire'
import { DUREE_LIEN_APRES_TOTP_MIN, navigateurDe, poserCookieSession } from '../../comptes'
import { ajouterAuJournal } from '../db/journal-repository'
import type { DepsAidants } from '../use-cases/deps'
import { makeVerifierTotpAidant } from '../use-cases/totp-aidant'
import { ConfirmerLienAidantPage, ConnexionAidantPage, MessageSimple } from '../views/referent.page'
import { connexionAidantForm } from './aidants.form'

/**
 * Per address; per account, wrong codes lock every code (use-cases/totp-aidant.ts) and comptes e-mails
 * 5 links at most within 5 minutes that were not used to log in.
 */
const LIMITE_PAR_ADRESSE = { rateLimit: { max: 10, timeWindow: '1 minute' } }
const ERREUR_GENERIQUE =
  'Adresse e-mail ou code incorrect, ou trop de tentatives. Vérifiez et réessayez dans une minute.'

/**
 * Aidants sign in without a password (Aidants Connect's rule): e-mail + TOTP code, then a single-use link
 * valid 5 minutes. Every refusal reads the same, so the form does not tell who has an account.
 */
export async function connexionAidantRoutes(app: FastifyInstance, { deps }: { deps: DepsAidants }) {
  const comptes = deps.portComptes
  const envoyerLien = comptes.envoyerLienApresTotp
  const consommerLien = comptes.consommerLienApresTotp
  const verifierTotp = makeVerifierTotpAidant(deps)
  const compteDeLAdresse = async (email: string) => (await comptes.trouverCompteParEmail(email.trim()))?.id

  app.get('/aidants/connexion', async (request, reply) => {
    if (request.utilisateur) return reply.redirect('/aidants/espace', 303)
    return reply.page((ctx) => ({
      titre: 'Connexion des aidants',
      ariane: [{ libelle: 'Aidants Connect', href: '/aidants' }, { libelle: 'Connexion' }],
      contenu: ConnexionAidantPage({ csrf: ctx.csrf }),
    }))
  })

  app.post('/aidants/connexion', { config: LIMITE_PAR_ADRESSE }, async (request, reply) => {
    const f = lireFormulaire(connexionAidantForm, request.body)
    // The code is checked by the one verifier of Aidants Connect: wrong codes are counted in the
    // database for the account whatever the address, and the code's step is claimed once for the
    // account (a code used to sign a mandate, at a re-entry or at a password login is refused). Only
    // then does the accounts domain e-mail the link.
    const compteId = f.ok ? await compteDeLAdresse(f.donnees.email) : undefined
    const codeAccepte = f.ok && compteId !== undefined && (await verifierTotp(compteId, f.donnees.code))
    const r = codeAccepte ? await envoyerLien({ compteId, chemin: '/aidants/connexion/lien' }) : undefined
    if (!r?.ok)
      return reply.page(
        (ctx) => ({
          titre: 'Connexion des aidants',
          enErreur: true,
          contenu: ConnexionAidantPage({
            csrf: ctx.csrf,
            erreurs: f.ok ? { code: ERREUR_GENERIQUE } : f.erreurs,
            email: f.ok ? f.donnees.email : f.valeurs.email,
          }),
        }),
        f.ok ? 401 : 400,
      )
    return reply.page({
      titre: 'Vérifiez votre messagerie',
      contenu: MessageSimple({
        titre: 'Vérifiez votre messagerie',
        texte: `Un lien de connexion vient de vous être envoyé. Il est valable ${DUREE_LIEN_APRES_TOTP_MIN} minutes et ne sert qu’une fois.`,
        ...(deps.simulateurs
          ? { lien: { href: '/boite-mail', libelle: 'Ouvrir la boîte mail de démonstration' } }
          : {}),
      }),
    })
  })

  // The GET only shows a button: mail scanners that open links must not consume the token.
  app.get<{ Params: { jeton: string } }>('/aidants/connexion/lien/:jeton', async (request, reply) =>
    reply.page((ctx) => ({
      titre: 'Terminer la connexion',
      contenu: ConfirmerLienAidantPage({
        csrf: ctx.csrf,
        action: `/aidants/connexion/lien/${encodeURIComponent(request.params.jeton)}`,
      }),
    })),
  )

  app.post<{ Params: { jeton: string } }>(
    '/aidants/connexion/lien/:jeton',
    { config: LIMITE_PAR_ADRESSE },
    async (request, reply) => {
      const r = await consommerLien(request.params.jeton, navigateurDe(request))
      if (!r.ok)
        return reply.page(
          {
            titre: 'Lien expiré',
            contenu: MessageSimple({
              titre: 'Ce lien ne fonctionne plus',
              texte: `Il a déjà servi ou il a plus de ${DUREE_LIEN_APRES_TOTP_MIN} minutes. Recommencez la connexion.`,
              lien: { href: '/aidants/connexion', libelle: 'Se connecter' },
            }),
          },
          410,
        )
      poserCookieSession(app, reply, r.value.jeton)
      await ajouterAuJournal(deps.db, deps.secret, {
        action: 'connexion_aidant',
        le: deps.horloge(),
        aidantId: r.value.compteId,
      })
      return reply.redirect('/aidants/espace', 303)
    },
  )
}
