import { purgerAvant } from '../db/diagnostic-repository'
import { echeances } from '../domain/retention'
import type { DepsDiagnostic } from './deps'

/** Applies the retention rules R1–R3 (domain/retention.ts). Idempotent: safe on several instances at once. */
export const makePurger =
  ({ db, horloge }: Pick<DepsDiagnostic, 'db' | 'horloge'>) =>
  async () =>
    purgerAvant(db, echeances(horloge()))
