import Html from '@kitajs/html'
import { Csrf, EtatVide, ResumeErreurs } from '../../../platform/layout/components'
import type { BeneficiaireRow, PassationRow, ReponseRow, SessionRow } from '../db/diagnostic-repository'
import { afficherCode } from '../domain/code-session'
import {
  COMPETENCES,
  COMPETENCES_DETAIL,
  type CompetenceId,
  estQuestion,
  niveauxDe,
  QUESTIONS_DETAIL,
} from '../domain/contenu'
import type { Etape } from '../domain/moteur'
import { REGLES } from '../domain/orientation'
import { LIBELLES_FIN, type ResultatDiagnostic } from '../domain/resultat'
import { VALIDITE_CODE_JOURS } from '../domain/retention'
import { type LigneSuivi, libelleEtape } from '../use-cases/suivre-session'
import { QuestionFormulaire } from './etape.page'

const date = (d: Date) =>
  d.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' })

export interface StructureConseiller {
  code: string
  libelle: string
}

export function SessionsPage(p: {
  csrf: string
  structures: readonly StructureConseiller[]
  sessions: readonly SessionRow[]
  erreurs?: Record<string, string | undefined>
  maintenant: Date
}) {
  return (
    <>
      <h1 class="fr-mt-4w">Diagnostics</h1>
      <p class="fr-text--lead">
        Créez un code de session : la personne le saisit sur son téléphone ou l’ordinateur du lieu, et vous
        suivez son diagnostic en direct. Sans appareil pour la personne, démarrez le mode accompagné depuis la
        session.
      </p>
      <p>
        <a class="fr-link fr-icon-user-line fr-link--icon-left" href="/diagnostic/beneficiaires">
          Dossiers bénéficiaires
        </a>{' '}
        ·{' '}
        <a class="fr-link fr-icon-download-line fr-link--icon-left" href="/diagnostic/export.csv">
          Exporter les diagnostics (CSV)
        </a>
      </p>
      <ResumeErreurs erreurs={p.erreurs ?? {}} />
      <form method="post" action="/diagnostic/sessions" class="escale-encadre fr-mb-4w" novalidate>
        <Csrf jeton={p.csrf} />
        <h2 class="fr-h5">Nouveau code de session</h2>
        <div class="fr-input-group">
          <label class="fr-label" for="libelle">
            Nom de la séance (facultatif)
            <span class="fr-hint-text">
              Pour vous y retrouver, par exemple « Atelier du mardi ». Pas de nom de personne.
            </span>
          </label>
          <input class="fr-input" id="libelle" name="libelle" maxlength={80} />
        </div>
        {p.structures.length > 1 ? (
          <div class="fr-select-group">
            <label class="fr-label" for="structure">
              Structure
            </label>
            <select class="fr-select" id="structure" name="structure">
              {p.structures.map((s) => (
                <option value={s.code} safe>
                  {s.libelle}
                </option>
              ))}
            </select>
          </div>
        ) : (
          ''
        )}
        <button class="fr-btn" type="submit">
          Créer un code
        </button>
        <p class="fr-hint-text fr-mt-1w">{`Un code sert ${VALIDITE_CODE_JOURS} jours, pour une ou plusieurs personnes.`}</p>
      </form>
      <h2 class="fr-h4">Sessions récentes</h2>
      {p.sessions.length === 0 ? (
        <EtatVide titre="Aucune session pour l’instant">
          <p class="fr-callout__text">Créez un code ci-dessus pour commencer.</p>
        </EtatVide>
      ) : (
        <ul class="escale-liste-sessions">
          {p.sessions.map((s) => (
            <li>
              <a href={`/diagnostic/sessions/${s.code}`}>
                <span class="escale-code" safe>
                  {afficherCode(s.code)}
                </span>{' '}
                <span safe>{s.libelle || 'Sans nom'}</span>
              </a>{' '}
              <span class="fr-text--sm" safe>
                {`créée le ${date(s.creeLe)}${s.expireLe <= p.maintenant ? ' — expirée' : ''}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

export function TableauSuivi({ lignes }: { lignes: readonly LigneSuivi[] }) {
  if (lignes.length === 0)
    return (
      <p data-suivi-vide>Personne n’a encore rejoint cette session. La liste se met à jour toute seule.</p>
    )
  return (
    <div class="fr-table fr-table--no-scroll">
      <div class="fr-table__wrapper">
        <div class="fr-table__container" tabindex="0" role="region" aria-label="Personnes de cette session">
          <div class="fr-table__content">
            <table>
              <caption>Personnes de cette session</caption>
              <thead>
                <tr>
                  <th scope="col">Personne</th>
                  <th scope="col">Où elle en est</th>
                  <th scope="col">Étapes</th>
                  <th scope="col">État</th>
                </tr>
              </thead>
              <tbody>
                {lignes.map((l) => (
                  <tr>
                    <td>
                      <a href={`/diagnostic/passations/${l.id}`} safe>
                        {`Personne ${l.numero}${l.mode === 'accompagne' ? ' (accompagnée)' : ''}`}
                      </a>
                    </td>
                    <td safe>{l.etapeLibelle}</td>
                    <td
                      safe
                    >{`${l.faites} faites${l.restantesMax > 0 ? `, ${l.restantesMax} au plus à venir` : ''}`}</td>
                    <td>
                      {l.etat === 'termine'
                        ? l.garde
                          ? 'Terminé, gardé dans un dossier'
                          : l.consentement
                            ? 'Terminé, accord donné'
                            : 'Terminé'
                        : l.etat === 'interrompu'
                          ? 'Arrêté (inactivité)'
                          : 'En cours'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  )
}

export function SessionPage({
  safeQrSvg,
  ...p
}: {
  csrf: string
  session: SessionRow
  lignes: readonly LigneSuivi[]
  safeQrSvg: string
  lienCode: string
  expiree: boolean
}) {
  const code = afficherCode(p.session.code)
  return (
    <>
      <h1 class="fr-mt-4w">
        {Html.escapeHtml(p.session.libelle ? `Session « ${p.session.libelle} »` : 'Session de diagnostic')}
      </h1>
      <div class="escale-session">
        <div>
          <p class="fr-mb-1w">Code à donner à la personne :</p>
          <p class="escale-code escale-code--grand" safe>
            {code}
          </p>
          <p class="fr-text--sm">
            Sur Escale, page « Faire le point », bouton « J’ai un code ». Ou scannez le QR code avec
            l’appareil photo du téléphone.
          </p>
          {p.expiree ? <p class="fr-badge fr-badge--warning">Code expiré</p> : ''}
        </div>
        <div class="escale-qr" role="img" aria-label={`QR code qui ouvre la page du code ${code}`}>
          {safeQrSvg}
        </div>
      </div>
      <p class="fr-text--sm" safe>{`Lien direct : ${p.lienCode}`}</p>
      <form method="post" action={`/diagnostic/sessions/${p.session.code}/accompagne`} class="fr-mb-4w">
        <Csrf jeton={p.csrf} />
        <button
          class="fr-btn fr-btn--secondary fr-icon-team-line fr-btn--icon-left"
          type="submit"
          disabled={p.expiree}
        >
          Démarrer en mode accompagné
        </button>
        <p class="fr-hint-text fr-mt-1w">
          La personne n’a pas d’appareil, ou préfère : vous faites le diagnostic ensemble sur votre écran, et
          vous notez ce que vous observez.
        </p>
      </form>
      <h2 class="fr-h4">En direct</h2>
      <div data-suivi-session={p.session.code} aria-live="polite">
        <TableauSuivi lignes={p.lignes} />
      </div>
      <p class="fr-text--sm">
        La liste se met à jour toutes les 5 secondes. Sans JavaScript,{' '}
        <a href={`/diagnostic/sessions/${p.session.code}`}>rechargez la page</a>.
      </p>
    </>
  )
}

function texteMesures(m: Record<string, number>): string {
  const parts: string[] = []
  if (m.clicsHorsCible !== undefined) parts.push(`${m.clicsHorsCible} clic(s) à côté`)
  if (m.intervalleDoubleClicMs !== undefined)
    parts.push(`double-clic en ${Math.round(m.intervalleDoubleClicMs)} ms`)
  if (m.clicsSimples !== undefined) parts.push(`${m.clicsSimples} clic(s) simple(s)`)
  if (m.erreurs !== undefined) parts.push(`${m.erreurs} erreur(s)`)
  if (m.caracteresParMinute !== undefined) parts.push(`${Math.round(m.caracteresParMinute)} caractères/min`)
  if (m.corrections !== undefined) parts.push(`${m.corrections} correction(s)`)
  if (m.defilementPx !== undefined) parts.push(`défilement ${Math.round(m.defilementPx)} px`)
  if (m.glisser) parts.push('glisser-déposer')
  if (m.clavier) parts.push('au clavier')
  if (m.tactile) parts.push('au doigt')
  if (m.horsLigne) parts.push('fait sans réseau')
  return parts.join(', ') || '—'
}

const LIBELLES_PROFIL: Record<string, string> = {
  equipe: 'équipée',
  partiel: 'partiel (pas de box internet)',
  aucun: 'aucun appareil',
  debutant: 'débutant',
  intermediaire: 'intermédiaire',
  autonome: 'autonome',
  faible: 'faible',
  moyenne: 'moyenne',
  bonne: 'bonne',
  aisee: 'aisée',
  difficile: 'difficile',
}

const RESULTATS: Record<ReponseRow['resultat'], string> = {
  reussi: 'Réussi',
  echoue: 'Non réussi',
  passe: 'Passé',
}

function libelleReponse(r: ReponseRow): string {
  if (estQuestion(r.item)) {
    const q = QUESTIONS_DETAIL[r.item]
    if (r.resultat === 'passe' || !r.valeur) return 'Sans réponse'
    return r.valeur
      .split(',')
      .map((v) => q.choix.find((c) => c.valeur === v)?.libelle ?? v)
      .join(', ')
  }
  return `${RESULTATS[r.resultat]}${r.source === 'conseiller' ? ' (observé)' : ''}`
}

export function PassationPage(p: {
  csrf: string
  passation: PassationRow
  session: SessionRow | undefined
  reponses: readonly ReponseRow[]
  etape: Etape
  resultat: ResultatDiagnostic
  beneficiaire: BeneficiaireRow | undefined
  erreurs?: Record<string, string | undefined>
  reference?: string
}) {
  const r = p.resultat
  const action = `/diagnostic/passations/${p.passation.id}`
  return (
    <>
      <h1 class="fr-mt-4w">Diagnostic {p.passation.mode === 'accompagne' ? 'accompagné' : ''}</h1>
      <p safe>
        {`Commencé le ${date(p.passation.commenceLe)}${p.session ? ` — session ${afficherCode(p.session.code)}` : ''}${p.passation.termineLe ? ` — terminé le ${date(p.passation.termineLe)}` : ' — en cours'}`}
      </p>
      {p.session ? (
        <p>
          <a
            class="fr-link fr-icon-arrow-left-line fr-link--icon-left"
            href={`/diagnostic/sessions/${p.session.code}`}
          >
            Retour à la session
          </a>
        </p>
      ) : (
        ''
      )}
      {p.etape.type !== 'fin' ? <Accompagner csrf={p.csrf} action={`${action}/etape`} etape={p.etape} /> : ''}

      <h2 class="fr-h4 fr-mt-4w">Réponses, temps et mesures</h2>
      {p.reponses.length === 0 ? (
        <p>Aucune réponse pour l’instant.</p>
      ) : (
        <div class="fr-table fr-table--no-scroll">
          <div class="fr-table__wrapper">
            <div class="fr-table__container" tabindex="0" role="region" aria-label="Réponses, dans l’ordre">
              <div class="fr-table__content">
                <table>
                  <caption class="fr-sr-only">Réponses, dans l’ordre</caption>
                  <thead>
                    <tr>
                      <th scope="col">Étape</th>
                      <th scope="col">Réponse</th>
                      <th scope="col">Temps</th>
                      <th scope="col">Essais</th>
                      <th scope="col">Mesures</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.reponses.map((x) => (
                      <tr>
                        <td safe>{libelleEtape(x.item).replace(/^Question : /, '')}</td>
                        <td safe>{libelleReponse(x)}</td>
                        <td safe>{`${Math.round(x.dureeMs / 1000)} s`}</td>
                        <td safe>{String(x.essais)}</td>
                        <td safe>{estQuestion(x.item) ? '—' : texteMesures(x.mesures)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </div>
      )}

      <h2 class="fr-h4 fr-mt-4w">Compétences (moteur expliqué)</h2>
      <ul class="escale-explication">
        {COMPETENCES.map((c) => (
          <li>
            <strong safe>{COMPETENCES_DETAIL[c].libelle}</strong>
            <span safe>{` : niveau ${r.profil.niveaux[c]} sur ${niveauxDe(c)}. `}</span>
            <span class="fr-text--sm" safe>
              {r.positions[c]
                .map(
                  (n) =>
                    `niveau ${n.niveau} ${n.etat === 'acquis' ? 'acquis' : n.etat === 'non_acquis' ? 'non acquis' : 'pas vu'}${n.source === 'deduit' ? ' (déduit, pas posé)' : n.source === 'direct' ? ' (posé)' : ''}`,
                )
                .join(' ; ')}
            </span>
          </li>
        ))}
      </ul>
      {p.passation.fin ? (
        <p class="fr-text--sm" safe>
          {`Pourquoi le test s’est arrêté : ${LIBELLES_FIN[p.passation.fin]}`}
        </p>
      ) : (
        ''
      )}

      {p.passation.termineLe ? (
        <>
          <h2 class="fr-h4 fr-mt-4w">Profil de besoins et orientation</h2>
          <ul>
            <li
              safe
            >{`Accès : ${LIBELLES_PROFIL[r.profil.acces]} ; compétences : ${LIBELLES_PROFIL[r.profil.competences]} ; confiance : ${LIBELLES_PROFIL[r.profil.confiance]} ; lecture : ${LIBELLES_PROFIL[r.profil.lecture]}`}</li>
            <li
              safe
            >{`Démarche à faire : ${r.profil.fairePourMoi ? 'oui, veut qu’on la fasse pour elle' : r.profil.demarcheUrgente ? 'oui' : 'non'}`}</li>
          </ul>
          <ul>
            {r.orientation.regles.map((id) => {
              const regle = REGLES.find((x) => x.id === id)
              return <li safe>{`${id} — ${regle?.pourquoi ?? ''}`}</li>
            })}
          </ul>
          <p
            safe
          >{`Orientations proposées : ${r.orientation.orientations.map((o) => o.titre).join(' ; ')}`}</p>
          <Dossier
            csrf={p.csrf}
            action={`${action}/dossier`}
            passation={p.passation}
            beneficiaire={p.beneficiaire}
            erreurs={p.erreurs}
            reference={p.reference}
          />
        </>
      ) : (
        ''
      )}
    </>
  )
}

function Accompagner(p: { csrf: string; action: string; etape: Exclude<Etape, { type: 'fin' }> }) {
  if (p.etape.type === 'question')
    return (
      <section class="escale-encadre fr-mt-3w" aria-labelledby="titre-accompagner">
        <h2 class="fr-h5" id="titre-accompagner">
          Mode accompagné : question en cours
        </h2>
        <p>Lisez la question à la personne et cochez ce qu’elle répond.</p>
        <QuestionFormulaire question={p.etape.question} csrf={p.csrf} action={p.action} pourConseiller />
      </section>
    )
  const item = p.etape.item
  return (
    <section class="escale-encadre fr-mt-3w" aria-labelledby="titre-accompagner">
      <h2 class="fr-h5" id="titre-accompagner" safe>
        {`Mode accompagné : ${item.titre}`}
      </h2>
      <p data-consigne safe>
        {item.consigne}
      </p>
      <p class="fr-hint-text" safe>{`Sans souris : ${item.consigneAlternative}`}</p>
      <p>
        <button
          type="button"
          class="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-volume-up-line fr-btn--icon-left"
          data-lire-consigne
          hidden
        >
          Lire la consigne à voix haute
        </button>
      </p>
      <form method="post" action={p.action}>
        <Csrf jeton={p.csrf} />
        <input type="hidden" name="etape" value={item.id} />
        <p>Ce que vous avez observé :</p>
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button class="fr-btn" type="submit" name="observe" value="reussi">
              Réussi (observé)
            </button>
          </li>
          <li>
            <button class="fr-btn fr-btn--secondary" type="submit" name="observe" value="echoue">
              Non réussi
            </button>
          </li>
          <li>
            <button class="fr-btn fr-btn--tertiary" type="submit" name="observe" value="passe">
              Passé
            </button>
          </li>
        </ul>
      </form>
    </section>
  )
}

function Dossier(p: {
  csrf: string
  action: string
  passation: PassationRow
  beneficiaire: BeneficiaireRow | undefined
  erreurs?: Record<string, string | undefined> | undefined
  reference?: string | undefined
}) {
  if (p.beneficiaire)
    return (
      <p class="fr-mt-3w">
        <span class="fr-icon-check-line" aria-hidden="true" /> Gardé dans le dossier{' '}
        <a href={`/diagnostic/beneficiaires/${p.beneficiaire.id}`} safe>
          {p.beneficiaire.reference}
        </a>
        .
      </p>
    )
  return (
    <form method="post" action={p.action} class="escale-encadre fr-mt-3w" novalidate>
      <Csrf jeton={p.csrf} />
      <h2 class="fr-h5">Garder dans un dossier bénéficiaire</h2>
      <ResumeErreurs erreurs={p.erreurs ?? {}} />
      <p>
        Le dossier est pseudonyme : une référence de votre choix (par exemple « BEN-2026-014 »), jamais le nom
        de la personne.
      </p>
      <div class={`fr-input-group${p.erreurs?.reference ? ' fr-input-group--error' : ''}`}>
        <label class="fr-label" for="reference">
          Référence du dossier
        </label>
        <input
          class={`fr-input${p.erreurs?.reference ? ' fr-input--error' : ''}`}
          id="reference"
          name="reference"
          maxlength={40}
          value={p.reference ?? ''}
          aria-invalid={p.erreurs?.reference ? 'true' : undefined}
        />
      </div>
      {p.passation.consentementLe ? (
        <p safe>{`La personne a donné son accord sur son écran le ${date(p.passation.consentementLe)}.`}</p>
      ) : (
        <div
          class={`fr-checkbox-group fr-mb-2w${p.erreurs?.accord ? ' fr-checkbox-group--error' : ''}`}
          id="accord-groupe"
        >
          <input
            type="checkbox"
            id="accord"
            name="accord"
            value="oui"
            aria-invalid={p.erreurs?.accord ? 'true' : undefined}
          />
          <label class="fr-label" for="accord">
            La personne m’a dit qu’elle est d’accord pour que je garde son résultat
          </label>
        </div>
      )}
      <button class="fr-btn" type="submit">
        Garder le résultat
      </button>
    </form>
  )
}

export function BeneficiairesPage(p: {
  beneficiaires: readonly { id: string; reference: string; dernierDiagnosticLe: Date; diagnostics: number }[]
}) {
  return (
    <>
      <h1 class="fr-mt-4w">Dossiers bénéficiaires</h1>
      <p>Les diagnostics gardés avec l’accord des personnes, sous une référence pseudonyme.</p>
      {p.beneficiaires.length === 0 ? (
        <EtatVide titre="Aucun dossier">
          <p class="fr-callout__text">Gardez un diagnostic terminé depuis sa page pour créer un dossier.</p>
        </EtatVide>
      ) : (
        <ul>
          {p.beneficiaires.map((b) => (
            <li>
              <a href={`/diagnostic/beneficiaires/${b.id}`} safe>
                {b.reference}
              </a>
              <span
                safe
              >{` — ${b.diagnostics} diagnostic${b.diagnostics > 1 ? 's' : ''}, le dernier le ${date(b.dernierDiagnosticLe)}`}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

export function BeneficiairePage(p: {
  csrf: string
  beneficiaire: BeneficiaireRow
  historique: readonly { passation: PassationRow; niveaux: Record<CompetenceId, number> }[]
  erreurFiche?: string | undefined
  valeurFiche?: string | undefined
}) {
  const premier = p.historique[0]
  const dernier = p.historique[p.historique.length - 1]
  return (
    <>
      <h1 class="fr-mt-4w" safe>{`Dossier ${p.beneficiaire.reference}`}</h1>
      <div class="fr-table fr-table--no-scroll">
        <div class="fr-table__wrapper">
          <div
            class="fr-table__container"
            tabindex="0"
            role="region"
            aria-label="Progrès par compétence, d’un diagnostic à l’autre"
          >
            <div class="fr-table__content">
              <table>
                <caption>Progrès par compétence, d’un diagnostic à l’autre</caption>
                <thead>
                  <tr>
                    <th scope="col">Compétence</th>
                    {p.historique.map((h) => (
                      <th scope="col" safe>
                        {date(h.passation.commenceLe)}
                      </th>
                    ))}
                    <th scope="col">Progrès</th>
                  </tr>
                </thead>
                <tbody>
                  {COMPETENCES.map((c) => {
                    const ecart = premier && dernier ? dernier.niveaux[c] - premier.niveaux[c] : 0
                    return (
                      <tr>
                        <th scope="row" safe>
                          {COMPETENCES_DETAIL[c].libelle}
                        </th>
                        {p.historique.map((h) => (
                          <td safe>{`${h.niveaux[c]} / ${niveauxDe(c)}`}</td>
                        ))}
                        <td safe>{ecart > 0 ? `+${ecart}` : ecart === 0 ? '=' : String(ecart)}</td>
                      </tr>
                    )
                  })}
                </tbody>
              </table>
            </div>
          </div>
        </div>
      </div>
      <form method="post" action={`/diagnostic/beneficiaires/${p.beneficiaire.id}/retest`}>
        <Csrf jeton={p.csrf} />
        <button class="fr-btn fr-icon-refresh-line fr-btn--icon-left" type="submit">
          Refaire le diagnostic (nouveau code)
        </button>
        <p class="fr-hint-text fr-mt-1w">Le résultat rejoindra ce dossier si la personne est d’accord.</p>
      </form>
      <p class="fr-mt-3w">
        {p.historique.map((h) => (
          <a class="fr-link fr-mr-2w" href={`/diagnostic/passations/${h.passation.id}`} safe>
            {`Diagnostic du ${date(h.passation.commenceLe)}`}
          </a>
        ))}
      </p>
      <FicheSuivi {...p} />
    </>
  )
}

/** The link to a follow-up file of « Mes activités » (activities domain), which then lists these results. */
function FicheSuivi(p: Parameters<typeof BeneficiairePage>[0]) {
  const fiche = p.beneficiaire.ficheSuiviId
  const action = `/diagnostic/beneficiaires/${p.beneficiaire.id}/fiche`
  return (
    <section class="fr-mt-4w" aria-labelledby="titre-fiche">
      <h2 id="titre-fiche" class="fr-h5">
        Fiche de suivi dans « Mes activités »
      </h2>
      {fiche ? (
        <>
          <p>
            Ce dossier est rattaché à <a href={`/activites/beneficiaires/${fiche}`}>une fiche de suivi</a> :
            ses diagnostics y apparaissent.
          </p>
          <form method="post" action={action}>
            <Csrf jeton={p.csrf} />
            <input type="hidden" name="fiche" value="" />
            <button class="fr-btn fr-btn--tertiary fr-btn--sm" type="submit">
              Détacher de la fiche de suivi
            </button>
          </form>
        </>
      ) : (
        <form method="post" action={action} novalidate>
          <Csrf jeton={p.csrf} />
          {p.erreurFiche ? <ResumeErreurs erreurs={{ fiche: p.erreurFiche }} /> : ''}
          <div class={`fr-input-group${p.erreurFiche ? ' fr-input-group--error' : ''}`}>
            <label class="fr-label" for="fiche">
              Adresse de la fiche de suivi
              <span class="fr-hint-text" id="fiche-aide">
                Ouvrez la fiche de la personne dans « Mes activités », copiez l’adresse de la page et
                collez-la ici. Ses diagnostics gardés y apparaîtront.
              </span>
            </label>
            <input
              class={`fr-input${p.erreurFiche ? ' fr-input--error' : ''}`}
              id="fiche"
              name="fiche"
              value={p.valeurFiche ?? ''}
              autocomplete="off"
              spellcheck="false"
              aria-describedby={p.erreurFiche ? 'fiche-aide fiche-erreur' : 'fiche-aide'}
              aria-invalid={p.erreurFiche ? 'true' : undefined}
            />
            {p.erreurFiche ? (
              <p class="fr-error-text" id="fiche-erreur" safe>
                {p.erreurFiche}
              </p>
            ) : (
              ''
            )}
          </div>
          <button class="fr-btn fr-btn--secondary" type="submit">
            Rattacher à cette fiche
          </button>
        </form>
      )}
    </section>
  )
}
