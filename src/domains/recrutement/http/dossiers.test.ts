import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, connecter, creerCompteTest, H } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import { creerCandidature, enregistrerCv } from '../db/candidatures-repository'
import { creerStructure, enregistrerAvis } from '../db/structures-repository'
import { makePurgerCv } from '../use-cases/purger-cv'

const lignes = <T>(r: unknown) => (r as { rows: T[] }).rows
const jour = (d: Date) => d.toISOString().slice(0, 10)
const dansJours = (n: number) => jour(new Date(Date.now() + n * 86_400_000))
let ip = 0
const nouvelleAdresse = () => `10.7.${Math.floor(++ip / 250)}.${ip % 250}`

describe.each(MOTEURS)(
  'recrutement : dates, CV, préfectures prévenues, dossier à compléter (%s)',
  (moteur) => {
    let t: AppDeTest
    beforeAll(async () => {
      t = await appDeTest(moteur)
    })
    afterAll(async () => t.fermer())

    const compter = async (requete: ReturnType<typeof sql>) =>
      lignes<{ n: number }>(await t.base.db.execute(requete))[0]?.n ?? 0

    const candidature = (email: string) => ({
      prenom: 'Lina',
      nom: 'Morel',
      email,
      telephone: '06 12 34 56 78',
      code_commune: '13055',
      rayon_km: '20',
      disponible_le: dansJours(30),
      situation: 'demandeur_emploi',
      motivation: 'Aider les personnes éloignées du numérique dans mon quartier.',
    })

    it('refuse une date de disponibilité passée ou à plus de deux ans, sur le champ, sans rien écrire', async () => {
      const nav = new Navigateur(t.app, undefined, nouvelleAdresse())
      const hier = await nav.soumettre('/candidature/conseiller', '/candidature/conseiller', {
        ...candidature('hier@exemple.fr'),
        disponible_le: dansJours(-1),
      })
      expect(hier.statusCode).toBe(422)
      expect(hier.body).toContain(
        'La date de disponibilité est passée : choisissez aujourd’hui ou une date à venir.',
      )
      expect(hier.body).toContain('id="disponible_le-erreur"')
      expect(hier.body).toContain('value="Lina"')
      // The commune is kept too: only one-time codes and passwords are never shown again.
      expect(hier.body).toContain('value="13055"')
      const loin = await nav.soumettre('/candidature/conseiller', '/candidature/conseiller', {
        ...candidature('loin@exemple.fr'),
        disponible_le: dansJours(800),
      })
      expect(loin.statusCode).toBe(422)
      expect(loin.body).toContain('La date de disponibilité est trop lointaine')
      expect(
        await compter(
          sql`select count(*)::int as n from comptes where email in ('hier@exemple.fr', 'loin@exemple.fr')`,
        ),
      ).toBe(0)
      expect(
        await compter(
          sql`select count(*)::int as n from recrutement_candidatures where email in ('hier@exemple.fr', 'loin@exemple.fr')`,
        ),
      ).toBe(0)
      const aujourdhui = await nav.soumettre('/candidature/conseiller', '/candidature/conseiller', {
        ...candidature('aujourdhui@exemple.fr'),
        disponible_le: jour(new Date()),
      })
      expect(aujourdhui.statusCode).toBe(303)
    })

    it('une candidate garde sa date passée en modifiant autre chose, mais n’en choisit pas une nouvelle dans le passé', async () => {
      const compte = await creerCompteTest(t.base, { habilitations: H.candidat() })
      await creerCandidature(t.base.db, {
        compteId: compte.id,
        prenom: 'Inès',
        nom: 'Garnier',
        email: compte.email,
        telephone: '0600000000',
        codeCommune: '13055',
        nomCommune: 'Marseille',
        codeDepartement: '13',
        codeRegion: '93',
        latitude: 43.28,
        longitude: 5.38,
        rayonKm: 20,
        disponibleLe: dansJours(-40),
        situation: 'autre',
        motivation: 'Motivation de test assez longue.',
        statut: 'disponible',
      })
      const nav = new Navigateur(t.app)
      await connecter(nav, t, compte)
      const champs = {
        ...candidature(compte.email),
        prenom: 'Inès',
        nom: 'Garnier',
        disponible_le: dansJours(-40),
        telephone: '07 00 00 00 01',
      }
      expect((await nav.soumettre('/candidat', '/candidat', champs)).statusCode).toBe(303)
      const [c] = lignes<{ telephone: string }>(
        await t.base.db.execute(
          sql`select telephone from recrutement_candidatures where compte_id = ${compte.id}`,
        ),
      )
      expect(c?.telephone).toBe('0700000001')
      const autre = await nav.soumettre('/candidat', '/candidat', {
        ...champs,
        disponible_le: dansJours(-10),
      })
      expect(autre.statusCode).toBe(422)
      expect(autre.body).toContain('La date de disponibilité est passée')
    })

    it('supprime les CV de plus de six mois, prévient la candidate, garde les récents, et le redit sans rien refaire', async () => {
      const creer = async (prenom: string) => {
        const compte = await creerCompteTest(t.base, { habilitations: H.candidat() })
        const c = await creerCandidature(t.base.db, {
          compteId: compte.id,
          prenom,
          nom: 'Cv',
          email: compte.email,
          telephone: '0600000000',
          codeCommune: '05061',
          nomCommune: 'Gap',
          codeDepartement: '05',
          codeRegion: '93',
          latitude: 44.56,
          longitude: 6.08,
          rayonKm: 20,
          disponibleLe: dansJours(10),
          situation: 'autre',
          motivation: 'Motivation de test assez longue.',
          statut: 'disponible',
        })
        return { compte, c }
      }
      const ancien = await creer('Ancienne')
      const recent = await creer('Récente')
      const maintenant = t.maintenant.valeur
      const il_y_a = (jours: number) => new Date(maintenant.getTime() - jours * 86_400_000)
      const pdf = Buffer.from('%PDF-1.4\n%%EOF\n')
      await enregistrerCv(t.base.db, {
        candidatureId: ancien.c.id,
        nomFichier: 'cv.pdf',
        contenu: pdf,
        taille: pdf.length,
        deposeLe: il_y_a(190),
      })
      await enregistrerCv(t.base.db, {
        candidatureId: recent.c.id,
        nomFichier: 'cv.pdf',
        contenu: pdf,
        taille: pdf.length,
        deposeLe: il_y_a(150),
      })
      const nav = new Navigateur(t.app)
      await connecter(nav, t, recent.compte)
      expect((await nav.get('/candidat')).body).toMatch(/Il sera supprimé le \d{2}\/\d{2}\/\d{4}/)

      const purger = makePurgerCv({ db: t.base.db, horloge: () => maintenant, baseUrl: 'http://escale.test' })
      expect(await purger()).toBe(1)
      const restants = lignes<{ candidature_id: string }>(
        await t.base.db.execute(
          sql`select candidature_id from recrutement_cv where candidature_id in (${ancien.c.id}, ${recent.c.id})`,
        ),
      )
      expect(restants.map((r) => r.candidature_id)).toEqual([recent.c.id])
      const mails = lignes<{ destinataire: string; texte: string }>(
        await t.base.db.execute(
          sql`select destinataire, texte from outbox_messages where sujet = 'Votre CV a été supprimé'`,
        ),
      )
      expect(mails.map((m) => m.destinataire)).toEqual([ancien.compte.email])
      expect(mails[0]?.texte).toContain('http://escale.test/candidat')
      // The candidature itself stays.
      expect(
        await compter(sql`select count(*)::int as n from recrutement_candidatures where id = ${ancien.c.id}`),
      ).toBe(1)
      expect(await purger()).toBe(0)
      // Seven months later the recent one goes too.
      const plusTard = makePurgerCv({
        db: t.base.db,
        horloge: () => new Date(maintenant.getTime() + 60 * 86_400_000),
        baseUrl: 'http://escale.test',
      })
      expect(await plusTard()).toBe(1)
    })

    const structure = (email: string, commune = '84007') => ({
      nom: `Centre social ${email.split('@')[0]}`,
      rna: 'W123456789',
      type: 'association',
      adresse: '1 rue de la Paix',
      code_commune: commune,
      contact_prenom: 'Rose',
      contact_nom: 'Blanc',
      contact_fonction: 'Présidente',
      contact_email: email,
      contact_telephone: '0490000000',
      postes_souhaites: '2',
      date_debut: dansJours(60),
      projet: 'Ateliers numériques pour les seniors du quartier.',
      zone_intervention: 'Avignon',
      engagement: 'oui',
    })

    it('prévient par e-mail la préfecture du département de chaque nouvelle structure, et elle seule', async () => {
      const p84 = await creerCompteTest(t.base, {
        habilitations: H.prefecture('84'),
        email: 'pref84@exemple.fr',
      })
      await creerCompteTest(t.base, { habilitations: H.prefecture('13'), email: 'pref13@exemple.fr' })
      const nav = new Navigateur(t.app, undefined, nouvelleAdresse())
      const r = await nav.soumettre(
        '/candidature/structure',
        '/candidature/structure',
        structure('avignon@exemple.fr'),
      )
      expect(r.statusCode).toBe(303)
      const [s] = lignes<{ id: string }>(
        await t.base.db.execute(sql`select id from structures where contact_email = 'avignon@exemple.fr'`),
      )
      const mails = lignes<{ destinataire: string; sujet: string; texte: string }>(
        await t.base.db.execute(
          sql`select destinataire, sujet, texte from outbox_messages where sujet like 'Nouvelle candidature Conseiller numérique%'`,
        ),
      )
      expect(mails.map((m) => m.destinataire)).toEqual([p84.email])
      expect(mails[0]?.sujet).toContain('Centre social avignon')
      expect(mails[0]?.texte).toContain(`/prefecture/structures/${s?.id}`)
    })

    it('refuse une date de début souhaitée passée pour une structure, sans créer ni structure ni compte', async () => {
      const nav = new Navigateur(t.app, undefined, nouvelleAdresse())
      const r = await nav.soumettre('/candidature/structure', '/candidature/structure', {
        ...structure('passe@exemple.fr'),
        date_debut: dansJours(-3),
      })
      expect(r.statusCode).toBe(422)
      expect(r.body).toContain('La date de début souhaitée est passée')
      expect(
        await compter(
          sql`select count(*)::int as n from structures where contact_email = 'passe@exemple.fr'`,
        ),
      ).toBe(0)
      expect(
        await compter(sql`select count(*)::int as n from comptes where email = 'passe@exemple.fr'`),
      ).toBe(0)
    })

    it('la structure complète son dossier à la demande de la préfecture, qui en est prévenue ; plus de modification ensuite', async () => {
      const s = await creerStructure(t.base.db, {
        nom: 'Mairie à compléter',
        type: 'commune',
        adresse: 'Place de la mairie',
        codeCommune: '13055',
        codeDepartement: '13',
        codeRegion: '93',
        latitude: 43.28,
        longitude: 5.38,
        statut: 'a_completer',
        contactPrenom: 'Paul',
        contactNom: 'Roche',
        contactFonction: 'Maire',
        contactEmail: 'mairie.completer@exemple.fr',
        contactTelephone: '0491000000',
        projet: 'Un projet encore trop vague.',
        zoneIntervention: 'Marseille',
        siret: '73282932000074',
        dateDebutSouhaitee: dansJours(-20),
      })
      const prefecture = await creerCompteTest(t.base, { habilitations: H.prefecture('13') })
      const autre = await creerCompteTest(t.base, { habilitations: H.prefecture('84') })
      await enregistrerAvis(t.base.db, {
        structureId: s.id,
        avis: 'a_completer',
        rang: 1,
        commentaire: 'Précisez les publics et les partenaires.',
        postesProposes: 1,
        parCompteId: prefecture.id,
      })
      const g = new Navigateur(t.app)
      await connecter(g, t, await creerCompteTest(t.base, { habilitations: H.gestionnaire(s.id) }))
      const espace = await g.get('/structure')
      expect(espace.body).toContain('La préfecture demande de compléter votre candidature')
      expect(espace.body).toContain('Précisez les publics et les partenaires.')
      const page = await g.get('/structure/candidature')
      expect(page.statusCode).toBe(200)
      expect(page.body).toContain('value="73282932000074"')
      expect(page.body).not.toContain('name="contact_email"')

      const champs = {
        nom: 'Mairie à compléter',
        siret: '73282932000074',
        type: 'commune',
        adresse: 'Place de la mairie',
        code_commune: '13055',
        contact_prenom: 'Paul',
        contact_nom: 'Roche',
        contact_fonction: 'Maire',
        contact_telephone: '0491000000',
        postes_souhaites: '1',
        // Kept as it was, though passed: the structure is not forced to retype it.
        date_debut: dansJours(-20),
        projet: 'court',
        zone_intervention: 'Marseille',
      }
      const court = await g.post('/structure/candidature', champs)
      expect(court.statusCode).toBe(400)
      expect(court.body).toContain('Projet : au moins 20 caractères.')
      const [avant] = lignes<{ statut: string; projet: string }>(
        await t.base.db.execute(sql`select statut, projet from structures where id = ${s.id}`),
      )
      expect(avant).toEqual({ statut: 'a_completer', projet: 'Un projet encore trop vague.' })

      const ok = await g.post('/structure/candidature', {
        ...champs,
        projet: 'Ateliers pour les seniors avec le centre social et la médiathèque.',
      })
      expect(ok.statusCode).toBe(303)
      const [apres] = lignes<{ statut: string; projet: string }>(
        await t.base.db.execute(sql`select statut, projet from structures where id = ${s.id}`),
      )
      expect(apres).toEqual({
        statut: 'deposee',
        projet: 'Ateliers pour les seniors avec le centre social et la médiathèque.',
      })
      const mails = lignes<{ destinataire: string }>(
        await t.base.db.execute(
          sql`select destinataire from outbox_messages where sujet = 'Candidature Conseiller numérique complétée : Mairie à compléter'`,
        ),
      )
      // Every prefecture account of the Bouches-du-Rhône, none of another département.
      expect(mails.map((m) => m.destinataire)).toContain(prefecture.email)
      expect(mails.map((m) => m.destinataire)).not.toContain(autre.email)

      // Once the prefecture has proposed it, the file is no longer the structure's to edit.
      await t.base.db.execute(sql`update structures set statut = 'proposee' where id = ${s.id}`)
      const refus = await g.post('/structure/candidature', {
        ...champs,
        projet: 'Un tout autre projet, plus long.',
      })
      expect(refus.statusCode).toBe(303)
      expect((await g.get('/structure')).body).toContain('La candidature ne peut plus être modifiée')
      const [fige] = lignes<{ projet: string }>(
        await t.base.db.execute(sql`select projet from structures where id = ${s.id}`),
      )
      expect(fige?.projet).toBe('Ateliers pour les seniors avec le centre social et la médiathèque.')
    })

    it('la structure abandonne sa candidature après confirmation ; la préfecture est prévenue ; pas avec des postes validés', async () => {
      const s = await creerStructure(t.base.db, {
        nom: 'Association qui renonce',
        type: 'association',
        codeCommune: '84007',
        codeDepartement: '84',
        codeRegion: '93',
        statut: 'deposee',
      })
      const p84 = await creerCompteTest(t.base, { habilitations: H.prefecture('84') })
      const g = new Navigateur(t.app)
      await connecter(g, t, await creerCompteTest(t.base, { habilitations: H.gestionnaire(s.id) }))
      await g.get('/structure')
      expect((await g.post('/structure/abandon', {})).statusCode).toBe(303)
      expect((await g.get('/structure')).body).toContain(
        'Cochez la case pour confirmer que la structure renonce.',
      )
      const statut = async (id: string) =>
        lignes<{ statut: string }>(
          await t.base.db.execute(sql`select statut from structures where id = ${id}`),
        )[0]?.statut
      expect(await statut(s.id)).toBe('deposee')
      expect((await g.post('/structure/abandon', { confirmation: 'oui' })).statusCode).toBe(303)
      expect(await statut(s.id)).toBe('abandonnee')
      expect(
        await compter(
          sql`select count(*)::int as n from outbox_messages where sujet = 'Candidature Conseiller numérique abandonnée : Association qui renonce' and destinataire = ${p84.email}`,
        ),
      ).toBe(1)

      const validee = await creerStructure(t.base.db, {
        nom: 'Structure avec postes',
        type: 'commune',
        codeCommune: '84007',
        codeDepartement: '84',
        codeRegion: '93',
        statut: 'validee',
        postesValides: 2,
      })
      const g2 = new Navigateur(t.app)
      await connecter(g2, t, await creerCompteTest(t.base, { habilitations: H.gestionnaire(validee.id) }))
      expect((await g2.get('/structure')).body).not.toContain('Abandonner la candidature')
      expect((await g2.post('/structure/abandon', { confirmation: 'oui' })).statusCode).toBe(303)
      expect(await statut(validee.id)).toBe('validee')
    })

    it('un candidat non retenu en est prévenu et redevient disponible, sauf si une autre structure le suit', async () => {
      const structure = (nom: string) =>
        creerStructure(t.base.db, {
          nom,
          type: 'commune',
          codeCommune: '05061',
          codeDepartement: '05',
          codeRegion: '93',
          latitude: 44.5594,
          longitude: 6.0786,
          statut: 'validee',
          postesValides: 1,
        })
      const a = await structure('Mairie A')
      const b = await structure('Mairie B')
      const compte = await creerCompteTest(t.base, { habilitations: H.candidat() })
      const c = await creerCandidature(t.base.db, {
        compteId: compte.id,
        prenom: 'Noé',
        nom: 'Suivi',
        email: compte.email,
        telephone: '0600000000',
        codeCommune: '05061',
        nomCommune: 'Gap',
        codeDepartement: '05',
        codeRegion: '93',
        latitude: 44.56,
        longitude: 6.08,
        rayonKm: 20,
        disponibleLe: dansJours(5),
        situation: 'autre',
        motivation: 'Motivation de test assez longue.',
        statut: 'disponible',
      })
      const gA = new Navigateur(t.app)
      await connecter(gA, t, await creerCompteTest(t.base, { habilitations: H.gestionnaire(a.id) }))
      const gB = new Navigateur(t.app)
      await connecter(gB, t, await creerCompteTest(t.base, { habilitations: H.gestionnaire(b.id) }))
      const statut = async () =>
        lignes<{ statut: string }>(
          await t.base.db.execute(sql`select statut from recrutement_candidatures where id = ${c.id}`),
        )[0]?.statut
      await gA.get(`/structure/candidats/${c.id}`)
      expect((await gA.post(`/structure/candidats/${c.id}/preselection`)).statusCode).toBe(303)
      await gB.get(`/structure/candidats/${c.id}`)
      expect((await gB.post(`/structure/candidats/${c.id}/preselection`)).statusCode).toBe(303)
      expect(await statut()).toBe('en_cours_de_recrutement')

      expect((await gA.post(`/structure/candidats/${c.id}/non-retenu`)).statusCode).toBe(303)
      expect(await statut()).toBe('en_cours_de_recrutement')
      expect((await gB.post(`/structure/candidats/${c.id}/non-retenu`)).statusCode).toBe(303)
      expect(await statut()).toBe('disponible')
      const mails = lignes<{ texte: string }>(
        await t.base.db.execute(
          sql`select texte from outbox_messages where destinataire = ${compte.email} and sujet = 'Réponse d’une structure à votre candidature'`,
        ),
      )
      expect(mails).toHaveLength(2)
      expect(mails.map((m) => m.texte).join()).toContain('« Mairie A » n’a pas retenu votre candidature')
    })
  },
)
