import { mettreEnFileEmail } from '../../../platform/outbox/outbox'
import type { Lieu } from '../domain/lieu'
import { NATURES_SIGNALEMENT, type Signalement } from '../domain/signalement'
import type { DepsLieux } from './deps'

export interface DepsSignalement extends DepsLieux {
  /** E-mail addresses of the managers of a structure's places (empty when none). */
  gestionnairesDe: (structureId: string) => Promise<string[]>
  /** Who reads the reports about places that no structure manages: the national team. */
  equipeNationale: () => Promise<string[]>
  baseUrl: string
}

/**
 * A visitor's report of an error on a place's page, sent by e-mail (through the outbox) to the people
 * who can fix it: the managers of the place's structure, else the national team. Nothing else is kept:
 * the report lives in their mailbox. The reporter's address, when given, is only for the reply.
 */
export const makeSignalerErreur =
  (deps: DepsSignalement) =>
  async (lieu: Pick<Lieu, 'id' | 'nom' | 'commune' | 'structureId'>, s: Signalement): Promise<number> => {
    const gestionnaires = lieu.structureId ? await deps.gestionnairesDe(lieu.structureId) : []
    const destinataires = [
      ...new Set(gestionnaires.length > 0 ? gestionnaires : await deps.equipeNationale()),
    ]
    const nature = NATURES_SIGNALEMENT.find((n) => n.valeur === s.nature)?.libelle ?? s.nature
    const texte = [
      `Une personne signale une erreur sur la fiche du lieu « ${lieu.nom} » (${lieu.commune}).`,
      '',
      `Ce qui est faux : ${nature}`,
      '',
      s.message,
      '',
      s.courriel
        ? `Pour lui répondre : ${s.courriel}`
        : 'Cette personne n’a pas laissé d’adresse pour lui répondre.',
      '',
      `Fiche publique : ${deps.baseUrl}/lieux/${lieu.id}`,
      `Corriger la fiche : ${deps.baseUrl}/lieux/${lieu.id}/modifier`,
    ].join('\n')
    await deps.db.transaction(async (tx) => {
      for (const destinataire of destinataires)
        await mettreEnFileEmail(tx, {
          destinataire,
          sujet: `Erreur signalée sur le lieu « ${lieu.nom.slice(0, 120)} »`,
          texte,
        })
    })
    return destinataires.length
  }
