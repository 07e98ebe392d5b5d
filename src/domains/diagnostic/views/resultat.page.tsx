import Html from '@kitajs/html'
import { Bouton } from '../../../platform/layout/boutons'
import { decritPar, ErreurChamp, LibelleChamp, Radios } from '../../../platform/layout/champs'
import { Csrf } from '../../../platform/layout/components'
import { COMPETENCES_DETAIL, type CompetenceId } from '../domain/contenu'
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

type Resultat = ProprietesResultat['resultat']

/** A section of the result, under a title with its pictogram. */
function Partie(p: { id: string; icone?: string; titre: string; classe?: string; children: Html.Children }) {
  return (
    <section aria-labelledby={p.id} class={p.classe}>
      <h2 id={p.id} class="fr-h4">
        {p.icone ? (
          <>
            <span class={p.icone} aria-hidden="true" />{' '}
          </>
        ) : (
          ''
        )}
        {Html.escapeHtml(p.titre)}
      </h2>
      {p.children}
    </section>
  )
}

/** Sentences read aloud, each after the pictogram of its competence. */
function ListePicto({ lignes }: { lignes: readonly { competence: CompetenceId; texte: string }[] }) {
  return (
    <ul class="escale-liste-picto" data-lire>
      {lignes.map((l) => (
        <li>
          <Picto icone={COMPETENCES_DETAIL[l.competence].icone} />
          <span safe>{l.texte}</span>
        </li>
      ))}
    </ul>
  )
}

function JeSais({ r }: { r: Resultat }) {
  return (
    <Partie id="titre-sais" icone="fr-icon-checkbox-circle-line" titre="Ce que je sais faire">
      {r.jeSais.length === 0 ? (
        <p data-lire>
          Vous débutez : c’est le bon moment pour apprendre, et des personnes sont là pour vous aider.
        </p>
      ) : (
        <ListePicto
          lignes={r.jeSais.flatMap((j) => j.phrases.map((texte) => ({ competence: j.competence, texte })))}
        />
      )}
    </Partie>
  )
}

function JeVaisApprendre({ r }: { r: Resultat }) {
  if (r.prochains.length === 0) return ''
  return (
    <Partie id="titre-apprendre" icone="fr-icon-lightbulb-line" titre="Ce que je vais apprendre">
      <ListePicto
        lignes={r.prochains.map((x) => ({
          competence: x.competence,
          texte: `Je vais apprendre à ${x.phrase}.`,
        }))}
      />
    </Partie>
  )
}

function ExercicesPasses({ r }: { r: Resultat }) {
  if (r.passes.length === 0) return ''
  return (
    <Partie id="titre-passes" icone="fr-icon-arrow-right-line" titre="Les exercices que j’ai passés">
      <p data-lire>
        Passer un exercice n’est pas une erreur. Un conseiller numérique peut les faire avec vous, à votre
        rythme.
      </p>
      <ul data-lire>
        {r.passes.map((x) => (
          <li safe>{x.titre}</li>
        ))}
      </ul>
    </Partie>
  )
}

/** Where to go: the places near the postcode, by orientation (none shown when no orientation has any). */
function OuAller(p: ProprietesResultat) {
  const aucunLieu = p.lieux?.parOrientation.every((l) => l.lieux.length === 0) ?? false
  const lieuxDe = (o: Orientation) =>
    aucunLieu ? undefined : p.lieux?.parOrientation.find((l) => l.orientation === o.id)
  return (
    <Partie id="titre-ou" icone="fr-icon-map-pin-2-line" titre="Où aller, et quand">
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
          Nous n’avons pas encore de lieu à vous montrer près de ce code postal. Demandez à votre mairie ou à
          une France services.
        </p>
      ) : (
        ''
      )}
      <ul class="escale-orientations">
        {p.resultat.orientation.orientations.map((o) => (
          <CarteOrientation o={o} lieux={lieuxDe(o)} pageAidantsConnect={p.pageAidantsConnect} />
        ))}
      </ul>
    </Partie>
  )
}

export function ResultatPage(p: ProprietesResultat) {
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
      <JeSais r={p.resultat} />
      <JeVaisApprendre r={p.resultat} />
      <ExercicesPasses r={p.resultat} />
      <OuAller {...p} />
      {p.actions ? <Actions csrf={p.csrf} {...p.actions} /> : ''}
    </div>
  )
}

type ProprietesActions = NonNullable<ProprietesResultat['actions']> & { csrf: string }

/** With a conseiller: the person's consent to keep the result in their file. */
function MonConseiller(p: ProprietesActions) {
  if (!p.avecConseiller) return ''
  return (
    <Partie id="titre-partage" titre="Mon conseiller" classe="escale-encadre fr-mt-4w">
      {p.consentement ? (
        <p>
          <span class="fr-icon-check-line" aria-hidden="true" /> Vous êtes d’accord : votre conseiller peut
          garder votre résultat dans votre dossier, sans votre nom.
        </p>
      ) : (
        <form method="post" action="/diagnostic/resultat/consentement">
          <Csrf jeton={p.csrf} />
          <p>
            Votre conseiller voit votre résultat sans votre nom. Il peut le garder pour suivre vos progrès, si
            vous êtes d’accord. Vous pouvez dire non : cela ne change rien à l’aide qu’il vous donne.
          </p>
          <Bouton>Je suis d’accord pour qu’il garde mon résultat</Bouton>
        </form>
      )}
    </Partie>
  )
}

const CANAUX = [
  { valeur: 'email', libelle: 'Par e-mail' },
  { valeur: 'sms', libelle: 'Par SMS' },
] as const

/** A link to the result, sent once by e-mail or SMS; the field in error takes the focus. */
function FormulaireEnvoi(p: ProprietesActions) {
  const e = p.envoi
  const aide = `Nous l’utilisons une seule fois, pour envoyer le lien. Il marche ${CONSERVATION_ANONYME_JOURS} jours.`
  const champ = { nom: 'destinataire', aide, erreur: e?.erreur }
  return (
    <form method="post" action="/diagnostic/resultat/envoyer" novalidate class="escale-envoi">
      <Csrf jeton={p.csrf} />
      <Radios
        nom="canal"
        legende="Recevoir un lien vers ce résultat"
        options={CANAUX}
        valeur={e?.canal === 'sms' ? 'sms' : 'email'}
      />
      <div class={`fr-input-group${e?.erreur ? ' fr-input-group--error' : ''}`}>
        <LibelleChamp {...champ} libelle="Adresse e-mail ou numéro de téléphone portable" />
        <input
          class={`fr-input${e?.erreur ? ' fr-input--error' : ''}`}
          id="destinataire"
          name="destinataire"
          value={e?.destinataire ?? ''}
          autocomplete="off"
          aria-describedby={decritPar(champ)}
          aria-invalid={e?.erreur ? 'true' : undefined}
          autofocus={!!e?.erreur}
        />
        <ErreurChamp nom="destinataire" erreur={e?.erreur} />
      </div>
      <Bouton variante="secondaire" icone="fr-icon-send-plane-line">
        Envoyer le lien
      </Bouton>
    </form>
  )
}

function GarderResultat(p: ProprietesActions) {
  return (
    <Partie id="titre-garder" titre="Garder mon résultat" classe="fr-mt-4w">
      <p>
        {/* Hidden until the island can print: `Bouton` has no `hidden` option. */}
        <button
          type="button"
          class="fr-btn fr-btn--secondary fr-icon-printer-line fr-btn--icon-left"
          data-imprimer
          hidden
        >
          Imprimer
        </button>
      </p>
      <FormulaireEnvoi {...p} />
    </Partie>
  )
}

function EffacerReponses({ csrf }: { csrf: string }) {
  return (
    <Partie id="titre-effacer" titre="Effacer mes réponses" classe="escale-encadre fr-mt-4w">
      <p>
        Sur un ordinateur partagé, effacez vos réponses avant de partir. Elles seront effacées partout, même
        chez votre conseiller.
      </p>
      <form method="post" action="/diagnostic/effacer">
        <Csrf jeton={csrf} />
        <Bouton variante="tertiaire" icone="fr-icon-delete-bin-line">
          Effacer mes réponses
        </Bouton>
      </form>
    </Partie>
  )
}

function Actions(p: ProprietesActions) {
  return (
    <>
      <MonConseiller {...p} />
      <GarderResultat {...p} />
      <EffacerReponses csrf={p.csrf} />
    </>
  )
}
