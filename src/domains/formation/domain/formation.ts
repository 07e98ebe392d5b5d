/** Training rules: paths, half-day attendance, completion and certification. Pure. */

export const DEMI_JOURNEES = ['matin', 'apres_midi'] as const
export type DemiJournee = (typeof DEMI_JOURNEES)[number]

/** A half-day of training counts 3 h 30 (a 7-hour day), unless the provider records otherwise. */
export const MINUTES_DEMI_JOURNEE = 210

export const PARCOURS_PAR_DEFAUT = [
  {
    code: 'conseiller-numerique',
    libelle: 'Formation initiale des conseillers numériques',
    dureeMinutes: 350 * 60,
    certification: 'pix_ou_titre' as const,
  },
  {
    code: 'aidants-connect',
    libelle: 'Formation Aidants Connect',
    dureeMinutes: 630,
    certification: 'aucune' as const,
  },
]

export const CODE_PARCOURS_CONSEILLER = 'conseiller-numerique'
export const CODE_PARCOURS_AIDANTS = 'aidants-connect'

export const heures = (minutes: number) =>
  `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${String(minutes % 60).padStart(2, '0')}` : ''}`

export const LIBELLES_CERTIFICATION_ATTENDUE = {
  aucune: 'Aucune',
  pix: 'Certification PIX',
  titre: 'CCP1 du titre professionnel REMN',
  pix_ou_titre: 'PIX ou CCP1 du titre REMN',
} as const
export type CertificationAttendue = keyof typeof LIBELLES_CERTIFICATION_ATTENDUE

/** "105", "10,5" or "10.5" hours → minutes; undefined when it is not a duration. */
export function minutesDepuisHeures(saisie: string): number | undefined {
  const t = saisie.trim().replace(',', '.')
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(t)) return undefined
  return Math.round(Number(t) * 60)
}

/** Completion needs the whole duration of the path. */
export function peutTerminer(minutesFaites: number, dureeMinutes: number): boolean {
  return minutesFaites >= dureeMinutes
}

export const CERTIFICATIONS = { pix: 'Certification PIX', titre: 'CCP1 du titre professionnel REMN' } as const
export type Certification = keyof typeof CERTIFICATIONS

export function certificationAdmise(
  attendue: 'aucune' | 'pix' | 'titre' | 'pix_ou_titre',
  c: Certification,
): boolean {
  return attendue === 'pix_ou_titre' || attendue === c
}

/** Sessions fill up to capacity; the check sits in the enrolment transaction. */
export function placesRestantes(capacite: number, inscrits: number): number {
  return Math.max(0, capacite - inscrits)
}

/** Days of a session, for the attendance grid (at most 120, a safety bound for the page). */
export function joursDeSession(debut: string, fin: string): string[] {
  const jours: string[] = []
  const d = new Date(`${debut}T00:00:00Z`)
  const f = new Date(`${fin}T00:00:00Z`)
  while (d <= f && jours.length < 120) {
    const j = d.getUTCDay()
    if (j !== 0 && j !== 6) jours.push(d.toISOString().slice(0, 10))
    d.setUTCDate(d.getUTCDate() + 1)
  }
  return jours
}

export type ErreurFormation =
  | { code: 'SESSION_COMPLETE' }
  | { code: 'SESSION_INTROUVABLE' }
  | { code: 'INSCRIPTION_INTROUVABLE' }
  | { code: 'HEURES_INSUFFISANTES'; faites: number; attendues: number }
  | { code: 'CERTIFICATION_NON_PREVUE' }
  | { code: 'DEJA_INSCRIT' }
  | { code: 'PARCOURS_INTROUVABLE' }
  | { code: 'JOUR_HORS_SESSION' }
  | { code: 'DERNIERE_VERSION'; libelle: string }
  | { code: 'VERSION_DEJA_RETIREE' }
  | { code: 'REPOSITIONNEMENT_IMPOSSIBLE' }

export function messageErreurFormation(e: ErreurFormation): string {
  switch (e.code) {
    case 'SESSION_COMPLETE':
      return 'La session est complète.'
    case 'SESSION_INTROUVABLE':
      return 'Cette session n’existe pas.'
    case 'INSCRIPTION_INTROUVABLE':
      return 'Cette inscription n’existe pas.'
    case 'HEURES_INSUFFISANTES':
      return `La formation n’est pas terminée : ${heures(e.faites)} faites sur ${heures(e.attendues)}.`
    case 'CERTIFICATION_NON_PREVUE':
      return 'Cette certification n’est pas prévue pour ce parcours.'
    case 'DEJA_INSCRIT':
      return 'Cette personne est déjà inscrite à ce parcours.'
    case 'PARCOURS_INTROUVABLE':
      return 'Ce parcours n’existe pas.'
    case 'JOUR_HORS_SESSION':
      return 'Ce jour n’est pas dans les dates de la session.'
    case 'DERNIERE_VERSION':
      return `C’est la seule version en vigueur du parcours « ${e.libelle} » : publiez-en une nouvelle avant de la retirer.`
    case 'VERSION_DEJA_RETIREE':
      return 'Cette version est déjà retirée.'
    case 'REPOSITIONNEMENT_IMPOSSIBLE':
      return 'Le parcours ne peut plus changer : des présences sont déjà enregistrées ou la formation est terminée.'
  }
}
