import { jetonAleatoire, sha256 } from '../../../platform/crypto'
import { creerSession, habilitationsDe, mettreAJourCompte } from '../db/comptes-repository'
import { inactiviteMinutes, totpObligatoire } from '../domain/roles'
import type { DepsComptes } from './deps'

export type EtapeSuivante = 'espace' | 'totp' | 'activer_totp'

/**
 * Opens a fresh server-side session after a first factor (password or magic link). A new token every
 * time: a session id planted before login is never promoted (fixation). Accounts that must or chose to
 * use TOTP get a first-factor session that only opens the second-factor pages.
 */
export const makeOuvrirSession =
  ({ db, horloge, inactiviteParRole }: DepsComptes) =>
  async (
    compte: { id: string; totpActifDepuis: Date | null },
    navigateur: string,
    options: {
      demoSansSecondFacteur?: boolean
      /** ProConnect says the identity provider asked for a second factor (amr `mfa`): ours is not asked. */
      secondFacteurProuve?: boolean
    } = {},
  ): Promise<{ jeton: string; etape: EtapeSuivante }> => {
    const maintenant = horloge()
    const habilitations = await habilitationsDe(db, compte.id)
    const etape: EtapeSuivante =
      options.demoSansSecondFacteur || options.secondFacteurProuve
        ? 'espace'
        : compte.totpActifDepuis
          ? 'totp'
          : totpObligatoire(habilitations)
            ? 'activer_totp'
            : 'espace'
    const jeton = jetonAleatoire()
    await db.transaction(async (tx) => {
      await creerSession(tx, {
        jetonHash: sha256(jeton),
        compteId: compte.id,
        niveau: etape === 'espace' ? 'complet' : 'premier_facteur',
        inactiviteMinutes: inactiviteMinutes(habilitations, inactiviteParRole),
        navigateur,
        maintenant,
      })
      // Only a complete login clears the failure count: a first factor alone (password or link before
      // the TOTP step) must not, or each new password login would buy four more guesses at the code.
      if (etape === 'espace')
        await mettreAJourCompte(tx, compte.id, {
          echecsConnexion: 0,
          bloqueJusquA: null,
          derniereConnexionLe: maintenant,
        })
    })
    return { jeton, etape }
  }
