import { porteesDe } from '../../../platform/auth/utilisateur'
import type { Database } from '../../../platform/db/database'
import { jourAParis, jourEnLettres, type SourceTableauDeBord } from '../../../platform/layout/tableau-de-bord'
import { sessionsOuvertes } from '../db/tableau-de-bord-repository'

const SESSIONS_LISTEES = 5

/** The conseiller's diagnostics in progress: the session codes still open and who is taking them. */
export function sourceTableauDeBordDiagnostic(deps: { db: Database }): SourceTableauDeBord {
  return async (u, maintenant) => {
    const structures = porteesDe(u, 'conseiller')
      .filter((p) => p.type === 'structure')
      .map((p) => p.code)
    if (structures.length === 0) return []
    const sessions = await sessionsOuvertes(deps.db, structures, maintenant, SESSIONS_LISTEES)
    const enCours = sessions.reduce((s, x) => s + x.enCours, 0)
    return [
      {
        role: 'conseiller',
        ordre: 20,
        id: 'tdb-diagnostic-conseiller',
        titre: 'Diagnostics en cours',
        chiffres: [
          { valeur: sessions.length, libelle: ['session ouverte', 'sessions ouvertes'] },
          { valeur: enCours, libelle: ['diagnostic en cours', 'diagnostics en cours'] },
        ],
        liste: {
          titre: 'Sessions ouvertes',
          vide: 'Aucune session ouverte : créez-en une pour faire passer le diagnostic.',
          lignes: sessions.map((s) => ({
            texte: s.libelle || `Session ${s.code}`,
            href: `/diagnostic/sessions/${s.code}/suivi`,
            detail: `${s.enCours} en cours, ${s.termines} ${s.termines < 2 ? 'terminé' : 'terminés'} · ouverte jusqu’au ${jourEnLettres(jourAParis(s.expireLe))}`,
          })),
        },
        actions: [{ libelle: 'Ouvrir une session de diagnostic', href: '/diagnostic/sessions' }],
      },
    ]
  }
}
