/**
 * « Être rappelé »: a request is filed, or merged into the open one of the same number, and the person
 * gets an SMS with the reference, when they will be called and a link to cancel.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import type { Coffre } from '../../../platform/coffre'
import type { Horloge } from '../../../platform/crypto'
import type { Database } from '../../../platform/db/database'
import { estViolationUnicite } from '../../../platform/db/erreurs'
import { mettreEnFileSms } from '../../../platform/outbox/outbox'
import {
  demandeOuverteDuNumero,
  demandeParReference,
  fermerDemande,
  fusionnerDemande,
  insererDemande,
} from '../db/demandes-repository'
import {
  type Creneau,
  creneauChoisi,
  HORAIRES_NATIONAUX,
  type HorairesService,
  momentLocal,
} from '../domain/creneaux'
import { echeancePremierAppel } from '../domain/delais'
import {
  type Besoin,
  type DomaineDemarche,
  estReference,
  type Langue,
  nouvelleReference,
  REGION_DU_TERRITOIRE,
} from '../domain/demande'
import { classePriorite } from '../domain/file-attente'
import { fuseauDe, type Telephone, type Territoire } from '../domain/telephone'
import { smsAnnulation, smsConfirmation } from '../messages'

export interface DepsSolidarite {
  db: Database
  horloge: Horloge
  /** Encrypts the numbers, and fingerprints them to find a number's open request. */
  coffre: Coffre
  /** Public address, for the links sent by SMS. */
  baseUrl: string
  service?: HorairesService
}

export const CRENEAU_DES_QUE_POSSIBLE = 'des-que-possible'
/** A number may send the form this many times for one open request; more is abuse or distress. */
export const DEPOTS_MAXIMUM = 5

export interface EntreeDemande {
  telephone: Telephone
  prenom: string
  besoin: Besoin
  domaineDemarche?: DomaineDemarche | undefined
  dateLimiteDemarche?: string | undefined
  arnaqueEnCours: boolean
  isolement: boolean
  reponseParSms: boolean
  langue: Langue
  /** Where the person is (their time zone), which may differ from their number's territory. */
  territoire: Territoire
  /** A slot id of `creneauxProposes`, or `CRENEAU_DES_QUE_POSSIBLE`. */
  creneau: string
  /** A professional filing it for someone else. */
  deposeePar?: string | undefined
}

export type IssueDepot =
  | { ok: true; reference: string; jeton: string; miseAJour: boolean; quand: string; sms: boolean }
  | { ok: false; erreur: 'creneau-passe' | 'trop-de-demandes' }

const hacher = (jeton: string) => createHash('sha256').update(jeton).digest('base64url')

export function makeDeposer(deps: DepsSolidarite) {
  const service = deps.service ?? HORAIRES_NATIONAUX

  return async function deposer(e: EntreeDemande): Promise<IssueDepot> {
    const maintenant = deps.horloge()
    const fuseau = fuseauDe(e.territoire)
    let creneau: Creneau | undefined
    if (e.creneau !== CRENEAU_DES_QUE_POSSIBLE) {
      creneau = creneauChoisi(e.creneau, maintenant, fuseau, service)
      if (!creneau) return { ok: false, erreur: 'creneau-passe' }
    }
    const echeance = echeancePremierAppel(maintenant, creneau, service)
    const dateLimite = e.dateLimiteDemarche ? new Date(`${e.dateLimiteDemarche}T23:59:00Z`) : undefined
    const arnaqueEnCours = e.arnaqueEnCours && e.besoin === 'arnaque'
    const champs = {
      telephoneChiffre: deps.coffre.chiffrer(e.telephone.e164),
      prenom: e.prenom,
      besoin: e.besoin,
      domaineDemarche: e.besoin === 'demarche' ? (e.domaineDemarche ?? null) : null,
      dateLimiteDemarche: e.besoin === 'demarche' ? (e.dateLimiteDemarche ?? null) : null,
      arnaqueEnCours,
      isolement: e.isolement,
      reponseParSms: e.reponseParSms,
      langue: e.langue,
      territoire: e.territoire,
      fuseau,
      region: REGION_DU_TERRITOIRE[e.territoire] ?? null,
      creneauId: creneau?.id ?? null,
      creneauDebut: creneau?.debut ?? null,
      creneauFin: creneau?.fin ?? null,
      echeance,
      classe: classePriorite(
        { arnaqueEnCours, isolement: e.isolement, dateLimiteDemarche: dateLimite },
        maintenant,
      ),
    }
    const jeton = randomBytes(16).toString('base64url')
    const empreinte = deps.coffre.empreinte(e.telephone.e164)
    const quand = creneau ? creneau.libelle : `au plus tard ${momentLocal(echeance, fuseau)}`

    const ecrire = () =>
      deps.db.transaction(async (tx) => {
        const ouverte = await demandeOuverteDuNumero(tx, empreinte)
        let reference: string
        if (ouverte) {
          if (ouverte.depots >= DEPOTS_MAXIMUM)
            return { ok: false as const, erreur: 'trop-de-demandes' as const }
          reference = ouverte.reference
          await fusionnerDemande(tx, ouverte.id, { ...champs, jetonAnnulation: hacher(jeton) })
        } else {
          reference = nouvelleReference()
          await insererDemande(tx, {
            id: randomUUID(),
            reference,
            telephoneEmpreinte: empreinte,
            ...champs,
            deposeePar: e.deposeePar ?? null,
            jetonAnnulation: hacher(jeton),
            deposeeLe: maintenant,
          })
        }
        const sms = e.telephone.mobile
        if (sms)
          await mettreEnFileSms(tx, {
            destinataire: e.telephone.e164,
            texte: smsConfirmation({
              reference,
              quand,
              lienAnnulation: `${deps.baseUrl}/etre-rappele/demande/${reference}/${jeton}`,
              miseAJour: !!ouverte,
            }),
          })
        return { ok: true as const, reference, jeton, miseAJour: !!ouverte, quand, sms }
      })

    // Two forms for the same number at the same instant: the unique index refuses the second
    // insertion, which is then merged into the first.
    for (let essai = 0; ; essai++) {
      try {
        return await ecrire()
      } catch (err) {
        if (!estViolationUnicite(err) || essai >= 2) throw err
      }
    }
  }
}

export type ResultatAnnulation = 'annulee' | 'deja-close' | 'introuvable'

/** The link of the SMS: the reference and its token, checked in constant time. */
export function makeAnnuler(deps: DepsSolidarite) {
  return {
    async verifier(reference: string, jeton: string) {
      if (!estReference(reference)) return undefined
      const d = await demandeParReference(deps.db, reference)
      if (!d) return undefined
      const attendu = Buffer.from(d.jetonAnnulation)
      const recu = Buffer.from(hacher(jeton))
      return attendu.length === recu.length && timingSafeEqual(attendu, recu) ? d : undefined
    },
    async annuler(reference: string, jeton: string): Promise<ResultatAnnulation> {
      const d = await this.verifier(reference, jeton)
      if (!d) return 'introuvable'
      return deps.db.transaction(async (tx) => {
        const fermee = await fermerDemande(tx, d.id, 'annulee', deps.horloge())
        if (!fermee) return 'deja-close'
        const numero = d.telephoneChiffre ? deps.coffre.dechiffrer(d.telephoneChiffre) : undefined
        if (numero) await mettreEnFileSms(tx, { destinataire: numero, texte: smsAnnulation(reference) })
        return 'annulee'
      })
    },
  }
}
