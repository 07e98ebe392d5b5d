/** Rules of the habilitation of organisations and aidants (pure). */

/** SIRET: 14 digits with a Luhn check digit (La Poste's SIRETs, SIREN 356000000, sum digits to a multiple of 5). */
export function siretValide(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false
  if (siret.startsWith('356000000')) return [...siret].reduce((s, c) => s + Number(c), 0) % 5 === 0
  let somme = 0
  for (let i = 0; i < 14; i++) {
    let n = Number(siret[13 - i])
    if (i % 2 === 1) {
      n *= 2
      if (n > 9) n -= 9
    }
    somme += n
  }
  return somme % 10 === 0
}

export const TYPES_ORGANISATION = [
  { cle: 'france_services', libelle: 'France Services' },
  { cle: 'ccas', libelle: 'CCAS ou CIAS' },
  { cle: 'association', libelle: 'Association' },
  { cle: 'collectivite', libelle: 'Mairie ou collectivité' },
  { cle: 'pimms', libelle: 'PIMMS' },
  { cle: 'msa', libelle: 'MSA' },
  { cle: 'autre', libelle: 'Autre' },
] as const
export type TypeOrganisation = (typeof TYPES_ORGANISATION)[number]['cle']

export const STATUTS_DEMANDE = {
  brouillon: 'Brouillon',
  liste_attente: 'Liste d’attente (région pas encore ouverte)',
  en_attente: 'En attente de validation',
  modifications_demandees: 'Modifications demandées',
  eligibilite_validee: 'Éligibilité validée',
  refusee: 'Éligibilité refusée',
  cloturee: 'Clôturée',
} as const
export type StatutDemande = keyof typeof STATUTS_DEMANDE

/** Which transitions the national team (or the requester) may make. */
const TRANSITIONS: Record<StatutDemande, readonly StatutDemande[]> = {
  brouillon: ['en_attente', 'liste_attente'],
  liste_attente: ['en_attente'],
  en_attente: ['eligibilite_validee', 'refusee', 'modifications_demandees'],
  modifications_demandees: ['en_attente'],
  eligibilite_validee: ['cloturee'],
  refusee: [],
  cloturee: [],
}

export function transitionPermise(de: StatutDemande, vers: StatutDemande): boolean {
  return TRANSITIONS[de].includes(vers)
}

/** First deployment wave (INSEE region codes): Hauts-de-France, Bretagne, Auvergne-Rhône-Alpes, Mayotte, La Réunion. */
export const PREMIERE_VAGUE = ['32', '53', '84', '06', '04'] as const

/** Where a submitted request goes: the region is open, or the request waits for its wave. */
export function statutApresDepot(codeRegion: string, regionsOuvertes: readonly string[]): StatutDemande {
  return regionsOuvertes.includes(codeRegion) ? 'en_attente' : 'liste_attente'
}

export const ENGAGEMENTS = [
  { cle: 'cgu', libelle: 'J’accepte les conditions générales d’utilisation d’Aidants Connect.' },
  { cle: 'formation_payante', libelle: 'Je sais que la formation des aidants est payante.' },
  { cle: 'dpo', libelle: 'Le ou la délégué·e à la protection des données de la structure est informé·e.' },
  {
    cle: 'professionnels',
    libelle: 'Les aidants à habiliter sont des professionnels de l’aide aux démarches.',
  },
  { cle: 'sans_elus', libelle: 'Aucun élu ne sera habilité.' },
] as const

/** Per-aidant habilitation pipeline. */
export const STATUTS_AIDANT = {
  en_formation: 'Éligibilité validée, formation à suivre',
  formation_terminee: 'Formation terminée',
  validee: 'Habilitation validée',
  active: 'Compte activé',
  annulee: 'Annulée par le référent',
} as const
export type StatutAidant = keyof typeof STATUTS_AIDANT

/** Inactivity: a warning after 5 months without login, deactivation one month later. */
export function etapeInactivite(
  derniereActivite: Date,
  averti: Date | null,
  maintenant: Date,
): 'rien' | 'avertir' | 'desactiver' {
  const mois = (n: number) => n * 30 * 86_400_000
  const inactif = maintenant.getTime() - derniereActivite.getTime()
  if (averti && maintenant.getTime() - averti.getTime() >= mois(1) && inactif >= mois(6)) return 'desactiver'
  if (!averti && inactif >= mois(5)) return 'avertir'
  return 'rien'
}

/** Department of a commune from its INSEE code (overseas: 3 characters; Corsica: 2A/2B). */
export function departementDeCommune(codeCommune: string): string {
  return codeCommune.startsWith('97') ? codeCommune.slice(0, 3) : codeCommune.slice(0, 2)
}

/** The requester confirms their e-mail within 3 days of the request, as in Aidants Connect. */
export const DELAI_CONFIRMATION_EMAIL_JOURS = 3

export type DecisionEquipe = 'valider' | 'refuser' | 'demander_modifications' | 'cloturer'
export const STATUT_APRES_DECISION: Record<DecisionEquipe, StatutDemande> = {
  valider: 'eligibilite_validee',
  refuser: 'refusee',
  demander_modifications: 'modifications_demandees',
  cloturer: 'cloturee',
}

export type ErreurHabilitation =
  | { code: 'DEMANDE_INTROUVABLE' }
  | { code: 'LIEN_EXPIRE' }
  | { code: 'EMAIL_NON_VERIFIE' }
  | { code: 'TRANSITION_INTERDITE'; de: StatutDemande }
  | { code: 'MESSAGE_OBLIGATOIRE' }
  | { code: 'REGION_DEJA_OUVERTE' }
  | { code: 'AIDANT_INTROUVABLE' }
  | { code: 'CARTE_INTROUVABLE' }
  | { code: 'CARTE_HORS_ORGANISATION' }
  | { code: 'CODE_CARTE_INVALIDE' }
  | { code: 'DISPOSITIF_INTROUVABLE' }
  | { code: 'CONSENTEMENT_INTROUVABLE' }

/**
 * The public request is filled in five steps (one page each, no JavaScript): every step posts the fields
 * seen so far, the server validates the steps up to the current one and shows the next, or the first
 * step with an error. Nothing is written before the last step.
 */
export const ETAPES_HABILITATION = [
  { titre: 'Vous, le demandeur', champs: ['nom_demandeur', 'email_demandeur'] },
  {
    titre: 'La structure',
    champs: [
      'nom',
      'siret',
      'type',
      'adresse',
      'code_commune',
      'region',
      'numero_france_services',
      'prive',
      'administration_partenaire',
    ],
  },
  { titre: 'Le ou la référente', champs: ['referent_nom', 'referent_email'] },
  { titre: 'Les aidants à habiliter', champs: ['aidants'] },
  {
    titre: 'Engagements et envoi',
    champs: ['engagements', ...ENGAGEMENTS.map((g) => `engagement_${g.cle}`)],
  },
] as const
export const NOMBRE_ETAPES_HABILITATION = ETAPES_HABILITATION.length

/** The step (1-based) a field belongs to. */
export const etapeDuChamp = (champ: string): number =>
  ETAPES_HABILITATION.findIndex((e) => (e.champs as readonly string[]).includes(champ)) + 1
