import Html from '@kitajs/html'
import {
  Champ,
  ChoixListe,
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
import {
  ENGAGEMENTS,
  ETAPES_HABILITATION,
  NOMBRE_ETAPES_HABILITATION,
  TYPES_ORGANISATION,
} from '../domain/habilitation'
import { paragraphesMandat } from '../domain/texte-mandat'

const dateFr = (d: Date) =>
  d.toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' })
const dateHeureFr = (d: Date) =>
  d.toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' })
const STATUTS = { actif: 'Actif', expire: 'Expiré', revoque: 'Révoqué' } as const
const CLASSES = {
  actif: 'fr-badge--success',
  expire: 'fr-badge--warning',
  revoque: 'fr-badge--error',
} as const

export function Badge({ statut }: { statut: 'actif' | 'expire' | 'revoque' }) {
  return <p class={`fr-badge fr-badge--sm ${CLASSES[statut]}`}>{STATUTS[statut]}</p>
}

export function PresentationPage(p: {
  statistiques: { aidants: number; organisations: number; mandats: number }
}) {
  return (
    <>
      <h1>Aidants Connect : faire ses démarches en ligne avec un aidant habilité</h1>
      <p class="fr-text--lead">
        Un aidant professionnel (France services, CCAS, associations…) peut faire une démarche en ligne à
        votre place, avec votre accord écrit (un mandat), sans jamais connaître vos mots de passe.
      </p>
      <div class="fr-grid-row fr-grid-row--gutters fr-mb-4w">
        <div class="fr-col-12 fr-col-md-4">
          <div class="fr-tile">
            <div class="fr-tile__body">
              <h2 class="fr-tile__title">
                <a href="/mes-mandats">Je suis accompagné</a>
              </h2>
              <p class="fr-tile__desc">Voir mes mandats, qui les a utilisés, et les révoquer.</p>
            </div>
          </div>
        </div>
        <div class="fr-col-12 fr-col-md-4">
          <div class="fr-tile">
            <div class="fr-tile__body">
              <h2 class="fr-tile__title">
                <a href="/aidants/habilitation">Habiliter ma structure</a>
              </h2>
              <p class="fr-tile__desc">Demander l’habilitation de votre organisation et de ses aidants.</p>
            </div>
          </div>
        </div>
        <div class="fr-col-12 fr-col-md-4">
          <div class="fr-tile">
            <div class="fr-tile__body">
              <h2 class="fr-tile__title">
                <a href="/aidants/statistiques">Chiffres publics</a>
              </h2>
              <p class="fr-tile__desc">
                {Html.escapeHtml(
                  `${p.statistiques.aidants} aidants habilités, ${p.statistiques.organisations} structures, ${p.statistiques.mandats} mandats.`,
                )}
              </p>
            </div>
          </div>
        </div>
      </div>
      <h2>Les démarches couvertes</h2>
      <ul>
        {DEMARCHES.map((d) => (
          <li safe>{`${d.titre} (${d.exemples})`}</li>
        ))}
      </ul>
    </>
  )
}

export function EspaceAidantPage(p: {
  csrf: string
  organisation: { id: string; nom: string }
  organisations: readonly { id: string; nom: string }[]
  usagers: readonly { id: string; prenoms: string; nom: string; dateNaissance: string; actives: number }[]
}) {
  return (
    <>
      <h1>Mes usagers</h1>
      <div class="fr-callout fr-mb-3w">
        <p class="fr-callout__title">
          Vous agissez pour : <span safe>{p.organisation.nom}</span>
        </p>
        {p.organisations.length > 1 ? (
          <form method="post" action="/aidants/organisation-courante" class="fr-mt-2w">
            <Csrf jeton={p.csrf} />
            <ChoixListe
              nom="organisation"
              libelle="Changer de structure"
              options={p.organisations.map((o) => ({ valeur: o.id, libelle: o.nom }))}
              valeur={p.organisation.id}
            />
            <button class="fr-btn fr-btn--secondary fr-btn--sm" type="submit">
              Changer de structure
            </button>
          </form>
        ) : (
          ''
        )}
      </div>
      <p>
        <a class="fr-btn fr-icon-add-line fr-btn--icon-left" href="/aidants/mandats/nouveau">
          Créer un mandat
        </a>
      </p>
      {p.usagers.length === 0 ? (
        <EtatVide titre="Aucun usager pour l’instant">
          <p>Créez un premier mandat avec une personne identifiée par FranceConnect.</p>
        </EtatVide>
      ) : (
        <Tableau
          legende="Usagers ayant un mandat avec la structure"
          entetes={['Nom', 'Date de naissance', 'Démarches actives']}
          lignes={p.usagers.map((u) => [
            <a href={`/aidants/usagers/${u.id}`} safe>
              {`${u.prenoms} ${u.nom}`}
            </a>,
            <span safe>{u.dateNaissance}</span>,
            <span safe>{String(u.actives)}</span>,
          ])}
        />
      )}
    </>
  )
}

export function ListeMandats(p: {
  csrf: string
  mandats: readonly MandatComplet[]
  statut: (m: MandatComplet) => 'actif' | 'expire' | 'revoque'
  actions: 'aidant' | 'usager'
  utilisations?: ReadonlyMap<string, { le: Date; demarche: string | null; aidant: string }[]>
}) {
  if (p.mandats.length === 0) return <EtatVide titre="Aucun mandat" />
  const base = p.actions === 'aidant' ? '/aidants/mandats' : '/mes-mandats'
  return (
    <>
      {p.mandats.map((m) => {
        const statut = p.statut(m)
        const utilisations = p.utilisations?.get(m.id) ?? []
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
                      <button
                        class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm"
                        type="submit"
                        title={`Révoquer la démarche ${titreDemarche(a.demarche)}`}
                        safe
                      >
                        {`Révoquer « ${titreDemarche(a.demarche)} »`}
                      </button>
                    </form>
                  ) : (
                    ''
                  )}
                </li>
              ))}
            </ul>
            {utilisations.length > 0 ? (
              <Tableau
                legende="Utilisations du mandat"
                entetes={['Date', 'Démarche', 'Aidant']}
                lignes={utilisations.map((u) => [
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
            <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
              {p.actions === 'aidant' ? (
                <li>
                  <a class="fr-btn fr-btn--secondary" href={`/aidants/mandats/${m.id}/attestation`}>
                    Attestation
                  </a>
                </li>
              ) : (
                <li>
                  <a class="fr-btn fr-btn--secondary" href={`/mes-mandats/${m.id}/attestation.pdf`}>
                    Attestation (PDF)
                  </a>
                </li>
              )}
              {p.actions === 'aidant' && statut !== 'revoque' ? (
                <li>
                  <form method="post" action={`/aidants/mandats/${m.id}/renouveler`}>
                    <Csrf jeton={p.csrf} />
                    <button class="fr-btn fr-btn--secondary" type="submit">
                      Renouveler
                    </button>
                  </form>
                </li>
              ) : (
                ''
              )}
              {statut === 'actif' ? (
                <li>
                  <form method="post" action={`${base}/${m.id}/revoquer`}>
                    <Csrf jeton={p.csrf} />
                    <button class="fr-btn fr-btn--tertiary" type="submit">
                      Révoquer tout le mandat
                    </button>
                  </form>
                </li>
              ) : (
                ''
              )}
              {m.hashRevocation ? (
                <li>
                  <a
                    class="fr-btn fr-btn--tertiary"
                    href={
                      p.actions === 'aidant'
                        ? `/aidants/mandats/${m.id}/attestation?revocation=1`
                        : `/mes-mandats/${m.id}/attestation.pdf?revocation=1`
                    }
                  >
                    {p.actions === 'aidant' ? 'Attestation de révocation' : 'Attestation de révocation (PDF)'}
                  </a>
                </li>
              ) : (
                ''
              )}
            </ul>
          </section>
        )
      })}
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

export function VerificationPage(p: {
  trouve: boolean
  nature?: 'mandat' | 'revocation'
  statut?: 'actif' | 'expire' | 'revoque'
  organisation?: string
  creeLe?: Date
  expireLe?: Date
}) {
  return (
    <>
      <h1>Vérifier une attestation Aidants Connect</h1>
      {p.trouve && p.statut && p.creeLe && p.expireLe ? (
        <div class="fr-alert fr-alert--success fr-mb-3w">
          <h2 class="fr-alert__title">Cette attestation est authentique.</h2>
          <p safe>
            {p.nature === 'revocation'
              ? `Attestation de révocation d’un mandat donné à ${p.organisation ?? ''}.`
              : `Mandat donné à ${p.organisation ?? ''} le ${dateFr(p.creeLe)}, jusqu’au ${dateFr(p.expireLe)}.`}
          </p>
          <p safe>{`État actuel du mandat : ${STATUTS[p.statut]}.`}</p>
        </div>
      ) : (
        <div class="fr-alert fr-alert--error fr-mb-3w">
          <h2 class="fr-alert__title">Attestation inconnue</h2>
          <p>Aucun mandat ne correspond à ce code. L’attestation n’a pas été délivrée par Aidants Connect.</p>
        </div>
      )}
      <p class="fr-text--sm">Cette page ne montre aucune donnée personnelle.</p>
    </>
  )
}

export function ChoixUsagerPage(p: {
  csrf: string
  uid: string
  client: string
  organisation: string
  usagers: readonly { id: string; prenoms: string; nom: string; dateNaissance: string }[]
}) {
  return (
    <>
      <h1>Se connecter au nom d’un usager</h1>
      <p>
        Le service <strong safe>{p.client}</strong> demande une connexion avec Aidants Connect. Vous agissez
        pour <strong safe>{p.organisation}</strong>.
      </p>
      {p.usagers.length === 0 ? (
        <EtatVide titre="Aucun usager avec un mandat actif">
          <p>Créez d’abord un mandat avec l’usager.</p>
        </EtatVide>
      ) : (
        <form method="post" action={`/aidants/connexion-demarche/${p.uid}`}>
          <Csrf jeton={p.csrf} />
          <fieldset class="fr-fieldset" aria-labelledby="usager-legende">
            <legend class="fr-fieldset__legend" id="usager-legende">
              Pour quel usager ?
            </legend>
            {p.usagers.map((u) => (
              <div class="fr-fieldset__element">
                <div class="fr-radio-group">
                  <input type="radio" id={`usager-${u.id}`} name="usager" value={u.id} required />
                  <label class="fr-label" for={`usager-${u.id}`} safe>
                    {`${u.prenoms} ${u.nom} (né·e le ${u.dateNaissance})`}
                  </label>
                </div>
              </div>
            ))}
          </fieldset>
          <button class="fr-btn" type="submit">
            Continuer
          </button>
        </form>
      )}
      <form method="post" action={`/aidants/connexion-demarche/${p.uid}/abandonner`} class="fr-mt-3w">
        <Csrf jeton={p.csrf} />
        <button class="fr-btn fr-btn--tertiary" type="submit">
          Annuler et revenir au service
        </button>
      </form>
    </>
  )
}

export function ChoixDemarchePage(p: {
  csrf: string
  uid: string
  usager: { id: string; prenoms: string; nom: string }
  demarches: readonly Demarche[]
}) {
  return (
    <>
      <h1>Choisir la démarche</h1>
      <p safe>{`Démarches couvertes par un mandat actif de ${p.usager.prenoms} ${p.usager.nom} :`}</p>
      {p.demarches.length === 0 ? (
        <EtatVide titre="Aucune démarche possible">
          <p>Aucun mandat actif ne couvre les démarches demandées par ce service.</p>
        </EtatVide>
      ) : (
        <form method="post" action={`/aidants/connexion-demarche/${p.uid}`}>
          <Csrf jeton={p.csrf} />
          <input type="hidden" name="usager" value={p.usager.id} />
          <fieldset class="fr-fieldset" aria-labelledby="demarche-legende">
            <legend class="fr-fieldset__legend" id="demarche-legende">
              Quelle démarche ?
            </legend>
            {p.demarches.map((d) => (
              <div class="fr-fieldset__element">
                <div class="fr-radio-group">
                  <input type="radio" id={`demarche-${d}`} name="demarche" value={d} required />
                  <label class="fr-label" for={`demarche-${d}`} safe>
                    {titreDemarche(d)}
                  </label>
                </div>
              </div>
            ))}
          </fieldset>
          <button class="fr-btn" type="submit">
            Se connecter au nom de l’usager
          </button>
        </form>
      )}
    </>
  )
}

export function CodePage(p: { csrf: string; action: string; titre: string; texte: string; erreur?: string }) {
  return (
    <div class="fr-grid-row">
      <div class="fr-col-12 fr-col-md-8">
        <h1 safe>{p.titre}</h1>
        <p safe>{p.texte}</p>
        <ResumeErreurs erreurs={{ code: p.erreur }} />
        <form method="post" action={p.action} novalidate>
          <Csrf jeton={p.csrf} />
          <Champ
            nom="code"
            libelle="Code à 6 chiffres"
            inputmode="numeric"
            autocomplete="one-time-code"
            maxlength={6}
            erreur={p.erreur}
          />
          <button class="fr-btn" type="submit">
            Valider
          </button>
        </form>
      </div>
    </div>
  )
}

export function ChoixIdentitePage(p: {
  csrf: string
  uid: string
  identites: readonly { sub: string; given_name: string; family_name: string; birthdate: string }[]
}) {
  return (
    <>
      <h1>FranceConnect — simulateur de démonstration</h1>
      <div class="fr-alert fr-alert--info fr-mb-3w">
        <p>
          Ce simulateur joue FranceConnect avec des personnes fictives. Il n’existe qu’en démonstration et
          dans les tests.
        </p>
      </div>
      <form method="post" action={`/simulateurs/franceconnect/interaction/${p.uid}`}>
        <Csrf jeton={p.csrf} />
        <fieldset class="fr-fieldset" aria-labelledby="identite-legende">
          <legend class="fr-fieldset__legend" id="identite-legende">
            Se connecter en tant que
          </legend>
          {p.identites.map((i) => (
            <div class="fr-fieldset__element">
              <div class="fr-radio-group">
                <input type="radio" id={`identite-${i.sub}`} name="identite" value={i.sub} required />
                <label class="fr-label" for={`identite-${i.sub}`} safe>
                  {`${i.given_name} ${i.family_name}, né·e le ${i.birthdate}`}
                </label>
              </div>
            </div>
          ))}
        </fieldset>
        <button class="fr-btn" type="submit">
          Continuer sur le service
        </button>
      </form>
    </>
  )
}

export function EspaceUsagerPage(p: {
  connecte: boolean
  csrf: string
  nom?: string
  children?: Html.Children
}) {
  if (!p.connecte)
    return (
      <>
        <h1>Mes mandats</h1>
        <p>
          Vous avez donné mandat à une structure (France services, CCAS, association…) pour faire des
          démarches en ligne à votre place ? Identifiez-vous avec FranceConnect pour voir vos mandats, qui les
          a utilisés et quand, et pour les révoquer.
        </p>
        <form method="post" action="/mes-mandats/connexion">
          <Csrf jeton={p.csrf} />
          <button class="fr-btn" type="submit">
            S’identifier avec FranceConnect
          </button>
        </form>
      </>
    )
  return (
    <>
      <h1>Mes mandats</h1>
      <p safe>{`Bonjour ${p.nom ?? ''}.`}</p>
      {p.children}
      <form method="post" action="/mes-mandats/deconnexion" class="fr-mt-3w">
        <Csrf jeton={p.csrf} />
        <button class="fr-btn fr-btn--secondary" type="submit">
          Quitter mon espace
        </button>
      </form>
    </>
  )
}

export function HabilitationPage(p: {
  csrf: string
  /** Step shown (1 to 5). */
  etape: number
  erreurs?: ErreursFormulaire
  valeurs?: Record<string, string>
  regions: readonly { code: string; nom: string; ouverte: boolean }[]
}) {
  const e = p.erreurs ?? {}
  const v = p.valeurs ?? {}
  const etape = Math.min(Math.max(1, Math.trunc(p.etape) || 1), NOMBRE_ETAPES_HABILITATION)
  const courante = ETAPES_HABILITATION[etape - 1]
  const suivante = ETAPES_HABILITATION[etape]
  const ici = new Set<string>(courante?.champs ?? [])
  // The values of the other steps travel in hidden fields (no JavaScript, nothing stored before the end).
  const caches = Object.entries(v).filter(
    ([k, val]) =>
      !ici.has(k) &&
      k !== '_csrf' &&
      k !== 'etape' &&
      k !== 'aller' &&
      !k.startsWith('engagement_') &&
      val !== '',
  )
  const region = p.regions.find((r) => r.code === v.region)
  return (
    <>
      <h1>Demander l’habilitation de ma structure</h1>
      {etape === 1 ? (
        <p>
          Aidants Connect ouvre région par région. Si votre région n’est pas encore ouverte, votre demande est
          mise sur liste d’attente et vous serez prévenu par e-mail à l’ouverture.
        </p>
      ) : (
        ''
      )}
      <ResumeErreurs erreurs={e} />
      <form method="post" action="/aidants/habilitation" novalidate>
        <Csrf jeton={p.csrf} />
        <input type="hidden" name="etape" value={String(etape)} />
        {caches.map(([k, val]) => (
          <input type="hidden" name={k} value={val} />
        ))}
        <h2 class="fr-h4" safe>
          {`Étape ${etape} sur ${NOMBRE_ETAPES_HABILITATION} : ${courante?.titre ?? ''}`}
        </h2>
        <p class="fr-hint-text">
          {suivante ? `Étape suivante : ${suivante.titre}` : 'Dernière étape : relisez, puis envoyez.'}
        </p>
        {etape === 1 ? (
          <fieldset class="fr-fieldset">
            <legend class="fr-fieldset__legend fr-sr-only">Vous, le demandeur</legend>
            <div class="fr-fieldset__element">
              <Champ
                nom="nom_demandeur"
                libelle="Vos prénom et nom"
                valeur={v.nom_demandeur}
                erreur={e.nom_demandeur}
              />
            </div>
            <div class="fr-fieldset__element">
              <Champ
                nom="email_demandeur"
                libelle="Votre adresse e-mail professionnelle"
                aide="Un lien de confirmation y sera envoyé à la fin."
                type="email"
                valeur={v.email_demandeur}
                erreur={e.email_demandeur}
              />
            </div>
          </fieldset>
        ) : (
          ''
        )}
        {etape === 2 ? (
          <fieldset class="fr-fieldset">
            <legend class="fr-fieldset__legend fr-sr-only">La structure</legend>
            <div class="fr-fieldset__element">
              <Champ nom="nom" libelle="Nom de la structure" valeur={v.nom} erreur={e.nom} />
            </div>
            <div class="fr-fieldset__element">
              <Champ
                nom="siret"
                libelle="SIRET"
                aide="14 chiffres"
                inputmode="numeric"
                maxlength={17}
                valeur={v.siret}
                erreur={e.siret}
              />
            </div>
            <div class="fr-fieldset__element">
              <ChoixListe
                nom="type"
                libelle="Type de structure"
                options={TYPES_ORGANISATION.map((t) => ({ valeur: t.cle, libelle: t.libelle }))}
                valeur={v.type}
                erreur={e.type}
                videLibelle="Choisir"
              />
            </div>
            <div class="fr-fieldset__element">
              <Champ nom="adresse" libelle="Adresse" valeur={v.adresse} erreur={e.adresse} />
            </div>
            <div class="fr-fieldset__element">
              <Champ
                nom="code_commune"
                libelle="Code INSEE de la commune"
                aide="5 caractères, par exemple 59350 pour Lille"
                maxlength={5}
                valeur={v.code_commune}
                erreur={e.code_commune}
              />
            </div>
            <div class="fr-fieldset__element">
              <ChoixListe
                nom="region"
                libelle="Région"
                options={p.regions.map((r) => ({
                  valeur: r.code,
                  libelle: `${r.nom}${r.ouverte ? '' : ' (pas encore ouverte)'}`,
                }))}
                valeur={v.region}
                erreur={e.region}
                videLibelle="Choisir"
              />
            </div>
            <div class="fr-fieldset__element">
              <Champ
                nom="numero_france_services"
                libelle="Numéro de labellisation France Services"
                aide="Obligatoire pour une structure France Services"
                requis={false}
                valeur={v.numero_france_services}
                erreur={e.numero_france_services}
              />
            </div>
            <div class="fr-fieldset__element">
              <fieldset
                class={`fr-fieldset${e.prive ? ' fr-fieldset--error' : ''}`}
                id="prive"
                aria-labelledby="prive-legende"
              >
                <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id="prive-legende">
                  La structure est-elle privée ?
                  <span class="fr-hint-text">
                    Une structure privée agit pour le compte d’une administration partenaire.
                  </span>
                </legend>
                {[
                  ['non', 'Non, publique'],
                  ['oui', 'Oui, privée'],
                ].map(([valeur, libelle]) => (
                  <div class="fr-fieldset__element fr-fieldset__element--inline">
                    <div class="fr-radio-group">
                      <input
                        type="radio"
                        id={`prive-${valeur}`}
                        name="prive"
                        value={valeur}
                        checked={v.prive === valeur}
                      />
                      <label class="fr-label" for={`prive-${valeur}`} safe>
                        {libelle}
                      </label>
                    </div>
                  </div>
                ))}
                {e.prive ? (
                  <p class="fr-error-text fr-ml-1w" safe>
                    {e.prive}
                  </p>
                ) : (
                  ''
                )}
              </fieldset>
            </div>
            <div class="fr-fieldset__element">
              <Champ
                nom="administration_partenaire"
                libelle="Administration partenaire"
                aide="Obligatoire pour une structure privée : l’administration pour laquelle elle agit"
                requis={false}
                valeur={v.administration_partenaire}
                erreur={e.administration_partenaire}
              />
            </div>
          </fieldset>
        ) : (
          ''
        )}
        {etape === 3 ? (
          <fieldset class="fr-fieldset">
            <legend class="fr-fieldset__legend fr-sr-only">Le ou la référente</legend>
            <p class="fr-fieldset__element">
              Le ou la référente gère les aidants de la structure et leurs cartes. Il ou elle reçoit un compte
              quand la demande est acceptée.
            </p>
            <div class="fr-fieldset__element">
              <Champ
                nom="referent_nom"
                libelle="Prénom et nom du référent"
                valeur={v.referent_nom}
                erreur={e.referent_nom}
              />
            </div>
            <div class="fr-fieldset__element">
              <Champ
                nom="referent_email"
                libelle="E-mail du référent"
                type="email"
                valeur={v.referent_email}
                erreur={e.referent_email}
              />
            </div>
          </fieldset>
        ) : (
          ''
        )}
        {etape === 4 ? (
          <div class={`fr-input-group${e.aidants ? ' fr-input-group--error' : ''}`}>
            <label class="fr-label" for="aidants">
              Aidants à habiliter
              <span class="fr-hint-text">Une personne par ligne : prénom nom, e-mail, profession</span>
            </label>
            <textarea class="fr-input" id="aidants" name="aidants" rows="6" safe>
              {v.aidants ?? ''}
            </textarea>
            {e.aidants ? (
              <p class="fr-error-text" safe>
                {e.aidants}
              </p>
            ) : (
              ''
            )}
          </div>
        ) : (
          ''
        )}
        {etape === 5 ? (
          <>
            <Tableau
              legende="Votre demande"
              entetes={['Rubrique', 'Réponse']}
              lignes={[
                ['Demandeur', `${v.nom_demandeur ?? ''} — ${v.email_demandeur ?? ''}`],
                ['Structure', `${v.nom ?? ''} (SIRET ${v.siret ?? ''})`],
                ['Type', TYPES_ORGANISATION.find((t) => t.cle === v.type)?.libelle ?? ''],
                ['Adresse', `${v.adresse ?? ''} (${v.code_commune ?? ''}), ${region?.nom ?? ''}`],
                ['Numéro France Services', v.numero_france_services || '—'],
                [
                  'Structure privée',
                  v.prive === 'oui' ? `Oui — pour ${v.administration_partenaire ?? ''}` : 'Non',
                ],
                ['Référent', `${v.referent_nom ?? ''} — ${v.referent_email ?? ''}`],
                ['Aidants', String((v.aidants ?? '').split(/\r?\n/).filter((l) => l.trim()).length)],
              ].map(([a, b]) => [<span safe>{a}</span>, <span safe>{b}</span>])}
            />
            {region && !region.ouverte ? (
              <div class="fr-notice fr-notice--info fr-mb-3w">
                <div class="fr-container">
                  <div class="fr-notice__body">
                    <p class="fr-notice__title" safe>
                      {`${region.nom} n’est pas encore ouverte : la demande ira sur liste d’attente et vous serez prévenu à l’ouverture de sa vague.`}
                    </p>
                  </div>
                </div>
              </div>
            ) : (
              ''
            )}
            <fieldset class={`fr-fieldset${e.engagements ? ' fr-fieldset--error' : ''}`} id="engagements">
              <legend class="fr-fieldset__legend">Engagements (tous obligatoires)</legend>
              {ENGAGEMENTS.map((g) => (
                <div class="fr-fieldset__element">
                  <div class="fr-checkbox-group">
                    <input
                      type="checkbox"
                      id={`engagement-${g.cle}`}
                      name={`engagement_${g.cle}`}
                      value="oui"
                      checked={v[`engagement_${g.cle}`] === 'oui'}
                    />
                    <label class="fr-label" for={`engagement-${g.cle}`}>
                      {g.libelle}
                    </label>
                  </div>
                </div>
              ))}
              {e.engagements ? (
                <p class="fr-error-text fr-ml-1w" safe>
                  {e.engagements}
                </p>
              ) : (
                ''
              )}
            </fieldset>
          </>
        ) : (
          ''
        )}
        <ul class="fr-btns-group fr-btns-group--inline-md fr-mt-3w">
          <li>
            <button class="fr-btn" type="submit">
              {etape === NOMBRE_ETAPES_HABILITATION ? 'Envoyer la demande' : 'Continuer'}
            </button>
          </li>
          {etape > 1 ? (
            <li>
              <button class="fr-btn fr-btn--secondary" type="submit" name="aller" value={String(etape - 1)}>
                Étape précédente
              </button>
            </li>
          ) : (
            ''
          )}
        </ul>
      </form>
    </>
  )
}

export function dateCourte(d: Date): string {
  return dateFr(d)
}
