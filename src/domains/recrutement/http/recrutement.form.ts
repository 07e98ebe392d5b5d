import { z } from 'zod'
import { avecCommunes, champCommune } from '../../../platform/geo/champ-commune'
import { dateSaisie } from '../../../platform/http/dates'
import { RAYONS_KM } from '../domain/classement'
import { TYPES_STRUCTURE } from '../domain/financement'
import { type LectureIdentifiant, lireRna, lireSiret } from '../domain/registre'
import { MOTIFS_FIN } from '../domain/statuts'

const texte = (libelle: string, max: number, min = 1) =>
  z
    .string({ error: `Saisissez ${libelle}.` })
    .trim()
    .min(min, min > 1 ? `${capitale(libelle)} : au moins ${min} caractères.` : `Saisissez ${libelle}.`)
    .max(max, `${capitale(libelle)} : ${max} caractères au plus.`)

const facultatif = (libelle: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${capitale(libelle)} : ${max} caractères au plus.`)
    .optional()
    .transform((v) => v ?? '')

const capitale = (s: string) =>
  s.replace(/^(le |la |l’|les |votre |vos |un |une )/, '').replace(/^./, (c) => c.toUpperCase())

const email = z
  .string({ error: 'Saisissez une adresse e-mail.' })
  .trim()
  .min(1, 'Saisissez une adresse e-mail.')
  .max(254, 'L’adresse e-mail est trop longue.')
  .pipe(z.email({ error: 'Saisissez une adresse e-mail valide, par exemple nom@domaine.fr.' }))

const telephone = z
  .string({ error: 'Saisissez un numéro de téléphone.' })
  .trim()
  .transform((v) => v.replace(/[\s.-]/g, ''))
  .pipe(
    z
      .string()
      .regex(
        /^(0\d{9}|\+\d{8,14})$/,
        'Saisissez un numéro de téléphone à 10 chiffres, par exemple 06 12 34 56 78.',
      ),
  )

/** A commune by name or postal code, stored as its INSEE code (platform/geo/champ-commune.ts). */
const codeCommune = champCommune({ requis: true })

/** The programme's dates: real calendar days (platform/http/dates.ts) between 2020 and 2100. */
export const dateIso = (libelle: string) => dateSaisie(libelle, { min: '2020-01-01', max: '2100-12-31' })

const case_ = z
  .string()
  .optional()
  .transform((v) => v === 'oui')

const entier = (libelle: string, min: number, max: number) =>
  z
    .string({ error: `Saisissez ${libelle}.` })
    .trim()
    .regex(/^\d{1,10}$/, `Saisissez ${libelle} en chiffres.`)
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, `${capitale(libelle)} : au moins ${min}.`)
        .max(max, `${capitale(libelle)} : ${max} au plus.`),
    )

export const SITUATIONS = {
  demandeur_emploi: 'Demandeur d’emploi',
  en_emploi: 'En emploi',
  en_formation: 'En formation',
  autre: 'Autre situation',
} as const

export const candidatureForm = avecCommunes(
  z.object({
    prenom: texte('votre prénom', 100),
    nom: texte('votre nom', 100),
    email,
    telephone,
    code_commune: codeCommune,
    rayon_km: z
      .string({ error: 'Choisissez jusqu’où vous pouvez vous déplacer.' })
      .refine((v) => (RAYONS_KM as readonly number[]).includes(Number(v)), {
        message: 'Choisissez jusqu’où vous pouvez vous déplacer.',
      })
      .transform(Number),
    disponible_le: dateIso('la date de disponibilité'),
    situation: z.enum(Object.keys(SITUATIONS) as [keyof typeof SITUATIONS], {
      error: 'Choisissez votre situation.',
    }),
    diplomes: facultatif('les diplômes', 1000),
    diplome_mediation_numerique: case_,
    experience_public: facultatif('l’expérience auprès du public', 2000),
    niveau_pix: z
      .string()
      .optional()
      .refine((v) => !v || ['1', '2', '3'].includes(v), {
        message: 'Choisissez un niveau PIX de 1 à 3, ou aucun.',
      })
      .transform((v) => (v ? Number(v) : undefined)),
    motivation: texte('votre motivation', 2500, 20),
    coordonnees_visibles: case_,
  }),
)

/** A text read by one of the register's rules: empty gives '', a refusal its French message. */
const identifiant = (lire: (texte: string) => LectureIdentifiant) =>
  z
    .string()
    .max(30, 'Ce numéro est trop long.')
    .optional()
    .transform((v, ctx) => {
      const r = lire(v ?? '')
      if (r.ok === false) {
        ctx.addIssue({ code: 'custom', message: r.message })
        return z.NEVER
      }
      return r.ok === true ? r.valeur : ''
    })

/** SIRET and RNA number are two fields (issue 19): an RNA number is never taken for a SIRET. */
export const siretStructure = identifiant(lireSiret)
export const rnaStructure = identifiant(lireRna)

const champsStructure = z.object({
  nom: texte('le nom de la structure', 200),
  siret: siretStructure,
  rna: rnaStructure,
  type: z.enum(TYPES_STRUCTURE, { error: 'Choisissez le type de structure.' }),
  adresse: texte('l’adresse', 300),
  code_commune: codeCommune,
  contact_prenom: texte('le prénom du contact', 100),
  contact_nom: texte('le nom du contact', 100),
  contact_fonction: texte('la fonction du contact', 100),
  contact_email: email,
  contact_telephone: telephone,
  postes_souhaites: entier('le nombre de postes souhaités', 1, 20),
  date_debut: dateIso('la date de début souhaitée'),
  projet: texte('le projet', 2500, 20),
  zone_intervention: texte('la zone d’intervention', 500),
  qpv: case_,
  zrr: case_,
  lieux_proches: facultatif('les lieux proches', 1000),
  engagement: z
    .string({ error: 'Confirmez l’engagement de la structure.' })
    .refine((v) => v === 'oui', { message: 'Confirmez l’engagement de la structure.' }),
})

export const structureForm = avecCommunes(champsStructure)

/** The manager edits the application: the contact e-mail is their account, the commitment is given. */
export const complementStructureForm = avecCommunes(
  champsStructure.omit({ contact_email: true, engagement: true }),
)

export const abandonForm = z.object({
  confirmation: z
    .string({ error: 'Cochez la case pour confirmer que la structure renonce.' })
    .refine((v) => v === 'oui', { message: 'Cochez la case pour confirmer que la structure renonce.' }),
})

export const avisForm = z.object({
  avis: z.enum(['favorable', 'defavorable', 'a_completer'], { error: 'Choisissez un avis.' }),
  rang: entier('le rang', 1, 999),
  commentaire: texte('le commentaire', 1000, 10),
  postes_proposes: entier('le nombre de postes proposés', 0, 20),
})

export const decisionForm = z
  .object({
    avis: z.enum(['validee', 'refusee', 'examen_complementaire'], { error: 'Choisissez une décision.' }),
    postes_accordes: entier('le nombre de postes accordés', 0, 50),
  })
  .refine((v) => v.avis !== 'validee' || v.postes_accordes >= 1, {
    path: ['postes_accordes'],
    message: 'Une validation accorde au moins un poste.',
  })

export const entretienForm = z.object({
  note: texte('la note d’entretien', 2000),
  le: dateIso('la date de l’entretien'),
})

export const recrutementForm = z.object({
  type_contrat: z.enum(['2ans', '3ans'], { error: 'Choisissez la durée du contrat.' }),
  debut: dateIso('la date de début du contrat'),
})

export const departForm = z.object({
  motif: z.enum(MOTIFS_FIN, { error: 'Choisissez le motif.' }),
  le: dateIso('la date de fin'),
})

export const signatureForm = z.object({ signataire: texte('le nom du signataire', 200) })

export const phaseForm = z.object({
  code: z
    .string({ error: 'Saisissez le code de la phase.' })
    .trim()
    .regex(/^[a-z0-9-]{2,20}$/i, 'Le code de la phase : 2 à 20 lettres, chiffres ou tirets.'),
  libelle_phase: texte('le libellé', 200),
  quota_postes: entier('le quota de postes', 1, 100000),
  enveloppe_euros: entier('l’enveloppe en euros', 1, 2_000_000_000),
  duree_mois: entier('la durée', 1, 60),
  taux_public: entier('le montant par poste public', 1, 500000),
  taux_prive: entier('le montant par poste privé', 1, 500000),
  echeancier: z
    .string({ error: 'Saisissez l’échéancier.' })
    .trim()
    .regex(
      /^\d{1,3}(\s*,\s*\d{1,3}){0,4}$/,
      'L’échéancier : des parts en pour cent séparées par des virgules, par exemple 60, 40.',
    )
    .transform((v) => v.split(',').map((x) => Number(x.trim())))
    .refine((l) => l.reduce((a, b) => a + b, 0) === 100, {
      message: 'Les parts de l’échéancier doivent faire 100 %.',
    }),
})

export const tauxForm = z.object({
  categorie: z.enum(['public', 'prive'], { error: 'Choisissez la catégorie.' }),
  territoire: z
    .string({ error: 'Saisissez le département.' })
    .trim()
    .regex(/^(\*|\d{2}|2[AB]|97\d)$/, 'Saisissez un code de département (par exemple 971) ou * pour tous.'),
  montant_euros: entier('le montant par poste', 1, 500000),
})

export const allocationForm = z.object({
  departement: z
    .string({ error: 'Saisissez le département.' })
    .trim()
    .regex(/^(\d{2}|2[AB]|97\d)$/, 'Saisissez un code de département, par exemple 13.'),
  postes_max: entier('le nombre de postes', 0, 100000),
})

export const vagueForm = z.object({
  libelle: texte('le libellé de la vague', 200),
  date_limite: dateIso('la date limite des avis'),
})

export const uuid = z.uuid()
