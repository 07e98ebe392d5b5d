import { err, ok, type Result } from '../../../platform/result'
import {
  activitesDuBeneficiaire,
  ecrireActivite,
  idsDesActivitesDuBeneficiaire,
  verrouillerActivite,
} from '../db/activites-repository'
import {
  type Beneficiaire,
  beneficiairesSansActiviteDepuis,
  creerBeneficiaire,
  supprimerBeneficiaire,
  trouverBeneficiaire,
} from '../db/beneficiaires-repository'
import { type FicheSuivi, RETENTION_BENEFICIAIRE_MOIS } from '../domain/activite'
import type { ErreurActivites } from '../domain/erreurs'
import type { DepsActivites } from './deps'

export interface SaisieBeneficiaire {
  prenom: string
  contact: string | null
  trancheAge: string
  situation: string
  codeCommune: string | null
}

/** A follow-up file exists only because the person agreed to it (the form's consent box). */
export const makeCreerBeneficiaire =
  (deps: DepsActivites) =>
  async (input: { par: { compteId: string; structureId: string }; saisie: SaisieBeneficiaire }) =>
    creerBeneficiaire(deps.db, {
      ...input.saisie,
      conseillerId: input.par.compteId,
      structureId: input.par.structureId,
      consentementLe: deps.horloge(),
      creeLe: deps.horloge(),
      derniereActiviteLe: deps.horloge(),
    })

export interface ExportBeneficiaire {
  fiche: FicheSuivi
  activites: {
    date: string
    type: string
    duree: number
    themes: string[]
    autonomie: string | null
    orientation: string
  }[]
  diagnostics: { date: string; resume: string }[]
}

/** Everything held about the person, for their right of access (RGPD art. 15). */
export const makeExporterBeneficiaire =
  (deps: DepsActivites) =>
  async (input: {
    conseillerId: string
    id: string
  }): Promise<Result<ExportBeneficiaire, ErreurActivites>> => {
    const b = await trouverBeneficiaire(deps.db, input.conseillerId, input.id)
    if (!b) return err({ code: 'BENEFICIAIRE_INCONNU' })
    const liste = await activitesDuBeneficiaire(deps.db, b.id)
    const { conseillerId: _c, structureId: _s, ...fiche } = b
    return ok({
      fiche,
      activites: liste
        .sort((x, y) => (x.date < y.date ? -1 : 1))
        .map((a) => ({
          date: a.date,
          type: a.type,
          duree: a.duree,
          themes: a.themes,
          autonomie: a.autonomie,
          orientation: a.orientation,
        })),
      diagnostics: await deps.diagnostic.resultatsDuBeneficiaire(b.id),
    })
  }

/**
 * Erases a file (RGPD art. 17, or the retention purge). The activities stay, as anonymous ones
 * (their age range and situation are kept, the link to the person is cut), and the counters move
 * with them: the person no longer counts once per month but once per activity, like anyone anonymous.
 */
async function effacer(deps: DepsActivites, b: Beneficiaire): Promise<void> {
  await deps.db.transaction(async (tx) => {
    for (const id of await idsDesActivitesDuBeneficiaire(tx, b.id)) {
      const a = await verrouillerActivite(tx, id)
      if (a) await ecrireActivite(tx, a, { ...a, beneficiaireId: null })
    }
    await supprimerBeneficiaire(tx, b.id)
  })
}

export const makeEffacerBeneficiaire =
  (deps: DepsActivites) =>
  async (input: { conseillerId: string; id: string }): Promise<Result<true, ErreurActivites>> => {
    const b = await trouverBeneficiaire(deps.db, input.conseillerId, input.id)
    if (!b) return err({ code: 'BENEFICIAIRE_INCONNU' })
    await effacer(deps, b)
    return ok(true)
  }

/** Erases the files without activity for RETENTION_BENEFICIAIRE_MOIS months; returns how many. */
export const makePurgerBeneficiaires = (deps: DepsActivites) => async (): Promise<number> => {
  const limite = new Date(deps.horloge())
  limite.setUTCMonth(limite.getUTCMonth() - RETENTION_BENEFICIAIRE_MOIS)
  let n = 0
  for (;;) {
    const lot = await beneficiairesSansActiviteDepuis(deps.db, limite)
    if (lot.length === 0) return n
    for (const b of lot) await effacer(deps, b)
    n += lot.length
  }
}
