import type { Valeurs } from '../../../platform/http/formulaire'
import {
  Champ,
  ChoixListe,
  Csrf,
  type ErreursFormulaire,
  ResumeErreurs,
  Tableau,
} from '../../../platform/layout/components'
import type { InscriptionRow, ParcoursRow, SessionRow } from '../db/formation-repository'
import {
  CERTIFICATIONS,
  type CertificationAttendue,
  heures,
  LIBELLES_CERTIFICATION_ATTENDUE,
} from '../domain/formation'

const dateFr = (iso: string | null | undefined) =>
  iso
    ? new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })
    : '—'

export function AccueilFormationPage(p: {
  csrf: string
  sessions: readonly { session: SessionRow; parcours: ParcoursRow }[]
  parcours: readonly ParcoursRow[]
  peutCreer: boolean
  objectifs: readonly { codeParcours: string; annee: number; cible: number; realise: number }[] | undefined
  e: ErreursFormulaire
  /** What was typed, shown again after a refused form. */
  v?: Valeurs
}) {
  const v = p.v ?? {}
  return (
    <>
      <h1 class="fr-mt-4w">Formation</h1>
      <ResumeErreurs erreurs={p.e} />
      <Tableau
        legende="Parcours de formation"
        entetes={['Parcours', 'Version', 'Durée', 'Certification']}
        lignes={p.parcours.map((x) => [
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
      {p.objectifs ? (
        <p>
          <a class="fr-link" href="/formation/parcours">
            Gérer les parcours et publier une nouvelle version
          </a>
        </p>
      ) : (
        ''
      )}
      <Tableau
        legende="Sessions"
        entetes={['Session', 'Parcours', 'Dates', 'Lieu', 'Organisme', 'Capacité']}
        lignes={p.sessions.map(({ session: s, parcours }) => [
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
      {p.peutCreer ? (
        <>
          <h2 class="fr-h5 fr-mt-4w">Nouvelle session</h2>
          <form method="post" action="/formation/sessions" novalidate>
            <Csrf jeton={p.csrf} />
            <ChoixListe
              nom="parcours"
              libelle="Parcours"
              options={p.parcours
                .filter((x) => x.actif)
                .map((x) => ({ valeur: x.id, libelle: `${x.libelle} (v${x.version})` }))}
              valeur={v.parcours}
              erreur={p.e.parcours}
              videLibelle="Choisir"
            />
            <Champ nom="libelle" libelle="Libellé" valeur={v.libelle} erreur={p.e.libelle} />
            <Champ nom="debut" libelle="Début" type="date" valeur={v.debut} erreur={p.e.debut} />
            <Champ nom="fin" libelle="Fin" type="date" valeur={v.fin} erreur={p.e.fin} />
            <Champ nom="lieu" libelle="Lieu" valeur={v.lieu} erreur={p.e.lieu} />
            <Champ nom="departement" libelle="Département" valeur={v.departement} erreur={p.e.departement} />
            <Champ
              nom="capacite"
              libelle="Capacité"
              inputmode="numeric"
              valeur={v.capacite}
              erreur={p.e.capacite}
            />
            <button class="fr-btn" type="submit">
              Créer la session
            </button>
          </form>
        </>
      ) : (
        ''
      )}
      {p.objectifs ? (
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
              nom="code_parcours"
              libelle="Parcours de l’objectif"
              options={[...new Set(p.parcours.map((x) => x.code))].map((c) => ({ valeur: c, libelle: c }))}
              valeur={v.code_parcours}
              erreur={p.e.code_parcours}
            />
            <Champ nom="annee" libelle="Année" inputmode="numeric" valeur={v.annee} erreur={p.e.annee} />
            <Champ
              nom="cible"
              libelle="Nombre de personnes à former"
              inputmode="numeric"
              valeur={v.cible}
              erreur={p.e.cible}
            />
            <button class="fr-btn fr-btn--secondary" type="submit">
              Enregistrer l’objectif
            </button>
          </form>
        </>
      ) : (
        ''
      )}
    </>
  )
}

export function SessionPage(p: {
  csrf: string
  session: SessionRow
  parcours: ParcoursRow
  inscrits: readonly (InscriptionRow & { minutes: number })[]
  enAttente: readonly InscriptionRow[]
  jours: readonly string[]
  /** Paths in force, for the positioning test (codes and labels). */
  autresParcours?: readonly { code: string; libelle: string }[]
  e: ErreursFormulaire
  /** What was chosen, shown again after a refused form. */
  v?: Valeurs
}) {
  const s = p.session
  const v = p.v ?? {}
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
          <span>
            {i.statut !== 'termine' ? (
              <form
                method="post"
                action={`/formation/inscriptions/${i.id}/terminer`}
                class="escale-form-en-ligne"
              >
                <Csrf jeton={p.csrf} />
                <button
                  class="fr-btn fr-btn--sm fr-btn--secondary"
                  type="submit"
                  title={`Terminer la formation de ${i.prenom} ${i.nom}`}
                >
                  Terminer
                </button>
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
              ? (['pix', 'titre'] as const)
                  .filter(
                    (c) => p.parcours.certification === 'pix_ou_titre' || p.parcours.certification === c,
                  )
                  .map((c) => (
                    <form
                      method="post"
                      action={`/formation/inscriptions/${i.id}/certifier`}
                      class="escale-form-en-ligne"
                    >
                      <Csrf jeton={p.csrf} />
                      <input type="hidden" name="certification" value={c} />
                      <button
                        class="fr-btn fr-btn--sm fr-btn--tertiary"
                        type="submit"
                        title={`${CERTIFICATIONS[c]} obtenue par ${i.prenom} ${i.nom}`}
                      >
                        {c === 'pix' ? 'PIX obtenu' : 'Titre obtenu'}
                      </button>
                    </form>
                  ))
              : ''}
            {i.statut === 'inscrit' && i.minutes === 0 && (p.autresParcours ?? []).length > 0 ? (
              <form
                method="post"
                action={`/formation/inscriptions/${i.id}/parcours`}
                class="escale-form-en-ligne"
              >
                <Csrf jeton={p.csrf} />
                <label class="fr-label fr-text--sm" for={`parcours-${i.id}`} safe>
                  {`Parcours après le test de positionnement de ${i.prenom} ${i.nom}`}
                </label>
                <select class="fr-select" id={`parcours-${i.id}`} name="code">
                  {(p.autresParcours ?? []).map((x) => (
                    <option value={x.code} selected={x.code === p.parcours.code} safe>
                      {x.libelle}
                    </option>
                  ))}
                </select>
                <button class="fr-btn fr-btn--sm fr-btn--tertiary" type="submit">
                  Changer de parcours
                </button>
              </form>
            ) : (
              ''
            )}
          </span>,
        ])}
      />
      {p.inscrits.length > 0 ? (
        <>
          <h2 class="fr-h5 fr-mt-4w">Présences par demi-journée</h2>
          <form method="post" action={`/formation/sessions/${s.id}/presences`} novalidate>
            <Csrf jeton={p.csrf} />
            <ChoixListe
              nom="jour"
              libelle="Jour"
              options={p.jours.map((j) => ({ valeur: j, libelle: dateFr(j) }))}
              valeur={v.jour}
              erreur={p.e.jour}
            />
            <ChoixListe
              nom="demi_journee"
              libelle="Demi-journée"
              options={[
                { valeur: 'matin', libelle: 'Matin' },
                { valeur: 'apres_midi', libelle: 'Après-midi' },
              ]}
              valeur={v.demi_journee}
              erreur={p.e.demi_journee}
            />
            <fieldset class="fr-fieldset">
              <legend class="fr-fieldset__legend">Présents</legend>
              {p.inscrits.map((i) => (
                <div class="fr-fieldset__element">
                  <div class="fr-checkbox-group">
                    <input type="checkbox" id={`present-${i.id}`} name="presents" value={i.id} checked />
                    <label class="fr-label" for={`present-${i.id}`} safe>
                      {`${i.prenom} ${i.nom}`}
                    </label>
                  </div>
                </div>
              ))}
            </fieldset>
            <button class="fr-btn" type="submit">
              Enregistrer les présences
            </button>
          </form>
        </>
      ) : (
        ''
      )}
      {p.enAttente.length > 0 ? (
        <>
          <h2 class="fr-h5 fr-mt-4w">Inscrire une personne en attente de session</h2>
          <form method="post" action={`/formation/sessions/${s.id}/affectations`} novalidate>
            <Csrf jeton={p.csrf} />
            <ChoixListe
              nom="inscription"
              libelle="Personne"
              options={p.enAttente.map((i) => ({ valeur: i.id, libelle: `${i.prenom} ${i.nom}` }))}
              valeur={v.inscription}
              erreur={p.e.inscription}
            />
            <button class="fr-btn fr-btn--secondary" type="submit">
              Inscrire à la session
            </button>
          </form>
        </>
      ) : (
        ''
      )}
    </>
  )
}

export function MonParcoursPage(p: {
  parcours: readonly {
    inscription: InscriptionRow
    parcours: ParcoursRow
    session: SessionRow | null
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
  parcours: ParcoursRow
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
  const courante = (code: string) =>
    p.lignes
      .filter((l) => l.parcours.code === code && l.parcours.actif === 1)
      .reduce<LigneParcours | undefined>(
        (a, l) => (!a || l.parcours.version > a.parcours.version ? l : a),
        undefined,
      )
  return (
    <>
      <h1 class="fr-mt-4w">Parcours de formation</h1>
      <p>
        Les durées et certifications sont des données : publiez une nouvelle version pour une nouvelle phase
        du programme. Les personnes déjà inscrites gardent la version de leur inscription ; les nouvelles
        inscriptions (par exemple un conseiller recruté) prennent la version en vigueur.
      </p>
      <ResumeErreurs erreurs={p.e} />
      {codes.map((code) => {
        const enVigueur = courante(code)
        const actives = p.lignes.filter((l) => l.parcours.code === code && l.parcours.actif === 1).length
        return (
          <Tableau
            legende={`Parcours « ${code} »`}
            entetes={['Version', 'Libellé', 'Durée', 'Certification', 'Inscriptions', 'État', 'Action']}
            lignes={p.lignes
              .filter((l) => l.parcours.code === code)
              .map(({ parcours: x, inscriptions }) => [
                <span>{x.version}</span>,
                <span safe>{x.libelle}</span>,
                <span safe>{heures(x.dureeMinutes)}</span>,
                <span>{LIBELLES_CERTIFICATION_ATTENDUE[x.certification as CertificationAttendue]}</span>,
                <span>{inscriptions}</span>,
                <span>
                  {x.actif !== 1
                    ? 'Retirée'
                    : x.id === enVigueur?.parcours.id
                      ? 'En vigueur'
                      : 'Ancienne version'}
                </span>,
                x.actif === 1 && actives > 1 ? (
                  <form
                    method="post"
                    action={`/formation/parcours/${x.id}/retrait`}
                    class="escale-form-en-ligne"
                  >
                    <Csrf jeton={p.csrf} />
                    <button
                      class="fr-btn fr-btn--sm fr-btn--tertiary"
                      type="submit"
                      title={`Retirer la version ${x.version} de « ${x.libelle} »`}
                    >
                      Retirer
                    </button>
                  </form>
                ) : (
                  <span>—</span>
                ),
              ])}
          />
        )
      })}
      <h2 class="fr-h5 fr-mt-4w">Publier une version</h2>
      <p>
        Reprenez le code d’un parcours existant pour en publier la version suivante, ou choisissez un nouveau
        code pour créer un parcours (par exemple un des parcours fixés par le test de positionnement).
      </p>
      <form method="post" action="/formation/parcours" novalidate>
        <Csrf jeton={p.csrf} />
        <Champ
          nom="code_parcours"
          libelle="Code du parcours"
          aide={`Lettres minuscules, chiffres et tirets. Existants : ${codes.join(', ')}.`}
          valeur={p.v.code_parcours}
          erreur={p.e.code_parcours}
          maxlength={50}
        />
        <Champ nom="libelle" libelle="Libellé" valeur={p.v.libelle} erreur={p.e.libelle} maxlength={200} />
        <Champ
          nom="duree_heures"
          libelle="Durée en heures"
          aide="Par exemple 350, ou 10,5 pour dix heures et demie."
          valeur={p.v.duree_heures}
          erreur={p.e.duree_heures}
        />
        <ChoixListe
          nom="certification"
          libelle="Certification attendue"
          options={Object.entries(LIBELLES_CERTIFICATION_ATTENDUE).map(([valeur, libelle]) => ({
            valeur,
            libelle,
          }))}
          valeur={p.v.certification}
          erreur={p.e.certification}
          videLibelle="Choisir"
        />
        <button class="fr-btn" type="submit">
          Publier la version
        </button>
      </form>
    </>
  )
}
