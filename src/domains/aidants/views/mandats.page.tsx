import Html from '@kitajs/html'
import { Bouton, GroupeBoutons, LienBouton } from '../../../platform/layout/boutons'
import { Case, Radios } from '../../../platform/layout/champs'
import {
  Champ,
  Csrf,
  type ErreursFormulaire,
  EtatVide,
  ResumeErreurs,
  Tableau,
} from '../../../platform/layout/components'
import {
  DEMARCHES,
  type Demarche,
  DUREES,
  type Duree,
  libelleDuree,
  titreDemarche,
} from '../domain/demarches'
import { type AttestationPdf, texteAttestation } from './attestation-pdf'
import { Badge, ConfirmerRevocation, dateFr, dateHeureFr, GroupeOptions, versionDuTexte } from './commun'

type Statut = 'actif' | 'expire' | 'revoque'
type Utilisation = { le: Date; demarche: string | null; aidant: string }

/** What a mandate card reads: the mandate, its authorisations and whether it has a revocation attestation. */
export interface VueMandat {
  id: string
  creeLe: Date
  expireLe: Date
  duree: Duree
  hashRevocation: string | null
  autorisations: readonly { id: string; demarche: Demarche; revoqueeLe: Date | null }[]
}

export function ListeMandats<M extends VueMandat>(p: {
  csrf: string
  mandats: readonly M[]
  statut: (m: M) => Statut
  actions: 'aidant' | 'usager'
  utilisations?: ReadonlyMap<string, Utilisation[]>
}) {
  if (p.mandats.length === 0) return <EtatVide titre="Aucun mandat" />
  return (
    <>
      {p.mandats.map((m) => (
        <CarteMandat
          csrf={p.csrf}
          m={m}
          statut={p.statut(m)}
          actions={p.actions}
          utilisations={p.utilisations?.get(m.id) ?? []}
        />
      ))}
    </>
  )
}

interface ProprietesMandat {
  csrf: string
  m: VueMandat
  statut: Statut
  actions: 'aidant' | 'usager'
}

function CarteMandat(p: ProprietesMandat & { utilisations: readonly Utilisation[] }) {
  const { m, statut } = p
  const base = p.actions === 'aidant' ? '/aidants/mandats' : '/mes-mandats'
  return (
    <section class="fr-card fr-card--no-arrow fr-mb-3w fr-p-3w">
      <h3 class="fr-h5" safe>
        {`Mandat du ${dateFr(m.creeLe)} — ${libelleDuree(m.duree)}`}
      </h3>
      <Badge statut={statut} />
      <p class="fr-mt-1w" safe>
        {`Expire le ${dateFr(m.expireLe)}`}
      </p>
      <ul>
        {m.autorisations.map((a) => (
          <li>
            <span safe>{titreDemarche(a.demarche)}</span>
            {a.revoqueeLe ? (
              <span class="fr-text--sm" safe>{` — révoquée le ${dateFr(a.revoqueeLe)}`}</span>
            ) : statut === 'actif' ? (
              <ConfirmerRevocation
                csrf={p.csrf}
                action={`${base}/${m.id}/revoquer`}
                autorisation={a.id}
                taille="sm"
                libelle={`Révoquer « ${titreDemarche(a.demarche)} »`}
                consequence={`Plus aucune démarche « ${titreDemarche(a.demarche)} » ne pourra être faite au titre de ce mandat. Les autres démarches du mandat restent couvertes. On ne peut pas revenir en arrière : il faudra un nouveau mandat.`}
                confirmation={`Confirmer la révocation de « ${titreDemarche(a.demarche)} »`}
              />
            ) : (
              ''
            )}
          </li>
        ))}
      </ul>
      {p.utilisations.length > 0 ? (
        <Tableau
          legende="Utilisations du mandat"
          entetes={['Date', 'Démarche', 'Aidant']}
          lignes={p.utilisations.map((u) => [
            <span safe>{dateHeureFr(u.le)}</span>,
            <span>{u.demarche ? titreDemarche(u.demarche as Demarche) : ''}</span>,
            <span safe>{u.aidant}</span>,
          ])}
        />
      ) : p.actions === 'usager' ? (
        <p class="fr-text--sm">Ce mandat n’a pas encore été utilisé.</p>
      ) : (
        ''
      )}
      <ActionsMandat {...p} />
    </section>
  )
}

/** Attestation, renewal and revocation of one mandate: what the aidant and the usager may each do. */
function ActionsMandat({ csrf, m, statut, actions }: ProprietesMandat) {
  const base = actions === 'aidant' ? '/aidants/mandats' : '/mes-mandats'
  const boutons: JSX.Element[] = [
    actions === 'aidant' ? (
      <LienBouton variante="secondaire" href={`/aidants/mandats/${m.id}/attestation`}>
        Attestation
      </LienBouton>
    ) : (
      <LienBouton variante="secondaire" href={`/mes-mandats/${m.id}/attestation.pdf`}>
        Attestation (PDF)
      </LienBouton>
    ),
  ]
  if (actions === 'aidant' && statut !== 'revoque')
    boutons.push(
      <form method="post" action={`/aidants/mandats/${m.id}/renouveler`}>
        <Csrf jeton={csrf} />
        <Bouton variante="secondaire">Renouveler</Bouton>
      </form>,
    )
  if (m.hashRevocation)
    boutons.push(
      actions === 'aidant' ? (
        <LienBouton variante="tertiaire" href={`/aidants/mandats/${m.id}/attestation?revocation=1`}>
          Attestation de révocation
        </LienBouton>
      ) : (
        <LienBouton variante="tertiaire" href={`/mes-mandats/${m.id}/attestation.pdf?revocation=1`}>
          Attestation de révocation (PDF)
        </LienBouton>
      ),
    )
  return (
    <>
      <GroupeBoutons enLigne="md" taille="sm">
        {boutons}
      </GroupeBoutons>
      {statut === 'actif' ? (
        <ConfirmerRevocation
          csrf={csrf}
          action={`${base}/${m.id}/revoquer`}
          libelle="Révoquer tout le mandat"
          consequence="Plus aucune démarche ne pourra être faite au titre de ce mandat, dès maintenant. On ne peut pas revenir en arrière : il faudra un nouveau mandat. Une attestation de révocation sera disponible."
          confirmation="Confirmer la révocation du mandat"
        />
      ) : (
        ''
      )}
    </>
  )
}

export function NouveauMandatPage(p: {
  csrf: string
  organisation: string
  autorisees: readonly Demarche[]
  erreurs?: ErreursFormulaire
  valeurs?: { demarches?: readonly string[]; duree?: string }
}) {
  const e = p.erreurs ?? {}
  return (
    <>
      <h1>Créer un mandat</h1>
      <p>
        Le mandat est donné par l’usager à la structure <strong safe>{p.organisation}</strong>. L’usager doit
        être présent : il s’identifiera avec FranceConnect à l’étape suivante.
      </p>
      <ResumeErreurs erreurs={e} />
      <form method="post" action="/aidants/mandats/nouveau" novalidate>
        <Csrf jeton={p.csrf} />
        <GroupeOptions
          type="checkbox"
          nom="demarches"
          legende="Démarches couvertes par le mandat"
          erreur={e.demarches}
          options={DEMARCHES.filter((d) => p.autorisees.includes(d.cle)).map((d) => ({
            id: `demarche-${d.cle}`,
            valeur: d.cle,
            libelle: d.titre,
            aide:
              d.cle === 'argent'
                ? `${d.exemples}. Attention : la Banque de France rappelle qu’un aidant ne gère pas les comptes bancaires de l’usager.`
                : d.exemples,
            coche: p.valeurs?.demarches?.includes(d.cle),
          }))}
        />
        <Radios
          nom="duree"
          legende="Durée du mandat"
          options={DUREES.map((d) => ({ valeur: d.cle, libelle: d.libelle }))}
          valeur={p.valeurs?.duree}
          erreur={e.duree}
        />
        <Bouton>Identifier l’usager avec FranceConnect</Bouton>
      </form>
    </>
  )
}

export function RecapitulatifPage(p: {
  csrf: string
  id: string
  organisation: string
  usager: { prenoms: string; nom: string; dateNaissance: string }
  demarches: readonly Demarche[]
  duree: string
  renouvellement: boolean
  consentementSms?: 'aucun' | 'attente' | 'accepte' | 'refuse' | 'expire'
  erreurs?: ErreursFormulaire
}) {
  const e = p.erreurs ?? {}
  const sms = p.consentementSms ?? 'aucun'
  return (
    <>
      <h1>{p.renouvellement ? 'Renouveler le mandat' : 'Récapitulatif du mandat'}</h1>
      <ResumeErreurs erreurs={e} />
      <div class="fr-callout fr-mb-3w">
        <p>
          <span safe>{`${p.usager.prenoms} ${p.usager.nom}`}</span>, né·e le{' '}
          <span safe>{dateFr(p.usager.dateNaissance)}</span>, autorise la structure{' '}
          <strong safe>{p.organisation}</strong> à réaliser en son nom, pendant{' '}
          <strong safe>{p.duree}</strong>, les démarches suivantes :
        </p>
        <ul>
          {p.demarches.map((d) => (
            <li safe>{titreDemarche(d)}</li>
          ))}
        </ul>
        <p class="fr-text--sm">
          Lisez ce récapitulatif à l’usager. Il peut révoquer ce mandat à tout moment, auprès de la structure
          ou lui-même sur la page « Mes mandats ».
        </p>
      </div>
      <details class="fr-mb-3w" open={sms !== 'aucun'}>
        <summary>L’usager n’est pas présent : demander son accord par SMS</summary>
        {sms === 'aucun' ? (
          ''
        ) : (
          <p
            class={`fr-badge fr-mt-1w ${sms === 'accepte' ? 'fr-badge--success' : sms === 'attente' ? 'fr-badge--info' : 'fr-badge--error'}`}
          >
            {Html.escapeHtml(
              {
                attente: 'SMS envoyé, en attente de réponse',
                accepte: 'Accord de l’usager reçu par SMS',
                refuse: 'L’usager a refusé',
                expire: 'Demande expirée',
                aucun: '',
              }[sms],
            )}
          </p>
        )}
        <form method="post" action={`/aidants/mandats/recapitulatif/${p.id}/sms`} novalidate>
          <Csrf jeton={p.csrf} />
          <Champ
            nom="telephone"
            libelle="Portable de l’usager"
            aide="Le numéro n’est pas conservé. L’usager lit le mandat et répond depuis le lien reçu (30 minutes)."
            type="tel"
            autocomplete="off"
            erreur={e.telephone}
          />
          <Bouton variante="secondaire">Envoyer la demande d’accord</Bouton>
        </form>
      </details>
      <form method="post" action={`/aidants/mandats/recapitulatif/${p.id}`} novalidate>
        <Csrf jeton={p.csrf} />
        <Case
          nom="consentement"
          libelle="L’usager a été informé de ses droits et a donné son accord pour ce mandat."
          erreur={e.consentement}
        />
        <Champ
          nom="code"
          libelle="Code à 6 chiffres de votre carte ou application"
          aide="Pour signer le mandat, saisissez votre code de connexion."
          inputmode="numeric"
          autocomplete="one-time-code"
          maxlength={6}
          erreur={e.code}
        />
        <Bouton>Signer le mandat</Bouton>
      </form>
    </>
  )
}

/** The attestation on screen: the facts of the PDF, its QR code as an image, a link to the PDF itself. */
export function AttestationPage(p: AttestationPdf & { qrSvg: string; urlPdf: string }) {
  // The text of the version the mandate was signed under, the same as in the PDF.
  const texte = texteAttestation(p)
  return (
    <article class="escale-attestation">
      <h1>{p.nature === 'mandat' ? 'Attestation de mandat' : 'Attestation de révocation de mandat'}</h1>
      <p class="escale-sans-impression">
        <a class="fr-link fr-icon-download-line fr-link--icon-left" href={p.urlPdf}>
          Télécharger l’attestation (PDF à imprimer)
        </a>
      </p>
      {p.nature === 'mandat' ? (
        <>
          {texte.preambule.map((t) => (
            <p safe>{t}</p>
          ))}
          <ul>
            {texte.demarches.map((d) => (
              <li safe>{d}</li>
            ))}
          </ul>
          {texte.conditions.map((t) => (
            <p safe>{t}</p>
          ))}
        </>
      ) : (
        <p safe>
          {`Le mandat donné par ${p.usager} à la structure ${p.organisation} le ${dateFr(p.creeLe)} a été révoqué le ${p.revoqueLe ? dateFr(p.revoqueLe) : ''}.`}
        </p>
      )}
      <p class="fr-text--sm" safe>{`Texte du mandat, version du ${versionDuTexte(p.versionTexte)}.`}</p>
      <div class="fr-grid-row fr-grid-row--gutters fr-mt-3w">
        <div class="fr-col-6">
          <p>Signature de l’usager :</p>
        </div>
        <div class="fr-col-6">
          <p>Signature de l’aidant :</p>
        </div>
      </div>
      <div class="fr-mt-6w">
        <p>Vérifier cette attestation :</p>
        <img
          src={p.qrSvg}
          alt="Code QR menant à la page de vérification de l’attestation"
          width="160"
          height="160"
        />
        <p class="fr-text--sm">
          <a href={p.urlVerification} safe>
            {p.urlVerification}
          </a>
        </p>
      </div>
      <p class="escale-sans-impression fr-mt-3w">
        <LienBouton variante="secondaire" href="/aidants/espace">
          Retour à mes usagers
        </LienBouton>
      </p>
    </article>
  )
}
