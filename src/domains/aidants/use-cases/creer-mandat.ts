import { and, eq, inArray, isNull } from 'drizzle-orm'
import { err, ok, type Result } from '../../../platform/result'
import { ajouterAuJournal } from '../db/journal-repository'
import { mandatsDeLOrganisation, trouverOrganisation, trouverUsager } from '../db/mandats-repository'
import { autorisations, brouillonsMandat, mandats } from '../db/schema'
import { hashAttestation } from '../domain/attestation'
import { type Demarche, type Duree, estDemarche } from '../domain/demarches'
import {
  autorisationsRemplacees,
  dateExpiration,
  type ErreurMandat,
  VERSION_TEXTE_MANDAT,
  validerDemarches,
} from '../domain/mandat'
import type { DepsAidants } from './deps'
import { makeVerifierTotpAidant } from './totp-aidant'

export interface ProjetMandat {
  aidantId: string
  organisationId: string
  usagerId: string
  demarches: Demarche[]
  duree: Duree
  renouvellementDe?: string | null
}

/** Keeps the mandate being prepared between FranceConnect and the recap (30 minutes, server-side). */
export const makePreparerBrouillon =
  ({ db, horloge }: DepsAidants) =>
  async (p: ProjetMandat): Promise<string> => {
    const [b] = await db
      .insert(brouillonsMandat)
      .values({
        aidantId: p.aidantId,
        organisationId: p.organisationId,
        usagerId: p.usagerId,
        demarches: p.demarches,
        duree: p.duree,
        renouvellementDe: p.renouvellementDe ?? null,
        expireLe: new Date(horloge().getTime() + 30 * 60_000),
      })
      .returning({ id: brouillonsMandat.id })
    if (!b) throw new Error('brouillon sans retour')
    return b.id
  }

export const makeLireBrouillon =
  ({ db, horloge }: DepsAidants) =>
  async (id: string, aidantId: string): Promise<ProjetMandat | undefined> => {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined
    const [b] = await db
      .select()
      .from(brouillonsMandat)
      .where(and(eq(brouillonsMandat.id, id), eq(brouillonsMandat.aidantId, aidantId)))
    if (!b || b.expireLe <= horloge()) return undefined
    return {
      aidantId: b.aidantId,
      organisationId: b.organisationId,
      usagerId: b.usagerId,
      demarches: b.demarches.filter(estDemarche),
      duree: b.duree as Duree,
      renouvellementDe: b.renouvellementDe,
    }
  }

/**
 * Signs the mandate after the recap: TOTP re-entry, the usager's consent, démarches within the
 * organisation's allowed ones. In one transaction: the active authorisations of the same démarches are
 * superseded, the mandate and one authorisation per démarche are created, and everything is journalled.
 */
export const makeCreerMandat = (deps: DepsAidants) => {
  const verifierTotp = makeVerifierTotpAidant(deps)
  return async (input: {
    brouillonId: string
    projet: ProjetMandat
    codeTotp: string
    consentement: boolean
    /** 'sms' when the usager accepted remotely from the SMS link (use-cases/consentement-sms.ts). */
    modeConsentement?: 'sur_place' | 'sms'
  }): Promise<Result<{ mandatId: string; hash: string }, ErreurMandat>> => {
    const { db, horloge } = deps
    const p = input.projet
    if (!input.consentement) return err({ code: 'CONSENTEMENT_MANQUANT' })
    const organisation = await trouverOrganisation(db, p.organisationId)
    if (!organisation) return err({ code: 'MANDAT_INTROUVABLE' })
    const valides = validerDemarches(p.demarches, organisation.demarchesAutorisees.filter(estDemarche))
    if (!valides.ok) return valides
    if (!(await trouverUsager(db, p.usagerId))) return err({ code: 'USAGER_INTROUVABLE' })
    if (!(await verifierTotp(p.aidantId, input.codeTotp))) return err({ code: 'CODE_TOTP_INVALIDE' })

    const maintenant = horloge()
    const expireLe = dateExpiration(maintenant, p.duree)
    const existants = await mandatsDeLOrganisation(db, p.organisationId, p.usagerId)
    const remplacees = autorisationsRemplacees(existants, valides.demarches, maintenant)
    const mandatId = crypto.randomUUID()
    const hash = hashAttestation(deps.secret, {
      mandatId,
      organisationId: p.organisationId,
      usagerId: p.usagerId,
      demarches: valides.demarches,
      creeLe: maintenant,
      expireLe,
      versionTexte: VERSION_TEXTE_MANDAT,
      nature: 'mandat',
    })
    await db.transaction(async (tx) => {
      const base = {
        aidantId: p.aidantId,
        organisationId: p.organisationId,
        usagerId: p.usagerId,
        le: maintenant,
      }
      if (remplacees.length > 0)
        await tx
          .update(autorisations)
          .set({ revoqueeLe: maintenant })
          .where(
            and(
              inArray(
                autorisations.id,
                remplacees.map((a) => a.id),
              ),
              isNull(autorisations.revoqueeLe),
            ),
          )
      for (const a of remplacees)
        await ajouterAuJournal(tx, deps.secret, {
          ...base,
          action: 'remplacement_autorisation',
          mandatId: a.mandatId,
          autorisationId: a.id,
          demarche: a.demarche,
          details: { remplacePar: mandatId },
        })
      await tx.insert(mandats).values({
        id: mandatId,
        organisationId: p.organisationId,
        usagerId: p.usagerId,
        creeParId: p.aidantId,
        creeLe: maintenant,
        expireLe,
        duree: p.duree,
        versionTexte: VERSION_TEXTE_MANDAT,
        consentement: input.modeConsentement ?? 'sur_place',
        hashAttestation: hash,
      })
      await ajouterAuJournal(tx, deps.secret, {
        ...base,
        action: 'creation_attestation',
        mandatId,
        details: {
          hashAttestation: hash,
          duree: p.duree,
          versionTexte: VERSION_TEXTE_MANDAT,
          renouvellementDe: p.renouvellementDe ?? null,
        },
      })
      const creees = await tx
        .insert(autorisations)
        .values(valides.demarches.map((demarche) => ({ mandatId, demarche })))
        .returning()
      for (const a of creees)
        await ajouterAuJournal(tx, deps.secret, {
          ...base,
          action: 'creation_autorisation',
          mandatId,
          autorisationId: a.id,
          demarche: a.demarche,
        })
      await tx.delete(brouillonsMandat).where(eq(brouillonsMandat.id, input.brouillonId))
    })
    return ok({ mandatId, hash })
  }
}
