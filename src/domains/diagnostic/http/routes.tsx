import { createReadStream, existsSync } from 'node:fs'
import path from 'node:path'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { loadManifest } from '../../../platform/assets/assets'
import { sha256 } from '../../../platform/crypto'
import { lireFormulaire } from '../../../platform/http/formulaire'
import type { PassationRow } from '../db/diagnostic-repository'
import { trouverPassationParJeton, trouverPassationParLien } from '../db/diagnostic-repository'
import { messageErreur } from '../domain/erreurs'
import { CONSERVATION_ANONYME_JOURS, expireParInactivite } from '../domain/retention'
import { makeCommencerPassation, makeRejoindreSession } from '../use-cases/commencer-passation'
import type { DepsDiagnostic } from '../use-cases/deps'
import { makeConsentir, makeEffacerPassation } from '../use-cases/effacer-passation'
import { makeEnvoyerResultat } from '../use-cases/envoyer-resultat'
import {
  type LieuxProposes,
  makeLieuxPourAccompagnement,
  makeLieuxPourOrientations,
  makeLireResultat,
} from '../use-cases/lire-resultat'
import { makeAfficherEtape, makeNoterLienVisite, makeRepondre } from '../use-cases/repondre'
import { makeSynchroniser } from '../use-cases/synchroniser'
import { AccompagnementPage, AccueilDiagnosticPage, CodePage, InterrompuPage } from '../views/accueil.page'
import { EtapePage, titreEtape } from '../views/etape.page'
import { HorairesPage } from '../views/exercices'
import { ResultatPage } from '../views/resultat.page'
import { codeForm, communeForm, envoiForm, reponseForm, synchronisationForm } from './diagnostic.form'

export const COOKIE_DIAGNOSTIC = 'escale_diagnostic'
const CSS = ['css/diagnostic.css']
const ARIANE = [{ libelle: 'Faire le point', href: '/diagnostic' }]
const LIMITE = { rateLimit: { max: 30, timeWindow: '1 minute' } }
const LIMITE_ENVOI = { rateLimit: { max: 5, timeWindow: '1 minute' } }

const PAGE_AIDANTS_CONNECT_NATIONALE = 'https://aidantsconnect.beta.gouv.fr/'

const DOSSIER_BUILD = path.resolve(import.meta.dirname, '../../../../public/build')
/** The built service worker, from the asset manifest, when app.ts does not hand its path. */
function serviceWorkerConstruit(): string | undefined {
  try {
    return path.join(
      DOSSIER_BUILD,
      loadManifest(DOSSIER_BUILD)
        .js('diagnostic-sw')
        .replace(/^\/assets\//, ''),
    )
  } catch {
    return undefined
  }
}

/** Names a diagnostic for the offline copy in the browser without giving out its id. */
const clePassation = (id: string) => sha256(`diagnostic-hors-ligne:${id}`).slice(0, 16)

/** The places for a result page, from `?commune=` (a postal code); a bad or unknown one is a field error. */
async function lieuxDeLaRequete(
  request: FastifyRequest,
  chercher: ReturnType<typeof makeLieuxPourOrientations>,
  orientations: Parameters<ReturnType<typeof makeLieuxPourOrientations>>[1],
): Promise<{ commune?: string | undefined; erreur?: string | undefined; lieux?: LieuxProposes | undefined }> {
  const q = lireFormulaire(communeForm, request.query)
  if (!q.ok) return { commune: q.valeurs.commune, erreur: q.erreurs.commune }
  if (!q.donnees.commune) return {}
  const r = await chercher(q.donnees.commune, orientations)
  return r.ok
    ? { commune: q.donnees.commune, lieux: r.value }
    : { commune: q.donnees.commune, erreur: messageErreur(r.error) }
}

type Lecture = { passation: PassationRow } | { interrompue: true } | undefined

/**
 * The public journey. The only thing that ties a browser to its diagnostic is a random cookie
 * (hash in the database), scoped to /diagnostic, ending with the browser and after 30 minutes of
 * inactivity (retention rule R4).
 */
export async function diagnosticRoutes(app: FastifyInstance, { deps }: { deps: DepsDiagnostic }) {
  const commencer = makeCommencerPassation(deps)
  const rejoindre = makeRejoindreSession(deps)
  const afficherEtape = makeAfficherEtape(deps)
  const repondre = makeRepondre(deps)
  const lireResultat = makeLireResultat(deps)
  const lieuxPour = makeLieuxPourOrientations(deps)
  const lieuxAccompagnement = makeLieuxPourAccompagnement(deps)
  const pageAidantsConnect = deps.pageAidantsConnect ?? PAGE_AIDANTS_CONNECT_NATIONALE
  const envoyer = makeEnvoyerResultat(deps)
  const effacer = makeEffacerPassation(deps)
  const consentir = makeConsentir(deps)
  const noterLien = makeNoterLienVisite(deps)
  const synchroniser = makeSynchroniser(deps)
  const fichierServiceWorker = deps.fichierServiceWorker ?? serviceWorkerConstruit

  const poserCookie = (reply: FastifyReply, jeton: string) =>
    reply.setCookie(COOKIE_DIAGNOSTIC, jeton, { ...app.optionsCookieSession, path: '/diagnostic' })
  const effacerCookie = (reply: FastifyReply) => reply.clearCookie(COOKIE_DIAGNOSTIC, { path: '/diagnostic' })

  const trouver = async (request: FastifyRequest): Promise<PassationRow | undefined> => {
    const jeton = request.cookies[COOKIE_DIAGNOSTIC]
    if (!jeton || jeton.length > 100) return undefined
    return trouverPassationParJeton(deps.db, sha256(jeton))
  }

  const lire = async (request: FastifyRequest): Promise<Lecture> => {
    const passation = await trouver(request)
    if (!passation) return undefined
    if (expireParInactivite(passation.derniereActiviteLe, deps.horloge())) return { interrompue: true }
    return { passation }
  }

  /** The diagnostic of this browser, or a reply already sent (start page, or "stopped" page). */
  const exigerPassation = async (request: FastifyRequest, reply: FastifyReply) => {
    const l = await lire(request)
    if (!l) {
      reply.redirect('/diagnostic', 303)
      return undefined
    }
    if ('interrompue' in l) {
      effacerCookie(reply)
      reply.page({ titre: 'Test arrêté', ariane: ARIANE, contenu: <InterrompuPage /> }, 410)
      return undefined
    }
    return l.passation
  }

  app.get('/diagnostic', async (request, reply) => {
    const l = await lire(request)
    const enCours = !!l && 'passation' in l && !l.passation.termineLe
    return reply.page((ctx) => ({
      titre: 'Faire le point sur mes usages numériques',
      ariane: [{ libelle: 'Faire le point' }],
      contenu: <AccueilDiagnosticPage csrf={ctx.csrf} enCours={enCours} />,
      scripts: ['diagnostic-confort'],
      feuillesDeStyle: CSS,
    }))
  })

  app.post('/diagnostic/commencer', { config: LIMITE }, async (_request, reply) => {
    const { jeton } = await commencer()
    poserCookie(reply, jeton)
    return reply.redirect('/diagnostic/etape', 303)
  })

  app.get('/diagnostic/code', async (request, reply) => {
    const { code } = request.query as { code?: string }
    return reply.page((ctx) => ({
      titre: 'J’ai un code',
      ariane: [...ARIANE, { libelle: 'J’ai un code' }],
      contenu: <CodePage csrf={ctx.csrf} valeur={typeof code === 'string' ? code.slice(0, 30) : undefined} />,
      scripts: ['diagnostic-confort'],
      feuillesDeStyle: CSS,
    }))
  })

  app.post('/diagnostic/code', { config: LIMITE }, async (request, reply) => {
    const form = lireFormulaire(codeForm, request.body)
    const r = form.ok ? await rejoindre(form.donnees.code) : undefined
    if (!r?.ok) {
      const erreur = !form.ok ? form.erreurs.code : r ? messageErreur(r.error) : undefined
      const valeur =
        typeof (request.body as { code?: unknown })?.code === 'string'
          ? String((request.body as { code: string }).code).slice(0, 30)
          : ''
      return reply.page(
        (ctx) => ({
          titre: 'J’ai un code',
          enErreur: true,
          ariane: [...ARIANE, { libelle: 'J’ai un code' }],
          contenu: <CodePage csrf={ctx.csrf} valeur={valeur} erreur={erreur} />,
          feuillesDeStyle: CSS,
        }),
        !form.ok || r?.error.code === 'CODE_INVALIDE' ? 400 : 422,
      )
    }
    poserCookie(reply, r.value.jeton)
    return reply.redirect('/diagnostic/etape', 303)
  })

  const pageEtape = async (
    _request: FastifyRequest,
    reply: FastifyReply,
    passation: PassationRow,
    extra: {
      statut?: number
      erreur?: string
      correction?: Parameters<typeof EtapePage>[0]['correction']
      essaisRestants?: number
      valeurs?: Record<string, string | undefined>
      choisis?: readonly string[]
    } = {},
  ) => {
    const vue = await afficherEtape(passation.id)
    if (!vue || vue.etape.type === 'fin') return reply.redirect('/diagnostic/resultat', 303)
    const etape = vue.etape
    return reply.page(
      (ctx) => ({
        titre: titreEtape(etape, vue.progression.faites),
        enErreur: !!extra.erreur,
        ariane: [...ARIANE, { libelle: 'Le test' }],
        contenu: (
          <EtapePage
            etape={etape}
            faites={vue.progression.faites}
            restantesMax={vue.progression.restantesMax}
            csrf={ctx.csrf}
            erreur={extra.erreur}
            correction={extra.correction}
            essaisRestants={extra.essaisRestants}
            valeurs={extra.valeurs ?? {}}
            choisis={extra.choisis ?? []}
            suiviParConseiller={!!passation.sessionId}
            horsLigne={{
              passation: clePassation(passation.id),
              reponses: vue.reponses,
              module: ctx.asset('js/diagnostic-hors-ligne.js'),
            }}
          />
        ),
        scripts: ['diagnostic-confort', 'diagnostic-exercice'],
        feuillesDeStyle: CSS,
      }),
      extra.statut ?? 200,
    )
  }

  app.get('/diagnostic/etape', async (request, reply) => {
    const passation = await exigerPassation(request, reply)
    if (!passation) return reply
    if (passation.termineLe) return reply.redirect('/diagnostic/resultat', 303)
    return pageEtape(request, reply, passation)
  })

  app.post('/diagnostic/etape', async (request, reply) => {
    const passation = await exigerPassation(request, reply)
    if (!passation) return reply
    const form = lireFormulaire(reponseForm, request.body)
    if (!form.ok)
      return pageEtape(request, reply, passation, { statut: 400, erreur: Object.values(form.erreurs)[0] })
    const { etape, passer, choix, mesures, ...valeurs } = form.donnees
    const r = await repondre({
      passationId: passation.id,
      etape,
      source: 'personne',
      passer: passer === 'oui',
      choix,
      valeurs: valeurs as Record<string, string | undefined>,
      mesures,
    })
    if (!r.ok)
      return pageEtape(request, reply, passation, {
        statut: 400,
        erreur: messageErreur(r.error),
        choisis: choix,
      })
    if (r.value.statut === 'a_corriger')
      return pageEtape(request, reply, passation, {
        correction: r.value.correction,
        essaisRestants: r.value.essaisRestants,
        valeurs: valeurs as Record<string, string | undefined>,
      })
    return reply.redirect(
      r.value.statut === 'enregistre' && r.value.suivante.type === 'fin'
        ? '/diagnostic/resultat'
        : '/diagnostic/etape',
      303,
    )
  })

  /**
   * Answers given without network, sent by the page when the network is back (ADR 010), JSON.
   * R4 counts the offline answers as activity, within bounds (`expireHorsLigne`).
   */
  app.post('/diagnostic/synchronisation', { config: LIMITE }, async (request, reply) => {
    reply.header('cache-control', 'no-store')
    const passation = await trouver(request)
    // Erased, purged, or this browser's cookie is gone: the copy can never be sent.
    if (!passation) return reply.status(404).send({ statut: 'inconnu' })
    const corps = synchronisationForm.safeParse(request.body)
    if (!corps.success) return reply.status(400).send({ erreur: 'Les réponses envoyées sont illisibles.' })
    const r = await synchroniser(
      passation,
      corps.data.reponses.map((x) => ({
        ...x,
        mesures: Object.fromEntries(
          Object.entries(x.mesures).filter((e): e is [string, number] => e[1] !== undefined),
        ),
      })),
    )
    if (!r.ok) return reply.status(410).send({ statut: 'interrompu' })
    return reply.send(r.value)
  })

  /** The test's service worker: a stable URL whose scope is /diagnostic/ (the cookie's path). */
  app.get('/diagnostic/sw.js', async (_request, reply) => {
    const fichier = fichierServiceWorker()
    if (!fichier || !existsSync(fichier))
      return reply.status(404).type('text/plain').send('service worker non construit')
    // The worker itself must be re-checked on every visit.
    return reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(createReadStream(fichier))
  })

  // The "open a link and come back" exercise: a real page, really opened.
  app.get('/diagnostic/exercice/horaires', async (request, reply) => {
    const passation = await exigerPassation(request, reply)
    if (!passation) return reply
    await noterLien(passation.id)
    return reply.page({
      titre: 'Horaires d’ouverture de la mairie',
      ariane: [...ARIANE, { libelle: 'Le test', href: '/diagnostic/etape' }, { libelle: 'Horaires' }],
      contenu: <HorairesPage />,
      feuillesDeStyle: CSS,
    })
  })

  /** Polled by the exercise page when a conseiller follows: the conseiller may mark the item for the person. */
  app.get('/diagnostic/etat', async (request, reply) => {
    const l = await lire(request)
    const etape = l && 'passation' in l ? (l.passation.termineLe ? 'fin' : l.passation.itemCourant) : 'fin'
    return reply.header('cache-control', 'no-store').send({ etape })
  })

  const pageResultat = async (
    request: FastifyRequest,
    reply: FastifyReply,
    passation: PassationRow,
    envoi?: { canal?: string; destinataire?: string; erreur?: string },
  ) => {
    const { resultat } = await lireResultat(passation.id)
    const l = await lieuxDeLaRequete(request, lieuxPour, resultat.orientation.orientations)
    return reply.page(
      (ctx) => ({
        titre: 'Votre résultat',
        enErreur: !!l.erreur || !!envoi?.erreur,
        ariane: [...ARIANE, { libelle: 'Votre résultat' }],
        contenu: (
          <ResultatPage
            resultat={resultat}
            csrf={ctx.csrf}
            action="/diagnostic/resultat"
            commune={l.commune}
            erreurCommune={l.erreur}
            lieux={l.lieux}
            pageAidantsConnect={pageAidantsConnect}
            actions={{
              avecConseiller: !!passation.sessionId,
              consentement: !!passation.consentementLe,
              envoi,
            }}
          />
        ),
        scripts: ['diagnostic-confort'],
        feuillesDeStyle: CSS,
      }),
      l.erreur || envoi?.erreur ? 400 : 200,
    )
  }

  app.get('/diagnostic/resultat', async (request, reply) => {
    const passation = await exigerPassation(request, reply)
    if (!passation) return reply
    if (!passation.termineLe) return reply.redirect('/diagnostic/etape', 303)
    return pageResultat(request, reply, passation)
  })

  app.post('/diagnostic/resultat/consentement', async (request, reply) => {
    const passation = await exigerPassation(request, reply)
    if (!passation) return reply
    const r = await consentir(passation.id)
    reply.flash(
      r.ok ? 'success' : 'error',
      r.ok ? 'Merci : votre conseiller peut garder votre résultat.' : messageErreur(r.error),
    )
    return reply.redirect('/diagnostic/resultat', 303)
  })

  app.post('/diagnostic/resultat/envoyer', { config: LIMITE_ENVOI }, async (request, reply) => {
    const passation = await exigerPassation(request, reply)
    if (!passation) return reply
    if (!passation.termineLe) return reply.redirect('/diagnostic/etape', 303)
    const form = lireFormulaire(envoiForm, request.body)
    if (!form.ok)
      return pageResultat(request, reply, passation, {
        ...form.valeurs,
        erreur: form.erreurs.destinataire ?? form.erreurs.canal ?? 'Vérifiez ce que vous avez écrit.',
      })
    await envoyer({ passationId: passation.id, ...form.donnees })
    reply.flash(
      'success',
      form.donnees.canal === 'email'
        ? 'C’est envoyé : regardez vos e-mails.'
        : 'C’est envoyé : regardez vos SMS.',
    )
    return reply.redirect('/diagnostic/resultat', 303)
  })

  app.post('/diagnostic/effacer', async (request, reply) => {
    const l = await lire(request)
    if (l && 'passation' in l) await effacer(l.passation.id)
    effacerCookie(reply)
    reply.flash('success', 'Vos réponses sont effacées. Personne ne pourra les voir.')
    return reply.redirect('/diagnostic', 303)
  })

  /** The result again, from the link sent by e-mail or SMS: read-only, and only while R1 keeps it. */
  // Under /lien/ so that app.ts's log serializer masks the token, as for the other one-time links.
  app.get('/diagnostic/lien/:jeton', async (request, reply) => {
    const { jeton } = request.params as { jeton: string }
    const p = jeton.length <= 100 ? await trouverPassationParLien(deps.db, sha256(jeton)) : undefined
    const valide =
      p?.termineLe &&
      deps.horloge().getTime() - p.termineLe.getTime() < CONSERVATION_ANONYME_JOURS * 24 * 3600_000
    if (!p || !valide)
      return reply.page(
        {
          titre: 'Lien expiré',
          ariane: ARIANE,
          contenu: (
            <div class="fr-mt-4w">
              <h1>Ce lien ne marche plus</h1>
              <p>
                Les résultats sont effacés après quelques jours. Vous pouvez refaire le test quand vous
                voulez.
              </p>
              <p>
                <a class="fr-btn" href="/diagnostic">
                  Refaire le test
                </a>
              </p>
            </div>
          ),
        },
        410,
      )
    const { resultat } = await lireResultat(p.id)
    const l = await lieuxDeLaRequete(request, lieuxPour, resultat.orientation.orientations)
    return reply.page(
      (ctx) => ({
        titre: 'Votre résultat',
        enErreur: !!l.erreur,
        ariane: [...ARIANE, { libelle: 'Votre résultat' }],
        contenu: (
          <ResultatPage
            resultat={resultat}
            csrf={ctx.csrf}
            action={`/diagnostic/lien/${jeton}`}
            commune={l.commune}
            erreurCommune={l.erreur}
            lieux={l.lieux}
            pageAidantsConnect={pageAidantsConnect}
          />
        ),
        scripts: ['diagnostic-confort'],
        feuillesDeStyle: CSS,
      }),
      l.erreur ? 400 : 200,
    )
  })

  app.get('/diagnostic/accompagnement', async (request, reply) => {
    const q = lireFormulaire(communeForm, request.query)
    const commune = q.ok ? q.donnees.commune : q.valeurs.commune
    const r = q.ok && q.donnees.commune ? await lieuxAccompagnement(q.donnees.commune) : undefined
    const erreur = !q.ok ? q.erreurs.commune : r && !r.ok ? messageErreur(r.error) : undefined
    return reply.page(
      {
        titre: 'Je préfère être accompagné',
        enErreur: !!erreur,
        ariane: [...ARIANE, { libelle: 'Être accompagné' }],
        contenu: (
          <AccompagnementPage
            commune={commune}
            erreur={erreur}
            lieux={r?.ok ? r.value.lieux : undefined}
            nomCommune={r?.ok ? r.value.commune : undefined}
          />
        ),
        scripts: ['diagnostic-confort'],
        feuillesDeStyle: CSS,
      },
      erreur ? 400 : 200,
    )
  })
}
