import { createHmac } from 'node:crypto'
import { sha256 } from '../../../platform/crypto'
import type { Database } from '../../../platform/db/database'
import { mettreEnFileEmail } from '../../../platform/outbox/outbox'
import { err, ok, type Result } from '../../../platform/result'
import {
  ajouterMessage,
  changerStatutDemande,
  codesRegionsOuvertes,
  creerDemande,
  creerHabilitationsAidant,
  type DemandeRow,
  demandeParJetonHash,
  messagesDeLaDemande,
  ouvrirRegion,
  sortirDeListeAttente,
  trouverDemande,
} from '../db/habilitations-repository'
import { ajouterAuJournal } from '../db/journal-repository'
import { creerOrganisation } from '../db/organisations-repository'
import {
  DELAI_CONFIRMATION_EMAIL_JOURS,
  type DecisionEquipe,
  departementDeCommune,
  type ErreurHabilitation,
  STATUT_APRES_DECISION,
  STATUTS_DEMANDE,
  type StatutDemande,
  statutApresDepot,
  transitionPermise,
} from '../domain/habilitation'
import {
  type Email,
  emailConfirmationDemande,
  emailDecision,
  emailDemandeRecue,
  emailDemandeRenvoyee,
  emailNouveauMessage,
  emailRegionOuverte,
} from '../emails'
import { comptesDe, type DepsAidants } from './deps'
import type { RegistreDemande } from './registre'

export type { DemandeRow }
export interface DonneesDemande {
  nom_demandeur: string
  email_demandeur: string
  nom: string
  siret: string
  type: string
  adresse: string
  code_commune: string
  region: string
  numero_france_services?: string | undefined
  prive?: 'oui' | 'non' | undefined
  administration_partenaire?: string | undefined
  referent_nom: string
  referent_email: string
  aidants: { nom: string; email: string; profession: string }[]
  /** What the company register said of the SIRET at filing (issue 19). */
  registre?: RegistreDemande
}

/**
 * The requester has no account: the link to their request is the access. It is derived from the server
 * secret (HMAC of the request id) so that every later e-mail can carry it again, while only its hash is
 * stored — a copy of the database does not give access to the requests.
 */
export const jetonDemande = (secret: string, demandeId: string) =>
  createHmac('sha256', secret).update(`demande-habilitation:${demandeId}`).digest('base64url')

const decouperNom = (complet: string) => {
  const [prenom = complet, ...reste] = complet.trim().split(/\s+/)
  return { prenom, nom: reste.join(' ') || prenom }
}

/** What every step of a request needs: the deps, and the request's link (its access) for the e-mails. */
interface ContexteDemande {
  deps: DepsAidants
  lien: (demandeId: string) => string
}

/** The requester of `d`, as the e-mails greet them and link them back to the request. */
const destinataire = (ctx: ContexteDemande, d: DemandeRow) => ({
  nomDemandeur: d.nomDemandeur,
  lien: ctx.lien(d.id),
})

const ecrireAuDemandeur = (tx: Database, d: DemandeRow, email: Email) =>
  mettreEnFileEmail(tx, { destinataire: d.emailDemandeur, ...email })

/** Step 1: the request is saved as a draft and the requester receives the link that confirms the address. */
async function deposer(ctx: ContexteDemande, d: DonneesDemande): Promise<{ id: string }> {
  const { db, horloge, secret } = ctx.deps
  const id = crypto.randomUUID()
  await db.transaction(async (tx) => {
    await creerDemande(tx, {
      id,
      jetonHash: sha256(jetonDemande(secret, id)),
      statut: 'brouillon',
      emailDemandeur: d.email_demandeur.toLowerCase(),
      nomDemandeur: d.nom_demandeur,
      donnees: { ...d },
      codeRegion: d.region,
      creeLe: horloge(),
    })
    await mettreEnFileEmail(tx, {
      destinataire: d.email_demandeur,
      ...emailConfirmationDemande({
        nomDemandeur: d.nom_demandeur,
        structure: d.nom,
        lien: ctx.lien(id),
        jours: DELAI_CONFIRMATION_EMAIL_JOURS,
      }),
    })
  })
  return { id }
}

/**
 * Step 2: the e-mailed link is opened and confirmed (a POST, so that mail scanners opening links do not
 * submit). The request then waits for the national team, or for its region's wave.
 */
async function confirmerEmail(
  ctx: ContexteDemande,
  d: DemandeRow,
): Promise<Result<StatutDemande, ErreurHabilitation>> {
  const { db, horloge } = ctx.deps
  if (d.statut !== 'brouillon') return ok(d.statut as StatutDemande)
  const maintenant = horloge()
  if (maintenant.getTime() - d.creeLe.getTime() > DELAI_CONFIRMATION_EMAIL_JOURS * 86_400_000)
    return err({ code: 'LIEN_EXPIRE' })
  const statut = statutApresDepot(d.codeRegion ?? '', await codesRegionsOuvertes(db))
  await db.transaction(async (tx) => {
    await changerStatutDemande(tx, d.id, statut, { emailVerifieLe: maintenant, deposeeLe: maintenant })
    await ecrireAuDemandeur(
      tx,
      d,
      emailDemandeRecue({ ...destinataire(ctx, d), listeAttente: statut === 'liste_attente' }),
    )
  })
  return ok(statut)
}

/** A message of the thread between the requester and the national team. */
async function ecrire(
  ctx: ContexteDemande,
  d: DemandeRow,
  auteur: 'equipe' | 'demandeur',
  texte: string,
): Promise<Result<void, ErreurHabilitation>> {
  const { db, horloge } = ctx.deps
  if (!d.emailVerifieLe) return err({ code: 'EMAIL_NON_VERIFIE' })
  await db.transaction(async (tx) => {
    await ajouterMessage(tx, { demandeId: d.id, auteur, texte, le: horloge() })
    // The team reads the requesters' messages in its list of requests (latest message shown first).
    if (auteur === 'equipe')
      await ecrireAuDemandeur(tx, d, emailNouveauMessage({ ...destinataire(ctx, d), texte }))
  })
  return ok(undefined)
}

/** The requester sends the request back after the changes the team asked for. */
async function renvoyer(ctx: ContexteDemande, d: DemandeRow): Promise<Result<void, ErreurHabilitation>> {
  // Only after a request for changes: a draft is sent by confirming the e-mail, a waiting list by its wave.
  if (d.statut !== 'modifications_demandees')
    return err({ code: 'TRANSITION_INTERDITE', de: d.statut as StatutDemande })
  await ctx.deps.db.transaction(async (tx) => {
    await changerStatutDemande(tx, d.id, 'en_attente')
    await ecrireAuDemandeur(tx, d, emailDemandeRenvoyee(destinataire(ctx, d)))
  })
  return ok(undefined)
}

/**
 * Validation, in the decision's transaction: the organisation, the référent's account (or the role on an
 * existing account) and one habilitation per aidant (the same address once), still to be trained.
 */
async function habiliter(
  deps: DepsAidants,
  tx: Database,
  d: DemandeRow,
  adminId: string,
  maintenant: Date,
): Promise<string> {
  const v = d.donnees as unknown as DonneesDemande
  const o = await creerOrganisation(tx, {
    nom: v.nom,
    siret: v.siret,
    type: v.type,
    adresse: v.adresse,
    codeCommune: v.code_commune,
    codeDepartement: departementDeCommune(v.code_commune),
    codeRegion: v.region,
    numeroFranceServices: v.numero_france_services || null,
  })
  const r = await comptesDe(deps)
    .dans(tx)
    .donnerRoleOrganisation({
      acteurId: adminId,
      email: v.referent_email.toLowerCase(),
      ...decouperNom(v.referent_nom),
      role: 'referent',
      organisation: { id: o.id, nom: o.nom },
    })
  if (!r.ok) throw new Error('rôle de référent refusé')
  const emails = new Set<string>()
  const uniques = v.aidants.filter((a) => !emails.has(a.email) && emails.add(a.email))
  await creerHabilitationsAidant(
    tx,
    uniques.map((a) => ({
      organisationId: o.id,
      email: a.email,
      ...decouperNom(a.nom),
      profession: a.profession,
      statut: 'en_formation',
      creeLe: maintenant,
    })),
  )
  await ajouterAuJournal(tx, deps.secret, {
    action: 'habilitation_organisation',
    le: maintenant,
    organisationId: o.id,
    details: { aidants: uniques.length },
  })
  return o.id
}

/**
 * The national team decides. Refusing or asking for changes needs a message, which goes to the thread.
 * Validating creates, in one transaction, the organisation, the référent's account (or gives the role to
 * an existing account) and one habilitation per aidant, still to be trained.
 */
async function decider(
  ctx: ContexteDemande,
  input: { demandeId: string; adminId: string; decision: DecisionEquipe; message: string },
): Promise<Result<StatutDemande, ErreurHabilitation>> {
  const { db, horloge } = ctx.deps
  const d = await trouverDemande(db, input.demandeId)
  if (!d) return err({ code: 'DEMANDE_INTROUVABLE' })
  const de = d.statut as StatutDemande
  const vers = STATUT_APRES_DECISION[input.decision]
  if (!transitionPermise(de, vers)) return err({ code: 'TRANSITION_INTERDITE', de })
  if ((input.decision === 'refuser' || input.decision === 'demander_modifications') && !input.message)
    return err({ code: 'MESSAGE_OBLIGATOIRE' })
  const maintenant = horloge()
  await db.transaction(async (tx) => {
    const organisationId =
      input.decision === 'valider'
        ? await habiliter(ctx.deps, tx, d, input.adminId, maintenant)
        : d.organisationId
    await changerStatutDemande(tx, d.id, vers, { organisationId })
    if (input.message)
      await ajouterMessage(tx, { demandeId: d.id, auteur: 'equipe', texte: input.message, le: maintenant })
    await ecrireAuDemandeur(
      tx,
      d,
      emailDecision({
        ...destinataire(ctx, d),
        decision: input.decision,
        libelleStatut: STATUTS_DEMANDE[vers],
        message: input.message,
      }),
    )
  })
  return ok(vers)
}

/** Opens a region: its waiting list goes to the team's queue and every requester is told. */
async function ouvrirRegionEtPrevenir(
  ctx: ContexteDemande,
  input: { codeRegion: string; vague: string },
): Promise<Result<number, ErreurHabilitation>> {
  const maintenant = ctx.deps.horloge()
  return ctx.deps.db.transaction(async (tx) => {
    if (
      !(await ouvrirRegion(tx, { codeRegion: input.codeRegion, vague: input.vague, ouverteLe: maintenant }))
    )
      return err({ code: 'REGION_DEJA_OUVERTE' } as const)
    const enAttente = await sortirDeListeAttente(tx, input.codeRegion)
    for (const d of enAttente) await ecrireAuDemandeur(tx, d, emailRegionOuverte(destinataire(ctx, d)))
    return ok(enAttente.length)
  })
}

/** The habilitation of a structure, from the public request to the national team's decision. */
export const makeHabilitation = (deps: DepsAidants) => {
  const { db, baseUrl, secret } = deps
  const ctx: ContexteDemande = {
    deps,
    lien: (id) => `${baseUrl}/aidants/habilitation/lien/${jetonDemande(secret, id)}`,
  }
  return {
    deposer: (d: DonneesDemande) => deposer(ctx, d),
    async lire(jeton: string) {
      if (!/^[\w-]{20,100}$/.test(jeton)) return undefined
      return demandeParJetonHash(db, sha256(jeton))
    },
    trouver: (id: string) => trouverDemande(db, id),
    messages: (demandeId: string) => messagesDeLaDemande(db, demandeId),
    confirmerEmail: (d: DemandeRow) => confirmerEmail(ctx, d),
    ecrire: (d: DemandeRow, auteur: 'equipe' | 'demandeur', texte: string) => ecrire(ctx, d, auteur, texte),
    renvoyer: (d: DemandeRow) => renvoyer(ctx, d),
    decider: (input: Parameters<typeof decider>[1]) => decider(ctx, input),
    ouvrirRegion: (input: { codeRegion: string; vague: string }) => ouvrirRegionEtPrevenir(ctx, input),
  }
}
