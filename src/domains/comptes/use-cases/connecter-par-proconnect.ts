import { err, ok, type Result } from '../../../platform/result'
import { type CompteRow, trouverCompteParEmail } from '../db/comptes-repository'
import { lierProConnect, trouverCompteParProConnect } from '../db/proconnect-repository'
import type { ErreurComptes } from '../domain/erreurs'
import type { DepsComptes } from './deps'

/** What this use case needs of a ProConnect identity (see proconnect/client.ts). */
export interface IdentitePro {
  sub: string
  email: string
}

/**
 * First factor by ProConnect. The account is found by its ProConnect subject, or, at the first
 * ProConnect login, by the e-mail address ProConnect vouches for, and then linked to that subject. An
 * unknown professional gets no account: accounts are opened by invitation (a manager, the préfecture,
 * the national team) or by an application, never silently at first login. A deactivated account is
 * refused. A password lockout does not apply: it throttles password guesses, which this is not.
 */
export const makeConnecterParProConnect =
  ({ db }: DepsComptes) =>
  async (identite: IdentitePro): Promise<Result<CompteRow, ErreurComptes>> => {
    const lie = await trouverCompteParProConnect(db, identite.sub)
    if (lie) return lie.actif ? ok(lie) : err({ code: 'PROCONNECT_SANS_COMPTE', email: identite.email })
    const compte = identite.email ? await trouverCompteParEmail(db, identite.email) : undefined
    if (!compte?.actif) return err({ code: 'PROCONNECT_SANS_COMPTE', email: identite.email })
    if (compte.proconnectSub && compte.proconnectSub !== identite.sub)
      return err({ code: 'PROCONNECT_AUTRE_IDENTITE' })
    // Two first logins at once: the second finds the subject already set, by the first, to the same value.
    if (!compte.proconnectSub && !(await lierProConnect(db, compte.id, identite.sub))) {
      const relu = await trouverCompteParProConnect(db, identite.sub)
      if (relu?.id !== compte.id) return err({ code: 'PROCONNECT_AUTRE_IDENTITE' })
    }
    return ok(compte)
  }
