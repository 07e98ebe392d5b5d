import { porteesDe } from '../../../platform/auth/utilisateur'
import type { Database } from '../../../platform/db/database'
import type { SourceTableauDeBord } from '../../../platform/layout/tableau-de-bord'
import { demandeTenue, etatDeLaFile } from '../db/file-repository'

/** The médiateur's home: who waits, who is late, and the one button that starts the next call. */
export function sourceTableauDeBordSolidarite({ db }: { db: Database }): SourceTableauDeBord {
  return async (u, maintenant) => {
    if (!porteesDe(u, 'mediateur').length) return []
    const [etat, tenue] = await Promise.all([etatDeLaFile(db, maintenant), demandeTenue(db, u.compteId)])
    return [
      {
        role: 'mediateur',
        ordre: 5,
        id: 'tdb-solidarite-mediateur',
        titre: 'Les personnes qui attendent un appel',
        chiffres: [
          { valeur: etat.enAttente, libelle: ['demande ouverte', 'demandes ouvertes'] },
          { valeur: etat.horsDelai, libelle: ['demande hors délai', 'demandes hors délai'] },
        ],
        actions: [
          {
            libelle: tenue
              ? `Reprendre l’appel de ${tenue.prenom ?? 'la personne'}`
              : 'Ouvrir la file des rappels',
            href: '/solidarite',
            principale: true,
            icone: 'fr-icon-phone-line',
          },
        ],
        ...(etat.enAttente === 0 ? { message: 'Personne n’attend d’appel pour l’instant.' } : {}),
      },
    ]
  }
}
