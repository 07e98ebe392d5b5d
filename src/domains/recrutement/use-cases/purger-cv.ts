import { journaliser } from '../../../platform/journal/journal'
import { mettreEnFileEmail } from '../../../platform/outbox/outbox'
import { candidaturesParIds, supprimerCvAvant } from '../db/candidatures-repository'
import { CONSERVATION_CV_MOIS } from '../domain/cv'
import { ajouterMois } from '../domain/dates'
import { emailCvSupprime } from '../emails'
import { aujourdhui, type DepsRecrutement } from './deps'

/** The first day a CV sent on `deposeLe` is no longer kept. */
export const suppressionCvLe = (deposeLe: Date) => ajouterMois(aujourdhui(deposeLe), CONSERVATION_CV_MOIS)

/**
 * Deletes the CVs older than the retention period and tells each candidate, in one transaction.
 * Idempotent and safe on several instances at once: the DELETE … RETURNING hands each CV to one
 * of them only.
 */
export const makePurgerCv =
  (deps: Pick<DepsRecrutement, 'db' | 'horloge' | 'baseUrl'>) => async (): Promise<number> => {
    const limite = new Date(`${ajouterMois(aujourdhui(deps.horloge()), -CONSERVATION_CV_MOIS)}T00:00:00Z`)
    return deps.db.transaction(async (tx) => {
      const supprimes = await supprimerCvAvant(tx, limite)
      if (supprimes.length === 0) return 0
      const candidats = await candidaturesParIds(
        tx,
        supprimes.map((s) => s.candidatureId),
      )
      for (const c of candidats) {
        await mettreEnFileEmail(tx, {
          destinataire: c.email,
          ...emailCvSupprime({ prenom: c.prenom, baseUrl: deps.baseUrl }),
        })
        await journaliser(tx, { acteurId: null, action: 'cv_supprime_conservation', cible: c.id })
      }
      return supprimes.length
    })
  }
