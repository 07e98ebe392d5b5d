import { z } from 'zod'
import { secteurDeCategorieJuridique } from '../../../platform/connecteurs/entreprises/nomenclatures'
import type { Valeurs } from '../../../platform/http/formulaire'
import { lireSiret } from '../domain/registre'
import type { DepsRecrutement } from '../use-cases/deps'
import type { VueVerificationSiret } from '../views/verification-siret'

const requete = z.object({ verifier_siret: z.string().max(40).optional() }).catch({})

export interface EtapeSiret {
  /** The form's values, with the register's name, address and commune when it found the SIRET. */
  valeurs: Valeurs
  /** What was typed in the step's field, shown again. */
  siret?: string
  verification?: VueVerificationSiret
}

/**
 * The « Vérifier le SIRET » step (`?verifier_siret=` on the form's page): asks the register and fills
 * the structure's form with what it knows. Writes nothing; without the parameter, the page as it was.
 */
export async function etapeVerificationSiret(
  deps: DepsRecrutement,
  query: unknown,
  valeurs: Valeurs,
): Promise<EtapeSiret> {
  const tape = requete.parse(query).verifier_siret
  if (tape === undefined) return { valeurs }
  const lu = lireSiret(tape)
  if (lu.ok !== true)
    return {
      valeurs,
      siret: tape,
      verification: {
        etat: 'invalide',
        message: lu.ok === 'vide' ? 'Saisissez un SIRET de 14 chiffres.' : lu.message,
      },
    }
  const r = deps.entreprises
    ? await deps.entreprises.parSiret(lu.valeur)
    : { statut: 'indisponible' as const }
  if (r.statut !== 'trouve')
    return {
      valeurs: { ...valeurs, siret: lu.valeur },
      siret: tape,
      verification: r.statut === 'introuvable' ? { etat: 'introuvable' } : { etat: 'indisponible' },
    }
  const e = r.etablissement
  const verification: VueVerificationSiret = {
    etat: 'trouve',
    denomination: e.denomination,
    adresse: e.adresse,
    codePostal: e.codePostal,
    libelleCommune: e.libelleCommune,
    categorieJuridique: e.categorieJuridique.libelle,
    activite: e.activite.libelle,
    secteur: secteurDeCategorieJuridique(e.categorieJuridique.code),
    actif: e.actif,
  }
  // A closed establishment fills nothing: the form would refuse it.
  if (!e.actif) return { valeurs, siret: tape, verification }
  return {
    valeurs: { ...valeurs, siret: e.siret, nom: e.denomination, adresse: e.adresse, code_commune: e.commune },
    siret: tape,
    verification,
  }
}

/** Said once the form is accepted while the register did not answer. */
export const VERIFICATION_PLUS_TARD =
  'Candidature déposée. Le registre des entreprises ne répond pas pour le moment : la vérification du SIRET sera faite plus tard.'

export const COMPLEMENT_ENREGISTRE = 'La candidature est enregistrée et transmise à la préfecture.'
/** The same, when the register did not answer about a new SIRET. */
export const COMPLEMENT_PLUS_TARD = `${COMPLEMENT_ENREGISTRE} Le registre des entreprises ne répond pas pour le moment : la vérification du SIRET sera faite plus tard.`
