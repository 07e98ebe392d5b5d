import type { Database } from '../../platform/db/database'
import {
  habilitationsDe,
  type RechercheComptes,
  rechercherComptes,
  reserverPasTotp,
  trouverCompte,
  trouverCompteParEmail,
} from './db/comptes-repository'
import { makeAdministrerCompte } from './use-cases/administrer-compte'
import { makeDefinirSecondFacteur, makeDonnerRoleOrganisation } from './use-cases/comptes-aidants-connect'
import { makeConsommerLienApresTotp, makeEnvoyerLienApresTotp } from './use-cases/connexion-totp-puis-lien'
import { makeCreerCompteDemandeur } from './use-cases/creer-compte-demandeur'
import type { DepsComptes } from './use-cases/deps'

/**
 * What the other domains may ask of the accounts domain, and nothing more: they receive this object
 * (built once in app.ts) instead of the use-case factories, so that a change inside `comptes` never
 * ripples through their code. `dans(tx)` gives the same operations inside the caller's transaction,
 * for a write that must succeed or fail together with the caller's own (an application and its account).
 */
export interface PortComptes {
  trouverCompte: (id: string) => ReturnType<typeof trouverCompte>
  trouverCompteParEmail: (email: string) => ReturnType<typeof trouverCompteParEmail>
  habilitationsDe: (compteId: string) => ReturnType<typeof habilitationsDe>
  rechercherComptes: (r: RechercheComptes) => ReturnType<typeof rechercherComptes>
  /** Claims a TOTP time step for the account: false when a code of that step was already accepted. */
  reserverPasTotp: (compteId: string, pas: number) => Promise<boolean>
  creerCompteDemandeur: PortCreerCompteDemandeur
  donnerRoleOrganisation: PortDonnerRoleOrganisation
  definirSecondFacteur: PortDefinirSecondFacteur
  envoyerLienApresTotp: PortEnvoyerLienApresTotp
  consommerLienApresTotp: PortConsommerLienApresTotp
  /** Give or take a role, deactivate or reactivate an account, journaled. */
  administrer: PortAdministrerCompte
  dans: (tx: Database) => PortComptes
}

export type PortCreerCompteDemandeur = ReturnType<typeof makeCreerCompteDemandeur>
export type PortDonnerRoleOrganisation = ReturnType<typeof makeDonnerRoleOrganisation>
export type PortDefinirSecondFacteur = ReturnType<typeof makeDefinirSecondFacteur>
export type PortEnvoyerLienApresTotp = ReturnType<typeof makeEnvoyerLienApresTotp>
export type PortConsommerLienApresTotp = ReturnType<typeof makeConsommerLienApresTotp>
export type PortAdministrerCompte = ReturnType<typeof makeAdministrerCompte>

export function portComptes(deps: DepsComptes): PortComptes {
  const { db } = deps
  return {
    trouverCompte: (id) => trouverCompte(db, id),
    trouverCompteParEmail: (email) => trouverCompteParEmail(db, email),
    habilitationsDe: (compteId) => habilitationsDe(db, compteId),
    rechercherComptes: (r) => rechercherComptes(db, r),
    reserverPasTotp: (compteId, pas) => reserverPasTotp(db, compteId, pas),
    creerCompteDemandeur: makeCreerCompteDemandeur(deps),
    donnerRoleOrganisation: makeDonnerRoleOrganisation(deps),
    definirSecondFacteur: makeDefinirSecondFacteur(deps),
    envoyerLienApresTotp: makeEnvoyerLienApresTotp(deps),
    consommerLienApresTotp: makeConsommerLienApresTotp(deps),
    administrer: makeAdministrerCompte(deps),
    dans: (tx) => portComptes({ ...deps, db: tx }),
  }
}
