import { randomUUID } from 'node:crypto'
import type { Database } from '../../platform/db/database'
import { reconstruireCompteurs } from './db/activites-repository'
import { activites, beneficiaires } from './db/schema'
import type { Activite } from './domain/activite'

interface ContexteDemoActivites {
  db: Database
  structures: Record<string, { id: string; codeDepartement: string }>
  compte: (email: string) => string
}

/** Small deterministic generator: the same demo every time. */
function aleatoire(graine: number) {
  let x = graine
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648
    return x / 2147483648
  }
}

const REGION_DE: Record<string, string> = { '05': '93', '13': '93', '84': '93', '59': '32', '974': '04' }
const THEMES_FREQUENTS = [
  'equipement',
  'internet',
  'email',
  'securite_donnees',
  'bureautique',
  'sante',
  'banque_achats',
  'emploi_cv',
  'reseaux_sociaux',
  'demarche_social_sante',
  'demarche_papiers',
  'demarche_argent',
]
const TITRES = [
  'Premiers pas sur la tablette',
  'Bien utiliser sa boîte mail',
  'Sécuriser son téléphone',
  'Mon espace santé',
  'Faire un CV en ligne',
]

/**
 * A few hundred activities over the last six months for the two demo conseillers (Inès Fabre in
 * Gap, Karim Haddad in Marseille), written in bulk then counted set-based: `npm start` stays fast.
 */
export async function seedActivites(c: ContexteDemoActivites, maintenant = new Date()): Promise<void> {
  const r = aleatoire(2026)
  const choix = <T>(l: readonly T[]) => l[Math.floor(r() * l.length)] as T
  const lignes: Activite[] = []
  const conseillers = [
    { email: 'ines.fabre@demo.escale.localhost', structure: c.structures.mediatheque },
    { email: 'karim.haddad@demo.escale.localhost', structure: c.structures.ccas },
  ]
  for (const { email, structure } of conseillers) {
    if (!structure) continue
    const conseillerId = c.compte(email)
    const fiche = (
      await c.db
        .insert(beneficiaires)
        .values({
          conseillerId,
          structureId: structure.id,
          prenom: 'Josiane',
          trancheAge: '70_plus',
          situation: 'retraite',
          consentementLe: maintenant,
          creeLe: maintenant,
        })
        .returning()
    )[0]
    for (let j = 1; j <= 180; j++) {
      const jour = new Date(maintenant.getTime() - j * 86_400_000)
      if (jour.getUTCDay() === 0) continue
      const n = Math.floor(r() * 3)
      for (let k = 0; k < n; k++) {
        const type = choix(['individuel', 'individuel', 'ponctuel', 'collectif'] as const)
        const collectif = type === 'collectif'
        const participants = collectif ? 3 + Math.floor(r() * 9) : 1
        const age = choix(['25_39', '40_59', '60_69', '70_plus', '70_plus', '18_24'] as const)
        const situation = choix(['retraite', 'sans_emploi', 'en_emploi', 'nc'] as const)
        const duree = collectif ? choix([90, 120]) : choix([15, 30, 45, 60, 60, 90])
        const themes = [
          ...new Set([choix(THEMES_FREQUENTS), ...(r() < 0.4 ? [choix(THEMES_FREQUENTS)] : [])]),
        ]
        const demarche = themes.some((t) => t.startsWith('demarche_'))
        lignes.push({
          id: randomUUID(),
          conseillerId,
          structureId: structure.id,
          codeDepartement: structure.codeDepartement,
          codeRegion: REGION_DE[structure.codeDepartement] ?? '',
          date: jour.toISOString().slice(0, 10),
          type,
          duree,
          lieuType: r() < 0.85 ? 'lieu_activite' : choix(['domicile', 'distance'] as const),
          lieuId: `structure:${structure.id}`,
          lieuNom: 'Locaux de la structure',
          codeCommuneLieu: null,
          participants,
          niveau: collectif ? choix(['debutant', 'intermediaire'] as const) : null,
          titre: collectif ? choix(TITRES) : null,
          materiels: [choix(['ordinateur', 'telephone', 'tablette'] as const)],
          themes: themes as Activite['themes'],
          autonomie: collectif ? null : choix(['accompagne', 'partiel', 'autonome'] as const),
          orientation: demarche ? choix(['france_services', 'aidants_connect', 'aucune'] as const) : 'aucune',
          orientationPrecision: null,
          franceServicesId: null,
          ages: collectif
            ? { [age]: Math.ceil(participants / 2), nc: participants - Math.ceil(participants / 2) }
            : { [age]: 1 },
          situations: collectif ? { nc: participants } : { [situation]: 1 },
          codeCommuneBeneficiaire: null,
          beneficiaireId: !collectif && fiche && r() < 0.05 ? fiche.id : null,
          creeLe: jour,
          modifieLe: jour,
        })
      }
    }
  }
  for (let i = 0; i < lignes.length; i += 200) await c.db.insert(activites).values(lignes.slice(i, i + 200))
  await reconstruireCompteurs(c.db)
}
