import { desc, eq } from 'drizzle-orm'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import QRCode from 'qrcode'
import { NonConnecteError, utilisateurConnecte } from '../../../platform/auth/utilisateur'
import { lireFormulaire } from '../../../platform/http/formulaire'
import {
  mettreAJourSession,
  revoquerSession,
  revoquerSessions,
  sessionsActives,
  trouverCompte,
} from '../db/comptes-repository'
import { comptes, rolesComptes } from '../db/schema'
import { messageErreur } from '../domain/erreurs'
import { LIBELLES_ROLES } from '../domain/roles'
import { uriTotp } from '../domain/totp'
import { makeConfirmerTotp, makePreparerTotp } from '../use-cases/activer-totp'
import { makeConnecterParMotDePasse } from '../use-cases/connecter-par-mot-de-passe'
import type { DepsComptes } from '../use-cases/deps'
import {
  makeConsommerLienConnexion,
  makeDefinirMotDePasse,
  makeDemanderLienConnexion,
  makeDemanderReinitialisation,
  makeVerifierJeton,
} from '../use-cases/liens-par-email'
import { type EtapeSuivante, makeOuvrirSession } from '../use-cases/ouvrir-session'
import { makeVerifierSecondFacteur } from '../use-cases/verifier-second-facteur'
import {
  ActiverTotpPage,
  CodesSecoursPage,
  CodeTotpPage,
  ConfirmerLienPage,
  ConnexionPage,
  FormulaireEmailPage,
  MessagePage,
  NouveauMotDePassePage,
} from '../views/connexion.page'
import { DemoPage, EspacePage, SessionsPage } from '../views/espace.page'
import { codeForm, connexionForm, emailForm, nouveauMotDePasseForm } from './comptes.form'
import {
  COOKIE_SESSION,
  effacerCookieSession,
  navigateurDe,
  poserCookieSession,
  renouvelerCsrf,
} from './session-plugin'

const LIMITE_CONNEXION = { rateLimit: { max: 10, timeWindow: '1 minute' } }
const LIMITE_EMAIL = { rateLimit: { max: 5, timeWindow: '1 minute' } }

/** Only local paths: `retour=https://ailleurs` must not turn the login page into an open redirect. */
function retourSur(retour: string | undefined): string {
  return retour && /^\/(?!\/)[^\s\\]*$/.test(retour) ? retour : '/espace'
}

export async function comptesRoutes(
  app: FastifyInstance,
  { deps, demo }: { deps: DepsComptes; demo: boolean },
) {
  const connecterParMotDePasse = makeConnecterParMotDePasse(deps)
  const ouvrirSession = makeOuvrirSession(deps)
  const verifierSecondFacteur = makeVerifierSecondFacteur(deps)
  const preparerTotp = makePreparerTotp(deps)
  const confirmerTotp = makeConfirmerTotp(deps)
  const demanderLien = makeDemanderLienConnexion(deps)
  const consommerLien = makeConsommerLienConnexion(deps)
  const demanderReinitialisation = makeDemanderReinitialisation(deps)
  const verifierJeton = makeVerifierJeton(deps)
  const definirMotDePasse = makeDefinirMotDePasse(deps)

  const versEtape = (reply: FastifyReply, etape: EtapeSuivante, retour: string) =>
    reply.redirect(
      etape === 'totp' ? '/connexion/totp' : etape === 'activer_totp' ? '/connexion/totp/activer' : retour,
      303,
    )

  const ouvrir = async (
    request: FastifyRequest,
    reply: FastifyReply,
    compte: { id: string; totpActifDepuis: Date | null },
    retour = '/espace',
  ) => {
    // Any previous session in this browser ends: one cookie, one session.
    const ancien = request.cookies[COOKIE_SESSION]
    if (ancien) {
      const prec = request.utilisateur?.sessionId ?? request.sessionPartielle?.sessionId
      if (prec) await mettreAJourSession(deps.db, prec, { revoqueeLe: deps.horloge() })
    }
    const { jeton, etape } = await ouvrirSession(compte, navigateurDe(request))
    poserCookieSession(app, reply, jeton)
    return versEtape(reply, etape, retour)
  }

  app.get('/connexion', async (request, reply) => {
    const { retour } = request.query as { retour?: string }
    if (request.utilisateur) return reply.redirect(retourSur(retour), 303)
    return reply.page((ctx) => ({
      titre: 'Connexion',
      ariane: [{ libelle: 'Connexion' }],
      contenu: <ConnexionPage csrf={ctx.csrf} retour={retour} demo={demo} />,
    }))
  })

  app.post('/connexion', { config: LIMITE_CONNEXION }, async (request, reply) => {
    const form = lireFormulaire(connexionForm, request.body)
    if (!form.ok)
      return reply.page(
        (ctx) => ({
          titre: 'Connexion',
          enErreur: true,
          ariane: [{ libelle: 'Connexion' }],
          contenu: (
            <ConnexionPage
              csrf={ctx.csrf}
              erreurs={form.erreurs}
              email={form.valeurs.email}
              retour={form.valeurs.retour}
              demo={demo}
            />
          ),
        }),
        400,
      )
    const resultat = await connecterParMotDePasse({
      email: form.donnees.email,
      motDePasse: form.donnees.mot_de_passe,
    })
    if (!resultat.ok)
      return reply.page(
        (ctx) => ({
          titre: 'Connexion',
          enErreur: true,
          ariane: [{ libelle: 'Connexion' }],
          contenu: (
            <ConnexionPage
              csrf={ctx.csrf}
              message={messageErreur(resultat.error)}
              email={form.donnees.email}
              retour={form.donnees.retour}
              demo={demo}
            />
          ),
        }),
        // The same status whether the account is locked, the password wrong or the address unknown.
        401,
      )
    return ouvrir(request, reply, resultat.value, retourSur(form.donnees.retour))
  })

  // ——— Second factor ———

  const exigerSessionPartielle = (request: FastifyRequest) => {
    if (!request.sessionPartielle) throw new NonConnecteError()
    return request.sessionPartielle
  }

  app.get('/connexion/totp', async (request, reply) => {
    exigerSessionPartielle(request)
    return reply.page((ctx) => ({
      titre: 'Code de sécurité',
      contenu: (
        <CodeTotpPage
          csrf={ctx.csrf}
          action="/connexion/totp"
          titre="Code de sécurité"
          intro="Saisissez le code à 6 chiffres affiché par votre application d’authentification ou votre carte."
        />
      ),
    }))
  })

  app.post('/connexion/totp', { config: LIMITE_CONNEXION }, async (request, reply) => {
    const partielle = exigerSessionPartielle(request)
    const form = lireFormulaire(codeForm, request.body)
    const r = form.ok ? await verifierSecondFacteur({ ...partielle, code: form.donnees.code }) : undefined
    const erreur = !form.ok ? form.erreurs : r && !r.ok ? { code: messageErreur(r.error) } : undefined
    if (erreur)
      return reply.page(
        (ctx) => ({
          titre: 'Code de sécurité',
          enErreur: true,
          contenu: (
            <CodeTotpPage
              csrf={ctx.csrf}
              erreurs={erreur}
              action="/connexion/totp"
              titre="Code de sécurité"
              intro="Saisissez le code à 6 chiffres affiché par votre application d’authentification ou votre carte."
            />
          ),
        }),
        r && !r.ok && r.error.code === 'COMPTE_BLOQUE' ? 429 : 400,
      )
    renouvelerCsrf(app, reply)
    return reply.redirect('/espace', 303)
  })

  const pageActivation = async (compteId: string, csrf: string, erreurs?: Record<string, string>) => {
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
      const contenu = await pageActivation(
        partielle.compteId,
        reply.generateCsrf(),
        erreurs as Record<string, string>,
      )
      return reply.page({ titre: 'Activer le second facteur', enErreur: true, contenu }, 400)
    }
    renouvelerCsrf(app, reply)
    return reply.page({
      titre: 'Vos codes de secours',
      contenu: <CodesSecoursPage codes={r.value.codesSecours} />,
    })
  })

  // ——— Magic link ———

  app.get('/connexion/lien', async (_request, reply) =>
    reply.page((ctx) => ({
      titre: 'Recevoir un lien de connexion',
      ariane: [{ libelle: 'Connexion', href: '/connexion' }, { libelle: 'Lien de connexion' }],
      contenu: (
        <FormulaireEmailPage
          titre="Recevoir un lien de connexion"
          intro="Saisissez l’adresse e-mail de votre compte : nous vous envoyons un lien valable 15 minutes, qui ne sert qu’une fois."
          action="/connexion/lien"
          bouton="Recevoir le lien"
          csrf={ctx.csrf}
        />
      ),
    })),
  )

  app.post('/connexion/lien', { config: LIMITE_EMAIL }, async (request, reply) => {
    const form = lireFormulaire(emailForm, request.body)
    if (!form.ok)
      return reply.page(
        (ctx) => ({
          titre: 'Recevoir un lien de connexion',
          enErreur: true,
          contenu: (
            <FormulaireEmailPage
              titre="Recevoir un lien de connexion"
              intro="Saisissez l’adresse e-mail de votre compte."
              action="/connexion/lien"
              bouton="Recevoir le lien"
              csrf={ctx.csrf}
              erreurs={form.erreurs}
              email={form.valeurs.email}
            />
          ),
        }),
        400,
      )
    await demanderLien(form.donnees.email)
    return reply.page({
      titre: 'Vérifiez votre messagerie',
      contenu: (
        <MessagePage
          titre="Vérifiez votre messagerie"
          texte="Si un compte existe avec cette adresse, un lien de connexion vient de lui être envoyé. Il est valable 15 minutes. Pensez à regarder dans les indésirables."
          {...(demo
            ? { lien: { href: '/boite-mail', libelle: 'Ouvrir la boîte mail de démonstration' } }
            : {})}
        />
      ),
    })
  })

  // The GET only shows a button: mail scanners that open links must not consume the token.
  app.get('/connexion/lien/:jeton', async (request, reply) => {
    const { jeton } = request.params as { jeton: string }
    return reply.page((ctx) => ({
      titre: 'Se connecter avec le lien',
      contenu: <ConfirmerLienPage csrf={ctx.csrf} action={`/connexion/lien/${encodeURIComponent(jeton)}`} />,
    }))
  })

  app.post('/connexion/lien/:jeton', { config: LIMITE_CONNEXION }, async (request, reply) => {
    const { jeton } = request.params as { jeton: string }
    const r = await consommerLien(jeton)
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

  // ——— Password reset and invitation ———

  app.get('/mot-de-passe-oublie', async (_request, reply) =>
    reply.page((ctx) => ({
      titre: 'Mot de passe oublié',
      ariane: [{ libelle: 'Connexion', href: '/connexion' }, { libelle: 'Mot de passe oublié' }],
      contenu: (
        <FormulaireEmailPage
          titre="Mot de passe oublié"
          intro="Saisissez l’adresse e-mail de votre compte : nous vous envoyons un lien pour choisir un nouveau mot de passe."
          action="/mot-de-passe-oublie"
          bouton="Recevoir le lien"
          csrf={ctx.csrf}
        />
      ),
    })),
  )

  app.post('/mot-de-passe-oublie', { config: LIMITE_EMAIL }, async (request, reply) => {
    const form = lireFormulaire(emailForm, request.body)
    if (!form.ok)
      return reply.page(
        (ctx) => ({
          titre: 'Mot de passe oublié',
          enErreur: true,
          contenu: (
            <FormulaireEmailPage
              titre="Mot de passe oublié"
              intro="Saisissez l’adresse e-mail de votre compte."
              action="/mot-de-passe-oublie"
              bouton="Recevoir le lien"
              csrf={ctx.csrf}
              erreurs={form.erreurs}
              email={form.valeurs.email}
            />
          ),
        }),
        400,
      )
    await demanderReinitialisation(form.donnees.email)
    return reply.page({
      titre: 'Vérifiez votre messagerie',
      contenu: (
        <MessagePage
          titre="Vérifiez votre messagerie"
          texte="Si un compte existe avec cette adresse, un lien pour choisir un nouveau mot de passe vient de lui être envoyé. Il est valable une heure."
          {...(demo
            ? { lien: { href: '/boite-mail', libelle: 'Ouvrir la boîte mail de démonstration' } }
            : {})}
        />
      ),
    })
  })

  const routesMotDePasse = (
    usage: 'reinitialisation' | 'invitation',
    base: string,
    titre: string,
    intro: string,
  ) => {
    app.get(`${base}/:jeton`, async (request, reply) => {
      const { jeton } = request.params as { jeton: string }
      if (!(await verifierJeton(usage, jeton)))
        return reply.page(
          {
            titre: 'Lien expiré',
            contenu: (
              <MessagePage
                titre="Ce lien ne fonctionne plus"
                texte={messageErreur({ code: 'LIEN_INVALIDE' })}
              />
            ),
          },
          410,
        )
      return reply.page((ctx) => ({
        titre,
        contenu: (
          <NouveauMotDePassePage
            csrf={ctx.csrf}
            action={`${base}/${encodeURIComponent(jeton)}`}
            titre={titre}
            intro={intro}
          />
        ),
      }))
    })
    app.post(`${base}/:jeton`, { config: LIMITE_CONNEXION }, async (request, reply) => {
      const { jeton } = request.params as { jeton: string }
      const form = lireFormulaire(nouveauMotDePasseForm, request.body)
      const r = form.ok
        ? await definirMotDePasse({ usage, jeton, motDePasse: form.donnees.mot_de_passe })
        : undefined
      if (r && !r.ok && r.error.code === 'LIEN_INVALIDE')
        return reply.page(
          {
            titre: 'Lien expiré',
            contenu: <MessagePage titre="Ce lien ne fonctionne plus" texte={messageErreur(r.error)} />,
          },
          410,
        )
      if (!r?.ok) {
        const erreurs = !form.ok ? form.erreurs : r && !r.ok ? { mot_de_passe: messageErreur(r.error) } : {}
        return reply.page(
          (ctx) => ({
            titre,
            enErreur: true,
            contenu: (
              <NouveauMotDePassePage
                csrf={ctx.csrf}
                action={`${base}/${encodeURIComponent(jeton)}`}
                titre={titre}
                intro={intro}
                erreurs={erreurs}
              />
            ),
          }),
          400,
        )
      }
      reply.flash(
        'success',
        usage === 'invitation'
          ? 'Votre compte est activé.'
          : 'Votre mot de passe a été changé. Vos autres sessions ont été fermées.',
      )
      return ouvrir(request, reply, r.value)
    })
  }
  routesMotDePasse(
    'reinitialisation',
    '/mot-de-passe/nouveau',
    'Choisir un nouveau mot de passe',
    'Choisissez le mot de passe de votre compte Escale.',
  )
  routesMotDePasse(
    'invitation',
    '/invitation',
    'Activer votre compte',
    'Bienvenue sur Escale. Choisissez le mot de passe de votre compte pour l’activer.',
  )

  // ——— Session ———

  app.post('/deconnexion', async (request, reply) => {
    const sessionId = request.utilisateur?.sessionId ?? request.sessionPartielle?.sessionId
    if (sessionId) await mettreAJourSession(deps.db, sessionId, { revoqueeLe: deps.horloge() })
    effacerCookieSession(reply)
    reply.flash('success', 'Vous êtes déconnecté.')
    return reply.redirect('/', 303)
  })

  app.get('/espace', async (request, reply) => {
    const u = utilisateurConnecte(request)
    const entrees = app.navigation
      .menuPour(u.habilitations.map((h) => h.role))
      .filter((e) => e.roles.length > 0)
    return reply.page({
      titre: 'Mon espace',
      espace: 'pro',
      ariane: [{ libelle: 'Mon espace' }],
      contenu: <EspacePage u={u} entrees={entrees} />,
    })
  })

  app.get('/compte/sessions', async (request, reply) => {
    const u = utilisateurConnecte(request)
    const sessions = await sessionsActives(deps.db, u.compteId, deps.horloge())
    return reply.page((ctx) => ({
      titre: 'Mes sessions',
      espace: 'pro',
      ariane: [{ libelle: 'Mon espace', href: '/espace' }, { libelle: 'Mes sessions' }],
      contenu: (
        <SessionsPage
          csrf={ctx.csrf}
          sessions={sessions.map((s) => ({ ...s, courante: s.id === u.sessionId }))}
        />
      ),
    }))
  })

  app.post('/compte/sessions/:id/revoquer', async (request, reply) => {
    const u = utilisateurConnecte(request)
    const { id } = request.params as { id: string }
    const n = /^[0-9a-f-]{36}$/.test(id) ? await revoquerSession(deps.db, u.compteId, id, deps.horloge()) : 0
    reply.flash(
      n === 1 ? 'success' : 'error',
      n === 1 ? 'La session a été fermée.' : 'Cette session n’existe pas ou est déjà fermée.',
    )
    return reply.redirect('/compte/sessions', 303)
  })

  app.post('/compte/sessions/revoquer-tout', async (request, reply) => {
    const u = utilisateurConnecte(request)
    await revoquerSessions(deps.db, u.compteId, deps.horloge())
    effacerCookieSession(reply)
    reply.flash('success', 'Toutes vos sessions ont été fermées, y compris celle-ci.')
    return reply.redirect('/connexion', 303)
  })

  // ——— Demo login (demo mode only) ———

  if (demo) {
    app.get('/demo', async (_request, reply) => {
      const rows = await deps.db
        .select({
          id: comptes.id,
          email: comptes.email,
          prenom: comptes.prenom,
          nom: comptes.nom,
          role: rolesComptes.role,
          portee: rolesComptes.porteeLibelle,
        })
        .from(comptes)
        .innerJoin(rolesComptes, eq(rolesComptes.compteId, comptes.id))
        .where(eq(comptes.actif, true))
        .orderBy(desc(comptes.email))
      const vus = new Set<string>()
      const liste = rows
        .filter((r) => r.email.endsWith('@demo.escale.localhost') && !vus.has(r.id) && vus.add(r.id))
        .map((r) => ({
          ...r,
          role: LIBELLES_ROLES[r.role as keyof typeof LIBELLES_ROLES] ?? r.role,
          portee: r.portee || 'National',
        }))
        .sort((a, b) => a.role.localeCompare(b.role, 'fr'))
      return reply.page((ctx) => ({
        titre: 'Connexion de démonstration',
        ariane: [{ libelle: 'Connexion de démonstration' }],
        contenu: <DemoPage comptes={liste} csrf={ctx.csrf} />,
      }))
    })

    app.post('/demo/:id', async (request, reply) => {
      const { id } = request.params as { id: string }
      const compte = /^[0-9a-f-]{36}$/.test(id) ? await trouverCompte(deps.db, id) : undefined
      if (!compte?.email.endsWith('@demo.escale.localhost')) return reply.callNotFound()
      // Demo accounts skip the second factor on this page only, which exists only in demo mode.
      const { jeton } = await ouvrirSession(compte, navigateurDe(request), { demoSansSecondFacteur: true })
      poserCookieSession(app, reply, jeton)
      reply.flash(
        'info',
        `Vous êtes connecté en tant que ${compte.prenom} ${compte.nom} (compte de démonstration).`,
      )
      return reply.redirect('/espace', 303)
    })
  }
}
