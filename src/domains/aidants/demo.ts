import { sha256 } from '../../platform/crypto'
import type { Database } from '../../platform/db/database'
import { ajouterAuJournal } from './db/journal-repository'
import { creerAutorisations, creerMandat } from './db/mandats-repository'
import {
  clientsPartenaires,
  demandesHabilitation,
  dispositifs,
  habilitationsAidant,
  regionsOuvertes,
  usagers,
} from './db/schema'
import { hashAttestation, hashSub } from './domain/attestation'
import type { Demarche, Duree } from './domain/demarches'
import { PREMIERE_VAGUE } from './domain/habilitation'
import { dateExpiration, VERSION_TEXTE_MANDAT } from './domain/mandat'
import { IDENTITES_FICTIVES } from './oidc/identites-fictives'
import { jetonDemande } from './use-cases/habilitation'

/** Physical TOTP cards of the demo (serial number printed on the back, seed imported from the maker). */
export const CARTES_DEMO = [
  { numeroSerie: 'GADT0000001', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' },
  { numeroSerie: 'GADT0000002', secret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U' },
  { numeroSerie: 'GADT0000003', secret: 'ONSWG4TFORZXIZLSON2GKZLTOQ2HI5DF' },
] as const

/** Secret of demo mode (config default): demo usagers are found again when they log in on the simulator. */
const SECRET_DEMO = 'demo-uniquement-secret-aidants-connect-0123456789'

interface ContexteDemoAidants {
  db: Database
  organisations: Record<'fsMarseille' | 'arras' | 'kaz', { id: string }>
  compte: (email: string) => string
}

/** France services Marseille 3e, where the demo aidant Sophie works, at the demo's `maintenant`. */
interface StructureDemo {
  db: Database
  org: string
  sophie: string
  maintenant: Date
}

/** Sophie, active, and Nora, still in training, at France services Marseille 3e. */
async function seedHabilitations({ db, org, sophie, maintenant }: StructureDemo) {
  await db.insert(habilitationsAidant).values([
    {
      organisationId: org,
      email: 'aidant.marseille@demo.escale.localhost',
      prenom: 'Sophie',
      nom: 'Lambert',
      profession: 'Agente France services',
      statut: 'active',
      compteId: sophie,
      formationEnregistreeLe: maintenant,
      creeLe: maintenant,
    },
    {
      organisationId: org,
      email: 'nora.vidal@demo.escale.localhost',
      prenom: 'Nora',
      nom: 'Vidal',
      profession: 'Conseillère France services',
      statut: 'en_formation',
      creeLe: maintenant,
    },
  ])
}

/** The partner service of the identity-provider demo. */
async function seedPartenaire(db: Database) {
  await db.insert(clientsPartenaires).values({
    clientId: 'service-partenaire-exemple',
    nom: 'Service partenaire d’exemple',
    secret: 'demo-uniquement-secret-service-partenaire',
    redirectUris: ['http://127.0.0.1:3000/demarche-partenaire/retour'],
    postLogoutRedirectUris: ['http://127.0.0.1:3000/demarche-partenaire'],
  })
}

/** Sophie's application (the demo TOTP secret), and three physical cards in stock for the référent to bind. */
async function seedDispositifs({ db, org, sophie, maintenant }: StructureDemo) {
  await db.insert(dispositifs).values([
    {
      type: 'application',
      secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
      compteId: sophie,
      organisationId: org,
      confirmeLe: maintenant,
    },
    ...CARTES_DEMO.map((c) => ({ type: 'carte' as const, numeroSerie: c.numeroSerie, secret: c.secret })),
  ])
}

/** One habilitation request of a town hall, confirmed and sent. */
function demandeDemo(nom: string, region: string, commune: string, statut: string, maintenant: Date) {
  const id = crypto.randomUUID()
  return {
    id,
    jetonHash: sha256(jetonDemande(SECRET_DEMO, id)),
    statut,
    emailDemandeur: 'demandeur@demo.escale.localhost',
    emailVerifieLe: maintenant,
    nomDemandeur: 'Claire Morvan',
    donnees: {
      nom_demandeur: 'Claire Morvan',
      email_demandeur: 'demandeur@demo.escale.localhost',
      nom,
      siret: '73282932000074',
      type: 'collectivite',
      adresse: '1 place de la Mairie',
      code_commune: commune,
      region,
      referent_nom: 'Yann Le Gall',
      referent_email: `referent.${commune}@demo.escale.localhost`,
      aidants: [
        {
          nom: 'Maëlle Kerhervé',
          email: `aidant.${commune}@demo.escale.localhost`,
          profession: 'Secrétaire de mairie',
        },
      ],
    },
    codeRegion: region,
    creeLe: maintenant,
    deposeeLe: maintenant,
  }
}

/** A fictional usager of the FranceConnect simulator and the mandate they gave Sophie `ilYaJours` ago. */
async function seedMandat(
  { db, org, sophie, maintenant }: StructureDemo,
  i: number,
  demarches: Demarche[],
  duree: Duree,
  ilYaJours: number,
) {
  const identite = IDENTITES_FICTIVES[i]
  if (!identite) return
  const [u] = await db
    .insert(usagers)
    .values({
      subHash: hashSub(SECRET_DEMO, identite.sub),
      prenoms: identite.given_name,
      nom: identite.family_name,
      dateNaissance: identite.birthdate,
      genre: identite.gender,
      lieuNaissance: identite.birthplace,
      paysNaissance: identite.birthcountry,
      email: identite.email,
    })
    .returning()
  if (!u) return
  const creeLe = new Date(maintenant.getTime() - ilYaJours * 86_400_000)
  const expireLe = dateExpiration(creeLe, duree)
  const id = crypto.randomUUID()
  const hash = hashAttestation(SECRET_DEMO, {
    mandatId: id,
    organisationId: org,
    usagerId: u.id,
    demarches,
    creeLe,
    expireLe,
    versionTexte: VERSION_TEXTE_MANDAT,
    nature: 'mandat',
  })
  await creerMandat(db, {
    id,
    organisationId: org,
    usagerId: u.id,
    creeParId: sophie,
    creeLe,
    expireLe,
    duree,
    versionTexte: VERSION_TEXTE_MANDAT,
    consentement: 'sur_place',
    hashAttestation: hash,
  })
  const base = { le: creeLe, aidantId: sophie, organisationId: org, usagerId: u.id, mandatId: id }
  await ajouterAuJournal(db, SECRET_DEMO, {
    ...base,
    action: 'creation_attestation',
    details: { hashAttestation: hash, duree },
  })
  for (const a of await creerAutorisations(db, id, demarches))
    await ajouterAuJournal(db, SECRET_DEMO, {
      ...base,
      action: 'creation_autorisation',
      autorisationId: a.id,
      demarche: a.demarche,
    })
}

/**
 * Demo data: the first wave of regions, two fictional usagers of the FranceConnect simulator with
 * mandates at France services Marseille 3e (one active, one expired), the aidants' habilitations, and the
 * partner service of the identity-provider demo. Angela Dubois and Jean Martin stay without mandate to
 * play the creation journey.
 */
export async function seedAidants(
  ctx: ContexteDemoAidants,
  horloge: () => Date = () => new Date(),
): Promise<void> {
  const { db } = ctx
  const maintenant = horloge()
  await db
    .insert(regionsOuvertes)
    .values(PREMIERE_VAGUE.map((codeRegion) => ({ codeRegion, vague: 'Vague 1', ouverteLe: maintenant })))
  const structure: StructureDemo = {
    db,
    org: ctx.organisations.fsMarseille.id,
    sophie: ctx.compte('aidant.marseille@demo.escale.localhost'),
    maintenant,
  }
  await seedHabilitations(structure)
  await seedPartenaire(db)
  await seedDispositifs(structure)
  // Two requests for the national team: one to review (Bretagne, open), one on the waiting list (Île-de-France).
  await db
    .insert(demandesHabilitation)
    .values([
      demandeDemo('Mairie de Quimper', '53', '29232', 'en_attente', maintenant),
      demandeDemo('Mairie de Montreuil', '11', '93048', 'liste_attente', maintenant),
    ])
  await seedMandat(structure, 1, ['argent', 'social', 'logement'], 'annee', 20)
  await seedMandat(structure, 2, ['famille', 'transports'], 'mois', 60)
}
