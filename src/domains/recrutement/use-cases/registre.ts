import { journaliser } from '../../../platform/journal/journal'
import { err, ok, type Result } from '../../../platform/result'
import { majStructure, structuresAVerifierAuRegistre } from '../db/structures-repository'
import type { ErreurRecrutement } from '../domain/erreurs'
import { verificationDe } from '../domain/registre'
import type { DepsRecrutement } from './deps'

/** What a structure's row keeps of the company register's answer about its SIRET. */
export interface ChampsRegistre {
  verificationRegistre: 'verifiee' | 'a_verifier' | null
  categorieJuridique: string | null
  categorieRegistre: 'public' | 'prive' | null
  registreVerifieLe: Date | null
}

const SANS_SIRET: ChampsRegistre = {
  verificationRegistre: null,
  categorieJuridique: null,
  categorieRegistre: null,
  registreVerifieLe: null,
}

/**
 * At filing: the SIRET, when given, is asked to the register. Closed or unknown refuses the form; a
 * register that does not answer lets it through, marked to check later. Without SIRET, the RNA number
 * (checked for its format by the form) is enough.
 */
export async function verifierAuRegistre(
  deps: DepsRecrutement,
  identifiants: { siret: string; rna: string },
): Promise<Result<ChampsRegistre, ErreurRecrutement & { champ: string }>> {
  if (!identifiants.siret)
    return identifiants.rna ? ok(SANS_SIRET) : err({ code: 'IDENTIFIANT_MANQUANT', champ: 'siret' })
  const reponse = deps.entreprises ? await deps.entreprises.parSiret(identifiants.siret) : undefined
  const v = verificationDe(reponse ?? { statut: 'indisponible' })
  if (v.etat === 'refusee')
    return err({ code: v.motif === 'ferme' ? 'ETABLISSEMENT_FERME' : 'SIRET_INCONNU', champ: 'siret' })
  if (v.etat === 'a_verifier') return ok({ ...SANS_SIRET, verificationRegistre: 'a_verifier' })
  return ok({
    verificationRegistre: 'verifiee',
    categorieJuridique: v.categorieJuridique,
    categorieRegistre: v.categorie,
    registreVerifieLe: deps.horloge(),
  })
}

/**
 * Daily: the files accepted while the register was down are asked again. Confirmed: the legal category
 * now decides public/private; closed or unknown: marked `refusee` for the prefecture; still no answer:
 * tomorrow. Idempotent.
 */
export const makeReverifierRegistre =
  (deps: Pick<DepsRecrutement, 'db' | 'horloge' | 'entreprises'>) => async () => {
    const bilan = { verifiees: 0, refusees: 0, enAttente: 0 }
    if (!deps.entreprises) return bilan
    for (const s of await structuresAVerifierAuRegistre(deps.db)) {
      const v = verificationDe(await deps.entreprises.parSiret(s.siret))
      if (v.etat === 'a_verifier') {
        bilan.enAttente++
        continue
      }
      await deps.db.transaction(async (tx) => {
        if (v.etat === 'verifiee')
          await majStructure(tx, s.id, {
            verificationRegistre: 'verifiee',
            categorieJuridique: v.categorieJuridique,
            categorieRegistre: v.categorie,
            registreVerifieLe: deps.horloge(),
          })
        else
          await majStructure(tx, s.id, { verificationRegistre: 'refusee', registreVerifieLe: deps.horloge() })
        await journaliser(tx, {
          acteurId: null,
          action: 'structure_registre_verifie',
          cible: s.id,
          details: { resultat: v.etat === 'verifiee' ? 'verifiee' : v.motif },
        })
      })
      if (v.etat === 'verifiee') bilan.verifiees++
      else bilan.refusees++
    }
    return bilan
  }
