import {
  beneficiairesDeStructures,
  type PassationRow,
  passationsDeSession,
  passationsDuBeneficiaire,
  pourMoteur,
  reponsesDe,
  reponsesDePassations,
  sessionsDeStructures,
  trouverBeneficiaire,
  trouverPassation,
  trouverSessionParCode,
} from '../db/diagnostic-repository'
import { lireCode } from '../domain/code-session'
import { estQuestion, itemParId, QUESTIONS_DETAIL } from '../domain/contenu'
import { niveauxAtteints, progression } from '../domain/moteur'
import { expireParInactivite } from '../domain/retention'
import type { DepsDiagnostic } from './deps'

/** Everything the conseiller side reads is scoped to the structures the conseiller works for. */
export type Structures = readonly string[]

export interface LigneSuivi {
  id: string
  numero: number
  mode: 'autonome' | 'accompagne'
  etat: 'en_cours' | 'termine' | 'interrompu'
  etapeLibelle: string
  faites: number
  restantesMax: number
  consentement: boolean
  garde: boolean
  derniereActiviteLe: Date
}

export function libelleEtape(id: string | null): string {
  if (!id) return 'Résultat'
  if (estQuestion(id)) return `Question : ${QUESTIONS_DETAIL[id].titre}`
  return itemParId(id)?.titre ?? id
}

export const makeListerSessions =
  ({ db }: DepsDiagnostic) =>
  async (structures: Structures) =>
    sessionsDeStructures(db, structures)

/** The live state of a session: read from the database on every poll, so any instance can answer. */
export const makeSuivreSession =
  ({ db, horloge }: DepsDiagnostic) =>
  async (structures: Structures, saisie: string) => {
    const code = lireCode(saisie)
    const session = code ? await trouverSessionParCode(db, code) : undefined
    if (!session || !structures.includes(session.structureCode)) return undefined
    const passations = await passationsDeSession(db, session.id)
    const reponses = await reponsesDePassations(
      db,
      passations.map((p) => p.id),
    )
    const maintenant = horloge()
    const lignes: LigneSuivi[] = passations.map((p, i) => {
      const miennes = pourMoteur(reponses.filter((r) => r.passationId === p.id))
      const prog = progression(miennes)
      return {
        id: p.id,
        numero: i + 1,
        mode: p.mode,
        etat: p.termineLe
          ? 'termine'
          : expireParInactivite(p.derniereActiviteLe, maintenant)
            ? 'interrompu'
            : 'en_cours',
        etapeLibelle: p.termineLe ? 'Résultat' : libelleEtape(p.itemCourant),
        faites: prog.faites,
        restantesMax: prog.restantesMax,
        consentement: !!p.consentementLe,
        garde: !!p.beneficiaireId,
        derniereActiviteLe: p.derniereActiviteLe,
      }
    })
    return { session, lignes }
  }

export async function passationDansPerimetre(
  deps: DepsDiagnostic,
  structures: Structures,
  id: string,
): Promise<PassationRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined
  const p = await trouverPassation(deps.db, id)
  return p?.structureCode && structures.includes(p.structureCode) ? p : undefined
}

export const makeLireBeneficiaires =
  ({ db }: DepsDiagnostic) =>
  async (structures: Structures) =>
    beneficiairesDeStructures(db, structures)

/** Progress per skill over the diagnostics kept in a record (re-tests). */
export const makeSuivreBeneficiaire =
  ({ db }: DepsDiagnostic) =>
  async (structures: Structures, id: string) => {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined
    const b = await trouverBeneficiaire(db, id)
    if (!b || !structures.includes(b.structureCode)) return undefined
    const passations = await passationsDuBeneficiaire(db, id)
    const historique = await Promise.all(
      passations.map(async (p) => ({
        passation: p,
        niveaux: niveauxAtteints(pourMoteur(await reponsesDe(db, p.id))),
      })),
    )
    return { beneficiaire: b, historique }
  }
