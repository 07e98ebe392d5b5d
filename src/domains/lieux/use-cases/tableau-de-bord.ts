import { porteesDe } from '../../../platform/auth/utilisateur'
import type { SourceTableauDeBord } from '../../../platform/layout/tableau-de-bord'

/**
 * The Solidarité Numérique mediator answers people by phone and sends them to help nearby: the search
 * of places and the self-test, as plain buttons (the call queue of `solidarite` is the main action).
 */
export function sourceTableauDeBordLieux(): SourceTableauDeBord {
  return async (u) =>
    porteesDe(u, 'mediateur').length
      ? [
          {
            role: 'mediateur',
            ordre: 10,
            id: 'tdb-lieux-mediateur',
            titre: 'Orienter une personne',
            message:
              'Cherchez avec la personne un lieu d’accompagnement près de chez elle, par commune ou code postal ; proposez-lui de faire le point sur ses usages avant d’y aller.',
            actions: [
              {
                libelle: 'Trouver un lieu près de chez elle',
                href: '/lieux',
                icone: 'fr-icon-search-line',
              },
              { libelle: 'Faire le point sur ses usages', href: '/diagnostic' },
            ],
          },
        ]
      : []
}
