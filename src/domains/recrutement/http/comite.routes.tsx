import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { exigerRole, utilisateurConnecte } from '../../../platform/auth/utilisateur'
import { estViolationUnicite } from '../../../platform/db/erreurs'
import { departement } from '../../../platform/geo/territoires'
import { lireFormulaire, type Valeurs, valeursTexte } from '../../../platform/http/formulaire'
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
import { type ContexteRoutes, idParam } from './commun'
import { allocationForm, decisionForm, phaseForm, tauxForm, uuid, vagueForm } from './recrutement.form'

/** National committee and programme settings: admin only, on every route of this plugin. */
export async function comiteRoutes(app: FastifyInstance, contexte: ContexteRoutes) {
  app.addHook('preHandler', exigerRole('admin'))
  routesDecisions(app, contexte)
  routesProgramme(app, contexte)
  routesOuverturesProgramme(app, contexte)
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

  const pageDecision = async (
    request: FastifyRequest,
    reply: FastifyReply,
    v: Valeurs = {},
    e: Record<string, string | undefined> = {},
    statut = 200,
  ) => {
    const id = idParam(request)
    const s = id ? await trouverStructure(deps.db, id) : undefined
    if (!s) return reply.callNotFound()
    const avis = await avisDe(deps.db, s.id)
    const lieux = await lieuxAutourDe(deps, s)
    return reply.page(
      (ctx) => ({
        titre: s.nom,
        espace: 'pro',
        enErreur: statut !== 200,
        ariane: [{ libelle: 'Comité national', href: '/comite' }, { libelle: s.nom }],
        contenu: <DecisionPage csrf={ctx.csrf} structure={s} avis={avis} lieux={lieux} v={v} e={e} />,
      }),
      statut,
    )
  }

  app.get('/comite/structures/:id', async (request, reply) => pageDecision(request, reply))

  app.post('/comite/structures/:id/decision', async (request, reply) => {
    const u = utilisateurConnecte(request)
    const id = idParam(request)
    if (!id) return reply.callNotFound()
    const f = lireFormulaire(decisionForm, request.body)
    if (!f.ok) return pageDecision(request, reply, f.valeurs, f.erreurs, 400)
    const r = await decider({
      structureId: id,
      avis: f.donnees.avis,
      postesAccordes: f.donnees.postes_accordes,
      par: u.compteId,
    })
    if (!r.ok) {
      if (r.error.code === 'STRUCTURE_INTROUVABLE') return reply.callNotFound()
      return pageDecision(
        request,
        reply,
        valeursTexte(request.body),
        { postes_accordes: messageErreur(r.error) },
        422,
      )
    }
    reply.flash(
      'success',
      `Décision n° ${r.value.numero} enregistrée ; la structure et la préfecture sont prévenues.`,
    )
    return reply.redirect('/comite', 303)
  })
}

const makePageProgramme =
  (deps: DepsRecrutement) =>
  async (reply: FastifyReply, e: Record<string, string | undefined> = {}, statut = 200, v: Valeurs = {}) => {
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
    const taux = await tousLesTaux(deps.db)
    const allocations = active ? await allocationsDe(deps.db, active.id) : []
    const vagues = await listerVagues(deps.db)
    return reply.page(
      (ctx) => ({
        titre: 'Programme',
        espace: 'pro',
        enErreur: statut !== 200,
        ariane: [{ libelle: 'Comité national', href: '/comite' }, { libelle: 'Programme' }],
        contenu: (
          <ProgrammePage
            csrf={ctx.csrf}
            phases={phases}
            taux={taux}
            allocations={allocations}
            vagues={vagues}
            conventions={conventions}
            e={e}
            v={v}
          />
        ),
      }),
      statut,
    )
  }

/** `/comite/programme[/taux|allocations]`: the programme's settings and amounts. */
function routesProgramme(app: FastifyInstance, { deps }: ContexteRoutes) {
  const pageProgramme = makePageProgramme(deps)

  app.get('/comite/programme', async (_request, reply) => pageProgramme(reply))

  app.post('/comite/programme/taux', async (request, reply) => {
    const f = lireFormulaire(tauxForm, request.body)
    if (!f.ok) return pageProgramme(reply, f.erreurs, 400, f.valeurs)
    const phase = await phaseActive(deps.db)
    if (!phase)
      return pageProgramme(
        reply,
        { categorie: messageErreur({ code: 'AUCUNE_PHASE' }) },
        422,
        valeursTexte(request.body),
      )
    const u = utilisateurConnecte(request)
    await deps.db.transaction(async (tx) => {
      await definirTaux(tx, {
        phaseId: phase.id,
        categorie: f.donnees.categorie,
        territoire: f.donnees.territoire,
        montantEuros: f.donnees.montant_euros,
      })
      await journaliser(tx, { acteurId: u.compteId, action: 'programme_taux', details: f.donnees })
    })
    reply.flash('success', 'Le montant par poste est enregistré pour les prochaines décisions.')
    return reply.redirect('/comite/programme', 303)
  })

  app.post('/comite/programme/allocations', async (request, reply) => {
    const f = lireFormulaire(allocationForm, request.body)
    if (!f.ok) return pageProgramme(reply, f.erreurs, 400, f.valeurs)
    if (!departement(f.donnees.departement))
      return pageProgramme(
        reply,
        { departement: 'Ce département n’existe pas.' },
        422,
        valeursTexte(request.body),
      )
    const phase = await phaseActive(deps.db)
    if (!phase)
      return pageProgramme(
        reply,
        { departement: messageErreur({ code: 'AUCUNE_PHASE' }) },
        422,
        valeursTexte(request.body),
      )
    const u = utilisateurConnecte(request)
    await deps.db.transaction(async (tx) => {
      await definirAllocation(tx, {
        phaseId: phase.id,
        codeDepartement: f.donnees.departement,
        postesMax: f.donnees.postes_max,
      })
      await journaliser(tx, { acteurId: u.compteId, action: 'programme_allocation', details: f.donnees })
    })
    reply.flash('success', 'L’allocation du département est enregistrée.')
    return reply.redirect('/comite/programme', 303)
  })
}

/** `/comite/programme/(vagues|phases)`: opening a call period or a new phase. */
function routesOuverturesProgramme(app: FastifyInstance, { deps }: ContexteRoutes) {
  const pageProgramme = makePageProgramme(deps)

  app.post('/comite/programme/vagues', async (request, reply) => {
    const f = lireFormulaire(vagueForm, request.body)
    if (!f.ok) return pageProgramme(reply, f.erreurs, 400, f.valeurs)
    if (f.donnees.date_limite < deps.horloge().toISOString().slice(0, 10))
      return pageProgramme(
        reply,
        { date_limite: 'La date limite des avis est passée : choisissez une date à venir.' },
        400,
        valeursTexte(request.body),
      )
    const phase = await phaseActive(deps.db)
    if (!phase)
      return pageProgramme(
        reply,
        { libelle: messageErreur({ code: 'AUCUNE_PHASE' }) },
        422,
        valeursTexte(request.body),
      )
    const u = utilisateurConnecte(request)
    await deps.db.transaction(async (tx) => {
      await creerVague(tx, {
        phaseId: phase.id,
        libelle: f.donnees.libelle,
        dateLimiteAvis: f.donnees.date_limite,
      })
      await journaliser(tx, { acteurId: u.compteId, action: 'programme_vague', details: f.donnees })
    })
    reply.flash('success', 'La vague est ouverte.')
    return reply.redirect('/comite/programme', 303)
  })

  app.post('/comite/programme/phases', async (request, reply) => {
    const f = lireFormulaire(phaseForm, request.body)
    if (!f.ok) return pageProgramme(reply, f.erreurs, 400, f.valeurs)
    const u = utilisateurConnecte(request)
    const dejaPris = () =>
      pageProgramme(reply, { code: 'Une phase porte déjà ce code.' }, 422, valeursTexte(request.body))
    if ((await listerPhases(deps.db)).some((p) => p.code === f.donnees.code)) return dejaPris()
    try {
      await deps.db.transaction(async (tx) => {
        await ajouterPhase(
          tx,
          {
            code: f.donnees.code,
            libelle: f.donnees.libelle_phase,
            quotaPostes: f.donnees.quota_postes,
            enveloppeEuros: f.donnees.enveloppe_euros,
            dureeMois: f.donnees.duree_mois,
            echeancier: f.donnees.echeancier,
          },
          { public: f.donnees.taux_public, prive: f.donnees.taux_prive },
        )
        await journaliser(tx, { acteurId: u.compteId, action: 'programme_phase', details: f.donnees })
      })
    } catch (e) {
      // Two admins created the same code at the same instant: the unique index refused the second one.
      if (estViolationUnicite(e)) return dejaPris()
      throw e
    }
    reply.flash('success', 'La nouvelle phase est ouverte ; les conventions passées ne changent pas.')
    return reply.redirect('/comite/programme', 303)
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
