import type { ConsulterEntreprises } from '../../../platform/connecteurs/entreprises/port'
import type { Horloge } from '../../../platform/crypto'
import type { Database } from '../../../platform/db/database'
import type { PortComptes } from '../../comptes'

export interface DepsAidants {
  db: Database
  horloge: Horloge
  baseUrl: string
  /** Demo/test mode: the FranceConnect simulator runs on this server and the issuer follows the request's origin. */
  simulateurs: boolean
  /** The company register (issue 19): the structure's SIRET is checked there; absent, checked later. */
  entreprises?: ConsulterEntreprises
  secret: string
  franceConnect: { issuer: string | undefined; clientId: string; clientSecret: string }
  /** Training prerequisite, answered by the `formation` domain when it exists (undefined: not known there). */
  formationTerminee: (compteId: string) => Promise<boolean | undefined>
  /** Accounts, read through the accounts domain's public surface. */
  comptes: {
    trouver: (id: string) => Promise<
      | {
          id: string
          email: string
          prenom: string
          nom: string
          actif: boolean
          totpSecret: string | null
          totpDernierPas: number | null
          derniereConnexionLe: Date | null
        }
      | undefined
    >
    codeTotp: (secret: string, le: Date) => string
    /** Claims a TOTP step for the account in the accounts domain (false: already used there or later). */
    reserverPasTotp: (compteId: string, pas: number) => Promise<boolean>
  }
  /** The accounts domain's port: roles, second factor, login by code then link (see ComptesAidants). */
  portComptes: ComptesAidants
}

/** Minutes without a sensitive act after which the aidant types a TOTP code again. */
export const REAUTHENTIFICATION_MINUTES = 15

/**
 * What Aidants Connect asks of the accounts domain beyond reading an account: give the organisation's
 * roles, set or clear the second factor, take a role back — each also inside the caller's transaction
 * (`dans(tx)`), so that an habilitation and its account succeed or fail together.
 */
export type ComptesAidants = Pick<
  PortComptes,
  | 'donnerRoleOrganisation'
  | 'definirSecondFacteur'
  | 'administrer'
  | 'dans'
  | 'envoyerLienApresTotp'
  | 'consommerLienApresTotp'
  | 'trouverCompteParEmail'
>

/** The accounts domain's port, as `app.ts` gives it to the domain. */
export const comptesDe = (deps: DepsAidants): ComptesAidants => deps.portComptes
