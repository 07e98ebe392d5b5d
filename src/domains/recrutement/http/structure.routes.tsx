import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import {
  AccesInterditError,
  exigerRole,
  porteesDe,
  type Utilisateur,
  utilisateurConnecte,
} from '../../../platform/auth/utilisateur'
import { lireFormulaire, type Valeurs, valeursTexte } from '../../../platform/http/formulaire'
import { pageFormulaire, refus, reussite } from '../../../platform/http/page-formulaire'
import {
  aUnCv,
  lireCv,
  misesEnRelationDeStructure,
  trouverCandidature,
  trouverMiseEnRelation,
} from '../db/candidatures-repository'
import {
  avenantsDe,
  conventionsDeStructure,
  trouverConvention,
  versementsDe,
} from '../db/conventions-repository'
import { avisDe, decisionsDe, trouverStructure } from '../db/structures-repository'
import { evaluer } from '../domain/classement'
import { type ErreurRecrutement, messageErreur } from '../domain/erreurs'
import { makeConventions } from '../use-cases/conventions'
import { aujourdhui, type DepsRecrutement } from '../use-cases/deps'
import {
  makeClasserCandidats,
  makeDeclarerDepart,
  makeMettreEnRelation,
  makeRecruter,
} from '../use-cases/recruter'
import { makeAbandonnerStructure, makeCompleterStructure } from '../use-cases/structures'
import { CandidatPage, CandidatsPage } from '../views/candidats.page'
import { conventionPdf } from '../views/convention.pdf'
import { EspaceStructurePage } from '../views/espace-structure.page'
import { StructureFormPage, valeursDeStructure } from '../views/structure-formulaire.page'
import { type ContexteRoutes, envoyerPdf, erreursDe, idParam, structureDemandee } from './commun'
import {
  abandonForm,
  complementStructureForm,
  departForm,
  entretienForm,
  recrutementForm,
  signatureForm,
  uuid,
} from './recrutement.form'
import { COMPLEMENT_ENREGISTRE, COMPLEMENT_PLUS_TARD, etapeVerificationSiret } from './verification-siret'

const gardeGestionnaire = exigerRole('gestionnaire')
const gestionnaire = { preHandler: gardeGestionnaire }
/** A step without fields (the CSRF token aside). */
const sansChamp = z.object({})

/** The manager's structure (the first one when they manage several; `?structure=` chooses). */
const makeMaStructure = (deps: DepsRecrutement) => async (request: FastifyRequest) => {
  const u = utilisateurConnecte(request)
  const codes = porteesDe(u, 'gestionnaire').map((p) => p.code)
  const voulue = structureDemandee(request)
  const code = voulue && codes.includes(voulue) ? voulue : codes[0]
  const parsed = uuid.safeParse(code)
  const s = parsed.success ? await trouverStructure(deps.db, parsed.data) : undefined
  if (!s) throw new AccesInterditError()
  return { u, s }
}

/** `/structure`, `/structure/candidature`, `/structure/abandon`: the host structure's own file. */
export function routesEspaceStructure(app: FastifyInstance, { deps }: ContexteRoutes) {
  const maStructure = makeMaStructure(deps)
  const completerStructure = makeCompleterStructure(deps)
  const abandonnerStructure = makeAbandonnerStructure(deps)

  app.get('/structure', gestionnaire, async (request, reply) => {
    const { s } = await maStructure(request)
    const conv = await conventionsDeStructure(deps.db, s.id)
    const vues = await Promise.all(
      conv.map(async (c) => ({ convention: c, versements: await versementsDe(deps.db, c.id) })),
    )
    const equipe = await misesEnRelationDeStructure(deps.db, s.id)
    const decisions = await decisionsDe(deps.db, s.id)
    const avis = s.statut === 'a_completer' ? await avisDe(deps.db, s.id) : undefined
    return reply.page((ctx) => ({
      titre: s.nom,
      espace: 'pro',
      ariane: [{ libelle: 'Ma structure' }],
      contenu: (
        <EspaceStructurePage
          csrf={ctx.csrf}
          structure={s}
          decisions={decisions}
          conventions={vues}
          equipe={equipe}
          commentairePrefecture={avis?.commentaire}
        />
      ),
    }))
  })

  const pageComplement = async (
    request: FastifyRequest,
    reply: FastifyReply,
    v?: Valeurs,
    e: Record<string, string | undefined> = {},
    statut = 200,
  ) => {
    const { s } = await maStructure(request)
    if (s.statut !== 'deposee' && s.statut !== 'a_completer') {
      reply.flash('error', messageErreur({ code: 'STRUCTURE_NON_MODIFIABLE' }))
      return reply.redirect('/structure', 303)
    }
    const avis = s.statut === 'a_completer' ? await avisDe(deps.db, s.id) : undefined
    // `?verifier_siret=`: the register fills name, address and commune over the stored values.
    const etape = v
      ? { valeurs: v }
      : await etapeVerificationSiret(deps, request.query, valeursDeStructure(s))
    return reply.page(
      (ctx) => ({
        titre: 'Compléter la candidature',
        espace: 'pro',
        enErreur: statut !== 200,
        ariane: [{ libelle: 'Ma structure', href: '/structure' }, { libelle: 'Compléter la candidature' }],
        contenu: (
          <StructureFormPage
            csrf={ctx.csrf}
            v={etape.valeurs}
            e={e}
            complement={{ commentairePrefecture: avis?.commentaire }}
            etapeSiret={etape}
          />
        ),
      }),
      statut,
    )
  }

  app.get('/structure/candidature', gestionnaire, async (request, reply) => pageComplement(request, reply))

  app.post('/structure/candidature', gestionnaire, async (request, reply) => {
    const { u, s } = await maStructure(request)
    const form = lireFormulaire(complementStructureForm, request.body)
    if (!form.ok) return pageComplement(request, reply, form.valeurs, form.erreurs, 400)
    const r = await completerStructure({ structureId: s.id, donnees: form.donnees, par: u.compteId })
    if (!r.ok) {
      if (r.error.code === 'STRUCTURE_NON_MODIFIABLE') {
        reply.flash('error', messageErreur(r.error))
        return reply.redirect('/structure', 303)
      }
      return pageComplement(request, reply, valeursTexte(request.body), erreursDe(r.error), 422)
    }
    reply.flash('success', r.value.aVerifier ? COMPLEMENT_PLUS_TARD : COMPLEMENT_ENREGISTRE)
    return reply.redirect('/structure', 303)
  })

  app.post('/structure/abandon', gestionnaire, async (request, reply) => {
    const { u, s } = await maStructure(request)
    const form = lireFormulaire(abandonForm, request.body)
    if (!form.ok) {
      reply.flash('error', form.erreurs.confirmation ?? 'Cochez la case pour confirmer.')
      return reply.redirect('/structure', 303)
    }
    const r = await abandonnerStructure(s.id, u.compteId)
    if (!r.ok) reply.flash('error', messageErreur(r.error))
    else reply.flash('success', 'La candidature de la structure est abandonnée.')
    return reply.redirect('/structure', 303)
  })
}

/** A structure sees a candidate who is in its ranking, or whom it already follows. */
const makeCandidatVisible = (deps: DepsRecrutement) => {
  const maStructure = makeMaStructure(deps)
  return async (request: FastifyRequest, id: string | undefined) => {
    const { u, s } = await maStructure(request)
    const c = id ? await trouverCandidature(deps.db, id) : undefined
    if (!c) return undefined
    const mer = await trouverMiseEnRelation(deps.db, s.id, c.id)
    const debut = s.dateDebutSouhaitee ?? aujourdhui(deps.horloge())
    const classement =
      s.latitude !== null &&
      s.longitude !== null &&
      ['disponible', 'en_cours_de_recrutement'].includes(c.statut)
        ? evaluer(c, {
            latitude: s.latitude,
            longitude: s.longitude,
            codeDepartement: s.codeDepartement,
            debut,
          })
        : undefined
    if (!mer && !classement) return undefined
    if (!['validee', 'conventionnee'].includes(s.statut)) return undefined
    return { u, s, c, mer, classement }
  }
}

/** `/structure/candidats`: the ranked candidates, one candidate's file and CV. */
export function routesCandidatsStructure(app: FastifyInstance, { deps }: ContexteRoutes) {
  const maStructure = makeMaStructure(deps)
  const candidatVisible = makeCandidatVisible(deps)
  const classer = makeClasserCandidats(deps)

  app.get('/structure/candidats', gestionnaire, async (request, reply) => {
    const { s } = await maStructure(request)
    const classes = ['validee', 'conventionnee'].includes(s.statut) ? await classer(s) : []
    const suivis = new Map(
      (await misesEnRelationDeStructure(deps.db, s.id)).map((m) => [m.candidature.id, m.mer.statut]),
    )
    return reply.page((ctx) => ({
      titre: 'Candidats classés',
      espace: 'pro',
      ariane: [{ libelle: 'Ma structure', href: '/structure' }, { libelle: 'Candidats classés' }],
      contenu: (
        <CandidatsPage
          csrf={ctx.csrf}
          structure={s}
          candidats={classes.map((c) => ({ ...c, statut: suivis.get(c.id) }))}
        />
      ),
    }))
  })

  app.get('/structure/candidats/:id/cv', gestionnaire, async (request, reply) => {
    const d = await candidatVisible(request, idParam(request))
    if (!d || !(d.c.coordonneesVisibles || d.mer)) return reply.callNotFound()
    const cv = await lireCv(deps.db, d.c.id)
    if (!cv) return reply.callNotFound()
    return envoyerPdf(reply, cv.contenu, 'attachment; filename="cv.pdf"')
  })
}

const acteur = (u: Utilisateur) => ({ compteId: u.compteId, prenom: u.prenom, nom: u.nom })
const issue = (r: { ok: true } | { ok: false; error: ErreurRecrutement }, id: string, succes: string) =>
  r.ok ? reussite(`/structure/candidats/${id}`, succes) : refus({ formulaire: messageErreur(r.error) })

/**
 * `/structure/candidats/:id` and its hiring steps `(preselection|non-retenu|entretien|recrutement|depart)`:
 * one candidate's file as the structure sees it, with its forms.
 */
export function routesRecrutementCandidat(app: FastifyInstance, { deps }: ContexteRoutes) {
  const candidatVisible = makeCandidatVisible(deps)
  const mettreEnRelation = makeMettreEnRelation(deps)
  const recruter = makeRecruter(deps)
  const declarerDepart = makeDeclarerDepart(deps)

  const candidat = pageFormulaire(app, {
    url: '/structure/candidats/:id',
    garde: gardeGestionnaire,
    params: z.object({ id: uuid }),
    charger: async ({ request, params }) => {
      const d = await candidatVisible(request, params.id)
      return d && { ...d, aUnCv: !!(await aUnCv(deps.db, d.c.id)) }
    },
    page: (d, etat, ctx) => ({
      titre: `${d.c.prenom} ${d.c.nom}`,
      espace: 'pro',
      ariane: [
        { libelle: 'Ma structure', href: '/structure' },
        { libelle: 'Candidats', href: '/structure/candidats' },
        { libelle: `${d.c.prenom} ${d.c.nom}` },
      ],
      contenu: (
        <CandidatPage
          csrf={ctx.csrf}
          candidature={d.c}
          mer={d.mer}
          classement={d.classement}
          aUnCv={d.aUnCv}
          e={etat.erreurs}
          v={etat.valeurs}
        />
      ),
    }),
  })

  candidat.action('/structure/candidats/:id/preselection', {
    schema: sansChamp,
    executer: async ({ modele: d }) =>
      issue(
        await mettreEnRelation.preselectionner(d.s.id, d.c.id, acteur(d.u)),
        d.c.id,
        'Candidat présélectionné.',
      ),
  })
  candidat.action('/structure/candidats/:id/non-retenu', {
    schema: sansChamp,
    executer: async ({ modele: d }) =>
      issue(await mettreEnRelation.nePasRetenir(d.s.id, d.c.id, acteur(d.u)), d.c.id, 'Candidat non retenu.'),
  })
  candidat.action('/structure/candidats/:id/entretien', {
    schema: entretienForm,
    executer: async ({ donnees, modele: d }) =>
      issue(
        await mettreEnRelation.noterEntretien(d.s.id, d.c.id, donnees.note, donnees.le, acteur(d.u)),
        d.c.id,
        'Entretien enregistré.',
      ),
  })
  candidat.action('/structure/candidats/:id/recrutement', {
    schema: recrutementForm,
    executer: async ({ donnees, modele: d }) =>
      issue(
        await recruter({
          structureId: d.s.id,
          candidatureId: d.c.id,
          typeContrat: donnees.type_contrat,
          debut: donnees.debut,
          par: acteur(d.u),
        }),
        d.c.id,
        'Le candidat est recruté : il a reçu son accès conseiller et est inscrit en formation.',
      ),
  })
  candidat.action('/structure/candidats/:id/depart', {
    schema: departForm,
    executer: async ({ donnees, modele: d }) =>
      issue(
        await declarerDepart({
          structureId: d.s.id,
          candidatureId: d.c.id,
          motif: donnees.motif,
          le: donnees.le,
          par: acteur(d.u),
        }),
        d.c.id,
        'Le départ est enregistré : le poste est de nouveau vacant.',
      ),
  })
}

/** `/structure/conventions/:id/(pdf|signature)`: the structure's funding agreements. */
export function routesConventionsStructure(app: FastifyInstance, { deps }: ContexteRoutes) {
  const maStructure = makeMaStructure(deps)
  const conventions = makeConventions(deps)

  app.get(
    '/structure/conventions/:id/pdf',
    { preHandler: exigerRole('gestionnaire', 'admin') },
    async (request, reply) => {
      const u = utilisateurConnecte(request)
      const id = idParam(request)
      const c = id ? await trouverConvention(deps.db, id) : undefined
      const admin = u.habilitations.some((h) => h.role === 'admin')
      if (!c || (!admin && !porteesDe(u, 'gestionnaire').some((p) => p.code === c.structureId)))
        return reply.callNotFound()
      const s = await trouverStructure(deps.db, c.structureId)
      if (!s) return reply.callNotFound()
      const pdf = conventionPdf({
        convention: c,
        structure: s,
        versements: await versementsDe(deps.db, c.id),
        avenants: await avenantsDe(deps.db, c.id),
      })
      return envoyerPdf(reply, pdf, `inline; filename="convention-${c.numero}.pdf"`)
    },
  )

  app.post('/structure/conventions/:id/signature', gestionnaire, async (request, reply) => {
    const { u, s } = await maStructure(request)
    const id = idParam(request)
    const f = lireFormulaire(signatureForm, request.body)
    if (!id) return reply.callNotFound()
    if (!f.ok) {
      reply.flash('error', f.erreurs.signataire ?? 'Saisissez le nom du signataire.')
      return reply.status(303).redirect('/structure', 303)
    }
    const r = await conventions.signer({
      conventionId: id,
      structureId: s.id,
      signataire: f.donnees.signataire,
      par: u.compteId,
    })
    // Another structure's convention is answered as if it did not exist, like its PDF.
    if (!r.ok && r.error.code === 'CONVENTION_INTROUVABLE') return reply.callNotFound()
    if (!r.ok) reply.flash('error', messageErreur(r.error))
    else reply.flash('success', 'La signature de la convention est enregistrée.')
    return reply.redirect('/structure', 303)
  })
}
