import { porteesDe } from '../../../platform/auth/utilisateur'
import type { Database } from '../../../platform/db/database'
import {
  type BlocTableauDeBord,
  jourAParis,
  jourEnLettres,
  type SourceTableauDeBord,
} from '../../../platform/layout/tableau-de-bord'
import { inscriptionsDuCompte } from '../db/formation-repository'
import { inscriptionsNationales, sessionsAVenir } from '../db/tableau-de-bord-repository'

const SESSIONS_LISTEES = 5
const STATUTS = { inscrit: 'En cours', termine: 'Terminée', abandon: 'Abandonnée' } as const

/** The training blocks: a conseiller's own path, a provider's next sessions, the national counts. */
export function sourceTableauDeBordFormation(deps: { db: Database }): SourceTableauDeBord {
  return async (u, maintenant) => {
    const aujourdhui = jourAParis(maintenant)
    const blocs = await Promise.all([
      porteesDe(u, 'conseiller').length ? blocConseiller(deps.db, u.compteId) : undefined,
      porteesDe(u, 'formateur').length
        ? blocFormateur(
            deps.db,
            porteesDe(u, 'formateur').map((p) => p.code),
            aujourdhui,
          )
        : undefined,
      porteesDe(u, 'admin').length ? blocNational(deps.db) : undefined,
    ])
    return blocs.filter((b): b is BlocTableauDeBord => !!b)
  }
}

async function blocConseiller(db: Database, compteId: string): Promise<BlocTableauDeBord | undefined> {
  const lignes = await inscriptionsDuCompte(db, compteId)
  if (lignes.length === 0) return undefined
  return {
    role: 'conseiller',
    ordre: 30,
    id: 'tdb-formation-conseiller',
    titre: 'Ma formation',
    liste: {
      titre: 'Mes parcours',
      vide: '',
      lignes: lignes.map(({ inscription: i, parcours, session: s }) => ({
        texte: parcours.libelle,
        badge: { texte: STATUTS[i.statut], type: i.statut === 'termine' ? 'success' : 'info' },
        detail: s
          ? `Session du ${jourEnLettres(s.debut)} au ${jourEnLettres(s.fin)}${s.lieu ? ` · ${s.lieu}` : ''}`
          : 'Session à venir : l’organisme de formation vous l’indiquera',
      })),
    },
    actions: [{ libelle: 'Voir mon parcours', href: '/formation/mon-parcours' }],
  }
}

async function blocFormateur(
  db: Database,
  organismes: readonly string[],
  aujourdhui: string,
): Promise<BlocTableauDeBord> {
  const sessions = await sessionsAVenir(db, organismes, aujourdhui, SESSIONS_LISTEES)
  return {
    role: 'formateur',
    ordre: 10,
    id: 'tdb-formation-formateur',
    titre: 'Mes prochaines sessions de formation',
    liste: {
      titre: 'En cours ou à venir',
      vide: 'Aucune session en cours ni à venir : créez la prochaine.',
      lignes: sessions.map((s) => ({
        texte: s.libelle,
        href: `/formation/sessions/${s.id}`,
        detail: `À partir du ${jourEnLettres(s.debut)} · ${s.inscrits} ${
          s.inscrits < 2 ? 'inscrit' : 'inscrits'
        } sur ${s.capacite} ${s.capacite < 2 ? 'place' : 'places'}`,
      })),
    },
    actions: [{ libelle: 'Gérer les sessions', href: '/formation' }],
  }
}

async function blocNational(db: Database): Promise<BlocTableauDeBord> {
  const n = await inscriptionsNationales(db)
  return {
    role: 'admin',
    ordre: 20,
    id: 'tdb-formation-national',
    titre: 'Formation des conseillers et des aidants',
    chiffres: [
      { valeur: n.sansSession, libelle: ['personne à placer en session', 'personnes à placer en session'] },
      { valeur: n.enFormation, libelle: ['personne en formation', 'personnes en formation'] },
      { valeur: n.terminees, libelle: ['formation terminée', 'formations terminées'] },
    ],
    actions: [{ libelle: 'Sessions et parcours', href: '/formation' }],
  }
}
