import Html from '@kitajs/html'
import { Bouton, GroupeBoutons } from '../../../platform/layout/boutons'
import { Badge, Radios } from '../../../platform/layout/champs'
import { Csrf, type ErreursFormulaire, EtatVide, ResumeErreurs } from '../../../platform/layout/components'

export interface VueDemandeTenue {
  id: string
  reference: string
  prenom: string
  /** « 06 12 34 56 78 », and the `tel:` link that dials it. */
  numero: string
  lienTel: string
  besoin: string
  demarche?: string | undefined
  /** « 5 décembre 2026 », when the person gave a deadline. */
  dateLimite?: string | undefined
  urgences: readonly string[]
  /** « jeudi 3 décembre, l’après-midi (14 h – 17 h), heure de La Réunion — 11 h – 14 h à Paris ». */
  quand: string
  langue: string
  reponseParSms: boolean
  tentatives: readonly { issue: string; le: string }[]
}

export interface VueFile {
  enAttente: number
  horsDelai: number
  /** « depuis 2 h 10 », for the oldest request still open. */
  attenteMax?: string | undefined
  tenue?: VueDemandeTenue | undefined
  issuesTentative: readonly { valeur: string; libelle: string }[]
  issuesAppel: readonly { valeur: string; libelle: string }[]
}

const pluriel = (n: number, un: string, plusieurs: string) => `${n} ${n < 2 ? un : plusieurs}`

function EtatFile({ v }: { v: VueFile }) {
  return (
    <ul class="fr-badges-group fr-mb-3w">
      <li>
        <Badge type="info" texte={pluriel(v.enAttente, 'demande ouverte', 'demandes ouvertes')} />
      </li>
      {v.horsDelai > 0 ? (
        <li>
          <Badge type="error" texte={pluriel(v.horsDelai, 'demande hors délai', 'demandes hors délai')} />
        </li>
      ) : (
        ''
      )}
      {v.attenteMax ? (
        <li>
          <Badge type="warning" texte={`La plus ancienne attend ${v.attenteMax}`} />
        </li>
      ) : (
        ''
      )}
    </ul>
  )
}

function FicheDemande({ d }: { d: VueDemandeTenue }) {
  return (
    <section class="fr-callout fr-mb-3w" aria-labelledby="demande-tenue">
      <div>
        <div>
          <h2 class="fr-h4" id="demande-tenue">
            {Html.escapeHtml(d.prenom)} — <span safe>{d.reference}</span>
          </h2>
          <p>
            <a class="fr-link fr-icon-phone-line fr-link--icon-left fr-text--lead" href={d.lienTel} safe>
              {`Appeler le ${d.numero}`}
            </a>
          </p>
          <dl>
            <dt>Besoin</dt>
            <dd safe>{d.demarche ? `${d.besoin} : ${d.demarche}` : d.besoin}</dd>
            {d.dateLimite ? (
              <>
                <dt>Date limite</dt>
                <dd safe>{d.dateLimite}</dd>
              </>
            ) : (
              ''
            )}
            <dt>À appeler</dt>
            <dd safe>{d.quand}</dd>
            <dt>Langue</dt>
            <dd safe>{d.langue}</dd>
          </dl>
          {d.urgences.length || d.reponseParSms ? (
            <ul class="fr-badges-group">
              {d.urgences.map((u) => (
                <li>
                  <Badge type="error" texte={u} />
                </li>
              ))}
              {d.reponseParSms ? (
                <li>
                  <Badge type="info" texte="Entend mal : préfère les SMS" />
                </li>
              ) : (
                ''
              )}
            </ul>
          ) : (
            ''
          )}
          {d.tentatives.length ? (
            <>
              <h3 class="fr-h6 fr-mt-2w">Appels déjà faits</h3>
              <ul>
                {d.tentatives.map((t) => (
                  <li safe>{`${t.le} : ${t.issue}`}</li>
                ))}
              </ul>
            </>
          ) : (
            ''
          )}
        </div>
      </div>
    </section>
  )
}

export function FilePage(p: {
  v: VueFile
  csrf: string
  e: ErreursFormulaire
  valeurs: Record<string, string>
}) {
  const { v } = p
  const d = v.tenue
  return (
    <>
      <h1>File des rappels</h1>
      <EtatFile v={v} />
      <ResumeErreurs erreurs={p.e} />
      {d ? (
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-6">
            <FicheDemande d={d} />
          </div>
          <div class="fr-col-12 fr-col-md-6">
            <form method="post" action={`/solidarite/demandes/${d.id}/tentative`}>
              <Csrf jeton={p.csrf} />
              <Radios
                nom="issue"
                legende="Comment s’est passé l’appel ?"
                options={v.issuesTentative}
                valeur={p.valeurs.issue}
                erreur={p.e.issue}
              />
              <Bouton>Enregistrer l’appel</Bouton>
            </form>
            <form method="post" action={`/solidarite/demandes/${d.id}/cloture`} class="fr-mt-4w">
              <Csrf jeton={p.csrf} />
              <Radios
                nom="cloture"
                legende="La personne a été aidée : comment ?"
                options={v.issuesAppel}
                valeur={p.valeurs.cloture}
                erreur={p.e.cloture}
              />
              <Bouton variante="secondaire">Terminer la demande</Bouton>
            </form>
          </div>
        </div>
      ) : (
        <>
          {v.enAttente === 0 ? (
            <EtatVide titre="Personne n’attend d’appel pour l’instant">
              <p>Les nouvelles demandes arrivent ici dès qu’elles sont faites.</p>
            </EtatVide>
          ) : (
            ''
          )}
          <form method="post" action="/solidarite/suivante">
            <Csrf jeton={p.csrf} />
            <GroupeBoutons>
              <Bouton taille="lg" icone="fr-icon-phone-line">
                Prendre la suivante
              </Bouton>
            </GroupeBoutons>
          </form>
        </>
      )}
    </>
  )
}
