import Html from '@kitajs/html'
import type { Utilisateur } from '../auth/utilisateur'
import { classesBouton } from './boutons'
import { ATTRIBUT_CHAMP_COMMUNE } from './champ-commune'
import { type Ariane, FilAriane, type TypeAlerte } from './components'
import type { EntreeMenu, Navigation } from './navigation'

export interface Flash {
  type: TypeAlerte
  message: string
}

export interface ContextePage {
  utilisateur: Utilisateur | undefined
  csrf: string
  flash: Flash | undefined
  chemin: string
  cssUrl: string
  /** Resolves a logical asset name (`js/carte.js`, `css/carte.css`) to its hashed URL. */
  asset: (nomLogique: string) => string
  navigation: Navigation
  demo: boolean
}

export interface DescriptionPage {
  titre: string
  /** Breadcrumb after "Accueil"; omitted on the home page. */
  ariane?: readonly Ariane[]
  /** Public pages get the light stylesheet; professional spaces get the richer one. */
  espace?: 'public' | 'pro'
  contenu: Html.Children
  /** Shown before the title in <title> when the page re-renders a form with errors. */
  enErreur?: boolean
  /** Client islands (`src/client/<nom>.ts`), loaded as deferred modules: the page must work without them. */
  scripts?: readonly string[]
  /** Extra stylesheets by logical name in the asset manifest (e.g. the map's), only on the pages that need them. */
  feuillesDeStyle?: readonly string[]
}

const NOM_SERVICE = 'Escale'

/** The page's islands, and the commune field's wherever the page holds one (champ-commune.tsx). */
const scriptsDeLaPage = (page: DescriptionPage): readonly string[] =>
  typeof page.contenu === 'string' && page.contenu.includes(ATTRIBUT_CHAMP_COMMUNE)
    ? [...(page.scripts ?? []), 'commune']
    : (page.scripts ?? [])

export function Layout({ page, ctx }: { page: DescriptionPage; ctx: ContextePage }) {
  const titre = `${page.enErreur ? 'Erreur : ' : ''}${page.titre} — ${NOM_SERVICE}`
  return (
    <>
      {'<!doctype html>'}
      <html lang="fr" data-fr-scheme="light">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{titre}</title>
          <meta
            name="description"
            content="Escale : trouver de l’aide pour le numérique près de chez soi, et les outils des professionnels de l’inclusion numérique."
          />
          <link rel="stylesheet" href={ctx.cssUrl} />
          {(page.feuillesDeStyle ?? []).map((f) => (
            <link rel="stylesheet" href={ctx.asset(f)} />
          ))}
          {scriptsDeLaPage(page).map((nom) => (
            <script type="module" src={ctx.asset(`js/${nom}.js`)} />
          ))}
          <link rel="icon" href="/assets/favicon/favicon.svg" type="image/svg+xml" />
        </head>
        <body>
          <div class="fr-skiplinks">
            <nav class="fr-container" aria-label="Accès rapide">
              <ul class="fr-skiplinks__list">
                <li>
                  <a class="fr-link" href="#contenu">
                    Contenu
                  </a>
                </li>
                <li>
                  <a class="fr-link" href="#navigation-principale">
                    Menu
                  </a>
                </li>
                <li>
                  <a class="fr-link" href="#pied-de-page">
                    Pied de page
                  </a>
                </li>
              </ul>
            </nav>
          </div>
          <EnTete ctx={ctx} />
          <main id="contenu" tabindex="-1" class="fr-container fr-pb-6w">
            <FilAriane chemin={page.ariane ?? []} />
            {ctx.flash ? (
              <div
                class={`fr-alert fr-alert--${ctx.flash.type} fr-alert--sm fr-mt-3w fr-mb-3w`}
                role={ctx.flash.type === 'error' ? 'alert' : 'status'}
              >
                <p safe>{ctx.flash.message}</p>
              </div>
            ) : (
              ''
            )}
            {page.contenu}
          </main>
          <PiedDePage />
        </body>
      </html>
    </>
  )
}

function EnTete({ ctx }: { ctx: ContextePage }) {
  const u = ctx.utilisateur
  const roles = u ? u.habilitations.map((h) => h.role) : []
  const menu = ctx.navigation.menuPour(roles).filter((e) => u || e.roles.length === 0)
  // Only the most specific entry is current: on /activites/statistiques, "Statistiques" rather than "Mes activités".
  const correspond = (href: string) =>
    ctx.chemin === href || (href !== '/' && ctx.chemin.startsWith(`${href}/`))
  const courant = menu
    .filter((e) => correspond(e.href))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href
  return (
    <header class="fr-header">
      <div class="fr-header__body">
        <div class="fr-container">
          <div class="fr-header__body-row">
            <div class="fr-header__brand fr-enlarge-link">
              <div class="fr-header__brand-top">
                <div class="fr-header__logo">
                  <p class="fr-logo">
                    République
                    <br />
                    Française
                  </p>
                </div>
              </div>
              <div class="fr-header__service">
                <a href="/" title="Accueil — Escale">
                  <p class="fr-header__service-title">{NOM_SERVICE}</p>
                </a>
                <p class="fr-header__service-tagline">De l’aide pour le numérique, près de chez vous</p>
              </div>
            </div>
            <div class="fr-header__tools">
              <div class="fr-header__tools-links escale-outils">
                <ul class="fr-btns-group">
                  {u ? (
                    <>
                      <li>
                        <a class="fr-btn fr-icon-account-circle-line" href="/espace">
                          {Html.escapeHtml(`${u.prenom} ${u.nom}`)}
                        </a>
                      </li>
                      <li>
                        <form method="post" action="/deconnexion" class="escale-form-en-ligne">
                          <input type="hidden" name="_csrf" value={ctx.csrf} />
                          <button class="fr-btn fr-icon-logout-box-r-line" type="submit">
                            Se déconnecter
                          </button>
                        </form>
                      </li>
                    </>
                  ) : (
                    <li>
                      <a class="fr-btn fr-icon-lock-line" href="/connexion">
                        Espace professionnel
                      </a>
                    </li>
                  )}
                </ul>
              </div>
            </div>
          </div>
        </div>
      </div>
      <div class="fr-header__menu escale-menu" id="navigation-principale">
        <div class="fr-container">
          {/* Phones: the menu folds behind one button, with or without JavaScript (a disclosure the
              browser opens itself). Wider screens: the usual DSFR bar. Only one of the two is displayed
              (escale.css), so assistive technologies never meet the menu twice. */}
          {menu.length > 0 ? (
            <details class="escale-menu-replie">
              <summary
                class={classesBouton({ variante: 'tertiaire-sans-bordure', icone: 'fr-icon-menu-fill' })}
              >
                Menu
              </summary>
              <MenuPrincipal menu={menu} courant={courant} />
            </details>
          ) : (
            ''
          )}
          <MenuPrincipal menu={menu} courant={courant} classe="escale-menu-deplie" />
        </div>
      </div>
    </header>
  )
}

function MenuPrincipal(p: { menu: readonly EntreeMenu[]; courant: string | undefined; classe?: string }) {
  return (
    <nav class={p.classe ? `fr-nav ${p.classe}` : 'fr-nav'} aria-label="Menu principal">
      <ul class="fr-nav__list">
        {p.menu.map((e) => (
          <li class="fr-nav__item">
            <a
              class="fr-nav__link"
              href={e.href}
              aria-current={e.href === p.courant ? 'page' : undefined}
              safe
            >
              {e.libelle}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

function PiedDePage() {
  return (
    <footer class="fr-footer" id="pied-de-page">
      <div class="fr-container">
        <div class="fr-footer__body">
          <div class="fr-footer__brand fr-enlarge-link">
            <a href="/" title="Retour à l’accueil — Escale">
              <p class="fr-logo">
                République
                <br />
                Française
              </p>
            </a>
          </div>
          <div class="fr-footer__content">
            <p class="fr-footer__content-desc">
              Escale est la plateforme du programme national d’inclusion numérique : trouver un lieu d’aide,
              faire le point sur ses usages, et les outils des conseillers numériques et des aidants.
            </p>
          </div>
        </div>
        <div class="fr-footer__bottom">
          <ul class="fr-footer__bottom-list">
            <li class="fr-footer__bottom-item">
              <a class="fr-footer__bottom-link" href="/accessibilite">
                Accessibilité : non conforme
              </a>
            </li>
            <li class="fr-footer__bottom-item">
              <a class="fr-footer__bottom-link" href="/mentions-legales">
                Mentions légales
              </a>
            </li>
            <li class="fr-footer__bottom-item">
              <a class="fr-footer__bottom-link" href="/donnees-personnelles">
                Données personnelles
              </a>
            </li>
          </ul>
          <div class="fr-footer__bottom-copy">
            <p>Sauf mention contraire, les contenus de ce site sont proposés sous licence Etalab 2.0.</p>
          </div>
        </div>
      </div>
    </footer>
  )
}
