import { err, ok, type Result } from '../../../platform/result'
import {
  ajouterReponse,
  mettreAJourPassation,
  pourMoteur,
  reponsesDe,
  trouverPassation,
  verrouillerPassation,
} from '../db/diagnostic-repository'
import type { ErreurDiagnostic } from '../domain/erreurs'
import { evaluer } from '../domain/evaluation'
import type { Correction } from '../domain/marquage'
import { type Etape, prochaineEtape, progression, type ResultatItem } from '../domain/moteur'
import type { DepsDiagnostic } from './deps'

export interface EntreeReponse {
  passationId: string
  /** The question or item the page showed: a stale page (double submit, the conseiller moved on) is ignored. */
  etape: string
  source: 'personne' | 'conseiller'
  passer: boolean
  choix: readonly string[]
  valeurs: Record<string, string | undefined>
  mesures: Record<string, number>
  /** Assisted mode: the conseiller saw the person do it (or not). */
  observe?: 'reussi' | 'echoue' | undefined
  /**
   * An answer given without network and sent when it came back (`POST /diagnostic/synchronisation`):
   * the browser's marking of an exercise, its attempts and duration, and when it was given.
   */
  horsLigne?: { resultat: ResultatItem; essais: number; dureeMs: number; reponduLe: Date } | undefined
}

export type SortieReponse =
  | { statut: 'enregistre'; suivante: Etape }
  | { statut: 'a_corriger'; correction: Correction; essaisRestants: number }
  | { statut: 'perime' }

export const idEtape = (e: Etape): string | null =>
  e.type === 'question' ? e.question : e.type === 'exercice' ? e.item.id : null

// A page left open overnight must not store a duration that overflows the column.
const DUREE_MAX_MS = 24 * 3600_000

export const makeRepondre =
  ({ db, horloge }: DepsDiagnostic) =>
  async (entree: EntreeReponse): Promise<Result<SortieReponse, ErreurDiagnostic>> =>
    db.transaction(async (tx) => {
      const passation = await verrouillerPassation(tx, entree.passationId)
      if (!passation || passation.termineLe) return ok({ statut: 'perime' as const })
      const reponses = await reponsesDe(tx, passation.id)
      const etape = prochaineEtape(pourMoteur(reponses))
      if (etape.type === 'fin' || idEtape(etape) !== entree.etape) return ok({ statut: 'perime' as const })
      const maintenant = horloge()
      const dureeMs = Math.min(
        DUREE_MAX_MS,
        Math.max(
          0,
          Math.round(
            entree.horsLigne?.dureeMs ??
              maintenant.getTime() - (passation.itemAfficheLe ?? passation.derniereActiviteLe).getTime(),
          ),
        ),
      )
      let resultat: ResultatItem
      let valeur: string | null = null
      let essais: number
      const hl = entree.horsLigne
      if (hl && etape.type === 'exercice') {
        // Marked in the browser by the same `evaluer` while the network was down: the result comes
        // as `termine=oui` comes from the pointer exercises, and what was typed never left the page.
        resultat = entree.passer ? 'passe' : hl.resultat
        essais = Math.min(etape.item.essaisMax, Math.max(1, Math.round(hl.essais)))
      } else {
        const ev = evaluer(
          etape,
          {
            passer: entree.passer,
            choix: entree.choix,
            valeurs: entree.valeurs,
            observe: entree.source === 'conseiller' ? entree.observe : undefined,
          },
          { essais: passation.essais, lienVisite: passation.lienVisite },
        )
        if (ev.statut === 'refusee') return err(ev.erreur)
        if (ev.statut === 'a_corriger') {
          await mettreAJourPassation(tx, passation.id, { essais: ev.essais, derniereActiviteLe: maintenant })
          return ok({
            statut: 'a_corriger' as const,
            correction: ev.correction,
            essaisRestants: ev.essaisRestants,
          })
        }
        resultat = ev.resultat
        valeur = ev.valeur
        essais = ev.essais
      }

      await ajouterReponse(tx, {
        passationId: passation.id,
        item: entree.etape,
        ordre: reponses.length + 1,
        resultat,
        source: entree.source,
        valeur,
        dureeMs,
        essais,
        mesures: hl ? { ...entree.mesures, horsLigne: 1 } : entree.mesures,
        reponduLe: hl ? hl.reponduLe : maintenant,
      })
      const suivante = prochaineEtape([...pourMoteur(reponses), { item: entree.etape, resultat }])
      await mettreAJourPassation(tx, passation.id, {
        itemCourant: idEtape(suivante),
        itemAfficheLe: maintenant,
        essais: 0,
        lienVisite: false,
        derniereActiviteLe: maintenant,
        ...(suivante.type === 'fin' ? { termineLe: maintenant, fin: suivante.raison } : {}),
      })
      return ok({ statut: 'enregistre' as const, suivante })
    })

/** The step to show now; remembers when it was first shown, for the item's duration. */
export const makeAfficherEtape =
  ({ db, horloge }: DepsDiagnostic) =>
  async (passationId: string) => {
    const passation = await trouverPassation(db, passationId)
    if (!passation) return undefined
    const reponses = pourMoteur(await reponsesDe(db, passationId))
    const etape = prochaineEtape(reponses)
    const id = idEtape(etape)
    const maintenant = horloge()
    if (id !== passation.itemCourant) {
      await mettreAJourPassation(db, passationId, {
        itemCourant: id,
        itemAfficheLe: maintenant,
        essais: 0,
        derniereActiviteLe: maintenant,
      })
    } else await mettreAJourPassation(db, passationId, { derniereActiviteLe: maintenant })
    return { passation, etape, progression: progression(reponses), reponses }
  }

/** The linked page of the "open a link and come back" item was really opened. */
export const makeNoterLienVisite =
  ({ db, horloge }: DepsDiagnostic) =>
  async (passationId: string) => {
    const passation = await trouverPassation(db, passationId)
    if (passation?.itemCourant === 'lien')
      await mettreAJourPassation(db, passationId, { lienVisite: true, derniereActiviteLe: horloge() })
  }
