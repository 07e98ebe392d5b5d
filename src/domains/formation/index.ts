/**
 * Public surface of the training domain: registration, the enrolment of a recruited conseiller (wired
 * into recruitment by app.ts), and the question other domains ask (has this person completed a path?).
 */
import type { FastifyInstance } from 'fastify'
import type { Database } from '../../platform/db/database'
import { assurerParcoursParDefaut, aTermine } from './db/formation-repository'
import { CODE_PARCOURS_AIDANTS } from './domain/formation'
import { formationRoutes } from './http/routes'
import type { DepsFormation } from './use-cases/formation'

export { nommeursObjetsFormation } from './db/journal-objets'
export { seedFormation } from './demo'
export type { DepsFormation } from './use-cases/formation'
export { inscrireConseiller } from './use-cases/formation'
export { sourceTableauDeBordFormation } from './use-cases/tableau-de-bord'

/** For `aidants`: completing the Aidants Connect training is a precondition of habilitation. */
export async function formationAidantsTerminee(db: Database, compteId: string): Promise<boolean> {
  return aTermine(db, compteId, CODE_PARCOURS_AIDANTS)
}

export async function formationTerminee(
  db: Database,
  compteId: string,
  codeParcours: string,
): Promise<boolean> {
  return aTermine(db, compteId, codeParcours)
}

export async function enregistrerFormation(
  app: FastifyInstance,
  deps: DepsFormation & { nomOrganisme: (id: string) => Promise<string> },
) {
  await assurerParcoursParDefaut(deps.db)
  await app.register(formationRoutes, { deps, nomOrganisme: deps.nomOrganisme })
  app.navigation.ajouterMenu({
    libelle: 'Formation',
    href: '/formation',
    roles: ['formateur', 'admin'],
    ordre: 30,
  })
  app.navigation.ajouterMenu({
    libelle: 'Ma formation',
    href: '/formation/mon-parcours',
    roles: ['conseiller'],
    ordre: 30,
  })
}
