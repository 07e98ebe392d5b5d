import { createHash, createHmac } from 'node:crypto'

/**
 * The Aidants Connect journal is append-only and hash-chained: each entry stores the hash of the previous
 * one, and its own hash covers its content and that previous hash. Editing or deleting a row breaks
 * the chain at that row (or the next one), which `verifierChaine` reports.
 * Entries carry ids only (aidant, organisation, usager, mandate, authorisation) and never a token or a secret.
 */
export const ACTIONS_JOURNAL = [
  'connexion_aidant',
  'reauthentification_aidant',
  'franceconnect_usager',
  'creation_attestation',
  'creation_autorisation',
  'remplacement_autorisation',
  'utilisation_autorisation',
  'transmission_identite',
  'revocation_autorisation',
  'revocation_mandat',
  'revocation_par_usager',
  'debut_renouvellement',
  'consentement_sms_envoye',
  'consultation_usager',
  'pseudonymisation_usager',
  'changement_organisation',
  'habilitation_organisation',
  'activation_aidant',
  'association_carte',
  'association_application',
  'retrait_carte',
  'retrait_application',
  'retrait_aidant',
  'desactivation_inactivite',
  'consentement_sms_recu',
] as const
export type ActionJournal = (typeof ACTIONS_JOURNAL)[number]

export interface ContenuEntree {
  action: ActionJournal
  le: Date
  aidantId: string | null
  organisationId: string | null
  usagerId: string | null
  mandatId: string | null
  autorisationId: string | null
  demarche: string | null
  details: Record<string, string | number | boolean | null>
}

export interface EntreeChainee extends ContenuEntree {
  id: number
  hashPrecedent: string
  hash: string
}

export const HASH_ORIGINE = '0'.repeat(64)

/** Canonical form: fixed key order, ISO dates, sorted detail keys. */
export function formeCanonique(e: ContenuEntree): string {
  const details = Object.fromEntries(Object.entries(e.details).sort(([a], [b]) => a.localeCompare(b)))
  return JSON.stringify([
    e.action,
    e.le.toISOString(),
    e.aidantId,
    e.organisationId,
    e.usagerId,
    e.mandatId,
    e.autorisationId,
    e.demarche,
    details,
  ])
}

export function hacherEntree(e: ContenuEntree, hashPrecedent: string): string {
  return createHash('sha256').update(hashPrecedent).update('\n').update(formeCanonique(e)).digest('hex')
}

export type RaisonRupture =
  | 'contenu_modifie'
  | 'chainage_rompu'
  | 'entree_pointee_absente'
  | 'point_falsifie'
  | 'fin_non_signee'
export type ResultatVerification =
  | { ok: true; entrees: number }
  | { ok: false; entrees: number; premierMaillonCasse: number; raison: RaisonRupture }

/** Signature of a checkpoint: what a copy of the database alone cannot forge. */
export function signerPoint(secret: string, p: { entreeId: number; hash: string }): string {
  return createHmac('sha256', secret).update(`journal-aidants:${p.entreeId}:${p.hash}`).digest('hex')
}

/** Walks the entries in id order; the first entry whose stored hash or link does not match is reported. */
export function verifierChaine(
  entrees: Iterable<EntreeChainee>,
  hashDepart = HASH_ORIGINE,
): ResultatVerification {
  let precedent = hashDepart
  let n = 0
  for (const e of entrees) {
    n++
    if (e.hashPrecedent !== precedent)
      return { ok: false, entrees: n, premierMaillonCasse: e.id, raison: 'chainage_rompu' }
    if (hacherEntree(e, e.hashPrecedent) !== e.hash)
      return { ok: false, entrees: n, premierMaillonCasse: e.id, raison: 'contenu_modifie' }
    precedent = e.hash
  }
  return { ok: true, entrees: n }
}

export const LIBELLES_RUPTURE: Record<RaisonRupture, string> = {
  contenu_modifie: 'contenu modifié',
  chainage_rompu: 'entrée précédente modifiée ou supprimée',
  entree_pointee_absente:
    'entrée d’un point de contrôle signé supprimée ou modifiée (fin du journal effacée ?)',
  point_falsifie: 'point de contrôle à la signature fausse',
  fin_non_signee: 'dernière entrée sans point de contrôle signé (fin du journal effacée avec son point ?)',
}
