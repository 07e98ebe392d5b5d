import { z } from 'zod'
import type { Horloge } from '../../crypto'
import { creerCache } from '../cache'
import type { ClientHttp } from '../client-http'
import { libelleActivite, libelleCategorieJuridique } from './nomenclatures'
import type { ConsulterEntreprises, EtablissementRegistre, ReponseRegistre } from './port'

/**
 * The real adapter of the company register: `GET /search?q=<siret>` of the State's company-search API
 * (recherche-entreprises.api.gouv.fr), read through the connectors' HTTP client, answers kept a day.
 */

const etablissementSchema = z.object({
  siret: z.string(),
  adresse: z.string().nullish(),
  code_postal: z.string().nullish(),
  commune: z.string().nullish(),
  libelle_commune: z.string().nullish(),
  activite_principale: z.string().nullish(),
  etat_administratif: z.string().nullish(),
})

const uniteLegaleSchema = z.object({
  siren: z.string(),
  nom_complet: z.string().nullish(),
  nom_raison_sociale: z.string().nullish(),
  nature_juridique: z.string().nullish(),
  activite_principale: z.string().nullish(),
  siege: etablissementSchema.nullish(),
  matching_etablissements: z.array(etablissementSchema).nullish(),
})

export const reponseRechercheSchema = z.object({ results: z.array(uniteLegaleSchema) })

type UniteLegale = z.infer<typeof uniteLegaleSchema>
type EtablissementApi = z.infer<typeof etablissementSchema>

/** The register's address is one line ending with postcode and commune: keep the street part. */
function partieVoie(e: EtablissementApi): string {
  const adresse = (e.adresse ?? '').trim()
  const fin = [e.code_postal, e.libelle_commune].filter(Boolean).join(' ')
  return fin && adresse.endsWith(fin) ? adresse.slice(0, -fin.length).trim() : adresse
}

export function versEtablissement(u: UniteLegale, e: EtablissementApi): EtablissementRegistre {
  const categorie = u.nature_juridique ?? ''
  const activite = e.activite_principale ?? u.activite_principale ?? ''
  return {
    siret: e.siret,
    siren: u.siren,
    denomination: (u.nom_raison_sociale ?? u.nom_complet ?? '').trim(),
    adresse: partieVoie(e),
    codePostal: e.code_postal ?? '',
    commune: e.commune ?? '',
    libelleCommune: e.libelle_commune ?? '',
    categorieJuridique: { code: categorie, libelle: libelleCategorieJuridique(categorie) },
    activite: { code: activite, libelle: activite ? libelleActivite(activite) : 'Activité non précisée' },
    actif: e.etat_administratif === 'A',
  }
}

/** A full-text search: only the legal unit whose establishments hold exactly this SIRET answers. */
function trouver(resultats: readonly UniteLegale[], siret: string): EtablissementRegistre | undefined {
  for (const u of resultats) {
    if (u.siren !== siret.slice(0, 9)) continue
    const e = [...(u.matching_etablissements ?? []), ...(u.siege ? [u.siege] : [])].find(
      (x) => x.siret === siret,
    )
    if (e) return versEtablissement(u, e)
  }
  return undefined
}

export function creerAdaptateurEntreprises(o: {
  client: ClientHttp
  horloge?: Horloge
  /** Bytes of answers kept (JSON length); 2 MB holds a few thousand establishments. */
  maxOctets?: number
}): ConsulterEntreprises {
  const cache = creerCache<ReponseRegistre>({
    maxOctets: o.maxOctets ?? 2_000_000,
    dureeMs: 24 * 3600_000,
    ...(o.horloge ? { horloge: o.horloge } : {}),
  })
  return {
    async parSiret(brut) {
      const siret = brut.replace(/\s/g, '')
      if (!/^\d{14}$/.test(siret)) return { statut: 'introuvable' }
      const connue = cache.lire(siret)
      if (connue) return connue
      const r = await o.client.get('/search', {
        query: { q: siret, page: 1, per_page: 5 },
        schema: reponseRechercheSchema,
      })
      if (!r.ok) return { statut: 'indisponible' }
      const etablissement = trouver(r.donnees.results, siret)
      const reponse: ReponseRegistre = etablissement
        ? { statut: 'trouve', etablissement }
        : { statut: 'introuvable' }
      // "Not found" is kept too: the register is rebuilt daily, a day is the age of its own data.
      cache.ecrire(siret, reponse)
      return reponse
    },
  }
}
