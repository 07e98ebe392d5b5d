/** What a person says when asking to be called back, in the words the form and the médiateurs use. */
import { randomInt } from 'node:crypto'
import type { Territoire } from './telephone'

export const BESOINS = {
  materiel: 'Mon appareil : ordinateur, téléphone ou tablette',
  internet: 'Internet ou le wifi',
  email: 'Mes e-mails',
  demarche: 'Une démarche en ligne',
  arnaque: 'J’ai peur d’une arnaque',
  autre: 'Autre chose',
} as const
export type Besoin = keyof typeof BESOINS

export const DOMAINES_DEMARCHE = {
  impots: 'Impôts',
  caf: 'Allocations familiales (CAF)',
  sante: 'Santé, Ameli',
  retraite: 'Retraite',
  emploi: 'Emploi, France Travail',
  papiers: 'Papiers : carte d’identité, permis, carte grise',
  logement: 'Logement',
  banque: 'Banque',
  autre: 'Autre démarche',
} as const
export type DomaineDemarche = keyof typeof DOMAINES_DEMARCHE

export const LANGUES = {
  fr: 'Français',
  en: 'Anglais',
  ar: 'Arabe',
  es: 'Espagnol',
  pt: 'Portugais',
  cre: 'Créole',
} as const
export type Langue = keyof typeof LANGUES

export const NOMS_TERRITOIRES: Record<Territoire, string> = {
  metropole: 'Métropole et Corse',
  guadeloupe: 'Guadeloupe, Saint-Martin, Saint-Barthélemy',
  martinique: 'Martinique',
  guyane: 'Guyane',
  reunion: 'La Réunion',
  mayotte: 'Mayotte',
  'saint-pierre-et-miquelon': 'Saint-Pierre-et-Miquelon',
  'wallis-et-futuna': 'Wallis-et-Futuna',
  'nouvelle-caledonie': 'Nouvelle-Calédonie',
  polynesie: 'Polynésie française',
}

/** Région code (INSEE) of an overseas territory that is a région; metropolitan France needs more. */
export const REGION_DU_TERRITOIRE: Partial<Record<Territoire, string>> = {
  guadeloupe: '01',
  martinique: '02',
  guyane: '03',
  reunion: '04',
  mayotte: '06',
}

/** No 0/O, 1/I/L: read aloud on the phone and typed back without doubt. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

/** `R-7KQ2-M4`: six characters, about 887 million references. */
export function nouvelleReference(tirer: (n: number) => number = randomInt): string {
  const c = () => ALPHABET[tirer(ALPHABET.length)]
  return `R-${c()}${c()}${c()}${c()}-${c()}${c()}`
}

export const estReference = (s: string) => /^R-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/.test(s)
