import { sha256 } from '../../../platform/crypto'
import {
  type PassationRow,
  pourMoteur,
  reponsesDe,
  trouverBeneficiaire,
  trouverPassationParJeton,
  trouverPassationParLien,
  trouverSession,
} from '../db/diagnostic-repository'
import { prochaineEtape } from '../domain/moteur'
import { resultat } from '../domain/resultat'
import { CONSERVATION_ANONYME_JOURS, expireParInactivite } from '../domain/retention'
import type { DepsDiagnostic } from './deps'
import { passationDansPerimetre, type Structures } from './suivre-session'

/** What the public routes know of the diagnostic a browser holds. */
export type PassationCourante = Pick<
  PassationRow,
  'id' | 'sessionId' | 'termineLe' | 'itemCourant' | 'consentementLe'
>

export type LecturePassation = { passation: PassationCourante } | { interrompue: true } | undefined

// A longer value was never issued by us: it is not even hashed.
const JETON_MAX = 100

/** The diagnostic of a browser's cookie, or « stopped » after 30 minutes of inactivity (R4). */
export const makeLirePassationDuNavigateur =
  ({ db, horloge }: DepsDiagnostic) =>
  async (jeton: string | undefined): Promise<LecturePassation> => {
    const passation = await trouverPassationDuNavigateur(db, jeton)
    if (!passation) return undefined
    if (expireParInactivite(passation.derniereActiviteLe, horloge())) return { interrompue: true }
    return { passation }
  }

/** The same, without R4: the offline answers may reopen it, within bounds (`synchroniser`). */
export function trouverPassationDuNavigateur(db: DepsDiagnostic['db'], jeton: string | undefined) {
  if (!jeton || jeton.length > JETON_MAX) return Promise.resolve(undefined)
  return trouverPassationParJeton(db, sha256(jeton))
}

/** The finished diagnostic behind a link sent by e-mail or SMS, while R1 keeps it. */
export const makeLirePassationDuLien =
  ({ db, horloge }: DepsDiagnostic) =>
  async (jeton: string): Promise<{ id: string } | undefined> => {
    const p = jeton.length <= JETON_MAX ? await trouverPassationParLien(db, sha256(jeton)) : undefined
    const valide =
      p?.termineLe && horloge().getTime() - p.termineLe.getTime() < CONSERVATION_ANONYME_JOURS * 24 * 3600_000
    return p && valide ? { id: p.id } : undefined
  }

/** A diagnostic seen by a conseiller of its structure: answers, next step, result, session, record. */
export const makeLirePassationConseiller =
  (deps: DepsDiagnostic) => async (structures: Structures, id: string) => {
    const passation = await passationDansPerimetre(deps, structures, id)
    if (!passation) return undefined
    const reponses = await reponsesDe(deps.db, passation.id)
    const pourM = pourMoteur(reponses)
    return {
      passation,
      reponses,
      etape: prochaineEtape(pourM),
      resultat: resultat(pourM),
      session: passation.sessionId ? await trouverSession(deps.db, passation.sessionId) : undefined,
      beneficiaire: passation.beneficiaireId
        ? await trouverBeneficiaire(deps.db, passation.beneficiaireId)
        : undefined,
    }
  }
