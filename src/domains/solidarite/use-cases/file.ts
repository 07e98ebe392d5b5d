/**
 * The médiateur's side: take the next request, call, record each attempt, close with an outcome.
 * Every write checks that the médiateur holds the request: a request taken by someone else, or closed
 * meanwhile, is refused rather than overwritten.
 */
import type { Utilisateur } from '../../../platform/auth/utilisateur'
import { porteesDe } from '../../../platform/auth/utilisateur'
import { mettreEnFileSms } from '../../../platform/outbox/outbox'
import { fermerDemande, type LigneDemande } from '../db/demandes-repository'
import { ajouterTentative, demandeTenue, prendreSuivante, remettreEnFile } from '../db/file-repository'
import { HORAIRES_NATIONAUX } from '../domain/creneaux'
import type { Mediateur } from '../domain/file-attente'
import { apresTentative, type IssueTentative } from '../domain/tentatives'
import { smsInjoignable } from '../messages'
import type { DepsSolidarite } from './deposer'

/** How a call ends when the person was reached. */
export const ISSUES_APPEL = {
  resolu: 'Résolu pendant l’appel',
  'oriente-lieu': 'Orienté vers un lieu proche',
  'france-services': 'Orienté vers France services',
  'aidants-connect': 'Orienté vers Aidants Connect',
  diagnostic: 'Orienté vers le diagnostic',
} as const
export type IssueAppel = keyof typeof ISSUES_APPEL

/** The médiateur as the queue sees them: the régions of their roles (none: all of France). */
export function mediateurDe(u: Utilisateur): Mediateur {
  const portees = porteesDe(u, 'mediateur')
  const national = portees.some((p) => p.type === 'national')
  return {
    id: u.compteId,
    regions: national ? [] : portees.filter((p) => p.type === 'region').map((p) => p.code),
    // Languages are not recorded yet: every médiateur takes French calls.
    langues: ['fr'],
  }
}

export type IssueEcriture = { ok: true; demande: LigneDemande } | { ok: false; erreur: 'pas-a-vous' }

export function makeFile(deps: DepsSolidarite) {
  const service = deps.service ?? HORAIRES_NATIONAUX
  return {
    /** The request held, else the next one; `undefined` when nothing can be called now. */
    async prendre(m: Mediateur): Promise<LigneDemande | undefined> {
      return (await demandeTenue(deps.db, m.id)) ?? (await prendreSuivante(deps.db, m, deps.horloge()))
    },

    tenue: (m: Mediateur) => demandeTenue(deps.db, m.id),

    numero: (d: LigneDemande) =>
      d.telephoneChiffre ? deps.coffre.dechiffrer(d.telephoneChiffre) : undefined,

    async tentative(m: Mediateur, demandeId: string, issue: IssueTentative): Promise<IssueEcriture> {
      const maintenant = deps.horloge()
      return deps.db.transaction(async (tx) => {
        const d = await ajouterTentative(tx, demandeId, m.id, issue, maintenant)
        if (!d) return { ok: false, erreur: 'pas-a-vous' }
        const creneau =
          d.creneauDebut && d.creneauFin ? { debut: d.creneauDebut, fin: d.creneauFin } : undefined
        const suite = apresTentative(issue, d.tentatives - 1, maintenant, service, creneau)
        if (suite.statut === 'a-rappeler') await remettreEnFile(tx, d.id, suite.prochaineTentative)
        if (suite.statut === 'close') {
          await fermerDemande(tx, d.id, suite.motif, maintenant)
          const numero = this.numero(d)
          if (suite.sms && numero)
            await mettreEnFileSms(tx, {
              destinataire: numero,
              texte: smsInjoignable({ reference: d.reference, lien: `${deps.baseUrl}/etre-rappele` }),
            })
        }
        return { ok: true, demande: d }
      })
    },

    async cloturer(m: Mediateur, demandeId: string, issue: IssueAppel): Promise<IssueEcriture> {
      const d = await demandeTenue(deps.db, m.id)
      if (!d || d.id !== demandeId) return { ok: false, erreur: 'pas-a-vous' }
      await fermerDemande(deps.db, d.id, issue, deps.horloge())
      return { ok: true, demande: d }
    },

    /** The person asks to be called again later: back in the queue, for this médiateur first. */
    async reprogrammer(m: Mediateur, demandeId: string, le: Date): Promise<IssueEcriture> {
      const d = await demandeTenue(deps.db, m.id)
      if (!d || d.id !== demandeId) return { ok: false, erreur: 'pas-a-vous' }
      await remettreEnFile(deps.db, d.id, le)
      return { ok: true, demande: d }
    },
  }
}
