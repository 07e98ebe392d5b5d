import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import {
  AccesInterditError,
  exigerRole,
  porteesDe,
  type Utilisateur,
  utilisateurConnecte,
} from '../../../platform/auth/utilisateur'
import { contourDepartement, referentielCommunes } from '../../../platform/geo/referentiel-communes'
import { DEPARTEMENTS, departement } from '../../../platform/geo/territoires'
import { lireFormulaire, type Valeurs, valeursTexte } from '../../../platform/http/formulaire'
import {
  aUnCv,
  candidatureDuCompte,
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
import { vagueOuverte } from '../db/programme-repository'
import { avisDe, decisionsDe, structuresAvecAvis, trouverStructure } from '../db/structures-repository'
import { evaluer } from '../domain/classement'
import { calculerCouverture, type PointCarte, projection } from '../domain/couverture'
import { type ErreurRecrutement, messageErreur } from '../domain/erreurs'
import { makeDeposerCandidature, makeGererCandidature } from '../use-cases/candidatures'
import { makeConventions } from '../use-cases/conventions'
import { makeDecider } from '../use-cases/decider'
import { aujourdhui, type DepsRecrutement } from '../use-cases/deps'
import { lieuxAutourDe } from '../use-cases/lieux-proches'
import { suppressionCvLe } from '../use-cases/purger-cv'
import {
  makeClasserCandidats,
  makeDeclarerDepart,
  makeMettreEnRelation,
  makeRecruter,
} from '../use-cases/recruter'
import {
  makeAbandonnerStructure,
  makeCompleterStructure,
  makeDeposerStructure,
  makeDonnerAvis,
} from '../use-cases/structures'
import {
  CandidaturePage,
  EnvoyeePage,
  EspaceCandidatPage,
  valeursDeCandidature,
} from '../views/candidature.page'
import { conventionPdf } from '../views/convention.pdf'
import {
  CandidatPage,
  CandidatsPage,
  EspaceStructurePage,
  StructureFormPage,
  valeursDeStructure,
} from '../views/structure.page'
import { AvisPage, CartePage, ListePrefecturePage } from '../views/territoire.page'
import { apiPostesRoutes, comiteRoutes, pilotageRoutes } from './comite.routes'
import { departementsVisibles } from './perimetre'
import {
  abandonForm,
  avisForm,
  candidatureForm,
  complementStructureForm,
  departForm,
  entretienForm,
  recrutementForm,
  signatureForm,
  structureForm,
  uuid,
} from './recrutement.form'
import { champsTexte, enregistrerTeleversement, fichierDe } from './televersement'

const LIMITE_FORMULAIRE_PUBLIC = { rateLimit: { max: 10, timeWindow: '1 minute' } }

type AvecChamp = ErreurRecrutement & { champ?: string }

/** A business refusal tied to a field goes under that field; otherwise to the form's summary. */
const erreursDe = (e: AvecChamp) => ({ [e.champ ?? 'formulaire']: messageErreur(e) })

const idParam = (request: FastifyRequest, nom = 'id') => {
  const r = uuid.safeParse((request.params as Record<string, string>)[nom])
  return r.success ? r.data : undefined
}

const nomDepartement = (code: string) => departement(code)?.nom ?? code

export async function recrutementRoutes(app: FastifyInstance, { deps }: { deps: DepsRecrutement }) {
  await enregistrerTeleversement(app)
  const deposerCandidature = makeDeposerCandidature(deps)
  const gerer = makeGererCandidature(deps)
  const deposerStructure = makeDeposerStructure(deps)
  const donnerAvis = makeDonnerAvis(deps)
  const decider = makeDecider(deps)
  const classer = makeClasserCandidats(deps)
  const mettreEnRelation = makeMettreEnRelation(deps)
  const recruter = makeRecruter(deps)
  const declarerDepart = makeDeclarerDepart(deps)
  const conventions = makeConventions(deps)
  const completerStructure = makeCompleterStructure(deps)
  const abandonnerStructure = makeAbandonnerStructure(deps)

  // ——— Candidature conseiller (public) ———

  const pageCandidature = (
    reply: FastifyReply,
    v: Valeurs,
    e: Record<string, string | undefined>,
    statut = 200,
  ) =>
    reply.page(
      (ctx) => ({
        titre: 'Devenir conseiller numérique',
        ariane: [{ libelle: 'Devenir conseiller numérique' }],
        enErreur: statut !== 200,
        contenu: (
          <CandidaturePage csrf={ctx.csrf} v={v} e={e} emailDuCompte={reply.request.utilisateur?.email} />
        ),
      }),
      statut,
    )

  app.get('/candidature/conseiller', async (request, reply) => {
    const u = request.utilisateur
    if (u && (await candidatureDuCompte(deps.db, u.compteId))) return reply.redirect('/candidat', 303)
    return pageCandidature(reply, u ? { prenom: u.prenom, nom: u.nom, email: u.email } : {}, {})
  })

  // Public: the upload is read by anyone, bounded (one file of 2 MB + 1 byte) and rate-limited first.
  const depotPublic = { config: { ...LIMITE_FORMULAIRE_PUBLIC, televersement: true } }
  app.post('/candidature/conseiller', depotPublic, async (request, reply) => {
    const corps = champsTexte(request.body)
    const u = request.utilisateur
    const form = lireFormulaire(candidatureForm, u ? { ...corps, email: u.email } : corps)
    if (!form.ok) return pageCandidature(reply, form.valeurs, form.erreurs, 400)
    const r = await deposerCandidature({
      donnees: form.donnees,
      connecte: u ? { compteId: u.compteId, email: u.email } : undefined,
      cv: fichierDe(request.body, 'cv'),
    })
    if (!r.ok) {
      if (r.error.code === 'CANDIDATURE_EXISTANTE') return reply.redirect('/candidat', 303)
      return pageCandidature(reply, champsTexte(request.body), erreursDe(r.error), 422)
    }
    if (r.value.confirmee) {
      reply.flash('success', 'Votre candidature est enregistrée.')
      return reply.redirect('/candidat', 303)
    }
    return reply.redirect('/candidature/conseiller/envoyee', 303)
  })

  app.get('/candidature/conseiller/envoyee', async (_request, reply) =>
    reply.page({
      titre: 'Candidature envoyée',
      ariane: [
        { libelle: 'Devenir conseiller numérique', href: '/candidature/conseiller' },
        { libelle: 'Candidature envoyée' },
      ],
      contenu: (
        <EnvoyeePage
          titre="Votre candidature est enregistrée"
          texte="Un e-mail vient de vous être envoyé : ouvrez le lien qu’il contient pour confirmer votre adresse et choisir votre mot de passe. Votre candidature sera alors visible par les structures de votre secteur."
        />
      ),
    }),
  )

  // ——— Candidature structure (public, AMI) ———

  const pageStructure = (
    reply: FastifyReply,
    v: Valeurs,
    e: Record<string, string | undefined>,
    statut = 200,
  ) =>
    reply.page(
      (ctx) => ({
        titre: 'Accueillir un conseiller numérique',
        ariane: [{ libelle: 'Accueillir un conseiller numérique' }],
        enErreur: statut !== 200,
        contenu: <StructureFormPage csrf={ctx.csrf} v={v} e={e} />,
      }),
      statut,
    )

  app.get('/candidature/structure', async (_request, reply) => pageStructure(reply, {}, {}))

  app.post('/candidature/structure', { config: LIMITE_FORMULAIRE_PUBLIC }, async (request, reply) => {
    const form = lireFormulaire(structureForm, request.body)
    if (!form.ok) return pageStructure(reply, form.valeurs, form.erreurs, 400)
    const r = await deposerStructure(form.donnees)
    if (!r.ok) return pageStructure(reply, champsTexte(request.body), erreursDe(r.error), 422)
    return reply.redirect('/candidature/structure/envoyee', 303)
  })

  app.get('/candidature/structure/envoyee', async (_request, reply) =>
    reply.page({
      titre: 'Candidature de la structure envoyée',
      ariane: [
        { libelle: 'Accueillir un conseiller numérique', href: '/candidature/structure' },
        { libelle: 'Candidature envoyée' },
      ],
      contenu: (
        <EnvoyeePage
          titre="La candidature de votre structure est déposée"
          texte="La personne à contacter va recevoir un e-mail pour confirmer son adresse et créer le compte de la structure. Elle y suivra l’avis de la préfecture et la décision du comité national."
        />
      ),
    }),
  )

  // ——— Espace candidat ———

  const pageCandidat = async (
    request: FastifyRequest,
    reply: FastifyReply,
    e: Record<string, string | undefined> = {},
    v?: Valeurs,
    statut = 200,
  ) => {
    const u = utilisateurConnecte(request)
    const suivi = await gerer.suivi(u.compteId)
    if (!suivi) return reply.redirect('/candidature/conseiller', 303)
    const cv = await aUnCv(deps.db, suivi.candidature.id)
    return reply.page(
      (ctx) => ({
        titre: 'Ma candidature',
        espace: 'pro',
        enErreur: statut !== 200,
        ariane: [{ libelle: 'Ma candidature' }],
        contenu: (
          <EspaceCandidatPage
            csrf={ctx.csrf}
            candidature={suivi.candidature}
            misesEnRelation={suivi.misesEnRelation}
            cv={cv ? { nom: cv.nom, taille: cv.taille, supprimeLe: suppressionCvLe(cv.deposeLe) } : undefined}
            v={v ?? valeursDeCandidature(suivi.candidature)}
            e={e}
          />
        ),
      }),
      statut,
    )
  }

  const candidat = { preHandler: exigerRole('candidat') }

  app.get('/candidat', candidat, async (request, reply) => {
    // Signing in required the password chosen from the e-mailed link: the address is confirmed.
    await gerer.confirmerEmail(utilisateurConnecte(request).compteId)
    return pageCandidat(request, reply)
  })

  app.post('/candidat', candidat, async (request, reply) => {
    const u = utilisateurConnecte(request)
    const form = lireFormulaire(candidatureForm, { ...champsTexte(request.body), email: u.email })
    if (!form.ok) return pageCandidat(request, reply, form.erreurs, form.valeurs, 400)
    const r = await gerer.modifier(u.compteId, form.donnees)
    if (!r.ok) return pageCandidat(request, reply, erreursDe(r.error), valeursTexte(request.body), 422)
    reply.flash('success', 'Votre candidature est mise à jour.')
    return reply.redirect('/candidat', 303)
  })

  // The role is checked as the request arrives, before the upload is read (see televersement.ts).
  const depotCandidat = { onRequest: exigerRole('candidat'), config: { televersement: true } }
  app.post('/candidat/cv', depotCandidat, async (request, reply) => {
    const u = utilisateurConnecte(request)
    const cv = fichierDe(request.body, 'cv')
    if (!cv) return pageCandidat(request, reply, { cv: 'Choisissez un fichier PDF.' }, undefined, 400)
    const r = await gerer.deposerCv(u.compteId, cv)
    if (!r.ok) return pageCandidat(request, reply, erreursDe(r.error), undefined, 422)
    reply.flash('success', 'Votre CV est enregistré.')
    return reply.redirect('/candidat', 303)
  })

  app.get('/candidat/cv', candidat, async (request, reply) => {
    const c = await candidatureDuCompte(deps.db, utilisateurConnecte(request).compteId)
    const cv = c ? await lireCv(deps.db, c.id) : undefined
    if (!cv) return reply.callNotFound()
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', 'attachment; filename="cv.pdf"')
      .header('cache-control', 'no-store')
      .send(cv.contenu)
  })

  for (const [chemin, action, message] of [
    ['/candidat/retrait', gerer.retirer, 'Votre candidature est retirée.'],
    ['/candidat/reactiver', gerer.reactiver, 'Votre candidature est de nouveau visible.'],
  ] as const)
    app.post(chemin, candidat, async (request, reply) => {
      const r = await action(utilisateurConnecte(request).compteId)
      if (!r.ok) reply.flash('error', messageErreur(r.error))
      else reply.flash('success', message)
      return reply.redirect('/candidat', 303)
    })

  // ——— Espace structure (gestionnaire) ———

  const gestionnaire = { preHandler: exigerRole('gestionnaire') }
  /** The manager's structure (the first one when they manage several; `?structure=` chooses). */
  const maStructure = async (request: FastifyRequest) => {
    const u = utilisateurConnecte(request)
    const codes = porteesDe(u, 'gestionnaire').map((p) => p.code)
    const voulue = (request.query as { structure?: string }).structure
    const code = voulue && codes.includes(voulue) ? voulue : codes[0]
    const parsed = uuid.safeParse(code)
    const s = parsed.success ? await trouverStructure(deps.db, parsed.data) : undefined
    if (!s) throw new AccesInterditError()
    return { u, s }
  }

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
    return reply.page(
      (ctx) => ({
        titre: 'Compléter la candidature',
        espace: 'pro',
        enErreur: statut !== 200,
        ariane: [{ libelle: 'Ma structure', href: '/structure' }, { libelle: 'Compléter la candidature' }],
        contenu: (
          <StructureFormPage
            csrf={ctx.csrf}
            v={v ?? valeursDeStructure(s)}
            e={e}
            complement={{ commentairePrefecture: avis?.commentaire }}
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
    reply.flash('success', 'La candidature est enregistrée et transmise à la préfecture.')
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

  /** A structure sees a candidate who is in its ranking, or whom it already follows. */
  const candidatVisible = async (request: FastifyRequest) => {
    const { u, s } = await maStructure(request)
    const id = idParam(request)
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

  const pageCandidatStructure = async (
    request: FastifyRequest,
    reply: FastifyReply,
    e: Record<string, string> = {},
    statut = 200,
    v: Valeurs = {},
  ) => {
    const d = await candidatVisible(request)
    if (!d) return reply.callNotFound()
    const cv = await aUnCv(deps.db, d.c.id)
    return reply.page(
      (ctx) => ({
        titre: `${d.c.prenom} ${d.c.nom}`,
        espace: 'pro',
        enErreur: statut !== 200,
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
            aUnCv={!!cv}
            e={e}
            v={v}
          />
        ),
      }),
      statut,
    )
  }

  app.get('/structure/candidats/:id', gestionnaire, async (request, reply) =>
    pageCandidatStructure(request, reply),
  )

  app.get('/structure/candidats/:id/cv', gestionnaire, async (request, reply) => {
    const d = await candidatVisible(request)
    if (!d || !(d.c.coordonneesVisibles || d.mer)) return reply.callNotFound()
    const cv = await lireCv(deps.db, d.c.id)
    if (!cv) return reply.callNotFound()
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', 'attachment; filename="cv.pdf"')
      .header('cache-control', 'no-store')
      .send(cv.contenu)
  })

  const actionCandidat = (
    chemin: string,
    faire: (
      d: NonNullable<Awaited<ReturnType<typeof candidatVisible>>>,
      body: unknown,
    ) => Promise<{ ok: true } | { ok: false; erreurs: Record<string, string>; statut: number }>,
    succes: string,
  ) =>
    app.post(`/structure/candidats/:id/${chemin}`, gestionnaire, async (request, reply) => {
      const d = await candidatVisible(request)
      if (!d) return reply.callNotFound()
      const r = await faire(d, request.body)
      if (!r.ok) return pageCandidatStructure(request, reply, r.erreurs, r.statut, valeursTexte(request.body))
      reply.flash('success', succes)
      return reply.redirect(`/structure/candidats/${d.c.id}`, 303)
    })

  const acteur = (u: Utilisateur) => ({ compteId: u.compteId, prenom: u.prenom, nom: u.nom })
  const resultat = (r: { ok: true } | { ok: false; error: ErreurRecrutement }) =>
    r.ok
      ? ({ ok: true } as const)
      : ({ ok: false, erreurs: { formulaire: messageErreur(r.error) }, statut: 422 } as const)

  actionCandidat(
    'preselection',
    async (d) => resultat(await mettreEnRelation.preselectionner(d.s.id, d.c.id, acteur(d.u))),
    'Candidat présélectionné.',
  )
  actionCandidat(
    'non-retenu',
    async (d) => resultat(await mettreEnRelation.nePasRetenir(d.s.id, d.c.id, acteur(d.u))),
    'Candidat non retenu.',
  )
  actionCandidat(
    'entretien',
    async (d, body) => {
      const f = lireFormulaire(entretienForm, body)
      if (!f.ok) return { ok: false, erreurs: f.erreurs as Record<string, string>, statut: 400 }
      return resultat(
        await mettreEnRelation.noterEntretien(d.s.id, d.c.id, f.donnees.note, f.donnees.le, acteur(d.u)),
      )
    },
    'Entretien enregistré.',
  )
  actionCandidat(
    'recrutement',
    async (d, body) => {
      const f = lireFormulaire(recrutementForm, body)
      if (!f.ok) return { ok: false, erreurs: f.erreurs as Record<string, string>, statut: 400 }
      return resultat(
        await recruter({
          structureId: d.s.id,
          candidatureId: d.c.id,
          typeContrat: f.donnees.type_contrat,
          debut: f.donnees.debut,
          par: acteur(d.u),
        }),
      )
    },
    'Le candidat est recruté : il a reçu son accès conseiller et est inscrit en formation.',
  )
  actionCandidat(
    'depart',
    async (d, body) => {
      const f = lireFormulaire(departForm, body)
      if (!f.ok) return { ok: false, erreurs: f.erreurs as Record<string, string>, statut: 400 }
      return resultat(
        await declarerDepart({
          structureId: d.s.id,
          candidatureId: d.c.id,
          motif: f.donnees.motif,
          le: f.donnees.le,
          par: acteur(d.u),
        }),
      )
    },
    'Le départ est enregistré : le poste est de nouveau vacant.',
  )

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
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="convention-${c.numero}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf)
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
    if (!r.ok) reply.flash('error', messageErreur(r.error))
    else reply.flash('success', 'La signature de la convention est enregistrée.')
    return reply.redirect('/structure', 303)
  })

  // ——— Préfecture ———

  const prefecture = { preHandler: exigerRole('prefecture', 'admin') }
  const departementChoisi = (request: FastifyRequest) => {
    const u = utilisateurConnecte(request)
    const visibles = departementsVisibles(u)
    const possibles = visibles ?? DEPARTEMENTS.map((d) => d.code)
    const voulu = (request.query as { departement?: string }).departement
    if (voulu && !possibles.includes(voulu)) throw new AccesInterditError()
    const code = voulu ?? possibles[0]
    const d = code ? departement(code) : undefined
    if (!d) throw new AccesInterditError()
    return { u, d, visibles: possibles }
  }

  app.get('/prefecture/structures', prefecture, async (request, reply) => {
    const { d, visibles } = departementChoisi(request)
    const lignes = await structuresAvecAvis(deps.db, { departements: [d.code] })
    const vague = await vagueOuverte(deps.db)
    return reply.page({
      titre: `Structures candidates — ${d.code}`,
      espace: 'pro',
      ariane: [{ libelle: 'Préfecture' }],
      contenu: (
        <ListePrefecturePage
          departement={d}
          autres={visibles.length <= 20 ? visibles.map((c) => ({ code: c, nom: nomDepartement(c) })) : []}
          lignes={lignes}
          dateLimite={vague?.dateLimiteAvis}
        />
      ),
    })
  })

  /** A prefecture reaches only the structures of its département: others answer 404, as if absent. */
  const structureDuDepartement = async (request: FastifyRequest) => {
    const u = utilisateurConnecte(request)
    const id = idParam(request)
    const s = id ? await trouverStructure(deps.db, id) : undefined
    const visibles = departementsVisibles(u)
    if (!s || (visibles && !visibles.includes(s.codeDepartement))) return undefined
    return { u, s }
  }

  const pageAvis = async (
    request: FastifyRequest,
    reply: FastifyReply,
    v?: Valeurs,
    e: Record<string, string | undefined> = {},
    statut = 200,
  ) => {
    const d = await structureDuDepartement(request)
    if (!d) return reply.callNotFound()
    const avis = await avisDe(deps.db, d.s.id)
    const lieux = await lieuxAutourDe(deps, d.s)
    const valeurs: Valeurs =
      v ??
      (avis
        ? {
            avis: avis.avis,
            rang: String(avis.rang),
            commentaire: avis.commentaire,
            postes_proposes: String(avis.postesProposes),
          }
        : {})
    return reply.page(
      (ctx) => ({
        titre: d.s.nom,
        espace: 'pro',
        enErreur: statut !== 200,
        ariane: [
          { libelle: 'Préfecture', href: `/prefecture/structures?departement=${d.s.codeDepartement}` },
          { libelle: d.s.nom },
        ],
        contenu: <AvisPage csrf={ctx.csrf} structure={d.s} avis={avis} lieux={lieux} v={valeurs} e={e} />,
      }),
      statut,
    )
  }

  app.get('/prefecture/structures/:id', prefecture, async (request, reply) => pageAvis(request, reply))

  app.post(
    '/prefecture/structures/:id/avis',
    { preHandler: exigerRole('prefecture') },
    async (request, reply) => {
      const d = await structureDuDepartement(request)
      if (!d) return reply.callNotFound()
      const f = lireFormulaire(avisForm, request.body)
      if (!f.ok) return pageAvis(request, reply, f.valeurs, f.erreurs, 400)
      const r = await donnerAvis({
        structureId: d.s.id,
        departements: porteesDe(d.u, 'prefecture').map((p) => p.code),
        avis: f.donnees.avis,
        rang: f.donnees.rang,
        commentaire: f.donnees.commentaire,
        postesProposes: f.donnees.postes_proposes,
        par: d.u.compteId,
      })
      if (!r.ok)
        return pageAvis(
          request,
          reply,
          valeursTexte(request.body),
          { formulaire: messageErreur(r.error) },
          422,
        )
      reply.flash('success', 'L’avis est enregistré.')
      return reply.redirect(`/prefecture/structures?departement=${d.s.codeDepartement}`, 303)
    },
  )

  app.get('/prefecture/carte', prefecture, async (request, reply) => {
    const { d } = departementChoisi(request)
    const lignes = await structuresAvecAvis(deps.db, {
      departements: [d.code],
      statuts: ['proposee', 'examen_complementaire', 'validee', 'conventionnee'],
    })
    const postes = lignes.flatMap(({ structure: s, avis }) =>
      s.latitude !== null && s.longitude !== null
        ? [
            {
              nom: s.nom,
              latitude: s.latitude,
              longitude: s.longitude,
              genre: 'structure' as const,
              postes: s.postesValides || avis?.postesProposes || s.postesSouhaites,
            },
          ]
        : [],
    )
    const lieux: PointCarte[] = await deps.lieux.lieuxDuDepartement(d.code)
    const communes = referentielCommunes().duDepartement(d.code)
    const couverture = calculerCouverture(communes, postes, lieux)
    const contour = contourDepartement(d.code)
    const proj = projection(
      contour.length ? contour.flat() : communes.map((c) => [c.longitude, c.latitude] as const),
    )
    return reply.page({
      titre: `Couverture — ${d.code}`,
      espace: 'pro',
      ariane: [
        { libelle: 'Préfecture', href: `/prefecture/structures?departement=${d.code}` },
        { libelle: 'Carte de couverture' },
      ],
      contenu: (
        <CartePage
          departement={d}
          couverture={couverture}
          postes={postes}
          lieux={lieux}
          contour={contour}
          proj={proj}
        />
      ),
    })
  })

  // ——— Comité national ———
  await app.register(comiteRoutes, { deps, decider, conventions })
  await app.register(pilotageRoutes, { deps })
  await app.register(apiPostesRoutes, { deps })
}
