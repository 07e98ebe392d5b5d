import { journaliser } from '../../../platform/journal/journal'
import { err, ok, type Result } from '../../../platform/result'
import {
  compterVersionsActives,
  inscriptionAPresences,
  inscriptionsDuCompte,
  majInscription,
  parcoursCourant,
  publierVersionParcours,
  retirerVersion,
  trouverInscription,
  trouverParcours,
} from '../db/formation-repository'
import type { CertificationAttendue, ErreurFormation } from '../domain/formation'
import type { DepsFormation } from './formation'

const violationUnicite = (e: unknown) =>
  (e as { code?: string }).code === '23505' || (e as { cause?: { code?: string } }).cause?.code === '23505'

/**
 * Training paths are versioned configuration: publishing gives the next version number of the code,
 * and from then on new enrolments use it. Enrolments already made keep pointing at their version,
 * so their hours, certification and certificates never change.
 */
export const makeParcours = ({ db }: Pick<DepsFormation, 'db'>) => ({
  async publier(input: {
    code: string
    libelle: string
    dureeMinutes: number
    certification: CertificationAttendue
    par: string
  }) {
    // Two admins publishing at once would compute the same number: the unique (code, version)
    // index refuses the second, which simply tries again with the next number.
    for (let essai = 0; ; essai++) {
      try {
        return await db.transaction(async (tx) => {
          const p = await publierVersionParcours(tx, input)
          await journaliser(tx, {
            acteurId: input.par,
            action: 'formation_parcours_publie',
            cible: p.id,
            details: { code: p.code, version: p.version, dureeMinutes: p.dureeMinutes },
          })
          return p
        })
      } catch (e) {
        if (!violationUnicite(e) || essai >= 3) throw e
      }
    }
  },

  /** Withdraws a version (a mistake, an old scale); the path must keep one version in force. */
  async retirer(input: { parcoursId: string; par: string }): Promise<Result<true, ErreurFormation>> {
    return db.transaction(async (tx) => {
      const p = await trouverParcours(tx, input.parcoursId, true)
      if (!p) return err({ code: 'PARCOURS_INTROUVABLE' })
      if (p.actif !== 1) return err({ code: 'VERSION_DEJA_RETIREE' })
      if ((await compterVersionsActives(tx, p.code)) <= 1)
        return err({ code: 'DERNIERE_VERSION', libelle: p.libelle })
      await retirerVersion(tx, p.id)
      await journaliser(tx, { acteurId: input.par, action: 'formation_parcours_retire', cible: p.id })
      return ok(true)
    })
  },

  /**
   * After the positioning test, a conseiller follows the path that fits (105 to 420 hours in the
   * real programme): allowed while nothing has been recorded against the first one.
   */
  async repositionner(input: {
    inscriptionId: string
    code: string
    par: string
  }): Promise<Result<true, ErreurFormation>> {
    const cible = await parcoursCourant(db, input.code)
    if (!cible) return err({ code: 'PARCOURS_INTROUVABLE' })
    return db.transaction(async (tx) => {
      const i = await trouverInscription(tx, input.inscriptionId)
      if (!i) return err({ code: 'INSCRIPTION_INTROUVABLE' })
      if (i.statut !== 'inscrit' || (await inscriptionAPresences(tx, i.id)))
        return err({ code: 'REPOSITIONNEMENT_IMPOSSIBLE' })
      if (i.parcoursId === cible.id) return ok(true)
      if ((await inscriptionsDuCompte(tx, i.compteId)).some((x) => x.inscription.parcoursId === cible.id))
        return err({ code: 'DEJA_INSCRIT' })
      // Leaving the session too: it was booked for the former path.
      await majInscription(tx, i.id, { parcoursId: cible.id, sessionId: null })
      await journaliser(tx, {
        acteurId: input.par,
        action: 'formation_repositionnement',
        cible: i.id,
        details: { de: i.parcoursId, vers: cible.id },
      })
      return ok(true)
    })
  },
})
