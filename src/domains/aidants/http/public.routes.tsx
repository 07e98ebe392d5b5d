import type { FastifyInstance } from 'fastify'
import { Tableau } from '../../../platform/layout/components'
import { nombreDe } from '../../../platform/pluriel'
import { trouverMandatParHash, trouverOrganisation } from '../db/mandats-repository'
import {
  chiffresDesDemarches,
  mandatsParDepartement,
  organisationsPubliques,
  statistiquesPubliques,
} from '../db/public-lectures'
import { DEMARCHES } from '../domain/demarches'
import { statutMandat } from '../domain/mandat'
import { PresentationPage, VerificationPage } from '../views/presentation.page'
import type { ContexteRoutes } from './commun'

/** Public pages (`/aidants`, `/aidants/verifier/:hash`, `/aidants/statistiques`) and the open API. */
export function routesPubliques(app: FastifyInstance, { deps }: ContexteRoutes) {
  app.get('/aidants', async (_request, reply) => {
    const s = await statistiquesPubliques(deps.db)
    return reply.page({
      titre: 'Aidants Connect',
      ariane: [{ libelle: 'Aidants Connect' }],
      contenu: PresentationPage({ statistiques: s }),
    })
  })

  app.get<{ Params: { hash: string } }>('/aidants/verifier/:hash', async (request, reply) => {
    const hash = request.params.hash
    const m = /^[0-9a-f]{64}$/.test(hash) ? await trouverMandatParHash(deps.db, hash) : undefined
    const o = m ? await trouverOrganisation(deps.db, m.organisationId) : undefined
    return reply.page(
      {
        titre: 'Vérifier une attestation',
        contenu: VerificationPage(
          m
            ? {
                trouve: true,
                nature: m.hashRevocation === hash ? 'revocation' : 'mandat',
                statut: statutMandat(m, deps.horloge()),
                organisation: o?.nom ?? '',
                creeLe: m.creeLe,
                expireLe: m.expireLe,
              }
            : { trouve: false },
        ),
      },
      m ? 200 : 404,
    )
  })
}

export function routesChiffres(app: FastifyInstance, { deps }: ContexteRoutes) {
  app.get('/aidants/statistiques', async (_request, reply) => {
    const s = await statistiquesPubliques(deps.db)
    const { parDomaine, parDepartement: demarchesParDepartement } = await chiffresDesDemarches(deps.db)
    const parDepartement = await mandatsParDepartement(deps.db)
    const departements = [
      ...new Set([...parDepartement, ...demarchesParDepartement].map((x) => x.departement)),
    ].sort()
    return reply.page({
      titre: 'Aidants Connect en chiffres',
      ariane: [{ libelle: 'Aidants Connect', href: '/aidants' }, { libelle: 'Chiffres' }],
      contenu: (
        <>
          <h1>Aidants Connect en chiffres</h1>
          <ul>
            <li safe>{nombreDe(s.aidants, 'aidant habilité', 'aidants habilités')}</li>
            <li safe>{nombreDe(s.organisations, 'structure habilitée', 'structures habilitées')}</li>
            <li safe>{nombreDe(s.mandats, 'mandat créé', 'mandats créés')}</li>
          </ul>
          <Tableau
            legende="Démarches réalisées par domaine"
            entetes={['Domaine', 'Démarches réalisées']}
            lignes={DEMARCHES.map((d) => [
              <span>{d.titre}</span>,
              <span safe>{String(parDomaine.find((x) => x.demarche === d.cle)?.n ?? 0)}</span>,
            ])}
          />
          <Tableau
            legende="Par département : mandats créés et démarches réalisées"
            entetes={['Département', 'Mandats créés', 'Démarches réalisées']}
            lignes={departements.map((d) => [
              <span safe>{d}</span>,
              <span safe>{String(parDepartement.find((x) => x.departement === d)?.n ?? 0)}</span>,
              <span safe>{String(demarchesParDepartement.find((x) => x.departement === d)?.n ?? 0)}</span>,
            ])}
          />
        </>
      ),
    })
  })

  app.get(
    '/api/v1/aidants/organisations',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['aidants'],
        summary: 'Structures habilitées Aidants Connect',
        description:
          'Les structures habilitées à faire des démarches en ligne pour le compte d’usagers par un mandat, avec leur adresse. Limitée à 60 requêtes par minute et par adresse.',
      },
    },
    async () => ({ organisations: await organisationsPubliques(deps.db) }),
  )
}
