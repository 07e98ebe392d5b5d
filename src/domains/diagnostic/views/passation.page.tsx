import { Bouton, GroupeBoutons } from '../../../platform/layout/boutons'
import { Case } from '../../../platform/layout/champs'
import { Champ, Csrf, ResumeErreurs } from '../../../platform/layout/components'
import { nombreDe } from '../../../platform/pluriel'
import { afficherCode } from '../domain/code-session'
import { COMPETENCES, COMPETENCES_DETAIL, estQuestion, niveauxDe, QUESTIONS_DETAIL } from '../domain/contenu'
import type { Etape } from '../domain/moteur'
import { REGLES } from '../domain/orientation'
import { LIBELLES_FIN, type ResultatDiagnostic } from '../domain/resultat'
import { libelleEtape } from '../use-cases/suivre-session'
import { QuestionFormulaire } from './etape.page'
import {
  type BeneficiaireVue,
  dateCourte,
  type PassationVue,
  type ReponseVue,
  type SessionVue,
} from './modeles'

function texteMesures(m: Record<string, number>): string {
  const parts: string[] = []
  if (m.clicsHorsCible !== undefined) parts.push(`${nombreDe(m.clicsHorsCible, 'clic')} à côté`)
  if (m.intervalleDoubleClicMs !== undefined)
    parts.push(`double-clic en ${Math.round(m.intervalleDoubleClicMs)} ms`)
  if (m.clicsSimples !== undefined) parts.push(nombreDe(m.clicsSimples, 'clic simple', 'clics simples'))
  if (m.erreurs !== undefined) parts.push(nombreDe(m.erreurs, 'erreur'))
  if (m.caracteresParMinute !== undefined) parts.push(`${Math.round(m.caracteresParMinute)} caractères/min`)
  if (m.corrections !== undefined) parts.push(nombreDe(m.corrections, 'correction'))
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

const RESULTATS: Record<ReponseVue['resultat'], string> = {
  reussi: 'Réussi',
  echoue: 'Non réussi',
  passe: 'Passé',
}

function libelleReponse(r: ReponseVue): string {
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

interface ProprietesPassation {
  csrf: string
  passation: PassationVue
  session: SessionVue | undefined
  reponses: readonly ReponseVue[]
  etape: Etape
  resultat: ResultatDiagnostic
  beneficiaire: BeneficiaireVue | undefined
  erreurs?: Record<string, string | undefined>
  reference?: string
}

export function PassationPage(p: ProprietesPassation) {
  const action = `/diagnostic/passations/${p.passation.id}`
  return (
    <>
      <h1 class="fr-mt-4w">Diagnostic {p.passation.mode === 'accompagne' ? 'accompagné' : ''}</h1>
      <p safe>
        {`Commencé le ${dateCourte(p.passation.commenceLe)}${p.session ? ` — session ${afficherCode(p.session.code)}` : ''}${p.passation.termineLe ? ` — terminé le ${dateCourte(p.passation.termineLe)}` : ' — en cours'}`}
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
      <TableauReponses reponses={p.reponses} />
      <MoteurExplique passation={p.passation} resultat={p.resultat} />
      {p.passation.termineLe ? <ProfilEtOrientation {...p} action={`${action}/dossier`} /> : ''}
    </>
  )
}

function TableauReponses(p: { reponses: readonly ReponseVue[] }) {
  if (p.reponses.length === 0) return <p>Aucune réponse pour l’instant.</p>
  return (
    <div class="fr-table fr-table--no-scroll">
      <div class="fr-table__wrapper">
        <section class="fr-table__container" tabindex="0" aria-label="Réponses, dans l’ordre">
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
        </section>
      </div>
    </div>
  )
}

/** For each skill, the levels asked or deduced, and why the test stopped. */
function MoteurExplique(p: { passation: PassationVue; resultat: ResultatDiagnostic }) {
  const r = p.resultat
  return (
    <>
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
    </>
  )
}

function ProfilEtOrientation(p: ProprietesPassation & { action: string }) {
  const r = p.resultat
  return (
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
      <p safe>{`Orientations proposées : ${r.orientation.orientations.map((o) => o.titre).join(' ; ')}`}</p>
      <Dossier
        csrf={p.csrf}
        action={p.action}
        passation={p.passation}
        beneficiaire={p.beneficiaire}
        erreurs={p.erreurs}
        reference={p.reference}
      />
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
        {/* Hand-written: shown by the island only (`hidden` until its script runs), which `Bouton` has not. */}
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
        <GroupeBoutons enLigne="md">
          <Bouton nom="observe" valeur="reussi">
            Réussi (observé)
          </Bouton>
          <Bouton variante="secondaire" nom="observe" valeur="echoue">
            Non réussi
          </Bouton>
          <Bouton variante="tertiaire" nom="observe" valeur="passe">
            Passé
          </Bouton>
        </GroupeBoutons>
      </form>
    </section>
  )
}

function Dossier(p: {
  csrf: string
  action: string
  passation: PassationVue
  beneficiaire: BeneficiaireVue | undefined
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
      <Champ
        nom="reference"
        libelle="Référence du dossier"
        maxlength={40}
        valeur={p.reference}
        erreur={p.erreurs?.reference}
      />
      {p.passation.consentementLe ? (
        <p
          safe
        >{`La personne a donné son accord sur son écran le ${dateCourte(p.passation.consentementLe)}.`}</p>
      ) : (
        <Case
          nom="accord"
          libelle="La personne m’a dit qu’elle est d’accord pour que je garde son résultat"
          erreur={p.erreurs?.accord}
        />
      )}
      <Bouton>Garder le résultat</Bouton>
    </form>
  )
}
