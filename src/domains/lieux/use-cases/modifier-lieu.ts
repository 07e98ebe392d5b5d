import type { Habilitation } from '../../../platform/auth/roles'
import { err, ok, type Result } from '../../../platform/result'
import { ajouterHistorique, mettreAJourLieu, trouverLieu } from '../db/lieux-repository'
import { estAdmin, peutModifierLieu } from '../domain/autorisations'
import type { ErreurLieux } from '../domain/erreurs'
import { type DonneesLieu, differences, type Lieu } from '../domain/lieu'
import type { LieuFormulaire } from '../http/lieu.form'
import type { DepsLieux } from './deps'
import { type Geocodage, geocoderUnLieu, SANS_GEOCODAGE } from './geocoder-lieux'

export interface Acteur {
  compteId: string
  habilitations: readonly Habilitation[]
}

/**
 * A manager (or an admin) edits a place. The standard's `date_maj` becomes today; problems reported
 * by the import are cleared for the fields the person has now set. Only an admin may change which
 * structure manages the place.
 */
export const makeModifierLieu =
  (deps: DepsLieux) =>
  async (e: { id: string; formulaire: LieuFormulaire; par: Acteur }): Promise<Result<Lieu, ErreurLieux>> => {
    // The address base is asked before the transaction: a slow answer never holds a lock.
    const position = await positionDeLAdresse(deps, e.id, e.formulaire)
    return deps.db.transaction(async (tx) => {
      const lieu = await trouverLieu(tx, e.id)
      if (!lieu) return err({ code: 'LIEU_INTROUVABLE' as const })
      if (!peutModifierLieu(e.par.habilitations, lieu))
        return err({ code: 'MODIFICATION_INTERDITE' as const })
      const f = e.formulaire
      const maintenant = deps.horloge()
      const coordonneesChangent = f.latitude !== lieu.latitude || f.longitude !== lieu.longitude
      let latitude = f.latitude
      let longitude = f.longitude
      let origine: DonneesLieu['origineCoordonnees'] = coordonneesChangent
        ? 'saisie'
        : lieu.origineCoordonnees
      let geocodage: Geocodage = {
        precisionGeocodage: lieu.precisionGeocodage ?? null,
        scoreGeocodage: lieu.scoreGeocodage ?? null,
      }
      if (position) {
        latitude = position.latitude
        longitude = position.longitude
        origine = 'adresse'
        geocodage = { precisionGeocodage: position.precision, scoreGeocodage: position.score }
      } else if (latitude === null || longitude === null) {
        const c = deps.communes.localiser({
          codeInsee: f.code_insee,
          codePostal: f.code_postal,
          commune: f.commune,
        })
        latitude = c?.latitude ?? null
        longitude = c?.longitude ?? null
        origine = c ? 'commune' : 'aucune'
      }
      if (origine !== 'adresse') geocodage = SANS_GEOCODAGE
      const apres: DonneesLieu = {
        idSource: lieu.idSource,
        source: lieu.source,
        pivot: f.pivot,
        nom: f.nom,
        commune: f.commune,
        codePostal: f.code_postal,
        codeInsee: f.code_insee,
        adresse: f.adresse,
        complementAdresse: f.complement_adresse,
        latitude,
        longitude,
        origineCoordonnees: origine,
        typologie: f.typologie as DonneesLieu['typologie'],
        telephone: f.telephone,
        courriels: f.courriels,
        siteWeb: f.site_web,
        horaires: f.horaires,
        horairesReconnus: true,
        presentationResume: f.presentation_resume,
        presentationDetail: f.presentation_detail,
        itinerance: f.itinerance,
        structureParente: f.structure_parente,
        dateMaj: maintenant.toISOString().slice(0, 10),
        services: f.services,
        publicsSpecifiquementAdresses: f.publics_specifiquement_adresses,
        priseEnChargeSpecifique: f.prise_en_charge_specifique,
        fraisACharge: f.frais_a_charge,
        dispositifProgrammesNationaux: f.dispositif_programmes_nationaux,
        formationsLabels: f.formations_labels,
        autresFormationsLabels: f.autres_formations_labels,
        modalitesAcces: f.modalites_acces,
        modalitesAccompagnement: f.modalites_accompagnement,
        ficheAccesLibre: f.fiche_acces_libre,
        priseRdv: f.prise_rdv,
      }
      const diff: Record<string, { avant: unknown; apres: unknown }> = differences(lieu, apres)
      delete diff.dateMaj
      let structureId = lieu.structureId
      if (estAdmin(e.par.habilitations) && f.structure_id !== undefined) {
        const nouvelle = f.structure_id || null
        if (nouvelle !== lieu.structureId) {
          diff.structureId = { avant: lieu.structureId, apres: nouvelle }
          structureId = nouvelle
        }
      }
      const geocodageChange = geocodage.scoreGeocodage !== (lieu.scoreGeocodage ?? null)
      if (Object.keys(diff).length === 0 && !geocodageChange) return ok(lieu)
      const champsModifies = new Set(Object.keys(diff))
      const problemes = lieu.problemes.filter((p) => !champsModifies.has(versPropriete(p.champ)))
      await mettreAJourLieu(tx, lieu.id, { ...apres, ...geocodage, structureId, problemes }, maintenant)
      await ajouterHistorique(
        tx,
        [{ lieuId: lieu.id, acteurId: e.par.compteId, origine: 'formulaire', changements: diff }],
        maintenant,
      )
      deps.catalogue.invalider()
      return ok({ ...lieu, ...apres, ...geocodage, structureId, problemes, modifieLe: maintenant })
    })
  }

/**
 * The point of the address typed, when the address base should be asked: the manager did not place
 * the place by hand, and the address changed or the place has no exact point yet (commune centre,
 * no point, or the position was emptied). Undefined otherwise, or when the base finds nothing good.
 */
async function positionDeLAdresse(deps: DepsLieux, id: string, f: LieuFormulaire) {
  if (!deps.connecteurs?.adresses) return undefined
  const lieu = await trouverLieu(deps.db, id)
  if (!lieu) return undefined
  const placeALaMain = f.latitude !== null && (f.latitude !== lieu.latitude || f.longitude !== lieu.longitude)
  if (placeALaMain) return undefined
  const adresseChange =
    f.adresse !== lieu.adresse ||
    f.complement_adresse !== lieu.complementAdresse ||
    f.code_postal !== lieu.codePostal ||
    f.commune !== lieu.commune
  const sansPointExact =
    f.latitude === null || lieu.origineCoordonnees === 'commune' || lieu.origineCoordonnees === 'aucune'
  if (!adresseChange && !sansPointExact) return undefined
  return geocoderUnLieu(deps.connecteurs.adresses, {
    ...lieu,
    adresse: f.adresse,
    complementAdresse: f.complement_adresse,
    codePostal: f.code_postal,
    commune: f.commune,
    codeInsee: f.code_insee,
  })
}

function versPropriete(colonne: string): string {
  return colonne.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
}
