import { Bouton, GroupeBoutons } from '../../../platform/layout/boutons'
import { ZoneTexte } from '../../../platform/layout/champs'
import {
  Champ,
  ChoixListe,
  Csrf,
  type ErreursFormulaire,
  ResumeErreurs,
  Tableau,
} from '../../../platform/layout/components'
import {
  ENGAGEMENTS,
  ETAPES_HABILITATION,
  NOMBRE_ETAPES_HABILITATION,
  TYPES_ORGANISATION,
} from '../domain/habilitation'
import { GroupeOptions } from './commun'

type Props = Parameters<typeof HabilitationPage>[0]
interface Etape {
  v: Record<string, string>
  e: ErreursFormulaire
}

export function HabilitationPage(p: {
  csrf: string
  /** Step shown (1 to 5). */
  etape: number
  erreurs?: ErreursFormulaire
  valeurs?: Record<string, string>
  regions: readonly { code: string; nom: string; ouverte: boolean }[]
}) {
  const e = p.erreurs ?? {}
  const v = p.valeurs ?? {}
  const etape = Math.min(Math.max(1, Math.trunc(p.etape) || 1), NOMBRE_ETAPES_HABILITATION)
  const courante = ETAPES_HABILITATION[etape - 1]
  const suivante = ETAPES_HABILITATION[etape]
  const ici = new Set<string>(courante?.champs ?? [])
  // The values of the other steps travel in hidden fields (no JavaScript, nothing stored before the end).
  const caches = Object.entries(v).filter(
    ([k, val]) =>
      !ici.has(k) &&
      k !== '_csrf' &&
      k !== 'etape' &&
      k !== 'aller' &&
      !k.startsWith('engagement_') &&
      val !== '',
  )
  const region = p.regions.find((r) => r.code === v.region)
  const boutons: JSX.Element[] = [
    <Bouton>{etape === NOMBRE_ETAPES_HABILITATION ? 'Envoyer la demande' : 'Continuer'}</Bouton>,
  ]
  if (etape > 1)
    boutons.push(
      <Bouton variante="secondaire" nom="aller" valeur={String(etape - 1)}>
        Étape précédente
      </Bouton>,
    )
  return (
    <>
      <h1>Demander l’habilitation de ma structure</h1>
      {etape === 1 ? (
        <p>
          Aidants Connect ouvre région par région. Si votre région n’est pas encore ouverte, votre demande est
          mise sur liste d’attente et vous serez prévenu par e-mail à l’ouverture.
        </p>
      ) : (
        ''
      )}
      <ResumeErreurs erreurs={e} />
      <form method="post" action="/aidants/habilitation" novalidate>
        <Csrf jeton={p.csrf} />
        <input type="hidden" name="etape" value={String(etape)} />
        {caches.map(([k, val]) => (
          <input type="hidden" name={k} value={val} />
        ))}
        <h2 class="fr-h4" safe>
          {`Étape ${etape} sur ${NOMBRE_ETAPES_HABILITATION} : ${courante?.titre ?? ''}`}
        </h2>
        <p class="fr-hint-text">
          {suivante ? `Étape suivante : ${suivante.titre}` : 'Dernière étape : relisez, puis envoyez.'}
        </p>
        {etape === 1 ? <EtapeDemandeur v={v} e={e} /> : ''}
        {etape === 2 ? <EtapeStructure v={v} e={e} regions={p.regions} /> : ''}
        {etape === 3 ? <EtapeReferent v={v} e={e} /> : ''}
        {etape === 4 ? <EtapeAidants v={v} e={e} /> : ''}
        {etape === 5 ? <EtapeRelecture v={v} e={e} region={region} /> : ''}
        <GroupeBoutons enLigne="md" classe="fr-mt-3w">
          {boutons}
        </GroupeBoutons>
      </form>
    </>
  )
}

// The current step's fields follow its heading (« Étape n sur 5 : <titre> »), which names them: no
// fieldset around the whole step, whose legend would only repeat that heading.

/** The request's text fields: label, hint and input options; each step lists the ones it asks. */
const CHAMPS = {
  nom_demandeur: { libelle: 'Vos prénom et nom' },
  email_demandeur: {
    libelle: 'Votre adresse e-mail professionnelle',
    aide: 'Un lien de confirmation y sera envoyé à la fin.',
    type: 'email',
  },
  nom: { libelle: 'Nom de la structure' },
  siret: { libelle: 'SIRET', aide: '14 chiffres', inputmode: 'numeric', maxlength: 17 },
  adresse: { libelle: 'Adresse' },
  code_commune: {
    libelle: 'Code INSEE de la commune',
    aide: '5 caractères, par exemple 59350 pour Lille',
    maxlength: 5,
  },
  numero_france_services: {
    libelle: 'Numéro de labellisation France Services',
    aide: 'Obligatoire pour une structure France Services',
    requis: false,
  },
  administration_partenaire: {
    libelle: 'Administration partenaire',
    aide: 'Obligatoire pour une structure privée : l’administration pour laquelle elle agit',
    requis: false,
  },
  referent_nom: { libelle: 'Prénom et nom du référent' },
  referent_email: { libelle: 'E-mail du référent', type: 'email' },
} as const satisfies Record<string, Omit<Parameters<typeof Champ>[0], 'nom' | 'valeur' | 'erreur'>>

function Champs({ noms, v, e }: Etape & { noms: readonly (keyof typeof CHAMPS)[] }) {
  return (
    <>
      {noms.map((nom) => (
        <Champ nom={nom} {...CHAMPS[nom]} valeur={v[nom]} erreur={e[nom]} />
      ))}
    </>
  )
}

function EtapeDemandeur({ v, e }: Etape) {
  return <Champs noms={['nom_demandeur', 'email_demandeur']} v={v} e={e} />
}

function EtapeStructure({ v, e, regions }: Etape & { regions: Props['regions'] }) {
  return (
    <>
      <Champs noms={['nom', 'siret']} v={v} e={e} />
      <ChoixListe
        nom="type"
        libelle="Type de structure"
        options={TYPES_ORGANISATION.map((t) => ({ valeur: t.cle, libelle: t.libelle }))}
        valeur={v.type}
        erreur={e.type}
        videLibelle="Choisir"
      />
      <Champs noms={['adresse', 'code_commune']} v={v} e={e} />
      <ChoixListe
        nom="region"
        libelle="Région"
        options={regions.map((r) => ({
          valeur: r.code,
          libelle: `${r.nom}${r.ouverte ? '' : ' (pas encore ouverte)'}`,
        }))}
        valeur={v.region}
        erreur={e.region}
        videLibelle="Choisir"
      />
      <Champs noms={['numero_france_services']} v={v} e={e} />
      <ChampPrive v={v} e={e} />
      <Champs noms={['administration_partenaire']} v={v} e={e} />
    </>
  )
}

/** Public or private: a private structure acts for a partner administration, asked just after. */
function ChampPrive({ v, e }: Etape) {
  return (
    <GroupeOptions
      type="radio"
      nom="prive"
      legende="La structure est-elle privée ?"
      aide="Une structure privée agit pour le compte d’une administration partenaire."
      erreur={e.prive}
      legendeDiscrete
      enLigne
      options={[
        { valeur: 'non', libelle: 'Non, publique', coche: v.prive === 'non' },
        { valeur: 'oui', libelle: 'Oui, privée', coche: v.prive === 'oui' },
      ]}
    />
  )
}

function EtapeReferent({ v, e }: Etape) {
  return (
    <>
      <p>
        Le ou la référente gère les aidants de la structure et leurs cartes. Il ou elle reçoit un compte quand
        la demande est acceptée.
      </p>
      <Champs noms={['referent_nom', 'referent_email']} v={v} e={e} />
    </>
  )
}

function EtapeAidants({ v, e }: Etape) {
  return (
    <ZoneTexte
      nom="aidants"
      libelle="Aidants à habiliter"
      aide="Une personne par ligne : prénom nom, e-mail, profession"
      valeur={v.aidants}
      erreur={e.aidants}
    />
  )
}

function EtapeRelecture({ v, e, region }: Etape & { region: Props['regions'][number] | undefined }) {
  return (
    <>
      <Tableau
        legende="Votre demande"
        entetes={['Rubrique', 'Réponse']}
        lignes={[
          ['Demandeur', `${v.nom_demandeur ?? ''} — ${v.email_demandeur ?? ''}`],
          ['Structure', `${v.nom ?? ''} (SIRET ${v.siret ?? ''})`],
          ['Type', TYPES_ORGANISATION.find((t) => t.cle === v.type)?.libelle ?? ''],
          ['Adresse', `${v.adresse ?? ''} (${v.code_commune ?? ''}), ${region?.nom ?? ''}`],
          ['Numéro France Services', v.numero_france_services || '—'],
          ['Structure privée', v.prive === 'oui' ? `Oui — pour ${v.administration_partenaire ?? ''}` : 'Non'],
          ['Référent', `${v.referent_nom ?? ''} — ${v.referent_email ?? ''}`],
          ['Aidants', String((v.aidants ?? '').split(/\r?\n/).filter((l) => l.trim()).length)],
        ].map(([a, b]) => [<span safe>{a}</span>, <span safe>{b}</span>])}
      />
      {region && !region.ouverte ? (
        <div class="fr-notice fr-notice--info fr-mb-3w">
          <div class="fr-container">
            <div class="fr-notice__body">
              <p class="fr-notice__title" safe>
                {`${region.nom} n’est pas encore ouverte : la demande ira sur liste d’attente et vous serez prévenu à l’ouverture de sa vague.`}
              </p>
            </div>
          </div>
        </div>
      ) : (
        ''
      )}
      <GroupeOptions
        type="checkbox"
        nom="engagements"
        legende="Engagements (tous obligatoires)"
        erreur={e.engagements}
        options={ENGAGEMENTS.map((g) => ({
          id: `engagement-${g.cle}`,
          nom: `engagement_${g.cle}`,
          valeur: 'oui',
          libelle: g.libelle,
          coche: v[`engagement_${g.cle}`] === 'oui',
        }))}
      />
    </>
  )
}
