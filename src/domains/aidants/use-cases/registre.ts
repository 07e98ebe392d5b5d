import { secteurDeCategorieJuridique } from '../../../platform/connecteurs/entreprises/nomenclatures'
import type { DepsAidants } from './deps'

/** What a habilitation request keeps of the company register's answer about the structure's SIRET. */
export type RegistreDemande =
  | {
      verification: 'verifiee'
      denomination: string
      categorieJuridique: string
      secteur: 'public' | 'prive'
    }
  /** The register did not answer: the request goes on, the national team checks later. */
  | { verification: 'a_verifier' }

/**
 * The structure's SIRET in the company register (issue 19), as in `recrutement`: closed or unknown is
 * an error on the field; a register that does not answer lets the request through, marked to check.
 */
export async function controlerSiret(
  deps: DepsAidants,
  siret: string,
): Promise<{ ok: true; registre: RegistreDemande } | { ok: false; message: string }> {
  const r = deps.entreprises ? await deps.entreprises.parSiret(siret) : { statut: 'indisponible' as const }
  if (r.statut === 'indisponible') return { ok: true, registre: { verification: 'a_verifier' } }
  if (r.statut === 'introuvable')
    return { ok: false, message: 'SIRET : il n’est pas dans le registre des entreprises, vérifiez-le.' }
  const e = r.etablissement
  if (!e.actif)
    return {
      ok: false,
      message:
        'SIRET : cet établissement est fermé au registre des entreprises, donnez celui d’un établissement en activité.',
    }
  return {
    ok: true,
    registre: {
      verification: 'verifiee',
      denomination: e.denomination,
      categorieJuridique: e.categorieJuridique.code,
      secteur: secteurDeCategorieJuridique(e.categorieJuridique.code),
    },
  }
}

export const MESSAGE_VERIFICATION_PLUS_TARD =
  'Le registre des entreprises ne répond pas pour le moment : la vérification du SIRET sera faite plus tard.'
