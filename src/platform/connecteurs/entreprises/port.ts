/**
 * The company register as Escale's domains see it (issue 19): from a SIRET, the establishment the
 * State's company-search service knows. A neutral place: `recrutement` and `aidants` both import it,
 * `app.ts` wires the adapter (ADR 050).
 */

export interface CodeLibelle {
  code: string
  libelle: string
}

export interface EtablissementRegistre {
  siret: string
  siren: string
  /** Name of the legal unit, as the register writes it. */
  denomination: string
  /** Street part of the address (postcode and commune apart). */
  adresse: string
  codePostal: string
  /** INSEE code of the commune. */
  commune: string
  libelleCommune: string
  /** INSEE legal category (catégorie juridique, level III: 4 digits) and its label. */
  categorieJuridique: CodeLibelle
  /** Main activity (NAF code, e.g. 84.11Z) and its label. */
  activite: CodeLibelle
  /** False when the establishment is closed (état administratif « fermé »). */
  actif: boolean
}

export type ReponseRegistre =
  | { statut: 'trouve'; etablissement: EtablissementRegistre }
  | { statut: 'introuvable' }
  /** The register did not answer (down, slow, breaker open, or disabled): check later. */
  | { statut: 'indisponible' }

export interface ConsulterEntreprises {
  parSiret(siret: string): Promise<ReponseRegistre>
}

/** When the connector is disabled: every question waits for a later check. */
export const registreDesactive: ConsulterEntreprises = {
  parSiret: async () => ({ statut: 'indisponible' }),
}
