import type { ConsulterEntreprises } from '../../../platform/connecteurs/entreprises/port'
import type { Horloge } from '../../../platform/crypto'
import type { Database } from '../../../platform/db/database'
import type { PortComptes } from '../../comptes'
import type { PointCarte } from '../domain/couverture'

/**
 * Places and France Services come from the `lieux` domain, built elsewhere: this narrow port is all
 * recruitment needs (wired in app.ts; tests hand in fakes).
 */
export interface PortLieux {
  lieuxDuDepartement(codeDepartement: string): Promise<PointCarte[]>
}

/** Enrolment of a recruited conseiller in the training path (the `formation` domain, wired in app.ts). */
export type InscrireEnFormation = (
  db: Database,
  conseiller: { compteId: string; prenom: string; nom: string; structureId: string },
) => Promise<void>

export interface DepsRecrutement {
  db: Database
  horloge: Horloge
  /** The public address, for links in e-mails. */
  baseUrl: string
  /**
   * Accounts are the `comptes` domain's: recruitment creates the applicant's account, gives and takes
   * the conseiller role and lists prefecture accounts, through this port only (`dans(tx)` inside the
   * caller's transaction).
   */
  comptes: PortComptes
  lieux: PortLieux
  inscrireEnFormation: InscrireEnFormation
  /** The company register (issue 19); absent, every SIRET waits for a later check. */
  entreprises?: ConsulterEntreprises
}

export const aujourdhui = (d: Date) => d.toISOString().slice(0, 10)
