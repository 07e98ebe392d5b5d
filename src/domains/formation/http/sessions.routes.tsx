import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { utilisateurConnecte } from '../../../platform/auth/utilisateur'
import { pageFormulaire, refus, reussite } from '../../../platform/http/page-formulaire'
import {
  inscriptionsDeSession,
  inscriptionsSansSession,
  listerParcours,
  minutesFaites,
  trouverParcours,
  trouverSession,
} from '../db/formation-repository'
import { heures, joursDeSession, messageErreurFormation } from '../domain/formation'
import { type DepsFormation, makeFormation } from '../use-cases/formation'
import { SessionPage } from '../views/session.page'
import { type ContexteRoutes, gardePro, organismes } from './commun'
import { affectationForm, presenceForm } from './formation.form'

/** One session's model, when the caller may see it: its trainees, the waiting list, the paths in force. */
async function chargerSession(deps: DepsFormation, u: ReturnType<typeof utilisateurConnecte>, id: string) {
  const s = await trouverSession(deps.db, id)
  const orgs = organismes(u)
  if (!s || (orgs && !orgs.includes(s.organismeId))) return undefined
  const p = await trouverParcours(deps.db, s.parcoursId)
  if (!p) return undefined
  const inscrits = await Promise.all(
    (await inscriptionsDeSession(deps.db, s.id)).map(async (i) => ({
      ...i,
      minutes: await minutesFaites(deps.db, i.id),
    })),
  )
  const enAttente = await inscriptionsSansSession(deps.db, p.id)
  const enVigueur = new Map<string, { code: string; libelle: string }>()
  for (const x of await listerParcours(deps.db))
    if (x.actif === 1)
      enVigueur.set(x.code, { code: x.code, libelle: `${x.libelle} (${heures(x.dureeMinutes)})` })
  return { u, vue: { session: s, parcours: p, inscrits, enAttente, autresParcours: [...enVigueur.values()] } }
}

/** `/formation/sessions/:id[/affectations|presences]`: one session, its trainees and attendance. */
export function routesSession(app: FastifyInstance, { deps }: ContexteRoutes) {
  const formation = makeFormation(deps)

  const session = pageFormulaire(app, {
    url: '/formation/sessions/:id',
    garde: gardePro,
    params: z.object({ id: z.uuid() }),
    charger: ({ request, params }) => chargerSession(deps, utilisateurConnecte(request), params.id),
    page: ({ vue }, etat, ctx) => ({
      titre: vue.session.libelle,
      espace: 'pro',
      ariane: [{ libelle: 'Formation', href: '/formation' }, { libelle: vue.session.libelle }],
      contenu: (
        <SessionPage
          csrf={ctx.csrf}
          {...vue}
          jours={joursDeSession(vue.session.debut, vue.session.fin)}
          e={etat.erreurs}
          v={etat.valeurs}
        />
      ),
    }),
  })
  const versSession = (id: string) => `/formation/sessions/${id}`

  session.action('/formation/sessions/:id/affectations', {
    schema: affectationForm,
    executer: async ({ donnees, modele: d }) => {
      const orgs = organismes(d.u)
      const r = await formation.affecter({
        sessionId: d.vue.session.id,
        inscriptionId: donnees.inscription,
        par: d.u.compteId,
        ...(orgs ? { organismes: orgs } : {}),
      })
      if (!r.ok) return refus({ inscription: messageErreurFormation(r.error) })
      return reussite(versSession(d.vue.session.id), 'La personne est inscrite à la session.')
    },
  })

  session.action('/formation/sessions/:id/presences', {
    schema: presenceForm,
    executer: async ({ donnees, modele: d }) => {
      const presents = new Set([donnees.presents ?? []].flat())
      for (const i of await inscriptionsDeSession(deps.db, d.vue.session.id)) {
        const r = await formation.noterPresence({
          inscriptionId: i.id,
          sessionId: d.vue.session.id,
          jour: donnees.jour,
          demiJournee: donnees.demi_journee,
          present: presents.has(i.id),
        })
        if (!r.ok) return refus({ jour: messageErreurFormation(r.error) })
      }
      return reussite(versSession(d.vue.session.id), 'Les présences sont enregistrées.')
    },
  })
}
