import { and, count, countDistinct, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import QRCode from 'qrcode'
import { AccesInterditError, exigerRole, utilisateurConnecte } from '../../../platform/auth/utilisateur'
import { jetonAleatoire, sha256 } from '../../../platform/crypto'
import { REGIONS } from '../../../platform/geo/territoires'
import { lireFormulaire } from '../../../platform/http/formulaire'
import { Csrf, type ErreursFormulaire, Tableau } from '../../../platform/layout/components'
import { ajouterAuJournal, verifierJournal } from '../db/journal-repository'
import {
  type MandatComplet,
  mandatsDeLOrganisation,
  mandatsDeLUsager,
  trouverMandat,
  trouverMandatParHash,
  trouverOrganisation,
  trouverUsager,
  usagersDeLOrganisation,
} from '../db/mandats-repository'
import {
  connexionsFranceConnect,
  etatsAidant,
  habilitationsAidant,
  journal,
  mandats,
  organisations,
  regionsOuvertes,
  sessionsUsager,
  usagers,
} from '../db/schema'
import { hashSub } from '../domain/attestation'
import {
  DEMARCHES,
  type Demarche,
  type Duree,
  estDemarche,
  libelleDuree,
  titreDemarche,
} from '../domain/demarches'
import { messageErreur } from '../domain/erreurs'
import {
  ETAPES_HABILITATION,
  etapeDuChamp,
  NOMBRE_ETAPES_HABILITATION,
  STATUTS_AIDANT,
  type StatutAidant,
} from '../domain/habilitation'
import { LIBELLES_RUPTURE } from '../domain/journal'
import { statutMandat } from '../domain/mandat'
import { type ClientFranceConnect, creerClientFranceConnect, pkce } from '../oidc/client-franceconnect'
import { makeConsentementSms } from '../use-cases/consentement-sms'
import { makeCreerMandat, makeLireBrouillon, makePreparerBrouillon } from '../use-cases/creer-mandat'
import type { DepsAidants } from '../use-cases/deps'
import { makeHabilitation } from '../use-cases/habilitation'
import { makeRevoquer } from '../use-cases/revoquer-mandat'
import {
  makeNoterActivite,
  makeReauthentificationRequise,
  makeVerifierTotpAidant,
} from '../use-cases/totp-aidant'
import {
  AttestationPage,
  CodePage,
  EspaceAidantPage,
  EspaceUsagerPage,
  HabilitationPage,
  ListeMandats,
  NouveauMandatPage,
  PresentationPage,
  RecapitulatifPage,
  VerificationPage,
} from '../views/aidants.page'
import { attestationPdf } from '../views/attestation-pdf'
import {
  codeForm,
  demarchesAutoriseesForm,
  habilitationForm,
  nouveauMandatForm,
  recapitulatifForm,
  reglesStructure,
  telephoneForm,
} from './aidants.form'
import { formulairesVers } from './formulaires-vers'
import type { RegistreFournisseurs } from './oidc.routes'
import {
  organisationCourante,
  organisationDuReferent as organisationDuReferentDe,
  organisationsDeLAidant,
} from './organisation-courante'

const COOKIE_USAGER = 'escale_usager'
const DUREE_FC_MS = 5 * 60_000

/** Only local paths after re-authentication. */
const retourLocal = (r: string | undefined, defaut: string) =>
  r && /^\/(?!\/)[^\s\\]*$/.test(r) ? r : defaut

export async function aidantsRoutes(
  app: FastifyInstance,
  { deps, registre }: { deps: DepsAidants; registre: RegistreFournisseurs },
) {
  const creerMandat = makeCreerMandat(deps)
  const preparerBrouillon = makePreparerBrouillon(deps)
  const lireBrouillon = makeLireBrouillon(deps)
  const revoquer = makeRevoquer(deps)
  const verifierTotp = makeVerifierTotpAidant(deps)
  const reauthRequise = makeReauthentificationRequise(deps)
  const noterActivite = makeNoterActivite(deps)
  const exigerAidant = exigerRole('aidant')
  // Pages whose form is answered by a redirect to FranceConnect (another origin in production).
  const versFc = formulairesVers(deps).versFranceConnect
  const aidantVersFc = [exigerAidant, versFc]
  const habilitation = makeHabilitation(deps)
  const consentement = makeConsentementSms(deps)

  // FranceConnect client per origin (one in production; the simulator of the request's origin in demo).
  const clientsFc = new Map<string, Promise<ClientFranceConnect>>()
  const franceConnect = (request: FastifyRequest) => {
    const o = registre.origine(request)
    let c = clientsFc.get(o)
    if (!c) {
      c = creerClientFranceConnect({
        issuer: deps.franceConnect.issuer ?? `${o}/simulateurs/franceconnect`,
        clientId: deps.franceConnect.clientId,
        clientSecret: deps.franceConnect.clientSecret,
        http: deps.simulateurs,
      })
      clientsFc.set(o, c)
      c.catch(() => clientsFc.delete(o))
    }
    return c
  }

  const versFranceConnect = async (
    request: FastifyRequest,
    reply: FastifyReply,
    usage: 'mandat' | 'espace_usager',
    extra: { aidantId?: string; organisationId?: string; projet?: { demarches: string[]; duree: string } },
  ) => {
    const fc = await franceConnect(request)
    const state = pkce.aleatoire()
    const nonce = pkce.aleatoire()
    const verifier = pkce.verifier()
    await deps.db.insert(connexionsFranceConnect).values({
      state,
      nonce,
      verifier,
      usage,
      aidantId: extra.aidantId ?? null,
      organisationId: extra.organisationId ?? null,
      projet: extra.projet ?? null,
      expireLe: new Date(deps.horloge().getTime() + DUREE_FC_MS),
    })
    const retour = usage === 'mandat' ? '/aidants/franceconnect/retour' : '/mes-mandats/retour'
    return reply.redirect(
      fc.urlAutorisation({
        redirectUri: `${registre.origine(request)}${retour}`,
        state,
        nonce,
        codeChallenge: await pkce.challenge(verifier),
      }),
      303,
    )
  }

  /** Completes a FranceConnect login: state looked up (single use, 5 min), tokens verified, usager upserted. */
  const retourFranceConnect = async (request: FastifyRequest, usage: 'mandat' | 'espace_usager') => {
    const url = new URL(request.url, registre.origine(request))
    const state = url.searchParams.get('state') ?? ''
    const [connexion] = await deps.db
      .delete(connexionsFranceConnect)
      .where(and(eq(connexionsFranceConnect.state, state), eq(connexionsFranceConnect.usage, usage)))
      .returning()
    if (!connexion || connexion.expireLe <= deps.horloge()) return undefined
    if (url.searchParams.get('error')) return undefined
    const fc = await franceConnect(request)
    const { identite } = await fc.echanger({
      urlRetour: url,
      state,
      nonce: connexion.nonce,
      verifier: connexion.verifier,
    })
    const subHash = hashSub(deps.secret, identite.sub)
    const champs = {
      prenoms: identite.given_name,
      nom: identite.family_name,
      dateNaissance: identite.birthdate,
      genre: identite.gender,
      lieuNaissance: identite.birthplace,
      paysNaissance: identite.birthcountry,
      email: identite.email,
      pseudonymiseLe: null,
    }
    const [usager] = await deps.db
      .insert(usagers)
      .values({ subHash, ...champs })
      .onConflictDoUpdate({ target: usagers.subHash, set: champs })
      .returning()
    if (!usager) return undefined
    await ajouterAuJournal(deps.db, deps.secret, {
      action: 'franceconnect_usager',
      le: deps.horloge(),
      aidantId: connexion.aidantId,
      organisationId: connexion.organisationId,
      usagerId: usager.id,
      details: { usage },
    })
    return { connexion, usager }
  }

  const exigerPresence = async (request: FastifyRequest, reply: FastifyReply) => {
    const u = utilisateurConnecte(request)
    if (await reauthRequise(u.compteId, u.dernierFacteurLe)) {
      const retour = request.method === 'GET' ? request.url : '/aidants/espace'
      reply.redirect(`/aidants/reauthentification?retour=${encodeURIComponent(retour)}`, 303)
      return false
    }
    return true
  }

  // ——— Public ———
  app.get('/aidants', async (_request, reply) => {
    const s = await statistiquesPubliques(deps)
    return reply.page({
      titre: 'Aidants Connect',
      ariane: [{ libelle: 'Aidants Connect' }],
      contenu: PresentationPage({ statistiques: s }),
    })
  })

  app.get<{ Params: { hash: string } }>('/aidants/verifier/:hash', async (request, reply) => {
    const hash = request.params.hash
    const m = /^[0-9a-f]{64}$/.test(hash) ? await trouverMandatParHash(deps.db, hash) : undefined
    const o = m ? await trouverOrganisation(deps.db, m.organisationId) : undefined
    return reply.page(
      {
        titre: 'Vérifier une attestation',
        contenu: VerificationPage(
          m
            ? {
                trouve: true,
                nature: m.hashRevocation === hash ? 'revocation' : 'mandat',
                statut: statutMandat(m, deps.horloge()),
                organisation: o?.nom ?? '',
                creeLe: m.creeLe,
                expireLe: m.expireLe,
              }
            : { trouve: false },
        ),
      },
      m ? 200 : 404,
    )
  })

  app.get('/aidants/statistiques', async (_request, reply) => {
    const s = await statistiquesPubliques(deps)
    const parDomaine = await deps.db
      .select({ demarche: journal.demarche, n: count() })
      .from(journal)
      .where(eq(journal.action, 'utilisation_autorisation'))
      .groupBy(journal.demarche)
    const parDepartement = await deps.db
      .select({ departement: organisations.codeDepartement, n: count(mandats.id) })
      .from(mandats)
      .innerJoin(organisations, eq(organisations.id, mandats.organisationId))
      .groupBy(organisations.codeDepartement)
      .orderBy(organisations.codeDepartement)
    const demarchesParDepartement = await deps.db
      .select({ departement: organisations.codeDepartement, n: count() })
      .from(journal)
      .innerJoin(organisations, eq(organisations.id, journal.organisationId))
      .where(eq(journal.action, 'utilisation_autorisation'))
      .groupBy(organisations.codeDepartement)
    const departements = [
      ...new Set([...parDepartement, ...demarchesParDepartement].map((x) => x.departement)),
    ].sort()
    return reply.page({
      titre: 'Aidants Connect en chiffres',
      ariane: [{ libelle: 'Aidants Connect', href: '/aidants' }, { libelle: 'Chiffres' }],
      contenu: (
        <>
          <h1>Aidants Connect en chiffres</h1>
          <ul>
            <li safe>{`${s.aidants} aidants habilités`}</li>
            <li safe>{`${s.organisations} structures habilitées`}</li>
            <li safe>{`${s.mandats} mandats créés`}</li>
          </ul>
          <Tableau
            legende="Démarches réalisées par domaine"
            entetes={['Domaine', 'Démarches réalisées']}
            lignes={DEMARCHES.map((d) => [
              <span>{d.titre}</span>,
              <span safe>{String(parDomaine.find((x) => x.demarche === d.cle)?.n ?? 0)}</span>,
            ])}
          />
          <Tableau
            legende="Par département : mandats créés et démarches réalisées"
            entetes={['Département', 'Mandats créés', 'Démarches réalisées']}
            lignes={departements.map((d) => [
              <span safe>{d}</span>,
              <span safe>{String(parDepartement.find((x) => x.departement === d)?.n ?? 0)}</span>,
              <span safe>{String(demarchesParDepartement.find((x) => x.departement === d)?.n ?? 0)}</span>,
            ])}
          />
        </>
      ),
    })
  })

  app.get(
    '/api/v1/aidants/organisations',
    { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } },
    async () => {
      const lignes = await deps.db
        .select({
          id: organisations.id,
          nom: organisations.nom,
          siret: organisations.siret,
          type: organisations.type,
          codeCommune: organisations.codeCommune,
          codeDepartement: organisations.codeDepartement,
          codeRegion: organisations.codeRegion,
          numeroFranceServices: organisations.numeroFranceServices,
        })
        .from(organisations)
        .where(eq(organisations.active, true))
        .orderBy(organisations.codeDepartement, organisations.nom)
      return { organisations: lignes }
    },
  )

  // ——— Habilitation request ———
  const regionsPourFormulaire = async () => {
    const ouvertes = (await deps.db.select().from(regionsOuvertes)).map((r) => r.codeRegion)
    return REGIONS.map((r) => ({ code: r.code, nom: r.nom, ouverte: ouvertes.includes(r.code) }))
  }
  const pageHabilitation = (
    reply: FastifyReply,
    o: {
      etape: number
      regions: Awaited<ReturnType<typeof regionsPourFormulaire>>
      valeurs?: Record<string, string>
      erreurs?: ErreursFormulaire
    },
  ) =>
    reply.page(
      (ctx) => ({
        titre: `Demander l’habilitation — étape ${o.etape} sur ${NOMBRE_ETAPES_HABILITATION}`,
        ariane: [{ libelle: 'Aidants Connect', href: '/aidants' }, { libelle: 'Habilitation' }],
        enErreur: !!o.erreurs,
        contenu: HabilitationPage({ csrf: ctx.csrf, ...o }),
      }),
      o.erreurs ? 400 : 200,
    )
  app.get('/aidants/habilitation', async (_request, reply) =>
    pageHabilitation(reply, { etape: 1, regions: await regionsPourFormulaire() }),
  )
  app.post(
    '/aidants/habilitation',
    { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const corps = (request.body ?? {}) as Record<string, unknown>
      // Only the form's own fields travel on (and come back as hidden fields).
      const connus = new Set<string>(ETAPES_HABILITATION.flatMap((e) => e.champs))
      const valeurs = Object.fromEntries(
        Object.entries(corps).filter(
          (e): e is [string, string] => connus.has(e[0]) && typeof e[1] === 'string' && e[1].length <= 20_000,
        ),
      )
      const entier = (x: unknown) => (typeof x === 'string' && /^[1-9]$/.test(x) ? Number(x) : undefined)
      // Without a step (an old form, a script), the post is the whole request at once.
      const etape = Math.min(entier(corps.etape) ?? NOMBRE_ETAPES_HABILITATION, NOMBRE_ETAPES_HABILITATION)
      const regions = await regionsPourFormulaire()
      const aller = entier(corps.aller)
      if (aller !== undefined && aller < etape)
        return pageHabilitation(reply, { etape: aller, regions, valeurs })

      const f = lireFormulaire(habilitationForm, corps)
      const erreurs: ErreursFormulaire = { ...reglesStructure(corps), ...(f.ok ? {} : f.erreurs) }
      if (!erreurs.region && !regions.some((r) => r.code === corps.region))
        erreurs.region = 'Région : choisissez une région.'
      // Errors of the steps already passed or current; those of later steps wait for their step.
      const etapesEnCause = Object.keys(erreurs)
        .map((champ) => etapeDuChamp(champ) || NOMBRE_ETAPES_HABILITATION)
        .filter((n) => n <= etape)
      if (etapesEnCause.length > 0) {
        const n = Math.min(...etapesEnCause)
        // In the order of the fields on the page, for the error summary.
        const ordre: readonly string[] = ETAPES_HABILITATION[n - 1]?.champs ?? []
        const aMontrer = Object.fromEntries(
          Object.entries(erreurs)
            .filter(([champ]) => (etapeDuChamp(champ) || NOMBRE_ETAPES_HABILITATION) === n)
            .sort(([a], [b]) => ordre.indexOf(a) - ordre.indexOf(b)),
        )
        return pageHabilitation(reply, { etape: n, regions, valeurs, erreurs: aMontrer })
      }
      if (etape < NOMBRE_ETAPES_HABILITATION)
        return pageHabilitation(reply, { etape: etape + 1, regions, valeurs })
      if (!f.ok) return pageHabilitation(reply, { etape, regions, valeurs, erreurs: f.erreurs })
      // A draft until the requester confirms the address from the e-mailed link (habilitation.routes).
      await habilitation.deposer(f.donnees)
      return reply.redirect('/aidants/habilitation/envoyee', 303)
    },
  )

  // ——— Aidant space ———
  app.get('/aidants/espace', { preHandler: exigerAidant }, async (request, reply) => {
    const organisation = await organisationCourante(deps, request)
    const ids = organisationsDeLAidant(request)
    const orgs = (await deps.db.select().from(organisations).where(inArray(organisations.id, ids))).map(
      (o) => ({ id: o.id, nom: o.nom }),
    )
    const liste = await usagersDeLOrganisation(deps.db, organisation.id, deps.horloge())
    return reply.page((ctx) => ({
      titre: 'Mes usagers',
      espace: 'pro',
      contenu: EspaceAidantPage({ csrf: ctx.csrf, organisation, organisations: orgs, usagers: liste }),
    }))
  })

  app.post<{ Body: { organisation?: unknown } }>(
    '/aidants/organisation-courante',
    { preHandler: exigerAidant },
    async (request, reply) => {
      const u = utilisateurConnecte(request)
      const choisie = typeof request.body?.organisation === 'string' ? request.body.organisation : ''
      if (!organisationsDeLAidant(request).includes(choisie)) throw new AccesInterditError()
      await deps.db
        .insert(etatsAidant)
        .values({ compteId: u.compteId, organisationCourante: choisie })
        .onConflictDoUpdate({ target: etatsAidant.compteId, set: { organisationCourante: choisie } })
      await ajouterAuJournal(deps.db, deps.secret, {
        action: 'changement_organisation',
        le: deps.horloge(),
        aidantId: u.compteId,
        organisationId: choisie,
      })
      return reply.redirect('/aidants/espace', 303)
    },
  )

  app.get<{ Params: { id: string } }>(
    '/aidants/usagers/:id',
    { preHandler: exigerAidant },
    async (request, reply) => {
      if (!(await exigerPresence(request, reply))) return reply
      const organisation = await organisationCourante(deps, request)
      const usager = await trouverUsager(deps.db, request.params.id)
      const liste = usager ? await mandatsDeLOrganisation(deps.db, organisation.id, usager.id) : []
      // Scope: a usager without a mandate in the aidant's organisation does not exist for this aidant.
      if (!usager || liste.length === 0 || usager.pseudonymiseLe) return reply.callNotFound()
      const maintenant = deps.horloge()
      return reply.page((ctx) => ({
        titre: `${usager.prenoms} ${usager.nom}`,
        espace: 'pro',
        ariane: [
          { libelle: 'Mes usagers', href: '/aidants/espace' },
          { libelle: `${usager.prenoms} ${usager.nom}` },
        ],
        contenu: (
          <>
            <h1 safe>{`${usager.prenoms} ${usager.nom}`}</h1>
            <p safe>{`Né·e le ${usager.dateNaissance}`}</p>
            <h2>Mandats avec la structure</h2>
            <ListeMandats
              csrf={ctx.csrf}
              mandats={liste}
              statut={(m) => statutMandat(m, maintenant)}
              actions="aidant"
            />
          </>
        ),
      }))
    },
  )

  app.get('/aidants/mandats/nouveau', { preHandler: aidantVersFc }, async (request, reply) => {
    if (!(await exigerPresence(request, reply))) return reply
    const organisation = await organisationCourante(deps, request)
    return reply.page((ctx) => ({
      titre: 'Créer un mandat',
      espace: 'pro',
      ariane: [{ libelle: 'Mes usagers', href: '/aidants/espace' }, { libelle: 'Créer un mandat' }],
      contenu: NouveauMandatPage({
        csrf: ctx.csrf,
        organisation: organisation.nom,
        autorisees: organisation.demarchesAutorisees.filter(estDemarche),
      }),
    }))
  })

  app.post('/aidants/mandats/nouveau', { preHandler: aidantVersFc }, async (request, reply) => {
    const u = utilisateurConnecte(request)
    const organisation = await organisationCourante(deps, request)
    const autorisees = organisation.demarchesAutorisees.filter(estDemarche)
    const f = lireFormulaire(nouveauMandatForm, request.body)
    const horsPerimetre = f.ok && f.donnees.demarches.some((d) => !autorisees.includes(d as Demarche))
    if (!f.ok || horsPerimetre) {
      const body = (request.body ?? {}) as Record<string, unknown>
      const demarches = ([] as unknown[])
        .concat(body.demarches ?? [])
        .filter((x): x is string => typeof x === 'string')
      return reply.page(
        (ctx) => ({
          titre: 'Créer un mandat',
          espace: 'pro',
          enErreur: true,
          contenu: NouveauMandatPage({
            csrf: ctx.csrf,
            organisation: organisation.nom,
            autorisees,
            erreurs: f.ok
              ? { demarches: 'Démarches : une démarche n’est pas autorisée dans la structure.' }
              : f.erreurs,
            valeurs: { demarches, duree: typeof body.duree === 'string' ? body.duree : '' },
          }),
        }),
        400,
      )
    }
    return versFranceConnect(request, reply, 'mandat', {
      aidantId: u.compteId,
      organisationId: organisation.id,
      projet: { demarches: f.donnees.demarches, duree: f.donnees.duree },
    })
  })

  app.get('/aidants/franceconnect/retour', { preHandler: exigerAidant }, async (request, reply) => {
    const u = utilisateurConnecte(request)
    const r = await retourFranceConnect(request, 'mandat')
    if (!r || r.connexion.aidantId !== u.compteId || !r.connexion.organisationId || !r.connexion.projet) {
      reply.flash(
        'error',
        'L’identification FranceConnect n’a pas abouti ou a expiré (5 minutes). Recommencez.',
      )
      return reply.redirect('/aidants/mandats/nouveau', 303)
    }
    const id = await preparerBrouillon({
      aidantId: u.compteId,
      organisationId: r.connexion.organisationId,
      usagerId: r.usager.id,
      demarches: r.connexion.projet.demarches.filter(estDemarche),
      duree: r.connexion.projet.duree as Duree,
    })
    return reply.redirect(`/aidants/mandats/recapitulatif/${id}`, 303)
  })

  const pageRecap = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    erreurs?: Record<string, string>,
  ) => {
    const u = utilisateurConnecte(request)
    const projet = await lireBrouillon(id, u.compteId)
    const organisation = await organisationCourante(deps, request)
    if (!projet || projet.organisationId !== organisation.id) return reply.callNotFound()
    const usager = await trouverUsager(deps.db, projet.usagerId)
    if (!usager) return reply.callNotFound()
    const sms = await consentement.dernier(id)
    const maintenant = deps.horloge()
    return reply.page(
      (ctx) => ({
        titre: 'Récapitulatif du mandat',
        espace: 'pro',
        enErreur: !!erreurs,
        contenu: RecapitulatifPage({
          csrf: ctx.csrf,
          id,
          organisation: organisation.nom,
          usager,
          demarches: projet.demarches,
          duree: libelleDuree(projet.duree),
          renouvellement: !!projet.renouvellementDe,
          consentementSms: !sms
            ? 'aucun'
            : sms.accepteLe
              ? 'accepte'
              : sms.refuseLe
                ? 'refuse'
                : sms.expireLe <= maintenant
                  ? 'expire'
                  : 'attente',
          ...(erreurs ? { erreurs } : {}),
        }),
      }),
      erreurs ? 400 : 200,
    )
  }
  app.get<{ Params: { id: string } }>(
    '/aidants/mandats/recapitulatif/:id',
    { preHandler: exigerAidant },
    (request, reply) => pageRecap(request, reply, request.params.id),
  )
  app.post<{ Params: { id: string } }>(
    '/aidants/mandats/recapitulatif/:id',
    { preHandler: exigerAidant, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const u = utilisateurConnecte(request)
      const f = lireFormulaire(recapitulatifForm, request.body)
      if (!f.ok) return pageRecap(request, reply, request.params.id, f.erreurs as Record<string, string>)
      const projet = await lireBrouillon(request.params.id, u.compteId)
      const organisation = await organisationCourante(deps, request)
      if (!projet || projet.organisationId !== organisation.id) return reply.callNotFound()
      const sms = await consentement.dernier(request.params.id)
      const r = await creerMandat({
        brouillonId: request.params.id,
        projet,
        codeTotp: f.donnees.code,
        consentement: true,
        modeConsentement: sms?.accepteLe ? 'sms' : 'sur_place',
      })
      if (!r.ok) {
        const champ =
          r.error.code === 'CODE_TOTP_INVALIDE'
            ? 'code'
            : r.error.code === 'CONSENTEMENT_MANQUANT'
              ? 'consentement'
              : 'formulaire'
        return pageRecap(request, reply, request.params.id, { [champ]: messageErreur(r.error) })
      }
      reply.flash('success', 'Mandat signé. Imprimez l’attestation et faites-la signer par l’usager.')
      return reply.redirect(`/aidants/mandats/${r.value.mandatId}/attestation`, 303)
    },
  )

  app.post<{ Params: { id: string } }>(
    '/aidants/mandats/recapitulatif/:id/sms',
    { preHandler: exigerAidant, config: { rateLimit: { max: 5, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const u = utilisateurConnecte(request)
      const projet = await lireBrouillon(request.params.id, u.compteId)
      const organisation = await organisationCourante(deps, request)
      if (!projet || projet.organisationId !== organisation.id) return reply.callNotFound()
      const f = lireFormulaire(telephoneForm, request.body)
      if (!f.ok) return pageRecap(request, reply, request.params.id, f.erreurs as Record<string, string>)
      await consentement.demander({
        brouillonId: request.params.id,
        aidantId: u.compteId,
        organisationId: organisation.id,
        organisationNom: organisation.nom,
        telephone: f.donnees.telephone,
      })
      reply.flash('info', 'SMS envoyé. Quand l’usager aura répondu, actualisez cette page.')
      return reply.redirect(`/aidants/mandats/recapitulatif/${request.params.id}`, 303)
    },
  )

  const mandatDeLAidant = async (request: FastifyRequest, id: string) => {
    const organisation = await organisationCourante(deps, request)
    const m = await trouverMandat(deps.db, id)
    return m && m.organisationId === organisation.id ? { m, organisation } : undefined
  }

  /** What both renderings of an attestation (page and PDF) need; the revocation one only once revoked. */
  const attestation = async (
    request: FastifyRequest,
    m: MandatComplet,
    organisation: { nom: string },
    revocationDemandee: boolean,
  ) => {
    const revocation = revocationDemandee && !!m.hashRevocation
    const hash = revocation && m.hashRevocation ? m.hashRevocation : m.hashAttestation
    const usager = await trouverUsager(deps.db, m.usagerId)
    return {
      nature: revocation ? ('revocation' as const) : ('mandat' as const),
      organisation: organisation.nom,
      usager: usager && !usager.pseudonymiseLe ? `${usager.prenoms} ${usager.nom}` : '',
      demarches: m.autorisations.map((a) => a.demarche),
      duree: m.duree,
      creeLe: m.creeLe,
      expireLe: m.expireLe,
      revoqueLe: m.revoqueLe,
      versionTexte: m.versionTexte,
      hash,
      urlVerification: `${registre.origine(request)}/aidants/verifier/${hash}`,
    }
  }
  const envoyerPdf = async (reply: FastifyReply, a: Awaited<ReturnType<typeof attestation>>) => {
    const pdf = attestationPdf(a)
    return reply
      .header('content-type', 'application/pdf')
      .header(
        'content-disposition',
        `inline; filename="attestation-${a.nature === 'mandat' ? 'mandat' : 'revocation'}-${a.hash.slice(0, 12)}.pdf"`,
      )
      .header('cache-control', 'private, no-store')
      .send(pdf)
  }

  app.get<{ Params: { id: string }; Querystring: { revocation?: string } }>(
    '/aidants/mandats/:id/attestation',
    { preHandler: exigerAidant },
    async (request, reply) => {
      const t = await mandatDeLAidant(request, request.params.id)
      if (!t) return reply.callNotFound()
      const a = await attestation(request, t.m, t.organisation, request.query.revocation === '1')
      const qrSvg = await QRCode.toDataURL(a.urlVerification, { margin: 1, width: 160 })
      return reply.page({
        titre: a.nature === 'revocation' ? 'Attestation de révocation' : 'Attestation de mandat',
        espace: 'pro',
        contenu: AttestationPage({
          ...a,
          qrSvg,
          urlPdf: `/aidants/mandats/${t.m.id}/attestation.pdf${a.nature === 'revocation' ? '?revocation=1' : ''}`,
        }),
      })
    },
  )

  app.get<{ Params: { id: string }; Querystring: { revocation?: string } }>(
    '/aidants/mandats/:id/attestation.pdf',
    { preHandler: exigerAidant },
    async (request, reply) => {
      const t = await mandatDeLAidant(request, request.params.id)
      if (!t) return reply.callNotFound()
      return envoyerPdf(
        reply,
        await attestation(request, t.m, t.organisation, request.query.revocation === '1'),
      )
    },
  )

  app.post<{ Params: { id: string }; Body: { autorisation?: unknown } }>(
    '/aidants/mandats/:id/revoquer',
    { preHandler: exigerAidant },
    async (request, reply) => {
      if (!(await exigerPresence(request, reply))) return reply
      const u = utilisateurConnecte(request)
      const organisation = await organisationCourante(deps, request)
      const autorisationId =
        typeof request.body?.autorisation === 'string' ? request.body.autorisation : undefined
      const r = await revoquer({
        mandatId: request.params.id,
        ...(autorisationId ? { autorisationId } : {}),
        par: { type: 'aidant', compteId: u.compteId, organisationId: organisation.id },
      })
      if (!r.ok) {
        if (r.error.code === 'MANDAT_INTROUVABLE') return reply.callNotFound()
        reply.flash('error', messageErreur(r.error))
        return reply.redirect('/aidants/espace', 303)
      }
      await noterActivite(u.compteId)
      reply.flash(
        'success',
        autorisationId ? 'Démarche révoquée.' : 'Mandat révoqué. L’attestation de révocation est disponible.',
      )
      return reply.redirect(
        r.value.hashRevocation
          ? `/aidants/mandats/${request.params.id}/attestation?revocation=1`
          : '/aidants/espace',
        303,
      )
    },
  )

  app.post<{ Params: { id: string } }>(
    '/aidants/mandats/:id/renouveler',
    { preHandler: exigerAidant },
    async (request, reply) => {
      if (!(await exigerPresence(request, reply))) return reply
      const u = utilisateurConnecte(request)
      const t = await mandatDeLAidant(request, request.params.id)
      if (!t) return reply.callNotFound()
      const { demarchesARenouveler } = await import('../domain/mandat')
      const demarches = demarchesARenouveler(t.m, deps.horloge()).filter((d) =>
        t.organisation.demarchesAutorisees.includes(d),
      )
      if (demarches.length === 0) {
        reply.flash('error', messageErreur({ code: 'NON_RENOUVELABLE' }))
        return reply.redirect('/aidants/espace', 303)
      }
      // Renewal without a new FranceConnect login: the usager is already identified by the mandate.
      const id = await preparerBrouillon({
        aidantId: u.compteId,
        organisationId: t.organisation.id,
        usagerId: t.m.usagerId,
        demarches,
        duree: t.m.duree,
        renouvellementDe: t.m.id,
      })
      await ajouterAuJournal(deps.db, deps.secret, {
        action: 'debut_renouvellement',
        le: deps.horloge(),
        aidantId: u.compteId,
        organisationId: t.organisation.id,
        usagerId: t.m.usagerId,
        mandatId: t.m.id,
      })
      return reply.redirect(`/aidants/mandats/recapitulatif/${id}`, 303)
    },
  )

  // ——— Re-authentication ———
  app.get<{ Querystring: { retour?: string } }>(
    '/aidants/reauthentification',
    { preHandler: exigerAidant },
    async (request, reply) =>
      reply.page((ctx) => ({
        titre: 'Confirmer votre présence',
        espace: 'pro',
        contenu: CodePage({
          csrf: ctx.csrf,
          action: `/aidants/reauthentification?retour=${encodeURIComponent(retourLocal(request.query.retour, '/aidants/espace'))}`,
          titre: 'Confirmer votre présence',
          texte: 'Vous n’avez rien fait depuis plus de 15 minutes. Saisissez votre code pour continuer.',
        }),
      })),
  )
  app.post<{ Querystring: { retour?: string } }>(
    '/aidants/reauthentification',
    { preHandler: exigerAidant, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const u = utilisateurConnecte(request)
      const retour = retourLocal(request.query.retour, '/aidants/espace')
      const f = lireFormulaire(codeForm, request.body)
      if (!f.ok || !(await verifierTotp(u.compteId, f.donnees.code)))
        return reply.page(
          (ctx) => ({
            titre: 'Confirmer votre présence',
            espace: 'pro',
            enErreur: true,
            contenu: CodePage({
              csrf: ctx.csrf,
              action: `/aidants/reauthentification?retour=${encodeURIComponent(retour)}`,
              titre: 'Confirmer votre présence',
              texte: 'Saisissez le code à 6 chiffres de votre carte ou application.',
              erreur: 'Code : code incorrect ou déjà utilisé.',
            }),
          }),
          400,
        )
      await ajouterAuJournal(deps.db, deps.secret, {
        action: 'reauthentification_aidant',
        le: deps.horloge(),
        aidantId: u.compteId,
      })
      return reply.redirect(retour, 303)
    },
  )

  // ——— Usager space ———
  const usagerConnecte = async (request: FastifyRequest) => {
    const brut = request.cookies[COOKIE_USAGER]
    const lu = brut ? request.unsignCookie(brut) : undefined
    if (!lu?.valid || !lu.value) return undefined
    const [s] = await deps.db
      .select()
      .from(sessionsUsager)
      .where(eq(sessionsUsager.jetonHash, sha256(lu.value)))
    if (!s || s.expireLe <= deps.horloge()) return undefined
    return trouverUsager(deps.db, s.usagerId)
  }
  app.get('/mes-mandats', { preHandler: versFc }, async (request, reply) => {
    const usager = await usagerConnecte(request)
    if (!usager)
      return reply.page((ctx) => ({
        titre: 'Mes mandats',
        contenu: EspaceUsagerPage({ connecte: false, csrf: ctx.csrf }),
      }))
    const liste = await mandatsDeLUsager(deps.db, usager.id)
    const maintenant = deps.horloge()
    const orgs = liste.length
      ? await deps.db
          .select()
          .from(organisations)
          .where(inArray(organisations.id, [...new Set(liste.map((m) => m.organisationId))]))
      : []
    const usages = await deps.db
      .select()
      .from(journal)
      .where(and(eq(journal.usagerId, usager.id), eq(journal.action, 'utilisation_autorisation')))
    const utilisations = new Map<string, { le: Date; demarche: string | null; aidant: string }[]>()
    for (const e of usages) {
      if (!e.mandatId) continue
      const compte = e.aidantId ? await deps.comptes.trouver(e.aidantId) : undefined
      const l = utilisations.get(e.mandatId) ?? []
      l.push({ le: e.le, demarche: e.demarche, aidant: compte ? `${compte.prenom} ${compte.nom}` : 'Aidant' })
      utilisations.set(e.mandatId, l)
    }
    return reply.page((ctx) => ({
      titre: 'Mes mandats',
      contenu: EspaceUsagerPage({
        connecte: true,
        csrf: ctx.csrf,
        nom: `${usager.prenoms} ${usager.nom}`,
        children: (
          <>
            {orgs.map((o) => (
              <section>
                <h2 safe>{o.nom}</h2>
                <ListeMandats
                  csrf={ctx.csrf}
                  mandats={liste.filter((m) => m.organisationId === o.id)}
                  statut={(m) => statutMandat(m, maintenant)}
                  actions="usager"
                  utilisations={utilisations}
                />
              </section>
            ))}
            {orgs.length === 0 ? <p>Vous n’avez donné aucun mandat.</p> : ''}
          </>
        ),
      }),
    }))
  })
  app.post(
    '/mes-mandats/connexion',
    { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    (request, reply) => versFranceConnect(request, reply, 'espace_usager', {}),
  )
  app.get('/mes-mandats/retour', async (request, reply) => {
    const r = await retourFranceConnect(request, 'espace_usager')
    if (!r) {
      reply.flash('error', 'L’identification FranceConnect n’a pas abouti. Recommencez.')
      return reply.redirect('/mes-mandats', 303)
    }
    const jeton = jetonAleatoire()
    await deps.db.insert(sessionsUsager).values({
      jetonHash: sha256(jeton),
      usagerId: r.usager.id,
      expireLe: new Date(deps.horloge().getTime() + 30 * 60_000),
    })
    reply.setCookie(COOKIE_USAGER, jeton, {
      signed: true,
      httpOnly: true,
      sameSite: 'lax',
      path: '/mes-mandats',
      maxAge: 1800,
    })
    return reply.redirect('/mes-mandats', 303)
  })
  app.post<{ Params: { id: string }; Body: { autorisation?: unknown } }>(
    '/mes-mandats/:id/revoquer',
    async (request, reply) => {
      const usager = await usagerConnecte(request)
      if (!usager) return reply.redirect('/mes-mandats', 303)
      const autorisationId =
        typeof request.body?.autorisation === 'string' ? request.body.autorisation : undefined
      const r = await revoquer({
        mandatId: request.params.id,
        ...(autorisationId ? { autorisationId } : {}),
        par: { type: 'usager', usagerId: usager.id },
      })
      if (!r.ok && r.error.code === 'MANDAT_INTROUVABLE') return reply.callNotFound()
      reply.flash(r.ok ? 'success' : 'error', r.ok ? 'Votre mandat est révoqué.' : messageErreur(r.error))
      return reply.redirect('/mes-mandats', 303)
    },
  )
  app.get<{ Params: { id: string }; Querystring: { revocation?: string } }>(
    '/mes-mandats/:id/attestation.pdf',
    async (request, reply) => {
      const usager = await usagerConnecte(request)
      if (!usager) return reply.redirect('/mes-mandats', 303)
      const m = await trouverMandat(deps.db, request.params.id)
      // Scope: only the usager's own mandates.
      if (!m || m.usagerId !== usager.id) return reply.callNotFound()
      const o = await trouverOrganisation(deps.db, m.organisationId)
      return envoyerPdf(
        reply,
        await attestation(request, m, { nom: o?.nom ?? '' }, request.query.revocation === '1'),
      )
    },
  )
  app.post('/mes-mandats/deconnexion', async (request, reply) => {
    const brut = request.cookies[COOKIE_USAGER]
    const lu = brut ? request.unsignCookie(brut) : undefined
    if (lu?.valid && lu.value)
      await deps.db.delete(sessionsUsager).where(eq(sessionsUsager.jetonHash, sha256(lu.value)))
    reply.clearCookie(COOKIE_USAGER, { path: '/mes-mandats' })
    return reply.redirect('/mes-mandats', 303)
  })

  // ——— Référent space ———
  const exigerReferent = exigerRole('referent')
  const organisationDuReferent = (request: FastifyRequest) => organisationDuReferentDe(deps, request)
  app.get('/aidants/referent', { preHandler: exigerReferent }, async (request, reply) => {
    const o = await organisationDuReferent(request)
    const aidantsListe = await deps.db
      .select()
      .from(habilitationsAidant)
      .where(and(eq(habilitationsAidant.organisationId, o.id), isNull(habilitationsAidant.retireLe)))
    const maintenant = deps.horloge()
    const [chiffres] = await deps.db
      .select({
        mandats: count(mandats.id),
        usagers: countDistinct(mandats.usagerId),
        actifs: sql<number>`count(*) filter (where ${mandats.revoqueLe} is null and ${mandats.expireLe} > ${maintenant})`,
      })
      .from(mandats)
      .where(eq(mandats.organisationId, o.id))
    const aidantsActifs = aidantsListe.filter((a) => a.statut === 'active').length
    return reply.page((ctx) => ({
      titre: 'Espace référent',
      espace: 'pro',
      contenu: (
        <>
          <h1 safe>{`Espace référent — ${o.nom}`}</h1>
          <ul>
            <li safe>{`${aidantsActifs} aidant(s) en activité sur ${aidantsListe.length}`}</li>
            <li safe>{`${Number(chiffres?.actifs ?? 0)} mandat(s) en cours`}</li>
            <li safe>{`${chiffres?.mandats ?? 0} mandat(s) créé(s) en tout`}</li>
            <li safe>{`${chiffres?.usagers ?? 0} usager(s) accompagné(s)`}</li>
          </ul>
          <h2>Aidants</h2>
          <Tableau
            legende="Aidants de la structure"
            entetes={['Nom', 'E-mail', 'Statut']}
            lignes={aidantsListe.map((a) => [
              <a href={`/aidants/referent/aidants/${a.id}`} safe>{`${a.prenom} ${a.nom}`}</a>,
              <span safe>{a.email}</span>,
              <span safe>{STATUTS_AIDANT[a.statut as StatutAidant] ?? a.statut}</span>,
            ])}
          />
          <h2>Démarches autorisées dans la structure</h2>
          <form method="post" action="/aidants/referent/demarches">
            <Csrf jeton={ctx.csrf} />
            <fieldset class="fr-fieldset" id="demarches" aria-labelledby="demarches-autorisees">
              <legend class="fr-fieldset__legend" id="demarches-autorisees">
                Démarches que les aidants peuvent inclure dans un mandat
              </legend>
              {DEMARCHES.map((d) => (
                <div class="fr-fieldset__element">
                  <div class="fr-checkbox-group">
                    <input
                      type="checkbox"
                      id={`autorisee-${d.cle}`}
                      name="demarches"
                      value={d.cle}
                      checked={o.demarchesAutorisees.includes(d.cle)}
                    />
                    <label class="fr-label" for={`autorisee-${d.cle}`}>
                      {d.titre}
                    </label>
                  </div>
                </div>
              ))}
            </fieldset>
            <button class="fr-btn" type="submit">
              Enregistrer
            </button>
          </form>
        </>
      ),
    }))
  })
  app.post('/aidants/referent/demarches', { preHandler: exigerReferent }, async (request, reply) => {
    const o = await organisationDuReferent(request)
    const f = lireFormulaire(demarchesAutoriseesForm, request.body)
    if (!f.ok) {
      reply.flash('error', f.erreurs.demarches ?? 'Démarches : choix invalide.')
      return reply.redirect('/aidants/referent', 303)
    }
    await deps.db
      .update(organisations)
      .set({ demarchesAutorisees: f.donnees.demarches })
      .where(eq(organisations.id, o.id))
    reply.flash('success', 'Démarches autorisées enregistrées.')
    return reply.redirect('/aidants/referent', 303)
  })

  // ——— National team: journal verification ———
  app.get('/aidants/admin/journal', { preHandler: exigerRole('admin') }, async (_request, reply) => {
    const r = await verifierJournal(deps.db, deps.secret)
    return reply.page({
      titre: 'Journal Aidants Connect',
      espace: 'pro',
      contenu: (
        <>
          <h1>Journal Aidants Connect</h1>
          {r.ok ? (
            <div class="fr-alert fr-alert--success">
              <h2 class="fr-alert__title">Chaîne intègre</h2>
              <p safe>{`${r.entrees} entrées vérifiées : aucune n’a été modifiée ni supprimée.`}</p>
            </div>
          ) : (
            <div class="fr-alert fr-alert--error">
              <h2 class="fr-alert__title">Chaîne rompue</h2>
              <p
                safe
              >{`Premier maillon cassé : entrée n° ${r.premierMaillonCasse} (${LIBELLES_RUPTURE[r.raison]}).`}</p>
            </div>
          )}
        </>
      ),
    })
  })

  void sql
  void titreDemarche
}

async function statistiquesPubliques(deps: DepsAidants) {
  const [o] = await deps.db.select({ n: count() }).from(organisations).where(eq(organisations.active, true))
  const [a] = await deps.db
    .select({ n: count() })
    .from(habilitationsAidant)
    .where(eq(habilitationsAidant.statut, 'active'))
  const [m] = await deps.db.select({ n: count() }).from(mandats)
  return { organisations: o?.n ?? 0, aidants: a?.n ?? 0, mandats: m?.n ?? 0 }
}
