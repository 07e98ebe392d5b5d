import Html from '@kitajs/html'
import type { Valeurs } from '../../../platform/http/formulaire'
import { Bouton } from '../../../platform/layout/boutons'
import { dateFr, ZoneTexte } from '../../../platform/layout/champs'
import {
  Champ,
  ChoixListe,
  Csrf,
  type ErreursFormulaire,
  ResumeErreurs,
} from '../../../platform/layout/components'
import {
  LIBELLES_MOTIF_FIN,
  LIBELLES_STATUT_MISE_EN_RELATION,
  MOTIFS_FIN,
  type StatutMiseEnRelation,
} from '../domain/statuts'
import { SITUATIONS } from '../http/recrutement.form'
import { lierChamps } from './formulaire'
import type { VueCandidature, VueMiseEnRelation, VueStructure } from './modeles'

export interface CandidatClasse {
  score: number
  distanceKm: number
  raisons: string[]
  candidature: VueCandidature
  statut: string | undefined
}

export function CandidatsPage(p: {
  csrf: string
  structure: VueStructure
  candidats: readonly CandidatClasse[]
}) {
  return (
    <>
      <h1 class="fr-mt-4w">Candidats classés pour {Html.escapeHtml(p.structure.nom)}</h1>
      <p>
        Les candidats dont le rayon de mobilité couvre votre structure, du plus adapté au moins adapté. Le
        score sur 100 tient compte de la distance, de la date de disponibilité et du profil ; ses raisons sont
        détaillées.
      </p>
      {p.candidats.length === 0 ? (
        <p>Aucun candidat disponible dans votre secteur pour l’instant.</p>
      ) : (
        <ol class="fr-raw-list">
          {p.candidats.map((c, i) => (
            <li class="fr-mb-4w">
              <div>
                <div>
                  <h2 class="fr-h5 fr-mb-1w">
                    <a href={`/structure/candidats/${c.candidature.id}`}>
                      {i + 1}. {Html.escapeHtml(`${c.candidature.prenom} ${c.candidature.nom}`)} — score{' '}
                      {c.score} / 100
                    </a>
                  </h2>
                  <p class="fr-mb-1w">
                    {Html.escapeHtml(c.candidature.nomCommune)} —{' '}
                    {Html.escapeHtml(SITUATIONS[c.candidature.situation as keyof typeof SITUATIONS] ?? '')}
                    {c.statut
                      ? ` — ${Html.escapeHtml(LIBELLES_STATUT_MISE_EN_RELATION[c.statut as StatutMiseEnRelation])}`
                      : ''}
                  </p>
                  <p class="fr-text--sm fr-mb-0">Raisons du rang :</p>
                  <ul class="fr-text--sm">
                    {c.raisons.map((r) => (
                      <li safe>{r}</li>
                    ))}
                  </ul>
                </div>
              </div>
            </li>
          ))}
        </ol>
      )}
    </>
  )
}

export function CandidatPage(p: {
  csrf: string
  candidature: VueCandidature
  mer: VueMiseEnRelation | undefined
  classement: { score: number; distanceKm: number; raisons: string[] } | undefined
  aUnCv: boolean
  e: ErreursFormulaire
  /** What was typed, shown again after a refused form (the forms shown together have distinct fields). */
  v?: Valeurs
}) {
  const c = p.candidature
  const v = p.v ?? {}
  const statut = p.mer?.statut as StatutMiseEnRelation | undefined
  const contactVisible = c.coordonneesVisibles || !!p.mer
  return (
    <>
      <h1 class="fr-mt-4w" safe>
        {`${c.prenom} ${c.nom}`}
      </h1>
      <ResumeErreurs erreurs={p.e} />
      {p.classement ? (
        <p>
          Score {p.classement.score} / 100 : {Html.escapeHtml(p.classement.raisons.join(' ; '))}.
        </p>
      ) : (
        ''
      )}
      <FicheCandidat candidature={c} contactVisible={contactVisible} />
      {p.aUnCv && contactVisible ? (
        <p>
          <a class="fr-link" href={`/structure/candidats/${c.id}/cv`}>
            Télécharger le CV (PDF)
          </a>
        </p>
      ) : (
        ''
      )}
      <p>
        État :{' '}
        <strong>{statut ? LIBELLES_STATUT_MISE_EN_RELATION[statut] : 'Pas encore présélectionné'}</strong>
      </p>
      <ActionsCandidat csrf={p.csrf} candidature={c} mer={p.mer} e={p.e} v={v} />
    </>
  )
}

/** What the candidate wrote; their contact details once the structure follows them. */
function FicheCandidat({
  candidature: c,
  contactVisible,
}: {
  candidature: VueCandidature
  contactVisible: boolean
}) {
  return (
    <dl>
      <dt>Commune</dt>
      <dd safe>{`${c.nomCommune} (rayon de ${c.rayonKm} km)`}</dd>
      <dt>Disponible le</dt>
      <dd safe>{dateFr(c.disponibleLe)}</dd>
      <dt>Situation</dt>
      <dd safe>{SITUATIONS[c.situation as keyof typeof SITUATIONS] ?? c.situation}</dd>
      <dt>Diplômes</dt>
      <dd safe>{c.diplomes || '—'}</dd>
      <dt>Expérience auprès du public</dt>
      <dd safe>{c.experiencePublic || '—'}</dd>
      <dt>Certification PIX</dt>
      <dd>{c.niveauPix ? `niveau ${c.niveauPix}` : 'aucune'}</dd>
      <dt>Motivation</dt>
      <dd safe>{c.motivation}</dd>
      <dt>Coordonnées</dt>
      <dd>{contactVisible ? `${c.email} — ${c.telephone}` : 'Visibles après présélection.'}</dd>
    </dl>
  )
}

/** The hiring steps the follow-up's state allows: preselect, interview, recruit, decline, departure. */
function ActionsCandidat({
  csrf,
  candidature: c,
  mer,
  e,
  v,
}: {
  csrf: string
  candidature: VueCandidature
  mer: VueMiseEnRelation | undefined
  e: ErreursFormulaire
  v: Valeurs
}) {
  const statut = mer?.statut as StatutMiseEnRelation | undefined
  const champ = lierChamps(v, e)
  return (
    <>
      {!statut || statut === 'non_retenue' || statut === 'terminee' ? (
        <form method="post" action={`/structure/candidats/${c.id}/preselection`}>
          <Csrf jeton={csrf} />
          <Bouton>Présélectionner</Bouton>
        </form>
      ) : (
        ''
      )}
      {statut === 'recrutee' ? (
        <form method="post" action={`/structure/candidats/${c.id}/depart`} class="fr-mt-2w" novalidate>
          <Csrf jeton={csrf} />
          <h2 class="fr-h5">Déclarer un départ</h2>
          <p safe>{`Contrat du ${dateFr(mer?.debutContrat)} au ${dateFr(mer?.finContrat)}.`}</p>
          <ChoixListe
            {...champ('motif')}
            libelle="Motif"
            options={MOTIFS_FIN.map((m) => ({ valeur: m, libelle: LIBELLES_MOTIF_FIN[m] }))}
            videLibelle="Choisir le motif"
          />
          <Champ {...champ('le')} libelle="Date de fin" type="date" />
          <Bouton variante="tertiaire">Déclarer le départ</Bouton>
        </form>
      ) : (
        ''
      )}
      {statut === 'preselectionnee' || statut === 'entretien' ? (
        <>
          <h2 class="fr-h5 fr-mt-4w">Entretien</h2>
          <form method="post" action={`/structure/candidats/${c.id}/entretien`} novalidate>
            <Csrf jeton={csrf} />
            <Champ
              nom="le"
              libelle="Date de l’entretien"
              type="date"
              valeur={v.le ?? mer?.entretienLe ?? ''}
              erreur={e.le}
            />
            <ZoneTexte
              nom="note"
              libelle="Notes d’entretien"
              valeur={v.note ?? mer?.noteEntretien ?? ''}
              erreur={e.note}
              maxlength={2000}
            />
            <Bouton variante="secondaire">Enregistrer l’entretien</Bouton>
          </form>
          <h2 class="fr-h5 fr-mt-4w">Recruter</h2>
          <form method="post" action={`/structure/candidats/${c.id}/recrutement`} novalidate>
            <Csrf jeton={csrf} />
            <ChoixListe
              {...champ('type_contrat')}
              libelle="Durée du contrat"
              options={[
                { valeur: '2ans', libelle: '2 ans' },
                { valeur: '3ans', libelle: '3 ans' },
              ]}
              videLibelle="Choisir"
            />
            <Champ {...champ('debut')} libelle="Date de début du contrat" type="date" />
            <Bouton>Recruter ce candidat</Bouton>
          </form>
          <form method="post" action={`/structure/candidats/${c.id}/non-retenu`} class="fr-mt-2w">
            <Csrf jeton={csrf} />
            <Bouton variante="tertiaire">Ne pas retenir</Bouton>
          </form>
        </>
      ) : (
        ''
      )}
    </>
  )
}
