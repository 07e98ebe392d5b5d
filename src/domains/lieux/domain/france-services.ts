import type { Commune } from '../../../platform/geo/communes'
import { ecrireHorairesSemaine, type Plage } from './horaires'
import type { Probleme } from './lieu'

/**
 * The national list of France Services (CSV of 1 December 2022, 23 columns) turned into rows of the
 * standard, then read by the same tolerant import as any other file.
 *
 * What the list does not say is filled from the France Services charter, which every labelled site
 * signs: help with administrative procedures and free access to a computer, free of charge, walk-in.
 */

const JOURS_FS = ['h_lundi', 'h_mardi', 'h_mercredi', 'h_jeudi', 'h_vendredi', 'h_samedi'] as const
const NOMS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'] as const

/** « 09:00 - 12:00 / 13:30 - 17:00 », « 09:00-12:00 13:30-17:00 », « - » (closed) → time ranges. */
export function lirePlagesFranceServices(texte: string): Plage[] | undefined {
  const t = texte.trim()
  if (t === '' || t === '-' || /^ferm/i.test(t)) return []
  const heures = [...t.matchAll(/(\d{1,2})\s*[:hH]\s*(\d{2})/g)].map((m) => Number(m[1]) * 60 + Number(m[2]))
  if (heures.length === 0 || heures.length % 2 !== 0) return undefined
  // Anything but hours and separators means free text we cannot read safely.
  if (/[a-zA-Z]/.test(t.replace(/(\d)\s*[hH]\s*(\d)/g, '$1$2'))) return undefined
  const plages: Plage[] = []
  for (let i = 0; i < heures.length; i += 2) {
    const a = heures[i]!
    const b = heures[i + 1]!
    // « 00:00 - 00:00 » is how the list writes a closed half-day.
    if (a === 0 && b === 0) continue
    if (a >= b || b > 1440) return undefined
    plages.push([a, b])
  }
  // « 08:30 - 12:00 / 08:30 - 17:00 »: overlapping ranges mean their union.
  plages.sort((x, y) => x[0] - y[0])
  const fusion: Plage[] = []
  for (const p of plages) {
    const d = fusion[fusion.length - 1]
    if (d && p[0] <= d[1]) fusion[fusion.length - 1] = [d[0], Math.max(d[1], p[1])]
    else fusion.push(p)
  }
  return fusion
}

export function horairesFranceServices(ligne: Record<string, string>): string {
  const semaine: Plage[][] = []
  const illisibles: string[] = []
  JOURS_FS.forEach((col, i) => {
    const p = lirePlagesFranceServices(ligne[col] ?? '')
    if (p === undefined) illisibles.push(`${NOMS[i]} : ${ligne[col]}`)
    semaine.push(p ?? [])
  })
  semaine.push([])
  // Unreadable days: keep the original text so that the import flags « horaires non reconnus ».
  if (illisibles.length > 0) return illisibles.join(' ; ')
  return ecrireHorairesSemaine(semaine)
}

export const SOURCE_FRANCE_SERVICES = 'France Services (ANCT)'

/** « Fresnes-LÃ©guillon »: UTF-8 read as Latin-1 then saved again as UTF-8, as found in the list. */
export function reparerEncodage(s: string): string {
  if (!/[ÃÂ][\u0080-\u00BF]/.test(s)) return s
  const r = Buffer.from(s, 'latin1').toString('utf8')
  return r.includes('\uFFFD') ? s : r
}

export function ligneStandardFranceServices(
  ligne: Record<string, string>,
  dateListe: string,
  communes?: { dansLeNom(texte: string, departement: string): Commune | undefined },
): { ligne: Record<string, string>; avertissements: Probleme[] } {
  const avertissements: Probleme[] = []
  const v = (c: string) => {
    const brut = (ligne[c] ?? '').trim()
    const r = reparerEncodage(brut)
    if (r !== brut)
      avertissements.push({
        champ: c === 'lib_fs' ? 'nom' : c,
        gravite: 'avertissement',
        message: `texte mal encodé corrigé : « ${r} »`,
      })
    return r
  }
  const modalites = ['Se présenter']
  if (v('telephone')) modalites.push('Téléphoner')
  if (v('mail')) modalites.push('Contacter par mail')
  const nom = v('lib_fs')
  let commune = v('lib_com')
  let codePostal = v('code_postal')
  let codeInsee = v('insee_com')
  let adresse = v('adresse')
  // Some antennas of the list have only a name: the commune is in it (« Antenne de Moyenmoutier »).
  if (!adresse && !commune && !codePostal && communes) {
    const c = communes.dansLeNom(nom, v('insee_dep'))
    if (c) {
      commune = c.nom
      codePostal = c.codesPostaux[0] ?? ''
      codeInsee = c.code
      adresse = 'Adresse non communiquée'
      avertissements.push({
        champ: 'adresse',
        gravite: 'avertissement',
        message: `adresse absente de la liste : commune ${c.nom} déduite du nom, lieu placé au centre de la commune (à compléter)`,
      })
    }
  }
  const resultat = {
    id: v('id_fs') ? `france-services-${v('id_fs')}` : '',
    pivot: '',
    nom,
    commune,
    code_postal: codePostal,
    code_insee: codeInsee,
    adresse,
    complement_adresse: v('complement_adresse'),
    latitude: v('latitude'),
    longitude: v('longitude'),
    typologie: 'RFS',
    telephone: v('telephone'),
    courriels: v('mail'),
    horaires: horairesFranceServices(ligne),
    presentation_resume: v('format_fs') === 'Antenne' ? 'Antenne France services.' : '',
    presentation_detail: v('commentaire'),
    source: SOURCE_FRANCE_SERVICES,
    itinerance: v('itinerance').toLowerCase() === 'oui' ? 'Itinérant' : 'Fixe',
    structure_parente: v('groupe'),
    date_maj: dateListe,
    services: 'Aide aux démarches administratives|Accès internet et matériel informatique',
    frais_a_charge: 'Gratuit',
    dispositif_programmes_nationaux: 'France Services',
    modalites_acces: modalites.join('|'),
    modalites_accompagnement: 'Accompagnement individuel',
  }
  return { ligne: resultat, avertissements }
}

/** The list's own columns, to recognise it among uploaded files. */
export function estListeFranceServices(colonnes: readonly string[]): boolean {
  return colonnes.includes('id_fs') && colonnes.includes('lib_fs') && colonnes.includes('h_lundi')
}
