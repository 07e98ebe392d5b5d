import type { FastifyInstance, FastifyRequest } from 'fastify'
import {
  AccesInterditError,
  exigerRole,
  type Utilisateur,
  utilisateurConnecte,
} from '../../../platform/auth/utilisateur'
import { formatCsvDemande } from '../../../platform/csv'
import {
  DEPARTEMENTS,
  departement,
  departementsDeRegion,
  REGIONS,
  region,
} from '../../../platform/geo/territoires'
import { structuresDuConseiller } from '../db/activites-repository'
import { type Filtre, ROLES_STATISTIQUES, resoudre, territoireParDefaut } from '../domain/portee'
import {
  lirePeriode,
  lireTerritoire,
  type Periode,
  type Territoire,
  territoireTexte,
} from '../domain/statistiques'
import { makeLireStatistiques } from '../use-cases/lire-statistiques'
import { type OptionTerritoire, StatistiquesPage, vueStatistiques } from '../views/statistiques.page'
import { type ContexteRoutes, periodeDeRepli, REQUETE_ILLISIBLE, requeteStatistiques } from './commun'
import { statistiquesCsv, statistiquesXlsx } from './exports'

/** The dashboards of every role (`/activites/statistiques`) and their CSV and XLSX exports. */

type Demande =
  | { ok: true; territoire: Territoire; filtre: Filtre; periode: Periode }
  | { ok: false; erreurs: Record<string, string>; territoire: Territoire; periode: Periode }

/** The territories a person may choose, from their roles (duplicates removed, first wins). */
function territoiresProposes(u: Utilisateur): OptionTerritoire[] {
  const o: OptionTerritoire[] = []
  for (const h of u.habilitations) {
    if (h.role === 'admin') {
      o.push({ valeur: 'national', libelle: 'France entière' })
      for (const r of REGIONS) o.push({ valeur: `region:${r.code}`, libelle: `Région ${r.nom}` })
      for (const d of DEPARTEMENTS)
        o.push({ valeur: `departement:${d.code}`, libelle: `${d.code} — ${d.nom}` })
    } else if (h.role === 'coordinateur') {
      o.push({
        valeur: `region:${h.portee.code}`,
        libelle: `Région ${region(h.portee.code)?.nom ?? h.portee.code}`,
      })
      for (const d of departementsDeRegion(h.portee.code))
        o.push({ valeur: `departement:${d.code}`, libelle: `${d.code} — ${d.nom}` })
    } else if (h.role === 'prefecture') {
      o.push({
        valeur: `departement:${h.portee.code}`,
        libelle: `${h.portee.code} — ${departement(h.portee.code)?.nom ?? ''}`,
      })
    } else if (h.role === 'gestionnaire') {
      o.push({ valeur: `structure:${h.portee.code}`, libelle: h.portee.libelle || 'Ma structure' })
    } else if (h.role === 'conseiller') {
      o.push({ valeur: `conseiller:${u.compteId}`, libelle: 'Mes activités' })
    }
  }
  return o.filter((x, i) => o.findIndex((y) => y.valeur === x.valeur) === i)
}

function titreTerritoire(t: Territoire, u: Utilisateur): string {
  switch (t.type) {
    case 'national':
      return 'Statistiques nationales'
    case 'region':
      return `Statistiques de la région ${region(t.code)?.nom ?? t.code}`
    case 'departement':
      return `Statistiques du département ${t.code} — ${departement(t.code)?.nom ?? ''}`
    case 'structure':
      return `Statistiques de la structure ${u.habilitations.find((h) => h.portee.code === t.code)?.portee.libelle ?? ''}`.trim()
    case 'conseiller':
      return t.code === u.compteId ? 'Mes statistiques' : 'Statistiques d’un conseiller'
  }
}

export function routesStatistiques(app: FastifyInstance, { deps, aujourdhui }: ContexteRoutes) {
  const lireStatistiques = makeLireStatistiques(deps)
  const statistiques = { preHandler: exigerRole(...ROLES_STATISTIQUES) }

  /** Territory and period asked for, checked against the caller's scopes (403 outside them). */
  async function lireDemande(request: FastifyRequest): Promise<Demande> {
    const u = utilisateurConnecte(request)
    const lu = requeteStatistiques.safeParse(request.query ?? {})
    const q = lu.success ? lu.data : REQUETE_ILLISIBLE
    const defaut = territoireParDefaut(u.compteId, u.habilitations)
    if (!defaut) throw new AccesInterditError()
    const territoire =
      q.territoire === undefined || q.territoire === '' ? defaut : lireTerritoire(q.territoire)
    const p = lirePeriode(q.du, q.au, aujourdhui())
    const periodeDefaut = periodeDeRepli(aujourdhui())
    if (!territoire)
      return {
        ok: false,
        erreurs: { territoire: 'Territoire : choisissez dans la liste.' },
        territoire: defaut,
        periode: periodeDefaut,
      }
    if (!p.ok) return { ok: false, erreurs: { [p.champ]: p.message }, territoire, periode: periodeDefaut }
    const structure =
      territoire.type === 'structure'
        ? await deps.structures.territoireDeStructure(territoire.code)
        : undefined
    const gerees = u.habilitations.filter((h) => h.role === 'gestionnaire').map((h) => h.portee.code)
    const travaillees =
      territoire.type === 'conseiller' && territoire.code !== u.compteId
        ? await structuresDuConseiller(deps.db, territoire.code, gerees)
        : []
    const filtre = resoudre(u.compteId, u.habilitations, territoire, structure, travaillees)
    if (!filtre) throw new AccesInterditError()
    return { ok: true, territoire, filtre, periode: p.periode }
  }

  app.get('/activites/statistiques', statistiques, async (request, reply) => {
    const u = utilisateurConnecte(request)
    const d = await lireDemande(request)
    const stats = await lireStatistiques(
      d.ok ? d.filtre : { niveau: 'conseiller', conseillerId: '00000000-0000-0000-0000-000000000000' },
      d.periode,
    )
    const v = vueStatistiques(stats, false)
    const qs = new URLSearchParams({
      territoire: territoireTexte(d.territoire),
      du: d.periode.du,
      au: d.periode.au,
    }).toString()
    const titre = titreTerritoire(d.territoire, u)
    return reply.page(
      {
        titre,
        espace: 'pro',
        enErreur: !d.ok,
        ariane: [{ libelle: 'Statistiques' }],
        contenu: (
          <StatistiquesPage
            titre={titre}
            action="/activites/statistiques"
            territoires={territoiresProposes(u)}
            territoire={territoireTexte(d.territoire)}
            v={v}
            {...(d.ok
              ? {
                  exports: {
                    csv: `/activites/statistiques.csv?${qs}`,
                    xlsx: `/activites/statistiques.xlsx?${qs}`,
                  },
                }
              : { erreurs: d.erreurs })}
          />
        ),
      },
      d.ok ? 200 : 400,
    )
  })

  for (const format of ['csv', 'xlsx'] as const)
    app.get(`/activites/statistiques.${format}`, statistiques, async (request, reply) => {
      const u = utilisateurConnecte(request)
      const d = await lireDemande(request)
      if (!d.ok)
        return reply.status(400).type('text/plain; charset=utf-8').send(Object.values(d.erreurs).join(' '))
      const v = vueStatistiques(await lireStatistiques(d.filtre, d.periode), false)
      const nom = `statistiques-${territoireTexte(d.territoire).replace(':', '-')}-${d.periode.du}-${d.periode.au}`
      reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="${nom}.${format}"`)
      if (format === 'csv')
        return reply.type('text/csv; charset=utf-8').send(statistiquesCsv(v, formatCsvDemande(request.query)))
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(await statistiquesXlsx(v, titreTerritoire(d.territoire, u)))
    })
}
