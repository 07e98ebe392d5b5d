import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { creerOrganisation } from '../src/domains/aidants'
import {
  autorisations,
  brouillonsMandat,
  dispositifs,
  habilitationsAidant,
  mandats,
  sessionsUsager,
  usagers,
} from '../src/domains/aidants/db/schema'
import { diagnosticBeneficiaires, diagnosticPassations } from '../src/domains/diagnostic/db/schema'
import { creerSession, publierVersionParcours } from '../src/domains/formation/db/formation-repository'
import { inscriptions } from '../src/domains/formation/db/schema'
import { lieux } from '../src/domains/lieux/db/schema'
import { creerCatalogueLieux } from '../src/domains/lieux/use-cases/catalogue-lieux'
import { makeImporterLieux } from '../src/domains/lieux/use-cases/importer-lieux'
import { creerStructure } from '../src/domains/recrutement'
import { demandes } from '../src/domains/solidarite/db/schema'
import { sha256 } from '../src/platform/crypto'
import { referentielCommunes } from '../src/platform/geo/referentiel-communes'
import { type AppDeTest, appDeTest, H } from './support/app'
import { MOTEURS } from './support/bases'
import { type CasEcriture, collecteurDeRoutes, connecterTous, essayerEcritures } from './support/matrice'
import { Navigateur } from './support/navigateur'

/**
 * Every state-changing route of the app, tried by a caller of scope A with the ids of scope B (or by a
 * role without the right): it is refused (403/404, or a French form error where said) and nothing is
 * written. The route table is read as the app builds it, so a new write route fails this test until
 * it is added to the matrix or to the exemptions below, with the reason.
 */

/** Routes that act on no object of another scope, and why. */
const EXEMPTES: Record<string, string> = {
  'POST /connexion': 'connexion : pas encore de périmètre',
  'POST /connexion/totp': 'second facteur de sa propre connexion',
  'POST /connexion/totp/activer': 'active son propre second facteur',
  'POST /connexion/lien': 'demande de lien de connexion, pas de périmètre',
  'POST /connexion/lien/:jeton': 'jeton à usage unique, haché en base',
  'POST /mot-de-passe-oublie': 'demande publique',
  'POST /mot-de-passe/nouveau/:jeton': 'jeton à usage unique, haché en base',
  'POST /invitation/:jeton': 'jeton à usage unique, haché en base',
  'POST /deconnexion': 'sa propre session',
  'POST /compte/sessions/revoquer-tout': 'ses propres sessions, sans identifiant',
  'POST /demo/:id': 'connexion de démonstration, absente en production',
  'POST /diagnostic/commencer': 'passation anonyme, portée par le cookie de la personne',
  'POST /diagnostic/code': 'passation anonyme, portée par le cookie de la personne',
  'POST /diagnostic/etape': 'passation anonyme, portée par le cookie de la personne',
  'POST /diagnostic/synchronisation': 'passation anonyme, portée par le cookie de la personne',
  'POST /diagnostic/resultat/consentement': 'passation anonyme, portée par le cookie de la personne',
  'POST /diagnostic/resultat/envoyer': 'passation anonyme, portée par le cookie de la personne',
  'POST /diagnostic/effacer': 'passation anonyme, portée par le cookie de la personne',
  'POST /diagnostic/sessions': 'crée un code dans la structure de l’appelant, sans identifiant',
  'POST /lieux/:id/signaler': 'signalement public d’une erreur, envoyé par e-mail, rien n’est modifié',
  'POST /candidature/conseiller': 'formulaire public',
  'POST /candidature/structure': 'formulaire public',
  'POST /candidat': 'sa propre candidature, sans identifiant',
  'POST /candidat/cv': 'sa propre candidature, sans identifiant',
  'POST /candidat/retrait': 'sa propre candidature, sans identifiant',
  'POST /candidat/reactiver': 'sa propre candidature, sans identifiant',
  'POST /structure/candidature': 'sa structure, choisie parmi ses habilitations (maStructure)',
  'POST /structure/abandon': 'sa structure, choisie parmi ses habilitations (maStructure)',
  'POST /activites/beneficiaires': 'crée une fiche dans sa structure, sans identifiant',
  'POST /aidants/habilitation': 'demande publique d’habilitation',
  'POST /aidants/habilitation/lien/:jeton/confirmer': 'jeton de la demande, haché en base',
  'POST /aidants/habilitation/lien/:jeton/messages': 'jeton de la demande, haché en base',
  'POST /aidants/habilitation/lien/:jeton/renvoyer': 'jeton de la demande, haché en base',
  'POST /aidants/connexion': 'connexion : pas encore de périmètre',
  'POST /aidants/connexion/lien/:jeton': 'jeton à usage unique, haché en base',
  'POST /aidants/reauthentification': 'sa propre session',
  'POST /aidants/mandats/nouveau': 'prépare un brouillon pour l’organisation courante de l’aidant',
  'POST /aidants/connexion-demarche/:uid': 'interaction OpenID Connect liée au cookie du navigateur',
  'POST /aidants/connexion-demarche/:uid/abandonner':
    'interaction OpenID Connect liée au cookie du navigateur',
  'POST /mes-mandats/connexion': 'connexion FranceConnect de l’usager',
  'POST /mes-mandats/deconnexion': 'sa propre session d’usager',
  'POST /consentement/lien/:jeton': 'jeton du consentement à distance, haché en base',
  'POST /oidc': 'fournisseur d’identité (protocole OpenID Connect, clients authentifiés)',
  'POST /oidc/*': 'fournisseur d’identité (protocole OpenID Connect, clients authentifiés)',
  'POST /simulateurs/franceconnect': 'simulateur, absent en production',
  'POST /simulateurs/franceconnect/*': 'simulateur, absent en production',
  'POST /simulateurs/franceconnect/interaction/:uid': 'simulateur, absent en production',
  'POST /simulateurs/proconnect': 'simulateur, absent en production',
  'POST /simulateurs/proconnect/*': 'simulateur, absent en production',
  'POST /simulateurs/proconnect/interaction/:uid': 'simulateur, absent en production',
  'POST /simulateurs/adresses/search/csv/': 'simulateur de la Base adresse, absent en production',
  'POST /demarche-partenaire/connexion': 'démarche partenaire de démonstration, absente en production',
  'POST /etre-rappele': 'formulaire public de demande de rappel',
  'POST /etre-rappele/demande/:reference/:jeton/annuler': 'jeton du SMS, haché en base',
  'POST /solidarite/suivante': 'prend pour soi la demande suivante, sans identifiant',
}

const jour = () => new Date().toISOString().slice(0, 10)

describe.each(MOTEURS)('écritures hors périmètre, route par route (%s)', (moteur) => {
  let t: AppDeTest
  const routes = collecteurDeRoutes()
  let navigateurs: Awaited<ReturnType<typeof connecterTous>>['navigateurs']
  let cas: CasEcriture[] = []

  beforeAll(async () => {
    t = await appDeTest(moteur, {}, undefined, undefined, routes.onRoute)
    const structure = (nom: string, dep: string, commune: string) =>
      creerStructure(t.base.db, {
        nom,
        type: 'commune',
        codeCommune: commune,
        codeDepartement: dep,
        codeRegion: '93',
        statut: 'validee',
        latitude: 43.3,
        longitude: 5.4,
      })
    const sA = await structure('Structure A', '13', '13055')
    const sB = await structure('Structure B', '84', '84007')
    const organisation = (nom: string) =>
      creerOrganisation(t.base.db, {
        nom,
        type: 'ccas',
        codeCommune: '59350',
        codeDepartement: '59',
        codeRegion: '32',
      })
    const oA = await organisation('Organisation A')
    const oB = await organisation('Organisation B')
    const formateur = (code: string) => [
      { role: 'formateur' as const, portee: { type: 'structure' as const, code, libelle: 'OF' } },
    ]
    const c = await connecterTous(t, {
      conseillerA: H.conseiller(sA.id),
      conseillerB: H.conseiller(sB.id),
      gestionnaireA: H.gestionnaire(sA.id),
      prefectureA: H.prefecture('13'),
      formateurA: formateur('of-a'),
      aidantA: H.aidant(oA.id),
      referentA: H.referent(oA.id),
      candidat: H.candidat(),
      mediateurA: [{ role: 'mediateur', portee: { type: 'national', code: '', libelle: '' } }],
      mediateurB: [{ role: 'mediateur', portee: { type: 'national', code: '', libelle: '' } }],
    })
    navigateurs = c.navigateurs

    // ——— Scope B's objects ———
    const b = navigateurs.get('conseillerB')!
    await b.get('/activites/beneficiaires/nouveau')
    const fiche = await b.post('/activites/beneficiaires', {
      prenom: 'Rose',
      tranche_age: '60_69',
      situation: 'retraite',
      consentement: 'oui',
    })
    const ficheB = /([0-9a-f-]{36})$/.exec(String(fiche.headers.location))?.[1] ?? ''
    const activiteB = crypto.randomUUID()
    const activite = {
      type: 'individuel',
      date: jour(),
      duree: '30',
      lieu_type: 'distance',
      themes: 'email',
    }
    await b.get('/activites/nouvelle')
    expect((await b.post('/activites', { ...activite, id: activiteB })).statusCode).toBe(303)
    await b.get('/diagnostic/sessions')
    const code = /\/diagnostic\/sessions\/([A-Z0-9]+)$/.exec(
      String((await b.post('/diagnostic/sessions', { libelle: 'B' })).headers.location),
    )?.[1]
    const [passationB] = await t.base.db
      .insert(diagnosticPassations)
      .values({ jetonHash: sha256('passation-b'), structureCode: sB.id, mode: 'accompagne' })
      .returning()
    const [dossierB] = await t.base.db
      .insert(diagnosticBeneficiaires)
      .values({ structureCode: sB.id, reference: 'BEN-B' })
      .returning()
    const [dossierA] = await t.base.db
      .insert(diagnosticBeneficiaires)
      .values({ structureCode: sA.id, reference: 'BEN-A' })
      .returning()
    const parcours = await publierVersionParcours(t.base.db, {
      code: 'matrice',
      libelle: 'Parcours de la matrice',
      dureeMinutes: 420,
      certification: 'pix',
    })
    const session = (organismeId: string) =>
      creerSession(t.base.db, {
        parcoursId: parcours.id,
        libelle: organismeId,
        debut: jour(),
        fin: jour(),
        lieu: 'Marseille',
        codeDepartement: '13',
        organismeId,
        organismeNom: organismeId,
        capacite: 10,
      })
    const sessionA = await session('of-a')
    const sessionB = await session('of-b')
    const [inscriptionB] = await t.base.db
      .insert(inscriptions)
      .values({
        parcoursId: parcours.id,
        sessionId: sessionB.id,
        compteId: crypto.randomUUID(),
        prenom: 'Inès',
        nom: 'B',
      })
      .returning()
    const [usagerB] = await t.base.db
      .insert(usagers)
      .values({
        subHash: 'h-b',
        prenoms: 'P',
        nom: 'B',
        dateNaissance: '1950-01-01',
        genre: 'female',
        lieuNaissance: '59350',
        paysNaissance: '99100',
      })
      .returning()
    const [usagerA] = await t.base.db
      .insert(usagers)
      .values({ ...usagerB!, id: undefined, subHash: 'h-a', nom: 'A' } as typeof usagers.$inferInsert)
      .returning()
    const mandatB = crypto.randomUUID()
    await t.base.db.insert(mandats).values({
      id: mandatB,
      organisationId: oB.id,
      usagerId: usagerB!.id,
      creeParId: crypto.randomUUID(),
      creeLe: new Date(),
      expireLe: new Date(Date.now() + 30 * 86_400_000),
      duree: 'mois',
      versionTexte: 'test',
      consentement: 'sur_place',
      hashAttestation: 'b'.repeat(64),
    })
    await t.base.db.insert(autorisations).values({ mandatId: mandatB, demarche: 'social' })
    const [brouillonB] = await t.base.db
      .insert(brouillonsMandat)
      .values({
        aidantId: crypto.randomUUID(),
        organisationId: oB.id,
        usagerId: usagerB!.id,
        demarches: ['social'],
        duree: 'mois',
        expireLe: new Date(Date.now() + 3600_000),
      })
      .returning()
    const [aidantB] = await t.base.db
      .insert(habilitationsAidant)
      .values({
        organisationId: oB.id,
        email: 'b@exemple.fr',
        prenom: 'B',
        nom: 'B',
        profession: 'P',
        statut: 'actif',
        compteId: crypto.randomUUID(),
        creeLe: new Date(),
      })
      .returning()
    const [dispositifB] = await t.base.db
      .insert(dispositifs)
      .values({
        type: 'application',
        secret: 'JBSWY3DPEHPK3PXP',
        compteId: aidantB!.compteId,
        organisationId: oB.id,
      })
      .returning()
    // Referent A's own aidant, and a free card given to organisation B.
    const [aidantA] = await t.base.db
      .insert(habilitationsAidant)
      .values({
        organisationId: oA.id,
        email: 'a@exemple.fr',
        prenom: 'A',
        nom: 'A',
        profession: 'P',
        statut: 'actif',
        compteId: crypto.randomUUID(),
        creeLe: new Date(),
      })
      .returning()
    await t.base.db
      .insert(dispositifs)
      .values({ type: 'carte', numeroSerie: 'CARTEB0001', secret: 'JBSWY3DPEHPK3PXP', organisationId: oB.id })
    // The usager A, signed in to their own space, tries usager B's mandate.
    await t.base.db.insert(sessionsUsager).values({
      jetonHash: sha256('usager-a'),
      usagerId: usagerA!.id,
      expireLe: new Date(Date.now() + 3600_000),
    })
    const usager = new Navigateur(t.app)
    usager.cookies.set('escale_usager', t.app.signCookie('usager-a'))
    navigateurs.set('usagerA' as never, usager)
    const [sessionCompteB] = (
      (await t.base.db.execute(
        sql`select id from sessions where compte_id = ${c.comptes.get('conseillerB')}`,
      )) as unknown as { rows: { id: string }[] }
    ).rows
    const [phase] = (
      (await t.base.db.execute(sql`select id from recrutement_phases limit 1`)) as unknown as {
        rows: { id: string }[]
      }
    ).rows
    const conventionB = crypto.randomUUID()
    if (phase)
      await t.base.db.execute(sql`insert into recrutement_conventions
        (id, numero, structure_id, phase_id, postes, taux_euros, montant_euros, duree_mois, debut)
        values (${conventionB}, 'CONV-B', ${sB.id}, ${phase.id}, 1, 50000, 50000, 24, ${jour()})`)
    const [candidatureB] = (
      (await t.base.db.execute(sql`select id from recrutement_candidatures limit 1`)) as unknown as {
        rows: { id: string }[]
      }
    ).rows
    const candidature = candidatureB?.id ?? crypto.randomUUID()

    await makeImporterLieux({
      db: t.base.db,
      horloge: () => new Date(),
      communes: referentielCommunes(),
      catalogue: creerCatalogueLieux(t.base.db),
    })({
      contenu: Buffer.from(
        JSON.stringify([
          {
            id: 'b',
            nom: 'Lieu B',
            commune: 'Avignon',
            code_postal: '84000',
            adresse: '1 rue',
            date_maj: '2025-01-01',
          },
        ]),
      ),
      fichier: 'b.json',
      acteurId: null,
      structureId: sB.id,
    })
    const [lieuB] = await t.base.db.select().from(lieux).where(eq(lieux.idSource, 'b'))

    // A call-back request, held by médiateur B.
    const personne = new Navigateur(t.app, undefined, '10.251.0.1')
    await personne.get('/etre-rappele')
    await personne.post('/etre-rappele', {
      telephone: '01 99 00 00 42',
      prenom: 'Josiane',
      besoin: 'email',
      territoire: 'metropole',
      creneau: 'des-que-possible',
      consentement: 'oui',
    })
    await navigateurs.get('mediateurB')!.get('/solidarite')
    await navigateurs.get('mediateurB')!.post('/solidarite/suivante')
    const [demandeB] = await t.base.db.select().from(demandes)
    if (demandeB?.statut !== 'prise') throw new Error('la demande du médiateur B n’est pas prise')

    const activiteA = { ...activite, id: crypto.randomUUID() }
    cas = [
      // solidarite: a request another médiateur holds, and a role without the right
      ...(['tentative', 'cloture'] as const).flatMap((a): CasEcriture[] => [
        {
          route: `POST /solidarite/demandes/:id/${a}`,
          qui: 'mediateurA',
          url: `/solidarite/demandes/${demandeB.id}/${a}`,
          champs: { issue: 'faux-numero', cloture: 'resolu' },
          refus: [409],
          pourquoi: 'la demande est tenue par un autre médiateur : refus en français',
        },
        {
          route: `POST /solidarite/demandes/:id/${a}`,
          qui: 'conseillerA',
          url: `/solidarite/demandes/${demandeB.id}/${a}`,
          champs: { issue: 'faux-numero', cloture: 'resolu' },
        },
      ]),
      // comptes
      {
        route: 'POST /compte/sessions/:id/revoquer',
        qui: 'conseillerA',
        url: `/compte/sessions/${sessionCompteB?.id}/revoquer`,
        verifier: async () =>
          (await b.get('/espace')).statusCode === 200 ? undefined : 'la session de B a été fermée',
      },
      {
        route: 'POST /equipe/inviter',
        qui: 'gestionnaireA',
        url: '/equipe/inviter',
        champs: {
          prenom: 'Léa',
          nom: 'Martin',
          email: 'lea@exemple.fr',
          role: 'conseiller',
          portee: `structure:${sB.id}`,
        },
        refus: [400],
        pourquoi: 'le formulaire refuse un périmètre hors des siens, en français',
      },
      ...['roles', 'roles/retirer', 'activation'].map((a) => ({
        route: `POST /admin/comptes/:id/${a}`,
        qui: 'gestionnaireA',
        url: `/admin/comptes/${c.comptes.get('conseillerB')}/${a}`,
        champs: { role: 'admin', portee: 'national:', actif: 'non' },
      })),
      // lieux
      {
        route: 'POST /lieux/:id/modifier',
        qui: 'gestionnaireA',
        url: `/lieux/${lieuB!.id}/modifier`,
        champs: { nom: 'Piraté', adresse: 'x', code_postal: '84000', commune: 'Avignon' },
      },
      { route: 'POST /admin/lieux/import', qui: 'gestionnaireA', url: '/admin/lieux/import' },
      // diagnostic
      {
        route: 'POST /diagnostic/sessions/:code/accompagne',
        qui: 'conseillerA',
        url: `/diagnostic/sessions/${code}/accompagne`,
      },
      {
        route: 'POST /diagnostic/passations/:id/etape',
        qui: 'conseillerA',
        url: `/diagnostic/passations/${passationB!.id}/etape`,
        champs: { etape: 'equipement', choix: 'ordinateur' },
      },
      {
        route: 'POST /diagnostic/passations/:id/dossier',
        qui: 'conseillerA',
        url: `/diagnostic/passations/${passationB!.id}/dossier`,
        champs: { reference: 'BEN-X' },
      },
      {
        route: 'POST /diagnostic/beneficiaires/:id/fiche',
        qui: 'conseillerA',
        url: `/diagnostic/beneficiaires/${dossierB!.id}/fiche`,
        champs: { fiche: ficheB },
      },
      {
        // The link itself: A's own record, B's follow-up file.
        route: 'POST /diagnostic/beneficiaires/:id/fiche',
        qui: 'conseillerA',
        url: `/diagnostic/beneficiaires/${dossierA!.id}/fiche`,
        champs: { fiche: ficheB },
      },
      {
        route: 'POST /diagnostic/beneficiaires/:id/retest',
        qui: 'conseillerA',
        url: `/diagnostic/beneficiaires/${dossierB!.id}/retest`,
      },
      // activités
      {
        route: 'POST /activites',
        qui: 'conseillerA',
        url: '/activites',
        champs: { ...activiteA, beneficiaire_id: ficheB },
        refus: [400, 422],
        pourquoi: 'la saisie est réaffichée : « fiche de suivi inconnue »',
      },
      {
        route: 'POST /activites',
        qui: 'conseillerA',
        url: '/activites',
        champs: {
          ...activiteA,
          type: 'collectif',
          participants: '3',
          lieu_type: 'lieu_activite',
          lieu_id: lieuB!.id,
        },
        refus: [400, 422],
        pourquoi: 'la saisie est réaffichée : « lieu inconnu »',
      },
      {
        route: 'POST /activites/synchronisation',
        qui: 'conseillerA',
        url: '/activites/synchronisation',
        json: { activites: [{ ...activiteA, beneficiaire_id: ficheB }] },
        refus: [200, 400, 422],
        pourquoi: 'le lot répond activité par activité ; l’activité refusée n’est pas écrite',
      },
      {
        route: 'POST /activites/:id',
        qui: 'conseillerA',
        url: `/activites/${activiteB}`,
        champs: { ...activite, duree: '60' },
      },
      {
        route: 'POST /activites/:id/supprimer',
        qui: 'conseillerA',
        url: `/activites/${activiteB}/supprimer`,
      },
      {
        route: 'POST /activites/beneficiaires/:id/effacer',
        qui: 'conseillerA',
        url: `/activites/beneficiaires/${ficheB}/effacer`,
      },
      // recrutement
      ...['preselection', 'non-retenu', 'entretien', 'recrutement', 'depart'].map((a) => ({
        route: `POST /structure/candidats/:id/${a}`,
        qui: 'gestionnaireA',
        url: `/structure/candidats/${candidature}/${a}`,
        champs: { note: 'x', le: jour(), type_contrat: 'cdi', debut: jour(), motif: 'demission' },
      })),
      {
        route: 'POST /structure/conventions/:id/signature',
        qui: 'gestionnaireA',
        url: `/structure/conventions/${conventionB}/signature`,
        champs: { signataire: 'Quelqu’un' },
      },
      {
        route: 'POST /prefecture/structures/:id/avis',
        qui: 'prefectureA',
        url: `/prefecture/structures/${sB.id}/avis`,
        champs: { avis: 'favorable', rang: '1', commentaire: 'Hors périmètre', postes_proposes: '1' },
      },
      {
        route: 'POST /comite/structures/:id/decision',
        qui: 'prefectureA',
        url: `/comite/structures/${sA.id}/decision`,
        champs: { avis: 'validee', postes_accordes: '2' },
      },
      ...['taux', 'allocations', 'vagues', 'phases'].map((a) => ({
        route: `POST /comite/programme/${a}`,
        qui: 'prefectureA',
        url: `/comite/programme/${a}`,
      })),
      {
        route: 'POST /comite/conventions/:id/versements/:rang',
        qui: 'prefectureA',
        url: `/comite/conventions/${conventionB}/versements/1`,
      },
      // formation
      {
        route: 'POST /formation/sessions',
        qui: 'conseillerA',
        url: '/formation/sessions',
        champs: { parcours: parcours.id, libelle: 'x', debut: jour(), fin: jour(), lieu: 'x', capacite: '5' },
      },
      {
        // The link: A's own session, a person already placed in B's session.
        route: 'POST /formation/sessions/:id/affectations',
        qui: 'formateurA',
        url: `/formation/sessions/${sessionA.id}/affectations`,
        champs: { inscription: inscriptionB!.id },
        refus: [404, 422],
        pourquoi: 'la session réaffiche « inscription introuvable »',
      },
      {
        route: 'POST /formation/sessions/:id/affectations',
        qui: 'formateurA',
        url: `/formation/sessions/${sessionB.id}/affectations`,
        champs: { inscription: inscriptionB!.id },
      },
      {
        route: 'POST /formation/sessions/:id/presences',
        qui: 'formateurA',
        url: `/formation/sessions/${sessionB.id}/presences`,
        champs: { jour: jour(), demi_journee: 'matin', presents: inscriptionB!.id },
      },
      ...['terminer', 'certifier', 'parcours'].map((a) => ({
        route: `POST /formation/inscriptions/:id/${a}`,
        qui: 'formateurA',
        url: `/formation/inscriptions/${inscriptionB!.id}/${a}`,
        champs: { certification: 'pix', code: 'matrice' },
      })),
      {
        route: 'POST /formation/parcours',
        qui: 'formateurA',
        url: '/formation/parcours',
        champs: { code_parcours: 'x', libelle: 'x', duree_heures: '7' },
      },
      {
        route: 'POST /formation/parcours/:id/retrait',
        qui: 'formateurA',
        url: `/formation/parcours/${parcours.id}/retrait`,
      },
      {
        route: 'POST /formation/objectifs',
        qui: 'formateurA',
        url: '/formation/objectifs',
        champs: { code_parcours: 'matrice', annee: '2026', cible: '10' },
      },
      // aidants
      {
        route: 'POST /aidants/organisation-courante',
        qui: 'aidantA',
        url: '/aidants/organisation-courante',
        champs: { organisation: oB.id },
      },
      {
        route: 'POST /aidants/mandats/recapitulatif/:id',
        qui: 'aidantA',
        url: `/aidants/mandats/recapitulatif/${brouillonB!.id}`,
        champs: { consentement: 'oui', mode: 'sur_place' },
      },
      {
        route: 'POST /aidants/mandats/recapitulatif/:id/sms',
        qui: 'aidantA',
        url: `/aidants/mandats/recapitulatif/${brouillonB!.id}/sms`,
        champs: { telephone: '0612345678' },
      },
      ...['revoquer', 'renouveler'].map((a) => ({
        route: `POST /aidants/mandats/:id/${a}`,
        qui: 'aidantA',
        url: `/aidants/mandats/${mandatB}/${a}`,
      })),
      { route: 'POST /mes-mandats/:id/revoquer', qui: 'usagerA', url: `/mes-mandats/${mandatB}/revoquer` },
      {
        route: 'POST /aidants/referent/demarches',
        qui: 'aidantA',
        url: '/aidants/referent/demarches',
        champs: { demarches: 'social' },
      },
      ...['carte', 'application', 'retirer'].map((a) => ({
        route: `POST /aidants/referent/aidants/:id/${a}`,
        qui: 'referentA',
        url: `/aidants/referent/aidants/${aidantB!.id}/${a}`,
        champs: { numero_serie: 'X', code: '123456', motif: 'm' },
      })),
      {
        // Linking two objects checks both: referent A's aidant, but organisation B's card.
        route: 'POST /aidants/referent/aidants/:id/carte',
        qui: 'referentA',
        url: `/aidants/referent/aidants/${aidantA!.id}/carte`,
        champs: { numero_serie: 'CARTEB0001', code: '123456' },
      },
      ...['application', 'retirer'].map((a) => ({
        route: `POST /aidants/referent/dispositifs/:id/${a}`,
        qui: 'referentA',
        url: `/aidants/referent/dispositifs/${dispositifB!.id}/${a}`,
        champs: { code: '123456', motif: 'm' },
      })),
      ...['decision', 'messages'].map((a) => ({
        route: `POST /aidants/admin/habilitations/:id/${a}`,
        qui: 'referentA',
        url: `/aidants/admin/habilitations/${crypto.randomUUID()}/${a}`,
        champs: { decision: 'validee', message: 'x' },
      })),
      {
        route: 'POST /aidants/admin/habilitations/:id/aidants/:habilitation/activer',
        qui: 'referentA',
        url: `/aidants/admin/habilitations/${crypto.randomUUID()}/aidants/${aidantB!.id}/activer`,
      },
      {
        route: 'POST /aidants/admin/regions',
        qui: 'referentA',
        url: '/aidants/admin/regions',
        champs: { region: '11', vague: 'V' },
      },
    ]
  }, 180_000)
  afterAll(async () => t?.fermer())

  it('chaque route d’écriture est dans la matrice ou exemptée avec sa raison', () => {
    const couvertes = new Set(cas.map((c) => c.route))
    const oubliees = [...routes.ecritures].filter((r) => !couvertes.has(r) && !(r in EXEMPTES))
    expect(oubliees).toEqual([])
    // Nor stale entries: a route that no longer exists is removed from the matrix and the exemptions.
    const disparues = [...couvertes, ...Object.keys(EXEMPTES)].filter((r) => !routes.ecritures.has(r))
    expect(disparues).toEqual([])
  })

  it('refuse chaque écriture avec les identifiants d’un autre périmètre, sans rien écrire', async () => {
    expect(await essayerEcritures(t, navigateurs, cas)).toEqual([])
  }, 180_000)
})
