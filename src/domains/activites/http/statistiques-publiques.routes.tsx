import type { FastifyInstance } from 'fastify'
import { DEPARTEMENTS, departement, REGIONS, region } from '../../../platform/geo/territoires'
import { SEUIL_K_ANONYMAT } from '../domain/k-anonymat'
import type { Filtre } from '../domain/portee'
import { lirePeriode, lireTerritoire, type Territoire, territoireTexte } from '../domain/statistiques'
import { makeLireStatistiques } from '../use-cases/lire-statistiques'
import { type OptionTerritoire, StatistiquesPage, vueStatistiques } from '../views/statistiques.page'
import {
  type ContexteRoutes,
  periodeDeRepli,
  REQUETE_ILLISIBLE,
  type RequeteStatistiques,
  requeteStatistiques,
} from './commun'

/**
 * Public open data (fixed entry points `/statistiques` and `/api/v1/statistiques`): nation, régions
 * and départements only, under statistical secrecy.
 */

const territoiresPublics: OptionTerritoire[] = [
  { valeur: 'national', libelle: 'France entière' },
  ...REGIONS.map((r) => ({ valeur: `region:${r.code}`, libelle: `Région ${r.nom}` })),
  ...DEPARTEMENTS.map((d) => ({ valeur: `departement:${d.code}`, libelle: `${d.code} — ${d.nom}` })),
]

const CLES_TOTAUX = ['personnes', 'beneficiaires', 'accompagnements', 'ateliers', 'participants', 'heures']

const libellePublic = (t: Territoire) =>
  t.type === 'national'
    ? 'France entière'
    : t.type === 'region'
      ? `région ${region(t.code)?.nom ?? t.code}`
      : `département ${t.code} — ${departement(t.code)?.nom ?? ''}`

function demandePublique(q: RequeteStatistiques, aujourdhui: string) {
  const brut = q.territoire === undefined || q.territoire === '' ? 'national' : q.territoire
  const t = lireTerritoire(brut)
  const p = lirePeriode(q.du, q.au, aujourdhui)
  if (
    !t ||
    t.type === 'structure' ||
    t.type === 'conseiller' ||
    (t.type === 'region' && !region(t.code)) ||
    (t.type === 'departement' && !departement(t.code))
  )
    return {
      ok: false as const,
      champ: 'territoire',
      message: 'territoire : « national », « region:CODE » ou « departement:CODE » (code INSEE).',
    }
  if (!p.ok) return { ok: false as const, champ: p.champ, message: p.message }
  const filtre: Filtre = t.type === 'national' ? { niveau: 'national' } : { niveau: t.type, code: t.code }
  return { ok: true as const, territoire: t, filtre, periode: p.periode }
}

/** Documentation only (`/api/docs`): every parameter is a text, read and checked by the route itself. */
const SCHEMA_API_STATISTIQUES = {
  tags: ['statistiques'],
  summary: 'Chiffres de l’inclusion numérique d’un territoire sur une période',
  description:
    'Totaux (personnes accompagnées, bénéficiaires, accompagnements, ateliers, participants, heures), série mois par mois, répartitions (types, thèmes, lieux, matériel, âges, situations, durées…) et, au niveau national ou régional, les départements. Secret statistique : les effectifs de 1 à 4 valent null. Licence Etalab 2.0.',
  querystring: {
    type: 'object',
    properties: {
      territoire: {
        type: 'string',
        description:
          '`national` (par défaut), `region:<code>` ou `departement:<code>` (code officiel, par exemple departement:13).',
      },
      du: {
        type: 'string',
        description: 'Premier mois, AAAA-MM (par défaut : douze mois avant le mois en cours).',
      },
      au: { type: 'string', description: 'Dernier mois inclus, AAAA-MM (par défaut : le mois en cours).' },
    },
  },
} as const

export function routesStatistiquesPubliques(app: FastifyInstance, { deps, aujourdhui }: ContexteRoutes) {
  const lireStatistiques = makeLireStatistiques(deps)
  const lireRequete = (query: unknown) => {
    const lu = requeteStatistiques.safeParse(query ?? {})
    return demandePublique(lu.success ? lu.data : REQUETE_ILLISIBLE, aujourdhui())
  }

  app.get('/statistiques', async (request, reply) => {
    const d = lireRequete(request.query)
    const periode = d.ok ? d.periode : periodeDeRepli(aujourdhui())
    const territoire: Territoire = d.ok ? d.territoire : { type: 'national' }
    const v = vueStatistiques(await lireStatistiques(d.ok ? d.filtre : { niveau: 'national' }, periode), true)
    const titre = `L’inclusion numérique en chiffres : ${libellePublic(territoire)}`
    return reply.header('cache-control', 'public, max-age=300').page(
      {
        titre: 'L’inclusion numérique en chiffres',
        enErreur: !d.ok,
        ariane: [{ libelle: 'Statistiques publiques' }],
        contenu: (
          <>
            <StatistiquesPage
              titre={titre}
              action="/statistiques"
              territoires={territoiresPublics}
              territoire={territoireTexte(territoire)}
              v={v}
              {...(d.ok ? {} : { erreurs: { [d.champ]: d.message } })}
            />
            <p class="fr-mt-4w">
              Données ouvertes sous licence Etalab 2.0 :{' '}
              <a href="/api/v1/statistiques">/api/v1/statistiques</a> (paramètres <code>territoire</code>,{' '}
              <code>du</code> et <code>au</code>).
            </p>
          </>
        ),
      },
      d.ok ? 200 : 400,
    )
  })

  app.get('/api/v1/statistiques', { schema: SCHEMA_API_STATISTIQUES }, async (request, reply) => {
    const d = lireRequete(request.query)
    if (!d.ok) return reply.status(400).send({ erreur: d.message, champ: d.champ })
    const v = vueStatistiques(await lireStatistiques(d.filtre, d.periode), true)
    return reply.header('cache-control', 'public, max-age=300').send({
      territoire: territoireTexte(d.territoire),
      periode: d.periode,
      seuil_k_anonymat: SEUIL_K_ANONYMAT,
      note: `Les effectifs de 1 à ${SEUIL_K_ANONYMAT - 1} valent null (secret statistique), ainsi qu’une seconde case quand une seule serait masquée dans une répartition.`,
      totaux: Object.fromEntries(v.totaux.map((t, i) => [CLES_TOTAUX[i], t.valeur])),
      mois: v.serie,
      repartitions: Object.fromEntries(
        v.repartitions.map((r) => [
          r.dimension,
          r.cellules.map((c) => ({
            valeur: c.valeur,
            libelle: c.libelle,
            activites: c.activites,
            personnes: c.personnes,
            heures: c.heures,
          })),
        ]),
      ),
      departements: v.departements,
    })
  })
}
