import { Bouton, GroupeBoutons } from '../../../platform/layout/boutons'
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

function EtapeDemandeur({ v, e }: Etape) {
  return (
    <fieldset class="fr-fieldset">
      <legend class="fr-fieldset__legend fr-sr-only">Vous, le demandeur</legend>
      <div class="fr-fieldset__element">
        <Champ
          nom="nom_demandeur"
          libelle="Vos prénom et nom"
          valeur={v.nom_demandeur}
          erreur={e.nom_demandeur}
        />
      </div>
      <div class="fr-fieldset__element">
        <Champ
          nom="email_demandeur"
          libelle="Votre adresse e-mail professionnelle"
          aide="Un lien de confirmation y sera envoyé à la fin."
          type="email"
          valeur={v.email_demandeur}
          erreur={e.email_demandeur}
        />
      </div>
    </fieldset>
  )
}

function EtapeStructure({ v, e, regions }: Etape & { regions: Props['regions'] }) {
  return (
    <fieldset class="fr-fieldset">
      <legend class="fr-fieldset__legend fr-sr-only">La structure</legend>
      <div class="fr-fieldset__element">
        <Champ nom="nom" libelle="Nom de la structure" valeur={v.nom} erreur={e.nom} />
      </div>
      <div class="fr-fieldset__element">
        <Champ
          nom="siret"
          libelle="SIRET"
          aide="14 chiffres"
          inputmode="numeric"
          maxlength={17}
          valeur={v.siret}
          erreur={e.siret}
        />
      </div>
      <div class="fr-fieldset__element">
        <ChoixListe
          nom="type"
          libelle="Type de structure"
          options={TYPES_ORGANISATION.map((t) => ({ valeur: t.cle, libelle: t.libelle }))}
          valeur={v.type}
          erreur={e.type}
          videLibelle="Choisir"
        />
      </div>
      <div class="fr-fieldset__element">
        <Champ nom="adresse" libelle="Adresse" valeur={v.adresse} erreur={e.adresse} />
      </div>
      <div class="fr-fieldset__element">
        <Champ
          nom="code_commune"
          libelle="Code INSEE de la commune"
          aide="5 caractères, par exemple 59350 pour Lille"
          maxlength={5}
          valeur={v.code_commune}
          erreur={e.code_commune}
        />
      </div>
      <div class="fr-fieldset__element">
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
      </div>
      <div class="fr-fieldset__element">
        <Champ
          nom="numero_france_services"
          libelle="Numéro de labellisation France Services"
          aide="Obligatoire pour une structure France Services"
          requis={false}
          valeur={v.numero_france_services}
          erreur={e.numero_france_services}
        />
      </div>
      <div class="fr-fieldset__element">
        <fieldset
          class={`fr-fieldset${e.prive ? ' fr-fieldset--error' : ''}`}
          id="prive"
          aria-labelledby="prive-legende"
        >
          <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id="prive-legende">
            La structure est-elle privée ?
            <span class="fr-hint-text">
              Une structure privée agit pour le compte d’une administration partenaire.
            </span>
          </legend>
          {[
            ['non', 'Non, publique'],
            ['oui', 'Oui, privée'],
          ].map(([valeur, libelle]) => (
            <div class="fr-fieldset__element fr-fieldset__element--inline">
              <div class="fr-radio-group">
                <input
                  type="radio"
                  id={`prive-${valeur}`}
                  name="prive"
                  value={valeur}
                  checked={v.prive === valeur}
                />
                <label class="fr-label" for={`prive-${valeur}`} safe>
                  {libelle}
                </label>
              </div>
            </div>
          ))}
          {e.prive ? (
            <p class="fr-error-text fr-ml-1w" safe>
              {e.prive}
            </p>
          ) : (
            ''
          )}
        </fieldset>
      </div>
      <div class="fr-fieldset__element">
        <Champ
          nom="administration_partenaire"
          libelle="Administration partenaire"
          aide="Obligatoire pour une structure privée : l’administration pour laquelle elle agit"
          requis={false}
          valeur={v.administration_partenaire}
          erreur={e.administration_partenaire}
        />
      </div>
    </fieldset>
  )
}

function EtapeReferent({ v, e }: Etape) {
  return (
    <fieldset class="fr-fieldset">
      <legend class="fr-fieldset__legend fr-sr-only">Le ou la référente</legend>
      <p class="fr-fieldset__element">
        Le ou la référente gère les aidants de la structure et leurs cartes. Il ou elle reçoit un compte quand
        la demande est acceptée.
      </p>
      <div class="fr-fieldset__element">
        <Champ
          nom="referent_nom"
          libelle="Prénom et nom du référent"
          valeur={v.referent_nom}
          erreur={e.referent_nom}
        />
      </div>
      <div class="fr-fieldset__element">
        <Champ
          nom="referent_email"
          libelle="E-mail du référent"
          type="email"
          valeur={v.referent_email}
          erreur={e.referent_email}
        />
      </div>
    </fieldset>
  )
}

function EtapeAidants({ v, e }: Etape) {
  return (
    <div class={`fr-input-group${e.aidants ? ' fr-input-group--error' : ''}`}>
      <label class="fr-label" for="aidants">
        Aidants à habiliter
        <span class="fr-hint-text">Une personne par ligne : prénom nom, e-mail, profession</span>
      </label>
      <textarea class="fr-input" id="aidants" name="aidants" rows="6" safe>
        {v.aidants ?? ''}
      </textarea>
      {e.aidants ? (
        <p class="fr-error-text" safe>
          {e.aidants}
        </p>
      ) : (
        ''
      )}
    </div>
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
      <fieldset class={`fr-fieldset${e.engagements ? ' fr-fieldset--error' : ''}`} id="engagements">
        <legend class="fr-fieldset__legend">Engagements (tous obligatoires)</legend>
        {ENGAGEMENTS.map((g) => (
          <div class="fr-fieldset__element">
            <div class="fr-checkbox-group">
              <input
                type="checkbox"
                id={`engagement-${g.cle}`}
                name={`engagement_${g.cle}`}
                value="oui"
                checked={v[`engagement_${g.cle}`] === 'oui'}
              />
              <label class="fr-label" for={`engagement-${g.cle}`}>
                {g.libelle}
              </label>
            </div>
          </div>
        ))}
        {e.engagements ? (
          <p class="fr-error-text fr-ml-1w" safe>
            {e.engagements}
          </p>
        ) : (
          ''
        )}
      </fieldset>
    </>
  )
}
