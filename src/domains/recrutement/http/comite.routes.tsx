import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { exigerRole, utilisateurConnecte } from '../../../platform/auth/utilisateur'
import type { Database } from '../../../platform/db/database'
import { estViolationUnicite } from '../../../platform/db/erreurs'
import { departement } from '../../../platform/geo/territoires'
import { type IssueAction, pageFormulaire, refus, reussite } from '../../../platform/http/page-formulaire'
import { journaliser } from '../../../platform/journal/journal'
import { conventionsDeStructure, versementsDe } from '../db/conventions-repository'
import {
  ajouterPhase,
  allocationsDe,
  creerVague,
  definirAllocation,
  definirTaux,
  listerPhases,
  listerVagues,
  phaseActive,
  tousLesTaux,
} from '../db/programme-repository'
import { avisDe, structuresAvecAvis, trouverStructure } from '../db/structures-repository'
import { messageErreur } from '../domain/erreurs'
import { makeConventions } from '../use-cases/conventions'
import { makeDecider } from '../use-cases/decider'
import type { DepsRecrutement } from '../use-cases/deps'
import { lieuxAutourDe } from '../use-cases/lieux-proches'
import { ProgrammePage } from '../views/pilotage.page'
import { ComitePage, DecisionPage } from '../views/territoire.page'
import type { ContexteRoutes } from './commun'
import { allocationForm, decisionForm, phaseForm, tauxForm, uuid, vagueForm } from './recrutement.form'

/** National committee and programme settings: admin only, on every route of this plugin. */
export async function comiteRoutes(app: FastifyInstance, contexte: ContexteRoutes) {
  app.addHook('preHandler', exigerRole('admin'))
  routesDecisions(app, contexte)
  routesProgramme(app, contexte)
  routesVersements(app, contexte)
}

/** `/comite`, `/comite/structures/:id[/decision]`: the committee's decisions on the applications. */
function routesDecisions(app: FastifyInstance, { deps }: ContexteRoutes) {
  const decider = makeDecider(deps)

  app.get('/comite', async (_request, reply) => {
    const phase = await phaseActive(deps.db)
    const lignes = await structuresAvecAvis(deps.db, {
      statuts: ['proposee', 'examen_complementaire', 'validee', 'conventionnee'],
    })
    return reply.page({
      titre: 'Comité national',
      espace: 'pro',
      ariane: [{ libelle: 'Comité national' }],
      contenu: (
        <ComitePage
          jauge={{
            libelle: phase?.libelle ?? 'Aucune phase ouverte',
            quotaPostes: phase?.quotaPostes ?? 0,
            postesAttribues: phase?.postesAttribues ?? 0,
            enveloppeEuros: phase?.enveloppeEuros ?? 0,
            montantEngage: phase?.montantEngage ?? 0,
          }}
          lignes={lignes}
        />
      ),
    })
  })

  pageFormulaire(app, {
    url: '/comite/structures/:id',
    params: z.object({ id: uuid }),
    charger: async ({ params }) => {
      const s = await trouverStructure(deps.db, params.id)
      if (!s) return undefined
      return { structure: s, avis: await avisDe(deps.db, s.id), lieux: await lieuxAutourDe(deps, s) }
    },
    page: (d, etat, ctx) => ({
      titre: d.structure.nom,
      espace: 'pro',
      ariane: [{ libelle: 'Comité national', href: '/comite' }, { libelle: d.structure.nom }],
      contenu: <DecisionPage csrf={ctx.csrf} {...d} v={etat.valeurs} e={etat.erreurs} />,
    }),
  }).action('/comite/structures/:id/decision', {
    schema: decisionForm,
    executer: async ({ donnees, modele, request }) => {
      const r = await decider({
        structureId: modele.structure.id,
        avis: donnees.avis,
        postesAccordes: donnees.postes_accordes,
        par: utilisateurConnecte(request).compteId,
      })
      if (!r.ok)
        return refus(
          { postes_accordes: messageErreur(r.error) },
          r.error.code === 'STRUCTURE_INTROUVABLE' ? 404 : 422,
        )
      return reussite(
        '/comite',
        `Décision n° ${r.value.numero} enregistrée ; la structure et la préfecture sont prévenues.`,
      )
    },
  })
}

/** The programme page's model: phases, amounts, allocations, waves and the agreements' payments. */
async function chargerProgramme(deps: DepsRecrutement) {
  const phases = await listerPhases(deps.db)
  const active = phases.find((p) => p.active)
  const structures = await structuresAvecAvis(deps.db, { statuts: ['validee', 'conventionnee'] })
  const conventions = (
    await Promise.all(
      structures.map(async ({ structure: s }) =>
        Promise.all(
          (
            await conventionsDeStructure(deps.db, s.id)
          ).map(async (c) => ({
            id: c.id,
            numero: c.numero,
            structure: s.nom,
            signee: !!c.signeeLe,
            versements: await versementsDe(deps.db, c.id),
          })),
        ),
      ),
    )
  ).flat()
  return {
    phases,
    taux: await tousLesTaux(deps.db),
    allocations: active ? await allocationsDe(deps.db, active.id) : [],
    vagues: await listerVagues(deps.db),
    conventions,
  }
}

const pageProgramme = (app: FastifyInstance, deps: DepsRecrutement) =>
  pageFormulaire(app, {
    url: '/comite/programme',
    charger: () => chargerProgramme(deps),
    page: (d, etat, ctx) => ({
      titre: 'Programme',
      espace: 'pro',
      ariane: [{ libelle: 'Comité national', href: '/comite' }, { libelle: 'Programme' }],
      contenu: <ProgrammePage csrf={ctx.csrf} {...d} e={etat.erreurs} v={etat.valeurs} />,
    }),
  })
type PageProgramme = ReturnType<typeof pageProgramme>

const versProgramme = '/comite/programme'

/** `/comite/programme[/taux|allocations|vagues|phases]`: the programme's settings and amounts. */
function routesProgramme(app: FastifyInstance, { deps }: ContexteRoutes) {
  const programme = pageProgramme(app, deps)
  actionsMontants(programme, deps)
  actionsOuvertures(programme, deps)
}

/**
 * A setting of the active phase, written and journaled in one transaction. Without an active phase
 * the form says so on the given field.
 */
async function reglerPhaseActive(
  deps: DepsRecrutement,
  request: FastifyRequest,
  o: {
    champ: string
    journal: { action: string; details: Record<string, unknown> }
    ecrire: (tx: Database, phaseId: string) => Promise<unknown>
    message: string
  },
): Promise<IssueAction> {
  const phase = await phaseActive(deps.db)
  if (!phase) return refus({ [o.champ]: messageErreur({ code: 'AUCUNE_PHASE' }) })
  const u = utilisateurConnecte(request)
  await deps.db.transaction(async (tx) => {
    await o.ecrire(tx, phase.id)
    await journaliser(tx, { acteurId: u.compteId, ...o.journal })
  })
  return reussite(versProgramme, o.message)
}

/** The amount per post of a territory, and a département's allocation. */
function actionsMontants(programme: PageProgramme, deps: DepsRecrutement) {
  programme.action('/comite/programme/taux', {
    schema: tauxForm,
    executer: ({ donnees, request }) =>
      reglerPhaseActive(deps, request, {
        champ: 'categorie',
        journal: { action: 'programme_taux', details: donnees },
        ecrire: (tx, phaseId) =>
          definirTaux(tx, {
            phaseId,
            categorie: donnees.categorie,
            territoire: donnees.territoire,
            montantEuros: donnees.montant_euros,
          }),
        message: 'Le montant par poste est enregistré pour les prochaines décisions.',
      }),
  })

  programme.action('/comite/programme/allocations', {
    schema: allocationForm,
    executer: ({ donnees, request }) =>
      departement(donnees.departement)
        ? reglerPhaseActive(deps, request, {
            champ: 'departement',
            journal: { action: 'programme_allocation', details: donnees },
            ecrire: (tx, phaseId) =>
              definirAllocation(tx, {
                phaseId,
                codeDepartement: donnees.departement,
                postesMax: donnees.postes_max,
              }),
            message: 'L’allocation du département est enregistrée.',
          })
        : refus({ departement: 'Ce département n’existe pas.' }),
  })
}

/** Opening a call period, or a new phase with its amounts per post. */
function actionsOuvertures(programme: PageProgramme, deps: DepsRecrutement) {
  programme.action('/comite/programme/vagues', {
    schema: vagueForm,
    executer: ({ donnees, request }) =>
      donnees.date_limite < deps.horloge().toISOString().slice(0, 10)
        ? refus({ date_limite: 'La date limite des avis est passée : choisissez une date à venir.' }, 400)
        : reglerPhaseActive(deps, request, {
            champ: 'libelle',
            journal: { action: 'programme_vague', details: donnees },
            ecrire: (tx, phaseId) =>
              creerVague(tx, { phaseId, libelle: donnees.libelle, dateLimiteAvis: donnees.date_limite }),
            message: 'La vague est ouverte.',
          }),
  })

  programme.action('/comite/programme/phases', {
    schema: phaseForm,
    executer: async ({ donnees, request }) => {
      const u = utilisateurConnecte(request)
      const dejaPris = refus({ code: 'Une phase porte déjà ce code.' })
      if ((await listerPhases(deps.db)).some((p) => p.code === donnees.code)) return dejaPris
      try {
        await deps.db.transaction(async (tx) => {
          await ajouterPhase(
            tx,
            {
              code: donnees.code,
              libelle: donnees.libelle_phase,
              quotaPostes: donnees.quota_postes,
              enveloppeEuros: donnees.enveloppe_euros,
              dureeMois: donnees.duree_mois,
              echeancier: donnees.echeancier,
            },
            { public: donnees.taux_public, prive: donnees.taux_prive },
          )
          await journaliser(tx, { acteurId: u.compteId, action: 'programme_phase', details: donnees })
        })
      } catch (e) {
        // Two admins created the same code at the same instant: the unique index refused the second one.
        if (estViolationUnicite(e)) return dejaPris
        throw e
      }
      return reussite(
        versProgramme,
        'La nouvelle phase est ouverte ; les conventions passées ne changent pas.',
      )
    },
  })
}

const parametresVersement = z.object({ id: uuid, rang: z.coerce.number().int().min(1).max(20) })

/** `/comite/conventions/:id/versements/:rang`: a payment made by the paying agency. */
function routesVersements(app: FastifyInstance, { deps }: ContexteRoutes) {
  const conventions = makeConventions(deps)

  app.post('/comite/conventions/:id/versements/:rang', async (request, reply) => {
    const u = utilisateurConnecte(request)
    const p = parametresVersement.safeParse(request.params)
    if (!p.success) return reply.callNotFound()
    const r = await conventions.marquerPaye({ conventionId: p.data.id, rang: p.data.rang, par: u.compteId })
    if (!r.ok) reply.flash('error', messageErreur(r.error))
    else reply.flash('success', 'Le versement est marqué payé.')
    return reply.redirect('/comite/programme', 303)
  })
}
