import { jetonAleatoire, sha256 } from '../../../platform/crypto'
import { mettreEnFileEmail, mettreEnFileSms } from '../../../platform/outbox/outbox'
import { mettreAJourPassation } from '../db/diagnostic-repository'
import { CONSERVATION_ANONYME_JOURS } from '../domain/retention'
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
          sujet: 'Votre résultat : faire le point sur mes usages numériques',
          texte: `Bonjour,\n\nVoici le lien pour revoir votre résultat et les lieux d’aide près de chez vous :\n${lien}\n\nCe lien marche pendant ${CONSERVATION_ANONYME_JOURS} jours. Ensuite, vos réponses sont effacées.\n\nEscale`,
        })
      else
        await mettreEnFileSms(tx, {
          destinataire: input.destinataire,
          texte: `Escale : votre résultat et les lieux d’aide près de chez vous : ${lien} (valable ${CONSERVATION_ANONYME_JOURS} jours)`,
        })
    })
  }
