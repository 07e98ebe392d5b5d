import Html from '@kitajs/html'
import { REGIONS } from '../../../platform/geo/territoires'
import {
  Champ,
  Csrf,
  type ErreursFormulaire,
  ResumeErreurs,
  Tableau,
} from '../../../platform/layout/components'
import {
  STATUTS_AIDANT,
  STATUTS_DEMANDE,
  type StatutAidant,
  type StatutDemande,
  TYPES_ORGANISATION,
} from '../domain/habilitation'

const dateHeureFr = (d: Date) =>
  d.toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' })

const libelleStatut = (s: string) => STATUTS_DEMANDE[s as StatutDemande] ?? s
const CLASSE_STATUT: Partial<Record<StatutDemande, string>> = {
  eligibilite_validee: 'fr-badge--success',
  cloturee: 'fr-badge--success',
  refusee: 'fr-badge--error',
  modifications_demandees: 'fr-badge--warning',
  liste_attente: 'fr-badge--info',
  en_attente: 'fr-badge--new',
}
export function BadgeDemande({ statut }: { statut: string }) {
  return (
    <p class={`fr-badge fr-badge--sm ${CLASSE_STATUT[statut as StatutDemande] ?? ''}`}>
      {Html.escapeHtml(libelleStatut(statut))}
    </p>
  )
}

interface Demande {
  id: string
  statut: string
  nomDemandeur: string
  emailDemandeur: string
  donnees: Record<string, unknown>
  creeLe: Date
  deposeeLe: Date | null
}
interface Message {
  auteur: 'equipe' | 'demandeur'
  texte: string
  le: Date
}

const texteDe = (v: unknown) => (typeof v === 'string' ? v : '')

function ResumeDemande({ d }: { d: Demande }) {
  const v = d.donnees
  const aidants = Array.isArray(v.aidants)
    ? (v.aidants as { nom: string; email: string; profession: string }[])
    : []
  const type = TYPES_ORGANISATION.find((t) => t.cle === v.type)?.libelle ?? texteDe(v.type)
  const lignes: [string, string][] = [
    ['Structure', texteDe(v.nom)],
    ['SIRET', texteDe(v.siret)],
    ['Type', type],
    ['Adresse', `${texteDe(v.adresse)} (${texteDe(v.code_commune)})`],
    ['Numéro France Services', texteDe(v.numero_france_services) || '—'],
    ['Structure privée', v.prive === 'oui' ? 'Oui' : v.prive === 'non' ? 'Non' : '—'],
    ['Administration partenaire', texteDe(v.administration_partenaire) || '—'],
    ['Demandeur', `${d.nomDemandeur} — ${d.emailDemandeur}`],
    ['Référent', `${texteDe(v.referent_nom)} — ${texteDe(v.referent_email)}`],
  ]
  return (
    <>
      <Tableau
        legende="La structure et ses contacts"
        entetes={['Rubrique', 'Réponse']}
        lignes={lignes.map(([k, val]) => [<span safe>{k}</span>, <span safe>{val}</span>])}
      />
      <Tableau
        legende={`Aidants à habiliter (${aidants.length})`}
        entetes={['Nom', 'E-mail', 'Profession']}
        lignes={aidants.map((a) => [
          <span safe>{a.nom}</span>,
          <span safe>{a.email}</span>,
          <span safe>{a.profession}</span>,
        ])}
      />
    </>
  )
}

function FilMessages({ messages, moi }: { messages: readonly Message[]; moi: 'equipe' | 'demandeur' }) {
  if (messages.length === 0) return <p>Aucun message pour l’instant.</p>
  return (
    <ol class="escale-fil">
      {messages.map((m) => (
        <li class={m.auteur === moi ? 'escale-fil__moi' : ''}>
          <p class="fr-text--sm fr-mb-1v" safe>
            {`${m.auteur === 'equipe' ? 'Équipe Aidants Connect' : 'Demandeur'} — ${dateHeureFr(m.le)}`}
          </p>
          <p class="escale-fil__texte" safe>
            {m.texte}
          </p>
        </li>
      ))}
    </ol>
  )
}

function FormulaireMessage(p: {
  csrf: string
  action: string
  erreur?: string | undefined
  valeur?: string | undefined
}) {
  return (
    <form method="post" action={p.action} novalidate>
      <Csrf jeton={p.csrf} />
      <div class={`fr-input-group${p.erreur ? ' fr-input-group--error' : ''}`}>
        <label class="fr-label" for="texte">
          Votre message
        </label>
        <textarea
          class={`fr-input${p.erreur ? ' fr-input--error' : ''}`}
          id="texte"
          name="texte"
          rows="4"
          maxlength="5000"
          aria-describedby={p.erreur ? 'texte-erreur' : undefined}
          safe
        >
          {p.valeur ?? ''}
        </textarea>
        {p.erreur ? (
          <p class="fr-error-text" id="texte-erreur" safe>
            {p.erreur}
          </p>
        ) : (
          ''
        )}
      </div>
      <button class="fr-btn fr-btn--secondary" type="submit">
        Envoyer le message
      </button>
    </form>
  )
}

export function DemandeEnregistreePage(p: { demo: boolean }) {
  return (
    <>
      <h1>Confirmez votre adresse e-mail</h1>
      <p>
        Votre demande est enregistrée comme brouillon. Nous venons de vous envoyer un e-mail : ouvrez le lien
        qu’il contient dans les 3 jours pour confirmer votre adresse et envoyer la demande.
      </p>
      {p.demo ? (
        <p>
          <a class="fr-link" href="/boite-mail">
            Ouvrir la boîte mail de démonstration
          </a>
        </p>
      ) : (
        ''
      )}
    </>
  )
}

export function SuiviDemandePage(p: {
  csrf: string
  base: string
  demande: Demande
  messages: readonly Message[]
  erreurs?: ErreursFormulaire
  valeurs?: Record<string, string>
}) {
  const d = p.demande
  const e = p.erreurs ?? {}
  if (d.statut === 'brouillon')
    return (
      <>
        <h1>Confirmer votre adresse et envoyer la demande</h1>
        <ResumeErreurs erreurs={e} />
        <p
          safe
        >{`Demande d’habilitation de « ${texteDe(d.donnees.nom)} », déposée par ${d.nomDemandeur} (${d.emailDemandeur}).`}</p>
        <form method="post" action={`${p.base}/confirmer`}>
          <Csrf jeton={p.csrf} />
          <button class="fr-btn" type="submit">
            Confirmer mon adresse et envoyer la demande
          </button>
        </form>
      </>
    )
  return (
    <>
      <h1 safe>{`Demande d’habilitation — ${texteDe(d.donnees.nom)}`}</h1>
      <BadgeDemande statut={d.statut} />
      <ResumeErreurs erreurs={e} />
      {d.statut === 'modifications_demandees' ? (
        <div class="fr-callout fr-mt-3w">
          <p class="fr-callout__text">
            L’équipe vous demande des compléments : lisez son message ci-dessous, répondez-lui, puis renvoyez
            la demande.
          </p>
          <form method="post" action={`${p.base}/renvoyer`}>
            <Csrf jeton={p.csrf} />
            <button class="fr-btn" type="submit">
              Renvoyer la demande
            </button>
          </form>
        </div>
      ) : (
        ''
      )}
      <h2 class="fr-mt-4w">Échanges avec l’équipe Aidants Connect</h2>
      <FilMessages messages={p.messages} moi="demandeur" />
      {['refusee', 'cloturee'].includes(d.statut) ? (
        ''
      ) : (
        <FormulaireMessage
          csrf={p.csrf}
          action={`${p.base}/messages`}
          erreur={e.texte}
          valeur={p.valeurs?.texte}
        />
      )}
      <h2 class="fr-mt-4w">Votre demande</h2>
      <ResumeDemande d={d} />
    </>
  )
}

export function AdminDemandesPage(p: { demandes: readonly (Demande & { codeRegion: string | null })[] }) {
  return (
    <>
      <h1>Demandes d’habilitation</h1>
      <p>
        <a class="fr-link" href="/aidants/admin/regions">
          Régions ouvertes et listes d’attente
        </a>
      </p>
      <Tableau
        legende="Demandes envoyées (les brouillons non confirmés ne sont pas listés)"
        entetes={['Structure', 'Région', 'Statut', 'Déposée le']}
        lignes={p.demandes.map((d) => [
          <a href={`/aidants/admin/habilitations/${d.id}`} safe>
            {texteDe(d.donnees.nom)}
          </a>,
          <span>
            {Html.escapeHtml(REGIONS.find((r) => r.code === d.codeRegion)?.nom ?? d.codeRegion ?? '')}
          </span>,
          <BadgeDemande statut={d.statut} />,
          <span>{Html.escapeHtml(d.deposeeLe ? dateHeureFr(d.deposeeLe) : '')}</span>,
        ])}
      />
    </>
  )
}

const DECISIONS = [
  {
    cle: 'valider',
    libelle: 'Valider l’éligibilité (crée la structure, le compte du référent et les habilitations)',
    depuis: ['en_attente'],
  },
  { cle: 'demander_modifications', libelle: 'Demander des modifications', depuis: ['en_attente'] },
  { cle: 'refuser', libelle: 'Refuser', depuis: ['en_attente'] },
  { cle: 'cloturer', libelle: 'Clôturer (référent et aidants prêts)', depuis: ['eligibilite_validee'] },
] as const

export function AdminDemandePage(p: {
  csrf: string
  demande: Demande
  messages: readonly Message[]
  aidants: readonly { id: string; prenom: string; nom: string; email: string; statut: string }[]
  erreurs?: ErreursFormulaire
  valeurs?: Record<string, string>
}) {
  const d = p.demande
  const e = p.erreurs ?? {}
  const decisions = DECISIONS.filter((x) => (x.depuis as readonly string[]).includes(d.statut))
  const base = `/aidants/admin/habilitations/${d.id}`
  return (
    <>
      <h1 safe>{`Demande — ${texteDe(d.donnees.nom)}`}</h1>
      <BadgeDemande statut={d.statut} />
      <ResumeErreurs erreurs={e} />
      <ResumeDemande d={d} />
      {decisions.length ? (
        <form method="post" action={`${base}/decision`} novalidate class="fr-mt-4w">
          <Csrf jeton={p.csrf} />
          <fieldset class="fr-fieldset" id="decision" aria-labelledby="decision-legende">
            <legend class="fr-fieldset__legend" id="decision-legende">
              Décision
            </legend>
            {decisions.map((x) => (
              <div class="fr-fieldset__element">
                <div class="fr-radio-group">
                  <input
                    type="radio"
                    id={`decision-${x.cle}`}
                    name="decision"
                    value={x.cle}
                    checked={p.valeurs?.decision === x.cle}
                  />
                  <label class="fr-label" for={`decision-${x.cle}`}>
                    {x.libelle}
                  </label>
                </div>
              </div>
            ))}
            {e.decision ? (
              <p class="fr-error-text" safe>
                {e.decision}
              </p>
            ) : (
              ''
            )}
          </fieldset>
          <div class={`fr-input-group${e.message ? ' fr-input-group--error' : ''}`}>
            <label class="fr-label" for="message">
              Message au demandeur
              <span class="fr-hint-text">Obligatoire pour un refus ou une demande de modifications.</span>
            </label>
            <textarea class="fr-input" id="message" name="message" rows="4" maxlength="5000" safe>
              {p.valeurs?.message ?? ''}
            </textarea>
            {e.message ? (
              <p class="fr-error-text" id="message-erreur" safe>
                {e.message}
              </p>
            ) : (
              ''
            )}
          </div>
          <button class="fr-btn" type="submit">
            Enregistrer la décision
          </button>
        </form>
      ) : e.decision ? (
        <div class="fr-mt-4w">
          <p class="fr-error-text" id="decision" safe>
            {e.decision}
          </p>
        </div>
      ) : (
        ''
      )}
      {p.aidants.length ? (
        <>
          <h2 class="fr-mt-4w">Habilitation des aidants</h2>
          <Tableau
            legende="Aidants de la structure"
            entetes={['Nom', 'E-mail', 'Statut', 'Action']}
            lignes={p.aidants.map((a) => [
              <span safe>{`${a.prenom} ${a.nom}`}</span>,
              <span safe>{a.email}</span>,
              <span safe>{STATUTS_AIDANT[a.statut as StatutAidant] ?? a.statut}</span>,
              a.statut === 'active' || a.statut === 'annulee' ? (
                ''
              ) : (
                <form method="post" action={`${base}/aidants/${a.id}/activer`}>
                  <Csrf jeton={p.csrf} />
                  <button class="fr-btn fr-btn--sm fr-btn--secondary" type="submit">
                    {Html.escapeHtml(`Formation suivie : activer ${a.prenom}`)}
                  </button>
                </form>
              ),
            ])}
          />
        </>
      ) : (
        ''
      )}
      <h2 class="fr-mt-4w">Échanges avec le demandeur</h2>
      <FilMessages messages={p.messages} moi="equipe" />
      <FormulaireMessage
        csrf={p.csrf}
        action={`${base}/messages`}
        erreur={e.texte}
        valeur={p.valeurs?.texte}
      />
    </>
  )
}

export function AdminRegionsPage(p: {
  csrf: string
  regions: readonly { code: string; nom: string; vague: string | null; enAttente: number }[]
  erreurs?: ErreursFormulaire
}) {
  const fermees = p.regions.filter((r) => !r.vague)
  return (
    <>
      <h1>Déploiement par vagues</h1>
      <ResumeErreurs erreurs={p.erreurs ?? {}} />
      <Tableau
        legende="Régions"
        entetes={['Région', 'Vague', 'Demandes sur liste d’attente']}
        lignes={p.regions.map((r) => [
          <span safe>{r.nom}</span>,
          <span safe>{r.vague ?? 'Pas encore ouverte'}</span>,
          <span safe>{String(r.enAttente)}</span>,
        ])}
      />
      {fermees.length ? (
        <form method="post" action="/aidants/admin/regions" novalidate class="fr-mt-4w">
          <Csrf jeton={p.csrf} />
          <h2>Ouvrir une région</h2>
          <div class={`fr-select-group${p.erreurs?.region ? ' fr-select-group--error' : ''}`}>
            <label class="fr-label" for="region">
              Région
            </label>
            <select
              class="fr-select"
              id="region"
              name="region"
              aria-describedby={p.erreurs?.region ? 'region-erreur' : undefined}
            >
              {fermees.map((r) => (
                <option value={r.code} safe>
                  {r.nom}
                </option>
              ))}
            </select>
            {p.erreurs?.region ? (
              <p class="fr-error-text" id="region-erreur" safe>
                {p.erreurs.region}
              </p>
            ) : (
              ''
            )}
          </div>
          <Champ
            nom="vague"
            libelle="Nom de la vague"
            aide="Par exemple : Vague 2"
            erreur={p.erreurs?.vague}
          />
          <button class="fr-btn" type="submit">
            Ouvrir et prévenir les demandeurs en attente
          </button>
        </form>
      ) : (
        ''
      )}
    </>
  )
}
