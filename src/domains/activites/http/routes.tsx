import { createReadStream, existsSync } from 'node:fs'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import {
  AccesInterditError,
  exigerRole,
  porteesDe,
  type Utilisateur,
  utilisateurConnecte,
} from '../../../platform/auth/utilisateur'
import {
  DEPARTEMENTS,
  departement,
  departementsDeRegion,
  REGIONS,
  region,
} from '../../../platform/geo/territoires'
import { lireFormulaire } from '../../../platform/http/formulaire'
import {
  activitesDuMois,
  listerActivites,
  structuresDuConseiller,
  trouverActivite,
} from '../db/activites-repository'
import { listerBeneficiaires } from '../db/beneficiaires-repository'
import { estModifiable } from '../domain/activite'
import { messageErreur } from '../domain/erreurs'
import { uuidV7 } from '../domain/identifiant'
import { SEUIL_K_ANONYMAT } from '../domain/k-anonymat'
import { type Filtre, ROLES_STATISTIQUES, resoudre, territoireParDefaut } from '../domain/portee'
import { doitSuggererFranceServices, lireSaisie, versFormulaire } from '../domain/saisie'
import {
  lirePeriode,
  lireTerritoire,
  moisPlus,
  type Periode,
  type Territoire,
  territoireTexte,
} from '../domain/statistiques'
import {
  makeCreerBeneficiaire,
  makeEffacerBeneficiaire,
  makeExporterBeneficiaire,
} from '../use-cases/beneficiaires'
import { type DepsActivites, jourDe } from '../use-cases/deps'
import {
  makeEnregistrerActivite,
  makeModifierActivite,
  makeSupprimerActivite,
} from '../use-cases/enregistrer-activite'
import { makeLireStatistiques } from '../use-cases/lire-statistiques'
import {
  BeneficiairesPage,
  FicheBeneficiairePage,
  NouveauBeneficiairePage,
} from '../views/beneficiaires.page'
import { CalendrierPage, ListePage } from '../views/liste.page'
import { type ProprietesSaisie, SaisiePage, type ValeursSaisie } from '../views/saisie.page'
import { type OptionTerritoire, StatistiquesPage, vueStatistiques } from '../views/statistiques.page'
import { activitesCsv, statistiquesCsv, statistiquesXlsx } from './exports'

export interface OptionsRoutesActivites {
  deps: DepsActivites
  /** Path of the built service worker (`js/activites-sw.js` of the asset manifest), if built. */
  fichierServiceWorker: () => string | undefined
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const ARIANE = { libelle: 'Mes activités', href: '/activites' }
const PAR_PAGE = 25

const filtresListe = z.object({
  type: z.string().max(40).optional(),
  theme: z.string().max(60).optional(),
  du: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .or(z.literal('')),
  au: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .or(z.literal('')),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
})

const beneficiaireForm = z.object({
  prenom: z
    .string({ error: 'Prénom ou surnom : saisissez-le.' })
    .trim()
    .min(1, 'Prénom ou surnom : saisissez-le.')
    .max(60, 'Prénom ou surnom : 60 caractères au plus.'),
  contact: z.string().trim().max(120, 'Contact : 120 caractères au plus.').optional(),
  tranche_age: z.enum(['moins_12', '12_17', '18_24', '25_39', '40_59', '60_69', '70_plus', 'nc'], {
    error: 'Tranche d’âge : choisissez dans la liste.',
  }),
  situation: z.enum(['scolarise', 'sans_emploi', 'en_emploi', 'retraite', 'nc'], {
    error: 'Situation : choisissez dans la liste.',
  }),
  code_commune: z
    .string()
    .trim()
    .regex(/^(\d{5}|2[AB]\d{3})?$/, 'Commune : code INSEE à 5 caractères, ou laissez vide.')
    .optional(),
  consentement: z.literal('oui', {
    error: 'Accord de la personne : cochez la case, sans accord pas de fiche.',
  }),
})

export async function activitesRoutes(
  app: FastifyInstance,
  { deps, fichierServiceWorker }: OptionsRoutesActivites,
) {
  const enregistrer = makeEnregistrerActivite(deps)
  const modifier = makeModifierActivite(deps)
  const supprimer = makeSupprimerActivite(deps)
  const lireStatistiques = makeLireStatistiques(deps)
  const creerBeneficiaire = makeCreerBeneficiaire(deps)
  const exporterBeneficiaire = makeExporterBeneficiaire(deps)
  const effacerBeneficiaire = makeEffacerBeneficiaire(deps)
  const conseiller = { preHandler: exigerRole('conseiller') }
  const aujourdhui = () => jourDe(deps.horloge())

  /** The conseiller and the structure they record for (their first conseiller scope). */
  const auteur = (request: FastifyRequest) => {
    const u = utilisateurConnecte(request)
    const structureId = porteesDe(u, 'conseiller')[0]?.code
    if (!structureId) throw new AccesInterditError()
    return { compteId: u.compteId, structureId }
  }

  async function pageSaisie(
    request: FastifyRequest,
    reply: FastifyReply,
    o: {
      titre: string
      action: string
      bouton: string
      valeurs: ValeursSaisie
      erreurs: Record<string, string>
      statut?: number
      horsLigne?: boolean
    },
  ) {
    const par = auteur(request)
    const [lieux, beneficiaires, structure] = await Promise.all([
      deps.lieux.lieuxDeLaStructure(par.structureId),
      listerBeneficiaires(deps.db, par.compteId),
      deps.structures.territoireDeStructure(par.structureId),
    ])
    const franceServices = structure?.codeCommune
      ? await deps.lieux.franceServicesLaPlusProche(structure.codeCommune)
      : undefined
    const horsLigne = o.horsLigne ?? false
    return reply.page(
      (ctx) => ({
        titre: o.titre,
        espace: 'pro',
        enErreur: Object.keys(o.erreurs).length > 0,
        ariane: [ARIANE, { libelle: o.titre }],
        scripts: horsLigne ? ['activites-saisie'] : [],
        contenu: (
          <SaisiePage
            {...({
              csrf: ctx.csrf,
              action: o.action,
              titre: o.titre,
              bouton: o.bouton,
              valeurs: o.valeurs,
              erreurs: o.erreurs,
              lieux,
              beneficiaires,
              franceServices,
              horsLigne,
            } satisfies ProprietesSaisie)}
          />
        ),
      }),
      o.statut ?? 200,
    )
  }

  const valeursNeuves = (request: FastifyRequest, extra: ValeursSaisie = {}): ValeursSaisie => ({
    id: uuidV7(),
    type: 'individuel',
    date: aujourdhui(),
    duree: '60',
    lieu_type: 'lieu_activite',
    orientation: 'aucune',
    ...extra,
    ...((request.query as { beneficiaire?: string }).beneficiaire &&
    ID.test((request.query as { beneficiaire: string }).beneficiaire)
      ? { beneficiaire_id: (request.query as { beneficiaire: string }).beneficiaire }
      : {}),
  })

  app.get('/activites', conseiller, async (request, reply) => {
    const par = auteur(request)
    const q = filtresListe.safeParse(request.query)
    const f = q.success ? q.data : {}
    const page = f.page ?? 1
    const { activites, total } = await listerActivites(
      deps.db,
      par.compteId,
      {
        du: f.du || undefined,
        au: f.au || undefined,
        type: f.type || undefined,
        theme: f.theme || undefined,
      },
      page,
      PAR_PAGE,
    )
    const maintenant = deps.horloge()
    return reply.page((ctx) => ({
      titre: 'Mes activités',
      espace: 'pro',
      ariane: [{ libelle: 'Mes activités' }],
      contenu: (
        <ListePage
          csrf={ctx.csrf}
          activites={activites.map((a) => ({ ...a, modifiable: estModifiable(a, maintenant) }))}
          total={total}
          page={page}
          pages={Math.max(1, Math.ceil(total / PAR_PAGE))}
          filtres={{ type: f.type, theme: f.theme, du: f.du || undefined, au: f.au || undefined }}
        />
      ),
    }))
  })

  app.get('/activites/calendrier', conseiller, async (request, reply) => {
    const par = auteur(request)
    const brut = (request.query as { mois?: string }).mois
    const mois =
      typeof brut === 'string' && /^(20[2-9]\d)-(0[1-9]|1[0-2])$/.test(brut) ? brut : aujourdhui().slice(0, 7)
    const activites = await activitesDuMois(deps.db, par.compteId, mois)
    return reply.page({
      titre: 'Calendrier de mes activités',
      espace: 'pro',
      ariane: [ARIANE, { libelle: 'Calendrier' }],
      contenu: (
        <CalendrierPage
          mois={mois}
          precedent={moisPlus(mois, -1)}
          suivant={moisPlus(mois, 1)}
          activites={activites}
        />
      ),
    })
  })

  app.get('/activites/nouvelle', conseiller, async (request, reply) =>
    pageSaisie(request, reply, {
      titre: 'Enregistrer une activité',
      action: '/activites',
      bouton: 'Enregistrer l’activité',
      valeurs: valeursNeuves(request),
      erreurs: {},
      horsLigne: true,
    }),
  )

  app.post('/activites', conseiller, async (request, reply) => {
    const par = auteur(request)
    const lu = lireSaisie(request.body, aujourdhui(), uuidV7)
    let erreurs = lu.ok ? {} : lu.erreurs
    if (lu.ok) {
      const r = await enregistrer({ par, saisie: lu.saisie })
      if (r.ok) {
        const conseil = doitSuggererFranceServices(lu.saisie)
          ? ' Pensez à orienter la personne vers une France Services pour sa démarche.'
          : ''
        reply.flash(
          'success',
          `${r.value.deja ? 'Cette activité était déjà enregistrée.' : 'Activité enregistrée.'}${conseil}`,
        )
        return reply.redirect('/activites', 303)
      }
      erreurs = {
        [r.error.code === 'LIEU_INCONNU'
          ? 'lieu_id'
          : r.error.code === 'BENEFICIAIRE_INCONNU'
            ? 'beneficiaire_id'
            : 'id']: messageErreur(r.error),
      }
    }
    return pageSaisie(request, reply, {
      titre: 'Enregistrer une activité',
      action: '/activites',
      bouton: 'Enregistrer l’activité',
      valeurs: valeursDeCorps(request.body),
      erreurs,
      statut: 400,
      horsLigne: true,
    })
  })

  /** Offline queue: each queued report carries its client id; a replay answers `deja`. */
  app.post('/activites/synchronisation', conseiller, async (request, reply) => {
    const par = auteur(request)
    const corps = request.body as { activites?: unknown } | undefined
    if (!corps || typeof corps !== 'object' || !Array.isArray(corps.activites) || corps.activites.length > 50)
      return reply.status(400).send({ erreur: 'activites : une liste de 1 à 50 activités est attendue.' })
    const resultats = []
    for (const brut of corps.activites) {
      const id = (brut as { id?: unknown } | null)?.id
      if (typeof id !== 'string' || !ID.test(id)) {
        resultats.push({
          id: null,
          statut: 'refusee',
          erreurs: { id: 'id : identifiant client manquant ou invalide.' },
        })
        continue
      }
      const lu = lireSaisie(brut, aujourdhui(), uuidV7)
      if (!lu.ok) {
        resultats.push({ id, statut: 'refusee', erreurs: lu.erreurs })
        continue
      }
      const r = await enregistrer({ par, saisie: lu.saisie })
      resultats.push(
        r.ok
          ? { id, statut: r.value.deja ? 'deja' : 'enregistree' }
          : { id, statut: 'refusee', erreurs: { formulaire: messageErreur(r.error) } },
      )
    }
    return reply.header('cache-control', 'no-store').send({ resultats })
  })

  app.get('/activites/sw.js', async (_request, reply) => {
    const fichier = fichierServiceWorker()
    if (!fichier || !existsSync(fichier))
      return reply.status(404).type('text/plain').send('service worker non construit')
    // A stable URL whose scope is /activites/: the worker itself must be re-checked on every visit.
    return reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('service-worker-allowed', '/activites/')
      .send(createReadStream(fichier))
  })

  const chargerPropre = async (request: FastifyRequest) => {
    const par = auteur(request)
    const id = (request.params as { id: string }).id
    if (!ID.test(id)) return undefined
    const a = await trouverActivite(deps.db, id)
    return a && a.conseillerId === par.compteId ? a : undefined
  }

  app.get('/activites/:id/modifier', conseiller, async (request, reply) => {
    const a = await chargerPropre(request)
    if (!a) return reply.callNotFound()
    if (!estModifiable(a, deps.horloge())) {
      reply.flash('error', messageErreur({ code: 'DELAI_DEPASSE' }))
      return reply.redirect('/activites', 303)
    }
    return pageSaisie(request, reply, {
      titre: 'Modifier une activité',
      action: `/activites/${a.id}`,
      bouton: 'Enregistrer les modifications',
      valeurs: versFormulaire(a),
      erreurs: {},
    })
  })

  app.get('/activites/:id/dupliquer', conseiller, async (request, reply) => {
    const a = await chargerPropre(request)
    if (!a) return reply.callNotFound()
    // Same workshop, new occurrence: new id, today's date, same everything else.
    return pageSaisie(request, reply, {
      titre: 'Enregistrer une activité',
      action: '/activites',
      bouton: 'Enregistrer l’activité',
      valeurs: { ...versFormulaire(a), id: uuidV7(), date: aujourdhui() },
      erreurs: {},
      horsLigne: true,
    })
  })

  app.post('/activites/:id', conseiller, async (request, reply) => {
    const par = auteur(request)
    const id = (request.params as { id: string }).id
    if (!ID.test(id)) return reply.callNotFound()
    const lu = lireSaisie({ ...(request.body as object), id }, aujourdhui(), uuidV7)
    let erreurs = lu.ok ? {} : lu.erreurs
    if (lu.ok) {
      const r = await modifier({ par, id, saisie: lu.saisie })
      if (r.ok) {
        reply.flash('success', 'Activité modifiée.')
        return reply.redirect('/activites', 303)
      }
      if (r.error.code === 'ACTIVITE_INTROUVABLE') return reply.callNotFound()
      erreurs = {
        [r.error.code === 'LIEU_INCONNU'
          ? 'lieu_id'
          : r.error.code === 'BENEFICIAIRE_INCONNU'
            ? 'beneficiaire_id'
            : 'date']: messageErreur(r.error),
      }
      if (r.error.code === 'DELAI_DEPASSE')
        return reply.status(422).page(
          {
            titre: 'Modification impossible',
            espace: 'pro',
            contenu: <p safe>{messageErreur(r.error)}</p>,
          },
          422,
        )
    }
    return pageSaisie(request, reply, {
      titre: 'Modifier une activité',
      action: `/activites/${id}`,
      bouton: 'Enregistrer les modifications',
      valeurs: { ...valeursDeCorps(request.body), id },
      erreurs,
      statut: 400,
    })
  })

  app.post('/activites/:id/supprimer', conseiller, async (request, reply) => {
    const par = auteur(request)
    const id = (request.params as { id: string }).id
    if (!ID.test(id)) return reply.callNotFound()
    const r = await supprimer({ par, id })
    if (!r.ok && r.error.code === 'ACTIVITE_INTROUVABLE') return reply.callNotFound()
    reply.flash(r.ok ? 'success' : 'error', r.ok ? 'Activité supprimée.' : messageErreur(r.error))
    return reply.redirect('/activites', 303)
  })

  app.get('/activites/export.csv', conseiller, async (request, reply) => {
    const par = auteur(request)
    const { activites } = await listerActivites(deps.db, par.compteId, {}, 1, 100_000)
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="mes-activites.csv"')
      .header('cache-control', 'no-store')
      .send(activitesCsv(activites))
  })

  // ——— Follow-up files ———
  app.get('/activites/beneficiaires', conseiller, async (request, reply) => {
    const par = auteur(request)
    const liste = await listerBeneficiaires(deps.db, par.compteId)
    return reply.page({
      titre: 'Personnes suivies',
      espace: 'pro',
      ariane: [ARIANE, { libelle: 'Personnes suivies' }],
      contenu: <BeneficiairesPage liste={liste} />,
    })
  })

  const pageNouveauBeneficiaire = (
    reply: FastifyReply,
    valeurs: Record<string, string>,
    erreurs: Record<string, string | undefined>,
    statut = 200,
  ) =>
    reply.page(
      (ctx) => ({
        titre: 'Créer une fiche de suivi',
        espace: 'pro',
        enErreur: statut !== 200,
        ariane: [
          ARIANE,
          { libelle: 'Personnes suivies', href: '/activites/beneficiaires' },
          { libelle: 'Créer une fiche' },
        ],
        contenu: <NouveauBeneficiairePage csrf={ctx.csrf} valeurs={valeurs} erreurs={erreurs} />,
      }),
      statut,
    )

  app.get('/activites/beneficiaires/nouveau', conseiller, async (_request, reply) =>
    pageNouveauBeneficiaire(reply, {}, {}),
  )

  app.post('/activites/beneficiaires', conseiller, async (request, reply) => {
    const par = auteur(request)
    const form = lireFormulaire(beneficiaireForm, request.body)
    if (!form.ok) return pageNouveauBeneficiaire(reply, form.valeurs, form.erreurs, 400)
    const b = await creerBeneficiaire({
      par,
      saisie: {
        prenom: form.donnees.prenom,
        contact: form.donnees.contact || null,
        trancheAge: form.donnees.tranche_age,
        situation: form.donnees.situation,
        codeCommune: form.donnees.code_commune || null,
      },
    })
    reply.flash('success', 'Fiche de suivi créée.')
    return reply.redirect(`/activites/beneficiaires/${b.id}`, 303)
  })

  app.get('/activites/beneficiaires/:id', conseiller, async (request, reply) => {
    const par = auteur(request)
    const id = (request.params as { id: string }).id
    if (!ID.test(id)) return reply.callNotFound()
    const r = await exporterBeneficiaire({ conseillerId: par.compteId, id })
    if (!r.ok) return reply.callNotFound()
    return reply.page((ctx) => ({
      titre: `Fiche de suivi : ${r.value.fiche.prenom}`,
      espace: 'pro',
      ariane: [
        ARIANE,
        { libelle: 'Personnes suivies', href: '/activites/beneficiaires' },
        { libelle: r.value.fiche.prenom },
      ],
      contenu: <FicheBeneficiairePage csrf={ctx.csrf} id={id} donnees={r.value} />,
    }))
  })

  app.get('/activites/beneficiaires/:id/export.json', conseiller, async (request, reply) => {
    const par = auteur(request)
    const id = (request.params as { id: string }).id
    if (!ID.test(id)) return reply.callNotFound()
    const r = await exporterBeneficiaire({ conseillerId: par.compteId, id })
    if (!r.ok) return reply.callNotFound()
    return reply
      .header('content-disposition', `attachment; filename="fiche-${id}.json"`)
      .header('cache-control', 'no-store')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(r.value, null, 2))
  })

  app.post('/activites/beneficiaires/:id/effacer', conseiller, async (request, reply) => {
    const par = auteur(request)
    const id = (request.params as { id: string }).id
    if (!ID.test(id)) return reply.callNotFound()
    const r = await effacerBeneficiaire({ conseillerId: par.compteId, id })
    if (!r.ok) return reply.callNotFound()
    reply.flash('success', 'Fiche de suivi effacée. Les activités restent comptées, de façon anonyme.')
    return reply.redirect('/activites/beneficiaires', 303)
  })

  // ——— Statistics ———
  const statistiques = { preHandler: exigerRole(...ROLES_STATISTIQUES) }

  function territoiresProposes(u: Utilisateur): OptionTerritoire[] {
    const o: OptionTerritoire[] = []
    for (const h of u.habilitations) {
      if (h.role === 'admin') {
        o.push({ valeur: 'national', libelle: 'France entière' })
        for (const r of REGIONS) o.push({ valeur: `region:${r.code}`, libelle: `Région ${r.nom}` })
        for (const d of DEPARTEMENTS)
          o.push({ valeur: `departement:${d.code}`, libelle: `${d.code} — ${d.nom}` })
      } else if (h.role === 'coordinateur') {
        o.push({
          valeur: `region:${h.portee.code}`,
          libelle: `Région ${region(h.portee.code)?.nom ?? h.portee.code}`,
        })
        for (const d of departementsDeRegion(h.portee.code))
          o.push({ valeur: `departement:${d.code}`, libelle: `${d.code} — ${d.nom}` })
      } else if (h.role === 'prefecture') {
        o.push({
          valeur: `departement:${h.portee.code}`,
          libelle: `${h.portee.code} — ${departement(h.portee.code)?.nom ?? ''}`,
        })
      } else if (h.role === 'gestionnaire') {
        o.push({ valeur: `structure:${h.portee.code}`, libelle: h.portee.libelle || 'Ma structure' })
      } else if (h.role === 'conseiller') {
        o.push({ valeur: `conseiller:${u.compteId}`, libelle: 'Mes activités' })
      }
    }
    return o.filter((x, i) => o.findIndex((y) => y.valeur === x.valeur) === i)
  }

  /** Territory and period asked for, checked against the caller's scopes (403 outside them). */
  async function lireDemande(
    request: FastifyRequest,
  ): Promise<
    | { ok: true; territoire: Territoire; filtre: Filtre; periode: Periode }
    | { ok: false; erreurs: Record<string, string>; territoire: Territoire; periode: Periode }
  > {
    const u = utilisateurConnecte(request)
    const q = request.query as Record<string, unknown>
    const defaut = territoireParDefaut(u.compteId, u.habilitations)
    if (!defaut) throw new AccesInterditError()
    const territoire =
      q.territoire === undefined || q.territoire === '' ? defaut : lireTerritoire(q.territoire)
    const p = lirePeriode(q.du, q.au, aujourdhui())
    const periodeDefaut = lirePeriode(undefined, undefined, aujourdhui())
    if (!territoire)
      return {
        ok: false,
        erreurs: { territoire: 'Territoire : choisissez dans la liste.' },
        territoire: defaut,
        periode: periodeDefaut.ok ? periodeDefaut.periode : { du: '2025-01', au: '2025-12' },
      }
    if (!p.ok)
      return {
        ok: false,
        erreurs: { [p.champ]: p.message },
        territoire,
        periode: periodeDefaut.ok ? periodeDefaut.periode : { du: '2025-01', au: '2025-12' },
      }
    const structure =
      territoire.type === 'structure'
        ? await deps.structures.territoireDeStructure(territoire.code)
        : undefined
    const gerees = u.habilitations.filter((h) => h.role === 'gestionnaire').map((h) => h.portee.code)
    const travaillees =
      territoire.type === 'conseiller' && territoire.code !== u.compteId
        ? await structuresDuConseiller(deps.db, territoire.code, gerees)
        : []
    const filtre = resoudre(u.compteId, u.habilitations, territoire, structure, travaillees)
    if (!filtre) throw new AccesInterditError()
    return { ok: true, territoire, filtre, periode: p.periode }
  }

  function titreTerritoire(t: Territoire, u: Utilisateur): string {
    switch (t.type) {
      case 'national':
        return 'Statistiques nationales'
      case 'region':
        return `Statistiques de la région ${region(t.code)?.nom ?? t.code}`
      case 'departement':
        return `Statistiques du département ${t.code} — ${departement(t.code)?.nom ?? ''}`
      case 'structure':
        return `Statistiques de la structure ${u.habilitations.find((h) => h.portee.code === t.code)?.portee.libelle ?? ''}`.trim()
      case 'conseiller':
        return t.code === u.compteId ? 'Mes statistiques' : 'Statistiques d’un conseiller'
    }
  }

  app.get('/activites/statistiques', statistiques, async (request, reply) => {
    const u = utilisateurConnecte(request)
    const d = await lireDemande(request)
    const stats = await lireStatistiques(
      d.ok ? d.filtre : { niveau: 'conseiller', conseillerId: '00000000-0000-0000-0000-000000000000' },
      d.periode,
    )
    const v = vueStatistiques(stats, false)
    const qs = new URLSearchParams({
      territoire: territoireTexte(d.territoire),
      du: d.periode.du,
      au: d.periode.au,
    }).toString()
    const titre = titreTerritoire(d.territoire, u)
    return reply.page(
      {
        titre,
        espace: 'pro',
        enErreur: !d.ok,
        ariane: [{ libelle: 'Statistiques' }],
        contenu: (
          <StatistiquesPage
            titre={titre}
            action="/activites/statistiques"
            territoires={territoiresProposes(u)}
            territoire={territoireTexte(d.territoire)}
            v={v}
            {...(d.ok
              ? {
                  exports: {
                    csv: `/activites/statistiques.csv?${qs}`,
                    xlsx: `/activites/statistiques.xlsx?${qs}`,
                  },
                }
              : { erreurs: d.erreurs })}
          />
        ),
      },
      d.ok ? 200 : 400,
    )
  })

  for (const format of ['csv', 'xlsx'] as const)
    app.get(`/activites/statistiques.${format}`, statistiques, async (request, reply) => {
      const u = utilisateurConnecte(request)
      const d = await lireDemande(request)
      if (!d.ok)
        return reply.status(400).type('text/plain; charset=utf-8').send(Object.values(d.erreurs).join(' '))
      const v = vueStatistiques(await lireStatistiques(d.filtre, d.periode), false)
      const nom = `statistiques-${territoireTexte(d.territoire).replace(':', '-')}-${d.periode.du}-${d.periode.au}`
      reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="${nom}.${format}"`)
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(statistiquesCsv(v))
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(await statistiquesXlsx(v, titreTerritoire(d.territoire, u)))
    })

  // ——— Public open data (fixed entry points) ———
  const territoiresPublics: OptionTerritoire[] = [
    { valeur: 'national', libelle: 'France entière' },
    ...REGIONS.map((r) => ({ valeur: `region:${r.code}`, libelle: `Région ${r.nom}` })),
    ...DEPARTEMENTS.map((d) => ({ valeur: `departement:${d.code}`, libelle: `${d.code} — ${d.nom}` })),
  ]

  function demandePublique(q: Record<string, unknown>) {
    const brut = q.territoire === undefined || q.territoire === '' ? 'national' : q.territoire
    const t = lireTerritoire(brut)
    const p = lirePeriode(q.du, q.au, aujourdhui())
    if (
      !t ||
      t.type === 'structure' ||
      t.type === 'conseiller' ||
      (t.type === 'region' && !region(t.code)) ||
      (t.type === 'departement' && !departement(t.code))
    )
      return {
        ok: false as const,
        champ: 'territoire',
        message: 'territoire : « national », « region:CODE » ou « departement:CODE » (code INSEE).',
      }
    if (!p.ok) return { ok: false as const, champ: p.champ, message: p.message }
    const filtre: Filtre = t.type === 'national' ? { niveau: 'national' } : { niveau: t.type, code: t.code }
    return { ok: true as const, territoire: t, filtre, periode: p.periode }
  }

  const libellePublic = (t: Territoire) =>
    t.type === 'national'
      ? 'France entière'
      : t.type === 'region'
        ? `région ${region(t.code)?.nom ?? t.code}`
        : `département ${t.code} — ${departement(t.code)?.nom ?? ''}`

  app.get('/statistiques', async (request, reply) => {
    const d = demandePublique(request.query as Record<string, unknown>)
    const defaut = lirePeriode(undefined, undefined, aujourdhui())
    const periode = d.ok ? d.periode : defaut.ok ? defaut.periode : { du: '2025-01', au: '2025-12' }
    const territoire: Territoire = d.ok ? d.territoire : { type: 'national' }
    const v = vueStatistiques(await lireStatistiques(d.ok ? d.filtre : { niveau: 'national' }, periode), true)
    const titre = `L’inclusion numérique en chiffres : ${libellePublic(territoire)}`
    return reply.header('cache-control', 'public, max-age=300').page(
      {
        titre: 'L’inclusion numérique en chiffres',
        enErreur: !d.ok,
        ariane: [{ libelle: 'Statistiques publiques' }],
        contenu: (
          <>
            <StatistiquesPage
              titre={titre}
              action="/statistiques"
              territoires={territoiresPublics}
              territoire={territoireTexte(territoire)}
              v={v}
              {...(d.ok ? {} : { erreurs: { [d.champ]: d.message } })}
            />
            <p class="fr-mt-4w">
              Données ouvertes sous licence Etalab 2.0 :{' '}
              <a href="/api/v1/statistiques">/api/v1/statistiques</a> (paramètres <code>territoire</code>,{' '}
              <code>du</code> et <code>au</code>).
            </p>
          </>
        ),
      },
      d.ok ? 200 : 400,
    )
  })

  app.get('/api/v1/statistiques', async (request, reply) => {
    const d = demandePublique(request.query as Record<string, unknown>)
    if (!d.ok) return reply.status(400).send({ erreur: d.message, champ: d.champ })
    const v = vueStatistiques(await lireStatistiques(d.filtre, d.periode), true)
    return reply.header('cache-control', 'public, max-age=300').send({
      territoire: territoireTexte(d.territoire),
      periode: d.periode,
      seuil_k_anonymat: SEUIL_K_ANONYMAT,
      note: `Les effectifs de 1 à ${SEUIL_K_ANONYMAT - 1} valent null (secret statistique), ainsi qu’une seconde case quand une seule serait masquée dans une répartition.`,
      totaux: Object.fromEntries(v.totaux.map((t, i) => [CLES_TOTAUX[i], t.valeur])),
      mois: v.serie,
      repartitions: Object.fromEntries(
        v.repartitions.map((r) => [
          r.dimension,
          r.cellules.map((c) => ({
            valeur: c.valeur,
            libelle: c.libelle,
            activites: c.activites,
            personnes: c.personnes,
            heures: c.heures,
          })),
        ]),
      ),
      departements: v.departements,
    })
  })
}

const CLES_TOTAUX = ['personnes', 'beneficiaires', 'accompagnements', 'ateliers', 'participants', 'heures']

/** Submitted values kept as typed (checkbox groups as lists), to show the form again. */
function valeursDeCorps(body: unknown): ValeursSaisie {
  const v: ValeursSaisie = {}
  if (body && typeof body === 'object')
    for (const [k, x] of Object.entries(body)) {
      if (k === '_csrf') continue
      if (typeof x === 'string') v[k] = x
      else if (Array.isArray(x)) v[k] = x.filter((y): y is string => typeof y === 'string')
    }
  return v
}
