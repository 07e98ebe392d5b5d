import type { Valeurs } from '../../../platform/http/formulaire'
import { Bouton, GroupeChamps } from '../../../platform/layout/boutons'
import { dateFr } from '../../../platform/layout/champs'
import {
  ChoixListe,
  Csrf,
  type ErreursFormulaire,
  ResumeErreurs,
  Tableau,
} from '../../../platform/layout/components'
import { CERTIFICATIONS, heures } from '../domain/formation'
import { type EtatForm, lierChamps } from './formation.page'
import type { VueInscription, VueParcours, VueSession } from './modeles'

/** One session's page (training provider, national team): trainees, attendance, waiting list. */

interface Inscrit extends VueInscription {
  minutes: number
}

export function SessionPage(p: {
  csrf: string
  session: VueSession
  parcours: VueParcours
  inscrits: readonly Inscrit[]
  enAttente: readonly VueInscription[]
  jours: readonly string[]
  /** Paths in force, for the positioning test (codes and labels). */
  autresParcours?: readonly { code: string; libelle: string }[]
  e: ErreursFormulaire
  /** What was chosen, shown again after a refused form. */
  v?: Valeurs
}) {
  const s = p.session
  const etat: EtatForm = { e: p.e, v: p.v ?? {} }
  return (
    <>
      <h1 class="fr-mt-4w" safe>
        {s.libelle}
      </h1>
      <p
        safe
      >{`${p.parcours.libelle} (${heures(p.parcours.dureeMinutes)}) — du ${dateFr(s.debut)} au ${dateFr(s.fin)}, ${s.lieu} — ${s.organismeNom} — ${p.inscrits.length} / ${s.capacite} inscrits`}</p>
      <ResumeErreurs erreurs={p.e} />
      <Tableau
        legende="Inscrits"
        entetes={['Personne', 'Heures faites', 'État', 'Certification', 'Actions']}
        lignes={p.inscrits.map((i) => [
          <span safe>{`${i.prenom} ${i.nom}`}</span>,
          <span safe>{`${heures(i.minutes)} / ${heures(p.parcours.dureeMinutes)}`}</span>,
          <span>{i.statut === 'termine' ? `Terminée le ${dateFr(i.termineLe)}` : 'En cours'}</span>,
          <span>
            {i.certification
              ? `${CERTIFICATIONS[i.certification as keyof typeof CERTIFICATIONS] ?? i.certification} (${dateFr(i.certifieLe)})`
              : '—'}
          </span>,
          <ActionsInscrit
            csrf={p.csrf}
            inscrit={i}
            parcours={p.parcours}
            autresParcours={p.autresParcours ?? []}
          />,
        ])}
      />
      {p.inscrits.length > 0 ? (
        <FormulairePresences csrf={p.csrf} session={s} inscrits={p.inscrits} jours={p.jours} {...etat} />
      ) : (
        ''
      )}
      {p.enAttente.length > 0 ? (
        <FormulaireAffectation csrf={p.csrf} session={s} enAttente={p.enAttente} {...etat} />
      ) : (
        ''
      )}
    </>
  )
}

/** What the provider can do for one trainee: finish, certify, change path after the positioning test. */
function ActionsInscrit(p: {
  csrf: string
  inscrit: Inscrit
  parcours: VueParcours
  autresParcours: readonly { code: string; libelle: string }[]
}) {
  const i = p.inscrit
  const certifications = (['pix', 'titre'] as const).filter(
    (c) => p.parcours.certification === 'pix_ou_titre' || p.parcours.certification === c,
  )
  return (
    <span>
      {i.statut !== 'termine' ? (
        <form method="post" action={`/formation/inscriptions/${i.id}/terminer`} class="escale-form-en-ligne">
          <Csrf jeton={p.csrf} />
          <Bouton variante="secondaire" taille="sm" titre={`Terminer la formation de ${i.prenom} ${i.nom}`}>
            Terminer
          </Bouton>
        </form>
      ) : (
        <a
          class="fr-link"
          href={`/formation/attestations/${i.id}/pdf`}
          title={`Attestation de ${i.prenom} ${i.nom} (PDF)`}
        >
          Attestation
        </a>
      )}
      {p.parcours.certification !== 'aucune'
        ? certifications.map((c) => (
            <form
              method="post"
              action={`/formation/inscriptions/${i.id}/certifier`}
              class="escale-form-en-ligne"
            >
              <Csrf jeton={p.csrf} />
              <input type="hidden" name="certification" value={c} />
              <Bouton
                variante="tertiaire"
                taille="sm"
                titre={`${CERTIFICATIONS[c]} obtenue par ${i.prenom} ${i.nom}`}
              >
                {c === 'pix' ? 'PIX obtenu' : 'Titre obtenu'}
              </Bouton>
            </form>
          ))
        : ''}
      {i.statut === 'inscrit' && i.minutes === 0 && p.autresParcours.length > 0 ? (
        <FormulaireRepositionnement
          csrf={p.csrf}
          inscrit={i}
          parcours={p.parcours}
          autresParcours={p.autresParcours}
        />
      ) : (
        ''
      )}
    </span>
  )
}

/**
 * One select per trainee, in a table cell: its id carries the enrolment, which ChoixListe (id = name)
 * cannot express, so the select is written here.
 */
function FormulaireRepositionnement(p: {
  csrf: string
  inscrit: Inscrit
  parcours: VueParcours
  autresParcours: readonly { code: string; libelle: string }[]
}) {
  const i = p.inscrit
  return (
    <form method="post" action={`/formation/inscriptions/${i.id}/parcours`} class="escale-form-en-ligne">
      <Csrf jeton={p.csrf} />
      <label class="fr-label fr-text--sm" for={`parcours-${i.id}`} safe>
        {`Parcours après le test de positionnement de ${i.prenom} ${i.nom}`}
      </label>
      <select class="fr-select" id={`parcours-${i.id}`} name="code">
        {p.autresParcours.map((x) => (
          <option value={x.code} selected={x.code === p.parcours.code} safe>
            {x.libelle}
          </option>
        ))}
      </select>
      <Bouton variante="tertiaire" taille="sm">
        Changer de parcours
      </Bouton>
    </form>
  )
}

function FormulairePresences(
  p: EtatForm & { csrf: string; session: VueSession; inscrits: readonly Inscrit[]; jours: readonly string[] },
) {
  const champ = lierChamps(p.v, p.e)
  return (
    <>
      <h2 class="fr-h5 fr-mt-4w">Présences par demi-journée</h2>
      <form method="post" action={`/formation/sessions/${p.session.id}/presences`} novalidate>
        <Csrf jeton={p.csrf} />
        <ChoixListe
          {...champ('jour')}
          libelle="Jour"
          options={p.jours.map((j) => ({ valeur: j, libelle: dateFr(j) }))}
        />
        <ChoixListe
          {...champ('demi_journee')}
          libelle="Demi-journée"
          options={[
            { valeur: 'matin', libelle: 'Matin' },
            { valeur: 'apres_midi', libelle: 'Après-midi' },
          ]}
        />
        <GroupeChamps id="presents" legende="Présents">
          {p.inscrits.map((i) => (
            // Several boxes share the name `presents`, one value per trainee: Case (name = id, value
            // « oui ») does not fit a multiple choice.
            <div class="fr-checkbox-group">
              <input type="checkbox" id={`present-${i.id}`} name="presents" value={i.id} checked />
              <label class="fr-label" for={`present-${i.id}`} safe>
                {`${i.prenom} ${i.nom}`}
              </label>
            </div>
          ))}
        </GroupeChamps>
        <Bouton>Enregistrer les présences</Bouton>
      </form>
    </>
  )
}

function FormulaireAffectation(
  p: EtatForm & { csrf: string; session: VueSession; enAttente: readonly VueInscription[] },
) {
  const champ = lierChamps(p.v, p.e)
  return (
    <>
      <h2 class="fr-h5 fr-mt-4w">Inscrire une personne en attente de session</h2>
      <form method="post" action={`/formation/sessions/${p.session.id}/affectations`} novalidate>
        <Csrf jeton={p.csrf} />
        <ChoixListe
          {...champ('inscription')}
          libelle="Personne"
          options={p.enAttente.map((i) => ({ valeur: i.id, libelle: `${i.prenom} ${i.nom}` }))}
        />
        <Bouton variante="secondaire">Inscrire à la session</Bouton>
      </form>
    </>
  )
}
