import Html from '@kitajs/html'
import { Bouton } from '../../../platform/layout/boutons'
import { decritPar, ErreurChamp, LibelleChamp } from '../../../platform/layout/champs'
import {
  Champ,
  Csrf,
  type ErreursFormulaire,
  ResumeErreurs,
  Tableau,
} from '../../../platform/layout/components'
import { STATUTS_AIDANT, type StatutAidant } from '../domain/habilitation'
import { dateFr, FormulaireCode } from './commun'

export function ConnexionAidantPage(p: {
  csrf: string
  erreurs?: ErreursFormulaire
  email?: string | undefined
}) {
  const e = p.erreurs ?? {}
  return (
    <div class="fr-grid-row">
      <div class="fr-col-12 fr-col-md-8">
        <h1>Connexion des aidants</h1>
        <p>
          Saisissez votre adresse e-mail et le code à 6 chiffres de votre carte ou de votre application. Si
          les deux sont justes, vous recevez un lien de connexion valable 5 minutes. Aucun mot de passe.
        </p>
        <ResumeErreurs erreurs={e} />
        <form method="post" action="/aidants/connexion" novalidate>
          <Csrf jeton={p.csrf} />
          <Champ
            nom="email"
            libelle="Adresse e-mail"
            type="email"
            autocomplete="email"
            valeur={p.email}
            erreur={e.email}
          />
          <Champ
            nom="code"
            libelle="Code à 6 chiffres"
            aide="Le code affiché en ce moment par votre carte ou votre application."
            inputmode="numeric"
            autocomplete="one-time-code"
            maxlength={6}
            erreur={e.code}
          />
          <Bouton>Recevoir mon lien de connexion</Bouton>
        </form>
        <p class="fr-mt-3w">
          Vous êtes référent ou membre de l’équipe nationale ?{' '}
          <a class="fr-link" href="/connexion">
            Connexion avec mot de passe
          </a>
        </p>
      </div>
    </div>
  )
}

export function MessageSimple(p: { titre: string; texte: string; lien?: { href: string; libelle: string } }) {
  return (
    <>
      <h1 safe>{p.titre}</h1>
      <p safe>{p.texte}</p>
      {p.lien ? (
        <p>
          <a class="fr-link" href={p.lien.href} safe>
            {p.lien.libelle}
          </a>
        </p>
      ) : (
        ''
      )}
    </>
  )
}

export function ConfirmerLienAidantPage(p: { csrf: string; action: string }) {
  return (
    <>
      <h1>Terminer la connexion</h1>
      <p>Ce lien ne sert qu’une fois et expire 5 minutes après son envoi.</p>
      <form method="post" action={p.action}>
        <Csrf jeton={p.csrf} />
        <Bouton>Me connecter</Bouton>
      </form>
    </>
  )
}

interface Dispositif {
  id: string
  type: 'carte' | 'application'
  numeroSerie: string | null
  confirmeLe: Date | null
}

/**
 * A removal with its reason. Several such forms share one page, so the field's id is not its name
 * (`motif`): the platform's `Champ` ties both, hence its label and error pieces around our own input.
 */
function FormulaireMotif(p: {
  csrf: string
  action: string
  /** Unique id of the field on the page. */
  id: string
  bouton: string
  erreur?: string | undefined
}) {
  const champ = { nom: p.id, aide: 'Il est conservé dans le journal.', erreur: p.erreur }
  return (
    <form method="post" action={p.action} novalidate>
      <Csrf jeton={p.csrf} />
      <div class={`fr-input-group${p.erreur ? ' fr-input-group--error' : ''}`}>
        <LibelleChamp {...champ} libelle="Motif" />
        <input
          class={`fr-input${p.erreur ? ' fr-input--error' : ''}`}
          id={p.id}
          name="motif"
          type="text"
          maxlength="500"
          required
          aria-describedby={decritPar(champ)}
          aria-invalid={p.erreur ? 'true' : undefined}
        />
        <ErreurChamp nom={p.id} erreur={p.erreur} />
      </div>
      <Bouton variante="secondaire" taille="sm">
        {Html.escapeHtml(p.bouton)}
      </Bouton>
    </form>
  )
}

export function AidantReferentPage(p: {
  csrf: string
  aidant: { id: string; prenom: string; nom: string; email: string; statut: string; compteId: string | null }
  dispositifs: readonly Dispositif[]
  erreurs?: ErreursFormulaire
  valeurs?: Record<string, string>
}) {
  const a = p.aidant
  const e = p.erreurs ?? {}
  const base = `/aidants/referent/aidants/${a.id}`
  const confirmes = p.dispositifs.filter((d) => d.confirmeLe)
  return (
    <>
      <h1 safe>{`${a.prenom} ${a.nom}`}</h1>
      <p safe>{`${a.email} — ${STATUTS_AIDANT[a.statut as StatutAidant] ?? a.statut}`}</p>
      <ResumeErreurs erreurs={e} />
      <h2>Second facteur</h2>
      {a.compteId ? (
        <>
          {confirmes.length ? (
            <Tableau
              legende="Dispositifs en service"
              entetes={['Type', 'Associé le', 'Retirer']}
              lignes={confirmes.map((d) => [
                <span>
                  {Html.escapeHtml(
                    d.type === 'carte' ? `Carte n° ${d.numeroSerie ?? ''}` : 'Application d’authentification',
                  )}
                </span>,
                <span>{Html.escapeHtml(d.confirmeLe ? dateFr(d.confirmeLe) : '')}</span>,
                <FormulaireMotif
                  csrf={p.csrf}
                  action={`/aidants/referent/dispositifs/${d.id}/retirer`}
                  id={`motif-${d.id}`}
                  bouton="Retirer ce dispositif"
                />,
              ])}
            />
          ) : (
            <p>Aucun dispositif : l’aidant ne peut pas encore se connecter.</p>
          )}
          <div class="fr-grid-row fr-grid-row--gutters fr-mt-2w">
            <div class="fr-col-12 fr-col-md-6">
              <form method="post" action={`${base}/carte`} novalidate>
                <Csrf jeton={p.csrf} />
                <h3>Associer une carte</h3>
                <Champ
                  nom="numero_serie"
                  libelle="Numéro de série"
                  aide="Imprimé au dos de la carte, par exemple GADT0001234."
                  valeur={p.valeurs?.numero_serie}
                  erreur={e.numero_serie}
                  maxlength={20}
                />
                <Champ
                  nom="code"
                  libelle="Code affiché par la carte"
                  inputmode="numeric"
                  autocomplete="off"
                  maxlength={6}
                  erreur={e.code}
                />
                <Bouton>Associer la carte</Bouton>
              </form>
            </div>
            <div class="fr-col-12 fr-col-md-6">
              <form method="post" action={`${base}/application`}>
                <Csrf jeton={p.csrf} />
                <h3>Ou une application</h3>
                <p>
                  FreeOTP, Proton Authenticator ou toute application compatible : vous scannerez un QR code
                  avec le téléphone de l’aidant.
                </p>
                <Bouton variante="secondaire">Configurer une application</Bouton>
              </form>
            </div>
          </div>
        </>
      ) : (
        <p>Le compte sera créé quand l’équipe nationale aura enregistré la formation.</p>
      )}
      <h2 class="fr-mt-4w">Retirer l’aidant de la structure</h2>
      <FormulaireMotif
        csrf={p.csrf}
        action={`${base}/retirer`}
        id="motif"
        bouton="Retirer l’aidant"
        erreur={e.motif}
      />
    </>
  )
}

export function ApplicationPage(p: {
  csrf: string
  action: string
  safeQrSvg: string
  secret: string
  erreur?: string
}) {
  const { safeQrSvg } = p
  return (
    <>
      <h1>Configurer l’application de l’aidant</h1>
      <ResumeErreurs erreurs={{ code: p.erreur }} />
      <ol>
        <li>Sur le téléphone de l’aidant, ouvrez l’application d’authentification.</li>
        <li>Scannez ce QR code (ou saisissez la clé ci-dessous).</li>
        <li>Saisissez le code à 6 chiffres que l’application affiche.</li>
      </ol>
      <div class="escale-qr" role="img" aria-label="QR code à scanner avec l’application d’authentification">
        {safeQrSvg}
      </div>
      <p>
        Clé : <code safe>{p.secret}</code>
      </p>
      <FormulaireCode
        csrf={p.csrf}
        action={p.action}
        erreur={p.erreur}
        autocomplete="off"
        bouton="Confirmer"
      />
    </>
  )
}
