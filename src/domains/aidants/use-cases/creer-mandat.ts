import type { Database } from '../../../platform/db/database'
import { err, ok, type Result } from '../../../platform/result'
import { ajouterAuJournal } from '../db/journal-repository'
import {
  brouillonDeLAidant,
  creerAutorisations,
  creerBrouillon,
  creerMandat,
  mandatsDeLOrganisation,
  revoquerAutorisationsActives,
  supprimerBrouillon,
  trouverOrganisation,
  trouverUsager,
} from '../db/mandats-repository'
import { hashAttestation } from '../domain/attestation'
import { type Demarche, type Duree, estDemarche } from '../domain/demarches'
import {
  type Autorisation,
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
  (p: ProjetMandat): Promise<string> =>
    creerBrouillon(db, {
      aidantId: p.aidantId,
      organisationId: p.organisationId,
      usagerId: p.usagerId,
      demarches: p.demarches,
      duree: p.duree,
      renouvellementDe: p.renouvellementDe ?? null,
      expireLe: new Date(horloge().getTime() + 30 * 60_000),
    })

export const makeLireBrouillon =
  ({ db, horloge }: DepsAidants) =>
  async (id: string, aidantId: string): Promise<ProjetMandat | undefined> => {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined
    const b = await brouillonDeLAidant(db, id, aidantId)
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

export interface SignatureMandat {
  brouillonId: string
  projet: ProjetMandat
  codeTotp: string
  consentement: boolean
  /** 'sms' when the usager accepted remotely from the SMS link (use-cases/consentement-sms.ts). */
  modeConsentement?: 'sur_place' | 'sms'
}

/** Everything decided before writing: the new mandate, its hash and the authorisations it supersedes. */
interface MandatAEcrire {
  input: SignatureMandat
  mandatId: string
  hash: string
  demarches: Demarche[]
  maintenant: Date
  expireLe: Date
  remplacees: Autorisation[]
}

/**
 * Checks what the recap signs: the usager's consent, démarches within the organisation's allowed ones,
 * a known usager, then the aidant's TOTP re-entry (last, so that a refused form does not use a code).
 */
async function verifierSignature(
  deps: DepsAidants,
  verifierTotp: ReturnType<typeof makeVerifierTotpAidant>,
  input: SignatureMandat,
): Promise<Result<Demarche[], ErreurMandat>> {
  const p = input.projet
  if (!input.consentement) return err({ code: 'CONSENTEMENT_MANQUANT' })
  const organisation = await trouverOrganisation(deps.db, p.organisationId)
  if (!organisation) return err({ code: 'MANDAT_INTROUVABLE' })
  const valides = validerDemarches(p.demarches, organisation.demarchesAutorisees.filter(estDemarche))
  if (!valides.ok) return valides
  if (!(await trouverUsager(deps.db, p.usagerId))) return err({ code: 'USAGER_INTROUVABLE' })
  if (!(await verifierTotp(p.aidantId, input.codeTotp))) return err({ code: 'CODE_TOTP_INVALIDE' })
  return ok(valides.demarches)
}

/**
 * In the caller's transaction: the superseded authorisations are revoked, the mandate and one
 * authorisation per démarche are created, the draft is deleted, and every step is journalled.
 */
async function ecrireMandat(tx: Database, secret: string, m: MandatAEcrire): Promise<void> {
  const p = m.input.projet
  const base = {
    aidantId: p.aidantId,
    organisationId: p.organisationId,
    usagerId: p.usagerId,
    le: m.maintenant,
  }
  if (m.remplacees.length > 0)
    await revoquerAutorisationsActives(
      tx,
      m.remplacees.map((a) => a.id),
      m.maintenant,
    )
  for (const a of m.remplacees)
    await ajouterAuJournal(tx, secret, {
      ...base,
      action: 'remplacement_autorisation',
      mandatId: a.mandatId,
      autorisationId: a.id,
      demarche: a.demarche,
      details: { remplacePar: m.mandatId },
    })
  await creerMandat(tx, {
    id: m.mandatId,
    organisationId: p.organisationId,
    usagerId: p.usagerId,
    creeParId: p.aidantId,
    creeLe: m.maintenant,
    expireLe: m.expireLe,
    duree: p.duree,
    versionTexte: VERSION_TEXTE_MANDAT,
    consentement: m.input.modeConsentement ?? 'sur_place',
    hashAttestation: m.hash,
  })
  await ajouterAuJournal(tx, secret, {
    ...base,
    action: 'creation_attestation',
    mandatId: m.mandatId,
    details: {
      hashAttestation: m.hash,
      duree: p.duree,
      versionTexte: VERSION_TEXTE_MANDAT,
      renouvellementDe: p.renouvellementDe ?? null,
    },
  })
  for (const a of await creerAutorisations(tx, m.mandatId, m.demarches))
    await ajouterAuJournal(tx, secret, {
      ...base,
      action: 'creation_autorisation',
      mandatId: m.mandatId,
      autorisationId: a.id,
      demarche: a.demarche,
    })
  await supprimerBrouillon(tx, m.input.brouillonId)
}

/**
 * Signs the mandate after the recap: TOTP re-entry, the usager's consent, démarches within the
 * organisation's allowed ones. In one transaction: the active authorisations of the same démarches are
 * superseded, the mandate and one authorisation per démarche are created, and everything is journalled.
 */
export const makeCreerMandat = (deps: DepsAidants) => {
  const verifierTotp = makeVerifierTotpAidant(deps)
  return async (
    input: SignatureMandat,
  ): Promise<Result<{ mandatId: string; hash: string }, ErreurMandat>> => {
    const { db, horloge } = deps
    const p = input.projet
    const valides = await verifierSignature(deps, verifierTotp, input)
    if (!valides.ok) return valides
    const demarches = valides.value
    const maintenant = horloge()
    const expireLe = dateExpiration(maintenant, p.duree)
    const existants = await mandatsDeLOrganisation(db, p.organisationId, p.usagerId)
    const remplacees = autorisationsRemplacees(existants, demarches, maintenant)
    const mandatId = crypto.randomUUID()
    const hash = hashAttestation(deps.secret, {
      mandatId,
      organisationId: p.organisationId,
      usagerId: p.usagerId,
      demarches,
      creeLe: maintenant,
      expireLe,
      versionTexte: VERSION_TEXTE_MANDAT,
      nature: 'mandat',
    })
    const m = { input, mandatId, hash, demarches, maintenant, expireLe, remplacees }
    await db.transaction((tx) => ecrireMandat(tx, deps.secret, m))
    return ok({ mandatId, hash })
  }
}
