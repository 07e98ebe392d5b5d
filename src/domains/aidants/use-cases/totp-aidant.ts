import { timingSafeEqual } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { etatsAidant } from '../db/schema'
import type { DepsAidants } from './deps'

/** Wrong codes in a row before the re-entry is locked, and for how long (per account, on top of per-IP limits). */
export const ECHECS_TOTP_MAX = 5
export const BLOCAGE_TOTP_MINUTES = 15

/**
 * TOTP re-entry before a sensitive act (mandate recap, identity-provider login after inactivity).
 * Drift policy, the same as at login: the current 30-second step and one on either side (±30 s), never
 * more — Aidants Connect's "tolerance 30 steps after failures" is the weakness we do not copy. A code is
 * accepted once: its step must be later than the last one accepted at login and here.
 * Per account: after 5 wrong codes in a row, every code (even a right one) is refused for 15 minutes, so
 * that a stolen session cannot try the million codes from many addresses. The answer does not say so.
 */
export const makeVerifierTotpAidant =
  ({ db, horloge, comptes }: DepsAidants) =>
  async (compteId: string, code: string): Promise<boolean> => {
    const maintenant = horloge()
    const [etat] = await db.select().from(etatsAidant).where(eq(etatsAidant.compteId, compteId))
    if (etat?.totpBloqueJusquA && etat.totpBloqueJusquA > maintenant) return false
    const propre = code.replace(/\s/g, '')
    const compte = await comptes.trouver(compteId)
    if (!compte?.totpSecret || !compte.actif) return false
    const dernier = Math.max(compte.totpDernierPas ?? -1, etat?.totpDernierPas ?? -1)
    const pasActuel = Math.floor(maintenant.getTime() / 30_000)
    if (/^\d{6}$/.test(propre))
      for (const pas of [pasActuel - 1, pasActuel, pasActuel + 1]) {
        const attendu = comptes.codeTotp(compte.totpSecret, new Date(pas * 30_000))
        if (pas > dernier && timingSafeEqual(Buffer.from(attendu), Buffer.from(propre))) {
          await db
            .insert(etatsAidant)
            .values({ compteId, totpDernierPas: pas, derniereActiviteLe: maintenant, echecsTotp: 0 })
            .onConflictDoUpdate({
              target: etatsAidant.compteId,
              set: {
                totpDernierPas: sql`greatest(${etatsAidant.totpDernierPas}, ${pas})`,
                derniereActiviteLe: maintenant,
                echecsTotp: 0,
                totpBloqueJusquA: null,
              },
            })
          return true
        }
      }
    const [apres] = await db
      .insert(etatsAidant)
      .values({ compteId, echecsTotp: 1 })
      .onConflictDoUpdate({
        target: etatsAidant.compteId,
        set: { echecsTotp: sql`${etatsAidant.echecsTotp} + 1` },
      })
      .returning({ echecs: etatsAidant.echecsTotp })
    if ((apres?.echecs ?? 0) >= ECHECS_TOTP_MAX)
      await db
        .update(etatsAidant)
        .set({
          echecsTotp: 0,
          totpBloqueJusquA: new Date(maintenant.getTime() + BLOCAGE_TOTP_MINUTES * 60_000),
        })
        .where(eq(etatsAidant.compteId, compteId))
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
