import { timingSafeEqual } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { etatsAidant } from '../db/schema'
import type { DepsAidants } from './deps'

/**
 * TOTP re-entry before a sensitive act (mandate recap, identity-provider login after inactivity).
 * Drift policy, the same as at login: the current 30-second step and one on either side (±30 s), never
 * more — Aidants Connect's "tolerance 30 steps after failures" is the weakness we do not copy. A code is
 * accepted once: its step must be later than the last one accepted at login and here.
 */
export const makeVerifierTotpAidant =
  ({ db, horloge, comptes }: DepsAidants) =>
  async (compteId: string, code: string): Promise<boolean> => {
    const propre = code.replace(/\s/g, '')
    if (!/^\d{6}$/.test(propre)) return false
    const compte = await comptes.trouver(compteId)
    if (!compte?.totpSecret || !compte.actif) return false
    const [etat] = await db.select().from(etatsAidant).where(eq(etatsAidant.compteId, compteId))
    const dernier = Math.max(compte.totpDernierPas ?? -1, etat?.totpDernierPas ?? -1)
    const maintenant = horloge()
    const pasActuel = Math.floor(maintenant.getTime() / 30_000)
    for (const pas of [pasActuel - 1, pasActuel, pasActuel + 1]) {
      const attendu = comptes.codeTotp(compte.totpSecret, new Date(pas * 30_000))
      if (pas > dernier && timingSafeEqual(Buffer.from(attendu), Buffer.from(propre))) {
        await db
          .insert(etatsAidant)
          .values({ compteId, totpDernierPas: pas, derniereActiviteLe: maintenant })
          .onConflictDoUpdate({
            target: etatsAidant.compteId,
            set: {
              totpDernierPas: sql`greatest(${etatsAidant.totpDernierPas}, ${pas})`,
              derniereActiviteLe: maintenant,
            },
          })
        return true
      }
    }
    return false
  }

/** True when the aidant must prove presence again (no sensitive act nor factor for 15 minutes). */
export const makeReauthentificationRequise =
  ({ db, horloge }: DepsAidants) =>
  async (compteId: string, dernierFacteurLe: Date): Promise<boolean> => {
    const [etat] = await db.select().from(etatsAidant).where(eq(etatsAidant.compteId, compteId))
    const derniere = Math.max(dernierFacteurLe.getTime(), etat?.derniereActiviteLe?.getTime() ?? 0)
    return horloge().getTime() - derniere > 15 * 60_000
  }

export const makeNoterActivite =
  ({ db, horloge }: DepsAidants) =>
  async (compteId: string): Promise<void> => {
    const maintenant = horloge()
    await db
      .insert(etatsAidant)
      .values({ compteId, derniereActiviteLe: maintenant })
      .onConflictDoUpdate({ target: etatsAidant.compteId, set: { derniereActiviteLe: maintenant } })
  }
