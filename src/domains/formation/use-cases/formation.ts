import type { Horloge } from '../../../platform/crypto'
import type { Database } from '../../../platform/db/database'
import { journaliser } from '../../../platform/journal/journal'
import { err, ok, type Result } from '../../../platform/result'
import {
  compterInscrits,
  creerInscription,
  definirPresence,
  majInscription,
  minutesFaites,
  parcoursCourant,
  trouverInscription,
  trouverParcours,
  trouverSession,
} from '../db/formation-repository'
import {
  type Certification,
  CODE_PARCOURS_CONSEILLER,
  certificationAdmise,
  type DemiJournee,
  type ErreurFormation,
  joursDeSession,
  MINUTES_DEMI_JOURNEE,
  peutTerminer,
  placesRestantes,
} from '../domain/formation'

export interface DepsFormation {
  db: Database
  horloge: Horloge
}

/** Enrolment of a newly recruited conseiller in the current version of the 350-hour path. */
export async function inscrireConseiller(
  db: Database,
  c: { compteId: string; prenom: string; nom: string; structureId: string },
): Promise<void> {
  const p = await parcoursCourant(db, CODE_PARCOURS_CONSEILLER)
  if (!p) throw new Error('parcours conseiller numérique absent')
  await creerInscription(db, {
    parcoursId: p.id,
    compteId: c.compteId,
    prenom: c.prenom,
    nom: c.nom,
    structureId: c.structureId,
  })
}

export const makeFormation = ({ db, horloge }: DepsFormation) => ({
  /** Places an enrolled person in a session; capacity is checked under the session's row lock. */
  async affecter(input: {
    sessionId: string
    inscriptionId: string
    par: string
    /** The caller's training providers; absent for the national team, who may move anyone. */
    organismes?: readonly string[]
  }): Promise<Result<true, ErreurFormation>> {
    return db.transaction(async (tx) => {
      const s = await trouverSession(tx, input.sessionId, true)
      if (!s) return err({ code: 'SESSION_INTROUVABLE' })
      const i = await trouverInscription(tx, input.inscriptionId)
      if (!i || i.parcoursId !== s.parcoursId) return err({ code: 'INSCRIPTION_INTROUVABLE' })
      // Both ends of the link: someone already placed in another provider's session is theirs, not
      // on the waiting list; taking them would hand their attendance and certificate to this provider.
      if (input.organismes && i.sessionId && i.sessionId !== s.id) {
        const actuelle = await trouverSession(tx, i.sessionId)
        if (!actuelle || !input.organismes.includes(actuelle.organismeId))
          return err({ code: 'INSCRIPTION_INTROUVABLE' })
      }
      if (placesRestantes(s.capacite, await compterInscrits(tx, s.id)) === 0)
        return err({ code: 'SESSION_COMPLETE' })
      await majInscription(tx, i.id, { sessionId: s.id })
      await journaliser(tx, {
        acteurId: input.par,
        action: 'formation_affectation',
        cible: i.id,
        details: { sessionId: s.id },
      })
      return ok(true)
    })
  },

  async noterPresence(input: {
    inscriptionId: string
    sessionId: string
    jour: string
    demiJournee: DemiJournee
    present: boolean
  }): Promise<Result<true, ErreurFormation>> {
    const s = await trouverSession(db, input.sessionId)
    const i = await trouverInscription(db, input.inscriptionId)
    if (!s || !i || i.sessionId !== s.id) return err({ code: 'INSCRIPTION_INTROUVABLE' })
    if (!joursDeSession(s.debut, s.fin).includes(input.jour)) return err({ code: 'JOUR_HORS_SESSION' })
    await definirPresence(db, { ...input, minutes: MINUTES_DEMI_JOURNEE })
    return ok(true)
  },

  async terminer(input: { inscriptionId: string; par: string }): Promise<Result<true, ErreurFormation>> {
    const i = await trouverInscription(db, input.inscriptionId)
    if (!i) return err({ code: 'INSCRIPTION_INTROUVABLE' })
    const p = await trouverParcours(db, i.parcoursId)
    if (!p) return err({ code: 'PARCOURS_INTROUVABLE' })
    const faites = await minutesFaites(db, i.id)
    if (!peutTerminer(faites, p.dureeMinutes))
      return err({ code: 'HEURES_INSUFFISANTES', faites, attendues: p.dureeMinutes })
    await db.transaction(async (tx) => {
      await majInscription(tx, i.id, { statut: 'termine', termineLe: horloge().toISOString().slice(0, 10) })
      await journaliser(tx, { acteurId: input.par, action: 'formation_terminee', cible: i.id })
    })
    return ok(true)
  },

  async certifier(input: {
    inscriptionId: string
    certification: Certification
    par: string
  }): Promise<Result<true, ErreurFormation>> {
    const i = await trouverInscription(db, input.inscriptionId)
    if (!i) return err({ code: 'INSCRIPTION_INTROUVABLE' })
    const p = await trouverParcours(db, i.parcoursId)
    if (!p || !certificationAdmise(p.certification, input.certification))
      return err({ code: 'CERTIFICATION_NON_PREVUE' })
    await db.transaction(async (tx) => {
      await majInscription(tx, i.id, {
        certification: input.certification,
        certifieLe: horloge().toISOString().slice(0, 10),
      })
      await journaliser(tx, { acteurId: input.par, action: 'formation_certification', cible: i.id })
    })
    return ok(true)
  },
})
