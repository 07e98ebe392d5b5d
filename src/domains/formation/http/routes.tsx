import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import {
  aLeRole,
  exigerRole,
  porteesDe,
  type Utilisateur,
  utilisateurConnecte,
} from '../../../platform/auth/utilisateur'
import { departement } from '../../../platform/geo/territoires'
import { dateSaisie } from '../../../platform/http/dates'
import { lireFormulaire, type Valeurs, valeursTexte } from '../../../platform/http/formulaire'
import { journaliser } from '../../../platform/journal/journal'
import { DocumentPdf } from '../../../platform/pdf/pdf'
import {
  creerSession,
  definirObjectif,
  inscriptionsDeSession,
  inscriptionsDuCompte,
  inscriptionsParParcours,
  inscriptionsSansSession,
  listerObjectifs,
  listerParcours,
  listerSessions,
  minutesFaites,
  realisations,
  trouverInscription,
  trouverParcours,
  trouverSession,
} from '../db/formation-repository'
import {
  CERTIFICATIONS,
  type CertificationAttendue,
  heures,
  joursDeSession,
  LIBELLES_CERTIFICATION_ATTENDUE,
  messageErreurFormation,
  minutesDepuisHeures,
} from '../domain/formation'
import { type DepsFormation, makeFormation } from '../use-cases/formation'
import { makeParcours } from '../use-cases/parcours'
import { AccueilFormationPage, MonParcoursPage, ParcoursPage, SessionPage } from '../views/formation.page'

/** Training dates: real calendar days (see platform/http/dates.ts) within the programme's years. */
const date = (libelle: string) => dateSaisie(libelle, { min: '2020-01-01', max: '2100-12-31' })
const entier = (libelle: string, min: number, max: number) =>
  z
    .string({ error: `Saisissez ${libelle}.` })
    .trim()
    .regex(/^\d{1,7}$/, `Saisissez ${libelle} en chiffres.`)
    .transform(Number)
    .pipe(z.number().min(min, `${libelle} : au moins ${min}.`).max(max, `${libelle} : ${max} au plus.`))

const sessionForm = z
  .object({
    parcours: z.uuid({ error: 'Choisissez un parcours.' }),
    libelle: z
      .string({ error: 'Saisissez le libellé.' })
      .trim()
      .min(1, 'Saisissez le libellé.')
      .max(200, 'Le libellé est trop long.'),
    debut: date('la date de début'),
    fin: date('la date de fin'),
    lieu: z
      .string({ error: 'Saisissez le lieu.' })
      .trim()
      .min(1, 'Saisissez le lieu.')
      .max(200, 'Le lieu est trop long.'),
    departement: z
      .string({ error: 'Saisissez le département.' })
      .trim()
      .refine((v) => !!departement(v), { message: 'Saisissez un code de département, par exemple 13.' }),
    capacite: entier('la capacité', 1, 500),
  })
  .refine((v) => v.fin >= v.debut, { path: ['fin'], message: 'La date de fin doit suivre la date de début.' })

const presenceForm = z.object({
  jour: date('le jour'),
  demi_journee: z.enum(['matin', 'apres_midi'], { error: 'Choisissez la demi-journée.' }),
  presents: z.union([z.string(), z.array(z.string())]).optional(),
})
const objectifForm = z.object({
  code_parcours: z
    .string({ error: 'Choisissez un parcours.' })
    .trim()
    .min(1, 'Choisissez un parcours.')
    .max(50, 'Parcours inconnu.'),
  annee: entier('l’année', 2020, 2100),
  cible: entier('l’objectif', 1, 10_000_000),
})
const parcoursForm = z.object({
  code_parcours: z
    .string({ error: 'Saisissez le code du parcours.' })
    .trim()
    .toLowerCase()
    .regex(
      /^[a-z0-9][a-z0-9-]{1,48}$/,
      'Le code du parcours : 2 à 49 lettres minuscules, chiffres ou tirets, par exemple conseiller-numerique.',
    ),
  libelle: z
    .string({ error: 'Saisissez le libellé.' })
    .trim()
    .min(1, 'Saisissez le libellé.')
    .max(200, 'Le libellé : 200 caractères au plus.'),
  duree_heures: z.string({ error: 'Saisissez la durée en heures.' }).transform((v, ctx) => {
    const m = minutesDepuisHeures(v)
    if (m === undefined || m < 30 || m > 1000 * 60) {
      ctx.addIssue({
        code: 'custom',
        message: 'Saisissez la durée en heures, entre 0,5 et 1 000, par exemple 350 ou 10,5.',
      })
      return z.NEVER
    }
    return m
  }),
  certification: z.enum(Object.keys(LIBELLES_CERTIFICATION_ATTENDUE) as [CertificationAttendue], {
    error: 'Choisissez la certification attendue.',
  }),
})
const repositionnementForm = z.object({
  code: z
    .string({ error: 'Choisissez un parcours.' })
    .trim()
    .regex(/^[a-z0-9-]{2,49}$/, 'Choisissez un parcours.'),
})
const affectationForm = z.object({ inscription: z.uuid({ error: 'Choisissez une personne.' }) })
const certificationForm = z.object({
  certification: z.enum(['pix', 'titre'], { error: 'Choisissez la certification.' }),
})

/** Training providers act on their own sessions; the national team on all of them. */
function organismes(u: Utilisateur): string[] | undefined {
  if (aLeRole(u, 'admin')) return undefined
  return porteesDe(u, 'formateur').map((p) => p.code)
}

export async function formationRoutes(
  app: FastifyInstance,
  { deps, nomOrganisme }: { deps: DepsFormation; nomOrganisme: (id: string) => Promise<string> },
) {
  const formation = makeFormation(deps)
  const gererParcours = makeParcours(deps)
  const idDe = (request: FastifyRequest) => {
    const r = z.uuid().safeParse((request.params as { id: string }).id)
    return r.success ? r.data : undefined
  }
  const sessionAccessible = async (request: FastifyRequest) => {
    const u = utilisateurConnecte(request)
    const id = idDe(request)
    const s = id ? await trouverSession(deps.db, id) : undefined
    const orgs = organismes(u)
    if (!s || (orgs && !orgs.includes(s.organismeId))) return undefined
    return { u, s }
  }

  const pageAccueil = async (
    request: FastifyRequest,
    reply: FastifyReply,
    e: Record<string, string | undefined> = {},
    statut = 200,
    v: Valeurs = {},
  ) => {
    const u = utilisateurConnecte(request)
    const orgs = organismes(u)
    const sessions = orgs
      ? (await Promise.all(orgs.map((o) => listerSessions(deps.db, o)))).flat()
      : await listerSessions(deps.db)
    let objectifs: { codeParcours: string; annee: number; cible: number; realise: number }[] | undefined
    if (!orgs) {
      const faits = await realisations(deps.db)
      objectifs = (await listerObjectifs(deps.db)).map((o) => ({
        ...o,
        realise: faits.find((f) => f.code === o.codeParcours && f.annee === o.annee)?.n ?? 0,
      }))
    }
    const parcours = await listerParcours(deps.db)
    return reply.page(
      (ctx) => ({
        titre: 'Formation',
        espace: 'pro',
        enErreur: statut !== 200,
        ariane: [{ libelle: 'Formation' }],
        contenu: (
          <AccueilFormationPage
            csrf={ctx.csrf}
            sessions={sessions}
            parcours={parcours}
            peutCreer={!orgs || orgs.length > 0}
            objectifs={objectifs}
            e={e}
            v={v}
          />
        ),
      }),
      statut,
    )
  }

  const pro = { preHandler: exigerRole('formateur', 'admin') }
  app.get('/formation', pro, async (request, reply) => pageAccueil(request, reply))

  app.post('/formation/sessions', pro, async (request, reply) => {
    const u = utilisateurConnecte(request)
    const f = lireFormulaire(sessionForm, request.body)
    if (!f.ok) return pageAccueil(request, reply, f.erreurs, 400, f.valeurs)
    const p = await trouverParcours(deps.db, f.donnees.parcours)
    if (!p)
      return pageAccueil(
        request,
        reply,
        { parcours: 'Choisissez un parcours.' },
        422,
        valeursTexte(request.body),
      )
    const orgs = organismes(u)
    const organismeId = orgs ? (orgs[0] ?? '') : ''
    // Read before the transaction: on the embedded engine a query outside it would wait for it.
    const organismeNom = organismeId ? await nomOrganisme(organismeId) : 'ANCT'
    await deps.db.transaction(async (tx) => {
      const s = await creerSession(tx, {
        parcoursId: p.id,
        libelle: f.donnees.libelle,
        debut: f.donnees.debut,
        fin: f.donnees.fin,
        lieu: f.donnees.lieu,
        codeDepartement: f.donnees.departement,
        organismeId,
        organismeNom,
        capacite: f.donnees.capacite,
      })
      await journaliser(tx, { acteurId: u.compteId, action: 'formation_session', cible: s.id })
    })
    reply.flash('success', 'La session est créée.')
    return reply.redirect('/formation', 303)
  })

  const pageSession = async (
    request: FastifyRequest,
    reply: FastifyReply,
    e: Record<string, string | undefined> = {},
    statut = 200,
    v: Valeurs = {},
  ) => {
    const d = await sessionAccessible(request)
    if (!d) return reply.callNotFound()
    const p = await trouverParcours(deps.db, d.s.parcoursId)
    if (!p) return reply.callNotFound()
    const inscrits = await Promise.all(
      (await inscriptionsDeSession(deps.db, d.s.id)).map(async (i) => ({
        ...i,
        minutes: await minutesFaites(deps.db, i.id),
      })),
    )
    const enAttente = await inscriptionsSansSession(deps.db, p.id)
    const tous = await listerParcours(deps.db)
    const enVigueur = new Map<string, { code: string; libelle: string }>()
    for (const x of tous)
      if (x.actif === 1)
        enVigueur.set(x.code, { code: x.code, libelle: `${x.libelle} (${heures(x.dureeMinutes)})` })
    return reply.page(
      (ctx) => ({
        titre: d.s.libelle,
        espace: 'pro',
        enErreur: statut !== 200,
        ariane: [{ libelle: 'Formation', href: '/formation' }, { libelle: d.s.libelle }],
        contenu: (
          <SessionPage
            csrf={ctx.csrf}
            session={d.s}
            parcours={p}
            inscrits={inscrits}
            enAttente={enAttente}
            jours={joursDeSession(d.s.debut, d.s.fin)}
            autresParcours={[...enVigueur.values()]}
            e={e}
            v={v}
          />
        ),
      }),
      statut,
    )
  }

  app.get('/formation/sessions/:id', pro, async (request, reply) => pageSession(request, reply))

  app.post('/formation/sessions/:id/affectations', pro, async (request, reply) => {
    const d = await sessionAccessible(request)
    if (!d) return reply.callNotFound()
    const f = lireFormulaire(affectationForm, request.body)
    if (!f.ok) return pageSession(request, reply, f.erreurs, 400, f.valeurs)
    const r = await formation.affecter({
      sessionId: d.s.id,
      inscriptionId: f.donnees.inscription,
      par: d.u.compteId,
      ...(organismes(d.u) ? { organismes: organismes(d.u) } : {}),
    })
    if (!r.ok)
      return pageSession(
        request,
        reply,
        { inscription: messageErreurFormation(r.error) },
        422,
        valeursTexte(request.body),
      )
    reply.flash('success', 'La personne est inscrite à la session.')
    return reply.redirect(`/formation/sessions/${d.s.id}`, 303)
  })

  app.post('/formation/sessions/:id/presences', pro, async (request, reply) => {
    const d = await sessionAccessible(request)
    if (!d) return reply.callNotFound()
    const f = lireFormulaire(presenceForm, request.body)
    if (!f.ok) return pageSession(request, reply, f.erreurs, 400, f.valeurs)
    const presents = new Set([f.donnees.presents ?? []].flat())
    for (const i of await inscriptionsDeSession(deps.db, d.s.id)) {
      const r = await formation.noterPresence({
        inscriptionId: i.id,
        sessionId: d.s.id,
        jour: f.donnees.jour,
        demiJournee: f.donnees.demi_journee,
        present: presents.has(i.id),
      })
      if (!r.ok)
        return pageSession(
          request,
          reply,
          { jour: messageErreurFormation(r.error) },
          422,
          valeursTexte(request.body),
        )
    }
    reply.flash('success', 'Les présences sont enregistrées.')
    return reply.redirect(`/formation/sessions/${d.s.id}`, 303)
  })

  const inscriptionAccessible = async (request: FastifyRequest) => {
    const u = utilisateurConnecte(request)
    const id = idDe(request)
    const i = id ? await trouverInscription(deps.db, id) : undefined
    if (!i) return undefined
    if (i.compteId === u.compteId) return { u, i, lecture: true }
    const orgs = organismes(u)
    if (!orgs) return { u, i, lecture: false }
    const s = i.sessionId ? await trouverSession(deps.db, i.sessionId) : undefined
    if (s && orgs.includes(s.organismeId)) return { u, i, lecture: false }
    return undefined
  }

  app.post('/formation/inscriptions/:id/terminer', pro, async (request, reply) => {
    const d = await inscriptionAccessible(request)
    if (!d || d.lecture) return reply.callNotFound()
    const r = await formation.terminer({ inscriptionId: d.i.id, par: d.u.compteId })
    if (!r.ok) reply.flash('error', messageErreurFormation(r.error))
    else reply.flash('success', 'La formation est terminée ; l’attestation est disponible.')
    return reply.redirect(d.i.sessionId ? `/formation/sessions/${d.i.sessionId}` : '/formation', 303)
  })

  app.post('/formation/inscriptions/:id/certifier', pro, async (request, reply) => {
    const d = await inscriptionAccessible(request)
    if (!d || d.lecture) return reply.callNotFound()
    const f = lireFormulaire(certificationForm, request.body)
    const r = f.ok
      ? await formation.certifier({
          inscriptionId: d.i.id,
          certification: f.donnees.certification,
          par: d.u.compteId,
        })
      : undefined
    if (!f.ok) reply.flash('error', f.erreurs.certification ?? 'Choisissez la certification.')
    else if (r && !r.ok) reply.flash('error', messageErreurFormation(r.error))
    else reply.flash('success', 'La certification est enregistrée.')
    return reply.redirect(d.i.sessionId ? `/formation/sessions/${d.i.sessionId}` : '/formation', 303)
  })

  app.post('/formation/inscriptions/:id/parcours', pro, async (request, reply) => {
    const d = await inscriptionAccessible(request)
    if (!d || d.lecture) return reply.callNotFound()
    const f = lireFormulaire(repositionnementForm, request.body)
    const r = f.ok
      ? await gererParcours.repositionner({ inscriptionId: d.i.id, code: f.donnees.code, par: d.u.compteId })
      : undefined
    if (!f.ok) reply.flash('error', f.erreurs.code ?? 'Choisissez un parcours.')
    else if (r && !r.ok) reply.flash('error', messageErreurFormation(r.error))
    else
      reply.flash(
        'success',
        `${d.i.prenom} ${d.i.nom} suit désormais ce parcours ; inscrivez-la à une session de ce parcours.`,
      )
    return reply.redirect(d.i.sessionId ? `/formation/sessions/${d.i.sessionId}` : '/formation', 303)
  })

  // ——— Parcours : configuration versionnée (équipe nationale) ———

  const admin = { preHandler: exigerRole('admin') }
  const pageParcours = async (
    reply: FastifyReply,
    v: Record<string, string | undefined> = {},
    e: Record<string, string | undefined> = {},
    statut = 200,
  ) => {
    const nombres = await inscriptionsParParcours(deps.db)
    const lignes = (await listerParcours(deps.db)).map((parcours) => ({
      parcours,
      inscriptions: nombres.get(parcours.id) ?? 0,
    }))
    return reply.page(
      (ctx) => ({
        titre: 'Parcours de formation',
        espace: 'pro',
        enErreur: statut !== 200,
        ariane: [{ libelle: 'Formation', href: '/formation' }, { libelle: 'Parcours' }],
        contenu: <ParcoursPage csrf={ctx.csrf} lignes={lignes} v={v} e={e} />,
      }),
      statut,
    )
  }

  app.get('/formation/parcours', admin, async (_request, reply) => pageParcours(reply))

  app.post('/formation/parcours', admin, async (request, reply) => {
    const u = utilisateurConnecte(request)
    const f = lireFormulaire(parcoursForm, request.body)
    if (!f.ok) return pageParcours(reply, f.valeurs, f.erreurs, 400)
    const p = await gererParcours.publier({
      code: f.donnees.code_parcours,
      libelle: f.donnees.libelle,
      dureeMinutes: f.donnees.duree_heures,
      certification: f.donnees.certification,
      par: u.compteId,
    })
    reply.flash(
      'success',
      `La version ${p.version} du parcours « ${p.libelle} » est en vigueur pour les nouvelles inscriptions.`,
    )
    return reply.redirect('/formation/parcours', 303)
  })

  app.post('/formation/parcours/:id/retrait', admin, async (request, reply) => {
    const u = utilisateurConnecte(request)
    const id = idDe(request)
    if (!id) return reply.callNotFound()
    const r = await gererParcours.retirer({ parcoursId: id, par: u.compteId })
    if (!r.ok && r.error.code === 'PARCOURS_INTROUVABLE') return reply.callNotFound()
    if (!r.ok) reply.flash('error', messageErreurFormation(r.error))
    else reply.flash('success', 'La version est retirée : les inscriptions faites dessus sont inchangées.')
    return reply.redirect('/formation/parcours', 303)
  })

  app.get('/formation/attestations/:id/pdf', { preHandler: exigerRole() }, async (request, reply) => {
    const d = await inscriptionAccessible(request)
    if (d?.i.statut !== 'termine') return reply.callNotFound()
    const p = await trouverParcours(deps.db, d.i.parcoursId)
    if (!p) return reply.callNotFound()
    const minutes = await minutesFaites(deps.db, d.i.id)
    const doc = new DocumentPdf('Attestation de formation')
      .paragraphe('République française', 10, 'gras')
      .paragraphe('Attestation de fin de formation', 18, 'gras')
      .separateur()
      .paragraphe(
        `${d.i.prenom} ${d.i.nom} a suivi le parcours « ${p.libelle} » (version ${p.version}, ${heures(p.dureeMinutes)}).`,
      )
      .paragraphe(
        `Heures de présence enregistrées : ${heures(minutes)}. Formation terminée le ${d.i.termineLe ?? ''}.`,
      )
    if (d.i.certification)
      doc.paragraphe(
        `${CERTIFICATIONS[d.i.certification as keyof typeof CERTIFICATIONS] ?? d.i.certification} obtenue le ${d.i.certifieLe ?? ''}.`,
      )
    doc
      .separateur()
      .paragraphe('Délivrée par Escale pour l’Agence nationale de la cohésion des territoires.', 9)
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', 'inline; filename="attestation.pdf"')
      .header('cache-control', 'no-store')
      .send(doc.octets())
  })

  app.get('/formation/mon-parcours', { preHandler: exigerRole() }, async (request, reply) => {
    const u = utilisateurConnecte(request)
    const parcours = await Promise.all(
      (await inscriptionsDuCompte(deps.db, u.compteId)).map(async (x) => ({
        ...x,
        minutes: await minutesFaites(deps.db, x.inscription.id),
      })),
    )
    return reply.page({
      titre: 'Ma formation',
      espace: 'pro',
      ariane: [{ libelle: 'Ma formation' }],
      contenu: <MonParcoursPage parcours={parcours} />,
    })
  })

  app.post('/formation/objectifs', { preHandler: exigerRole('admin') }, async (request, reply) => {
    const u = utilisateurConnecte(request)
    const f = lireFormulaire(objectifForm, request.body)
    if (!f.ok) return pageAccueil(request, reply, f.erreurs, 400, f.valeurs)
    await deps.db.transaction(async (tx) => {
      await definirObjectif(tx, {
        codeParcours: f.donnees.code_parcours,
        annee: f.donnees.annee,
        cible: f.donnees.cible,
      })
      await journaliser(tx, { acteurId: u.compteId, action: 'formation_objectif', details: f.donnees })
    })
    reply.flash('success', 'L’objectif est enregistré.')
    return reply.redirect('/formation', 303)
  })
}
