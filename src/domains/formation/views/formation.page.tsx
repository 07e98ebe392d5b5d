import type { Valeurs } from '../../../platform/http/formulaire'
import { Bouton } from '../../../platform/layout/boutons'
import { dateFr } from '../../../platform/layout/champs'
import {
  Champ,
  ChoixListe,
  Csrf,
  type ErreursFormulaire,
  ResumeErreurs,
  Tableau,
} from '../../../platform/layout/components'
import { type CertificationAttendue, heures, LIBELLES_CERTIFICATION_ATTENDUE } from '../domain/formation'
import type { VueInscription, VueParcours, VueSession } from './modeles'

/** A refused form's messages and what was typed (each form of a page has its own field names). */
export interface EtatForm {
  e: ErreursFormulaire
  v: Valeurs
}

/**
 * Binds a form's typed values and errors to its fields: `<Champ {...champ('lieu')} libelle="…" />`
 * gives the field its name, the value typed and its error, without repeating the name three times.
 */
export const lierChamps =
  (v: Valeurs | Record<string, string | undefined>, e: ErreursFormulaire) => (nom: string) => ({
    nom,
    valeur: v[nom],
    erreur: e[nom],
  })

type Objectif = { codeParcours: string; annee: number; cible: number; realise: number }

export function AccueilFormationPage(p: {
  csrf: string
  sessions: readonly { session: VueSession; parcours: VueParcours }[]
  parcours: readonly VueParcours[]
  peutCreer: boolean
  objectifs: readonly Objectif[] | undefined
  e: ErreursFormulaire
  /** What was typed, shown again after a refused form. */
  v?: Valeurs
}) {
  const etat: EtatForm = { e: p.e, v: p.v ?? {} }
  return (
    <>
      <h1 class="fr-mt-4w">Formation</h1>
      <ResumeErreurs erreurs={p.e} />
      <TableauParcours parcours={p.parcours} />
      {p.objectifs ? (
        <p>
          <a class="fr-link" href="/formation/parcours">
            Gérer les parcours et publier une nouvelle version
          </a>
        </p>
      ) : (
        ''
      )}
      <TableauSessions sessions={p.sessions} />
      {p.peutCreer ? <FormulaireSession csrf={p.csrf} parcours={p.parcours} {...etat} /> : ''}
      {p.objectifs ? <Objectifs csrf={p.csrf} parcours={p.parcours} objectifs={p.objectifs} {...etat} /> : ''}
    </>
  )
}

function TableauParcours({ parcours }: { parcours: readonly VueParcours[] }) {
  return (
    <Tableau
      legende="Parcours de formation"
      entetes={['Parcours', 'Version', 'Durée', 'Certification']}
      lignes={parcours.map((x) => [
        <span safe>{x.libelle}</span>,
        <span>{x.version}</span>,
        <span safe>{heures(x.dureeMinutes)}</span>,
        <span>
          {x.certification === 'aucune'
            ? 'aucune'
            : x.certification === 'pix_ou_titre'
              ? 'PIX ou titre REMN (CCP1)'
              : x.certification}
        </span>,
      ])}
    />
  )
}

function TableauSessions({
  sessions,
}: {
  sessions: readonly { session: VueSession; parcours: VueParcours }[]
}) {
  return (
    <Tableau
      legende="Sessions"
      entetes={['Session', 'Parcours', 'Dates', 'Lieu', 'Organisme', 'Capacité']}
      lignes={sessions.map(({ session: s, parcours }) => [
        <a href={`/formation/sessions/${s.id}`} safe>
          {s.libelle}
        </a>,
        <span safe>{parcours.libelle}</span>,
        <span safe>{`du ${dateFr(s.debut)} au ${dateFr(s.fin)}`}</span>,
        <span safe>{s.lieu}</span>,
        <span safe>{s.organismeNom}</span>,
        <span>{s.capacite}</span>,
      ])}
    />
  )
}

function FormulaireSession({
  csrf,
  parcours,
  e,
  v,
}: EtatForm & { csrf: string; parcours: readonly VueParcours[] }) {
  const champ = lierChamps(v, e)
  return (
    <>
      <h2 class="fr-h5 fr-mt-4w">Nouvelle session</h2>
      <form method="post" action="/formation/sessions" novalidate>
        <Csrf jeton={csrf} />
        <ChoixListe
          {...champ('parcours')}
          libelle="Parcours"
          options={parcours
            .filter((x) => x.actif)
            .map((x) => ({ valeur: x.id, libelle: `${x.libelle} (v${x.version})` }))}
          videLibelle="Choisir"
        />
        <Champ {...champ('libelle')} libelle="Libellé" />
        <Champ {...champ('debut')} libelle="Début" type="date" />
        <Champ {...champ('fin')} libelle="Fin" type="date" />
        <Champ {...champ('lieu')} libelle="Lieu" />
        <Champ {...champ('departement')} libelle="Département" />
        <Champ {...champ('capacite')} libelle="Capacité" inputmode="numeric" />
        <Bouton>Créer la session</Bouton>
      </form>
    </>
  )
}

function Objectifs(
  p: EtatForm & { csrf: string; parcours: readonly VueParcours[]; objectifs: readonly Objectif[] },
) {
  const champ = lierChamps(p.v, p.e)
  return (
    <>
      <h2 class="fr-h5 fr-mt-4w">Objectifs par parcours et par année</h2>
      <Tableau
        legende="Objectifs"
        entetes={['Parcours', 'Année', 'Objectif', 'Formés', 'Atteint']}
        lignes={p.objectifs.map((o) => [
          <span safe>{o.codeParcours}</span>,
          <span>{o.annee}</span>,
          <span safe>{o.cible.toLocaleString('fr-FR')}</span>,
          <span safe>{o.realise.toLocaleString('fr-FR')}</span>,
          <span safe>{`${o.cible ? Math.round((100 * o.realise) / o.cible) : 0} %`}</span>,
        ])}
      />
      <form method="post" action="/formation/objectifs" novalidate>
        <Csrf jeton={p.csrf} />
        <ChoixListe
          {...champ('code_parcours')}
          libelle="Parcours de l’objectif"
          options={[...new Set(p.parcours.map((x) => x.code))].map((c) => ({ valeur: c, libelle: c }))}
        />
        <Champ {...champ('annee')} libelle="Année" inputmode="numeric" />
        <Champ {...champ('cible')} libelle="Nombre de personnes à former" inputmode="numeric" />
        <Bouton variante="secondaire">Enregistrer l’objectif</Bouton>
      </form>
    </>
  )
}

export function MonParcoursPage(p: {
  parcours: readonly {
    inscription: VueInscription
    parcours: VueParcours
    session: VueSession | null
    minutes: number
  }[]
}) {
  return (
    <>
      <h1 class="fr-mt-4w">Ma formation</h1>
      {p.parcours.length === 0 ? <p>Vous n’êtes inscrit à aucun parcours.</p> : ''}
      {p.parcours.map((x) => (
        <section class="fr-mb-3w">
          <h2 class="fr-h5" safe>
            {x.parcours.libelle}
          </h2>
          <p safe>{`${heures(x.minutes)} faites sur ${heures(x.parcours.dureeMinutes)}.`}</p>
          <p>
            {x.session
              ? `Session : ${x.session.libelle}, du ${dateFr(x.session.debut)} au ${dateFr(x.session.fin)}, ${x.session.lieu}.`
              : 'En attente d’une session.'}
          </p>
          {x.inscription.statut === 'termine' ? (
            <p>
              <a class="fr-link" href={`/formation/attestations/${x.inscription.id}/pdf`}>
                Télécharger mon attestation (PDF)
              </a>
            </p>
          ) : (
            ''
          )}
        </section>
      ))}
    </>
  )
}

export interface LigneParcours {
  parcours: VueParcours
  inscriptions: number
}

/**
 * Training paths as versioned configuration (admin). Publishing a version never touches the
 * enrolments made on earlier ones: the table shows where each enrolment stays.
 */
export function ParcoursPage(p: {
  csrf: string
  lignes: readonly LigneParcours[]
  v: Record<string, string | undefined>
  e: ErreursFormulaire
}) {
  const codes = [...new Set(p.lignes.map((l) => l.parcours.code))]
  return (
    <>
      <h1 class="fr-mt-4w">Parcours de formation</h1>
      <p>
        Les durées et certifications sont des données : publiez une nouvelle version pour une nouvelle phase
        du programme. Les personnes déjà inscrites gardent la version de leur inscription ; les nouvelles
        inscriptions (par exemple un conseiller recruté) prennent la version en vigueur.
      </p>
      <ResumeErreurs erreurs={p.e} />
      {codes.map((code) => (
        <VersionsParcours
          csrf={p.csrf}
          code={code}
          lignes={p.lignes.filter((l) => l.parcours.code === code)}
        />
      ))}
      <FormulaireParcours csrf={p.csrf} codes={codes} v={p.v} e={p.e} />
    </>
  )
}

/** The versions of one path; the one in force is the latest active version. */
function VersionsParcours(p: { csrf: string; code: string; lignes: readonly LigneParcours[] }) {
  const actives = p.lignes.filter((l) => l.parcours.actif === 1)
  const enVigueur = actives.reduce<LigneParcours | undefined>(
    (a, l) => (!a || l.parcours.version > a.parcours.version ? l : a),
    undefined,
  )
  return (
    <Tableau
      legende={`Parcours « ${p.code} »`}
      entetes={['Version', 'Libellé', 'Durée', 'Certification', 'Inscriptions', 'État', 'Action']}
      lignes={p.lignes.map(({ parcours: x, inscriptions }) => [
        <span>{x.version}</span>,
        <span safe>{x.libelle}</span>,
        <span safe>{heures(x.dureeMinutes)}</span>,
        <span>{LIBELLES_CERTIFICATION_ATTENDUE[x.certification as CertificationAttendue]}</span>,
        <span>{inscriptions}</span>,
        <span>
          {x.actif !== 1 ? 'Retirée' : x.id === enVigueur?.parcours.id ? 'En vigueur' : 'Ancienne version'}
        </span>,
        x.actif === 1 && actives.length > 1 ? (
          <form method="post" action={`/formation/parcours/${x.id}/retrait`} class="escale-form-en-ligne">
            <Csrf jeton={p.csrf} />
            <Bouton
              variante="tertiaire"
              taille="sm"
              titre={`Retirer la version ${x.version} de « ${x.libelle} »`}
            >
              Retirer
            </Bouton>
          </form>
        ) : (
          <span>—</span>
        ),
      ])}
    />
  )
}

function FormulaireParcours(p: {
  csrf: string
  codes: readonly string[]
  v: Record<string, string | undefined>
  e: ErreursFormulaire
}) {
  const champ = lierChamps(p.v, p.e)
  return (
    <>
      <h2 class="fr-h5 fr-mt-4w">Publier une version</h2>
      <p>
        Reprenez le code d’un parcours existant pour en publier la version suivante, ou choisissez un nouveau
        code pour créer un parcours (par exemple un des parcours fixés par le test de positionnement).
      </p>
      <form method="post" action="/formation/parcours" novalidate>
        <Csrf jeton={p.csrf} />
        <Champ
          {...champ('code_parcours')}
          libelle="Code du parcours"
          aide={`Lettres minuscules, chiffres et tirets. Existants : ${p.codes.join(', ')}.`}
          maxlength={50}
        />
        <Champ {...champ('libelle')} libelle="Libellé" maxlength={200} />
        <Champ
          {...champ('duree_heures')}
          libelle="Durée en heures"
          aide="Par exemple 350, ou 10,5 pour dix heures et demie."
        />
        <ChoixListe
          {...champ('certification')}
          libelle="Certification attendue"
          options={Object.entries(LIBELLES_CERTIFICATION_ATTENDUE).map(([valeur, libelle]) => ({
            valeur,
            libelle,
          }))}
          videLibelle="Choisir"
        />
        <Bouton>Publier la version</Bouton>
      </form>
    </>
  )
}
