import { err, ok, type Result } from '../../../platform/result'
import { pourMoteur, reponsesDe } from '../db/diagnostic-repository'
import { prochaineEtape, type Reponse, type ResultatItem } from '../domain/moteur'
import { expireHorsLigne } from '../domain/retention'
import type { DepsDiagnostic } from './deps'
import { makeRepondre } from './repondre'

export interface ReponseHorsLigne {
  etape: string
  resultat: ResultatItem
  passer: boolean
  choix: readonly string[]
  essais: number
  dureeMs: number
  /** How long ago the person answered, on the browser's clock (never a date: clocks differ). */
  depuisMs: number
  mesures: Record<string, number>
}

export type StatutEnvoi = 'enregistre' | 'perime' | 'refuse'

/**
 * Answers given without network, replayed in the order they were given (ADR 010). Each goes through
 * `repondre`, whose rule "an answer to a step that is not current is ignored" makes a replay
 * idempotent: a lot sent twice, or resent after a lost reply, records nothing twice. The reply
 * lists every answer the server now has, for the page to take as its truth.
 */
export const makeSynchroniser = (deps: DepsDiagnostic) => {
  const repondre = makeRepondre(deps)
  return async (
    passation: { id: string; derniereActiviteLe: Date },
    reponses: readonly ReponseHorsLigne[],
  ): Promise<
    Result<
      { resultats: { etape: string; statut: StatutEnvoi }[]; reponses: Reponse[]; fin: boolean },
      'interrompue'
    >
  > => {
    const maintenant = deps.horloge()
    const plusRecente = Math.min(...reponses.map((r) => r.depuisMs))
    if (
      expireHorsLigne(passation.derniereActiviteLe, new Date(maintenant.getTime() - plusRecente), maintenant)
    )
      return err('interrompue' as const)
    const resultats: { etape: string; statut: StatutEnvoi }[] = []
    for (const r of reponses) {
      // Offline answers came after the last exchange with the server, whatever the browser's clock says.
      const reponduLe = new Date(
        Math.min(
          maintenant.getTime(),
          Math.max(passation.derniereActiviteLe.getTime(), maintenant.getTime() - r.depuisMs),
        ),
      )
      const s = await repondre({
        passationId: passation.id,
        etape: r.etape,
        source: 'personne',
        passer: r.passer,
        choix: r.choix,
        valeurs: {},
        mesures: r.mesures,
        horsLigne: { resultat: r.resultat, essais: r.essais, dureeMs: r.dureeMs, reponduLe },
      })
      resultats.push({
        etape: r.etape,
        statut: !s.ok || s.value.statut === 'a_corriger' ? 'refuse' : s.value.statut,
      })
    }
    const serveur = pourMoteur(await reponsesDe(deps.db, passation.id)).map((r) => ({
      item: r.item,
      resultat: r.resultat,
    }))
    return ok({ resultats, reponses: serveur, fin: prochaineEtape(serveur).type === 'fin' })
  }
}
