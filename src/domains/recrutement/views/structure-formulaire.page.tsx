import type { Valeurs } from '../../../platform/http/formulaire'
import { Bouton, GroupeChamps } from '../../../platform/layout/boutons'
import { Case, ZoneTexte } from '../../../platform/layout/champs'
import {
  Champ,
  ChoixListe,
  Csrf,
  type ErreursFormulaire,
  ResumeErreurs,
} from '../../../platform/layout/components'
import type { StructureRow } from '../db/structures-repository'
import { LIBELLES_TYPE_STRUCTURE, TYPES_STRUCTURE } from '../domain/financement'

interface PropsChamps {
  v: Valeurs
  e: ErreursFormulaire
  complement?: { commentairePrefecture: string | undefined } | undefined
}

export function valeursDeStructure(s: StructureRow): Valeurs {
  return {
    nom: s.nom,
    identifiant: s.siret ?? s.rna ?? '',
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
  return (
    <GroupeChamps id="structure-identite" legende="La structure">
      <Champ
        nom="nom"
        libelle="Nom de la structure"
        valeur={v.nom}
        erreur={e.nom}
        autocomplete="organization"
      />
      <Champ
        nom="identifiant"
        libelle="SIRET ou numéro RNA"
        aide="SIRET : 14 chiffres. Association sans SIRET : numéro RNA, W suivi de 9 chiffres."
        valeur={v.identifiant}
        erreur={e.identifiant}
        maxlength={20}
      />
      <ChoixListe
        nom="type"
        libelle="Type de structure"
        options={TYPES_STRUCTURE.map((t) => ({ valeur: t, libelle: LIBELLES_TYPE_STRUCTURE[t] }))}
        valeur={v.type}
        erreur={e.type}
        videLibelle="Choisir"
      />
      <Champ
        nom="adresse"
        libelle="Adresse"
        valeur={v.adresse}
        erreur={e.adresse}
        autocomplete="street-address"
      />
      <Champ
        nom="code_commune"
        libelle="Code INSEE de la commune"
        aide="5 caractères, par exemple 84007 pour Avignon."
        valeur={v.code_commune}
        erreur={e.code_commune}
        maxlength={5}
      />
    </GroupeChamps>
  )
}

function ChampsContact({ v, e, complement }: PropsChamps) {
  return (
    <GroupeChamps id="structure-contact" legende="La personne à contacter">
      <Champ
        nom="contact_prenom"
        libelle="Prénom"
        valeur={v.contact_prenom}
        erreur={e.contact_prenom}
        autocomplete="given-name"
      />
      <Champ
        nom="contact_nom"
        libelle="Nom"
        valeur={v.contact_nom}
        erreur={e.contact_nom}
        autocomplete="family-name"
      />
      <Champ
        nom="contact_fonction"
        libelle="Fonction"
        valeur={v.contact_fonction}
        erreur={e.contact_fonction}
      />
      {complement ? (
        ''
      ) : (
        <Champ
          nom="contact_email"
          libelle="Adresse e-mail"
          aide="Elle recevra un lien pour créer le compte de la structure."
          type="email"
          valeur={v.contact_email}
          erreur={e.contact_email}
          autocomplete="email"
        />
      )}
      <Champ
        nom="contact_telephone"
        libelle="Téléphone"
        type="tel"
        valeur={v.contact_telephone}
        erreur={e.contact_telephone}
        autocomplete="tel"
      />
    </GroupeChamps>
  )
}

function ChampsProjet({ v, e }: PropsChamps) {
  return (
    <GroupeChamps id="structure-projet" legende="Le projet">
      <Champ
        nom="postes_souhaites"
        libelle="Nombre de postes souhaités"
        inputmode="numeric"
        valeur={v.postes_souhaites}
        erreur={e.postes_souhaites}
      />
      <Champ
        nom="date_debut"
        libelle="Date de début souhaitée"
        aide="Aujourd’hui ou une date dans les deux ans à venir."
        type="date"
        valeur={v.date_debut}
        erreur={e.date_debut}
      />
      <ZoneTexte
        nom="projet"
        libelle="Votre projet"
        aide="Publics, actions prévues, partenaires. Entre 20 et 2 500 caractères."
        valeur={v.projet}
        erreur={e.projet}
        maxlength={2500}
      />
      <ZoneTexte
        nom="zone_intervention"
        libelle="Zone d’intervention"
        aide="Communes ou quartiers où le conseiller interviendra."
        valeur={v.zone_intervention}
        erreur={e.zone_intervention}
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
        nom="lieux_proches"
        libelle="France Services et lieux de médiation numérique à proximité"
        aide="Ceux avec lesquels le conseiller travaillera."
        requis={false}
        valeur={v.lieux_proches}
        erreur={e.lieux_proches}
        maxlength={1000}
      />
    </GroupeChamps>
  )
}
