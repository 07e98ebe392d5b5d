import { sql } from 'drizzle-orm'
import { seedActivites } from '../domains/activites'
import { creerOrganisation, seedAidants } from '../domains/aidants'
import { type CompteDemo, creerCompteDemo, type DepsComptes, type Habilitation } from '../domains/comptes'
import { seedFormation } from '../domains/formation'
import { seedLieux } from '../domains/lieux'
import { creerStructure, seedRecrutement } from '../domains/recrutement'

/**
 * Fictional but realistic demo data: no real person. Two regions (Provence-Alpes-Côte d'Azur,
 * Hauts-de-France) and one overseas département (La Réunion), with at least one account per role.
 * Runs only on an empty database, so restarting keeps what was done during a demo.
 */
export const MOT_DE_PASSE_DEMO = 'escale-demo-2026'
/** Base32 TOTP secret of the demo accounts that need a second factor (aidant, référent, admin). */
export const TOTP_DEMO = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'

/** A demo structure or organisation, as the domains' demo data refer to it. */
type Implantation = { id: string; nom: string; codeCommune: string; codeDepartement: string }

export interface ContexteDemo {
  db: DepsComptes['db']
  structures: Record<
    'mediatheque' | 'ccas' | 'lienNumerique' | 'lilleSud' | 'saintPierre' | 'formation',
    Implantation
  >
  organisations: Record<'fsMarseille' | 'arras' | 'kaz', Implantation>
  /** Id of a demo account by e-mail (see the table in README.md). */
  compte: (email: string) => string
}

export async function seedDemo(deps: DepsComptes): Promise<boolean> {
  const r = await deps.db.execute(sql`select count(*)::int as n from comptes`)
  if (((r as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0) > 0) return false

  // One transaction: a failed seed leaves nothing.
  return deps.db.transaction(async (tx) => {
    const structures = await creerStructuresDemo(tx)
    const organisations = await creerOrganisationsDemo(tx)
    const idsComptes = new Map<string, string>()
    for (const c of comptesDemo(structures, organisations))
      idsComptes.set(
        c.email,
        (await creerCompteDemo({ ...deps, db: tx }, { ...c, motDePasse: MOT_DE_PASSE_DEMO })).id,
      )
    // What each domain's demo data can hang on to.
    const contexte: ContexteDemo = {
      db: tx,
      structures,
      organisations,
      compte: (email) => {
        const id = idsComptes.get(email)
        if (!id) throw new Error(`compte de démonstration inconnu : ${email}`)
        return id
      },
    }
    await seedLieux(tx, { structureGap: structures.mediatheque.id, horloge: deps.horloge })
    await seedRecrutement(contexte, MOT_DE_PASSE_DEMO)
    await seedFormation(contexte)
    await seedActivites(contexte)
    await seedAidants(contexte, deps.horloge)
    return true
  })
}

async function creerStructuresDemo(tx: DepsComptes['db']): Promise<ContexteDemo['structures']> {
  const structure = (
    nom: string,
    type: string,
    codeCommune: string,
    codeDepartement: string,
    codeRegion: string,
  ): Promise<Implantation> =>
    creerStructure(tx, { nom, type, codeCommune, codeDepartement, codeRegion, postesSouhaites: 2 })
  return {
    mediatheque: await structure('Médiathèque intercommunale de Gap', 'epci', '05061', '05', '93'),
    ccas: await structure('CCAS de Marseille — antenne Belle de Mai', 'commune', '13055', '13', '93'),
    lienNumerique: await structure('Association Le Lien numérique', 'association', '84007', '84', '93'),
    lilleSud: await structure('Centre social Lille-Sud', 'association', '59350', '59', '32'),
    saintPierre: await structure('Mairie de Saint-Pierre', 'commune', '97416', '974', '04'),
    formation: await structure('Campus de la médiation numérique Sud', 'autre_prive', '13001', '13', '93'),
  }
}

async function creerOrganisationsDemo(tx: DepsComptes['db']): Promise<ContexteDemo['organisations']> {
  return {
    fsMarseille: await creerOrganisation(tx, {
      nom: 'France services Marseille 3e',
      type: 'france_services',
      codeCommune: '13055',
      codeDepartement: '13',
      codeRegion: '93',
    }),
    arras: await creerOrganisation(tx, {
      nom: 'Maison des solidarités d’Arras',
      type: 'collectivite',
      codeCommune: '62041',
      codeDepartement: '62',
      codeRegion: '32',
    }),
    kaz: await creerOrganisation(tx, {
      nom: 'Association Kaz Numérik',
      type: 'association',
      codeCommune: '97411',
      codeDepartement: '974',
      codeRegion: '04',
    }),
  }
}

const h = (
  role: Habilitation['role'],
  type: Habilitation['portee']['type'],
  code: string,
  libelle: string,
): Habilitation[] => [{ role, portee: { type, code, libelle } }]

/** At least one account per role (the table of README.md); those needing a second factor share one secret. */
function comptesDemo(
  { mediatheque, ccas, formation }: ContexteDemo['structures'],
  { fsMarseille }: ContexteDemo['organisations'],
): Omit<CompteDemo, 'motDePasse'>[] {
  return [
    {
      email: 'camille.morel@demo.escale.localhost',
      prenom: 'Camille',
      nom: 'Morel',
      totpSecret: TOTP_DEMO,
      habilitations: h('admin', 'national', '', ''),
    },
    {
      email: 'prefecture13@demo.escale.localhost',
      prenom: 'Nadia',
      nom: 'Benali',
      habilitations: h('prefecture', 'departement', '13', '13 — Bouches-du-Rhône'),
    },
    {
      email: 'prefecture974@demo.escale.localhost',
      prenom: 'Jean-Marc',
      nom: 'Payet',
      habilitations: h('prefecture', 'departement', '974', '974 — La Réunion'),
    },
    {
      email: 'hub.sud@demo.escale.localhost',
      prenom: 'Lucie',
      nom: 'Garnier',
      habilitations: h('coordinateur', 'region', '93', 'Région Provence-Alpes-Côte d’Azur'),
    },
    {
      email: 'gestion.gap@demo.escale.localhost',
      prenom: 'Thomas',
      nom: 'Roux',
      habilitations: h('gestionnaire', 'structure', mediatheque.id, `${mediatheque.nom} (05)`),
    },
    {
      email: 'ines.fabre@demo.escale.localhost',
      prenom: 'Inès',
      nom: 'Fabre',
      habilitations: h('conseiller', 'structure', mediatheque.id, `${mediatheque.nom} (05)`),
    },
    {
      email: 'karim.haddad@demo.escale.localhost',
      prenom: 'Karim',
      nom: 'Haddad',
      habilitations: h('conseiller', 'structure', ccas.id, `${ccas.nom} (13)`),
    },
    {
      email: 'aidant.marseille@demo.escale.localhost',
      prenom: 'Sophie',
      nom: 'Lambert',
      totpSecret: TOTP_DEMO,
      habilitations: h('aidant', 'organisation', fsMarseille.id, `${fsMarseille.nom} (13)`),
    },
    {
      email: 'referent.marseille@demo.escale.localhost',
      prenom: 'Pierre',
      nom: 'Navarro',
      totpSecret: TOTP_DEMO,
      habilitations: h('referent', 'organisation', fsMarseille.id, `${fsMarseille.nom} (13)`),
    },
    {
      email: 'candidate@demo.escale.localhost',
      prenom: 'Manon',
      nom: 'Leroy',
      habilitations: h('candidat', 'personnel', '', ''),
    },
    {
      email: 'formation@demo.escale.localhost',
      prenom: 'Hugo',
      nom: 'Mercier',
      habilitations: h('formateur', 'structure', formation.id, `${formation.nom} (13)`),
    },
    {
      email: 'solidarite@demo.escale.localhost',
      prenom: 'Aïcha',
      nom: 'Diallo',
      habilitations: h('mediateur', 'national', '', ''),
    },
  ]
}
