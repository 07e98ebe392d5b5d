import { secteurDeCategorieJuridique } from '../../../platform/connecteurs/entreprises/nomenclatures'
import type { ReponseRegistre } from '../../../platform/connecteurs/entreprises/port'
import type { Categorie } from './financement'
import { siretValide } from './identifiants'

/**
 * A structure's identifiers and what the company register says of them (issue 19). The SIRET and the
 * RNA number (associations register) are two fields: an RNA number is never taken for a SIRET.
 */

export type LectureIdentifiant =
  | { ok: true; valeur: string }
  | { ok: false; message: string }
  /** Nothing typed (the other identifier may be given). */
  | { ok: 'vide' }

const RNA = /^W\d{9}$/
const sansEspaces = (texte: string) => texte.replace(/[\s.-]/g, '')

export function lireSiret(texte: string): LectureIdentifiant {
  const s = sansEspaces(texte).toUpperCase()
  if (!s) return { ok: 'vide' }
  if (RNA.test(s))
    return {
      ok: false,
      message:
        'Ce numéro est un numéro RNA (W suivi de 9 chiffres) : saisissez-le dans le champ « Numéro RNA ».',
    }
  if (!/^\d{14}$/.test(s)) return { ok: false, message: 'Un SIRET a 14 chiffres.' }
  if (!siretValide(s))
    return {
      ok: false,
      message: 'Ce SIRET n’existe pas : un chiffre est faux (la clé de contrôle ne correspond pas).',
    }
  return { ok: true, valeur: s }
}

export function lireRna(texte: string): LectureIdentifiant {
  const s = sansEspaces(texte).toUpperCase()
  if (!s) return { ok: 'vide' }
  if (/^\d{14}$/.test(s))
    return {
      ok: false,
      message: 'Ce numéro a 14 chiffres : c’est un SIRET, saisissez-le dans le champ « SIRET ».',
    }
  if (!RNA.test(s)) return { ok: false, message: 'Un numéro RNA commence par W, suivi de 9 chiffres.' }
  return { ok: true, valeur: s }
}

/** What a filing keeps of the register's answer. */
export type Verification =
  | { etat: 'verifiee'; categorieJuridique: string; categorie: Categorie }
  /** The register did not answer: the file is accepted and checked again later. */
  | { etat: 'a_verifier' }
  | { etat: 'refusee'; motif: 'ferme' | 'introuvable' }

export function verificationDe(r: ReponseRegistre): Verification {
  if (r.statut === 'indisponible') return { etat: 'a_verifier' }
  if (r.statut === 'introuvable') return { etat: 'refusee', motif: 'introuvable' }
  if (!r.etablissement.actif) return { etat: 'refusee', motif: 'ferme' }
  const code = r.etablissement.categorieJuridique.code
  return { etat: 'verifiee', categorieJuridique: code, categorie: secteurDeCategorieJuridique(code) }
}
