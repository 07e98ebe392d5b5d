import { estViolationUnicite } from '../../../platform/db/erreurs'
import { err, ok, type Result } from '../../../platform/result'
import {
  ecrireActivite,
  insererActiviteAnonyme,
  trouverActivite,
  verrouillerActivite,
} from '../db/activites-repository'
import { trouverBeneficiaire } from '../db/beneficiaires-repository'
import { type Activite, estModifiable, type SaisieActivite } from '../domain/activite'
import type { ErreurActivites } from '../domain/erreurs'
import type { DepsActivites } from './deps'

export interface Auteur {
  compteId: string
  structureId: string
}

/** Owner, territory and place name: what the server adds to what the conseiller typed. */
async function completer(
  deps: DepsActivites,
  par: Auteur,
  s: SaisieActivite,
): Promise<Result<Omit<Activite, 'creeLe' | 'modifieLe'>, ErreurActivites>> {
  let lieuNom: string | null = null
  if (s.lieuType === 'lieu_activite') {
    const lieu = (await deps.lieux.lieuxDeLaStructure(par.structureId)).find((l) => l.id === s.lieuId)
    if (!lieu) return err({ code: 'LIEU_INCONNU' })
    lieuNom = lieu.nom
  }
  if (s.beneficiaireId && !(await trouverBeneficiaire(deps.db, par.compteId, s.beneficiaireId)))
    return err({ code: 'BENEFICIAIRE_INCONNU' })
  const t = await deps.structures.territoireDeStructure(par.structureId)
  return ok({
    ...s,
    lieuNom,
    conseillerId: par.compteId,
    structureId: par.structureId,
    codeDepartement: t?.codeDepartement ?? '',
    codeRegion: t?.codeRegion ?? '',
  })
}

/**
 * Records an activity. Idempotent on its id: the same report sent twice (a retried offline sync,
 * a double click) is recorded once and the second call answers `deja: true`.
 */
export const makeEnregistrerActivite =
  (deps: DepsActivites) =>
  async (input: {
    par: Auteur
    saisie: SaisieActivite
  }): Promise<Result<{ activite: Activite; deja: boolean }, ErreurActivites>> => {
    const dejaLa = async (): Promise<
      Result<{ activite: Activite; deja: boolean }, ErreurActivites> | undefined
    > => {
      const existante = await trouverActivite(deps.db, input.saisie.id)
      if (!existante) return undefined
      return existante.conseillerId === input.par.compteId
        ? ok({ activite: existante, deja: true })
        : err({ code: 'ID_DEJA_UTILISE' })
    }
    // A report with a follow-up file: look first (its checks read the file), then one transaction.
    if (input.saisie.beneficiaireId) {
      const d = await dejaLa()
      if (d) return d
    }
    const c = await completer(deps, input.par, input.saisie)
    // A replayed report whose place has since gone is still the report already recorded.
    if (!c.ok) return (await dejaLa()) ?? c
    const maintenant = deps.horloge()
    const activite: Activite = { ...c.value, creeLe: maintenant, modifieLe: maintenant }
    if (!activite.beneficiaireId) {
      // The usual case: one statement writes the activity and its counters, or nothing if the id exists.
      if (await insererActiviteAnonyme(deps.db, activite)) return ok({ activite, deja: false })
      return (await dejaLa()) ?? err({ code: 'ID_DEJA_UTILISE' })
    }
    try {
      await deps.db.transaction((tx) => ecrireActivite(tx, undefined, activite))
    } catch (e) {
      // Two copies of one report raced: the other one won, this one is the same report.
      if (!estViolationUnicite(e)) throw e
      return (await dejaLa()) ?? err({ code: 'ID_DEJA_UTILISE' })
    }
    return ok({ activite, deja: false })
  }

export const makeModifierActivite =
  (deps: DepsActivites) =>
  async (input: {
    par: Auteur
    id: string
    saisie: SaisieActivite
  }): Promise<Result<Activite, ErreurActivites>> => {
    const actuelle = await trouverActivite(deps.db, input.id)
    if (!actuelle || actuelle.conseillerId !== input.par.compteId)
      return err({ code: 'ACTIVITE_INTROUVABLE' })
    if (!estModifiable(actuelle, deps.horloge())) return err({ code: 'DELAI_DEPASSE' })
    // The report keeps its structure and territory: it was done there.
    const c = await completer(
      deps,
      { compteId: input.par.compteId, structureId: actuelle.structureId },
      { ...input.saisie, id: input.id },
    )
    if (!c.ok) return c
    const nouvelle: Activite = {
      ...c.value,
      codeDepartement: actuelle.codeDepartement,
      codeRegion: actuelle.codeRegion,
      creeLe: actuelle.creeLe,
      modifieLe: deps.horloge(),
    }
    return deps.db.transaction(async (tx) => {
      const verrouillee = await verrouillerActivite(tx, input.id)
      if (!verrouillee) return err({ code: 'ACTIVITE_INTROUVABLE' as const })
      await ecrireActivite(tx, verrouillee, nouvelle)
      return ok(nouvelle)
    })
  }

export const makeSupprimerActivite =
  (deps: DepsActivites) =>
  async (input: { par: Auteur; id: string }): Promise<Result<Activite, ErreurActivites>> => {
    const actuelle = await trouverActivite(deps.db, input.id)
    if (!actuelle || actuelle.conseillerId !== input.par.compteId)
      return err({ code: 'ACTIVITE_INTROUVABLE' })
    if (!estModifiable(actuelle, deps.horloge())) return err({ code: 'DELAI_DEPASSE' })
    return deps.db.transaction(async (tx) => {
      const verrouillee = await verrouillerActivite(tx, input.id)
      if (!verrouillee) return err({ code: 'ACTIVITE_INTROUVABLE' as const })
      await ecrireActivite(tx, verrouillee, undefined)
      return ok(verrouillee)
    })
  }
