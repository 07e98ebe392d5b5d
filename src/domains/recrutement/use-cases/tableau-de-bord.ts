import { porteesDe, type Utilisateur } from '../../../platform/auth/utilisateur'
import type { Database } from '../../../platform/db/database'
import {
  type BlocTableauDeBord,
  jourAParis,
  jourEnLettres,
  type SourceTableauDeBord,
} from '../../../platform/layout/tableau-de-bord'
import { statutsCandidatures, statutsStructures } from '../db/pilotage-repository'
import { vagueOuverte } from '../db/programme-repository'
import {
  candidatureDuCompte,
  conseillersEnPoste,
  dossiersEnAttenteDAvis,
  etatDesStructures,
} from '../db/tableau-de-bord-repository'
import {
  LIBELLES_STATUT_CANDIDATURE,
  LIBELLES_STATUT_STRUCTURE,
  type StatutCandidature,
  type StatutStructure,
} from '../domain/statuts'

/** Dossiers listed on the prefecture's home; the rest are one link away. */
const DOSSIERS_AFFICHES = 5

/**
 * The recruitment blocks of the home: the prefecture's dossiers and the wave's deadline, the national
 * pipeline, the manager's structure and the candidate's application.
 */
export function sourceTableauDeBordRecrutement(deps: { db: Database }): SourceTableauDeBord {
  return async (u) => {
    const blocs = await Promise.all([
      porteesDe(u, 'prefecture').length ? blocPrefecture(deps.db, u) : undefined,
      porteesDe(u, 'admin').length ? blocNational(deps.db) : undefined,
      ...(porteesDe(u, 'gestionnaire').length ? await blocsGestionnaire(deps.db, u) : []),
      porteesDe(u, 'candidat').length ? blocCandidat(deps.db, u) : undefined,
    ])
    return blocs.filter((b): b is BlocTableauDeBord => !!b)
  }
}

async function blocPrefecture(db: Database, u: Utilisateur): Promise<BlocTableauDeBord> {
  const departements = porteesDe(u, 'prefecture').map((p) => p.code)
  const [dossiers, vague] = await Promise.all([
    dossiersEnAttenteDAvis(db, departements, DOSSIERS_AFFICHES),
    vagueOuverte(db),
  ])
  return {
    role: 'prefecture',
    ordre: 10,
    id: 'tdb-recrutement-prefecture',
    titre: 'Structures candidates à examiner',
    ...(vague
      ? { echeance: { libelle: `Avis attendus pour ${vague.libelle} avant le`, date: vague.dateLimiteAvis } }
      : {}),
    chiffres: [
      { valeur: dossiers.total, libelle: ['dossier attend votre avis', 'dossiers attendent votre avis'] },
    ],
    liste: {
      titre: 'Les plus anciens d’abord',
      vide: 'Aucun dossier n’attend votre avis.',
      lignes: dossiers.premiers.map((d) => ({
        texte: d.nom,
        href: `/prefecture/structures/${d.id}`,
        detail: `Déposé le ${jourEnLettres(jourAParis(d.deposeLe))}`,
      })),
    },
    actions: [{ libelle: 'Voir toutes les structures candidates', href: '/prefecture/structures' }],
  }
}

const compte = (lignes: readonly { statut: string; n: number }[], ...statuts: string[]) =>
  lignes.filter((l) => statuts.includes(l.statut)).reduce((s, l) => s + Number(l.n), 0)

async function blocNational(db: Database): Promise<BlocTableauDeBord> {
  const [structures, candidatures, enPoste] = await Promise.all([
    statutsStructures(db, undefined),
    statutsCandidatures(db, undefined),
    conseillersEnPoste(db),
  ])
  return {
    role: 'admin',
    ordre: 10,
    id: 'tdb-recrutement-national',
    titre: 'Recrutement des conseillers numériques',
    chiffres: [
      {
        valeur: compte(structures, 'deposee', 'a_completer'),
        libelle: ['structure chez les préfectures', 'structures chez les préfectures'],
      },
      {
        valeur: compte(structures, 'proposee', 'examen_complementaire'),
        libelle: ['structure à passer en comité', 'structures à passer en comité'],
      },
      {
        valeur: compte(structures, 'validee'),
        libelle: ['structure validée à conventionner', 'structures validées à conventionner'],
      },
      {
        valeur: compte(structures, 'conventionnee'),
        libelle: ['structure conventionnée', 'structures conventionnées'],
      },
      {
        valeur: compte(candidatures, 'disponible', 'en_cours_de_recrutement'),
        libelle: ['candidature en lice', 'candidatures en lice'],
      },
      { valeur: enPoste, libelle: ['conseiller en poste', 'conseillers en poste'] },
    ],
    actions: [
      { libelle: 'Préparer le comité', href: '/comite' },
      { libelle: 'Pilotage par département', href: '/pilotage' },
    ],
  }
}

async function blocsGestionnaire(db: Database, u: Utilisateur): Promise<BlocTableauDeBord[]> {
  const ids = porteesDe(u, 'gestionnaire').map((p) => p.code)
  return (await etatDesStructures(db, ids)).map((s, i) => ({
    role: 'gestionnaire' as const,
    ordre: 10 + i,
    id: `tdb-recrutement-structure-${i + 1}`,
    titre: `Recrutement — ${s.nom}`,
    message: `Candidature de la structure : ${LIBELLES_STATUT_STRUCTURE[s.statut as StatutStructure] ?? s.statut}.`,
    chiffres: [
      { valeur: s.postesValides, libelle: ['poste validé', 'postes validés'] },
      {
        valeur: (s.misesEnRelation.preselectionnee ?? 0) + (s.misesEnRelation.entretien ?? 0),
        libelle: ['candidat présélectionné', 'candidats présélectionnés'],
      },
      { valeur: s.misesEnRelation.recrutee ?? 0, libelle: ['conseiller recruté', 'conseillers recrutés'] },
    ],
    actions: [{ libelle: 'Recruter et suivre mes conseillers', href: '/structure' }],
  }))
}

async function blocCandidat(db: Database, u: Utilisateur): Promise<BlocTableauDeBord> {
  const c = await candidatureDuCompte(db, u.compteId)
  return {
    role: 'candidat',
    ordre: 10,
    id: 'tdb-recrutement-candidat',
    titre: 'Ma candidature de conseiller numérique',
    message: c
      ? `${LIBELLES_STATUT_CANDIDATURE[c.statut as StatutCandidature] ?? c.statut}. Disponible à partir du ${jourEnLettres(c.disponibleLe)}.`
      : 'Vous n’avez pas encore déposé de candidature.',
    actions: [
      c
        ? { libelle: 'Voir ma candidature', href: '/candidat' }
        : { libelle: 'Déposer ma candidature', href: '/candidature/conseiller', principale: true },
    ],
  }
}
