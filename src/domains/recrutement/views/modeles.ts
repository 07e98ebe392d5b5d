/**
 * View models of the recruitment pages: only the fields the views read, with the types of the
 * columns, so that the views do not depend on the tables' rows. The http layer passes rows (or the
 * repositories' results), which are structurally wider.
 */

/** A host structure and its application. */
export interface VueStructure {
  id: string
  nom: string
  siret: string | null
  rna: string | null
  type: string
  adresse: string
  codeCommune: string
  codeDepartement: string
  postesSouhaites: number
  contactPrenom: string
  contactNom: string
  contactFonction: string
  contactEmail: string
  contactTelephone: string
  projet: string
  zoneIntervention: string
  qpv: boolean
  zrr: boolean
  lieuxProches: string
  dateDebutSouhaitee: string | null
  statut: string
  postesValides: number
}

/** The prefecture's opinion on a structure. */
export interface VueAvis {
  avis: 'favorable' | 'defavorable' | 'a_completer'
  rang: number
  commentaire: string
  postesProposes: number
}

/** A structure with the prefecture's opinion, if any. */
export interface VueStructureAvecAvis {
  structure: VueStructure
  avis: VueAvis | null
}

/** A national committee decision on a structure. */
export interface VueDecision {
  numero: string
  avis: 'validee' | 'refusee' | 'examen_complementaire'
  postesAccordes: number
  montantEuros: number
  dateDecision: string
}

/** A candidate's application. */
export interface VueCandidature {
  id: string
  prenom: string
  nom: string
  email: string
  telephone: string
  codeCommune: string
  nomCommune: string
  rayonKm: number
  disponibleLe: string
  situation: string
  diplomes: string
  diplomeMediationNumerique: boolean
  experiencePublic: string
  niveauPix: number | null
  motivation: string
  coordonneesVisibles: boolean
  statut: string
}

/** The link between a structure and a candidate, from preselection to the end of the contract. */
export interface VueMiseEnRelation {
  statut: string
  noteEntretien: string
  entretienLe: string | null
  typeContrat: string | null
  debutContrat: string | null
  finContrat: string | null
  motifFin: string | null
  finLe: string | null
}

/** A grant agreement. */
export interface VueConvention {
  id: string
  numero: string
  postes: number
  tauxEuros: number
  montantEuros: number
  dureeMois: number
  debut: string
  signeeLe: Date | null
  signataire: string | null
  version: number
}

/** One payment of a grant agreement. */
export interface VueVersement {
  rang: number
  datePrevue: string
  montantEuros: number
  payeLe: string | null
}

/** A phase of the programme, with its quota, envelope and running totals. */
export interface VuePhase {
  id: string
  code: string
  libelle: string
  quotaPostes: number
  enveloppeEuros: number
  dureeMois: number
  echeancier: number[]
  postesAttribues: number
  montantEngage: number
  active: boolean
}

/** A wave of applications examined together. */
export interface VueVague {
  libelle: string
  dateLimiteAvis: string
}

/** The figures of one département on the steering page (counts and amounts in euros). */
export interface VueDepartement
  extends Record<
    | 'structures'
    | 'structuresValidees'
    | 'postesValides'
    | 'postesPourvus'
    | 'montantEngage'
    | 'montantPaye'
    | 'candidats',
    number
  > {
  codeDepartement: string
}
