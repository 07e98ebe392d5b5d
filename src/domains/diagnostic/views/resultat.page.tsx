import { Csrf } from '../../../platform/layout/components'
import { COMPETENCES_DETAIL } from '../domain/contenu'
import { ORIENTATIONS, type Orientation } from '../domain/orientation'
import type { ResultatDiagnostic } from '../domain/resultat'
import { CONSERVATION_ANONYME_JOURS } from '../domain/retention'
import type { LieuxDUneOrientation, LieuxProposes } from '../use-cases/lire-resultat'
import { FormulaireCommune, ListeLieux } from './accueil.page'
import { Confort, Picto } from './composants'

export interface ProprietesResultat {
  resultat: ResultatDiagnostic
  csrf: string
  /** Absent on the read-only page opened from the link sent by e-mail or SMS. */
  actions?: {
    avecConseiller: boolean
    consentement: boolean
    envoi?: { canal?: string; destinataire?: string; erreur?: string } | undefined
  }
  action: string
  commune?: string | undefined
  erreurCommune?: string | undefined
  lieux?: LieuxProposes | undefined
  /** This app's Aidants Connect page, or the national service's site when the module is off. */
  pageAidantsConnect: string
}

function CarteOrientation({
  o,
  lieux,
  pageAidantsConnect,
}: {
  o: Orientation
  lieux: LieuxDUneOrientation | undefined
  pageAidantsConnect: string
}) {
  const externe = /^https?:/.test(pageAidantsConnect)
  return (
    <li class="escale-orientation">
      <Picto icone={o.icone} grand />
      <div>
        <h3 class="fr-h5 fr-mb-1w" safe>
          {o.titre}
        </h3>
        <p class="fr-mb-1w" safe>
          {o.texte}
        </p>
        {o.id === 'aidants_connect' ? (
          <p class="fr-text--sm">
            Aidants Connect est un service de l’État. L’aidant ne voit que ce qui sert à votre démarche.{' '}
            <a href={pageAidantsConnect} {...(externe ? { rel: 'noopener' } : {})}>
              Comment marche Aidants Connect
            </a>
          </p>
        ) : (
          ''
        )}
        {lieux ? <LieuxOrientation o={o} lieux={lieux} /> : ''}
      </div>
    </li>
  )
}

function LieuxOrientation({ o, lieux }: { o: Orientation; lieux: LieuxDUneOrientation }) {
  if (lieux.memesQue)
    return lieux.lieux.length > 0 ? (
      <p class="fr-text--sm" safe>
        {`Les mêmes lieux que pour « ${ORIENTATIONS[lieux.memesQue].titre} », plus haut.`}
      </p>
    ) : (
      ''
    )
  if (lieux.lieux.length === 0)
    return (
      <p class="fr-text--sm">
        Aucun lieu proche n’annonce encore ce service. Demandez-le dans un des lieux de cette page : ils
        sauront vous dire où aller.
      </p>
    )
  const intro =
    lieux.dispositif === 'Aidants Connect'
      ? 'Des aidants habilités Aidants Connect vous reçoivent ici :'
      : lieux.dispositif === 'France Services'
        ? o.id === 'aidants_connect'
          ? 'Les France services les plus proches : demandez à faire votre démarche avec un aidant Aidants Connect.'
          : 'Les France services les plus proches :'
        : 'Les lieux les plus proches :'
  return (
    <>
      <p class="fr-text--sm fr-mb-1w">{intro}</p>
      <ListeLieux lieux={lieux.lieux} />
    </>
  )
}

export function ResultatPage(p: ProprietesResultat) {
  const r = p.resultat
  const aucunLieu = p.lieux?.parOrientation.every((l) => l.lieux.length === 0) ?? false
  const lieuxDe = (o: Orientation) =>
    aucunLieu ? undefined : p.lieux?.parOrientation.find((l) => l.orientation === o.id)
  return (
    // The result is on the server: a copy of the answers kept in this browser is of no more use.
    <div class="escale-diagnostic escale-resultat" data-copie-locale={p.actions ? 'effacer' : undefined}>
      <h1 class="fr-mt-4w" data-lire>
        Votre résultat
      </h1>
      <Confort />
      <p class="fr-text--lead" data-lire>
        Bravo, c’est fini ! Voici ce que vous savez faire, ce que vous pouvez apprendre, et où aller.
      </p>

      <section aria-labelledby="titre-sais">
        <h2 id="titre-sais" class="fr-h4">
          <span class="fr-icon-checkbox-circle-line" aria-hidden="true" /> Ce que je sais faire
        </h2>
        {r.jeSais.length === 0 ? (
          <p data-lire>
            Vous débutez : c’est le bon moment pour apprendre, et des personnes sont là pour vous aider.
          </p>
        ) : (
          <ul class="escale-liste-picto" data-lire>
            {r.jeSais.flatMap((j) =>
              j.phrases.map((phrase) => (
                <li>
                  <Picto icone={COMPETENCES_DETAIL[j.competence].icone} />
                  <span safe>{phrase}</span>
                </li>
              )),
            )}
          </ul>
        )}
      </section>

      {r.prochains.length > 0 ? (
        <section aria-labelledby="titre-apprendre">
          <h2 id="titre-apprendre" class="fr-h4">
            <span class="fr-icon-lightbulb-line" aria-hidden="true" /> Ce que je vais apprendre
          </h2>
          <ul class="escale-liste-picto" data-lire>
            {r.prochains.map((x) => (
              <li>
                <Picto icone={COMPETENCES_DETAIL[x.competence].icone} />
                <span safe>{`Je vais apprendre à ${x.phrase}.`}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}

      {r.passes.length > 0 ? (
        <section aria-labelledby="titre-passes">
          <h2 id="titre-passes" class="fr-h4">
            <span class="fr-icon-arrow-right-line" aria-hidden="true" /> Les exercices que j’ai passés
          </h2>
          <p data-lire>
            Passer un exercice n’est pas une erreur. Un conseiller numérique peut les faire avec vous, à votre
            rythme.
          </p>
          <ul data-lire>
            {r.passes.map((x) => (
              <li safe>{x.titre}</li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}

      <section aria-labelledby="titre-ou">
        <h2 id="titre-ou" class="fr-h4">
          <span class="fr-icon-map-pin-2-line" aria-hidden="true" /> Où aller, et quand
        </h2>
        {p.lieux ? (
          <p safe>
            {`Les lieux près de ${p.lieux.commune} (${p.commune ?? ''}), du plus proche au plus loin. Ouvrez un lieu pour voir ses horaires et son téléphone.`}
          </p>
        ) : (
          <p>Pour voir les lieux les plus proches et leurs horaires, écrivez votre code postal.</p>
        )}
        <FormulaireCommune action={p.action} valeur={p.commune} erreur={p.erreurCommune} />
        {aucunLieu ? (
          <p class="fr-mt-2w">
            Nous n’avons pas encore de lieu à vous montrer près de ce code postal. Demandez à votre mairie ou
            à une France services.
          </p>
        ) : (
          ''
        )}
        <ul class="escale-orientations">
          {r.orientation.orientations.map((o) => (
            <CarteOrientation o={o} lieux={lieuxDe(o)} pageAidantsConnect={p.pageAidantsConnect} />
          ))}
        </ul>
      </section>

      {p.actions ? <Actions csrf={p.csrf} {...p.actions} /> : ''}
    </div>
  )
}

function Actions(p: NonNullable<ProprietesResultat['actions']> & { csrf: string }) {
  const e = p.envoi
  return (
    <>
      {p.avecConseiller ? (
        <section aria-labelledby="titre-partage" class="escale-encadre fr-mt-4w">
          <h2 id="titre-partage" class="fr-h4">
            Mon conseiller
          </h2>
          {p.consentement ? (
            <p>
              <span class="fr-icon-check-line" aria-hidden="true" /> Vous êtes d’accord : votre conseiller
              peut garder votre résultat dans votre dossier, sans votre nom.
            </p>
          ) : (
            <form method="post" action="/diagnostic/resultat/consentement">
              <Csrf jeton={p.csrf} />
              <p>
                Votre conseiller voit votre résultat sans votre nom. Il peut le garder pour suivre vos
                progrès, si vous êtes d’accord. Vous pouvez dire non : cela ne change rien à l’aide qu’il vous
                donne.
              </p>
              <button class="fr-btn" type="submit">
                Je suis d’accord pour qu’il garde mon résultat
              </button>
            </form>
          )}
        </section>
      ) : (
        ''
      )}

      <section aria-labelledby="titre-garder" class="fr-mt-4w">
        <h2 id="titre-garder" class="fr-h4">
          Garder mon résultat
        </h2>
        <p>
          <button
            type="button"
            class="fr-btn fr-btn--secondary fr-icon-printer-line fr-btn--icon-left"
            data-imprimer
            hidden
          >
            Imprimer
          </button>
        </p>
        <form method="post" action="/diagnostic/resultat/envoyer" novalidate class="escale-envoi">
          <Csrf jeton={p.csrf} />
          <fieldset class="fr-fieldset" id="canal">
            <legend class="fr-fieldset__legend">Recevoir un lien vers ce résultat</legend>
            <div class="fr-fieldset__element fr-fieldset__element--inline">
              <div class="fr-radio-group">
                <input
                  type="radio"
                  id="canal-email"
                  name="canal"
                  value="email"
                  checked={e?.canal !== 'sms'}
                />
                <label class="fr-label" for="canal-email">
                  Par e-mail
                </label>
              </div>
            </div>
            <div class="fr-fieldset__element fr-fieldset__element--inline">
              <div class="fr-radio-group">
                <input type="radio" id="canal-sms" name="canal" value="sms" checked={e?.canal === 'sms'} />
                <label class="fr-label" for="canal-sms">
                  Par SMS
                </label>
              </div>
            </div>
          </fieldset>
          <div class={`fr-input-group${e?.erreur ? ' fr-input-group--error' : ''}`}>
            <label class="fr-label" for="destinataire">
              Adresse e-mail ou numéro de téléphone portable
              <span class="fr-hint-text">
                {`Nous l’utilisons une seule fois, pour envoyer le lien. Il marche ${CONSERVATION_ANONYME_JOURS} jours.`}
              </span>
            </label>
            <input
              class={`fr-input${e?.erreur ? ' fr-input--error' : ''}`}
              id="destinataire"
              name="destinataire"
              value={e?.destinataire ?? ''}
              autocomplete="off"
              aria-describedby={e?.erreur ? 'destinataire-erreur' : undefined}
              aria-invalid={e?.erreur ? 'true' : undefined}
              autofocus={!!e?.erreur}
            />
            {e?.erreur ? (
              <p class="fr-error-text" id="destinataire-erreur" safe>
                {e.erreur}
              </p>
            ) : (
              ''
            )}
          </div>
          <button class="fr-btn fr-btn--secondary fr-icon-send-plane-line fr-btn--icon-left" type="submit">
            Envoyer le lien
          </button>
        </form>
      </section>

      <section aria-labelledby="titre-effacer" class="escale-encadre fr-mt-4w">
        <h2 id="titre-effacer" class="fr-h4">
          Effacer mes réponses
        </h2>
        <p>
          Sur un ordinateur partagé, effacez vos réponses avant de partir. Elles seront effacées partout, même
          chez votre conseiller.
        </p>
        <form method="post" action="/diagnostic/effacer">
          <Csrf jeton={p.csrf} />
          <button class="fr-btn fr-btn--tertiary fr-icon-delete-bin-line fr-btn--icon-left" type="submit">
            Effacer mes réponses
          </button>
        </form>
      </section>
    </>
  )
}
