import Html from '@kitajs/html'
import { Bouton, LienBouton } from '../../../platform/layout/boutons'
import { Badge, Case, dateFr } from '../../../platform/layout/champs'
import { Champ, Csrf, Tableau } from '../../../platform/layout/components'
import { nombreDe } from '../../../platform/pluriel'
import { euros } from '../domain/financement'
import {
  LIBELLES_MOTIF_FIN,
  LIBELLES_STATUT_MISE_EN_RELATION,
  LIBELLES_STATUT_STRUCTURE,
  type StatutMiseEnRelation,
  type StatutStructure,
  structurePeutPasser,
} from '../domain/statuts'
import type {
  VueCandidature,
  VueConvention,
  VueDecision,
  VueMiseEnRelation,
  VueStructure,
  VueVersement,
} from './modeles'

export interface VueConventionEtVersements {
  convention: VueConvention
  versements: VueVersement[]
}

export function EspaceStructurePage(p: {
  csrf: string
  structure: VueStructure
  decisions: readonly VueDecision[]
  conventions: readonly VueConventionEtVersements[]
  equipe: readonly { mer: VueMiseEnRelation; candidature: VueCandidature }[]
  commentairePrefecture?: string | undefined
  erreur?: string | undefined
}) {
  const s = p.structure
  const recrutes = p.equipe.filter((x) => x.mer.statut === 'recrutee')
  const suivis = p.equipe.filter((x) =>
    ['preselectionnee', 'entretien', 'non_retenue'].includes(x.mer.statut),
  )
  const partis = p.equipe.filter((x) => x.mer.statut === 'terminee')
  return (
    <>
      <h1 class="fr-mt-4w" safe>
        {s.nom}
      </h1>
      {p.erreur ? (
        <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-3w" role="alert">
          <p safe>{p.erreur}</p>
        </div>
      ) : (
        ''
      )}
      <p>
        Statut : <strong safe>{LIBELLES_STATUT_STRUCTURE[s.statut as StatutStructure] ?? s.statut}</strong> —
        postes validés : <strong>{s.postesValides}</strong>, pourvus : <strong>{recrutes.length}</strong>,
        vacants : <strong>{Math.max(0, s.postesValides - recrutes.length)}</strong>
      </p>
      {s.statut === 'a_completer' ? (
        <div class="fr-alert fr-alert--warning fr-mb-3w">
          <h2 class="fr-alert__title">La préfecture demande de compléter votre candidature</h2>
          {p.commentairePrefecture ? <p safe>{p.commentairePrefecture}</p> : ''}
          <p>
            <a class="fr-link" href="/structure/candidature">
              Compléter la candidature
            </a>
          </p>
        </div>
      ) : s.statut === 'deposee' ? (
        <p>
          Votre candidature attend l’avis de la préfecture.{' '}
          <a class="fr-link" href="/structure/candidature">
            Modifier la candidature
          </a>
        </p>
      ) : (
        ''
      )}
      {s.postesValides > 0 ? (
        <p>
          <LienBouton href="/structure/candidats">Voir les candidats classés</LienBouton>
        </p>
      ) : (
        <p>
          Vous pourrez voir les candidats de votre secteur quand le comité national aura validé des postes.
        </p>
      )}
      {p.decisions.length === 0 ? (
        <p class="fr-mt-4w">Aucune décision du comité national pour l’instant.</p>
      ) : (
        <Tableau
          legende="Décisions du comité national"
          entetes={['Numéro', 'Date', 'Décision', 'Postes', 'Montant']}
          lignes={p.decisions.map((d) => [
            <span safe>{d.numero}</span>,
            <span safe>{dateFr(d.dateDecision)}</span>,
            <span>
              {d.avis === 'validee' ? 'Validée' : d.avis === 'refusee' ? 'Refusée' : 'Examen complémentaire'}
            </span>,
            <span>{d.postesAccordes}</span>,
            <span safe>{euros(d.montantEuros)}</span>,
          ])}
        />
      )}
      {p.conventions.map((vue) => (
        <CarteConvention csrf={p.csrf} vue={vue} />
      ))}
      <Equipe recrutes={recrutes} suivis={suivis} partis={partis} />
      {s.postesValides === 0 && structurePeutPasser(s.statut as StatutStructure, 'abandonnee') ? (
        <Abandon csrf={p.csrf} />
      ) : (
        ''
      )}
    </>
  )
}

/** One funding agreement: its terms, the PDF, the signature form until signed, the payment schedule. */
function CarteConvention({
  csrf,
  vue: { convention: c, versements },
}: {
  csrf: string
  vue: VueConventionEtVersements
}) {
  return (
    <section class="fr-mt-4w">
      <h2 class="fr-h4">Convention {Html.escapeHtml(c.numero)}</h2>
      <p>
        {Html.escapeHtml(nombreDe(c.postes, 'poste'))}, {Html.escapeHtml(euros(c.montantEuros))} (
        {Html.escapeHtml(euros(c.tauxEuros))} par poste), à partir du {Html.escapeHtml(dateFr(c.debut))} pour{' '}
        {c.dureeMois} mois — version {c.version}.
      </p>
      <p>
        <a
          class="fr-link fr-icon-download-line fr-link--icon-left"
          href={`/structure/conventions/${c.id}/pdf`}
        >
          Télécharger la convention (PDF)
        </a>
      </p>
      {c.signeeLe ? (
        <p>
          <Badge texte={`Signée par ${c.signataire ?? ''}`} type="success" />
        </p>
      ) : (
        <form method="post" action={`/structure/conventions/${c.id}/signature`} novalidate>
          <Csrf jeton={csrf} />
          <Champ nom="signataire" libelle="Nom et fonction du signataire" />
          <Bouton>Enregistrer la signature</Bouton>
        </form>
      )}
      <Tableau
        legende="Échéancier des versements"
        entetes={['Versement', 'Date prévue', 'Montant', 'État']}
        lignes={versements.map((v) => [
          <span>{v.rang}</span>,
          <span safe>{dateFr(v.datePrevue)}</span>,
          <span safe>{euros(v.montantEuros)}</span>,
          <span>{v.payeLe ? `Payé le ${dateFr(v.payeLe)}` : 'Prévu'}</span>,
        ])}
      />
    </section>
  )
}

type Membre = { mer: VueMiseEnRelation; candidature: VueCandidature }

/** The structure's conseillers: recruited, followed, gone. */
function Equipe({ recrutes, suivis, partis }: { recrutes: Membre[]; suivis: Membre[]; partis: Membre[] }) {
  return (
    <>
      <h2 class="fr-h4 fr-mt-4w">Conseillers recrutés</h2>
      {recrutes.length === 0 ? (
        <p>Aucun conseiller recruté pour l’instant.</p>
      ) : (
        recrutes.map(({ mer, candidature: c }) => (
          <div class="fr-mb-3w">
            <div>
              <div>
                <h3 class="fr-h5 fr-mb-1w" safe>
                  {`${c.prenom} ${c.nom}`}
                </h3>
                <p class="fr-mb-1w">
                  Contrat de {mer.typeContrat === '3ans' ? 'trois' : 'deux'} ans, du{' '}
                  {Html.escapeHtml(dateFr(mer.debutContrat))} au {Html.escapeHtml(dateFr(mer.finContrat))}.
                </p>
                <p>
                  <a href={`/structure/candidats/${c.id}`}>Fiche et départ</a>
                </p>
              </div>
            </div>
          </div>
        ))
      )}
      {suivis.length > 0 ? (
        <>
          <h2 class="fr-h4 fr-mt-4w">Candidats suivis</h2>
          <ul>
            {suivis.map(({ mer, candidature: c }) => (
              <li>
                <a href={`/structure/candidats/${c.id}`} safe>
                  {`${c.prenom} ${c.nom}`}
                </a>{' '}
                — {Html.escapeHtml(LIBELLES_STATUT_MISE_EN_RELATION[mer.statut as StatutMiseEnRelation])}
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      {partis.length > 0 ? (
        <>
          <h2 class="fr-h4 fr-mt-4w">Départs</h2>
          <ul>
            {partis.map(({ mer, candidature: c }) => (
              <li safe>
                {`${c.prenom} ${c.nom} — ${LIBELLES_MOTIF_FIN[mer.motifFin as keyof typeof LIBELLES_MOTIF_FIN] ?? ''} le ${dateFr(mer.finLe)}`}
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
    </>
  )
}

/** Withdrawing the application, while no post is validated (giving posts back goes through the committee). */
function Abandon({ csrf }: { csrf: string }) {
  return (
    <form method="post" action="/structure/abandon" class="fr-mt-6w">
      <Csrf jeton={csrf} />
      <h2 class="fr-h5">Renoncer</h2>
      <p>
        Si votre structure ne souhaite plus accueillir de conseiller, retirez sa candidature : la préfecture
        en est prévenue et le dossier est clos.
      </p>
      <Case
        nom="confirmation"
        libelle="Je confirme que la structure renonce à sa candidature."
        coche={false}
      />
      <Bouton variante="tertiaire">Abandonner la candidature</Bouton>
    </form>
  )
}
