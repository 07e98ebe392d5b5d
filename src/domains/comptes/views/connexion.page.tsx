import Html from '@kitajs/html'
import { Bouton, LienBouton } from '../../../platform/layout/boutons'
import { Champ, Csrf, type ErreursFormulaire, ResumeErreurs } from '../../../platform/layout/components'
import { BoutonProConnect } from './proconnect.page'

export function ConnexionPage(p: {
  csrf: string
  erreurs?: ErreursFormulaire
  email?: string
  retour?: string
  message?: string
  demo: boolean
  proConnect?: boolean
}) {
  return (
    <div class="fr-grid-row fr-grid-row--center fr-mt-4w">
      <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Connexion à l’espace professionnel</h1>
        <p>
          Pour les conseillers numériques, les aidants, les structures, les préfectures et l’équipe nationale.
          Vous cherchez de l’aide pour vous ? <a href="/">Revenez à l’accueil</a>.
        </p>
        {p.message ? (
          <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-3w" role="alert">
            <p safe>{p.message}</p>
          </div>
        ) : (
          ''
        )}
        <ResumeErreurs erreurs={p.erreurs ?? {}} />
        <form method="post" action="/connexion" novalidate>
          <Csrf jeton={p.csrf} />
          {p.retour ? <input type="hidden" name="retour" value={p.retour} /> : ''}
          {/* A heading, not a named field group: the group's name would also match the fields' own labels. */}
          <h2 class="fr-h5">Se connecter avec son adresse e-mail et son mot de passe</h2>
          <ChampEmail valeur={p.email} erreur={p.erreurs?.email} />
          <Champ
            nom="mot_de_passe"
            libelle="Mot de passe"
            type="password"
            autocomplete="current-password"
            erreur={p.erreurs?.mot_de_passe}
          />
          <p class="fr-mt-1w">
            <a class="fr-link fr-text--sm" href="/mot-de-passe-oublie">
              Mot de passe oublié ?
            </a>
          </p>
          <Bouton>Se connecter</Bouton>
        </form>
        {p.proConnect ? (
          <>
            <hr class="fr-mt-3w" />
            <BoutonProConnect retour={p.retour} />
          </>
        ) : (
          ''
        )}
        <hr class="fr-mt-3w" />
        <h2 class="fr-h5">Sans mot de passe</h2>
        <p>
          <a class="fr-link" href="/connexion/lien">
            Recevoir un lien de connexion par e-mail
          </a>
        </p>
        {p.demo ? (
          <p>
            <a class="fr-link" href="/demo">
              Connexion de démonstration : choisir un compte fictif
            </a>
          </p>
        ) : (
          ''
        )}
      </div>
    </div>
  )
}

export function FormulaireEmailPage(p: {
  titre: string
  intro: string
  action: string
  bouton: string
  csrf: string
  erreurs?: ErreursFormulaire
  email?: string
}) {
  return (
    <FormulaireCentre {...p}>
      <ChampEmail valeur={p.email} erreur={p.erreurs?.email} />
      <Bouton>{Html.escapeHtml(p.bouton)}</Bouton>
    </FormulaireCentre>
  )
}

/** A narrow centred column: a title, a sentence, the error summary and one form. */
function FormulaireCentre(p: {
  titre: string
  intro: string
  action: string
  csrf: string
  erreurs?: ErreursFormulaire | undefined
  children: Html.Children
  /** Below the form (another form, a link). */
  apres?: Html.Children
}) {
  return (
    <div class="fr-grid-row fr-grid-row--center fr-mt-4w">
      <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1 safe>{p.titre}</h1>
        <p safe>{p.intro}</p>
        <ResumeErreurs erreurs={p.erreurs ?? {}} />
        <form method="post" action={p.action} novalidate>
          <Csrf jeton={p.csrf} />
          {p.children}
        </form>
        {p.apres ?? ''}
      </div>
    </div>
  )
}

function ChampEmail(p: { valeur?: string | undefined; erreur?: string | undefined }) {
  return (
    <Champ
      nom="email"
      libelle="Adresse e-mail"
      aide="Format attendu : nom@domaine.fr"
      type="email"
      autocomplete="email"
      valeur={p.valeur}
      erreur={p.erreur}
    />
  )
}

export function MessagePage(p: { titre: string; texte: string; lien?: { href: string; libelle: string } }) {
  return (
    <div class="fr-grid-row fr-grid-row--center fr-mt-4w">
      <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1 safe>{p.titre}</h1>
        <p class="fr-text--lead" safe>
          {p.texte}
        </p>
        {p.lien ? <LienBouton href={p.lien.href}>{Html.escapeHtml(p.lien.libelle)}</LienBouton> : ''}
      </div>
    </div>
  )
}

export function ConfirmerLienPage(p: { csrf: string; action: string }) {
  return (
    <div class="fr-grid-row fr-grid-row--center fr-mt-4w">
      <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Se connecter avec le lien reçu</h1>
        <p>Ce lien ne fonctionne qu’une fois. Appuyez sur le bouton pour ouvrir votre session.</p>
        <form method="post" action={p.action}>
          <Csrf jeton={p.csrf} />
          <Bouton>Me connecter</Bouton>
        </form>
      </div>
    </div>
  )
}

export function CodeTotpPage(p: {
  csrf: string
  erreurs?: ErreursFormulaire
  action: string
  titre: string
  intro: string
}) {
  return (
    <FormulaireCentre
      {...p}
      apres={
        <form method="post" action="/deconnexion" class="fr-mt-3w">
          <Csrf jeton={p.csrf} />
          <Bouton variante="tertiaire-sans-bordure">Annuler et revenir à l’accueil</Bouton>
        </form>
      }
    >
      <Champ
        nom="code"
        libelle="Code à 6 chiffres"
        aide="Affiché par votre application d’authentification ou votre carte. Vous pouvez aussi saisir un code de secours."
        autocomplete="one-time-code"
        inputmode="numeric"
        maxlength={20}
        erreur={p.erreurs?.code}
      />
      <Bouton>Valider</Bouton>
    </FormulaireCentre>
  )
}

export function ActiverTotpPage({
  safeQrSvg,
  ...p
}: {
  csrf: string
  safeQrSvg: string
  secret: string
  erreurs?: ErreursFormulaire
}) {
  const groupes = p.secret.match(/.{1,4}/g)?.join(' ') ?? p.secret
  return (
    <div class="fr-grid-row fr-grid-row--center fr-mt-4w">
      <div class="fr-col-12 fr-col-md-10 fr-col-lg-8">
        <h1>Protéger votre compte avec un second facteur</h1>
        <p>
          Votre rôle permet d’agir pour d’autres personnes ou sur toute la plateforme : en plus du mot de
          passe, un code à 6 chiffres vous sera demandé à chaque connexion.
        </p>
        <ol>
          <li>
            Ouvrez une application d’authentification (par exemple FreeOTP, Aegis ou celle de votre
            téléphone).
          </li>
          <li>Scannez ce QR code, ou saisissez la clé à la main.</li>
          <li>Saisissez le code à 6 chiffres qu’elle affiche.</li>
        </ol>
        <div
          class="escale-qr"
          role="img"
          aria-label="QR code à scanner avec l’application d’authentification"
        >
          {safeQrSvg}
        </div>
        <p>
          Clé à saisir à la main : <code class="escale-secret">{Html.escapeHtml(groupes)}</code>
        </p>
        <ResumeErreurs erreurs={p.erreurs ?? {}} />
        <form method="post" action="/connexion/totp/activer" novalidate>
          <Csrf jeton={p.csrf} />
          <Champ
            nom="code"
            libelle="Code à 6 chiffres"
            autocomplete="one-time-code"
            inputmode="numeric"
            maxlength={20}
            erreur={p.erreurs?.code}
          />
          <Bouton>Activer</Bouton>
        </form>
      </div>
    </div>
  )
}

export function CodesSecoursPage({ codes }: { codes: readonly string[] }) {
  return (
    <div class="fr-grid-row fr-grid-row--center fr-mt-4w">
      <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Vos codes de secours</h1>
        <div class="fr-alert fr-alert--warning fr-mb-3w">
          <p>
            Notez ces codes et gardez-les en lieu sûr : ils ne seront plus jamais affichés. Chacun remplace
            une fois le code à 6 chiffres si vous perdez votre téléphone ou votre carte.
          </p>
        </div>
        <ul class="escale-codes">
          {codes.map((c) => (
            <li>
              <code safe>{c}</code>
            </li>
          ))}
        </ul>
        <LienBouton classe="fr-mt-3w" href="/espace">
          J’ai noté mes codes, continuer
        </LienBouton>
      </div>
    </div>
  )
}

export function NouveauMotDePassePage(p: {
  csrf: string
  action: string
  titre: string
  intro: string
  erreurs?: ErreursFormulaire
}) {
  return (
    <FormulaireCentre {...p}>
      <Champ
        nom="mot_de_passe"
        libelle="Nouveau mot de passe"
        aide="Au moins 12 caractères. Une phrase facile à retenir convient très bien."
        type="password"
        autocomplete="new-password"
        erreur={p.erreurs?.mot_de_passe}
      />
      <Champ
        nom="confirmation"
        libelle="Confirmer le mot de passe"
        type="password"
        autocomplete="new-password"
        erreur={p.erreurs?.confirmation}
      />
      <Bouton>Enregistrer le mot de passe</Bouton>
    </FormulaireCentre>
  )
}
