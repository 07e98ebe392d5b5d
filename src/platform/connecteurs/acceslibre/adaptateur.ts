import { z } from 'zod'
import type { ClientHttp } from '../client-http'
import type { IssueAcceslibre, LireAcceslibre, ResumeAcceslibre } from './port'

/**
 * The real adapter: `GET /api/erps/<identifiant>/` with the `Authorization: Api-Key …` header. The
 * record's `accessibilite` holds sections (transport, entrée, accueil…) of yes/no/unknown answers; the
 * summary keeps six of them. Unknown fields are ignored: Acceslibre adds questions over time.
 */

const oui = z.boolean().nullable().optional()
const section = <T extends z.ZodRawShape>(forme: T) => z.object(forme).nullable().optional()

const erpSchema = z.object({
  slug: z.string(),
  web_url: z.url(),
  updated_at: z.string().nullable().optional(),
  accessibilite: z
    .object({
      transport: section({
        transport_station_presence: oui,
        stationnement_pmr: oui,
        stationnement_ext_pmr: oui,
      }),
      entree: section({ entree_plain_pied: oui }),
      accueil: section({
        accueil_personnels: z.string().nullable().optional(),
        accueil_equipements_malentendants_presence: oui,
        sanitaires_presence: oui,
        sanitaires_adaptes: oui,
      }),
    })
    .nullable()
    .optional(),
})

const RE_IDENTIFIANT = /^[a-z0-9][a-z0-9-]{0,199}$/i

const ouOu = (...v: (boolean | null | undefined)[]) =>
  v.some((x) => x === true) ? true : v.some((x) => x === false) ? false : null

function resume(e: z.infer<typeof erpSchema>): ResumeAcceslibre {
  const a = e.accessibilite
  const personnel = a?.accueil?.accueil_personnels
  return {
    url: e.web_url,
    entreePlainPied: a?.entree?.entree_plain_pied ?? null,
    stationnementAdapte: ouOu(a?.transport?.stationnement_pmr, a?.transport?.stationnement_ext_pmr),
    transportAProximite: a?.transport?.transport_station_presence ?? null,
    personnelSensibilise: personnel ? personnel === 'formés' : null,
    equipementMalentendants: a?.accueil?.accueil_equipements_malentendants_presence ?? null,
    // No toilets at all is « pas de toilettes adaptées » for the person who needs them.
    sanitairesAdaptes:
      a?.accueil?.sanitaires_presence === false ? false : (a?.accueil?.sanitaires_adaptes ?? null),
    misAJourLe: e.updated_at && /^\d{4}-\d{2}-\d{2}/.test(e.updated_at) ? e.updated_at.slice(0, 10) : null,
  }
}

export function creerAdaptateurAcceslibre(o: {
  client: ClientHttp
  cle: string | undefined
}): LireAcceslibre {
  return {
    async lire(identifiant): Promise<IssueAcceslibre> {
      if (!RE_IDENTIFIANT.test(identifiant)) return { ok: true, resume: null }
      const r = await o.client.get(`/api/erps/${encodeURIComponent(identifiant)}/`, {
        schema: erpSchema,
        ...(o.cle ? { entetes: { authorization: `Api-Key ${o.cle}` } } : {}),
      })
      if (r.ok) return { ok: true, resume: resume(r.donnees) }
      return r.raison === 'introuvable' ? { ok: true, resume: null } : { ok: false }
    },
  }
}
