import Html from '@kitajs/html'
import type { TuilesCarte } from '../../../platform/geo/tuiles'
import { Bouton } from '../../../platform/layout/boutons'
import { type EtatAccessibilite, phrasesAccessibilite } from '../domain/accessibilite'
import {
  etatOuverture,
  fuseauHoraire,
  type Horaires,
  phraseOuverture,
  plagesEnFrancais,
  semaineAVenir,
} from '../domain/horaires'
import { type Lieu, positionApproximative } from '../domain/lieu'
import { TYPOLOGIES } from '../domain/vocabulaires'
import { CarteDuLieu } from './carte-lieu'
import { Liste } from './composants'

/** « 3 décembre 2026 ». */
const dateLongue = (iso: string) =>
  new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString('fr-FR', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Paris',
  })

/** What to do to learn more: call when there is a number, otherwise write or ask on the spot. */
const seRenseigner = (l: Lieu) =>
  l.telephone ? 'appelez' : l.courriels.length > 0 ? 'écrivez au lieu' : 'renseignez-vous'

const telephoneLisible = (t: string) =>
  t.startsWith('+33') && t.length === 12 ? `0${t.slice(3)}`.replace(/(\d\d)(?=\d)/g, '$1 ') : t

function Horaires_({
  lieu,
  horaires,
  instant,
}: {
  lieu: Lieu
  horaires: Horaires | undefined
  instant: Date
}) {
  if (!lieu.horaires)
    return (
      <p safe>{`Les horaires ne sont pas communiqués : ${seRenseigner(lieu)} avant de vous déplacer.`}</p>
    )
  if (!horaires)
    return (
      <>
        <p>
          <span class="fr-badge fr-badge--warning fr-badge--sm">Horaires non reconnus</span>
        </p>
        <p>
          {lieu.telephone
            ? 'Horaires indiqués par le lieu, à vérifier en appelant avant de vous déplacer :'
            : 'Horaires indiqués par le lieu, à vérifier avant de vous déplacer :'}
        </p>
        <p class="fr-text--sm" safe>
          {lieu.horaires}
        </p>
      </>
    )
  const fuseau = fuseauHoraire(lieu.codePostal)
  const e = etatOuverture(horaires, instant, fuseau)
  return (
    <>
      <p class={`fr-badge ${e.ouvert ? 'fr-badge--success' : 'fr-badge--error'}`} safe>
        {phraseOuverture(e)}
      </p>
      <ul class="lieux-semaine fr-mt-2w">
        {semaineAVenir(horaires, instant, fuseau).map((j) => (
          <li>
            <strong safe>{j.libelle}</strong>
            <span safe>{` : ${plagesEnFrancais(j.plages)}${j.ferie ? ' (jour férié)' : ''}`}</span>
          </li>
        ))}
      </ul>
    </>
  )
}

interface ProprietesLieu {
  lieu: Lieu
  horaires: Horaires | undefined
  instant: Date
  imprimable: boolean
  accessibilite: EtatAccessibilite
}

/** Where the place is and how to get there. */
function AdresseEtItineraire({ lieu: l, imprimable }: ProprietesLieu) {
  const adresse = [l.adresse, l.complementAdresse, `${l.codePostal} ${l.commune}`].filter(Boolean) as string[]
  const itineraire =
    l.latitude !== null && l.longitude !== null
      ? `https://www.openstreetmap.org/directions?route=%3B${l.latitude}%2C${l.longitude}`
      : undefined
  return (
    <>
      <h2 class="fr-h5">Adresse</h2>
      <address class="fr-mb-2w">
        {adresse.map((a, i) => (
          <>
            {i > 0 ? <br /> : ''}
            <span safe>{a}</span>
          </>
        ))}
      </address>
      {l.itinerance.includes('Itinérant') ? (
        <p
          safe
        >{`Ce lieu est itinérant : il se déplace. ${l.telephone ? 'Appelez' : 'Renseignez-vous'} pour connaître sa prochaine étape.`}</p>
      ) : (
        ''
      )}
      <h2 class="fr-h5">Y aller</h2>
      {positionApproximative(l) ? (
        <>
          <p class="fr-badge fr-badge--sm fr-badge--warning">Position approximative</p>
          <p>La position exacte n’est pas connue : l’itinéraire mène au centre de la commune.</p>
        </>
      ) : (
        ''
      )}
      {itineraire && !imprimable ? (
        <p>
          <a
            class="fr-link"
            href={itineraire}
            rel="noopener"
            target="_blank"
            title="Itinéraire sur OpenStreetMap — nouvelle fenêtre"
          >
            Itinéraire sur OpenStreetMap
          </a>
        </p>
      ) : (
        ''
      )}
      <p class="fr-text--sm">
        {l.latitude !== null && l.longitude !== null && !positionApproximative(l)
          ? `Coordonnées GPS : ${l.latitude.toFixed(5)}, ${l.longitude.toFixed(5)}`
          : ''}
      </p>
    </>
  )
}

/** The Acceslibre summary, the link alone when Acceslibre did not answer, or « non renseigné ». */
function Accessibilite({ accessibilite: a, imprimable }: ProprietesLieu) {
  const url = a.etat === 'resume' ? a.resume.url : a.etat === 'lien' ? a.url : undefined
  const phrases = a.etat === 'resume' ? phrasesAccessibilite(a.resume) : []
  return (
    <>
      <h2 class="fr-h5">Accessibilité</h2>
      {a.etat === 'non-renseigne' ? <p>Accessibilité : non renseigné.</p> : ''}
      {phrases.length > 0 ? (
        <ul>
          {phrases.map((p) => (
            <li safe>{p}</li>
          ))}
        </ul>
      ) : (
        ''
      )}
      {a.etat === 'resume' && phrases.length === 0 ? (
        <p>La fiche Acceslibre ne répond à aucune question.</p>
      ) : (
        ''
      )}
      {url ? (
        <p class="fr-text--sm">
          <a class="fr-link" href={url} rel="noopener">
            {imprimable ? Html.escapeHtml(url) : 'Voir la fiche d’accessibilité sur Acceslibre'}
          </a>
          {a.etat === 'resume' && a.resume.misAJourLe ? (
            <span safe>{` (fiche mise à jour le ${dateLongue(a.resume.misAJourLe)})`}</span>
          ) : (
            ''
          )}
        </p>
      ) : (
        ''
      )}
    </>
  )
}

/** Phone, e-mails, websites and online appointments. */
function Contact({ lieu: l, imprimable }: ProprietesLieu) {
  return (
    <>
      <h2 class="fr-h5">Contact</h2>
      <ul class="fr-mb-3w">
        {l.telephone ? (
          <li>
            Téléphone :{' '}
            <a href={`tel:${l.telephone}`} safe>
              {telephoneLisible(l.telephone)}
            </a>
          </li>
        ) : (
          <li>Pas de numéro de téléphone indiqué</li>
        )}
        {l.courriels.map((c) => (
          <li>
            E-mail :{' '}
            <a href={`mailto:${c}`} safe>
              {c}
            </a>
          </li>
        ))}
        {l.siteWeb.map((s) => (
          <li>
            Site :{' '}
            <a href={s} rel="noopener" safe>
              {s}
            </a>
          </li>
        ))}
        {l.priseRdv ? (
          <li>
            <a href={l.priseRdv} rel="noopener">
              {imprimable
                ? Html.escapeHtml(`Rendez-vous en ligne : ${l.priseRdv}`)
                : 'Prendre rendez-vous en ligne'}
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </>
  )
}

/** Opening hours and what the place offers. */
function HorairesEtOffre({ lieu: l, horaires, instant }: ProprietesLieu) {
  return (
    <>
      <h2 class="fr-h5">Horaires</h2>
      <Horaires_ lieu={l} horaires={horaires} instant={instant} />
      <h2 class="fr-h5 fr-mt-3w">Ce que l’on peut y faire</h2>
      {l.services.length === 0 ? <p>Services non précisés.</p> : ''}
      <Liste titre="Services" valeurs={l.services} />
      <Liste titre="Façons d’être aidé" valeurs={l.modalitesAccompagnement} />
      <Liste titre="Pour venir" valeurs={l.modalitesAcces} />
      <Liste titre="Frais" valeurs={l.fraisACharge} />
      <Liste
        titre="Lieu réservé ou adapté à"
        valeurs={[...l.publicsSpecifiquementAdresses, ...l.priseEnChargeSpecifique]}
      />
      <Liste titre="Programmes nationaux" valeurs={l.dispositifProgrammesNationaux} />
      <Liste titre="Formations et labels" valeurs={[...l.formationsLabels, ...l.autresFormationsLabels]} />
      <Liste
        titre="Type de lieu"
        valeurs={l.typologie.map((t) => (TYPOLOGIES as Record<string, string>)[t] ?? t)}
      />
    </>
  )
}

/** The place's own presentation, then the date and source of the information. */
function PresentationEtSource({ lieu: l }: ProprietesLieu) {
  return (
    <>
      {l.presentationResume || l.presentationDetail ? (
        <div class="fr-col-12">
          <h2 class="fr-h5">Présentation</h2>
          {l.presentationResume ? <p safe>{l.presentationResume}</p> : ''}
          {l.presentationDetail ? <p safe>{l.presentationDetail}</p> : ''}
        </div>
      ) : (
        ''
      )}
      <div class="fr-col-12">
        <p class="fr-text--xs" safe>
          {`${l.dateMaj === '1970-01-01' ? 'Date de mise à jour des informations inconnue' : `Informations mises à jour le ${dateLongue(l.dateMaj)}`}${l.source ? ` · source : ${l.source}` : ''}`}
        </p>
      </div>
    </>
  )
}

export function LieuContenu(p: ProprietesLieu) {
  return (
    <div class="fr-grid-row fr-grid-row--gutters">
      <div class="fr-col-12 fr-col-md-6">
        <AdresseEtItineraire {...p} />
        <Accessibilite {...p} />
        <Contact {...p} />
      </div>
      <div class="fr-col-12 fr-col-md-6">
        <HorairesEtOffre {...p} />
      </div>
      <PresentationEtSource {...p} />
    </div>
  )
}

export function LieuPage(p: {
  lieu: Lieu
  horaires: Horaires | undefined
  accessibilite: EtatAccessibilite
  instant: Date
  peutModifier: boolean
  tuiles?: TuilesCarte | undefined
}) {
  return (
    <>
      <h1 class="fr-mt-4w" safe>
        {p.lieu.nom}
      </h1>
      <p>
        <a class="fr-link fr-mr-3w" href={`/lieux/${p.lieu.id}/imprimer`}>
          Version imprimable
        </a>
        {p.peutModifier ? (
          <a class="fr-link" href={`/lieux/${p.lieu.id}/modifier`}>
            Modifier ce lieu
          </a>
        ) : (
          ''
        )}
      </p>
      <LieuContenu
        lieu={p.lieu}
        horaires={p.horaires}
        accessibilite={p.accessibilite}
        instant={p.instant}
        imprimable={false}
      />
      <CarteDuLieu
        nom={p.lieu.nom}
        latitude={p.lieu.latitude}
        longitude={p.lieu.longitude}
        approximative={positionApproximative(p.lieu)}
        tuiles={p.tuiles}
      />
      <p>
        <a class="fr-link fr-mr-3w" href={`/lieux/${p.lieu.id}/signaler`}>
          Signaler une erreur sur ce lieu
        </a>
        <a class="fr-link" href="/lieux">
          Chercher un autre lieu
        </a>
      </p>
    </>
  )
}

export function LieuImprimablePage(p: {
  lieu: Lieu
  horaires: Horaires | undefined
  accessibilite: EtatAccessibilite
  instant: Date
}) {
  return (
    <div class="lieux-imprimable">
      <h1 class="fr-mt-2w fr-h2" safe>
        {p.lieu.nom}
      </h1>
      <p class="lieux-non-imprime">
        {/* The wrapper carries `hidden`: DSFR's button display rule would override it on the button. */}
        <span id="imprimer" hidden>
          <Bouton variante="secondaire" type="button" id="bouton-imprimer">
            Imprimer
          </Bouton>{' '}
        </span>
        Pour imprimer, utilisez la commande « Imprimer » de votre navigateur.{' '}
        <a class="fr-link" href={`/lieux/${p.lieu.id}`}>
          Revenir à la fiche
        </a>
      </p>
      <LieuContenu
        lieu={p.lieu}
        horaires={p.horaires}
        accessibilite={p.accessibilite}
        instant={p.instant}
        imprimable
      />
    </div>
  )
}
