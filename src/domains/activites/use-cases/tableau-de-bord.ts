import { porteesDe, type Utilisateur } from '../../../platform/auth/utilisateur'
import type { Database } from '../../../platform/db/database'
import { region } from '../../../platform/geo/territoires'
import {
  type BlocTableauDeBord,
  jourAParis,
  jourEnLettres,
  moisEnLettres,
  type SourceTableauDeBord,
} from '../../../platform/layout/tableau-de-bord'
import {
  activiteDesConseillers,
  chiffresDuMois,
  chiffresNationaux,
  dernieresActivites,
} from '../db/tableau-de-bord-repository'
import { libelle } from '../domain/vocabulaire'

/** What the coordinator's block needs from the domains that own structures and accounts. */
export interface PortTableauDeBordActivites {
  structuresDeLaRegion: (codeRegion: string) => Promise<readonly { id: string; nom: string }[]>
  conseillersDesStructures: (
    structureIds: readonly string[],
  ) => Promise<readonly { compteId: string; prenom: string; nom: string }[]>
}

const DERNIERES = 5
/** Conseillers listed on a coordinator's home: those without activity for the longest time. */
const CONSEILLERS_LISTES = 15

const heures = (minutes: number) => Math.round(minutes / 60)

/**
 * The activity blocks of the home: the conseiller's month and latest reports, a structure's month,
 * a regional coordinator's conseillers and the national month.
 */
export function sourceTableauDeBordActivites(deps: {
  db: Database
  port: PortTableauDeBordActivites
}): SourceTableauDeBord {
  return async (u, maintenant) => {
    const mois = jourAParis(maintenant).slice(0, 7)
    const blocs = await Promise.all([
      porteesDe(u, 'conseiller').length ? blocConseiller(deps.db, u, mois) : undefined,
      ...porteesDe(u, 'gestionnaire').map((p, i) => blocStructure(deps.db, p.code, mois, i)),
      ...porteesDe(u, 'coordinateur').map((p) => blocCoordination(deps, p.code, mois)),
      porteesDe(u, 'admin').length ? blocNational(deps.db, mois) : undefined,
    ])
    return blocs.filter((b): b is BlocTableauDeBord => !!b)
  }
}

async function blocConseiller(db: Database, u: Utilisateur, mois: string): Promise<BlocTableauDeBord> {
  const [chiffres, recentes] = await Promise.all([
    chiffresDuMois(db, { conseillerId: u.compteId }, mois),
    dernieresActivites(db, u.compteId, DERNIERES),
  ])
  return {
    role: 'conseiller',
    ordre: 10,
    id: 'tdb-activites-conseiller',
    titre: `Mes activités de ${moisEnLettres(mois)}`,
    actions: [
      {
        libelle: 'Enregistrer une activité',
        href: '/activites/nouvelle',
        principale: true,
        icone: 'fr-icon-add-line',
      },
      { libelle: 'Toutes mes activités', href: '/activites' },
    ],
    ...(chiffres.activites === 0
      ? { message: 'Aucune activité ce mois-ci — enregistrez la première.' }
      : {
          chiffres: [
            { valeur: chiffres.activites, libelle: ['activité', 'activités'] },
            { valeur: chiffres.personnes, libelle: ['personne accompagnée', 'personnes accompagnées'] },
            {
              valeur: heures(chiffres.minutes),
              libelle: ['heure d’accompagnement', 'heures d’accompagnement'],
            },
          ],
        }),
    liste: {
      titre: 'Mes dernières activités',
      vide: 'Vous n’avez encore enregistré aucune activité.',
      lignes: recentes.map((a) => ({
        texte: a.titre || libelle('type', a.type),
        href: `/activites/${a.id}/modifier`,
        date: a.date,
        detail: [a.titre ? libelle('type', a.type) : '', `${a.duree} min`, a.lieuNom ?? '']
          .filter(Boolean)
          .join(' · '),
      })),
    },
  }
}

async function blocStructure(db: Database, structureId: string, mois: string, i: number) {
  const c = await chiffresDuMois(db, { structureId }, mois)
  return {
    role: 'gestionnaire',
    ordre: 20 + i,
    id: `tdb-activites-structure-${i + 1}`,
    titre: `Activité des conseillers de la structure en ${moisEnLettres(mois)}`,
    chiffres: [
      { valeur: c.activites, libelle: ['activité', 'activités'] },
      { valeur: c.personnes, libelle: ['personne accompagnée', 'personnes accompagnées'] },
    ],
    actions: [{ libelle: 'Statistiques de la structure', href: '/activites/statistiques' }],
  } satisfies BlocTableauDeBord
}

async function blocCoordination(
  deps: { db: Database; port: PortTableauDeBordActivites },
  codeRegion: string,
  mois: string,
): Promise<BlocTableauDeBord> {
  const structures = await deps.port.structuresDeLaRegion(codeRegion)
  const conseillers = await deps.port.conseillersDesStructures(structures.map((s) => s.id))
  const activite = new Map(
    (await activiteDesConseillers(deps.db, [...new Set(conseillers.map((c) => c.compteId))], mois)).map(
      (a) => [a.conseillerId, a],
    ),
  )
  const lignes = conseillers.map((c) => ({ ...c, ...activite.get(c.compteId) }))
  // Those whose latest report is oldest (or who never wrote one) are those to call first.
  const aSuivre = [...lignes]
    .sort((a, b) => (a.derniere ?? '').localeCompare(b.derniere ?? ''))
    .slice(0, CONSEILLERS_LISTES)
  return {
    role: 'coordinateur',
    ordre: 10,
    id: 'tdb-activites-coordination',
    titre: `Les conseillers de la région ${region(codeRegion)?.nom.replace(/'/g, '’') ?? ''}`.trim(),
    chiffres: [
      { valeur: lignes.length, libelle: ['conseiller', 'conseillers'] },
      {
        valeur: lignes.filter((l) => (l.activitesDuMois ?? 0) > 0).length,
        libelle: [`actif en ${moisEnLettres(mois)}`, `actifs en ${moisEnLettres(mois)}`],
      },
      {
        valeur: lignes.reduce((s, l) => s + (l.activitesDuMois ?? 0), 0),
        libelle: [`activité en ${moisEnLettres(mois)}`, `activités en ${moisEnLettres(mois)}`],
      },
    ],
    liste: {
      titre: 'Sans nouvelles depuis le plus longtemps',
      vide: 'Aucun conseiller n’est encore rattaché à une structure de la région.',
      lignes: aSuivre.map((l) => ({
        texte: `${l.prenom} ${l.nom}`,
        detail: `${l.activitesDuMois ?? 0} ${(l.activitesDuMois ?? 0) < 2 ? 'activité' : 'activités'} ce mois-ci · ${
          l.derniere ? `dernière le ${jourEnLettres(l.derniere)}` : 'aucune activité enregistrée'
        }`,
      })),
    },
    actions: [{ libelle: 'Statistiques de la région', href: '/activites/statistiques' }],
  }
}

async function blocNational(db: Database, mois: string): Promise<BlocTableauDeBord> {
  const c = await chiffresNationaux(db, mois)
  return {
    role: 'admin',
    ordre: 30,
    id: 'tdb-activites-national',
    titre: `Accompagnements en ${moisEnLettres(mois)}`,
    chiffres: [
      { valeur: c.activites, libelle: ['activité', 'activités'] },
      { valeur: c.personnes, libelle: ['personne accompagnée', 'personnes accompagnées'] },
      { valeur: heures(c.minutes), libelle: ['heure d’accompagnement', 'heures d’accompagnement'] },
    ],
    actions: [{ libelle: 'Statistiques nationales', href: '/activites/statistiques' }],
  }
}
