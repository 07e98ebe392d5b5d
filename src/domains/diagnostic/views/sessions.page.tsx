import Html from '@kitajs/html'
import { Bouton } from '../../../platform/layout/boutons'
import { Champ, ChoixListe, Csrf, EtatVide, ResumeErreurs } from '../../../platform/layout/components'
import { afficherCode } from '../domain/code-session'
import { VALIDITE_CODE_JOURS } from '../domain/retention'
import type { LigneSuivi } from '../use-cases/suivre-session'
import { dateCourte, type SessionVue } from './modeles'

export interface StructureConseiller {
  code: string
  libelle: string
}

export function SessionsPage(p: {
  csrf: string
  structures: readonly StructureConseiller[]
  sessions: readonly SessionVue[]
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
        <Champ
          nom="libelle"
          libelle="Nom de la séance"
          aide="Pour vous y retrouver, par exemple « Atelier du mardi ». Pas de nom de personne."
          requis={false}
          maxlength={80}
          erreur={p.erreurs?.libelle}
        />
        {p.structures.length > 1 ? (
          <ChoixListe
            nom="structure"
            libelle="Structure"
            options={p.structures.map((s) => ({ valeur: s.code, libelle: s.libelle }))}
            requis={false}
            erreur={p.erreurs?.structure}
          />
        ) : (
          ''
        )}
        <Bouton>Créer un code</Bouton>
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
                {`créée le ${dateCourte(s.creeLe)}${s.expireLe <= p.maintenant ? ' — expirée' : ''}`}
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
        <section class="fr-table__container" tabindex="0" aria-label="Personnes de cette session">
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
        </section>
      </div>
    </div>
  )
}

export function SessionPage({
  safeQrSvg,
  ...p
}: {
  csrf: string
  session: SessionVue
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
        <Bouton variante="secondaire" icone="fr-icon-team-line" desactive={p.expiree}>
          Démarrer en mode accompagné
        </Bouton>
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
