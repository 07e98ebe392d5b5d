import { timingSafeEqual } from 'node:crypto'
import {
  bloquerTotpJusqua,
  compterEchecTotp,
  etatAidant,
  noterActiviteAidant,
  prendrePasTotp,
} from '../db/aidants-repository'
import type { DepsAidants } from './deps'

/** Wrong codes in a row before every code is refused, and for how long at first (per account). */
export const ECHECS_TOTP_MAX = 5
export const BLOCAGE_TOTP_MINUTES = 15
/** Each further wrong code once locked doubles the lock, up to a day. */
export const BLOCAGE_TOTP_MAX_MINUTES = 24 * 60

/** Lock length after `echecs` wrong codes in a row (0: not locked). */
export function dureeBlocageTotpMinutes(echecs: number): number {
  if (echecs < ECHECS_TOTP_MAX) return 0
  return Math.min(BLOCAGE_TOTP_MINUTES * 2 ** (echecs - ECHECS_TOTP_MAX), BLOCAGE_TOTP_MAX_MINUTES)
}

/**
 * Every TOTP code an aidant types in Aidants Connect — passwordless login, re-entry before a sensitive
 * act, mandate signature — goes through here, so that one record says which step was used last and one
 * counter holds the wrong codes.
 * Drift policy, the same as at login: the current 30-second step and one on either side (±30 s), never
 * more — Aidants Connect's "tolerance 30 steps after failures" is the weakness we do not copy. A code is
 * accepted once: its step must be later than the last one accepted anywhere (here or at the password
 * login of the accounts domain), and it is taken in one statement, so two requests cannot both use it.
 * Per account, whatever the address: wrong codes are counted in the database in one statement (20 sent
 * at once count 20), only a right code clears them, and from the fifth in a row every code — even a
 * right one — is refused for 15 minutes, doubling with each further wrong code up to a day. The answer
 * does not say so.
 */
export const makeVerifierTotpAidant =
  ({ db, horloge, comptes }: DepsAidants) =>
  async (compteId: string, code: string): Promise<boolean> => {
    const maintenant = horloge()
    const compte = await comptes.trouver(compteId)
    if (!compte?.totpSecret || !compte.actif) return false
    const etat = await etatAidant(db, compteId)
    if (etat?.totpBloqueJusquA && etat.totpBloqueJusquA > maintenant) return false
    const propre = code.replace(/\s/g, '')
    const dernier = Math.max(compte.totpDernierPas ?? -1, etat?.totpDernierPas ?? -1)
    const pasActuel = Math.floor(maintenant.getTime() / 30_000)
    const pas = /^\d{6}$/.test(propre)
      ? [pasActuel - 1, pasActuel, pasActuel + 1].find(
          (p) =>
            p > dernier &&
            timingSafeEqual(
              Buffer.from(comptes.codeTotp(compte.totpSecret ?? '', new Date(p * 30_000))),
              Buffer.from(propre),
            ),
        )
      : undefined
    // Taken here first, then in the accounts domain, which the password login reads: a code accepted here
    // is refused there, and a concurrent password login that took the same step first wins.
    if (pas !== undefined && (await prendrePasTotp(db, compteId, pas, maintenant)))
      return comptes.reserverPasTotp(compteId, pas)
    const minutes = dureeBlocageTotpMinutes(await compterEchecTotp(db, compteId))
    if (minutes > 0) await bloquerTotpJusqua(db, compteId, new Date(maintenant.getTime() + minutes * 60_000))
    return false
  }

/** True when the aidant must prove presence again (no sensitive act nor factor for 15 minutes). */
export const makeReauthentificationRequise =
  ({ db, horloge }: DepsAidants) =>
  async (compteId: string, dernierFacteurLe: Date): Promise<boolean> => {
    const etat = await etatAidant(db, compteId)
    const derniere = Math.max(dernierFacteurLe.getTime(), etat?.derniereActiviteLe?.getTime() ?? 0)
    return horloge().getTime() - derniere > 15 * 60_000
  }

export const makeNoterActivite =
  ({ db, horloge }: DepsAidants) =>
  (compteId: string): Promise<void> =>
    noterActiviteAidant(db, compteId, horloge())
