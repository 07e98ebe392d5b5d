import swagger from '@fastify/swagger'
import type { FastifyInstance } from 'fastify'
import { PARAMETRE_CSV_STANDARD } from '../csv'
import { Tableau } from '../layout/components'

/**
 * The public API's documentation (ADR 009): the OpenAPI description at `/api/docs/json`, and at
 * `/api/docs` a page in French written by Escale itself from that description (DSFR, no script,
 * nothing from a CDN) instead of Swagger UI, whose texts are in English only.
 *
 * A route is documented when it declares `schema.tags` (`hideUntagged`) and is registered after this
 * plugin: every public endpoint under `/api/v1/…` does.
 */

interface Parametre {
  name: string
  in: string
  required?: boolean
  description?: string
  schema?: { type?: string | string[]; enum?: unknown[]; default?: unknown; format?: string }
}
interface Operation {
  tags?: string[]
  summary?: string
  description?: string
  parameters?: Parametre[]
  responses?: Record<string, { description?: string }>
}
interface Description {
  info: { title: string; description?: string }
  tags?: { name: string; description?: string }[]
  paths: Record<string, Record<string, Operation>>
}

export const THEMES_API = [
  { name: 'lieux', description: 'Lieux de médiation numérique, export au standard national, communes' },
  { name: 'statistiques', description: 'Chiffres publics de l’inclusion numérique (données ouvertes)' },
  { name: 'recrutement', description: 'Postes de conseillers numériques par département' },
  { name: 'aidants', description: 'Structures habilitées Aidants Connect' },
]

const OU: Record<string, string> = { query: 'requête', path: 'chemin', header: 'en-tête' }
const REPONSES: Record<string, string> = {
  '200': 'Réponse',
  '304': 'Non modifié',
  '400': 'Requête refusée',
  '404': 'Introuvable',
  '429': 'Trop de requêtes',
}

const typeDe = (s: Parametre['schema']) => {
  if (!s) return ''
  const type = Array.isArray(s.type) ? s.type.filter((t) => t !== 'null').join(' ou ') : (s.type ?? '')
  const mots: Record<string, string> = {
    string: 'texte',
    integer: 'entier',
    number: 'nombre',
    boolean: 'booléen',
    array: 'liste',
  }
  const valeurs = s.enum ? ` parmi ${s.enum.map(String).join(', ')}` : ''
  const defaut = s.default !== undefined ? ` (par défaut ${String(s.default)})` : ''
  return `${mots[type] ?? type}${valeurs}${defaut}`
}

/** Descriptions are written for OpenAPI with `code` marks; the page shows them between guillemets. */
const texte = (s: string) => s.replace(/`([^`]+)`/g, '« $1 »')

function OperationApi({ methode, chemin, op }: { methode: string; chemin: string; op: Operation }) {
  const parametres = op.parameters ?? []
  return (
    <section class="fr-mb-6w">
      <h3 class="fr-h5">
        <code safe>{`${methode.toUpperCase()} ${chemin}`}</code>
      </h3>
      {op.summary ? (
        <p class="fr-text--lead fr-mb-1w" safe>
          {op.summary}
        </p>
      ) : (
        ''
      )}
      {op.description ? <p safe>{texte(op.description)}</p> : ''}
      {parametres.length > 0 ? (
        <Tableau
          legende={`Paramètres de ${chemin}`}
          entetes={['Nom', 'Où', 'Obligatoire', 'Type', 'Description']}
          lignes={parametres.map((p) => [
            <code safe>{p.name}</code>,
            <span safe>{OU[p.in] ?? p.in}</span>,
            <span>{p.required ? 'oui' : 'non'}</span>,
            <span safe>{typeDe(p.schema)}</span>,
            <span safe>{texte(p.description ?? '')}</span>,
          ])}
        />
      ) : (
        <p>Aucun paramètre.</p>
      )}
      <ul>
        {Object.entries(op.responses ?? {}).map(([code, r]) => (
          <li
            safe
          >{`${code} — ${r.description && r.description !== 'Default Response' ? r.description : (REPONSES[code] ?? 'Réponse')}`}</li>
        ))}
      </ul>
    </section>
  )
}

export function DocumentationApiPage({ d }: { d: Description }) {
  const themes = d.tags ?? []
  return (
    <>
      <h1 safe>{d.info.title}</h1>
      {d.info.description ? <p safe>{d.info.description}</p> : ''}
      <p>
        Réponses en JSON, sauf les exports CSV. Les fichiers CSV s’ouvrent par défaut dans un tableur français
        (séparateur « ; », virgule décimale, UTF-8 avec marque d’ordre des octets) ; ajoutez{' '}
        <code>{`format=${PARAMETRE_CSV_STANDARD}`}</code> à un export CSV de l’application pour un CSV
        standard (séparateur « , », point décimal). L’export des lieux suit le standard national et sépare
        toujours par « , ».
      </p>
      <p>
        La même description, au format OpenAPI 3, pour les programmes :{' '}
        <a href="/api/docs/json">/api/docs/json</a>.
      </p>
      <nav class="fr-summary fr-mb-4w" aria-labelledby="sommaire-api">
        <p class="fr-summary__title" id="sommaire-api">
          Sommaire
        </p>
        <ol class="fr-summary__list">
          {themes.map((t) => (
            <li>
              <a class="fr-summary__link" href={`#theme-${t.name}`} safe>
                {t.description ?? t.name}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {themes.map((t) => (
        <section aria-labelledby={`theme-${t.name}`}>
          <h2 id={`theme-${t.name}`} safe>
            {t.description ?? t.name}
          </h2>
          {Object.entries(d.paths).flatMap(([chemin, ops]) =>
            Object.entries(ops)
              .filter(([, op]) => op.tags?.includes(t.name))
              .map(([methode, op]) => <OperationApi methode={methode} chemin={chemin} op={op} />),
          )}
        </section>
      ))}
    </>
  )
}

/** To register at the root (not encapsulated, `fastify-plugin`), before any documented route. */
export async function documentationApi(racine: FastifyInstance) {
  await racine.register(swagger, {
    openapi: {
      info: {
        title: 'API Escale',
        version: '1.0.0',
        description:
          'API publique d’Escale. Lecture libre (CORS ouvert), limitée à 600 requêtes par minute et par adresse. Les lieux suivent le standard national des lieux de médiation numérique v1.0.2.',
      },
      tags: THEMES_API,
    },
    hideUntagged: true,
  })
  racine.get('/api/docs/json', async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=300').send(racine.swagger()),
  )
  const page = async (_request: unknown, reply: import('fastify').FastifyReply) =>
    reply.page({
      titre: 'Documentation de l’API',
      ariane: [{ libelle: 'Documentation de l’API' }],
      contenu: <DocumentationApiPage d={racine.swagger() as unknown as Description} />,
    })
  racine.get('/api/docs', page)
  racine.get('/api/docs/', page)
}
