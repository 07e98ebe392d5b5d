import { porteesDe, type Utilisateur } from '../../../platform/auth/utilisateur'
import type { Database } from '../../../platform/db/database'
import {
  type BlocTableauDeBord,
  jourAParis,
  jourEnLettres,
  type SourceTableauDeBord,
} from '../../../platform/layout/tableau-de-bord'
import {
  aidantsEtCartes,
  aidantsParStatut,
  demandesParStatut,
  mandatsAExpirer,
} from '../db/tableau-de-bord-repository'
import { STATUTS_AIDANT, type StatutAidant } from '../domain/habilitation'

/** A mandate ending within this many days is shown to its aidant (time to renew it with the usager). */
export const JOURS_AVANT_EXPIRATION = 30
const MANDATS_LISTES = 10
const AIDANTS_LISTES = 30

/** The Aidants Connect blocks: the aidant's mandates about to end, the référent's aidants, the pipeline. */
export function sourceTableauDeBordAidants(deps: { db: Database }): SourceTableauDeBord {
  return async (u, maintenant) => {
    const blocs = await Promise.all([
      porteesDe(u, 'aidant').length ? blocAidant(deps.db, u, maintenant) : undefined,
      ...porteesDe(u, 'referent').map((p, i) => blocReferent(deps.db, p.code, p.libelle, i)),
      porteesDe(u, 'admin').length ? blocNational(deps.db) : undefined,
    ])
    return blocs.filter((b): b is BlocTableauDeBord => !!b)
  }
}

async function blocAidant(db: Database, u: Utilisateur, maintenant: Date): Promise<BlocTableauDeBord> {
  const jusquA = new Date(maintenant.getTime() + JOURS_AVANT_EXPIRATION * 86_400_000)
  const organisations = porteesDe(u, 'aidant').map((p) => p.code)
  const m = await mandatsAExpirer(db, organisations, maintenant, jusquA, MANDATS_LISTES)
  return {
    role: 'aidant',
    ordre: 10,
    id: 'tdb-aidants-aidant',
    titre: 'Mes mandats Aidants Connect',
    actions: [
      {
        libelle: 'Créer un mandat',
        href: '/aidants/mandats/nouveau',
        principale: true,
        icone: 'fr-icon-add-line',
      },
      { libelle: 'Mes usagers', href: '/aidants/espace' },
    ],
    chiffres: [
      { valeur: m.actifs, libelle: ['mandat en cours', 'mandats en cours'] },
      {
        valeur: m.total,
        libelle: [
          `expire dans les ${JOURS_AVANT_EXPIRATION} jours`,
          `expirent dans les ${JOURS_AVANT_EXPIRATION} jours`,
        ],
      },
    ],
    liste: {
      titre: 'Mandats bientôt expirés',
      vide: `Aucun mandat n’expire dans les ${JOURS_AVANT_EXPIRATION} prochains jours.`,
      lignes: m.premiers.map((x) => ({
        texte: x.usager,
        href: `/aidants/usagers/${x.usagerId}`,
        detail: `Expire le ${jourEnLettres(jourAParis(x.expireLe))}`,
      })),
    },
  }
}

const cartes = (a: Awaited<ReturnType<typeof aidantsEtCartes>>[number]) => {
  const confirmes = a.dispositifs.filter((d) => d.confirme)
  if (confirmes.length === 0) return 'aucune carte ni application confirmée'
  return confirmes
    .map((d) => (d.type === 'carte' ? `carte ${d.numeroSerie ?? ''}`.trim() : 'application'))
    .join(', ')
}

async function blocReferent(
  db: Database,
  organisationId: string,
  libelle: string,
  i: number,
): Promise<BlocTableauDeBord> {
  const aidants = await aidantsEtCartes(db, organisationId, AIDANTS_LISTES)
  const sansCarte = aidants.filter((a) => !a.dispositifs.some((d) => d.confirme)).length
  return {
    role: 'referent',
    ordre: 10 + i,
    id: `tdb-aidants-referent-${i + 1}`,
    titre: `Les aidants de ${libelle.replace(/ \(\w+\)$/, '')}`,
    chiffres: [
      { valeur: aidants.length, libelle: ['aidant', 'aidants'] },
      { valeur: sansCarte, libelle: ['sans carte confirmée', 'sans carte confirmée'] },
    ],
    liste: {
      titre: 'Aidants et cartes',
      vide: 'Aucun aidant dans cette structure : ajoutez-en depuis l’espace référent.',
      lignes: aidants.map((a) => ({
        texte: `${a.prenom} ${a.nom}`,
        detail: `${STATUTS_AIDANT[a.statut as StatutAidant] ?? a.statut} · ${cartes(a)}`,
      })),
    },
    actions: [{ libelle: 'Gérer les aidants et les cartes', href: '/aidants/referent' }],
  }
}

async function blocNational(db: Database): Promise<BlocTableauDeBord> {
  const [demandes, aidants] = await Promise.all([demandesParStatut(db), aidantsParStatut(db)])
  return {
    role: 'admin',
    ordre: 40,
    id: 'tdb-aidants-national',
    titre: 'Habilitations Aidants Connect',
    chiffres: [
      { valeur: demandes.en_attente ?? 0, libelle: ['demande à instruire', 'demandes à instruire'] },
      {
        valeur: demandes.liste_attente ?? 0,
        libelle: ['demande en liste d’attente', 'demandes en liste d’attente'],
      },
      { valeur: aidants.en_formation ?? 0, libelle: ['aidant en formation', 'aidants en formation'] },
      {
        valeur: (aidants.validee ?? 0) + (aidants.active ?? 0),
        libelle: ['aidant habilité', 'aidants habilités'],
      },
    ],
    actions: [{ libelle: 'Instruire les demandes', href: '/aidants/admin/habilitations' }],
  }
}
