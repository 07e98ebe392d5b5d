import Html from '@kitajs/html'
import { REGIONS } from '../../../platform/geo/territoires'
import { Bouton } from '../../../platform/layout/boutons'
import { ErreurChamp, Radios, ZoneTexte } from '../../../platform/layout/champs'
import {
  Champ,
  ChoixListe,
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
import { dateHeureFr } from './commun'

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
      <ZoneTexte nom="texte" libelle="Votre message" maxlength={5000} valeur={p.valeur} erreur={p.erreur} />
      <Bouton variante="secondaire">Envoyer le message</Bouton>
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
          <Bouton>Confirmer mon adresse et envoyer la demande</Bouton>
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
            <Bouton>Renvoyer la demande</Bouton>
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
  aidants: readonly AidantDemande[]
  erreurs?: ErreursFormulaire
  valeurs?: Record<string, string>
}) {
  const d = p.demande
  const e = p.erreurs ?? {}
  const base = `/aidants/admin/habilitations/${d.id}`
  return (
    <>
      <h1 safe>{`Demande — ${texteDe(d.donnees.nom)}`}</h1>
      <BadgeDemande statut={d.statut} />
      <ResumeErreurs erreurs={e} />
      <ResumeDemande d={d} />
      <FormulaireDecision csrf={p.csrf} base={base} statut={d.statut} erreurs={e} valeurs={p.valeurs ?? {}} />
      {p.aidants.length ? <ActivationAidants csrf={p.csrf} base={base} aidants={p.aidants} /> : ''}
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

/**
 * The decisions the request's status allows, with the message to the requester. None left (a decision
 * already taken): only the error of a decision posted twice, still reached from the error summary.
 */
function FormulaireDecision(p: {
  csrf: string
  base: string
  statut: string
  erreurs: ErreursFormulaire
  valeurs: Record<string, string>
}) {
  const e = p.erreurs
  const decisions = DECISIONS.filter((x) => (x.depuis as readonly string[]).includes(p.statut))
  if (decisions.length === 0)
    return e.decision ? (
      <div class="fr-mt-4w">
        <p class="fr-error-text" id="decision" safe>
          {e.decision}
        </p>
      </div>
    ) : (
      ''
    )
  return (
    <form method="post" action={`${p.base}/decision`} novalidate class="fr-mt-4w">
      <Csrf jeton={p.csrf} />
      <Radios
        nom="decision"
        legende="Décision"
        options={decisions.map((x) => ({ valeur: x.cle, libelle: x.libelle }))}
        valeur={p.valeurs.decision}
      />
      {/* The error under the group rather than in it, as before: http/formulaires.prop.test.ts reads a
          field's message from an element whose class is exactly `fr-error-text`. */}
      <ErreurChamp nom="decision" erreur={e.decision} />
      <ZoneTexte
        nom="message"
        libelle="Message au demandeur"
        aide="Obligatoire pour un refus ou une demande de modifications."
        requis={false}
        maxlength={5000}
        valeur={p.valeurs.message}
        erreur={e.message}
      />
      <Bouton>Enregistrer la décision</Bouton>
    </form>
  )
}

type AidantDemande = { id: string; prenom: string; nom: string; email: string; statut: string }

/** The structure's aidants: the team activates each one once their training is done. */
function ActivationAidants(p: { csrf: string; base: string; aidants: readonly AidantDemande[] }) {
  return (
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
            <form method="post" action={`${p.base}/aidants/${a.id}/activer`}>
              <Csrf jeton={p.csrf} />
              <Bouton variante="secondaire" taille="sm">
                {Html.escapeHtml(`Formation suivie : activer ${a.prenom}`)}
              </Bouton>
            </form>
          ),
        ])}
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
          <ChoixListe
            nom="region"
            libelle="Région"
            options={fermees.map((r) => ({ valeur: r.code, libelle: r.nom }))}
            erreur={p.erreurs?.region}
          />
          <Champ
            nom="vague"
            libelle="Nom de la vague"
            aide="Par exemple : Vague 2"
            erreur={p.erreurs?.vague}
          />
          <Bouton>Ouvrir et prévenir les demandeurs en attente</Bouton>
        </form>
      ) : (
        ''
      )}
    </>
  )
}
