import Html from '@kitajs/html'
import { Bouton, GroupeBoutons, LienBouton } from '../../../platform/layout/boutons'
import {
  Champ,
  Csrf,
  type ErreursFormulaire,
  EtatVide,
  ResumeErreurs,
  Tableau,
} from '../../../platform/layout/components'
import type { MandatComplet } from '../db/mandats-repository'
import {
  DEMARCHES,
  type Demarche,
  DUREES,
  type Duree,
  libelleDuree,
  titreDemarche,
} from '../domain/demarches'
import { paragraphesMandat } from '../domain/texte-mandat'
import { Badge, dateFr, dateHeureFr } from './commun'

type Statut = 'actif' | 'expire' | 'revoque'
type Utilisation = { le: Date; demarche: string | null; aidant: string }

export function ListeMandats(p: {
  csrf: string
  mandats: readonly MandatComplet[]
  statut: (m: MandatComplet) => Statut
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
  m: MandatComplet
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
              <form method="post" action={`${base}/${m.id}/revoquer`} class="escale-form-en-ligne">
                <Csrf jeton={p.csrf} />
                <input type="hidden" name="autorisation" value={a.id} />
                <Bouton
                  variante="tertiaire-sans-bordure"
                  taille="sm"
                  titre={`Révoquer la démarche ${titreDemarche(a.demarche)}`}
                >
                  {Html.escapeHtml(`Révoquer « ${titreDemarche(a.demarche)} »`)}
                </Bouton>
              </form>
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
  if (statut === 'actif')
    boutons.push(
      <form method="post" action={`${base}/${m.id}/revoquer`}>
        <Csrf jeton={csrf} />
        <Bouton variante="tertiaire">Révoquer tout le mandat</Bouton>
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
    <GroupeBoutons enLigne="md" taille="sm">
      {boutons}
    </GroupeBoutons>
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
        <fieldset
          class={`fr-fieldset${e.demarches ? ' fr-fieldset--error' : ''}`}
          id="demarches"
          aria-labelledby="demarches-legende"
        >
          <legend class="fr-fieldset__legend" id="demarches-legende">
            Démarches couvertes par le mandat
          </legend>
          {DEMARCHES.filter((d) => p.autorisees.includes(d.cle)).map((d) => (
            <div class="fr-fieldset__element">
              <div class="fr-checkbox-group">
                <input
                  type="checkbox"
                  id={`demarche-${d.cle}`}
                  name="demarches"
                  value={d.cle}
                  checked={p.valeurs?.demarches?.includes(d.cle)}
                />
                <label class="fr-label" for={`demarche-${d.cle}`}>
                  {Html.escapeHtml(d.titre)}
                  <span class="fr-hint-text">
                    {d.cle === 'argent'
                      ? `${d.exemples}. Attention : la Banque de France rappelle qu’un aidant ne gère pas les comptes bancaires de l’usager.`
                      : d.exemples}
                  </span>
                </label>
              </div>
            </div>
          ))}
          {e.demarches ? (
            <p class="fr-error-text fr-ml-1w" safe>
              {e.demarches}
            </p>
          ) : (
            ''
          )}
        </fieldset>
        <fieldset
          class={`fr-fieldset${e.duree ? ' fr-fieldset--error' : ''}`}
          id="duree"
          aria-labelledby="duree-legende"
        >
          <legend class="fr-fieldset__legend" id="duree-legende">
            Durée du mandat
          </legend>
          {DUREES.map((d) => (
            <div class="fr-fieldset__element">
              <div class="fr-radio-group">
                <input
                  type="radio"
                  id={`duree-${d.cle}`}
                  name="duree"
                  value={d.cle}
                  checked={p.valeurs?.duree === d.cle}
                />
                <label class="fr-label" for={`duree-${d.cle}`}>
                  {d.libelle}
                </label>
              </div>
            </div>
          ))}
          {e.duree ? (
            <p class="fr-error-text fr-ml-1w" safe>
              {e.duree}
            </p>
          ) : (
            ''
          )}
        </fieldset>
        <button class="fr-btn" type="submit">
          Identifier l’usager avec FranceConnect
        </button>
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
          <span safe>{p.usager.dateNaissance}</span>, autorise la structure{' '}
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
          <button class="fr-btn fr-btn--secondary" type="submit">
            Envoyer la demande d’accord
          </button>
        </form>
      </details>
      <form method="post" action={`/aidants/mandats/recapitulatif/${p.id}`} novalidate>
        <Csrf jeton={p.csrf} />
        <div class={`fr-checkbox-group fr-mb-3w${e.consentement ? ' fr-checkbox-group--error' : ''}`}>
          <input type="checkbox" id="consentement" name="consentement" value="oui" />
          <label class="fr-label" for="consentement">
            L’usager a été informé de ses droits et a donné son accord pour ce mandat.
          </label>
          {e.consentement ? (
            <p class="fr-error-text" safe>
              {e.consentement}
            </p>
          ) : (
            ''
          )}
        </div>
        <Champ
          nom="code"
          libelle="Code à 6 chiffres de votre carte ou application"
          aide="Pour signer le mandat, saisissez votre code de connexion."
          inputmode="numeric"
          autocomplete="one-time-code"
          maxlength={6}
          erreur={e.code}
        />
        <button class="fr-btn" type="submit">
          Signer le mandat
        </button>
      </form>
    </>
  )
}

export function AttestationPage(p: {
  nature: 'mandat' | 'revocation'
  organisation: string
  usager: string
  demarches: readonly Demarche[]
  duree: Duree
  creeLe: Date
  expireLe: Date
  revoqueLe: Date | null
  versionTexte: string
  hash: string
  urlVerification: string
  qrSvg: string
  urlPdf: string
}) {
  // The text of the version the mandate was signed under, the same as in the PDF.
  const texte = paragraphesMandat(p.versionTexte, {
    usager: p.usager,
    organisation: p.organisation,
    demarches: p.demarches,
    duree: p.duree,
    creeLe: dateFr(p.creeLe),
    expireLe: dateFr(p.expireLe),
  })
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
      <p class="fr-text--sm" safe>{`Texte du mandat, version du ${p.versionTexte}.`}</p>
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
        <a class="fr-btn fr-btn--secondary" href="/aidants/espace">
          Retour à mes usagers
        </a>
      </p>
    </article>
  )
}
