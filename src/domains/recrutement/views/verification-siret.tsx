import { Bouton } from '../../../platform/layout/boutons'
import { Alerte, Champ } from '../../../platform/layout/components'

/** What the company register said of the SIRET typed in the « Vérifier le SIRET » step. */
export type VueVerificationSiret =
  | {
      etat: 'trouve'
      denomination: string
      adresse: string
      codePostal: string
      libelleCommune: string
      categorieJuridique: string
      activite: string
      secteur: 'public' | 'prive'
      actif: boolean
    }
  | { etat: 'introuvable' }
  | { etat: 'indisponible' }
  | { etat: 'invalide'; message: string }

/**
 * Step 1 of the structure's form, its own little form (GET, so it works without JavaScript and
 * writes nothing): the page comes back with name, address and commune filled from the register.
 */
export function EtapeVerificationSiret(p: {
  action: string
  siret: string | undefined
  verification: VueVerificationSiret | undefined
}) {
  const v = p.verification
  return (
    <section class="fr-mb-4w" aria-labelledby="verifier-siret-titre">
      <h2 class="fr-h5" id="verifier-siret-titre">
        Vérifier le SIRET
      </h2>
      <p class="fr-text--sm">
        Facultatif : le registre des entreprises remplit le nom, l’adresse et la commune de la structure.
      </p>
      <form method="get" action={p.action} novalidate>
        <Champ
          nom="verifier_siret"
          libelle="SIRET de la structure"
          aide="14 chiffres, espaces permis."
          valeur={p.siret}
          erreur={v?.etat === 'invalide' ? v.message : undefined}
          inputmode="numeric"
          maxlength={20}
        />
        <Bouton variante="secondaire" classe="fr-mb-3w">
          Vérifier le SIRET
        </Bouton>
      </form>
      {v && v.etat !== 'invalide' ? <ResultatVerification v={v} /> : ''}
    </section>
  )
}

function ResultatVerification({ v }: { v: Exclude<VueVerificationSiret, { etat: 'invalide' }> }) {
  if (v.etat === 'indisponible')
    return (
      <Alerte type="info" titre="Le registre des entreprises ne répond pas pour le moment">
        <p>Remplissez le formulaire : le dépôt reste possible et la vérification sera faite plus tard.</p>
      </Alerte>
    )
  if (v.etat === 'introuvable')
    return (
      <Alerte type="warning" titre="Ce SIRET n’est pas dans le registre des entreprises">
        <p>Vérifiez-le sur l’avis de situation au répertoire Sirene de la structure.</p>
      </Alerte>
    )
  if (!v.actif)
    return (
      <Alerte type="error" titre="Cet établissement est fermé">
        <p safe>
          {v.denomination} : le registre des entreprises le dit fermé. Saisissez le SIRET d’un établissement
          en activité.
        </p>
      </Alerte>
    )
  return (
    <Alerte type="success" titre="Établissement trouvé au registre des entreprises">
      <p safe>
        {v.denomination}, {v.adresse}, {v.codePostal} {v.libelleCommune}.
      </p>
      <p safe>
        {`${v.categorieJuridique} (${v.secteur === 'public' ? 'organisme public' : 'organisme privé'}), activité : ${v.activite}`}
      </p>
      <p>Le nom, l’adresse et la commune sont remplis ci-dessous : relisez-les avant de déposer.</p>
    </Alerte>
  )
}
