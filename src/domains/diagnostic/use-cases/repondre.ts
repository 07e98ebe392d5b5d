import { err, ok, type Result } from '../../../platform/result'
import {
  ajouterReponse,
  mettreAJourPassation,
  pourMoteur,
  reponsesDe,
  trouverPassation,
  verrouillerPassation,
} from '../db/diagnostic-repository'
import { validerChoix } from '../domain/contenu'
import type { ErreurDiagnostic } from '../domain/erreurs'
import { type Correction, corriger } from '../domain/marquage'
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
      if (idEtape(etape) !== entree.etape) return ok({ statut: 'perime' as const })
      const maintenant = horloge()
      const dureeMs = Math.min(
        DUREE_MAX_MS,
        Math.max(
          0,
          maintenant.getTime() - (passation.itemAfficheLe ?? passation.derniereActiviteLe).getTime(),
        ),
      )
      let resultat: ResultatItem
      let valeur: string | null = null
      const essais = passation.essais + 1

      if (etape.type === 'question') {
        if (entree.passer) resultat = 'passe'
        else {
          if (entree.choix.length === 0) return err({ code: 'CHOIX_MANQUANT' as const })
          const v = validerChoix(etape.question, entree.choix)
          if (v === undefined) return err({ code: 'CHOIX_INVALIDE' as const })
          valeur = v
          resultat = 'reussi'
        }
      } else if (etape.type === 'exercice') {
        if (entree.source === 'conseiller' && entree.observe) resultat = entree.observe
        else if (entree.passer) resultat = 'passe'
        else {
          let correction = corriger(etape.item.id, { ...entree.valeurs, choix: entree.choix[0] })
          // The answer can be guessed; the skill is to open the page and come back.
          if (etape.item.id === 'lien' && correction.reussi && !passation.lienVisite)
            correction = {
              reussi: false,
              champs: {
                choix: {
                  ok: false,
                  message: 'Ouvrez d’abord le lien « Horaires d’ouverture » pour vérifier.',
                },
              },
            }
          if (correction.reussi) resultat = 'reussi'
          else if (essais < etape.item.essaisMax) {
            await mettreAJourPassation(tx, passation.id, { essais, derniereActiviteLe: maintenant })
            return ok({
              statut: 'a_corriger' as const,
              correction,
              essaisRestants: etape.item.essaisMax - essais,
            })
          } else resultat = 'echoue'
        }
      } else return ok({ statut: 'perime' as const })

      await ajouterReponse(tx, {
        passationId: passation.id,
        item: entree.etape,
        ordre: reponses.length + 1,
        resultat,
        source: entree.source,
        valeur,
        dureeMs,
        essais,
        mesures: entree.mesures,
        reponduLe: maintenant,
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
