import Html from '@kitajs/html'
import type { Valeurs } from '../../../platform/http/formulaire'
import { Bouton, GroupeChamps } from '../../../platform/layout/boutons'
import { ChampCommune } from '../../../platform/layout/champ-commune'
import { Badge, Case, ChampFichier, dateFr, ZoneTexte } from '../../../platform/layout/champs'
import {
  Champ,
  ChoixListe,
  Csrf,
  type ErreursFormulaire,
  ResumeErreurs,
} from '../../../platform/layout/components'
import { RAYONS_KM } from '../domain/classement'
import {
  LIBELLES_STATUT_CANDIDATURE,
  LIBELLES_STATUT_MISE_EN_RELATION,
  type StatutCandidature,
  type StatutMiseEnRelation,
} from '../domain/statuts'
import { SITUATIONS } from '../http/recrutement.form'
import { lierCases, lierChamps } from './formulaire'
import type { VueCandidature, VueMiseEnRelation } from './modeles'

export function valeursDeCandidature(c: VueCandidature): Valeurs {
  return {
    prenom: c.prenom,
    nom: c.nom,
    email: c.email,
    telephone: c.telephone,
    code_commune: c.codeCommune,
    rayon_km: String(c.rayonKm),
    disponible_le: c.disponibleLe,
    situation: c.situation,
    diplomes: c.diplomes,
    diplome_mediation_numerique: c.diplomeMediationNumerique ? 'oui' : '',
    experience_public: c.experiencePublic,
    niveau_pix: c.niveauPix ? String(c.niveauPix) : '',
    motivation: c.motivation,
    coordonnees_visibles: c.coordonneesVisibles ? 'oui' : '',
  }
}

interface PropsChamps {
  v: Valeurs
  e: ErreursFormulaire
  avecEmail: boolean
  avecCv: boolean
}

export function ChampsCandidature({ v, e, avecEmail, avecCv }: PropsChamps) {
  return (
    <>
      <ChampsIdentite v={v} e={e} avecEmail={avecEmail} avecCv={avecCv} />
      <ChampsLieuEtDate v={v} e={e} avecEmail={avecEmail} avecCv={avecCv} />
      <ChampsParcours v={v} e={e} avecEmail={avecEmail} avecCv={avecCv} />
      <Case
        {...lierCases(v, e)('coordonnees_visibles')}
        libelle="Les structures de mon secteur peuvent voir mon e-mail et mon téléphone"
        aide="Sinon, elles voient votre profil sans vos coordonnées, et vous êtes prévenu par e-mail quand l’une d’elles s’intéresse à vous."
      />
    </>
  )
}

export function CandidaturePage(p: {
  csrf: string
  v: Valeurs
  e: ErreursFormulaire
  message?: string | undefined
  /** Signed in: the application is made with the account's address, shown but not typed again. */
  emailDuCompte?: string | undefined
}) {
  return (
    <div class="fr-grid-row">
      <div class="fr-col-12 fr-col-md-9">
        <h1 class="fr-mt-4w">Devenir conseiller numérique</h1>
        <p>
          4 000 conseillers numériques France Services aident les personnes éloignées du numérique près de
          chez elles. Le poste est financé par l’État, avec une formation de 350 heures. Remplissez ce
          formulaire : les structures qui recrutent dans votre secteur verront votre candidature.
        </p>
        <p class="fr-text--sm">Tous les champs sont obligatoires, sauf mention contraire.</p>
        <ResumeErreurs erreurs={{ ...p.e, ...(p.message ? { formulaire: p.message } : {}) }} />
        <form method="post" action="/candidature/conseiller" enctype="multipart/form-data" novalidate>
          <Csrf jeton={p.csrf} />
          {p.emailDuCompte ? (
            <p safe>{`Adresse e-mail : ${p.emailDuCompte} (celle de votre compte).`}</p>
          ) : (
            ''
          )}
          <ChampsCandidature
            v={p.emailDuCompte ? { ...p.v, email: p.emailDuCompte } : p.v}
            e={p.e}
            avecEmail={!p.emailDuCompte}
            avecCv
          />
          <Bouton>Envoyer ma candidature</Bouton>
        </form>
      </div>
    </div>
  )
}

export function EnvoyeePage({ titre, texte }: { titre: string; texte: string }) {
  return (
    <div class="fr-grid-row">
      <div class="fr-col-12 fr-col-md-8">
        <h1 class="fr-mt-4w" safe>
          {titre}
        </h1>
        <p safe>{texte}</p>
        <p>
          <a class="fr-link" href="/">
            Retour à l’accueil
          </a>
        </p>
      </div>
    </div>
  )
}

export function EspaceCandidatPage(p: {
  csrf: string
  candidature: VueCandidature
  misesEnRelation: readonly { mer: VueMiseEnRelation; structureNom: string }[]
  cv: { nom: string; taille: number; supprimeLe: string } | undefined
  v: Valeurs
  e: ErreursFormulaire
}) {
  const c = p.candidature
  const statut = c.statut as StatutCandidature
  return (
    <>
      <h1 class="fr-mt-4w">Ma candidature</h1>
      <p>
        Statut : <strong safe>{LIBELLES_STATUT_CANDIDATURE[statut]}</strong>
      </p>
      {p.misesEnRelation.length > 0 ? (
        <>
          <h2 class="fr-h5">Structures qui s’intéressent à vous</h2>
          <ul>
            {p.misesEnRelation.map((m) => (
              <li>
                {Html.escapeHtml(m.structureNom)} :{' '}
                {Html.escapeHtml(LIBELLES_STATUT_MISE_EN_RELATION[m.mer.statut as StatutMiseEnRelation])}
                {m.mer.debutContrat
                  ? ` — contrat du ${dateFr(m.mer.debutContrat)} au ${dateFr(m.mer.finContrat)}`
                  : ''}
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      <h2 class="fr-h5 fr-mt-4w">Mon CV</h2>
      <p>
        {p.cv ? (
          <>
            <a class="fr-link" href="/candidat/cv">
              {Html.escapeHtml(p.cv.nom)}
            </a>{' '}
            ({Math.ceil(p.cv.taille / 1024)} Ko). Il sera supprimé le{' '}
            {Html.escapeHtml(dateFr(p.cv.supprimeLe))} : nous ne gardons les CV que six mois.
          </>
        ) : (
          'Aucun CV déposé.'
        )}
      </p>
      <DepotCv csrf={p.csrf} e={p.e} />
      <h2 class="fr-h5 fr-mt-4w">Modifier ma candidature</h2>
      <ResumeErreurs erreurs={{ ...p.e, cv: undefined }} />
      <form method="post" action="/candidat" novalidate>
        <Csrf jeton={p.csrf} />
        <ChampsCandidature v={p.v} e={p.e} avecEmail={false} avecCv={false} />
        <Bouton>Enregistrer les modifications</Bouton>
      </form>
      <h2 class="fr-h5 fr-mt-4w">Retirer ou réactiver</h2>
      {statut === 'retiree' ? (
        <form method="post" action="/candidat/reactiver">
          <Csrf jeton={p.csrf} />
          <Bouton variante="secondaire">Réactiver ma candidature</Bouton>
        </form>
      ) : statut !== 'recrutee' ? (
        <form method="post" action="/candidat/retrait">
          <Csrf jeton={p.csrf} />
          <p>Les structures ne verront plus votre candidature. Vous pourrez la réactiver.</p>
          <Bouton variante="tertiaire">Retirer ma candidature</Bouton>
        </form>
      ) : (
        <p>Vous êtes recruté : votre candidature n’est plus proposée aux structures.</p>
      )}
      <p class="fr-mt-2w">
        <Badge
          texte={
            c.coordonneesVisibles
              ? 'Coordonnées visibles des structures'
              : 'Coordonnées masquées aux structures'
          }
        />
      </p>
    </>
  )
}

function ChampsIdentite({ v, e, avecEmail }: PropsChamps) {
  const champ = lierChamps(v, e)
  return (
    <GroupeChamps id="candidature-identite" legende="Identité et contact">
      <Champ {...champ('prenom')} libelle="Prénom" autocomplete="given-name" maxlength={100} />
      <Champ {...champ('nom')} libelle="Nom" autocomplete="family-name" maxlength={100} />
      {avecEmail ? (
        <Champ
          {...champ('email')}
          libelle="Adresse e-mail"
          aide="Vous recevrez un lien pour confirmer votre adresse et créer votre mot de passe."
          type="email"
          autocomplete="email"
        />
      ) : (
        <input type="hidden" name="email" value={v.email ?? ''} />
      )}
      <Champ {...champ('telephone')} libelle="Téléphone" type="tel" autocomplete="tel" />
    </GroupeChamps>
  )
}

function ChampsLieuEtDate({ v, e }: PropsChamps) {
  const champ = lierChamps(v, e)
  return (
    <GroupeChamps id="candidature-lieu" legende="Où et quand">
      <ChampCommune nom="code_commune" libelle="Votre commune" valeurs={v} erreur={e.code_commune} />
      <ChoixListe
        {...champ('rayon_km')}
        libelle="Jusqu’où pouvez-vous vous déplacer pour travailler ?"
        options={RAYONS_KM.map((r) => ({ valeur: String(r), libelle: `${r} km` }))}
        videLibelle="Choisir une distance"
      />
      <Champ
        {...champ('disponible_le')}
        libelle="Disponible à partir du"
        aide="Aujourd’hui ou une date dans les deux ans à venir."
        type="date"
      />
    </GroupeChamps>
  )
}

function ChampsParcours({ v, e, avecCv }: PropsChamps) {
  const champ = lierChamps(v, e)
  return (
    <GroupeChamps id="candidature-parcours" legende="Votre parcours">
      <ChoixListe
        {...champ('situation')}
        libelle="Situation actuelle"
        options={Object.entries(SITUATIONS).map(([valeur, libelle]) => ({ valeur, libelle }))}
        videLibelle="Choisir"
      />
      <ZoneTexte {...champ('diplomes')} libelle="Diplômes" requis={false} maxlength={1000} />
      <Case
        {...lierCases(v, e)('diplome_mediation_numerique')}
        libelle="J’ai un diplôme de la médiation numérique"
      />
      <ZoneTexte
        {...champ('experience_public')}
        libelle="Expérience auprès du public"
        aide="Accueil, animation, accompagnement, bénévolat…"
        requis={false}
        maxlength={2000}
      />
      <ChoixListe
        {...champ('niveau_pix')}
        libelle="Certification PIX (facultatif)"
        options={[
          { valeur: '1', libelle: 'Niveau 1 — débutant' },
          { valeur: '2', libelle: 'Niveau 2 — intermédiaire' },
          { valeur: '3', libelle: 'Niveau 3 — avancé' },
        ]}
        requis={false}
        videLibelle="Pas de certification"
      />
      <ZoneTexte
        {...champ('motivation')}
        libelle="Votre motivation"
        aide="Entre 20 et 2 500 caractères."
        maxlength={2500}
      />
      {avecCv ? (
        <ChampFichier
          nom="cv"
          libelle="CV"
          aide="Un fichier PDF de 2 Mo au plus, conservé six mois."
          requis={false}
          accepte={PDF}
          erreur={e.cv}
        />
      ) : (
        ''
      )}
    </GroupeChamps>
  )
}

/** What the CV field offers in the browser's picker (the server checks the file itself). */
const PDF = 'application/pdf,.pdf'

/** Uploading a CV (PDF, 2 MB at most): read by the routes' upload plugin, kept six months. */
function DepotCv({ csrf, e }: { csrf: string; e: ErreursFormulaire }) {
  return (
    <form method="post" action="/candidat/cv" enctype="multipart/form-data" novalidate>
      <Csrf jeton={csrf} />
      <ChampFichier
        nom="cv"
        libelle="Déposer un CV"
        aide="Un fichier PDF de 2 Mo au plus, conservé six mois. Il remplace le précédent."
        accepte={PDF}
        erreur={e.cv}
      />
      <Bouton variante="secondaire">Envoyer le CV</Bouton>
    </form>
  )
}
