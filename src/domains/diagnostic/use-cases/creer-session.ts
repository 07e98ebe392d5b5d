import { codeExiste, creerSession, trouverBeneficiaire } from '../db/diagnostic-repository'
import { genererCode } from '../domain/code-session'
import { finValiditeCode } from '../domain/retention'
import { aleatoireCrypto } from './commencer-passation'
import type { DepsDiagnostic } from './deps'

/**
 * A conseiller creates a session code for their structure; with `beneficiaireId`, a re-test whose
 * result goes to a record kept earlier. Returns undefined when the record is outside their scope.
 */
export const makeCreerSession =
  (deps: DepsDiagnostic) =>
  async (input: {
    structureCode: string
    creePar: string
    libelle: string
    beneficiaireId?: string | undefined
  }) => {
    const { db, horloge } = deps
    if (input.beneficiaireId) {
      const b = await trouverBeneficiaire(db, input.beneficiaireId)
      if (!b || b.structureCode !== input.structureCode) return undefined
    }
    const aleatoire = deps.aleatoire ?? aleatoireCrypto
    let code = genererCode(aleatoire)
    // 58 billion codes: a collision is rare, but the unique index would turn it into a 500.
    for (let i = 0; i < 5 && (await codeExiste(db, code)); i++) code = genererCode(aleatoire)
    const maintenant = horloge()
    return creerSession(db, {
      code,
      structureCode: input.structureCode,
      creePar: input.creePar,
      libelle: input.libelle,
      beneficiaireId: input.beneficiaireId ?? null,
      creeLe: maintenant,
      expireLe: finValiditeCode(maintenant),
    })
  }
