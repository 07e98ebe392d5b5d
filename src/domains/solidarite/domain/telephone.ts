/**
 * French phone numbers as people write them, read into E.164 (`+33612345678`).
 *
 * The overseas departments share the ten-digit national plan (`0690 12 34 56`) but not the country
 * code: a Guadeloupe mobile is `+590 690 12 34 56`, a Réunion one `+262 692 12 34 56`. The national
 * prefix (the first four digits) decides which. Saint-Pierre-et-Miquelon (+508), and the Pacific
 * territories (+681, +687, +689) have their own shorter plans and are written with their code.
 */

export type Territoire =
  | 'metropole'
  | 'guadeloupe'
  | 'martinique'
  | 'guyane'
  | 'reunion'
  | 'mayotte'
  | 'saint-pierre-et-miquelon'
  | 'wallis-et-futuna'
  | 'nouvelle-caledonie'
  | 'polynesie'

export interface Telephone {
  /** E.164, e.g. `+262692123456`. */
  e164: string
  territoire: Territoire
  mobile: boolean
  /** IANA time zone of the territory: a slot chosen by the person is in this zone by default. */
  fuseau: string
}

export type LectureTelephone = { ok: true; telephone: Telephone } | { ok: false; erreur: string }

interface Plan {
  territoire: Territoire
  indicatif: string
  fuseau: string
}

const PLANS: Record<Territoire, Plan> = {
  metropole: { territoire: 'metropole', indicatif: '33', fuseau: 'Europe/Paris' },
  guadeloupe: { territoire: 'guadeloupe', indicatif: '590', fuseau: 'America/Guadeloupe' },
  martinique: { territoire: 'martinique', indicatif: '596', fuseau: 'America/Martinique' },
  guyane: { territoire: 'guyane', indicatif: '594', fuseau: 'America/Cayenne' },
  reunion: { territoire: 'reunion', indicatif: '262', fuseau: 'Indian/Reunion' },
  mayotte: { territoire: 'mayotte', indicatif: '262', fuseau: 'Indian/Mayotte' },
  'saint-pierre-et-miquelon': {
    territoire: 'saint-pierre-et-miquelon',
    indicatif: '508',
    fuseau: 'America/Miquelon',
  },
  'wallis-et-futuna': { territoire: 'wallis-et-futuna', indicatif: '681', fuseau: 'Pacific/Wallis' },
  'nouvelle-caledonie': { territoire: 'nouvelle-caledonie', indicatif: '687', fuseau: 'Pacific/Noumea' },
  polynesie: { territoire: 'polynesie', indicatif: '689', fuseau: 'Pacific/Tahiti' },
}

/**
 * Overseas blocks of the ten-digit plan, by their first four digits (national form). Saint-Barthélemy
 * and Saint-Martin share Guadeloupe's code and blocks.
 */
const BLOCS_OUTRE_MER: Record<string, { territoire: Territoire; mobile: boolean }> = {
  '0590': { territoire: 'guadeloupe', mobile: false },
  '0690': { territoire: 'guadeloupe', mobile: true },
  '0691': { territoire: 'guadeloupe', mobile: true },
  '0596': { territoire: 'martinique', mobile: false },
  '0696': { territoire: 'martinique', mobile: true },
  '0697': { territoire: 'martinique', mobile: true },
  '0594': { territoire: 'guyane', mobile: false },
  '0694': { territoire: 'guyane', mobile: true },
  '0262': { territoire: 'reunion', mobile: false },
  '0263': { territoire: 'reunion', mobile: false },
  '0692': { territoire: 'reunion', mobile: true },
  '0693': { territoire: 'reunion', mobile: true },
  '0269': { territoire: 'mayotte', mobile: false },
  '0639': { territoire: 'mayotte', mobile: true },
}

/** Pacific and Saint-Pierre-et-Miquelon: their own plans, digits after the country code. */
const PLANS_COURTS: { territoire: Territoire; chiffres: number; mobile: (n: string) => boolean }[] = [
  { territoire: 'saint-pierre-et-miquelon', chiffres: 6, mobile: (n) => n.startsWith('55') },
  { territoire: 'wallis-et-futuna', chiffres: 6, mobile: (n) => /^[89]/.test(n) },
  { territoire: 'nouvelle-caledonie', chiffres: 6, mobile: (n) => /^[5-9]/.test(n) },
  { territoire: 'polynesie', chiffres: 8, mobile: (n) => /^8[79]/.test(n) },
]

const ERREUR_FORMAT =
  'Écrivez un numéro de téléphone français à 10 chiffres, par exemple 06 12 34 56 78, ou avec l’indicatif, par exemple +262 692 12 34 56.'

const telephone = (territoire: Territoire, chiffres: string, mobile: boolean): LectureTelephone => {
  const plan = PLANS[territoire]
  return {
    ok: true,
    telephone: { e164: `+${plan.indicatif}${chiffres}`, territoire, mobile, fuseau: plan.fuseau },
  }
}

/** Reads a ten-digit national number (`0612345678`). */
function lireNational(n: string): LectureTelephone {
  if (!/^0\d{9}$/.test(n)) return { ok: false, erreur: ERREUR_FORMAT }
  const bloc = BLOCS_OUTRE_MER[n.slice(0, 4)]
  if (bloc) return telephone(bloc.territoire, n.slice(1), bloc.mobile)
  const premier = n[1]
  if (premier === '8')
    return {
      ok: false,
      erreur: 'Les numéros en 08 sont des numéros de services : donnez un numéro où l’on peut vous joindre.',
    }
  if (premier === '0') return { ok: false, erreur: ERREUR_FORMAT }
  return telephone('metropole', n.slice(1), premier === '6' || premier === '7')
}

/** Reads digits written after a country code (`+590…`, `00262…`). */
function lireInternational(n: string): LectureTelephone {
  // « +33 06 12 34 56 78 »: the national 0 kept after the code is a common way of writing it.
  const apres = (indicatif: string) => {
    const reste = n.slice(indicatif.length)
    return reste.length === 10 && reste.startsWith('0') ? reste.slice(1) : reste
  }
  if (n.startsWith('33')) return lireNational(`0${apres('33')}`)
  for (const indicatif of ['590', '596', '594', '262']) {
    if (!n.startsWith(indicatif)) continue
    const national = `0${apres(indicatif)}`
    const lu = lireNational(national)
    // The country code must agree with the block: +590 with a Réunion block is a typing error.
    if (lu.ok && PLANS[lu.telephone.territoire].indicatif === indicatif) return lu
    return { ok: false, erreur: ERREUR_FORMAT }
  }
  for (const p of PLANS_COURTS) {
    const indicatif = PLANS[p.territoire].indicatif
    if (!n.startsWith(indicatif)) continue
    const reste = n.slice(indicatif.length)
    if (reste.length !== p.chiffres) return { ok: false, erreur: ERREUR_FORMAT }
    return telephone(p.territoire, reste, p.mobile(reste))
  }
  return {
    ok: false,
    erreur: 'Ce service rappelle les numéros de France et des outre-mer seulement.',
  }
}

/**
 * Reads a phone number as typed: spaces, dots, dashes and brackets are ignored, `+` or `00` start a
 * country code, `(0)` after a country code is dropped. Answers E.164 or a French message.
 */
export function lireTelephone(saisie: string): LectureTelephone {
  const brut = saisie.normalize('NFKC').trim()
  if (brut === '') return { ok: false, erreur: 'Indiquez un numéro de téléphone.' }
  if (/[^\d\s.+()/-]/.test(brut)) return { ok: false, erreur: ERREUR_FORMAT }
  const sansZeroOptionnel = brut.replace(/^(\+\d{2,3})\s*\(0\)/, '$1')
  const international = /^(\+|00)/.test(sansZeroOptionnel)
  const chiffres = sansZeroOptionnel.replace(/\D/g, '')
  if (international) return lireInternational(brut.startsWith('+') ? chiffres : chiffres.slice(2))
  return lireNational(chiffres)
}

/** How a number is shown back to the person and to the médiateur: `06 12 34 56 78`, `+689 87 12 34 56`. */
export function afficherTelephone(t: Pick<Telephone, 'e164' | 'territoire'>): string {
  const indicatif = PLANS[t.territoire].indicatif
  const reste = t.e164.slice(1 + indicatif.length)
  const paires = (s: string) => s.replace(/(\d{2})(?=\d)/g, '$1 ')
  if (reste.length === 9) return paires(`0${reste}`)
  return `+${indicatif} ${paires(reste)}`
}

/** The territory's time zone, for a territory chosen by the person (a form's list). */
export const fuseauDe = (t: Territoire) => PLANS[t].fuseau

export const TERRITOIRES = Object.keys(PLANS) as Territoire[]
