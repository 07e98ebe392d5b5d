import { journaliser } from '../../../platform/journal/journal'
import { mettreEnFileEmail } from '../../../platform/outbox/outbox'
import { err, ok, type Result } from '../../../platform/result'
import {
  ajouterAvenant,
  conventionDe,
  creerConvention,
  majConvention,
  remplacerVersementsNonPayes,
  versementsDe,
} from '../db/conventions-repository'
import {
  ajusterCompteurs,
  phaseActive,
  prochainNumeroDecision,
  tauxDe,
  verrouillerAllocation,
} from '../db/programme-repository'
import { decisions } from '../db/schema'
import { derniereDecisionValidee, majStructure, trouverStructure } from '../db/structures-repository'
import type { ErreurRecrutement } from '../domain/erreurs'
import { categorieDe, echeancier, euros, tauxApplicable, verifierBudget } from '../domain/financement'
import { type StatutStructure, structurePeutPasser } from '../domain/statuts'
import { aujourdhui, type DepsRecrutement } from './deps'
import { emailsPrefecture } from './structures'

export type AvisComite = 'validee' | 'refusee' | 'examen_complementaire'

export interface Decision {
  numero: string
  postesAccordes: number
  montantEuros: number
}

/**
 * A national committee decision. Every decision of the phase takes the phase row's lock first
 * (`SELECT … FOR UPDATE`), then the département's allocation row: two committee members deciding at
 * the same moment are serialised, and the second sees the first one's totals. Quota, envelope and
 * allocation can therefore never be exceeded, whatever the concurrency.
 */
export const makeDecider =
  (deps: DepsRecrutement) =>
  async (input: {
    structureId: string
    avis: AvisComite
    postesAccordes: number
    par: string
  }): Promise<Result<Decision, ErreurRecrutement>> =>
    deps.db.transaction(async (tx) => {
      const phase = await phaseActive(tx, true)
      if (!phase) return err({ code: 'AUCUNE_PHASE' })
      const s = await trouverStructure(tx, input.structureId, true)
      if (!s) return err({ code: 'STRUCTURE_INTROUVABLE' })
      const vers: StatutStructure =
        input.avis === 'validee' ? (s.statut === 'conventionnee' ? 'conventionnee' : 'validee') : input.avis
      if (!structurePeutPasser(s.statut as StatutStructure, vers))
        return err({ code: 'TRANSITION_INTERDITE', de: s.statut, vers })

      const categorie = categorieDe(s.type)
      const taux = tauxApplicable(await tauxDe(tx, phase.id), categorie, s.codeDepartement)
      if (!taux) return err({ code: 'AUCUN_TAUX', categorie })
      const postes = input.avis === 'validee' ? input.postesAccordes : 0
      const precedente = await derniereDecisionValidee(tx, s.id, phase.id)
      // Only a validation replaces the posts in force; a refusal or a request for more examination
      // of a structure that has none changes nothing in the totals.
      const deltaPostes = input.avis === 'validee' ? postes - (precedente?.postesAccordes ?? 0) : 0
      const montant = postes * taux.montantEuros
      const deltaMontant = input.avis === 'validee' ? montant - (precedente?.montantEuros ?? 0) : 0

      const allocation = await verrouillerAllocation(tx, phase.id, s.codeDepartement)
      const refus = verifierBudget(phase, allocation, deltaPostes, deltaMontant)
      if (refus) return err(refus)

      const numero = await prochainNumeroDecision(tx, phase)
      const dateDecision = aujourdhui(deps.horloge())
      const [d] = await tx
        .insert(decisions)
        .values({
          numero,
          structureId: s.id,
          phaseId: phase.id,
          avis: input.avis,
          postesAccordes: postes,
          categorie,
          tauxEuros: taux.montantEuros,
          montantEuros: montant,
          dateDecision,
          parCompteId: input.par,
        })
        .returning()
      if (deltaPostes !== 0 || deltaMontant !== 0)
        await ajusterCompteurs(tx, phase.id, s.codeDepartement, deltaPostes, deltaMontant)
      await majStructure(tx, s.id, {
        statut: vers,
        ...(input.avis === 'validee' ? { postesValides: postes } : {}),
      })

      if (input.avis === 'validee') {
        const existante = await conventionDe(tx, s.id, phase.id)
        const debut =
          existante?.debut ??
          (s.dateDebutSouhaitee && s.dateDebutSouhaitee > dateDecision ? s.dateDebutSouhaitee : dateDecision)
        const plan = echeancier(montant, debut, phase.echeancier)
        if (!existante) {
          const c = await creerConvention(tx, {
            numero: `CONV-${numero.slice(3)}`,
            structureId: s.id,
            phaseId: phase.id,
            postes,
            tauxEuros: taux.montantEuros,
            montantEuros: montant,
            dureeMois: phase.dureeMois,
            debut,
          })
          await remplacerVersementsNonPayes(tx, c.id, plan)
        } else if (existante.postes !== postes) {
          // An amendment: the payments already made stay; the rest of the schedule is recomputed
          // so that the total is the new amount.
          await ajouterAvenant(tx, {
            conventionId: existante.id,
            version: existante.version + 1,
            postesAvant: existante.postes,
            postesApres: postes,
            montantAvant: existante.montantEuros,
            montantApres: montant,
            decisionId: d?.id ?? null,
          })
          await majConvention(tx, existante.id, {
            postes,
            montantEuros: montant,
            version: existante.version + 1,
          })
          const payes = (await versementsDe(tx, existante.id)).filter((v) => v.payeLe)
          const dejaPaye = payes.reduce((a, v) => a + v.montantEuros, 0)
          const rangsPayes = new Set(payes.map((p) => p.rang))
          const restants = plan.filter((v) => !rangsPayes.has(v.rang))
          const prevuRestant = restants.reduce((a, v) => a + v.montantEuros, 0)
          const dernier = restants.at(-1)
          if (dernier) dernier.montantEuros += montant - dejaPaye - prevuRestant
          await remplacerVersementsNonPayes(tx, existante.id, restants)
        }
      }

      const libelle =
        input.avis === 'validee'
          ? `validée pour ${postes} poste(s) de conseiller numérique, soit ${euros(montant)} (${euros(taux.montantEuros)} par poste)`
          : input.avis === 'refusee'
            ? 'refusée'
            : 'mise en examen complémentaire'
      const texte = `Bonjour,\n\nPar la décision n° ${numero} du ${dateDecision}, le comité national a ${input.avis === 'validee' ? 'validé' : 'examiné'} la candidature de « ${s.nom} » : ${libelle}.\n\nL’équipe Escale`
      if (s.contactEmail)
        await mettreEnFileEmail(tx, {
          destinataire: s.contactEmail,
          sujet: `Décision du comité national n° ${numero}`,
          texte,
        })
      for (const email of await emailsPrefecture({ ...deps, db: tx }, s.codeDepartement))
        await mettreEnFileEmail(tx, {
          destinataire: email,
          sujet: `Décision du comité national n° ${numero}`,
          texte,
        })
      await journaliser(tx, {
        acteurId: input.par,
        action: 'decision_comite',
        cible: s.id,
        details: { numero, avis: input.avis, postes, montant },
      })
      return ok({ numero, postesAccordes: postes, montantEuros: montant })
    })
