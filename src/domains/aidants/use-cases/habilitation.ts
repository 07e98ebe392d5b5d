import { createHmac } from 'node:crypto'
import { and, asc, eq } from 'drizzle-orm'
import { sha256 } from '../../../platform/crypto'
import { mettreEnFileEmail } from '../../../platform/outbox/outbox'
import { err, ok, type Result } from '../../../platform/result'
import { portComptes } from '../../comptes'
import { ajouterAuJournal } from '../db/journal-repository'
import { creerOrganisation } from '../db/organisations-repository'
import { demandesHabilitation, habilitationsAidant, messagesDemande, regionsOuvertes } from '../db/schema'
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
import type { DepsAidants } from './deps'

export type DemandeRow = typeof demandesHabilitation.$inferSelect
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

export const makeHabilitation = (deps: DepsAidants) => {
  const { db, horloge, baseUrl, secret } = deps
  const lien = (id: string) => `${baseUrl}/aidants/habilitation/lien/${jetonDemande(secret, id)}`
  const signature = '\n\nL’équipe Aidants Connect'

  const ecrireAuDemandeur = (tx: typeof db, d: DemandeRow, sujet: string, corps: string) =>
    mettreEnFileEmail(tx, {
      destinataire: d.emailDemandeur,
      sujet: `Aidants Connect : ${sujet}`,
      texte: `Bonjour ${d.nomDemandeur},\n\n${corps}\n\nSuivre votre demande : ${lien(d.id)}${signature}`,
    })

  const changerStatut = async (tx: typeof db, d: DemandeRow, statut: StatutDemande, extra = {}) => {
    await tx
      .update(demandesHabilitation)
      .set({ statut, ...extra })
      .where(eq(demandesHabilitation.id, d.id))
  }

  return {
    /** Step 1: the request is saved as a draft and the requester receives the link that confirms the address. */
    async deposer(d: DonneesDemande): Promise<{ id: string }> {
      const id = crypto.randomUUID()
      await db.transaction(async (tx) => {
        await tx.insert(demandesHabilitation).values({
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
          sujet: 'Aidants Connect : confirmez votre adresse e-mail',
          texte: `Bonjour ${d.nom_demandeur},\n\nPour envoyer la demande d’habilitation de « ${d.nom} », confirmez votre adresse avec ce lien, valable ${DELAI_CONFIRMATION_EMAIL_JOURS} jours :\n${lien(id)}\n\nGardez ce message : ce lien vous permet aussi de suivre la demande et d’échanger avec l’équipe.${signature}`,
        })
      })
      return { id }
    },

    async lire(jeton: string) {
      if (!/^[\w-]{20,100}$/.test(jeton)) return undefined
      const [d] = await db
        .select()
        .from(demandesHabilitation)
        .where(eq(demandesHabilitation.jetonHash, sha256(jeton)))
      return d
    },

    async trouver(id: string) {
      const [d] = await db.select().from(demandesHabilitation).where(eq(demandesHabilitation.id, id))
      return d
    },

    messages: (demandeId: string) =>
      db
        .select()
        .from(messagesDemande)
        .where(eq(messagesDemande.demandeId, demandeId))
        .orderBy(asc(messagesDemande.le)),

    /**
     * Step 2: the e-mailed link is opened and confirmed (a POST, so that mail scanners opening links do not
     * submit). The request then waits for the national team, or for its region's wave.
     */
    async confirmerEmail(d: DemandeRow): Promise<Result<StatutDemande, ErreurHabilitation>> {
      if (d.statut !== 'brouillon') return ok(d.statut as StatutDemande)
      const maintenant = horloge()
      if (maintenant.getTime() - d.creeLe.getTime() > DELAI_CONFIRMATION_EMAIL_JOURS * 86_400_000)
        return err({ code: 'LIEN_EXPIRE' })
      const ouvertes = (await db.select().from(regionsOuvertes)).map((r) => r.codeRegion)
      const statut = statutApresDepot(d.codeRegion ?? '', ouvertes)
      await db.transaction(async (tx) => {
        await changerStatut(tx, d, statut, { emailVerifieLe: maintenant, deposeeLe: maintenant })
        await ecrireAuDemandeur(
          tx,
          d,
          'demande reçue',
          statut === 'liste_attente'
            ? 'Votre adresse est confirmée. Aidants Connect n’est pas encore ouvert dans votre région : votre demande est sur liste d’attente et nous vous écrirons dès l’ouverture.'
            : 'Votre adresse est confirmée et votre demande est transmise à l’équipe nationale, qui vérifie son éligibilité.',
        )
      })
      return ok(statut)
    },

    /** A message of the thread between the requester and the national team. */
    async ecrire(
      d: DemandeRow,
      auteur: 'equipe' | 'demandeur',
      texte: string,
    ): Promise<Result<void, ErreurHabilitation>> {
      if (!d.emailVerifieLe) return err({ code: 'EMAIL_NON_VERIFIE' })
      await db.transaction(async (tx) => {
        await tx.insert(messagesDemande).values({ demandeId: d.id, auteur, texte, le: horloge() })
        // The team reads the requesters' messages in its list of requests (latest message shown first).
        if (auteur === 'equipe')
          await ecrireAuDemandeur(
            tx,
            d,
            'nouveau message',
            `L’équipe Aidants Connect vous a écrit :\n\n${texte}`,
          )
      })
      return ok(undefined)
    },

    /** The requester sends the request back after the changes the team asked for. */
    async renvoyer(d: DemandeRow): Promise<Result<void, ErreurHabilitation>> {
      // Only after a request for changes: a draft is sent by confirming the e-mail, a waiting list by its wave.
      if (d.statut !== 'modifications_demandees')
        return err({ code: 'TRANSITION_INTERDITE', de: d.statut as StatutDemande })
      await db.transaction(async (tx) => {
        await changerStatut(tx, d, 'en_attente')
        await ecrireAuDemandeur(
          tx,
          d,
          'demande renvoyée',
          'Votre demande complétée est de nouveau entre les mains de l’équipe nationale.',
        )
      })
      return ok(undefined)
    },

    /**
     * The national team decides. Refusing or asking for changes needs a message, which goes to the thread.
     * Validating creates, in one transaction, the organisation, the référent's account (or gives the role to
     * an existing account) and one habilitation per aidant, still to be trained.
     */
    async decider(input: {
      demandeId: string
      adminId: string
      decision: DecisionEquipe
      message: string
    }): Promise<Result<StatutDemande, ErreurHabilitation>> {
      const d = await this.trouver(input.demandeId)
      if (!d) return err({ code: 'DEMANDE_INTROUVABLE' })
      const de = d.statut as StatutDemande
      const vers = STATUT_APRES_DECISION[input.decision]
      if (!transitionPermise(de, vers)) return err({ code: 'TRANSITION_INTERDITE', de })
      if ((input.decision === 'refuser' || input.decision === 'demander_modifications') && !input.message)
        return err({ code: 'MESSAGE_OBLIGATOIRE' })
      const maintenant = horloge()
      await db.transaction(async (tx) => {
        let organisationId: string | null = d.organisationId
        if (input.decision === 'valider') {
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
          organisationId = o.id
          const r = await portComptes({ ...deps.depsComptes, db: tx }).donnerRoleOrganisation({
            acteurId: input.adminId,
            email: v.referent_email.toLowerCase(),
            ...decouperNom(v.referent_nom),
            role: 'referent',
            organisation: { id: o.id, nom: o.nom },
          })
          if (!r.ok) throw new Error('rôle de référent refusé')
          const emails = new Set<string>()
          const uniques = v.aidants.filter((a) => !emails.has(a.email) && emails.add(a.email))
          if (uniques.length)
            await tx.insert(habilitationsAidant).values(
              uniques.map((a) => ({
                organisationId: o.id,
                email: a.email,
                ...decouperNom(a.nom),
                profession: a.profession,
                statut: 'en_formation',
                creeLe: maintenant,
              })),
            )
          await ajouterAuJournal(tx, secret, {
            action: 'habilitation_organisation',
            le: maintenant,
            organisationId: o.id,
            details: { aidants: uniques.length },
          })
        }
        await changerStatut(tx, d, vers, { organisationId })
        if (input.message)
          await tx
            .insert(messagesDemande)
            .values({ demandeId: d.id, auteur: 'equipe', texte: input.message, le: maintenant })
        const corps: Record<DecisionEquipe, string> = {
          valider:
            'Bonne nouvelle : l’éligibilité de votre structure est validée. Le ou la référente reçoit un e-mail pour activer son compte ; les aidants listés peuvent s’inscrire à la formation.',
          refuser: 'L’équipe nationale n’a pas validé l’éligibilité de votre structure.',
          demander_modifications:
            'L’équipe nationale vous demande de compléter votre demande : lisez son message, puis renvoyez la demande.',
          cloturer: 'Votre demande est clôturée : la structure et son référent sont prêts.',
        }
        await ecrireAuDemandeur(
          tx,
          d,
          STATUTS_DEMANDE[vers].toLowerCase(),
          `${corps[input.decision]}${input.message ? `\n\nMessage de l’équipe :\n${input.message}` : ''}`,
        )
      })
      return ok(vers)
    },

    /** Opens a region: its waiting list goes to the team's queue and every requester is told. */
    async ouvrirRegion(input: {
      codeRegion: string
      vague: string
    }): Promise<Result<number, ErreurHabilitation>> {
      const maintenant = horloge()
      return db.transaction(async (tx) => {
        const [ouverte] = await tx
          .insert(regionsOuvertes)
          .values({ codeRegion: input.codeRegion, vague: input.vague, ouverteLe: maintenant })
          .onConflictDoNothing()
          .returning()
        if (!ouverte) return err({ code: 'REGION_DEJA_OUVERTE' } as const)
        const enAttente = await tx
          .update(demandesHabilitation)
          .set({ statut: 'en_attente' })
          .where(
            and(
              eq(demandesHabilitation.codeRegion, input.codeRegion),
              eq(demandesHabilitation.statut, 'liste_attente'),
            ),
          )
          .returning()
        for (const d of enAttente)
          await ecrireAuDemandeur(
            tx,
            d,
            'votre région est ouverte',
            'Aidants Connect ouvre dans votre région. Votre demande quitte la liste d’attente et passe à l’équipe nationale, qui vérifie son éligibilité.',
          )
        return ok(enAttente.length)
      })
    },
  }
}
