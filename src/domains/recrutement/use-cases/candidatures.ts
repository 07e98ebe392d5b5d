import { referentielCommunes } from '../../../platform/geo/referentiel-communes'
import { departement } from '../../../platform/geo/territoires'
import { journaliser } from '../../../platform/journal/journal'
import { mettreEnFileEmail } from '../../../platform/outbox/outbox'
import { err, ok, type Result } from '../../../platform/result'
import {
  candidatureDuCompte,
  creerCandidature,
  enregistrerCv,
  majCandidature,
  misesEnRelationDeCandidature,
} from '../db/candidatures-repository'
import { problemeCv } from '../domain/cv'
import { HORIZON_MOIS, problemeDateAVenir } from '../domain/dates'
import type { ErreurRecrutement } from '../domain/erreurs'
import { candidaturePeutPasser, type StatutCandidature } from '../domain/statuts'
import {
  type Email,
  emailCandidatureEnregistree,
  emailCandidatureRetiree,
  emailCandidatureVisible,
} from '../emails'
import { aujourdhui, type DepsRecrutement } from './deps'

/** A date of a form that must lie ahead (availability, wished start), as a refusal on its field. */
export function refusDate(
  champ: string,
  libelle: string,
  date: string,
  maintenant: Date,
  dejaEnregistree?: string | null,
): (ErreurRecrutement & { champ: string }) | undefined {
  const p = problemeDateAVenir(date, aujourdhui(maintenant), dejaEnregistree)
  if (p === 'passee') return { code: 'DATE_PASSEE', libelle, champ }
  if (p === 'trop_lointaine') return { code: 'DATE_TROP_LOINTAINE', libelle, mois: HORIZON_MOIS, champ }
  return undefined
}

const LIBELLE_DISPONIBILITE = 'La date de disponibilité'

export interface DonneesCandidature {
  prenom: string
  nom: string
  email: string
  telephone: string
  code_commune: string
  rayon_km: number
  disponible_le: string
  situation: string
  diplomes: string
  diplome_mediation_numerique: boolean
  experience_public: string
  niveau_pix: number | undefined
  motivation: string
  coordonnees_visibles: boolean
}

export interface FichierCv {
  nom: string
  octets: Uint8Array
  tronque: boolean
}

const champsCandidature = (d: DonneesCandidature) => {
  const c = referentielCommunes().parCode(d.code_commune.trim())
  if (!c) return undefined
  return {
    prenom: d.prenom,
    nom: d.nom,
    telephone: d.telephone,
    codeCommune: c.code,
    nomCommune: c.nom,
    codeDepartement: c.departement,
    codeRegion: departement(c.departement)?.region ?? '',
    latitude: c.latitude,
    longitude: c.longitude,
    rayonKm: d.rayon_km,
    disponibleLe: d.disponible_le,
    situation: d.situation,
    diplomes: d.diplomes,
    diplomeMediationNumerique: d.diplome_mediation_numerique,
    experiencePublic: d.experience_public,
    niveauPix: d.niveau_pix ?? null,
    motivation: d.motivation,
    coordonneesVisibles: d.coordonnees_visibles,
  }
}

/**
 * A future conseiller applies. Someone new gets an account whose e-mail must be confirmed before
 * structures can see the application; a signed-in candidate has already proved their address.
 */
export const makeDeposerCandidature =
  (deps: DepsRecrutement) =>
  async (input: {
    donnees: DonneesCandidature
    connecte?: { compteId: string; email: string } | undefined
    cv?: FichierCv | undefined
  }): Promise<
    Result<{ candidatureId: string; confirmee: boolean }, ErreurRecrutement & { champ?: string }>
  > => {
    const champs = champsCandidature(input.donnees)
    if (!champs) return err({ code: 'COMMUNE_INCONNUE', champ: 'code_commune' })
    const date = refusDate('disponible_le', LIBELLE_DISPONIBILITE, champs.disponibleLe, deps.horloge())
    if (date) return err(date)
    const probleme = input.cv ? problemeCv(input.cv) : undefined
    if (probleme) return err({ code: 'CV_INVALIDE', message: probleme, champ: 'cv' })
    if (input.connecte && (await candidatureDuCompte(deps.db, input.connecte.compteId)))
      return err({ code: 'CANDIDATURE_EXISTANTE' })
    const confirmee = !!input.connecte
    return deps.db.transaction(async (tx) => {
      let compteId = input.connecte?.compteId
      if (!compteId) {
        const r = await deps.comptes.dans(tx).creerCompteDemandeur({
          email: input.donnees.email,
          prenom: input.donnees.prenom,
          nom: input.donnees.nom,
          habilitation: { role: 'candidat', portee: { type: 'personnel', code: '', libelle: '' } },
          objet: 'votre candidature pour devenir conseiller numérique',
        })
        if (!r.ok) return err({ code: 'EMAIL_DEJA_UTILISE' as const, champ: 'email' })
        compteId = r.value.compteId
      }
      const c = await creerCandidature(tx, {
        ...champs,
        compteId,
        email: input.connecte?.email ?? input.donnees.email.toLowerCase(),
        statut: confirmee ? 'disponible' : 'email_a_confirmer',
        emailConfirmeLe: confirmee ? deps.horloge() : null,
      })
      if (input.cv)
        await enregistrerCv(tx, {
          candidatureId: c.id,
          nomFichier: input.cv.nom.slice(0, 200),
          contenu: Buffer.from(input.cv.octets),
          taille: input.cv.octets.length,
          deposeLe: deps.horloge(),
        })
      if (confirmee)
        await mettreEnFileEmail(tx, {
          destinataire: c.email,
          ...emailCandidatureEnregistree({ prenom: c.prenom, baseUrl: deps.baseUrl }),
        })
      await journaliser(tx, { acteurId: compteId, action: 'candidature_deposee', cible: c.id })
      return ok({ candidatureId: c.id, confirmee })
    })
  }

const changerStatut = async (
  deps: DepsRecrutement,
  compteId: string,
  vers: StatutCandidature,
  message: Email | undefined,
): Promise<Result<true, ErreurRecrutement>> => {
  return deps.db.transaction(async (tx) => {
    const c = await candidatureDuCompte(tx, compteId)
    if (!c) return err({ code: 'CANDIDATURE_INTROUVABLE' })
    if (!candidaturePeutPasser(c.statut as StatutCandidature, vers))
      return err({ code: 'TRANSITION_INTERDITE', de: c.statut, vers })
    await majCandidature(tx, c.id, {
      statut: vers,
      ...(vers === 'disponible' && !c.emailConfirmeLe ? { emailConfirmeLe: deps.horloge() } : {}),
    })
    if (message) await mettreEnFileEmail(tx, { destinataire: c.email, ...message })
    await journaliser(tx, { acteurId: compteId, action: `candidature_${vers}`, cible: c.id })
    return ok(true)
  })
}

export const makeGererCandidature = (deps: DepsRecrutement) => ({
  /**
   * A candidate can only sign in after choosing a password from the e-mailed link: their first
   * signed-in visit is the proof that the address is theirs.
   */
  async confirmerEmail(compteId: string) {
    const c = await candidatureDuCompte(deps.db, compteId)
    if (c?.statut !== 'email_a_confirmer') return
    await changerStatut(deps, compteId, 'disponible', emailCandidatureVisible({ prenom: c.prenom }))
  },

  async modifier(
    compteId: string,
    d: DonneesCandidature,
  ): Promise<Result<true, ErreurRecrutement & { champ?: string }>> {
    const champs = champsCandidature(d)
    if (!champs) return err({ code: 'COMMUNE_INCONNUE', champ: 'code_commune' })
    const c = await candidatureDuCompte(deps.db, compteId)
    if (!c) return err({ code: 'CANDIDATURE_INTROUVABLE' })
    const date = refusDate(
      'disponible_le',
      LIBELLE_DISPONIBILITE,
      champs.disponibleLe,
      deps.horloge(),
      c.disponibleLe,
    )
    if (date) return err(date)
    await deps.db.transaction(async (tx) => {
      await majCandidature(tx, c.id, champs)
      await journaliser(tx, { acteurId: compteId, action: 'candidature_modifiee', cible: c.id })
    })
    return ok(true)
  },

  async deposerCv(
    compteId: string,
    cv: FichierCv,
  ): Promise<Result<true, ErreurRecrutement & { champ?: string }>> {
    const probleme = problemeCv(cv)
    if (probleme) return err({ code: 'CV_INVALIDE', message: probleme, champ: 'cv' })
    const c = await candidatureDuCompte(deps.db, compteId)
    if (!c) return err({ code: 'CANDIDATURE_INTROUVABLE' })
    await enregistrerCv(deps.db, {
      candidatureId: c.id,
      nomFichier: cv.nom.slice(0, 200),
      contenu: Buffer.from(cv.octets),
      taille: cv.octets.length,
      deposeLe: deps.horloge(),
    })
    return ok(true)
  },

  retirer: (compteId: string) => changerStatut(deps, compteId, 'retiree', emailCandidatureRetiree()),

  reactiver: (compteId: string) => changerStatut(deps, compteId, 'disponible', undefined),

  async suivi(compteId: string) {
    const c = await candidatureDuCompte(deps.db, compteId)
    if (!c) return undefined
    return { candidature: c, misesEnRelation: await misesEnRelationDeCandidature(deps.db, c.id) }
  },
})
