/**
 * The content of the diagnostic, written for Escale (no item is taken from Pix or ABC Diag: their
 * questions are not reusable). Skills are ordered "tubes": inside a skill, level n+1 is harder
 * than level n, which is what lets the engine credit and skip (see moteur.ts).
 */

export const COMPETENCES = ['souris', 'navigation', 'courriel', 'formulaire', 'securite'] as const
export type CompetenceId = (typeof COMPETENCES)[number]

export interface Competence {
  id: CompetenceId
  /** FALC label, as the person reads it on the result page. */
  libelle: string
  /** DSFR icon class (pictogram), always shown next to a text. */
  icone: string
  /** "Je sais…" sentence per level, index 0 = level 1. */
  acquis: readonly string[]
  /** "Je vais apprendre à…" sentence per level, index 0 = level 1. */
  aApprendre: readonly string[]
}

export const COMPETENCES_DETAIL: Record<CompetenceId, Competence> = {
  souris: {
    id: 'souris',
    libelle: 'Utiliser la souris ou l’écran tactile',
    icone: 'fr-icon-cursor-line',
    acquis: ['Je sais cliquer sur un bouton.', 'Je sais ouvrir un dossier.', 'Je sais déplacer une image.'],
    aApprendre: ['cliquer sur un bouton', 'ouvrir un dossier (double-clic)', 'déplacer une image'],
  },
  navigation: {
    id: 'navigation',
    libelle: 'Se déplacer sur un site internet',
    icone: 'fr-icon-global-line',
    acquis: ['Je sais faire défiler une page.', 'Je sais ouvrir un lien et revenir en arrière.'],
    aApprendre: ['faire défiler une page pour trouver une information', 'ouvrir un lien et revenir'],
  },
  courriel: {
    id: 'courriel',
    libelle: 'Lire et écrire un e-mail',
    icone: 'fr-icon-mail-line',
    acquis: ['Je sais lire un e-mail.', 'Je sais écrire et envoyer un e-mail.'],
    aApprendre: ['reconnaître qui écrit et de quoi parle un e-mail', 'écrire et envoyer un e-mail'],
  },
  formulaire: {
    id: 'formulaire',
    libelle: 'Remplir un formulaire en ligne',
    icone: 'fr-icon-edit-box-line',
    acquis: ['Je sais écrire dans un formulaire.', 'Je sais remplir un formulaire de démarche.'],
    aApprendre: ['écrire son nom et son adresse', 'remplir une date, un e-mail, une liste et une case'],
  },
  securite: {
    id: 'securite',
    libelle: 'Éviter les arnaques',
    icone: 'fr-icon-shield-line',
    acquis: ['Je reconnais un SMS d’arnaque.', 'Je reconnais un e-mail d’arnaque.'],
    aApprendre: ['reconnaître un SMS d’arnaque', 'reconnaître un faux e-mail'],
  },
}

export const EXERCICES = [
  'cliquer',
  'double_cliquer',
  'glisser',
  'defiler',
  'lien',
  'parties_courriel',
  'ecrire_courriel',
  'formulaire_simple',
  'formulaire_complet',
  'arnaque_sms',
  'arnaque_courriel',
] as const
export type ExerciceId = (typeof EXERCICES)[number]

export interface Item {
  id: ExerciceId
  competence: CompetenceId
  niveau: number
  titre: string
  /** What to do, in short FALC sentences. Read aloud when the person turns read-aloud on. */
  consigne: string
  /**
   * The same task for a screen-reader or keyboard user when the task is visual (a target, a
   * drag): every item can be completed without seeing or pointing.
   */
  consigneAlternative: string
  /** Pointer tasks cannot be done without the page's script; the others are plain forms. */
  aBesoinDeJs: boolean
  /** How many times the person may try before the item counts as not done (no time limit ever). */
  essaisMax: number
}

export const ITEMS: readonly Item[] = [
  {
    id: 'cliquer',
    competence: 'souris',
    niveau: 1,
    titre: 'Attraper les ballons',
    consigne: 'Un ballon apparaît. Cliquez dessus. Il y a 3 ballons.',
    consigneAlternative: 'Appuyez sur le bouton « Ballon » trois fois : il change de place à chaque fois.',
    aBesoinDeJs: true,
    essaisMax: 1,
  },
  {
    id: 'double_cliquer',
    competence: 'souris',
    niveau: 2,
    titre: 'Ouvrir un dossier',
    consigne: 'Ouvrez le dossier « Photos » : cliquez deux fois très vite dessus.',
    consigneAlternative: 'Placez-vous sur le dossier « Photos » et appuyez sur Entrée pour l’ouvrir.',
    aBesoinDeJs: true,
    essaisMax: 1,
  },
  {
    id: 'glisser',
    competence: 'souris',
    niveau: 3,
    titre: 'Ranger une photo',
    consigne:
      'Rangez la photo de la plage dans le dossier « Vacances » : gardez le doigt appuyé sur la photo, déplacez-la sur le dossier, puis lâchez.',
    consigneAlternative:
      'Appuyez sur le bouton « Photo de la plage » pour la prendre, puis sur le dossier « Vacances » pour la déposer.',
    aBesoinDeJs: true,
    essaisMax: 1,
  },
  {
    id: 'defiler',
    competence: 'navigation',
    niveau: 1,
    titre: 'Trouver une information plus bas',
    consigne:
      'Voici les activités de la médiathèque. Faites défiler la liste et choisissez l’atelier « Découvrir la tablette ».',
    consigneAlternative:
      'La liste contient 16 activités. Parcourez-la et choisissez l’atelier « Découvrir la tablette ».',
    aBesoinDeJs: false,
    essaisMax: 3,
  },
  {
    id: 'lien',
    competence: 'navigation',
    niveau: 2,
    titre: 'Ouvrir un lien et revenir',
    consigne:
      'Sur le site de la mairie, ouvrez le lien « Horaires d’ouverture ». Regardez quel jour la mairie est fermée. Revenez ici et répondez.',
    consigneAlternative:
      'Activez le lien « Horaires d’ouverture », lisez la page, revenez à cette page avec le lien « Revenir » et répondez.',
    aBesoinDeJs: false,
    essaisMax: 3,
  },
  {
    id: 'parties_courriel',
    competence: 'courriel',
    niveau: 1,
    titre: 'Lire un e-mail',
    consigne:
      'Voici un e-mail. Cliquez sur ce qu’on vous demande : qui l’envoie, son objet, la pièce jointe.',
    consigneAlternative:
      'L’e-mail est découpé en boutons : expéditeur, date, objet, message, pièce jointe. Appuyez sur le bouton demandé.',
    aBesoinDeJs: true,
    essaisMax: 1,
  },
  {
    id: 'ecrire_courriel',
    competence: 'courriel',
    niveau: 2,
    titre: 'Écrire un e-mail',
    consigne:
      'Écrivez à la médiathèque pour demander ses horaires. Son adresse est contact@mediatheque-villebelle.fr. Écrivez un objet et un petit message, puis envoyez.',
    consigneAlternative:
      'Remplissez les trois champs : destinataire contact@mediatheque-villebelle.fr, un objet, un message d’au moins 3 mots.',
    aBesoinDeJs: false,
    essaisMax: 3,
  },
  {
    id: 'formulaire_simple',
    competence: 'formulaire',
    niveau: 1,
    titre: 'Écrire dans un formulaire',
    consigne: 'Vous aidez Rose. Recopiez son nom, son prénom et son code postal dans le formulaire.',
    consigneAlternative:
      'La fiche de Rose est écrite au-dessus du formulaire. Recopiez les informations demandées.',
    aBesoinDeJs: false,
    essaisMax: 3,
  },
  {
    id: 'formulaire_complet',
    competence: 'formulaire',
    niveau: 2,
    titre: 'Remplir une démarche',
    consigne:
      'Remplissez la démarche de Rose : sa date de naissance, son e-mail, sa situation dans la liste. Cochez la case pour certifier.',
    consigneAlternative: 'La fiche de Rose est écrite au-dessus du formulaire. Remplissez les 4 champs.',
    aBesoinDeJs: false,
    essaisMax: 3,
  },
  {
    id: 'arnaque_sms',
    competence: 'securite',
    niveau: 1,
    titre: 'Un SMS étrange',
    consigne: 'Vous recevez ce SMS. Que faites-vous ?',
    consigneAlternative: 'Le SMS est écrit sous la consigne. Choisissez une réponse.',
    aBesoinDeJs: false,
    essaisMax: 1,
  },
  {
    id: 'arnaque_courriel',
    competence: 'securite',
    niveau: 2,
    titre: 'Le faux e-mail',
    consigne: 'Vous avez reçu 3 e-mails. Un seul est une arnaque. Lequel ?',
    consigneAlternative:
      'Les 3 e-mails sont écrits sous la consigne, avec leur expéditeur. Choisissez l’arnaque.',
    aBesoinDeJs: false,
    essaisMax: 1,
  },
]

export function itemParId(id: string): Item | undefined {
  return ITEMS.find((i) => i.id === id)
}

export function niveauxDe(competence: CompetenceId): number {
  return ITEMS.filter((i) => i.competence === competence).length
}

// ——— Questions beyond skills (equipment, connection, reading, confidence, urgent need) ———

export const QUESTIONS = ['equipement', 'internet', 'lecture', 'confiance', 'demarche'] as const
export type QuestionId = (typeof QUESTIONS)[number]

export interface Choix {
  valeur: string
  libelle: string
  icone: string
}

export interface Question {
  id: QuestionId
  titre: string
  /** Several answers allowed (check boxes) or one (radio buttons). */
  multiple: boolean
  choix: readonly Choix[]
}

/** A question and its answers, each answer written `[valeur, libellé, icône]`. */
function question(
  id: QuestionId,
  titre: string,
  multiple: boolean,
  choix: readonly (readonly [valeur: string, libelle: string, icone: string])[],
): Question {
  return { id, titre, multiple, choix: choix.map(([valeur, libelle, icone]) => ({ valeur, libelle, icone })) }
}

export const QUESTIONS_DETAIL: Record<QuestionId, Question> = {
  equipement: question('equipement', 'Quel appareil avez-vous chez vous ?', true, [
    ['smartphone', 'Un téléphone avec écran tactile', 'fr-icon-smartphone-line'],
    ['ordinateur', 'Un ordinateur', 'fr-icon-computer-line'],
    ['tablette', 'Une tablette', 'fr-icon-tablet-line'],
    ['aucun', 'Aucun de ces appareils', 'fr-icon-close-circle-line'],
  ]),
  internet: question('internet', 'Avez-vous internet chez vous ?', false, [
    ['oui', 'Oui, j’ai une box internet', 'fr-icon-wifi-line'],
    ['telephone', 'Seulement sur mon téléphone', 'fr-icon-smartphone-line'],
    ['non', 'Non', 'fr-icon-close-circle-line'],
  ]),
  lecture: question('lecture', 'Lire un long texte sur un écran, pour vous c’est :', false, [
    ['facile', 'Facile', 'fr-icon-book-2-line'],
    ['difficile', 'Difficile', 'fr-icon-eye-off-line'],
    ['ecouter', 'Je préfère écouter', 'fr-icon-volume-up-line'],
  ]),
  confiance: question('confiance', 'Quand vous utilisez internet, vous vous sentez :', false, [
    ['peur', 'J’ai peur de faire une erreur', 'fr-icon-error-warning-line'],
    ['moyen', 'Ça dépend des jours', 'fr-icon-question-line'],
    ['confiant', 'Je suis à l’aise', 'fr-icon-thumb-up-line'],
  ]),
  demarche: question(
    'demarche',
    'Avez-vous une démarche à faire bientôt (CAF, impôts, santé, emploi) ?',
    false,
    [
      ['non', 'Non, pas en ce moment', 'fr-icon-calendar-line'],
      ['apprendre', 'Oui, et je veux apprendre à la faire', 'fr-icon-edit-line'],
      [
        'faire_pour_moi',
        'Oui, et je préfère que quelqu’un la fasse avec moi ou pour moi',
        'fr-icon-user-line',
      ],
    ],
  ),
}

export function estQuestion(id: string): id is QuestionId {
  return (QUESTIONS as readonly string[]).includes(id)
}

/** The valid answer to a question, or undefined: multiple answers are joined with ','. */
export function validerChoix(question: QuestionId, valeurs: readonly string[]): string | undefined {
  const q = QUESTIONS_DETAIL[question]
  const connues = new Set(q.choix.map((c) => c.valeur))
  const uniques = [...new Set(valeurs)]
  if (uniques.length === 0 || uniques.some((v) => !connues.has(v))) return undefined
  if (!q.multiple && uniques.length !== 1) return undefined
  // "None of these devices" cannot be ticked together with a device.
  if (q.multiple && uniques.includes('aucun') && uniques.length > 1) return undefined
  return q.choix
    .map((c) => c.valeur)
    .filter((v) => uniques.includes(v))
    .join(',')
}
