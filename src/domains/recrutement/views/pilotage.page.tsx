import Html from '@kitajs/html'
import type { Valeurs } from '../../../platform/http/formulaire'
import { dateFr } from '../../../platform/layout/champs'
import {
  Champ,
  ChoixListe,
  Csrf,
  type ErreursFormulaire,
  ResumeErreurs,
  Tableau,
} from '../../../platform/layout/components'
import type { LigneDepartement } from '../db/pilotage-repository'
import type { PhaseRow, VagueRow } from '../db/programme-repository'
import type { Projection } from '../domain/couverture'
import { euros } from '../domain/financement'
import { LIBELLES_STATUT_CANDIDATURE, LIBELLES_STATUT_STRUCTURE } from '../domain/statuts'

export function totaux(lignes: readonly LigneDepartement[]) {
  return lignes.reduce(
    (t, l) => ({
      structures: t.structures + l.structures,
      postesValides: t.postesValides + l.postesValides,
      postesPourvus: t.postesPourvus + l.postesPourvus,
      montantEngage: t.montantEngage + l.montantEngage,
      montantPaye: t.montantPaye + l.montantPaye,
      candidats: t.candidats + l.candidats,
    }),
    { structures: 0, postesValides: 0, postesPourvus: 0, montantEngage: 0, montantPaye: 0, candidats: 0 },
  )
}

const teinte = (taux: number | undefined) =>
  taux === undefined
    ? '#eeeeee'
    : taux >= 0.9
      ? '#1f6f3a'
      : taux >= 0.6
        ? '#5a9e6f'
        : taux >= 0.3
          ? '#b5d4bd'
          : '#f4d6d6'

export function PilotagePage(p: {
  titre: string
  lignes: readonly LigneDepartement[]
  nomDepartement: (code: string) => string
  statutsStructures: readonly { statut: string; n: number }[]
  statutsCandidatures: readonly { statut: string; n: number }[]
  carte:
    | {
        proj: Projection
        contours: readonly { code: string; anneaux: readonly (readonly [number, number])[][] }[]
      }
    | undefined
}) {
  const t = totaux(p.lignes)
  const parCode = new Map(p.lignes.map((l) => [l.codeDepartement, l]))
  return (
    <>
      <h1 class="fr-mt-4w" safe>
        {p.titre}
      </h1>
      <div class="fr-grid-row fr-grid-row--gutters fr-mb-3w">
        {[
          ['Postes validés', t.postesValides.toLocaleString('fr-FR')],
          ['Postes pourvus', t.postesPourvus.toLocaleString('fr-FR')],
          ['Postes vacants', Math.max(0, t.postesValides - t.postesPourvus).toLocaleString('fr-FR')],
          ['Montant engagé', euros(t.montantEngage)],
          ['Montant versé', euros(t.montantPaye)],
          ['Candidats', t.candidats.toLocaleString('fr-FR')],
        ].map(([l, v]) => (
          <div class="fr-col-6 fr-col-md-2">
            <p class="fr-text--sm fr-mb-0" safe>
              {l}
            </p>
            <p class="fr-h4" safe>
              {v}
            </p>
          </div>
        ))}
      </div>
      <p>
        <a class="fr-link fr-icon-download-line fr-link--icon-left" href="/pilotage/export.csv">
          Exporter en CSV
        </a>{' '}
        <a class="fr-link fr-icon-download-line fr-link--icon-left fr-ml-2w" href="/pilotage/export.xlsx">
          Exporter en XLSX
        </a>
      </p>
      {p.carte ? (
        <figure class="fr-mb-4w" aria-labelledby="pilotage-legende">
          <svg
            viewBox={`0 0 ${p.carte.proj.largeur} ${p.carte.proj.hauteur}`}
            width={p.carte.proj.largeur}
            height={p.carte.proj.hauteur}
            class="escale-carte-svg"
            role="img"
            aria-labelledby="pilotage-carte-titre"
          >
            <title id="pilotage-carte-titre">
              Carte des départements colorés selon la part des postes validés qui sont pourvus.
            </title>
            {p.carte.contours.map((d) => {
              const l = parCode.get(d.code)
              const taux = l && l.postesValides > 0 ? l.postesPourvus / l.postesValides : undefined
              return d.anneaux.map((a) => (
                <polygon
                  points={a.map(([lon, lat]) => `${p.carte!.proj.x(lon)},${p.carte!.proj.y(lat)}`).join(' ')}
                  fill={teinte(taux)}
                  stroke="#666"
                  stroke-width="0.5"
                />
              ))
            })}
          </svg>
          <figcaption id="pilotage-legende" class="fr-text--sm">
            Vert foncé : 90 % des postes validés ou plus sont pourvus ; vert : 60 % ; vert pâle : 30 % ; rose
            : moins de 30 % ; gris : aucun poste validé. Les chiffres sont dans le tableau ci-dessous.
          </figcaption>
        </figure>
      ) : (
        ''
      )}
      <Tableau
        legende="Par département"
        entetes={[
          'Département',
          'Structures',
          'Validées',
          'Postes validés',
          'Pourvus',
          'Vacants',
          'Engagé',
          'Versé',
          'Candidats',
        ]}
        lignes={p.lignes.map((l) => [
          <span safe>{`${l.codeDepartement} ${p.nomDepartement(l.codeDepartement)}`}</span>,
          <span>{l.structures}</span>,
          <span>{l.structuresValidees}</span>,
          <span>{l.postesValides}</span>,
          <span>{l.postesPourvus}</span>,
          <span>{Math.max(0, l.postesValides - l.postesPourvus)}</span>,
          <span safe>{euros(l.montantEngage)}</span>,
          <span safe>{euros(l.montantPaye)}</span>,
          <span>{l.candidats}</span>,
        ])}
      />
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-6">
          <Tableau
            legende="Structures par statut"
            entetes={['Statut', 'Nombre']}
            lignes={p.statutsStructures.map((s) => [
              <span safe>
                {LIBELLES_STATUT_STRUCTURE[s.statut as keyof typeof LIBELLES_STATUT_STRUCTURE] ?? s.statut}
              </span>,
              <span>{s.n}</span>,
            ])}
          />
        </div>
        <div class="fr-col-12 fr-col-md-6">
          <Tableau
            legende="Candidatures par statut"
            entetes={['Statut', 'Nombre']}
            lignes={p.statutsCandidatures.map((s) => [
              <span safe>
                {LIBELLES_STATUT_CANDIDATURE[s.statut as keyof typeof LIBELLES_STATUT_CANDIDATURE] ??
                  s.statut}
              </span>,
              <span>{s.n}</span>,
            ])}
          />
        </div>
      </div>
    </>
  )
}

export function ProgrammePage(p: {
  csrf: string
  phases: readonly PhaseRow[]
  taux: readonly { phaseId: string; categorie: string; territoire: string; montantEuros: number }[]
  allocations: readonly { codeDepartement: string; postesMax: number; postesAttribues: number }[]
  vagues: readonly VagueRow[]
  conventions: readonly {
    id: string
    numero: string
    structure: string
    versements: { rang: number; datePrevue: string; montantEuros: number; payeLe: string | null }[]
    signee: boolean
  }[]
  e: ErreursFormulaire
  /** What was typed, shown again after a refused form (the four forms' fields have distinct names). */
  v?: Valeurs
}) {
  const active = p.phases.find((x) => x.active)
  const v = p.v ?? {}
  return (
    <>
      <h1 class="fr-mt-4w">Programme : phases, montants, allocations, vagues</h1>
      <p>
        Les montants et quotas sont des données : une nouvelle phase s’applique aux décisions suivantes, sans
        changer les conventions déjà signées (elles gardent le montant par poste de leur décision).
      </p>
      <ResumeErreurs erreurs={p.e} />
      <Tableau
        legende="Phases du programme"
        entetes={[
          'Code',
          'Libellé',
          'Quota',
          'Enveloppe',
          'Attribués',
          'Engagé',
          'Durée',
          'Échéancier',
          'Active',
        ]}
        lignes={p.phases.map((x) => [
          <span safe>{x.code}</span>,
          <span safe>{x.libelle}</span>,
          <span>{x.quotaPostes}</span>,
          <span safe>{euros(x.enveloppeEuros)}</span>,
          <span>{x.postesAttribues}</span>,
          <span safe>{euros(x.montantEngage)}</span>,
          <span>{x.dureeMois} mois</span>,
          <span safe>{x.echeancier.map((e) => `${e} %`).join(' / ')}</span>,
          <span>{x.active ? 'oui' : 'non'}</span>,
        ])}
      />
      <Tableau
        legende="Montants par poste de la phase active"
        entetes={['Catégorie', 'Territoire', 'Montant par poste']}
        lignes={p.taux
          .filter((t) => t.phaseId === active?.id)
          .map((t) => [
            <span>{t.categorie === 'public' ? 'Public' : 'Privé'}</span>,
            <span safe>{t.territoire === '*' ? 'Tous les départements' : t.territoire}</span>,
            <span safe>{euros(t.montantEuros)}</span>,
          ])}
      />
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-6">
          <h2 class="fr-h5">Montant par poste pour un territoire</h2>
          <form method="post" action="/comite/programme/taux" novalidate>
            <Csrf jeton={p.csrf} />
            <ChoixListe
              nom="categorie"
              libelle="Catégorie"
              options={[
                { valeur: 'public', libelle: 'Public' },
                { valeur: 'prive', libelle: 'Privé' },
              ]}
              valeur={v.categorie}
              erreur={p.e.categorie}
            />
            <Champ
              nom="territoire"
              libelle="Département (ou * pour tous)"
              valeur={v.territoire}
              erreur={p.e.territoire}
            />
            <Champ
              nom="montant_euros"
              libelle="Montant par poste (euros)"
              inputmode="numeric"
              valeur={v.montant_euros}
              erreur={p.e.montant_euros}
            />
            <button class="fr-btn fr-btn--secondary" type="submit">
              Enregistrer le montant
            </button>
          </form>
        </div>
        <div class="fr-col-12 fr-col-md-6">
          <h2 class="fr-h5">Allocation d’un département</h2>
          <form method="post" action="/comite/programme/allocations" novalidate>
            <Csrf jeton={p.csrf} />
            <Champ nom="departement" libelle="Département" valeur={v.departement} erreur={p.e.departement} />
            <Champ
              nom="postes_max"
              libelle="Postes au plus"
              inputmode="numeric"
              valeur={v.postes_max}
              erreur={p.e.postes_max}
            />
            <button class="fr-btn fr-btn--secondary" type="submit">
              Enregistrer l’allocation
            </button>
          </form>
          <ul class="fr-mt-2w">
            {p.allocations.map((a) => (
              <li safe>{`${a.codeDepartement} : ${a.postesAttribues} / ${a.postesMax} postes`}</li>
            ))}
          </ul>
        </div>
      </div>
      <h2 class="fr-h5 fr-mt-4w">Vagues de l’appel à manifestation d’intérêt</h2>
      <ul>
        {p.vagues.map((v) => (
          <li safe>{`${v.libelle} — avis des préfectures jusqu’au ${dateFr(v.dateLimiteAvis)}`}</li>
        ))}
      </ul>
      <form method="post" action="/comite/programme/vagues" novalidate>
        <Csrf jeton={p.csrf} />
        <Champ nom="libelle" libelle="Libellé de la vague" valeur={v.libelle} erreur={p.e.libelle} />
        <Champ
          nom="date_limite"
          libelle="Date limite des avis"
          type="date"
          valeur={v.date_limite}
          erreur={p.e.date_limite}
        />
        <button class="fr-btn fr-btn--secondary" type="submit">
          Ouvrir la vague
        </button>
      </form>
      <h2 class="fr-h5 fr-mt-4w">Nouvelle phase</h2>
      <form method="post" action="/comite/programme/phases" novalidate>
        <Csrf jeton={p.csrf} />
        <Champ
          nom="code"
          libelle="Code"
          aide="Par exemple 2023-renouvellement."
          valeur={v.code}
          erreur={p.e.code}
        />
        <Champ nom="libelle_phase" libelle="Libellé" valeur={v.libelle_phase} erreur={p.e.libelle_phase} />
        <Champ
          nom="quota_postes"
          libelle="Quota de postes"
          inputmode="numeric"
          valeur={v.quota_postes}
          erreur={p.e.quota_postes}
        />
        <Champ
          nom="enveloppe_euros"
          libelle="Enveloppe (euros)"
          inputmode="numeric"
          valeur={v.enveloppe_euros}
          erreur={p.e.enveloppe_euros}
        />
        <Champ
          nom="duree_mois"
          libelle="Durée des conventions (mois)"
          inputmode="numeric"
          valeur={v.duree_mois}
          erreur={p.e.duree_mois}
        />
        <Champ
          nom="taux_public"
          libelle="Montant par poste public (euros)"
          inputmode="numeric"
          valeur={v.taux_public}
          erreur={p.e.taux_public}
        />
        <Champ
          nom="taux_prive"
          libelle="Montant par poste privé (euros)"
          inputmode="numeric"
          valeur={v.taux_prive}
          erreur={p.e.taux_prive}
        />
        <Champ
          nom="echeancier"
          libelle="Échéancier (parts annuelles en %)"
          aide="Par exemple 50, 30, 20."
          valeur={v.echeancier}
          erreur={p.e.echeancier}
        />
        <button class="fr-btn" type="submit">
          Créer la phase
        </button>
      </form>
      <h2 class="fr-h5 fr-mt-4w">Versements des conventions</h2>
      {p.conventions.length === 0 ? <p>Aucune convention.</p> : ''}
      {p.conventions.map((c) => (
        <div class="fr-mb-2w">
          <p class="fr-mb-1w">
            <strong safe>{c.numero}</strong> — {Html.escapeHtml(c.structure)} {c.signee ? '' : '(non signée)'}
          </p>
          <ul>
            {c.versements.map((v) => (
              <li>
                {Html.escapeHtml(`Versement ${v.rang} du ${dateFr(v.datePrevue)} : ${euros(v.montantEuros)}`)}{' '}
                {v.payeLe ? (
                  Html.escapeHtml(`— payé le ${dateFr(v.payeLe)}`)
                ) : c.signee ? (
                  <form
                    method="post"
                    action={`/comite/conventions/${c.id}/versements/${v.rang}`}
                    class="escale-form-en-ligne"
                  >
                    <Csrf jeton={p.csrf} />
                    <button class="fr-btn fr-btn--sm fr-btn--tertiary" type="submit">
                      Marquer payé
                    </button>
                  </form>
                ) : (
                  ''
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  )
}
