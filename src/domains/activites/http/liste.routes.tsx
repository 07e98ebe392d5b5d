import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { exigerRole } from '../../../platform/auth/utilisateur'
import { formatCsvDemande } from '../../../platform/csv'
import { dateFiltre } from '../../../platform/http/dates'
import { activitesDuMois, listerActivites } from '../db/activites-repository'
import { estModifiable } from '../domain/activite'
import { moisPlus } from '../domain/statistiques'
import { CalendrierPage, ListePage } from '../views/liste.page'
import { ARIANE, auteur, type ContexteRoutes } from './commun'
import { activitesCsv } from './exports'

/** The conseiller's own activities: the list with its filters, the month calendar, the CSV export. */

const PAR_PAGE = 25

/** Filters of the list; a malformed query shows the unfiltered first page, as a reset would. */
const filtresListe = z.object({
  type: z.string().max(40).optional(),
  theme: z.string().max(60).optional(),
  // Real calendar days only: `2026-02-30` would otherwise reach the database and fail there.
  du: dateFiltre('la date de début'),
  au: dateFiltre('la date de fin'),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
})

/** `?mois=AAAA-MM`; anything else shows the current month. */
const requeteCalendrier = z.object({
  mois: z
    .string()
    .regex(/^(20[2-9]\d)-(0[1-9]|1[0-2])$/)
    .optional()
    .catch(undefined),
})

export function routesListe(app: FastifyInstance, { deps, aujourdhui }: ContexteRoutes) {
  const conseiller = { preHandler: exigerRole('conseiller') }

  app.get('/activites', conseiller, async (request, reply) => {
    const par = auteur(request)
    const q = filtresListe.safeParse(request.query)
    const f = q.success ? q.data : {}
    const page = f.page ?? 1
    const { activites, total } = await listerActivites(
      deps.db,
      par.compteId,
      {
        du: f.du || undefined,
        au: f.au || undefined,
        type: f.type || undefined,
        theme: f.theme || undefined,
      },
      page,
      PAR_PAGE,
    )
    const maintenant = deps.horloge()
    return reply.page((ctx) => ({
      titre: 'Mes activités',
      espace: 'pro',
      ariane: [{ libelle: 'Mes activités' }],
      contenu: (
        <ListePage
          csrf={ctx.csrf}
          activites={activites.map((a) => ({ ...a, modifiable: estModifiable(a, maintenant) }))}
          total={total}
          page={page}
          pages={Math.max(1, Math.ceil(total / PAR_PAGE))}
          filtres={{ type: f.type, theme: f.theme, du: f.du || undefined, au: f.au || undefined }}
        />
      ),
    }))
  })

  app.get('/activites/calendrier', conseiller, async (request, reply) => {
    const par = auteur(request)
    const mois = requeteCalendrier.parse(request.query ?? {}).mois ?? aujourdhui().slice(0, 7)
    const activites = await activitesDuMois(deps.db, par.compteId, mois)
    return reply.page({
      titre: 'Calendrier de mes activités',
      espace: 'pro',
      ariane: [ARIANE, { libelle: 'Calendrier' }],
      contenu: (
        <CalendrierPage
          mois={mois}
          precedent={moisPlus(mois, -1)}
          suivant={moisPlus(mois, 1)}
          activites={activites}
        />
      ),
    })
  })

  app.get('/activites/export.csv', conseiller, async (request, reply) => {
    const par = auteur(request)
    const { activites } = await listerActivites(deps.db, par.compteId, {}, 1, 100_000)
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="mes-activites.csv"')
      .header('cache-control', 'no-store')
      .send(activitesCsv(activites, formatCsvDemande(request.query)))
  })
}
