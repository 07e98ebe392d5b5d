import type { Commune } from '../../../platform/geo/communes'
import { referentielCommunes } from '../../../platform/geo/referentiel-communes'
import { departement } from '../../../platform/geo/territoires'
import { journaliser } from '../../../platform/journal/journal'
import { mettreEnFileEmail } from '../../../platform/outbox/outbox'
import { err, ok, type Result } from '../../../platform/result'
import type { PortComptes } from '../../comptes'
import { trouverVague, vagueOuverte } from '../db/programme-repository'
import {
  avisDe,
  creerStructure,
  enregistrerAvis,
  majStructure,
  trouverStructure,
} from '../db/structures-repository'
import type { ErreurRecrutement } from '../domain/erreurs'
import { type StatutStructure, structurePeutPasser } from '../domain/statuts'
import {
  emailNouvelleStructure,
  emailStructureAbandonnee,
  emailStructureACompleter,
  emailStructureCompletee,
} from '../emails'
import { refusDate } from './candidatures'
import { aujourdhui, type DepsRecrutement } from './deps'
import { verifierAuRegistre } from './registre'

export interface DonneesStructure {
  nom: string
  /** Checked by the form (key digit); '' when absent. */
  siret: string
  /** W + 9 digits, checked by the form; '' when absent. */
  rna: string
  type: string
  adresse: string
  code_commune: string
  contact_prenom: string
  contact_nom: string
  contact_fonction: string
  contact_email: string
  contact_telephone: string
  postes_souhaites: number
  date_debut: string
  projet: string
  zone_intervention: string
  qpv: boolean
  zrr: boolean
  lieux_proches: string
}

/**
 * A host structure answers the AMI. Its contact gets a manager account on the new structure,
 * usable once the e-mail is confirmed; the application joins the current wave.
 */
export const makeDeposerStructure =
  (deps: DepsRecrutement) =>
  async (
    d: DonneesStructure,
  ): Promise<Result<{ structureId: string; aVerifier: boolean }, ErreurRecrutement & { champ?: string }>> => {
    const c = referentielCommunes().parCode(d.code_commune.trim())
    if (!c) return err({ code: 'COMMUNE_INCONNUE', champ: 'code_commune' })
    const date = refusDate('date_debut', 'La date de début souhaitée', d.date_debut, deps.horloge())
    if (date) return err(date)
    // Asked before the transaction: an outside call never holds a lock nor the embedded engine.
    const registre = await verifierAuRegistre(deps, d)
    if (!registre.ok) return registre
    const vague = await vagueOuverte(deps.db)
    // Read before the transaction: on the embedded engine a query outside it would wait for it.
    const prefectures = await emailsPrefecture(deps.comptes, c.departement)
    try {
      return await deps.db.transaction(async (tx) => {
        const s = await creerStructure(tx, {
          ...champsDuFormulaire(d, c),
          ...registre.value,
          contactEmail: d.contact_email.toLowerCase(),
          statut: 'deposee',
          vagueId: vague?.id ?? null,
        })
        const r = await deps.comptes.dans(tx).creerCompteDemandeur({
          email: d.contact_email,
          prenom: d.contact_prenom,
          nom: d.contact_nom,
          habilitation: {
            role: 'gestionnaire',
            portee: { type: 'structure', code: s.id, libelle: `${s.nom} (${s.codeDepartement})` },
          },
          objet: `la candidature de « ${s.nom} » à l’appel à manifestation d’intérêt Conseiller numérique`,
        })
        // Nothing half-written: the structure row goes away with the refused account.
        if (!r.ok) throw new EmailDejaUtilise()
        await journaliser(tx, { acteurId: null, action: 'structure_deposee', cible: s.id })
        for (const destinataire of prefectures)
          await mettreEnFileEmail(tx, {
            destinataire,
            ...emailNouvelleStructure({
              structure: s,
              baseUrl: deps.baseUrl,
              dateLimite: vague?.dateLimiteAvis,
            }),
          })
        return ok({ structureId: s.id, aVerifier: registre.value.verificationRegistre === 'a_verifier' })
      })
    } catch (e) {
      if (e instanceof EmailDejaUtilise) return err({ code: 'EMAIL_DEJA_UTILISE', champ: 'contact_email' })
      throw e
    }
  }

class EmailDejaUtilise extends Error {}

export type Avis = 'favorable' | 'defavorable' | 'a_completer'

const STATUT_APRES_AVIS: Record<Avis, StatutStructure> = {
  favorable: 'proposee',
  defavorable: 'non_proposee',
  a_completer: 'a_completer',
}

/** E-mail addresses of the active prefecture accounts of a département (for notifications). */
export async function emailsPrefecture(comptes: PortComptes, codeDepartement: string): Promise<string[]> {
  const emails: string[] = []
  // Every page: the country has a hundred départements, each with one or more prefecture accounts.
  for (let page = 1; ; page++) {
    const r = await comptes.rechercherComptes({ role: 'prefecture', page, parPage: 200 })
    for (const c of r.comptes)
      if (
        c.actif &&
        c.habilitations.some((h) => h.role === 'prefecture' && h.portee.code === codeDepartement)
      )
        emails.push(c.email)
    if (r.comptes.length < 200) return emails
  }
}

/** The prefecture gives its opinion, before the wave's deadline, on structures of its département only. */
export const makeDonnerAvis =
  (deps: DepsRecrutement) =>
  async (input: {
    structureId: string
    departements: readonly string[]
    avis: Avis
    rang: number
    commentaire: string
    postesProposes: number
    par: string
  }): Promise<Result<true, ErreurRecrutement>> =>
    deps.db.transaction(async (tx) => {
      const s = await trouverStructure(tx, input.structureId, true)
      if (!s) return err({ code: 'STRUCTURE_INTROUVABLE' })
      if (!input.departements.includes(s.codeDepartement)) return err({ code: 'HORS_PERIMETRE' })
      if (s.vagueId) {
        const v = await trouverVague(tx, s.vagueId)
        if (v && aujourdhui(deps.horloge()) > v.dateLimiteAvis)
          return err({ code: 'DATE_LIMITE_DEPASSEE', dateLimite: v.dateLimiteAvis })
      }
      const vers = STATUT_APRES_AVIS[input.avis]
      if (!structurePeutPasser(s.statut as StatutStructure, vers))
        return err({ code: 'TRANSITION_INTERDITE', de: s.statut, vers })
      await enregistrerAvis(tx, {
        structureId: s.id,
        avis: input.avis,
        rang: input.rang,
        commentaire: input.commentaire,
        postesProposes: input.postesProposes,
        parCompteId: input.par,
      })
      await majStructure(tx, s.id, { statut: vers })
      if (input.avis === 'a_completer' && s.contactEmail)
        await mettreEnFileEmail(tx, {
          destinataire: s.contactEmail,
          ...emailStructureACompleter({ structure: s.nom, commentaire: input.commentaire }),
        })
      await journaliser(tx, {
        acteurId: input.par,
        action: 'avis_prefecture',
        cible: s.id,
        details: { avis: input.avis, rang: input.rang, postes: input.postesProposes },
      })
      return ok(true)
    })

/** A structure gives up its application (or its posts): the posts it held go back to the programme. */
export const makeAbandonnerStructure =
  (deps: DepsRecrutement) =>
  async (structureId: string, par: string): Promise<Result<true, ErreurRecrutement>> => {
    const avant = await trouverStructure(deps.db, structureId)
    const prefectures = avant ? await emailsPrefecture(deps.comptes, avant.codeDepartement) : []
    return deps.db.transaction(async (tx) => {
      const s = await trouverStructure(tx, structureId, true)
      if (!s) return err({ code: 'STRUCTURE_INTROUVABLE' })
      if (!structurePeutPasser(s.statut as StatutStructure, 'abandonnee'))
        return err({ code: 'TRANSITION_INTERDITE', de: s.statut, vers: 'abandonnee' })
      // Posts granted by the committee are money committed: giving them back goes through the committee.
      if (s.postesValides > 0) return err({ code: 'TRANSITION_INTERDITE', de: s.statut, vers: 'abandonnee' })
      await majStructure(tx, s.id, { statut: 'abandonnee' })
      for (const destinataire of prefectures)
        await mettreEnFileEmail(tx, {
          destinataire,
          ...emailStructureAbandonnee({ structure: s.nom }),
        })
      await journaliser(tx, { acteurId: par, action: 'structure_abandonnee', cible: s.id })
      return ok(true)
    })
  }

/** The structure's fields as its application form gives them (filing and later edits alike). */
function champsDuFormulaire(d: Omit<DonneesStructure, 'contact_email'>, c: Commune) {
  return {
    nom: d.nom,
    siret: d.siret || null,
    rna: d.rna || null,
    type: d.type,
    adresse: d.adresse,
    codeCommune: c.code,
    codeDepartement: c.departement,
    codeRegion: departement(c.departement)?.region ?? '',
    latitude: c.latitude,
    longitude: c.longitude,
    postesSouhaites: d.postes_souhaites,
    contactPrenom: d.contact_prenom,
    contactNom: d.contact_nom,
    contactFonction: d.contact_fonction,
    contactTelephone: d.contact_telephone,
    projet: d.projet,
    zoneIntervention: d.zone_intervention,
    qpv: d.qpv,
    zrr: d.zrr,
    lieuxProches: d.lieux_proches,
    dateDebutSouhaitee: d.date_debut,
  }
}

/**
 * The structure edits its application while the prefecture has not decided on it, or completes it
 * when asked to: it then goes back to "déposée" and the prefecture is told.
 */
export const makeCompleterStructure =
  (deps: DepsRecrutement) =>
  async (input: {
    structureId: string
    donnees: Omit<DonneesStructure, 'contact_email'>
    par: string
  }): Promise<Result<{ aVerifier: boolean }, ErreurRecrutement & { champ?: string }>> => {
    const d = input.donnees
    const c = referentielCommunes().parCode(d.code_commune.trim())
    if (!c) return err({ code: 'COMMUNE_INCONNUE', champ: 'code_commune' })
    const avant = await trouverStructure(deps.db, input.structureId)
    if (!avant) return err({ code: 'STRUCTURE_INTROUVABLE' })
    const date = refusDate(
      'date_debut',
      'La date de début souhaitée',
      d.date_debut,
      deps.horloge(),
      avant.dateDebutSouhaitee,
    )
    if (date) return err(date)
    // A SIRET the register already confirmed is not asked again; a new one (or one still to check) is.
    const dejaVerifie = d.siret && d.siret === avant.siret && avant.verificationRegistre === 'verifiee'
    const registre = dejaVerifie ? undefined : await verifierAuRegistre(deps, d)
    if (registre && !registre.ok) return registre
    const prefectures = await emailsPrefecture(deps.comptes, c.departement)
    return deps.db.transaction(async (tx) => {
      const s = await trouverStructure(tx, input.structureId, true)
      if (!s) return err({ code: 'STRUCTURE_INTROUVABLE' })
      if (s.statut !== 'deposee' && s.statut !== 'a_completer')
        return err({ code: 'STRUCTURE_NON_MODIFIABLE' })
      const completee = s.statut === 'a_completer'
      await majStructure(tx, s.id, {
        ...champsDuFormulaire(d, c),
        ...registre?.value,
        statut: 'deposee',
      })
      if (completee)
        for (const destinataire of prefectures)
          await mettreEnFileEmail(tx, {
            destinataire,
            ...emailStructureCompletee({ structure: d.nom, structureId: s.id, baseUrl: deps.baseUrl }),
          })
      await journaliser(tx, {
        acteurId: input.par,
        action: completee ? 'structure_completee' : 'structure_modifiee',
        cible: s.id,
      })
      return ok({ aVerifier: registre?.value.verificationRegistre === 'a_verifier' })
    })
  }

export { avisDe }
