import type { Database } from '../../../platform/db/database'
import { journaliser } from '../../../platform/journal/journal'
import { mettreEnFileEmail } from '../../../platform/outbox/outbox'
import { err, ok, type Result } from '../../../platform/result'
import type { PortComptes } from '../../comptes'
import {
  ajouterAvenant,
  type ConventionRow,
  conventionDe,
  creerConvention,
  majConvention,
  remplacerVersementsNonPayes,
  versementsDe,
} from '../db/conventions-repository'
import {
  ajusterCompteurs,
  type PhaseRow,
  phaseActive,
  prochainNumeroDecision,
  tauxDe,
  verrouillerAllocation,
} from '../db/programme-repository'
import {
  derniereDecisionValidee,
  enregistrerDecision,
  majStructure,
  type StructureRow,
  trouverStructure,
} from '../db/structures-repository'
import type { ErreurRecrutement } from '../domain/erreurs'
import { categorieDe, echeancier, tauxApplicable, verifierBudget } from '../domain/financement'
import { type StatutStructure, structurePeutPasser } from '../domain/statuts'
import { emailDecisionComite } from '../emails'
import { aujourdhui, type DepsRecrutement } from './deps'
import { emailsPrefecture } from './structures'

export type AvisComite = 'validee' | 'refusee' | 'examen_complementaire'

export interface Decision {
  numero: string
  postesAccordes: number
  montantEuros: number
}

interface DemandeDecision {
  structureId: string
  avis: AvisComite
  postesAccordes: number
  par: string
}

/** What a decision grants and how it moves the phase's totals, computed before anything is written. */
interface Chiffrage {
  categorie: ReturnType<typeof categorieDe>
  tauxEuros: number
  postes: number
  montant: number
  deltaPostes: number
  deltaMontant: number
}

/**
 * A national committee decision. Every decision of the phase takes the phase row's lock first
 * (`SELECT … FOR UPDATE`), then the département's allocation row: two committee members deciding at
 * the same moment are serialised, and the second sees the first one's totals. Quota, envelope and
 * allocation can therefore never be exceeded, whatever the concurrency.
 */
export const makeDecider =
  (deps: DepsRecrutement) =>
  async (input: DemandeDecision): Promise<Result<Decision, ErreurRecrutement>> =>
    deps.db.transaction(async (tx) => {
      const phase = await phaseActive(tx, true)
      if (!phase) return err({ code: 'AUCUNE_PHASE' })
      const s = await trouverStructure(tx, input.structureId, true)
      if (!s) return err({ code: 'STRUCTURE_INTROUVABLE' })
      const vers: StatutStructure =
        input.avis === 'validee' ? (s.statut === 'conventionnee' ? 'conventionnee' : 'validee') : input.avis
      if (!structurePeutPasser(s.statut as StatutStructure, vers))
        return err({ code: 'TRANSITION_INTERDITE', de: s.statut, vers })

      const chiffrage = await chiffrer(tx, phase, s, input)
      if (!chiffrage.ok) return chiffrage
      const c = chiffrage.value
      const allocation = await verrouillerAllocation(tx, phase.id, s.codeDepartement)
      const refus = verifierBudget(phase, allocation, c.deltaPostes, c.deltaMontant)
      if (refus) return err(refus)

      const numero = await prochainNumeroDecision(tx, phase)
      const dateDecision = aujourdhui(deps.horloge())
      const d = await enregistrerDecision(tx, {
        numero,
        structureId: s.id,
        phaseId: phase.id,
        avis: input.avis,
        postesAccordes: c.postes,
        categorie: c.categorie,
        tauxEuros: c.tauxEuros,
        montantEuros: c.montant,
        dateDecision,
        parCompteId: input.par,
      })
      if (c.deltaPostes !== 0 || c.deltaMontant !== 0)
        await ajusterCompteurs(tx, phase.id, s.codeDepartement, c.deltaPostes, c.deltaMontant)
      await majStructure(tx, s.id, {
        statut: vers,
        ...(input.avis === 'validee' ? { postesValides: c.postes } : {}),
      })
      if (input.avis === 'validee')
        await conventionner(tx, { phase, structure: s, chiffrage: c, numero, dateDecision, decisionId: d.id })

      await notifierDecision(tx, deps.comptes.dans(tx), s, {
        numero,
        date: dateDecision,
        avis: input.avis,
        structure: s.nom,
        postes: c.postes,
        montant: c.montant,
        tauxParPoste: c.tauxEuros,
      })
      await journaliser(tx, {
        acteurId: input.par,
        action: 'decision_comite',
        cible: s.id,
        details: { numero, avis: input.avis, postes: c.postes, montant: c.montant },
      })
      return ok({ numero, postesAccordes: c.postes, montantEuros: c.montant })
    })

/** The rate of the structure's category, the posts granted and what changes in the phase's totals. */
async function chiffrer(
  tx: Database,
  phase: PhaseRow,
  s: StructureRow,
  input: DemandeDecision,
): Promise<Result<Chiffrage, ErreurRecrutement>> {
  // The legal category the company register gave decides; the declared type until it has answered.
  const categorie = s.categorieRegistre ?? categorieDe(s.type)
  const taux = tauxApplicable(await tauxDe(tx, phase.id), categorie, s.codeDepartement)
  if (!taux) return err({ code: 'AUCUN_TAUX', categorie })
  const postes = input.avis === 'validee' ? input.postesAccordes : 0
  const precedente = await derniereDecisionValidee(tx, s.id, phase.id)
  // Only a validation replaces the posts in force; a refusal or a request for more examination
  // of a structure that has none changes nothing in the totals.
  const deltaPostes = input.avis === 'validee' ? postes - (precedente?.postesAccordes ?? 0) : 0
  const montant = postes * taux.montantEuros
  const deltaMontant = input.avis === 'validee' ? montant - (precedente?.montantEuros ?? 0) : 0
  return ok({ categorie, tauxEuros: taux.montantEuros, postes, montant, deltaPostes, deltaMontant })
}

/** A validation creates the phase's agreement, or amends it when the number of posts changes. */
async function conventionner(
  tx: Database,
  p: {
    phase: PhaseRow
    structure: StructureRow
    chiffrage: Chiffrage
    numero: string
    dateDecision: string
    decisionId: string
  },
) {
  const { phase, structure: s, chiffrage: c } = p
  const existante = await conventionDe(tx, s.id, phase.id)
  const debut =
    existante?.debut ??
    (s.dateDebutSouhaitee && s.dateDebutSouhaitee > p.dateDecision ? s.dateDebutSouhaitee : p.dateDecision)
  const plan = echeancier(c.montant, debut, phase.echeancier)
  if (!existante) {
    const conv = await creerConvention(tx, {
      numero: `CONV-${p.numero.slice(3)}`,
      structureId: s.id,
      phaseId: phase.id,
      postes: c.postes,
      tauxEuros: c.tauxEuros,
      montantEuros: c.montant,
      dureeMois: phase.dureeMois,
      debut,
    })
    await remplacerVersementsNonPayes(tx, conv.id, plan)
  } else if (existante.postes !== c.postes) {
    await amender(tx, existante, { postes: c.postes, montant: c.montant, plan, decisionId: p.decisionId })
  }
}

/**
 * An amendment: the payments already made stay; the rest of the schedule is recomputed so that the
 * total is the new amount.
 */
async function amender(
  tx: Database,
  existante: ConventionRow,
  n: { postes: number; montant: number; plan: ReturnType<typeof echeancier>; decisionId: string },
) {
  await ajouterAvenant(tx, {
    conventionId: existante.id,
    version: existante.version + 1,
    postesAvant: existante.postes,
    postesApres: n.postes,
    montantAvant: existante.montantEuros,
    montantApres: n.montant,
    decisionId: n.decisionId,
  })
  await majConvention(tx, existante.id, {
    postes: n.postes,
    montantEuros: n.montant,
    version: existante.version + 1,
  })
  const payes = (await versementsDe(tx, existante.id)).filter((v) => v.payeLe)
  const dejaPaye = payes.reduce((a, v) => a + v.montantEuros, 0)
  const rangsPayes = new Set(payes.map((p) => p.rang))
  const restants = n.plan.filter((v) => !rangsPayes.has(v.rang))
  const prevuRestant = restants.reduce((a, v) => a + v.montantEuros, 0)
  const dernier = restants.at(-1)
  if (dernier) dernier.montantEuros += n.montant - dejaPaye - prevuRestant
  await remplacerVersementsNonPayes(tx, existante.id, restants)
}

/** The structure's contact and the département's prefecture accounts receive the same text. */
async function notifierDecision(
  tx: Database,
  comptes: PortComptes,
  s: StructureRow,
  decision: Parameters<typeof emailDecisionComite>[0],
) {
  const email = emailDecisionComite(decision)
  if (s.contactEmail) await mettreEnFileEmail(tx, { destinataire: s.contactEmail, ...email })
  for (const destinataire of await emailsPrefecture(comptes, s.codeDepartement))
    await mettreEnFileEmail(tx, { destinataire, ...email })
}
