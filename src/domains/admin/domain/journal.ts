/**
 * The administration journal in words: each action a person reads (« Rôle donné »), the kind of
 * object it concerns, and how its details are said. The journal stores codes (`role_ajoute`, a
 * structure's id, `{ "postes": 2 }`); nobody should have to read them.
 */

/** The objects a journal entry may concern; each domain names its own (ports given to `enregistrerAdmin`). */
export type TypeObjet =
  | 'compte'
  | 'structure'
  | 'candidature'
  | 'convention'
  | 'inscription'
  | 'session'
  | 'parcours'

/** How a domain names one of its objects, and the page that shows it to the national team, if any. */
export interface ObjetNomme {
  libelle: string
  href?: string
}

/** Names the given objects of one kind; an unknown id is simply absent from the answer. */
export type NommerObjets = (ids: readonly string[]) => Promise<ReadonlyMap<string, ObjetNomme>>
export type NommeursObjets = Partial<Record<TypeObjet, NommerObjets>>

/** One line of the journal as the page shows it: every part in words, links only to pages that exist. */
export interface LigneJournal {
  id: number
  /** « 3 décembre 2026 à 15 h 10 ». */
  le: string
  auteur: ObjetNomme
  action: string
  objet?: ObjetNomme
  precisions: string
}

interface Action {
  libelle: string
  objet?: TypeObjet
}

const ACTIONS: Record<string, Action> = {
  invitation: { libelle: 'Invitation', objet: 'compte' },
  role_ajoute: { libelle: 'Rôle donné', objet: 'compte' },
  role_retire: { libelle: 'Rôle retiré', objet: 'compte' },
  compte_reactive: { libelle: 'Compte réactivé', objet: 'compte' },
  compte_desactive: { libelle: 'Compte désactivé', objet: 'compte' },
  compte_aidants_connect: { libelle: 'Compte Aidants Connect créé', objet: 'compte' },
  second_facteur_associe: { libelle: 'Second facteur associé', objet: 'compte' },
  second_facteur_retire: { libelle: 'Second facteur retiré', objet: 'compte' },
  compte_demandeur: { libelle: 'Compte de demandeur créé', objet: 'compte' },
  connexion_totp_lien: { libelle: 'Connexion par code et lien', objet: 'compte' },
  candidature_deposee: { libelle: 'Candidature de conseiller déposée', objet: 'candidature' },
  candidature_modifiee: { libelle: 'Candidature de conseiller modifiée', objet: 'candidature' },
  cv_supprime_conservation: { libelle: 'CV supprimé en fin de conservation', objet: 'candidature' },
  recrutement: { libelle: 'Recrutement', objet: 'candidature' },
  depart_conseiller: { libelle: 'Départ d’un conseiller', objet: 'candidature' },
  convention_signee: { libelle: 'Convention signée', objet: 'convention' },
  versement_paye: { libelle: 'Versement payé', objet: 'convention' },
  structure_deposee: { libelle: 'Candidature de structure déposée', objet: 'structure' },
  structure_completee: { libelle: 'Dossier de structure complété', objet: 'structure' },
  structure_modifiee: { libelle: 'Dossier de structure modifié', objet: 'structure' },
  structure_abandonnee: { libelle: 'Dossier de structure abandonné', objet: 'structure' },
  avis_prefecture: { libelle: 'Avis de la préfecture', objet: 'structure' },
  decision_comite: { libelle: 'Décision du comité', objet: 'structure' },
  programme_phase: { libelle: 'Phase du programme' },
  programme_taux: { libelle: 'Taux du programme' },
  programme_allocation: { libelle: 'Allocation d’un département' },
  programme_vague: { libelle: 'Vague ouverte' },
  formation_parcours_publie: { libelle: 'Parcours de formation publié', objet: 'parcours' },
  formation_parcours_retire: { libelle: 'Parcours de formation retiré', objet: 'parcours' },
  formation_repositionnement: { libelle: 'Changement de parcours de formation', objet: 'inscription' },
  formation_affectation: { libelle: 'Affectation à une session de formation', objet: 'inscription' },
  formation_certification: { libelle: 'Certification obtenue', objet: 'inscription' },
  formation_session: { libelle: 'Session de formation créée', objet: 'session' },
  formation_objectif: { libelle: 'Objectif annuel de formation' },
}

/** Actions whose last word is a state: `candidature_retenue`, `mise_en_relation_acceptee`… */
const FAMILLES: [prefixe: string, libelle: string, objet: TypeObjet][] = [
  ['candidature_', 'Candidature de conseiller', 'candidature'],
  ['mise_en_relation_', 'Mise en relation', 'candidature'],
]

const enMots = (code: string) => code.replaceAll('_', ' ')

/** The action in words; a code the catalogue does not know yet is still shown as words, never as a code. */
export function action(code: string): Action {
  // Own keys only: `constructor` or `toString` are no actions.
  if (Object.hasOwn(ACTIONS, code)) return ACTIONS[code] as Action
  for (const [prefixe, libelle, objet] of FAMILLES)
    if (code.startsWith(prefixe))
      return { libelle: `${libelle} : ${enMots(code.slice(prefixe.length))}`, objet }
  const texte = enMots(code)
  return { libelle: texte.charAt(0).toUpperCase() + texte.slice(1) }
}

/** Details that name another object: `structureId` a structure, `sessionId` a session, `de`/`vers` paths. */
export const DETAILS_OBJETS: Record<string, TypeObjet> = {
  structureId: 'structure',
  sessionId: 'session',
  de: 'parcours',
  vers: 'parcours',
}
