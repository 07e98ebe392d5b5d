import type { ExerciceId } from './contenu'
import {
  ACTIVITE_CHERCHEE,
  COURRIELS_ARNAQUE,
  DESTINATAIRE_MEDIATHEQUE,
  FICHE_ROSE,
  JOUR_FERME,
  SMS_ARNAQUE,
} from './scenarios'

/**
 * Tolerant marking of what the person typed, field by field. The rules (T1…T4, in the README):
 * T1 case, accents, spaces and punctuation never count (« MARTIN », « martin » and « Mar-tin »);
 * T2 a small typing slip is forgiven on names: edit distance ≤ 25 % of the expected length;
 * T3 e-mail addresses must be exact after T1's case and space rules (a slip sends the mail elsewhere);
 * T4 a date is read as day/month/year with any separator (/, -, ., space) or as 8 digits; a
 *    year-first date is refused with a message about the expected format.
 * What was typed is used for marking only: it is never stored nor logged.
 */

export function normaliser(texte: string): string {
  return texte
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

export function distance(a: string, b: string): number {
  if (a === b) return 0
  let precedente = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const courante = [i]
    for (let j = 1; j <= b.length; j++) {
      const cout = a[i - 1] === b[j - 1] ? 0 : 1
      courante[j] = Math.min(courante[j - 1]! + 1, precedente[j]! + 1, precedente[j - 1]! + cout)
    }
    precedente = courante
  }
  return precedente[b.length]!
}

export type Comparaison = 'exact' | 'proche' | 'faux'

export function comparerTexte(saisie: string, attendu: string): Comparaison {
  const s = normaliser(saisie)
  const a = normaliser(attendu)
  if (s.length === 0) return 'faux'
  if (s === a) return 'exact'
  return distance(s, a) / a.length <= 0.25 ? 'proche' : 'faux'
}

export function normaliserEmail(saisie: string): string {
  return saisie.trim().replace(/\s+/g, '').toLowerCase()
}

export type LectureDate =
  | { ok: true; jour: number; mois: number; annee: number }
  | { ok: false; raison: 'vide' | 'format' | 'impossible' }

export function lireDate(saisie: string): LectureDate {
  const t = saisie.trim()
  if (t === '') return { ok: false, raison: 'vide' }
  let m = /^(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{4})$/.exec(t)
  if (!m) m = /^(\d{2})(\d{2})(\d{4})$/.exec(t)
  if (!m) return { ok: false, raison: 'format' }
  const jour = Number(m[1])
  const mois = Number(m[2])
  const annee = Number(m[3])
  const d = new Date(Date.UTC(annee, mois - 1, jour))
  if (d.getUTCFullYear() !== annee || d.getUTCMonth() !== mois - 1 || d.getUTCDate() !== jour)
    return { ok: false, raison: 'impossible' }
  return { ok: true, jour, mois, annee }
}

export interface RetourChamp {
  ok: boolean
  /** Field-level feedback in plain words; also given when ok but a slip was forgiven. */
  message?: string
}

export interface Correction {
  reussi: boolean
  champs: Record<string, RetourChamp>
}

type Valeurs = Record<string, string | undefined>

const champTexte = (saisie: string | undefined, attendu: string, quoi: string): RetourChamp => {
  const c = comparerTexte(saisie ?? '', attendu)
  if (c === 'exact') return { ok: true }
  if (c === 'proche') return { ok: true, message: `Presque parfait : vérifiez l’orthographe du ${quoi}.` }
  return {
    ok: false,
    message: (saisie ?? '').trim() === '' ? `Écrivez le ${quoi}.` : `Ce n’est pas le ${quoi} de Rose.`,
  }
}

const champEmail = (saisie: string | undefined, attendu: string, quoi: string): RetourChamp => {
  const s = normaliserEmail(saisie ?? '')
  if (s === attendu) return { ok: true }
  if (s === '') return { ok: false, message: `Écrivez ${quoi}.` }
  if (!s.includes('@')) return { ok: false, message: 'Une adresse e-mail contient toujours le signe @.' }
  return {
    ok: false,
    message:
      distance(s, attendu) <= 2
        ? 'Vérifiez l’adresse lettre par lettre : une petite différence et le message n’arrive pas.'
        : `Ce n’est pas ${quoi}.`,
  }
}

export function corrigerFormulaireSimple(v: Valeurs): Correction {
  const champs = {
    nom: champTexte(v.nom, FICHE_ROSE.nom, 'nom'),
    prenom: champTexte(v.prenom, FICHE_ROSE.prenom, 'prénom'),
    code_postal: ((): RetourChamp => {
      const s = (v.code_postal ?? '').replace(/\s/g, '')
      if (s === FICHE_ROSE.codePostal) return { ok: true }
      if (s === '') return { ok: false, message: 'Écrivez le code postal.' }
      if (!/^\d{5}$/.test(s)) return { ok: false, message: 'Un code postal a 5 chiffres, par exemple 75001.' }
      return { ok: false, message: 'Ce n’est pas le code postal de Rose.' }
    })(),
  }
  return { reussi: Object.values(champs).every((c) => c.ok), champs }
}

export function corrigerFormulaireComplet(v: Valeurs): Correction {
  const d = lireDate(v.date_naissance ?? '')
  const attendue = FICHE_ROSE.dateNaissance
  const champs = {
    date_naissance: !d.ok
      ? {
          ok: false,
          message:
            d.raison === 'vide'
              ? 'Écrivez la date de naissance.'
              : d.raison === 'format'
                ? 'Écrivez la date avec le jour, puis le mois, puis l’année : par exemple 01/02/1990.'
                : 'Cette date n’existe pas dans le calendrier.',
        }
      : d.jour === attendue.jour && d.mois === attendue.mois && d.annee === attendue.annee
        ? { ok: true }
        : { ok: false, message: 'Ce n’est pas la date de naissance de Rose.' },
    email: champEmail(v.email, FICHE_ROSE.email, 'l’adresse e-mail de Rose'),
    situation:
      v.situation === FICHE_ROSE.situation
        ? { ok: true }
        : { ok: false, message: 'Choisissez dans la liste la situation de Rose : elle est retraitée.' },
    certifie: v.certifie === 'oui' ? { ok: true } : { ok: false, message: 'Cochez la case pour certifier.' },
  }
  return { reussi: Object.values(champs).every((c) => c.ok), champs }
}

export function corrigerCourriel(v: Valeurs): Correction {
  const mots = (v.message ?? '').trim().split(/\s+/).filter(Boolean).length
  const champs = {
    destinataire: champEmail(v.destinataire, DESTINATAIRE_MEDIATHEQUE, 'l’adresse de la médiathèque'),
    objet:
      (v.objet ?? '').trim().length >= 2
        ? { ok: true }
        : { ok: false, message: 'Écrivez un objet : quelques mots qui disent de quoi parle le message.' },
    message: mots >= 3 ? { ok: true } : { ok: false, message: 'Écrivez un petit message, au moins 3 mots.' },
  }
  return { reussi: Object.values(champs).every((c) => c.ok), champs }
}

/** Marks one attempt of an exercise. Unknown or missing values are simply wrong, never an error. */
export function corriger(exercice: ExerciceId, v: Valeurs): Correction {
  switch (exercice) {
    case 'formulaire_simple':
      return corrigerFormulaireSimple(v)
    case 'formulaire_complet':
      return corrigerFormulaireComplet(v)
    case 'ecrire_courriel':
      return corrigerCourriel(v)
    case 'defiler':
      return choixUnique(
        v.choix,
        ACTIVITE_CHERCHEE,
        'Ce n’est pas cet atelier. Cherchez « Découvrir la tablette ».',
      )
    case 'lien':
      return choixUnique(
        v.choix,
        JOUR_FERME,
        'Ce n’est pas le bon jour. Ouvrez la page des horaires pour vérifier.',
      )
    case 'arnaque_sms':
      return choixUnique(v.choix, SMS_ARNAQUE.bonneReponse, '')
    case 'arnaque_courriel':
      return choixUnique(v.choix, COURRIELS_ARNAQUE.bonneReponse, '')
    // Pointer exercises are judged in the page (a target hit, a folder opened, a photo dropped):
    // the page sends `termine=oui` only when the task was done.
    case 'cliquer':
    case 'double_cliquer':
    case 'glisser':
    case 'parties_courriel':
      return { reussi: v.termine === 'oui', champs: {} }
  }
}

function choixUnique(saisie: string | undefined, attendu: string, message: string): Correction {
  const ok = saisie === attendu
  return { reussi: ok, champs: { choix: ok ? { ok } : { ok, ...(message ? { message } : {}) } } }
}
