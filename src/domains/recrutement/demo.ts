import { referentielCommunes } from '../../platform/geo/referentiel-communes'
import { creerCompteDemo, type DepsComptes, portComptes } from '../comptes'
import { creerCandidature, creerMiseEnRelation } from './db/candidatures-repository'
import { conventionsDeStructure } from './db/conventions-repository'
import { assurerPhaseParDefaut, creerVague, phaseActive } from './db/programme-repository'
import { majStructure } from './db/structures-repository'
import { ajouterMois } from './domain/financement'
import { makeConventions } from './use-cases/conventions'
import { makeDecider } from './use-cases/decider'
import type { DepsRecrutement } from './use-cases/deps'
import { makeDonnerAvis } from './use-cases/structures'

/** What the demo data of src/demo/seed.ts hands to this domain (its `ContexteDemo`, structurally). */
export interface ContexteDemoRecrutement {
  db: DepsComptes['db']
  structures: Record<string, { id: string; nom: string; codeCommune: string; codeDepartement: string }>
  compte: (email: string) => string
}

const CANDIDATS = [
  ['Yanis', 'Belkacem', '13055', 20, true, 3],
  ['Clara', 'Vidal', '13001', 15, false, 2],
  ['Léa', 'Marchand', '13103', 40, true, null],
  ['Samir', 'Ouali', '13004', 10, false, 1],
  ['Julie', 'Perrin', '05061', 40, false, 2],
  ['Nicolas', 'Blanc', '84007', 20, true, null],
  ['Océane', 'Hoarau', '97416', 20, false, 2],
] as const

/** Fictional people and bodies: candidates at various stages, AMI answers, a wave, decisions. */
export async function seedRecrutement(ctx: ContexteDemoRecrutement, motDePasse: string): Promise<void> {
  const horloge = () => new Date()
  const depsComptes: DepsComptes = { db: ctx.db, horloge, baseUrl: '', inactiviteParRole: {} }
  const deps: DepsRecrutement = {
    db: ctx.db,
    horloge,
    baseUrl: '',
    comptes: portComptes(depsComptes),
    lieux: { lieuxDuDepartement: async () => [] },
    inscrireEnFormation: async () => {},
  }
  await assurerPhaseParDefaut(ctx.db)
  const aujourdhui = horloge().toISOString().slice(0, 10)
  const phase = await phaseActive(ctx.db)
  if (!phase) return
  await creerVague(ctx.db, {
    phaseId: phase.id,
    libelle: 'Vague 1 — AMI',
    dateLimiteAvis: ajouterMois(aujourdhui, 1),
  })
  await completerStructures(ctx, aujourdhui)
  await instruireDossiers(ctx, deps)
  await deposerCandidatures(ctx, depsComptes, motDePasse, aujourdhui)
}

/** The demo structures' contact person and project, as their AMI answer gives them. */
const CONTACTS = [
  ['mediatheque', 'Thomas', 'Roux', 'gestion.gap@demo.escale.localhost', 'Rue Carnot'],
  ['ccas', 'Élodie', 'Martin', 'ccas.marseille@demo.escale.localhost', '12 rue Belle de Mai'],
  ['lienNumerique', 'Rachid', 'Amrani', 'lien.numerique@demo.escale.localhost', '3 place Pie'],
  ['lilleSud', 'Anne', 'Dufour', 'centre.lillesud@demo.escale.localhost', '83 rue du Faubourg des Postes'],
  ['saintPierre', 'Paul', 'Grondin', 'mairie.saintpierre@demo.escale.localhost', 'Rue Méziaire Guignard'],
] as const

async function completerStructures(ctx: ContexteDemoRecrutement, aujourdhui: string) {
  for (const [cle, prenom, nom, email, adresse] of CONTACTS) {
    const s = ctx.structures[cle]
    if (!s) continue
    const c = referentielCommunes().parCode(s.codeCommune)
    await majStructure(ctx.db, s.id, {
      latitude: c?.latitude ?? null,
      longitude: c?.longitude ?? null,
      contactPrenom: prenom,
      contactNom: nom,
      contactFonction: 'Responsable du projet',
      contactEmail: email,
      contactTelephone: '0491000000',
      adresse,
      projet: 'Accompagner les habitants dans leurs démarches et leurs usages numériques du quotidien.',
      zoneIntervention: 'La commune et les communes voisines',
      dateDebutSouhaitee: aujourdhui,
      siret: cle === 'mediatheque' ? '21050061700018' : null,
      vagueId: null,
    })
  }
}

/** Prefecture opinions, a committee decision and a signed agreement: files at every stage. */
async function instruireDossiers(ctx: ContexteDemoRecrutement, deps: DepsRecrutement) {
  const admin = ctx.compte('camille.morel@demo.escale.localhost')
  const avis = makeDonnerAvis(deps)
  const { mediatheque: m, ccas, lilleSud: lille } = ctx.structures
  if (m) {
    await avis({
      structureId: m.id,
      departements: ['05'],
      avis: 'favorable',
      rang: 1,
      commentaire: 'Projet intercommunal solide.',
      postesProposes: 2,
      par: admin,
    })
    await makeDecider(deps)({ structureId: m.id, avis: 'validee', postesAccordes: 2, par: admin })
    const [conv] = await conventionsDeStructure(ctx.db, m.id)
    if (conv)
      await makeConventions(deps).signer({
        conventionId: conv.id,
        structureId: m.id,
        signataire: 'Thomas Roux, directeur',
        par: admin,
      })
  }
  if (ccas)
    await avis({
      structureId: ccas.id,
      departements: ['13'],
      avis: 'favorable',
      rang: 1,
      commentaire: 'Quartier prioritaire sans médiation numérique.',
      postesProposes: 2,
      par: admin,
    })
  if (lille)
    await avis({
      structureId: lille.id,
      departements: ['59'],
      avis: 'a_completer',
      rang: 2,
      commentaire: 'Préciser le plan de formation.',
      postesProposes: 1,
      par: admin,
    })
}

interface CandidatDemo {
  compteId: string
  prenom: string
  nom: string
  email: string
  codeCommune: string
  rayonKm: number
  diplome: boolean
  pix: number | null
  statut: string
}

async function creerCandidatureDemo(ctx: ContexteDemoRecrutement, aujourdhui: string, p: CandidatDemo) {
  const c = referentielCommunes().parCode(p.codeCommune)
  if (!c) throw new Error(`commune de démonstration inconnue : ${p.codeCommune}`)
  return creerCandidature(ctx.db, {
    compteId: p.compteId,
    prenom: p.prenom,
    nom: p.nom,
    email: p.email,
    telephone: '0600000000',
    codeCommune: p.codeCommune,
    nomCommune: c.nom,
    codeDepartement: c.departement,
    codeRegion: '',
    latitude: c.latitude,
    longitude: c.longitude,
    rayonKm: p.rayonKm,
    disponibleLe: aujourdhui,
    situation: 'demandeur_emploi',
    diplomes: p.diplome ? 'Licence professionnelle médiation numérique' : 'Baccalauréat',
    diplomeMediationNumerique: p.diplome,
    experiencePublic: 'Animation d’ateliers en médiathèque et accueil du public pendant trois ans.',
    niveauPix: p.pix,
    motivation: 'Je veux aider les personnes qui se sentent perdues devant les démarches en ligne.',
    coordonneesVisibles: true,
    statut: p.statut,
    emailConfirmeLe: new Date(),
  })
}

/** The demo candidate, seven more with their own accounts, and the recruited conseiller of Gap. */
async function deposerCandidatures(
  ctx: ContexteDemoRecrutement,
  depsComptes: DepsComptes,
  motDePasse: string,
  aujourdhui: string,
) {
  await creerCandidatureDemo(ctx, aujourdhui, {
    compteId: ctx.compte('candidate@demo.escale.localhost'),
    prenom: 'Manon',
    nom: 'Leroy',
    email: 'candidate@demo.escale.localhost',
    codeCommune: '13055',
    rayonKm: 20,
    diplome: false,
    pix: 2,
    statut: 'disponible',
  })
  let n = 0
  for (const [prenom, nom, codeCommune, rayonKm, diplome, pix] of CANDIDATS) {
    n++
    const email = `candidat${n}@demo.escale.localhost`
    const compte = await creerCompteDemo(depsComptes, {
      email,
      prenom,
      nom,
      motDePasse,
      habilitations: [{ role: 'candidat', portee: { type: 'personnel', code: '', libelle: '' } }],
    })
    await creerCandidatureDemo(ctx, aujourdhui, {
      compteId: compte.id,
      prenom,
      nom,
      email,
      codeCommune,
      rayonKm,
      diplome,
      pix,
      statut: n === 3 ? 'retiree' : 'disponible',
    })
  }
  // Inès Fabre is the demo conseiller of Gap: her recruitment is part of the history.
  const m = ctx.structures.mediatheque
  if (m) {
    const ines = await creerCandidatureDemo(ctx, aujourdhui, {
      compteId: ctx.compte('ines.fabre@demo.escale.localhost'),
      prenom: 'Inès',
      nom: 'Fabre',
      email: 'ines.fabre@demo.escale.localhost',
      codeCommune: '05061',
      rayonKm: 20,
      diplome: true,
      pix: 3,
      statut: 'recrutee',
    })
    await creerMiseEnRelation(ctx.db, {
      structureId: m.id,
      candidatureId: ines.id,
      statut: 'recrutee',
      typeContrat: '2ans',
      debutContrat: aujourdhui,
      finContrat: ajouterMois(aujourdhui, 24),
    })
  }
}
