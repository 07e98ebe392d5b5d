import { jetonAleatoire, sha256 } from '../../../platform/crypto'
import { mettreEnFileEmail, mettreEnFileSms } from '../../../platform/outbox/outbox'
import { mettreAJourPassation } from '../db/diagnostic-repository'
import { CONSERVATION_ANONYME_JOURS } from '../domain/retention'
import { emailLienResultat, smsLienResultat } from '../emails'
import type { DepsDiagnostic } from './deps'

/**
 * Sends the person a link to read their result again (for R1's 7 days). The address or number is
 * used for this one message and never stored in the diagnostic's tables.
 */
export const makeEnvoyerResultat =
  ({ db, horloge, baseUrl }: DepsDiagnostic) =>
  async (input: { passationId: string; canal: 'email' | 'sms'; destinataire: string }): Promise<void> => {
    const jeton = jetonAleatoire()
    const lien = `${baseUrl}/diagnostic/lien/${jeton}`
    await db.transaction(async (tx) => {
      await mettreAJourPassation(tx, input.passationId, {
        lienHash: sha256(jeton),
        derniereActiviteLe: horloge(),
      })
      if (input.canal === 'email')
        await mettreEnFileEmail(tx, {
          destinataire: input.destinataire,
          ...emailLienResultat({ lien, jours: CONSERVATION_ANONYME_JOURS }),
        })
      else
        await mettreEnFileSms(tx, {
          destinataire: input.destinataire,
          texte: smsLienResultat({ lien, jours: CONSERVATION_ANONYME_JOURS }),
        })
    })
  }
