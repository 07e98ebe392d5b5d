import { estViolationUnicite } from '../../../platform/db/erreurs'
import { journaliser } from '../../../platform/journal/journal'
import { mettreEnFileEmail } from '../../../platform/outbox/outbox'
import { err, ok, type Result } from '../../../platform/result'
import {
  autresRecrutements,
  candidatsDansBoite,
  candidaturesParIds,
  creerMiseEnRelation,
  majCandidature,
  majMiseEnRelation,
  misesEnRelationDeCandidature,
  recrutementsEnCours,
  trouverCandidature,
  trouverMiseEnRelation,
} from '../db/candidatures-repository'
import { type StructureRow, trouverStructure } from '../db/structures-repository'
import { boiteAutour, classer, RAYON_MAX_KM } from '../domain/classement'
import type { ErreurRecrutement } from '../domain/erreurs'
import { finDeContrat, type TypeContrat } from '../domain/financement'
import {
  candidaturePeutPasser,
  LIBELLES_MOTIF_FIN,
  type MotifFin,
  miseEnRelationPeutPasser,
  type StatutCandidature,
  type StatutMiseEnRelation,
} from '../domain/statuts'
import { emailFinDeContrat, emailNonRetenu, emailPreselection, emailRecrute } from '../emails'
import { aujourdhui, type DepsRecrutement } from './deps'

const STRUCTURE_RECRUTE = ['validee', 'conventionnee']

/** Candidates ranked for a validated structure, with the reasons of each rank. */
export const makeClasserCandidats =
  (deps: DepsRecrutement) =>
  async (structure: StructureRow, limite = 50) => {
    if (structure.latitude === null || structure.longitude === null) return []
    const profils = await candidatsDansBoite(
      deps.db,
      boiteAutour(structure.latitude, structure.longitude, RAYON_MAX_KM),
    )
    const debut =
      structure.dateDebutSouhaitee && structure.dateDebutSouhaitee > aujourdhui(deps.horloge())
        ? structure.dateDebutSouhaitee
        : aujourdhui(deps.horloge())
    const classement = classer(
      profils,
      {
        latitude: structure.latitude,
        longitude: structure.longitude,
        codeDepartement: structure.codeDepartement,
        debut,
      },
      limite,
    )
    const details = new Map(
      (
        await candidaturesParIds(
          deps.db,
          classement.map((c) => c.id),
        )
      ).map((c) => [c.id, c]),
    )
    return classement.flatMap((c) => {
      const candidature = details.get(c.id)
      return candidature ? [{ ...c, candidature }] : []
    })
  }

type Acteur = { compteId: string; prenom: string; nom: string }

const passer = async (
  deps: DepsRecrutement,
  structureId: string,
  candidatureId: string,
  vers: StatutMiseEnRelation,
  champs: { noteEntretien?: string; entretienLe?: string | null },
  par: Acteur,
): Promise<Result<true, ErreurRecrutement>> =>
  deps.db.transaction(async (tx) => {
    const s = await trouverStructure(tx, structureId)
    if (!s) return err({ code: 'STRUCTURE_INTROUVABLE' })
    if (!STRUCTURE_RECRUTE.includes(s.statut)) return err({ code: 'STRUCTURE_NON_VALIDEE' })
    const c = await trouverCandidature(tx, candidatureId, true)
    if (!c || !['disponible', 'en_cours_de_recrutement'].includes(c.statut))
      return err({ code: 'CANDIDATURE_INTROUVABLE' })
    const mer = await trouverMiseEnRelation(tx, structureId, candidatureId, true)
    if (!mer) {
      if (vers !== 'preselectionnee') return err({ code: 'TRANSITION_INTERDITE', de: 'aucun', vers })
      await creerMiseEnRelation(tx, { structureId, candidatureId, statut: vers })
    } else {
      if (!miseEnRelationPeutPasser(mer.statut as StatutMiseEnRelation, vers))
        return err({ code: 'TRANSITION_INTERDITE', de: mer.statut, vers })
      await majMiseEnRelation(tx, mer.id, { statut: vers, ...champs })
    }
    if (vers === 'preselectionnee' && c.statut === 'disponible') {
      await majCandidature(tx, c.id, { statut: 'en_cours_de_recrutement' })
      await mettreEnFileEmail(tx, {
        destinataire: c.email,
        ...emailPreselection({ prenom: c.prenom, structure: s.nom }),
      })
    }
    if (vers === 'non_retenue') {
      // Back in the pool unless another structure is still considering the person.
      const encoreSuivie = (await misesEnRelationDeCandidature(tx, c.id)).some(
        (x) => x.mer.structureId !== structureId && ['preselectionnee', 'entretien'].includes(x.mer.statut),
      )
      if (!encoreSuivie && c.statut === 'en_cours_de_recrutement')
        await majCandidature(tx, c.id, { statut: 'disponible' })
      await mettreEnFileEmail(tx, {
        destinataire: c.email,
        ...emailNonRetenu({ prenom: c.prenom, structure: s.nom, baseUrl: deps.baseUrl }),
      })
    }
    await journaliser(tx, {
      acteurId: par.compteId,
      action: `mise_en_relation_${vers}`,
      cible: c.id,
      details: { structureId },
    })
    return ok(true)
  })

export const makeMettreEnRelation = (deps: DepsRecrutement) => ({
  preselectionner: (structureId: string, candidatureId: string, par: Acteur) =>
    passer(deps, structureId, candidatureId, 'preselectionnee', {}, par),
  noterEntretien: (structureId: string, candidatureId: string, note: string, le: string, par: Acteur) =>
    passer(deps, structureId, candidatureId, 'entretien', { noteEntretien: note, entretienLe: le }, par),
  nePasRetenir: (structureId: string, candidatureId: string, par: Acteur) =>
    passer(deps, structureId, candidatureId, 'non_retenue', {}, par),
})

/**
 * Recruitment. The candidate's row is locked (`FOR UPDATE`) so that two structures recruiting the
 * same person at the same moment are serialised, and a partial unique index on running contracts
 * makes the database refuse a second one in any case. The structure's row is locked too, so that
 * its validated posts are never exceeded.
 */
export const makeRecruter =
  (deps: DepsRecrutement) =>
  async (input: {
    structureId: string
    candidatureId: string
    typeContrat: TypeContrat
    debut: string
    par: Acteur
  }): Promise<Result<{ fin: string }, ErreurRecrutement>> => {
    try {
      return await deps.db.transaction(async (tx) => {
        const s = await trouverStructure(tx, input.structureId, true)
        if (!s) return err({ code: 'STRUCTURE_INTROUVABLE' })
        if (!STRUCTURE_RECRUTE.includes(s.statut)) return err({ code: 'STRUCTURE_NON_VALIDEE' })
        if ((await recrutementsEnCours(tx, s.id)) >= s.postesValides)
          return err({ code: 'POSTES_TOUS_POURVUS', postes: s.postesValides })
        const c = await trouverCandidature(tx, input.candidatureId, true)
        if (!c) return err({ code: 'CANDIDATURE_INTROUVABLE' })
        if (c.statut === 'recrutee') return err({ code: 'DEJA_RECRUTE' })
        if (!candidaturePeutPasser(c.statut as StatutCandidature, 'recrutee'))
          return err({ code: 'CANDIDATURE_INTROUVABLE' })
        const mer = await trouverMiseEnRelation(tx, s.id, c.id, true)
        if (!mer || !miseEnRelationPeutPasser(mer.statut as StatutMiseEnRelation, 'recrutee'))
          return err({ code: 'TRANSITION_INTERDITE', de: mer?.statut ?? 'aucun', vers: 'recrutee' })
        if ((await autresRecrutements(tx, c.id, mer.id)).length > 0) return err({ code: 'DEJA_RECRUTE' })
        const fin = finDeContrat(input.debut, input.typeContrat)
        await majMiseEnRelation(tx, mer.id, {
          statut: 'recrutee',
          typeContrat: input.typeContrat,
          debutContrat: input.debut,
          finContrat: fin,
        })
        await majCandidature(tx, c.id, { statut: 'recrutee' })
        const administrer = deps.comptes.dans(tx).administrer
        const r = await administrer.ajouterRole(input.par.compteId, c.compteId, {
          role: 'conseiller',
          portee: { type: 'structure', code: s.id, libelle: `${s.nom} (${s.codeDepartement})` },
        })
        if (!r.ok) throw new Error(`rattachement du conseiller impossible : ${r.error.code}`)
        await deps.inscrireEnFormation(tx, {
          compteId: c.compteId,
          prenom: c.prenom,
          nom: c.nom,
          structureId: s.id,
        })
        await mettreEnFileEmail(tx, {
          destinataire: c.email,
          ...emailRecrute({ prenom: c.prenom, structure: s.nom, debut: input.debut, fin }),
        })
        await journaliser(tx, {
          acteurId: input.par.compteId,
          action: 'recrutement',
          cible: c.id,
          details: { structureId: s.id, typeContrat: input.typeContrat, debut: input.debut },
        })
        return ok({ fin })
      })
    } catch (e) {
      // The partial unique index answered: someone else recruited this person a moment before.
      if (estViolationUnicite(e)) return err({ code: 'DEJA_RECRUTE' })
      throw e
    }
  }

/** End of contract, resignation or dismissal: the post is free again and the person available. */
export const makeDeclarerDepart =
  (deps: DepsRecrutement) =>
  async (input: {
    structureId: string
    candidatureId: string
    motif: MotifFin
    le: string
    par: Acteur
  }): Promise<Result<true, ErreurRecrutement>> =>
    deps.db.transaction(async (tx) => {
      const s = await trouverStructure(tx, input.structureId, true)
      if (!s) return err({ code: 'STRUCTURE_INTROUVABLE' })
      const mer = await trouverMiseEnRelation(tx, s.id, input.candidatureId, true)
      if (mer?.statut !== 'recrutee')
        return err({ code: 'TRANSITION_INTERDITE', de: mer?.statut ?? 'aucun', vers: 'terminee' })
      const c = await trouverCandidature(tx, input.candidatureId, true)
      if (!c) return err({ code: 'CANDIDATURE_INTROUVABLE' })
      await majMiseEnRelation(tx, mer.id, { statut: 'terminee', motifFin: input.motif, finLe: input.le })
      await majCandidature(tx, c.id, { statut: 'disponible' })
      await deps.comptes.dans(tx).administrer.retirerRole(input.par.compteId, c.compteId, {
        role: 'conseiller',
        portee: { type: 'structure', code: s.id, libelle: '' },
      })
      await mettreEnFileEmail(tx, {
        destinataire: c.email,
        ...emailFinDeContrat({
          prenom: c.prenom,
          structure: s.nom,
          motif: LIBELLES_MOTIF_FIN[input.motif],
          le: input.le,
        }),
      })
      await journaliser(tx, {
        acteurId: input.par.compteId,
        action: 'depart_conseiller',
        cible: c.id,
        details: { structureId: s.id, motif: input.motif },
      })
      return ok(true)
    })
