import Html from '@kitajs/html'
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
import type { Projection } from '../domain/couverture'
import { euros } from '../domain/financement'
import { LIBELLES_STATUT_CANDIDATURE, LIBELLES_STATUT_STRUCTURE } from '../domain/statuts'
import { FigureCarte } from './carte'
import { lierChamps } from './formulaire'
import type { VueDepartement, VuePhase, VueVague } from './modeles'

export function totaux(lignes: readonly VueDepartement[]) {
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

interface CartePilotage {
  proj: Projection
  contours: readonly { code: string; anneaux: readonly (readonly [number, number])[][] }[]
}

export function PilotagePage(p: {
  titre: string
  lignes: readonly VueDepartement[]
  nomDepartement: (code: string) => string
  statutsStructures: readonly { statut: string; n: number }[]
  statutsCandidatures: readonly { statut: string; n: number }[]
  carte: CartePilotage | undefined
}) {
  return (
    <>
      <h1 class="fr-mt-4w" safe>
        {p.titre}
      </h1>
      <ChiffresCles t={totaux(p.lignes)} />
      <p>
        <a class="fr-link fr-icon-download-line fr-link--icon-left" href="/pilotage/export.csv">
          Exporter en CSV
        </a>{' '}
        <a class="fr-link fr-icon-download-line fr-link--icon-left fr-ml-2w" href="/pilotage/export.xlsx">
          Exporter en XLSX
        </a>
      </p>
      {p.carte ? <CarteDepartements carte={p.carte} lignes={p.lignes} /> : ''}
      <TableauDepartements lignes={p.lignes} nomDepartement={p.nomDepartement} />
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-6">
          <TableauStatuts
            legende="Structures par statut"
            statuts={p.statutsStructures}
            libelles={LIBELLES_STATUT_STRUCTURE}
          />
        </div>
        <div class="fr-col-12 fr-col-md-6">
          <TableauStatuts
            legende="Candidatures par statut"
            statuts={p.statutsCandidatures}
            libelles={LIBELLES_STATUT_CANDIDATURE}
          />
        </div>
      </div>
    </>
  )
}

function ChiffresCles({ t }: { t: ReturnType<typeof totaux> }) {
  return (
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
  )
}

/** Each département shaded by the share of its validated posts that are filled. */
function CarteDepartements({ carte, lignes }: { carte: CartePilotage; lignes: readonly VueDepartement[] }) {
  const parCode = new Map(lignes.map((l) => [l.codeDepartement, l]))
  const { proj } = carte
  return (
    <FigureCarte
      proj={proj}
      idTitre="pilotage-carte-titre"
      idLegende="pilotage-legende"
      titre="Carte des départements colorés selon la part des postes validés qui sont pourvus."
      classeLegende="fr-text--sm"
      legende={
        <>
          Vert foncé : 90 % des postes validés ou plus sont pourvus ; vert : 60 % ; vert pâle : 30 % ; rose :
          moins de 30 % ; gris : aucun poste validé. Les chiffres sont dans le tableau ci-dessous.
        </>
      }
    >
      {carte.contours.map((d) => {
        const l = parCode.get(d.code)
        const taux = l && l.postesValides > 0 ? l.postesPourvus / l.postesValides : undefined
        return d.anneaux.map((a) => (
          <polygon
            points={a.map(([lon, lat]) => `${proj.x(lon)},${proj.y(lat)}`).join(' ')}
            fill={teinte(taux)}
            stroke="#666"
            stroke-width="0.5"
          />
        ))
      })}
    </FigureCarte>
  )
}

function TableauDepartements(p: {
  lignes: readonly VueDepartement[]
  nomDepartement: (code: string) => string
}) {
  return (
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
  )
}

function TableauStatuts(p: {
  legende: string
  statuts: readonly { statut: string; n: number }[]
  libelles: Readonly<Record<string, string>>
}) {
  return (
    <Tableau
      legende={p.legende}
      entetes={['Statut', 'Nombre']}
      lignes={p.statuts.map((s) => [
        <span safe>{p.libelles[s.statut] ?? s.statut}</span>,
        <span>{s.n}</span>,
      ])}
    />
  )
}

type Taux = { phaseId: string; categorie: string; territoire: string; montantEuros: number }
type ConventionVersements = {
  id: string
  numero: string
  structure: string
  versements: { rang: number; datePrevue: string; montantEuros: number; payeLe: string | null }[]
  signee: boolean
}
/** A refused form's messages and what was typed (the page's forms have distinct field names). */
interface EtatForm {
  e: ErreursFormulaire
  v: Valeurs
}

export function ProgrammePage(p: {
  csrf: string
  phases: readonly VuePhase[]
  taux: readonly Taux[]
  allocations: readonly { codeDepartement: string; postesMax: number; postesAttribues: number }[]
  vagues: readonly VueVague[]
  conventions: readonly ConventionVersements[]
  e: ErreursFormulaire
  /** What was typed, shown again after a refused form (the four forms' fields have distinct names). */
  v?: Valeurs
}) {
  const active = p.phases.find((x) => x.active)
  const etat: EtatForm = { e: p.e, v: p.v ?? {} }
  return (
    <>
      <h1 class="fr-mt-4w">Programme : phases, montants, allocations, vagues</h1>
      <p>
        Les montants et quotas sont des données : une nouvelle phase s’applique aux décisions suivantes, sans
        changer les conventions déjà signées (elles gardent le montant par poste de leur décision).
      </p>
      <ResumeErreurs erreurs={p.e} />
      <TableauPhases phases={p.phases} />
      <TableauTaux taux={p.taux.filter((t) => t.phaseId === active?.id)} />
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-6">
          <FormulaireTaux csrf={p.csrf} {...etat} />
        </div>
        <div class="fr-col-12 fr-col-md-6">
          <FormulaireAllocation csrf={p.csrf} {...etat} />
          <ul class="fr-mt-2w">
            {p.allocations.map((a) => (
              <li safe>{`${a.codeDepartement} : ${a.postesAttribues} / ${a.postesMax} postes`}</li>
            ))}
          </ul>
        </div>
      </div>
      <Vagues csrf={p.csrf} vagues={p.vagues} {...etat} />
      <FormulairePhase csrf={p.csrf} {...etat} />
      <h2 class="fr-h5 fr-mt-4w">Versements des conventions</h2>
      {p.conventions.length === 0 ? <p>Aucune convention.</p> : ''}
      {p.conventions.map((c) => (
        <VersementsConvention csrf={p.csrf} convention={c} />
      ))}
    </>
  )
}

function TableauPhases({ phases }: { phases: readonly VuePhase[] }) {
  return (
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
      lignes={phases.map((x) => [
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
  )
}

function TableauTaux({ taux }: { taux: readonly Taux[] }) {
  return (
    <Tableau
      legende="Montants par poste de la phase active"
      entetes={['Catégorie', 'Territoire', 'Montant par poste']}
      lignes={taux.map((t) => [
        <span>{t.categorie === 'public' ? 'Public' : 'Privé'}</span>,
        <span safe>{t.territoire === '*' ? 'Tous les départements' : t.territoire}</span>,
        <span safe>{euros(t.montantEuros)}</span>,
      ])}
    />
  )
}

function FormulaireTaux({ csrf, e, v }: EtatForm & { csrf: string }) {
  const champ = lierChamps(v, e)
  return (
    <>
      <h2 class="fr-h5">Montant par poste pour un territoire</h2>
      <form method="post" action="/comite/programme/taux" novalidate>
        <Csrf jeton={csrf} />
        <ChoixListe
          {...champ('categorie')}
          libelle="Catégorie"
          options={[
            { valeur: 'public', libelle: 'Public' },
            { valeur: 'prive', libelle: 'Privé' },
          ]}
        />
        <Champ {...champ('territoire')} libelle="Département (ou * pour tous)" />
        <Champ {...champ('montant_euros')} libelle="Montant par poste (euros)" inputmode="numeric" />
        <Bouton variante="secondaire">Enregistrer le montant</Bouton>
      </form>
    </>
  )
}

function FormulaireAllocation({ csrf, e, v }: EtatForm & { csrf: string }) {
  const champ = lierChamps(v, e)
  return (
    <>
      <h2 class="fr-h5">Allocation d’un département</h2>
      <form method="post" action="/comite/programme/allocations" novalidate>
        <Csrf jeton={csrf} />
        <Champ {...champ('departement')} libelle="Département" />
        <Champ {...champ('postes_max')} libelle="Postes au plus" inputmode="numeric" />
        <Bouton variante="secondaire">Enregistrer l’allocation</Bouton>
      </form>
    </>
  )
}

function Vagues({ csrf, vagues, e, v }: EtatForm & { csrf: string; vagues: readonly VueVague[] }) {
  const champ = lierChamps(v, e)
  return (
    <>
      <h2 class="fr-h5 fr-mt-4w">Vagues de l’appel à manifestation d’intérêt</h2>
      <ul>
        {vagues.map((x) => (
          <li safe>{`${x.libelle} — avis des préfectures jusqu’au ${dateFr(x.dateLimiteAvis)}`}</li>
        ))}
      </ul>
      <form method="post" action="/comite/programme/vagues" novalidate>
        <Csrf jeton={csrf} />
        <Champ {...champ('libelle')} libelle="Libellé de la vague" />
        <Champ {...champ('date_limite')} libelle="Date limite des avis" type="date" />
        <Bouton variante="secondaire">Ouvrir la vague</Bouton>
      </form>
    </>
  )
}

function FormulairePhase({ csrf, e, v }: EtatForm & { csrf: string }) {
  const champ = lierChamps(v, e)
  return (
    <>
      <h2 class="fr-h5 fr-mt-4w">Nouvelle phase</h2>
      <form method="post" action="/comite/programme/phases" novalidate>
        <Csrf jeton={csrf} />
        <Champ {...champ('code')} libelle="Code" aide="Par exemple 2023-renouvellement." />
        <Champ {...champ('libelle_phase')} libelle="Libellé" />
        <Champ {...champ('quota_postes')} libelle="Quota de postes" inputmode="numeric" />
        <Champ {...champ('enveloppe_euros')} libelle="Enveloppe (euros)" inputmode="numeric" />
        <Champ {...champ('duree_mois')} libelle="Durée des conventions (mois)" inputmode="numeric" />
        <Champ {...champ('taux_public')} libelle="Montant par poste public (euros)" inputmode="numeric" />
        <Champ {...champ('taux_prive')} libelle="Montant par poste privé (euros)" inputmode="numeric" />
        <Champ
          {...champ('echeancier')}
          libelle="Échéancier (parts annuelles en %)"
          aide="Par exemple 50, 30, 20."
        />
        <Bouton>Créer la phase</Bouton>
      </form>
    </>
  )
}

/** A signed agreement's payments: each one not yet paid can be marked paid. */
function VersementsConvention({ csrf, convention: c }: { csrf: string; convention: ConventionVersements }) {
  return (
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
                <Csrf jeton={csrf} />
                <Bouton variante="tertiaire" taille="sm">
                  Marquer payé
                </Bouton>
              </form>
            ) : (
              ''
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}
