/**
 * Closed vocabularies of the national standard « schéma des lieux de médiation numérique » v1.0.2
 * (LaMednum/standard-mediation-num, Licence Ouverte 2.0). The labels are data: they must match the
 * standard byte for byte (apostrophes are ASCII, guillemets « » with normal spaces).
 */

export const SERVICES = [
  'Aide aux démarches administratives',
  'Maîtrise des outils numériques du quotidien',
  'Insertion professionnelle via le numérique',
  'Utilisation sécurisée du numérique',
  'Parentalité et éducation avec le numérique',
  'Loisirs et créations numériques',
  'Compréhension du monde numérique',
  'Accès internet et matériel informatique',
  'Acquisition de matériel informatique à prix solidaire',
] as const

export const PUBLICS_SPECIFIQUEMENT_ADRESSES = [
  'Jeunes',
  'Étudiants',
  'Familles et/ou enfants',
  'Seniors',
  'Femmes',
] as const

export const PRISES_EN_CHARGE_SPECIFIQUES = [
  'Surdité',
  'Handicaps moteurs',
  'Handicaps mentaux',
  'Illettrisme',
  'Langues étrangères (anglais)',
  'Langues étrangères (autres)',
  'Déficience visuelle',
] as const

export const FRAIS_A_CHARGE = ['Gratuit', 'Gratuit sous condition', 'Payant'] as const

export const ITINERANCES = ['Itinérant', 'Fixe'] as const

export const MODALITES_ACCES = [
  'Se présenter',
  'Téléphoner',
  'Contacter par mail',
  'Prendre un RDV en ligne',
  "Ce lieu n'accueille pas de public",
  'Envoyer un mail avec une fiche de prescription',
] as const

export const MODALITES_ACCOMPAGNEMENT = [
  'En autonomie',
  'Accompagnement individuel',
  'Dans un atelier collectif',
  'À distance',
] as const

export const DISPOSITIFS_PROGRAMMES_NATIONAUX = [
  'Aidants Connect',
  'Bibliothèques numérique de référence',
  'Certification PIX',
  'Conseillers numériques',
  'Emmaüs Connect',
  'France Services',
  'Grande école du numérique',
  'La Croix Rouge',
  "Point d'accès numérique CAF",
  'Promeneurs du net',
  'Escale numérique (Emmaüs Connect)',
] as const

export const FORMATIONS_LABELS = [
  'Formé à « Mon Espace Santé »',
  'Formé à « DUPLEX » (illettrisme)',
  'Arnia/MedNum BFC (Bourgogne-Franche-Comté)',
  'Collectif ressources et acteurs réemploi (Normandie)',
  'Étapes numériques (La Poste)',
  'Fabriques de Territoire',
  'Les Éclaireurs du numérique (Drôme)',
  'Mes Papiers (Métropole de Lyon)',
  'ORDI 3.0',
  'SUD LABS (PACA)',
] as const

/** data·inclusion structure types as fixed by the ANCT library 2.3.0 (the standard only points to them). */
export const TYPOLOGIES = {
  ACI: 'Ateliers et chantiers d’insertion',
  ACIPHC: 'Atelier chantier d’insertion premières heures en chantier',
  AFPA: 'Agence nationale pour la formation professionnelle des adultes',
  AI: 'Association intermédiaire',
  ASE: 'Aide sociale à l’enfance',
  ASSO: 'Association',
  ASSO_CHOMEUR: 'Association de chômeurs',
  Autre: 'Autre',
  AVIP: 'Crèche à vocation d’insertion professionnelle',
  BIB: 'Bibliothèque, médiathèque',
  CAARUD: 'Centre d’accueil et de réduction des risques pour usagers de drogues',
  CADA: 'Centre d’accueil de demandeurs d’asile',
  CAF: 'Caisse d’allocations familiales',
  CAP_EMPLOI: 'Cap emploi',
  CAVA: 'Centre d’adaptation à la vie active',
  CC: 'Communauté de communes',
  CCAS: 'Centre communal d’action sociale',
  CCONS: 'Chambre consulaire',
  CD: 'Conseil départemental',
  CDAS: 'Centre départemental d’action sociale',
  CFP: 'Centre des finances publiques',
  CHRS: 'Centre d’hébergement et de réinsertion sociale',
  CHU: 'Centre d’hébergement d’urgence',
  CIAS: 'Centre intercommunal d’action sociale',
  CIDFF: 'Centre d’information sur les droits des femmes et des familles',
  CITMET: 'Cité des métiers',
  CMP: 'Centre médico-psychologique',
  CMS: 'Centre médico-social',
  CPAM: 'Caisse primaire d’assurance maladie',
  CPH: 'Centre provisoire d’hébergement',
  CS: 'Centre social',
  CSAPA: 'Centre de soins, d’accompagnement et de prévention en addictologie',
  CSC: 'Centre socioculturel',
  DEETS: 'Direction de l’économie, de l’emploi, du travail et des solidarités',
  DEPT: 'Services sociaux du conseil départemental',
  DIPLP: 'Délégation interministérielle à la prévention et à la lutte contre la pauvreté',
  E2C: 'École de la deuxième chance',
  EA: 'Entreprise adaptée',
  EATT: 'Entreprise adaptée de travail temporaire',
  EI: 'Entreprise d’insertion',
  EITI: 'Entreprise d’insertion par le travail indépendant',
  ENM: 'Espace numérique mobile',
  EPCI: 'Intercommunalité',
  EPI: 'Espace public internet',
  EPIDE: 'Établissement pour l’insertion dans l’emploi',
  EPN: 'Espace public numérique',
  ES: 'Épicerie solidaire',
  ESAT: 'Établissement ou service d’aide par le travail',
  ESS: 'Entreprise de l’économie sociale et solidaire',
  ETTI: 'Entreprise de travail temporaire d’insertion',
  EVS: 'Espace de vie sociale',
  FABLAB: 'Fablab',
  FABRIQUE: 'Fabrique',
  FAIS: 'Fédération d’acteurs de l’insertion et de la solidarité',
  FT: 'France Travail',
  GEIQ: 'Groupement d’employeurs pour l’insertion et la qualification',
  HUDA: 'Hébergement d’urgence pour demandeurs d’asile',
  LA_POSTE: 'La Poste',
  MDE: 'Maison de l’emploi',
  MDH: 'Maison des habitants',
  MDEF: 'Maison de l’emploi et de la formation',
  MDPH: 'Maison départementale des personnes handicapées',
  MDS: 'Maison départementale des solidarités',
  MJC: 'Maison des jeunes et de la culture',
  ML: 'Mission locale',
  MQ: 'Maison de quartier',
  MSA: 'Mutualité sociale agricole',
  MSAP: 'Maison de services au public',
  MUNI: 'Municipalité',
  OACAS: 'Organisme d’accueil communautaire et d’activité solidaire',
  ODC: 'Organisation délégataire d’un conseil départemental',
  OF: 'Organisme de formation',
  OIL: 'Opérateur d’intermédiation locative',
  OPCS: 'Organisation porteuse de la clause sociale',
  PAD: 'Point d’accès au droit',
  PENSION: 'Pension de famille',
  PI: 'Point info',
  PIJ_BIJ: 'Point ou bureau information jeunesse',
  PIMMS: 'Point information médiation multi services',
  PJJ: 'Protection judiciaire de la jeunesse',
  PLIE: 'Plan local pour l’insertion et l’emploi',
  PREF: 'Préfecture, sous-préfecture',
  PREVENTION: 'Service ou club de prévention',
  REG: 'Région',
  RELAIS_LECTURE: 'Relais lecture',
  RESSOURCERIE: 'Ressourcerie',
  RFS: 'Réseau France Services',
  RS_FJT: 'Résidence sociale, foyer de jeunes travailleurs',
  SCP: 'Service et club de prévention',
  SPIP: 'Service pénitentiaire d’insertion et de probation',
  TIERS_LIEUX: 'Tiers-lieu et coworking',
  UDAF: 'Union départementale des associations familiales',
} as const

export type Service = (typeof SERVICES)[number]
export type PublicSpecifiquementAdresse = (typeof PUBLICS_SPECIFIQUEMENT_ADRESSES)[number]
export type PriseEnChargeSpecifique = (typeof PRISES_EN_CHARGE_SPECIFIQUES)[number]
export type FraisACharge = (typeof FRAIS_A_CHARGE)[number]
export type Itinerance = (typeof ITINERANCES)[number]
export type ModaliteAcces = (typeof MODALITES_ACCES)[number]
export type ModaliteAccompagnement = (typeof MODALITES_ACCOMPAGNEMENT)[number]
export type DispositifProgrammeNational = (typeof DISPOSITIFS_PROGRAMMES_NATIONAUX)[number]
export type FormationLabel = (typeof FORMATIONS_LABELS)[number]
export type Typologie = keyof typeof TYPOLOGIES
export const CODES_TYPOLOGIES = Object.keys(TYPOLOGIES) as Typologie[]

/** The list fields of the standard with a closed vocabulary, by their CSV column name. */
export const VOCABULAIRES = {
  services: SERVICES,
  publics_specifiquement_adresses: PUBLICS_SPECIFIQUEMENT_ADRESSES,
  prise_en_charge_specifique: PRISES_EN_CHARGE_SPECIFIQUES,
  frais_a_charge: FRAIS_A_CHARGE,
  itinerance: ITINERANCES,
  modalites_acces: MODALITES_ACCES,
  modalites_accompagnement: MODALITES_ACCOMPAGNEMENT,
  dispositif_programmes_nationaux: DISPOSITIFS_PROGRAMMES_NATIONAUX,
  formations_labels: FORMATIONS_LABELS,
  typologie: CODES_TYPOLOGIES,
} as const
export type ChampVocabulaire = keyof typeof VOCABULAIRES

export const LIBELLES_CHAMPS: Record<string, string> = {
  id: 'identifiant',
  pivot: 'SIRET ou RNA (pivot)',
  nom: 'nom',
  commune: 'commune',
  code_postal: 'code postal',
  code_insee: 'code INSEE',
  adresse: 'adresse',
  complement_adresse: 'complément d’adresse',
  latitude: 'latitude',
  longitude: 'longitude',
  typologie: 'typologie',
  telephone: 'téléphone',
  courriels: 'courriels',
  site_web: 'site web',
  horaires: 'horaires',
  presentation_resume: 'présentation courte',
  presentation_detail: 'présentation détaillée',
  source: 'source',
  itinerance: 'itinérance',
  structure_parente: 'structure parente',
  date_maj: 'date de mise à jour',
  services: 'services',
  publics_specifiquement_adresses: 'publics spécifiquement adressés',
  prise_en_charge_specifique: 'prise en charge spécifique',
  frais_a_charge: 'frais à charge',
  dispositif_programmes_nationaux: 'dispositifs et programmes nationaux',
  formations_labels: 'formations et labels',
  autres_formations_labels: 'autres formations et labels',
  modalites_acces: 'modalités d’accès',
  modalites_accompagnement: 'modalités d’accompagnement',
  fiche_acces_libre: 'fiche Accès libre',
  prise_rdv: 'prise de rendez-vous',
}

/** Column order of the standard v1.0.2 (CSV files keep every column, in this order). */
export const COLONNES_STANDARD = [
  'id',
  'pivot',
  'nom',
  'commune',
  'code_postal',
  'code_insee',
  'adresse',
  'complement_adresse',
  'latitude',
  'longitude',
  'typologie',
  'telephone',
  'courriels',
  'site_web',
  'horaires',
  'presentation_resume',
  'presentation_detail',
  'source',
  'itinerance',
  'structure_parente',
  'date_maj',
  'services',
  'publics_specifiquement_adresses',
  'prise_en_charge_specifique',
  'frais_a_charge',
  'dispositif_programmes_nationaux',
  'formations_labels',
  'autres_formations_labels',
  'modalites_acces',
  'modalites_accompagnement',
  'fiche_acces_libre',
  'prise_rdv',
] as const
export type ColonneStandard = (typeof COLONNES_STANDARD)[number]

// ——— Schema v0.1 labels still found in real files, mapped to v1 (research notes §A.6) ———

const V01_SERVICES: Record<string, Service> = {
  'Devenir autonome dans les démarches administratives': 'Aide aux démarches administratives',
  'Réaliser des démarches administratives avec un accompagnement': 'Aide aux démarches administratives',
  'Accompagner les démarches de santé': 'Aide aux démarches administratives',
  'Prendre en main un smartphone ou une tablette': 'Maîtrise des outils numériques du quotidien',
  'Prendre en main un ordinateur': 'Maîtrise des outils numériques du quotidien',
  'Utiliser le numérique au quotidien': 'Maîtrise des outils numériques du quotidien',
  'Approfondir ma culture numérique': 'Compréhension du monde numérique',
  'Promouvoir la citoyenneté numérique': 'Compréhension du monde numérique',
  'Favoriser mon insertion professionnelle': 'Insertion professionnelle via le numérique',
  'Créer et développer mon entreprise': 'Insertion professionnelle via le numérique',
  'Accéder à une connexion internet': 'Accès internet et matériel informatique',
  'Accéder à du matériel': 'Accès internet et matériel informatique',
  "S'équiper en matériel informatique": 'Acquisition de matériel informatique à prix solidaire',
  'Créer avec le numérique': 'Loisirs et créations numériques',
  'Soutenir la parentalité et l’éducation avec le numérique': 'Parentalité et éducation avec le numérique',
  "Soutenir la parentalité et l'éducation avec le numérique": 'Parentalité et éducation avec le numérique',
}

const V01_FRAIS: Record<string, FraisACharge> = {
  gratuit: 'Gratuit',
  'gratuit sous conditions': 'Gratuit sous condition',
  'gratuit sous condition': 'Gratuit sous condition',
  'pass numérique': 'Gratuit sous condition',
  payant: 'Payant',
  adhésion: 'Payant',
}

const V01_ACCOMPAGNEMENT: Record<string, ModaliteAccompagnement> = {
  autonomie: 'En autonomie',
  'seul / en autonomie': 'En autonomie',
  accompagnement: 'Accompagnement individuel',
  'avec de l’aide': 'Accompagnement individuel',
  "avec de l'aide": 'Accompagnement individuel',
  'à ma place': 'Accompagnement individuel',
  délégation: 'Accompagnement individuel',
  'dans un atelier': 'Dans un atelier collectif',
  atelier: 'Dans un atelier collectif',
}

/** v0.1 `labels_nationaux` → v1 `dispositif_programmes_nationaux`. */
export const V01_LABELS_NATIONAUX: Record<string, DispositifProgrammeNational> = {
  cnfs: 'Conseillers numériques',
  'conseillers numériques': 'Conseillers numériques',
  'aidants connect': 'Aidants Connect',
  'france services': 'France Services',
  'grandes écoles du numérique': 'Grande école du numérique',
  'point numérique caf': "Point d'accès numérique CAF",
}

/** v0.1 `publics_accueillis` → v1 publics; « Adultes » has no v1 equivalent. */
export const V01_PUBLICS: Record<string, PublicSpecifiquementAdresse> = {
  'jeunes (16-26 ans)': 'Jeunes',
  jeunes: 'Jeunes',
  'familles/enfants': 'Familles et/ou enfants',
  'seniors (+ 65 ans)': 'Seniors',
  seniors: 'Seniors',
  'uniquement femmes': 'Femmes',
  femmes: 'Femmes',
  étudiants: 'Étudiants',
}

export const V01_PRISES_EN_CHARGE: Record<string, PriseEnChargeSpecifique> = {
  surdité: 'Surdité',
  'handicaps mentaux': 'Handicaps mentaux',
  illettrisme: 'Illettrisme',
  'public langues étrangères': 'Langues étrangères (autres)',
  'déficience visuelle': 'Déficience visuelle',
}

/** Older labels of v1 lists that the ANCT library or earlier files spell differently. */
const ALIAS_V1: Partial<Record<ChampVocabulaire, Record<string, string>>> = {
  services: V01_SERVICES,
  frais_a_charge: V01_FRAIS,
  modalites_accompagnement: V01_ACCOMPAGNEMENT,
  dispositif_programmes_nationaux: {
    ...V01_LABELS_NATIONAUX,
    // The ANCT library 2.3.0 names this programme differently from the standard v1.0.2.
    'relais numérique (emmaüs connect)': 'Escale numérique (Emmaüs Connect)',
  },
  publics_specifiquement_adresses: V01_PUBLICS,
  prise_en_charge_specifique: V01_PRISES_EN_CHARGE,
}

/** Comparison key: case, accents of capitals, typographic apostrophes and spaces do not matter. */
export function cleLibelle(s: string): string {
  return s.normalize('NFC').replace(/[’`´]/g, "'").replace(/\s+/g, ' ').trim().toLocaleLowerCase('fr')
}

const INDEX_LIBELLES = new Map<ChampVocabulaire, Map<string, { valeur: string; v01: boolean }>>()
for (const [champ, valeurs] of Object.entries(VOCABULAIRES) as [ChampVocabulaire, readonly string[]][]) {
  const m = new Map<string, { valeur: string; v01: boolean }>()
  for (const v of valeurs) m.set(cleLibelle(v), { valeur: v, v01: false })
  for (const [alias, v] of Object.entries(ALIAS_V1[champ] ?? {}))
    if (!m.has(cleLibelle(alias))) m.set(cleLibelle(alias), { valeur: v, v01: true })
  INDEX_LIBELLES.set(champ, m)
}

/** Finds the v1 label for a value read from a file, tolerating case, apostrophes and v0.1 labels. */
export function reconnaitreLibelle(
  champ: ChampVocabulaire,
  brut: string,
): { valeur: string; v01: boolean } | undefined {
  return INDEX_LIBELLES.get(champ)?.get(cleLibelle(brut))
}

export function estDansVocabulaire<C extends ChampVocabulaire>(
  champ: C,
  v: string,
): v is (typeof VOCABULAIRES)[C][number] {
  return (VOCABULAIRES[champ] as readonly string[]).includes(v)
}
