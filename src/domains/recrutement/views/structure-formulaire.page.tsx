import type { Valeurs } from '../../../platform/http/formulaire'
import { Bouton, GroupeChamps } from '../../../platform/layout/boutons'
import { ChampCommune } from '../../../platform/layout/champ-commune'
import { Case, ZoneTexte } from '../../../platform/layout/champs'
import {
  Champ,
  ChoixListe,
  Csrf,
  type ErreursFormulaire,
  ResumeErreurs,
} from '../../../platform/layout/components'
import { LIBELLES_TYPE_STRUCTURE, TYPES_STRUCTURE } from '../domain/financement'
import { lierChamps } from './formulaire'
import type { VueStructure } from './modeles'
import { EtapeVerificationSiret, type VueVerificationSiret } from './verification-siret'

interface PropsChamps {
  v: Valeurs
  e: ErreursFormulaire
  complement?: { commentairePrefecture: string | undefined } | undefined
}

export function valeursDeStructure(s: VueStructure): Valeurs {
  return {
    nom: s.nom,
    siret: s.siret ?? '',
    rna: s.rna ?? '',
    type: s.type,
    adresse: s.adresse,
    code_commune: s.codeCommune,
    contact_prenom: s.contactPrenom,
    contact_nom: s.contactNom,
    contact_fonction: s.contactFonction,
    contact_telephone: s.contactTelephone,
    postes_souhaites: String(s.postesSouhaites),
    date_debut: s.dateDebutSouhaitee ?? '',
    projet: s.projet,
    zone_intervention: s.zoneIntervention,
    qpv: s.qpv ? 'oui' : '',
    zrr: s.zrr ? 'oui' : '',
    lieux_proches: s.lieuxProches,
  }
}

/**
 * The AMI form. `complement`: the structure's manager edits the application it has already sent
 * (before the prefecture's opinion, or when the prefecture asked for more), without the contact
 * e-mail (it is their account) nor the commitment (already given).
 */
export function StructureFormPage(p: {
  csrf: string
  v: Valeurs
  e: ErreursFormulaire
  complement?: { commentairePrefecture: string | undefined } | undefined
  /** The « Vérifier le SIRET » step (views/verification-siret.tsx); absent when a post is shown again. */
  etapeSiret?: { siret?: string; verification?: VueVerificationSiret } | undefined
}) {
  const { v, e, complement } = p
  return (
    <div class="fr-grid-row">
      <div class="fr-col-12 fr-col-md-9">
        {complement ? (
          <>
            <h1 class="fr-mt-4w">Compléter la candidature</h1>
            {complement.commentairePrefecture ? (
              <div class="fr-callout">
                <h2 class="fr-callout__title fr-h6">Ce que demande la préfecture</h2>
                <p class="fr-callout__text" safe>
                  {complement.commentairePrefecture}
                </p>
              </div>
            ) : (
              ''
            )}
            <p>
              Une fois enregistrée, la candidature repart à la préfecture de votre département, qui en est
              prévenue par e-mail.
            </p>
          </>
        ) : (
          <>
            <h1 class="fr-mt-4w">Accueillir un conseiller numérique</h1>
            <p>
              Collectivités, associations et entreprises de l’économie sociale et solidaire : répondez à
              l’appel à manifestation d’intérêt. L’État finance chaque poste validé (50 000 € pour un
              organisme public, 40 000 € pour un organisme privé, sur deux ans) et forme le conseiller. La
              préfecture de votre département examine votre candidature, puis le comité national décide.
            </p>
          </>
        )}
        {p.etapeSiret ? (
          <EtapeVerificationSiret
            action={complement ? '/structure/candidature' : '/candidature/structure'}
            siret={p.etapeSiret.siret}
            verification={p.etapeSiret.verification}
          />
        ) : (
          ''
        )}
        <p class="fr-text--sm">Tous les champs sont obligatoires, sauf mention contraire.</p>
        <ResumeErreurs erreurs={e} />
        <form
          method="post"
          action={complement ? '/structure/candidature' : '/candidature/structure'}
          novalidate
        >
          <Csrf jeton={p.csrf} />
          <ChampsStructure v={v} e={e} complement={complement} />
          <ChampsContact v={v} e={e} complement={complement} />
          <ChampsProjet v={v} e={e} complement={complement} />
          {complement ? (
            <Bouton>Enregistrer et renvoyer à la préfecture</Bouton>
          ) : (
            <>
              <Case
                nom="engagement"
                libelle="La structure s’engage à recruter le conseiller sur un contrat d’au moins deux ans et à le laisser suivre sa formation."
                coche={v.engagement === 'oui'}
                erreur={e.engagement}
              />
              <Bouton>Déposer la candidature</Bouton>
            </>
          )}
        </form>
      </div>
    </div>
  )
}

function ChampsStructure({ v, e }: PropsChamps) {
  const champ = lierChamps(v, e)
  return (
    <GroupeChamps id="structure-identite" legende="La structure">
      <Champ {...champ('nom')} libelle="Nom de la structure" autocomplete="organization" />
      <Champ
        {...champ('siret')}
        libelle="SIRET"
        aide="14 chiffres. Seule une association sans SIRET peut s’en passer : elle donne alors son numéro RNA."
        inputmode="numeric"
        maxlength={20}
      />
      <Champ
        {...champ('rna')}
        libelle="Numéro RNA"
        aide="Pour une association : W suivi de 9 chiffres (répertoire national des associations)."
        requis={false}
        maxlength={20}
      />
      <ChoixListe
        {...champ('type')}
        libelle="Type de structure"
        options={TYPES_STRUCTURE.map((t) => ({ valeur: t, libelle: LIBELLES_TYPE_STRUCTURE[t] }))}
        videLibelle="Choisir"
      />
      <Champ {...champ('adresse')} libelle="Adresse" autocomplete="street-address" />
      <ChampCommune nom="code_commune" libelle="Commune" valeurs={v} erreur={e.code_commune} />
    </GroupeChamps>
  )
}

function ChampsContact({ v, e, complement }: PropsChamps) {
  const champ = lierChamps(v, e)
  return (
    <GroupeChamps id="structure-contact" legende="La personne à contacter">
      <Champ {...champ('contact_prenom')} libelle="Prénom" autocomplete="given-name" />
      <Champ {...champ('contact_nom')} libelle="Nom" autocomplete="family-name" />
      <Champ {...champ('contact_fonction')} libelle="Fonction" />
      {complement ? (
        ''
      ) : (
        <Champ
          {...champ('contact_email')}
          libelle="Adresse e-mail"
          aide="Elle recevra un lien pour créer le compte de la structure."
          type="email"
          autocomplete="email"
        />
      )}
      <Champ {...champ('contact_telephone')} libelle="Téléphone" type="tel" autocomplete="tel" />
    </GroupeChamps>
  )
}

function ChampsProjet({ v, e }: PropsChamps) {
  const champ = lierChamps(v, e)
  return (
    <GroupeChamps id="structure-projet" legende="Le projet">
      <Champ {...champ('postes_souhaites')} libelle="Nombre de postes souhaités" inputmode="numeric" />
      <Champ
        {...champ('date_debut')}
        libelle="Date de début souhaitée"
        aide="Aujourd’hui ou une date dans les deux ans à venir."
        type="date"
      />
      <ZoneTexte
        {...champ('projet')}
        libelle="Votre projet"
        aide="Publics, actions prévues, partenaires. Entre 20 et 2 500 caractères."
        maxlength={2500}
      />
      <ZoneTexte
        {...champ('zone_intervention')}
        libelle="Zone d’intervention"
        aide="Communes ou quartiers où le conseiller interviendra."
        maxlength={500}
      />
      <Case
        nom="qpv"
        libelle="Le projet touche un quartier prioritaire de la politique de la ville (QPV)"
        coche={v.qpv === 'oui'}
      />
      <Case
        nom="zrr"
        libelle="Le projet touche une zone de revitalisation rurale (ZRR)"
        coche={v.zrr === 'oui'}
      />
      <ZoneTexte
        {...champ('lieux_proches')}
        libelle="France Services et lieux de médiation numérique à proximité"
        aide="Ceux avec lesquels le conseiller travaillera."
        requis={false}
        maxlength={1000}
      />
    </GroupeChamps>
  )
}
