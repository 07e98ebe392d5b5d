import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { utilisateurConnecte } from '../../../platform/auth/utilisateur'
import { lireFormulaire, type Valeurs, valeursTexte } from '../../../platform/http/formulaire'
import { journaliser } from '../../../platform/journal/journal'
import {
  creerSession,
  inscriptionsDeSession,
  inscriptionsSansSession,
  listerParcours,
  minutesFaites,
  trouverParcours,
} from '../db/formation-repository'
import { heures, joursDeSession, messageErreurFormation } from '../domain/formation'
import { type DepsFormation, makeFormation } from '../use-cases/formation'
import { SessionPage } from '../views/formation.page'
import { type ContexteRoutes, makePageAccueil, makeSessionAccessible, organismes, pro } from './commun'
import { affectationForm, presenceForm, sessionForm } from './formation.form'

/** `POST /formation/sessions`: a provider (or the national team) opens a session. */
export function routesCreationSession(app: FastifyInstance, { deps, nomOrganisme }: ContexteRoutes) {
  const pageAccueil = makePageAccueil(deps)

  app.post('/formation/sessions', pro, async (request, reply) => {
    const u = utilisateurConnecte(request)
    const f = lireFormulaire(sessionForm, request.body)
    if (!f.ok) return pageAccueil(request, reply, f.erreurs, 400, f.valeurs)
    const p = await trouverParcours(deps.db, f.donnees.parcours)
    if (!p)
      return pageAccueil(
        request,
        reply,
        { parcours: 'Choisissez un parcours.' },
        422,
        valeursTexte(request.body),
      )
    const orgs = organismes(u)
    const organismeId = orgs ? (orgs[0] ?? '') : ''
    // Read before the transaction: on the embedded engine a query outside it would wait for it.
    const organismeNom = organismeId ? await nomOrganisme(organismeId) : 'ANCT'
    await deps.db.transaction(async (tx) => {
      const s = await creerSession(tx, {
        parcoursId: p.id,
        libelle: f.donnees.libelle,
        debut: f.donnees.debut,
        fin: f.donnees.fin,
        lieu: f.donnees.lieu,
        codeDepartement: f.donnees.departement,
        organismeId,
        organismeNom,
        capacite: f.donnees.capacite,
      })
      await journaliser(tx, { acteurId: u.compteId, action: 'formation_session', cible: s.id })
    })
    reply.flash('success', 'La session est créée.')
    return reply.redirect('/formation', 303)
  })
}

/** One session's page: its trainees, the waiting list, the attendance grid. */
const makePageSession = (deps: DepsFormation) => {
  const sessionAccessible = makeSessionAccessible(deps)
  return async (
    request: FastifyRequest,
    reply: FastifyReply,
    e: Record<string, string | undefined> = {},
    statut = 200,
    v: Valeurs = {},
  ) => {
    const d = await sessionAccessible(request)
    if (!d) return reply.callNotFound()
    const p = await trouverParcours(deps.db, d.s.parcoursId)
    if (!p) return reply.callNotFound()
    const inscrits = await Promise.all(
      (await inscriptionsDeSession(deps.db, d.s.id)).map(async (i) => ({
        ...i,
        minutes: await minutesFaites(deps.db, i.id),
      })),
    )
    const enAttente = await inscriptionsSansSession(deps.db, p.id)
    const tous = await listerParcours(deps.db)
    const enVigueur = new Map<string, { code: string; libelle: string }>()
    for (const x of tous)
      if (x.actif === 1)
        enVigueur.set(x.code, { code: x.code, libelle: `${x.libelle} (${heures(x.dureeMinutes)})` })
    return reply.page(
      (ctx) => ({
        titre: d.s.libelle,
        espace: 'pro',
        enErreur: statut !== 200,
        ariane: [{ libelle: 'Formation', href: '/formation' }, { libelle: d.s.libelle }],
        contenu: (
          <SessionPage
            csrf={ctx.csrf}
            session={d.s}
            parcours={p}
            inscrits={inscrits}
            enAttente={enAttente}
            jours={joursDeSession(d.s.debut, d.s.fin)}
            autresParcours={[...enVigueur.values()]}
            e={e}
            v={v}
          />
        ),
      }),
      statut,
    )
  }
}

/** `/formation/sessions/:id[/affectations|presences]`: one session, its trainees and attendance. */
export function routesSession(app: FastifyInstance, { deps }: ContexteRoutes) {
  const formation = makeFormation(deps)
  const sessionAccessible = makeSessionAccessible(deps)
  const pageSession = makePageSession(deps)

  app.get('/formation/sessions/:id', pro, async (request, reply) => pageSession(request, reply))

  app.post('/formation/sessions/:id/affectations', pro, async (request, reply) => {
    const d = await sessionAccessible(request)
    if (!d) return reply.callNotFound()
    const f = lireFormulaire(affectationForm, request.body)
    if (!f.ok) return pageSession(request, reply, f.erreurs, 400, f.valeurs)
    const r = await formation.affecter({
      sessionId: d.s.id,
      inscriptionId: f.donnees.inscription,
      par: d.u.compteId,
      ...(organismes(d.u) ? { organismes: organismes(d.u) } : {}),
    })
    if (!r.ok)
      return pageSession(
        request,
        reply,
        { inscription: messageErreurFormation(r.error) },
        422,
        valeursTexte(request.body),
      )
    reply.flash('success', 'La personne est inscrite à la session.')
    return reply.redirect(`/formation/sessions/${d.s.id}`, 303)
  })

  app.post('/formation/sessions/:id/presences', pro, async (request, reply) => {
    const d = await sessionAccessible(request)
    if (!d) return reply.callNotFound()
    const f = lireFormulaire(presenceForm, request.body)
    if (!f.ok) return pageSession(request, reply, f.erreurs, 400, f.valeurs)
    const presents = new Set([f.donnees.presents ?? []].flat())
    for (const i of await inscriptionsDeSession(deps.db, d.s.id)) {
      const r = await formation.noterPresence({
        inscriptionId: i.id,
        sessionId: d.s.id,
        jour: f.donnees.jour,
        demiJournee: f.donnees.demi_journee,
        present: presents.has(i.id),
      })
      if (!r.ok)
        return pageSession(
          request,
          reply,
          { jour: messageErreurFormation(r.error) },
          422,
          valeursTexte(request.body),
        )
    }
    reply.flash('success', 'Les présences sont enregistrées.')
    return reply.redirect(`/formation/sessions/${d.s.id}`, 303)
  })
}
