/** Grants, quota and envelope: pure rules over programme data read from the database. */

export const TYPES_STRUCTURE = [
  'commune',
  'epci',
  'departement',
  'region',
  'autre_public',
  'association',
  'entreprise_ess',
  'autre_prive',
] as const
export type TypeStructure = (typeof TYPES_STRUCTURE)[number]

export const LIBELLES_TYPE_STRUCTURE: Record<TypeStructure, string> = {
  commune: 'Commune',
  epci: 'EPCI (intercommunalité)',
  departement: 'Département',
  region: 'Région',
  autre_public: 'Autre organisme public',
  association: 'Association',
  entreprise_ess: 'Entreprise de l’économie sociale et solidaire',
  autre_prive: 'Autre organisme privé à but non lucratif',
}

export type Categorie = 'public' | 'prive'

export function categorieDe(type: string): Categorie {
  return ['commune', 'epci', 'departement', 'region', 'autre_public'].includes(type) ? 'public' : 'prive'
}

export interface Taux {
  categorie: Categorie
  /** A département code, or '*' for every département without a specific rate. */
  territoire: string
  montantEuros: number
}

/** The département's own rate wins over the general one (e.g. 70 000 € for public bodies in 971). */
export function tauxApplicable(taux: readonly Taux[], categorie: Categorie, codeDepartement: string) {
  return (
    taux.find((t) => t.categorie === categorie && t.territoire === codeDepartement) ??
    taux.find((t) => t.categorie === categorie && t.territoire === '*')
  )
}

export interface EtatPhase {
  quotaPostes: number
  enveloppeEuros: number
  postesAttribues: number
  montantEngage: number
}

export interface EtatAllocation {
  postesMax: number
  postesAttribues: number
}

export type RefusBudget =
  | { code: 'QUOTA_DEPASSE'; restant: number }
  | { code: 'ENVELOPPE_DEPASSEE'; restantEuros: number }
  | { code: 'ALLOCATION_DEPASSEE'; restant: number }

/**
 * A decision changes the posts and money of a structure by a delta (a new decision replaces the
 * previous one). Only increases are checked: giving posts back is always possible.
 */
export function verifierBudget(
  phase: EtatPhase,
  allocation: EtatAllocation | undefined,
  deltaPostes: number,
  deltaMontant: number,
): RefusBudget | undefined {
  if (deltaPostes > 0 && phase.postesAttribues + deltaPostes > phase.quotaPostes)
    return { code: 'QUOTA_DEPASSE', restant: phase.quotaPostes - phase.postesAttribues }
  if (deltaMontant > 0 && phase.montantEngage + deltaMontant > phase.enveloppeEuros)
    return { code: 'ENVELOPPE_DEPASSEE', restantEuros: phase.enveloppeEuros - phase.montantEngage }
  if (allocation && deltaPostes > 0 && allocation.postesAttribues + deltaPostes > allocation.postesMax)
    return { code: 'ALLOCATION_DEPASSEE', restant: allocation.postesMax - allocation.postesAttribues }
  return undefined
}

/** Adds months to an ISO date (end of month clamped: 31 January + 1 month = 28/29 February). */
export function ajouterMois(iso: string, mois: number): string {
  const [a, m, j] = iso.split('-').map(Number) as [number, number, number]
  const total = a * 12 + (m - 1) + mois
  const annee = Math.floor(total / 12)
  const moisIdx = total % 12
  const dernier = new Date(Date.UTC(annee, moisIdx + 1, 0)).getUTCDate()
  const d = new Date(Date.UTC(annee, moisIdx, Math.min(j, dernier)))
  return d.toISOString().slice(0, 10)
}

export interface Versement {
  rang: number
  datePrevue: string
  montantEuros: number
}

/**
 * Payment schedule: one payment a year at the anniversary of the start, in the phase's shares.
 * The last payment takes the rounding remainder so that the sum is exactly the amount.
 */
export function echeancier(montantEuros: number, debut: string, parts: readonly number[]): Versement[] {
  const total = parts.reduce((a, b) => a + b, 0) || 1
  let verse = 0
  return parts.map((p, i) => {
    const montant = i === parts.length - 1 ? montantEuros - verse : Math.round((montantEuros * p) / total)
    verse += montant
    return { rang: i + 1, datePrevue: ajouterMois(debut, 12 * i), montantEuros: montant }
  })
}

export const DUREES_CONTRAT = { '2ans': 24, '3ans': 36 } as const
export type TypeContrat = keyof typeof DUREES_CONTRAT

/** End of a 2- or 3-year contract: the day before the anniversary. */
export function finDeContrat(debut: string, type: TypeContrat): string {
  const fin = new Date(`${ajouterMois(debut, DUREES_CONTRAT[type])}T00:00:00Z`)
  fin.setUTCDate(fin.getUTCDate() - 1)
  return fin.toISOString().slice(0, 10)
}

export const euros = (n: number) => `${n.toLocaleString('fr-FR').replace(/\u202f/g, ' ')} €`
