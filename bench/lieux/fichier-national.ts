/**
 * A realistic national file of places in the standard (v1.0.2), written here rather than downloaded:
 * about 25 000 places spread over the whole country (overseas included) in proportion to population,
 * with what real files carry — places without coordinates, phone numbers in the national form,
 * a few invalid e-mails, rows without an address (rejected), unrecognised hours, placeholder SIRETs.
 * Deterministic for a given seed, so a bench or a test can count what the import must report.
 *
 *   npx tsx bench/lieux/fichier-national.ts [--lieux=25000] [--graine=1] [--format=csv|json] > national.csv
 */

import {
  COLONNES_STANDARD,
  DISPOSITIFS_PROGRAMMES_NATIONAUX,
  FORMATIONS_LABELS,
  FRAIS_A_CHARGE,
  MODALITES_ACCES,
  MODALITES_ACCOMPAGNEMENT,
  PUBLICS_SPECIFIQUEMENT_ADRESSES,
  SERVICES,
} from '../../src/domains/lieux/domain/vocabulaires'
import { ecrireCsv } from '../../src/platform/csv'
import type { Commune } from '../../src/platform/geo/communes'
import { referentielCommunes } from '../../src/platform/geo/referentiel-communes'
import { DEPARTEMENTS } from '../../src/platform/geo/territoires'

/** What the generator put in, so that a test can check the import's report against it. */
export interface FichierNational {
  lignes: Record<string, string | number>[]
  attendu: {
    /** Rows without an address: the import must reject exactly these. */
    sansAdresse: number
    sansCoordonnees: number
    telephonesNationaux: number
    courrielsInvalides: number
  }
}

/** mulberry32: small, fast, good enough to spread places; the same seed gives the same file. */
function generateur(graine: number) {
  let a = graine >>> 0
  const suivant = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    nombre: suivant,
    entier: (n: number) => Math.floor(suivant() * n),
    un: <T>(l: readonly T[]): T => l[Math.floor(suivant() * l.length)] as T,
    plusieurs: <T>(l: readonly T[], max: number): T[] => {
      const n = 1 + Math.floor(suivant() * max)
      return [...new Set(Array.from({ length: n }, () => l[Math.floor(suivant() * l.length)] as T))]
    },
    si: (p: number) => suivant() < p,
  }
}

const TYPES_DE_LIEUX = [
  ['Médiathèque', 'BIB'],
  ['Espace public numérique', 'EPN'],
  ['France services', 'RFS'],
  ['Centre social', 'CS'],
  ['Mairie', 'MUNI'],
  ['Centre communal d’action sociale', 'CCAS'],
  ['Maison de quartier', 'MQ'],
  ['Tiers-lieu numérique', 'TIERS_LIEUX'],
  ['Association d’entraide numérique', 'ASSO'],
] as const
const VOIES = [
  'rue de la République',
  'place de la Mairie',
  'avenue Jean Jaurès',
  'rue Victor Hugo',
  'chemin des Écoles',
  'boulevard Pasteur',
  'rue du Moulin',
  'allée des Tilleuls',
  'rue de l’Église',
  'place du Marché',
]
const HORAIRES = [
  'Mo-Fr 09:00-12:00,14:00-17:00',
  'Tu,Th 14:00-18:00; Sa 09:00-12:00',
  'Mo-Sa 10:00-19:00',
  'We 09:00-12:30',
  'Mo,We,Fr 08:30-12:00',
]
const SOURCES = [
  'cartographie-nationale',
  'hub-nord',
  'hub-ouest',
  'hub-est',
  'hub-sud',
  'conseiller-numerique',
]
const INDICATIFS: Record<string, string> = {
  '971': '+590',
  '972': '+596',
  '973': '+594',
  '974': '+262',
  '976': '+262',
}

/** A SIRET whose check digit holds (Luhn), as the company register would give. */
function siret(g: ReturnType<typeof generateur>): string {
  const chiffres = Array.from({ length: 13 }, () => g.entier(10))
  for (let d = 0; d < 10; d++) {
    const tous = [...chiffres, d]
    const somme = tous.reduce((s, c, i) => {
      const v = i % 2 === 0 ? c * 2 : c
      return s + (v > 9 ? v - 9 : v)
    }, 0)
    if (somme % 10 === 0) return tous.join('')
  }
  return `${chiffres.join('')}0`
}

/** Every commune with its weight (population to the power 0.7: towns get more places, villages some). */
function communesPonderees(): { communes: Commune[]; cumul: Float64Array } {
  const ref = referentielCommunes()
  const communes = DEPARTEMENTS.flatMap((d) => [...ref.duDepartement(d.code)]).filter(
    (c) => c.codesPostaux.length > 0,
  )
  const cumul = new Float64Array(communes.length)
  let total = 0
  communes.forEach((c, i) => {
    total += Math.max(50, c.population) ** 0.7
    cumul[i] = total
  })
  return { communes, cumul }
}

function tirerCommune(p: ReturnType<typeof communesPonderees>, x: number): Commune {
  const cible = x * (p.cumul[p.cumul.length - 1] ?? 0)
  let bas = 0
  let haut = p.cumul.length - 1
  while (bas < haut) {
    const m = (bas + haut) >> 1
    if ((p.cumul[m] ?? 0) < cible) bas = m + 1
    else haut = m
  }
  return p.communes[bas] as Commune
}

/** A day of 2024 to November 2026: files are updated now and then, never in the future. */
function dateMaj(g: ReturnType<typeof generateur>): string {
  const annee = 2024 + g.entier(3)
  const mois = 1 + g.entier(annee === 2026 ? 11 : 12)
  return `${annee}-${String(mois).padStart(2, '0')}-${String(1 + g.entier(28)).padStart(2, '0')}`
}

/** « de Gap », « d’Orcet », « du Havre », « des Mureaux ». */
const deLaCommune = (nom: string) =>
  /^Le /.test(nom)
    ? `du ${nom.slice(3)}`
    : /^Les /.test(nom)
      ? `des ${nom.slice(4)}`
      : /^[AEIOUYÉÈÎH]/i.test(nom)
        ? `d’${nom}`
        : `de ${nom}`

/** One place of a commune, as a producer of the national map would publish it. */
function ligne(g: ReturnType<typeof generateur>, c: Commune, n: number, f: FichierNational) {
  const [type, typologie] = g.un(TYPES_DE_LIEUX)
  const codePostal = c.codesPostaux[0] as string
  const indicatif = INDICATIFS[codePostal.slice(0, 3)] ?? '+33'
  const numero = `${g.un(['1', '4', '5', '6', '9'])}${String(g.entier(1e8)).padStart(8, '0')}`
  const r: Record<string, string | number> = {
    id: `lieu-${c.departement}-${String(n).padStart(6, '0')}`,
    pivot: g.si(0.6) ? siret(g) : '00000000000000',
    nom: `${type} ${g.si(0.3) ? `${['du Centre', 'des Quartiers Nord', 'du Port', 'de la Gare'][g.entier(4)]} ` : ''}${deLaCommune(c.nom)}`,
    commune: c.nom,
    code_postal: codePostal,
    code_insee: c.code,
    adresse: `${1 + g.entier(120)} ${g.un(VOIES)}`,
    typologie,
    date_maj: dateMaj(g),
    source: g.un(SOURCES),
    services: g.plusieurs(SERVICES, 4).join('|'),
    frais_a_charge: g.un(FRAIS_A_CHARGE),
    modalites_acces: g.plusieurs(MODALITES_ACCES.slice(0, 4), 2).join('|'),
    modalites_accompagnement: g.plusieurs(MODALITES_ACCOMPAGNEMENT, 2).join('|'),
    itinerance: g.si(0.05) ? 'Itinérant' : 'Fixe',
  }
  if (g.si(0.85)) {
    r.latitude = Math.round((c.latitude + (g.nombre() - 0.5) * 0.03) * 1e6) / 1e6
    r.longitude = Math.round((c.longitude + (g.nombre() - 0.5) * 0.04) * 1e6) / 1e6
  } else f.attendu.sansCoordonnees++
  if (g.si(0.9)) r.telephone = `${indicatif}${numero}`
  else if (g.si(0.5)) {
    r.telephone = `0${numero.replace(/(\d)(\d\d)(\d\d)(\d\d)(\d\d)/, '$1 $2 $3 $4 $5')}`
    f.attendu.telephonesNationaux++
  }
  if (g.si(0.5)) r.courriels = `contact.${n}@${typologie.toLowerCase().replace('_', '-')}.exemple.fr`
  else if (g.si(0.02)) {
    r.courriels = `contact-${n}-sans-arobase.exemple.fr`
    f.attendu.courrielsInvalides++
  }
  if (g.si(0.3)) r.site_web = `https://www.${typologie.toLowerCase().replace('_', '-')}-${n}.exemple.fr`
  if (g.si(0.7)) r.horaires = g.si(0.03) ? 'le matin sauf vacances' : g.un(HORAIRES)
  if (g.si(0.4))
    r.presentation_resume = `${type} ouvert à tous : un conseiller vous aide à utiliser le numérique.`
  if (g.si(0.3)) r.publics_specifiquement_adresses = g.plusieurs(PUBLICS_SPECIFIQUEMENT_ADRESSES, 2).join('|')
  if (typologie === 'RFS') r.dispositif_programmes_nationaux = 'France Services'
  else if (g.si(0.3))
    r.dispositif_programmes_nationaux = g.plusieurs(DISPOSITIFS_PROGRAMMES_NATIONAUX.slice(0, 6), 2).join('|')
  if (g.si(0.1)) r.formations_labels = g.un(FORMATIONS_LABELS)
  if (g.si(0.15))
    r.fiche_acces_libre = `https://acceslibre.beta.gouv.fr/app/${c.departement}-commune/a/espace/erp/lieu-${n}/`
  if (g.si(0.05)) r.prise_rdv = `https://rdv.exemple.fr/lieu-${n}`
  if (g.si(0.01)) {
    delete r.adresse
    f.attendu.sansAdresse++
  }
  return r
}

export function fichierNational(o: { lieux?: number; graine?: number } = {}): FichierNational {
  const g = generateur(o.graine ?? 1)
  const p = communesPonderees()
  const f: FichierNational = {
    lignes: [],
    attendu: { sansAdresse: 0, sansCoordonnees: 0, telephonesNationaux: 0, courrielsInvalides: 0 },
  }
  for (let n = 1; n <= (o.lieux ?? 25_000); n++) f.lignes.push(ligne(g, tirerCommune(p, g.nombre()), n, f))
  return f
}

/** The file as the national map publishes it: CSV with every column of the standard, or a JSON list. */
export function enFichier(f: FichierNational, format: 'csv' | 'json'): Buffer {
  if (format === 'json') return Buffer.from(JSON.stringify(f.lignes))
  const colonnes = [...COLONNES_STANDARD]
  return Buffer.from(
    ecrireCsv(
      [colonnes, ...f.lignes.map((l) => colonnes.map((c) => (l[c] === undefined ? '' : String(l[c]))))],
      {
        format: 'standard',
      },
    ),
  )
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (nom: string) => process.argv.find((a) => a.startsWith(`--${nom}=`))?.split('=')[1]
  const f = fichierNational({ lieux: Number(arg('lieux') ?? 25_000), graine: Number(arg('graine') ?? 1) })
  process.stdout.write(enFichier(f, arg('format') === 'json' ? 'json' : 'csv'))
}
