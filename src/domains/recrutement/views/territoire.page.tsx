import Html from '@kitajs/html'
import type { Valeurs } from '../../../platform/http/formulaire'
import { Bouton } from '../../../platform/layout/boutons'
import { Badge, dateFr, Radios, ZoneTexte } from '../../../platform/layout/champs'
import {
  Champ,
  Csrf,
  type ErreursFormulaire,
  ResumeErreurs,
  Tableau,
} from '../../../platform/layout/components'
import { accord, nombreDe } from '../../../platform/pluriel'
import {
  type Couverture,
  classeDistance,
  type LieuProche,
  type PointCarte,
  type Projection,
  RAYON_COUVERTURE_KM,
  RAYON_LIEUX_PROCHES_KM,
} from '../domain/couverture'
import { euros, LIBELLES_TYPE_STRUCTURE, type TypeStructure } from '../domain/financement'
import { LIBELLES_STATUT_STRUCTURE, type StatutStructure } from '../domain/statuts'
import { FigureCarte } from './carte'
import { lierChamps } from './formulaire'
import type { VueAvis, VueStructure, VueStructureAvecAvis } from './modeles'

const LIBELLES_AVIS = {
  favorable: 'Favorable',
  defavorable: 'Défavorable',
  a_completer: 'À compléter',
} as const

export function ListePrefecturePage(p: {
  departement: { code: string; nom: string }
  autres: readonly { code: string; nom: string }[]
  lignes: readonly VueStructureAvecAvis[]
  dateLimite: string | undefined
}) {
  return (
    <>
      <h1 class="fr-mt-4w">
        Structures candidates — {Html.escapeHtml(`${p.departement.code} ${p.departement.nom}`)}
      </h1>
      {p.dateLimite ? (
        <p>
          Date limite des avis de la vague en cours : <strong safe>{dateFr(p.dateLimite)}</strong>
        </p>
      ) : (
        ''
      )}
      {p.autres.length > 1 ? (
        <ul class="fr-tags-group">
          {p.autres.map((d) => (
            <li>
              <a
                class="fr-tag"
                href={`/prefecture/structures?departement=${encodeURIComponent(d.code)}`}
                safe
              >
                {`${d.code} ${d.nom}`}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
      <p>
        <a class="fr-link" href={`/prefecture/carte?departement=${encodeURIComponent(p.departement.code)}`}>
          Voir la carte de couverture du département
        </a>
      </p>
      <Tableau
        legende="Candidatures des structures du département"
        entetes={['Rang', 'Structure', 'Type', 'Commune', 'Postes demandés', 'Statut', 'Avis']}
        lignes={p.lignes.map(({ structure: s, avis }) => [
          <span>{avis ? avis.rang : '—'}</span>,
          <a href={`/prefecture/structures/${s.id}`} safe>
            {s.nom}
          </a>,
          <span safe>{LIBELLES_TYPE_STRUCTURE[s.type as TypeStructure] ?? s.type}</span>,
          <span safe>{s.codeCommune}</span>,
          <span>{s.postesSouhaites}</span>,
          <span safe>{LIBELLES_STATUT_STRUCTURE[s.statut as StatutStructure] ?? s.statut}</span>,
          <span>
            {avis ? `${LIBELLES_AVIS[avis.avis]} (${nombreDe(avis.postesProposes, 'poste')})` : 'À donner'}
          </span>,
        ])}
      />
    </>
  )
}

export function FicheStructure({ s, lieux }: { s: VueStructure; lieux?: readonly LieuProche[] | undefined }) {
  return (
    <dl>
      <dt>Identifiant</dt>
      <dd safe>{s.siret ? `SIRET ${s.siret}` : s.rna ? `RNA ${s.rna}` : '—'}</dd>
      <dt>Type</dt>
      <dd safe>{LIBELLES_TYPE_STRUCTURE[s.type as TypeStructure] ?? s.type}</dd>
      <dt>Adresse</dt>
      <dd safe>{`${s.adresse} (${s.codeCommune})`}</dd>
      <dt>Contact</dt>
      <dd
        safe
      >{`${s.contactPrenom} ${s.contactNom}, ${s.contactFonction} — ${s.contactEmail} — ${s.contactTelephone}`}</dd>
      <dt>Postes souhaités</dt>
      <dd>{s.postesSouhaites}</dd>
      <dt>Début souhaité</dt>
      <dd safe>{dateFr(s.dateDebutSouhaitee)}</dd>
      <dt>Projet</dt>
      <dd safe>{s.projet}</dd>
      <dt>Zone d’intervention</dt>
      <dd safe>{s.zoneIntervention}</dd>
      <dt>Territoires prioritaires</dt>
      <dd safe>{[s.qpv ? 'QPV' : '', s.zrr ? 'ZRR' : ''].filter(Boolean).join(', ') || 'aucun'}</dd>
      <dt>France Services et lieux proches (déclarés par la structure)</dt>
      <dd safe>{s.lieuxProches || '—'}</dd>
      {lieux ? (
        <>
          <dt>{`Lieux référencés à moins de ${RAYON_LIEUX_PROCHES_KM} km (annuaire des lieux)`}</dt>
          <dd>
            {lieux.length === 0 ? (
              'Aucun : la structure serait le premier lieu de médiation numérique du secteur.'
            ) : (
              <ul>
                <li safe>
                  {`${lieux.length} lieu(x), dont ${lieux.filter((l) => l.genre === 'france_services').length} France Services :`}
                </li>
                {[
                  ...lieux.filter((l) => l.genre === 'france_services'),
                  ...lieux.filter((l) => l.genre !== 'france_services'),
                ]
                  .slice(0, 15)
                  .map((l) => (
                    <li safe>
                      {`${l.nom}${l.genre === 'france_services' ? ' (France Services)' : ''} — ${l.distanceKm.toFixed(1).replace('.', ',')} km`}
                    </li>
                  ))}
                {lieux.length > 15 ? <li safe>{`et ${nombreDe(lieux.length - 15, 'autre')}`}</li> : ''}
              </ul>
            )}
          </dd>
        </>
      ) : (
        ''
      )}
    </dl>
  )
}

/** What the prefecture's and the national committee's pages of one structure receive. */
interface PropsDossierStructure {
  csrf: string
  structure: VueStructure
  avis: VueAvis | undefined
  lieux?: readonly LieuProche[] | undefined
  v: Valeurs
  e: ErreursFormulaire
}

/** The structure's name and status, at the top of its file. */
function EnTeteStructure({ s }: { s: VueStructure }) {
  return (
    <>
      <h1 class="fr-mt-4w" safe>
        {s.nom}
      </h1>
      <p>
        Statut : <Badge texte={LIBELLES_STATUT_STRUCTURE[s.statut as StatutStructure] ?? s.statut} />
      </p>
    </>
  )
}

/** The form at the bottom of a structure's file: its heading, its error summary, its fields, its button. */
function FormulaireDossier(p: {
  titre: string
  action: string
  bouton: string
  csrf: string
  e: ErreursFormulaire
  children: Html.Children
}) {
  return (
    <>
      <h2 class="fr-h4 fr-mt-4w" safe>
        {p.titre}
      </h2>
      <ResumeErreurs erreurs={p.e} />
      <form method="post" action={p.action} novalidate>
        <Csrf jeton={p.csrf} />
        {p.children}
        <Bouton>{Html.escapeHtml(p.bouton)}</Bouton>
      </form>
    </>
  )
}

export function AvisPage(p: PropsDossierStructure) {
  const champ = lierChamps(p.v, p.e)
  const s = p.structure
  return (
    <>
      <EnTeteStructure s={s} />
      <FicheStructure s={s} lieux={p.lieux} />
      <FormulaireDossier
        titre="Avis de la préfecture"
        action={`/prefecture/structures/${s.id}/avis`}
        bouton="Enregistrer l’avis"
        csrf={p.csrf}
        e={p.e}
      >
        <Radios
          {...champ('avis')}
          legende="Avis"
          options={Object.entries(LIBELLES_AVIS).map(([valeur, libelle]) => ({ valeur, libelle }))}
        />
        <Champ
          {...champ('rang')}
          libelle="Rang dans le département"
          aide="1 = la plus prioritaire."
          inputmode="numeric"
        />
        <Champ {...champ('postes_proposes')} libelle="Nombre de postes proposés" inputmode="numeric" />
        <ZoneTexte
          {...champ('commentaire')}
          libelle="Commentaire"
          aide="Entre 10 et 1 000 caractères."
          maxlength={1000}
        />
      </FormulaireDossier>
    </>
  )
}

const COULEURS = { proche: '#1f6f3a', moyenne: '#5a9e6f', limite: '#b5d4bd', loin: '#f4d6d6' } as const
const LEGENDE = {
  proche: 'à 5 km ou moins d’un poste proposé',
  moyenne: 'entre 5 et 10 km',
  limite: `entre 10 et ${RAYON_COUVERTURE_KM} km`,
  loin: `à plus de ${RAYON_COUVERTURE_KM} km, ou aucun poste proposé`,
} as const

/**
 * Server-rendered SVG map: the département outline, one shaded dot per commune (distance to the
 * nearest proposed post), the proposed structures and the existing places. The same facts are in
 * the tables under it, for screen readers and for people who do not read maps.
 */
interface PropsCarte {
  departement: { code: string; nom: string }
  couverture: Couverture
  postes: readonly (PointCarte & { postes: number })[]
  lieux: readonly PointCarte[]
  contour: readonly (readonly [number, number])[][]
  proj: Projection
}

export function CartePage(p: PropsCarte) {
  const c = p.couverture
  const part = c.populationTotale ? Math.round((1000 * c.populationCouverte) / c.populationTotale) / 10 : 0
  return (
    <>
      <h1 class="fr-mt-4w">
        Couverture du département {Html.escapeHtml(`${p.departement.code} ${p.departement.nom}`)}
      </h1>
      <p>
        {Html.escapeHtml(
          `${part.toLocaleString('fr-FR')} % de la population (${c.populationCouverte.toLocaleString('fr-FR')} sur ${c.populationTotale.toLocaleString('fr-FR')} habitants) vit à ${RAYON_COUVERTURE_KM} km ou moins d’un poste proposé. ${nombreDe(c.oubliees.length, 'commune')} ${accord(c.oubliees.length, 'n’a', 'n’ont')} ni poste proposé ni lieu existant à moins de ${RAYON_COUVERTURE_KM} km.`,
        )}
      </p>
      <CarteCouverture {...p} />
      <TableauxCouverture {...p} />
    </>
  )
}

/** The SVG map; its facts are also in the tables under it. */
function CarteCouverture(p: PropsCarte) {
  const { couverture: c, proj } = p
  return (
    <FigureCarte
      proj={proj}
      idTitre="carte-titre"
      idLegende="carte-legende"
      titre="Carte du département : communes colorées selon la distance au poste proposé le plus proche, structures proposées en bleu, lieux existants en orange."
      legende={
        <ul class="fr-text--sm">
          {Object.entries(LEGENDE).map(([k, l]) => (
            <li>
              <svg width="12" height="12" aria-hidden="true">
                <circle cx="6" cy="6" r="5" fill={COULEURS[k as keyof typeof COULEURS]} stroke="#3a3a3a" />
              </svg>{' '}
              Commune {Html.escapeHtml(l)}
            </li>
          ))}
          <li>
            <svg width="12" height="12" aria-hidden="true">
              <circle cx="6" cy="6" r="5" fill="#000091" />
            </svg>{' '}
            Structure proposée
          </li>
          <li>
            <svg width="12" height="12" aria-hidden="true">
              <rect x="1" y="1" width="10" height="10" fill="#b34000" />
            </svg>{' '}
            Lieu de médiation numérique ou France Services existant
          </li>
        </ul>
      }
    >
      {p.contour.map((anneau) => (
        <polygon
          points={anneau.map(([lon, lat]) => `${proj.x(lon)},${proj.y(lat)}`).join(' ')}
          fill="#f6f6f6"
          stroke="#3a3a3a"
          stroke-width="1"
        />
      ))}
      {c.communes.map((co) => (
        <circle
          cx={String(proj.x(co.longitude))}
          cy={String(proj.y(co.latitude))}
          r="2.5"
          fill={COULEURS[classeDistance(co.distancePoste)]}
        />
      ))}
      {p.lieux.map((l) => (
        <rect
          x={String(proj.x(l.longitude) - 3)}
          y={String(proj.y(l.latitude) - 3)}
          width="6"
          height="6"
          fill="#b34000"
        />
      ))}
      {p.postes.map((s) => (
        <circle
          cx={String(proj.x(s.longitude))}
          cy={String(proj.y(s.latitude))}
          r="7"
          fill="#000091"
          stroke="#fff"
          stroke-width="2"
        />
      ))}
    </FigureCarte>
  )
}

/** What the map shows, as tables: the proposed posts, the forgotten communes, the existing places. */
function TableauxCouverture(p: PropsCarte) {
  const c = p.couverture
  return (
    <>
      <Tableau
        legende="Structures proposées"
        entetes={['Structure', 'Postes proposés']}
        lignes={p.postes.map((s) => [<span safe>{s.nom}</span>, <span>{s.postes}</span>])}
      />
      <Tableau
        legende={`Communes sans poste proposé ni lieu à moins de ${RAYON_COUVERTURE_KM} km (les 30 plus peuplées)`}
        entetes={['Commune', 'Population', 'Distance au poste proposé le plus proche']}
        lignes={c.oubliees
          .slice(0, 30)
          .map((co) => [
            <span safe>{co.nom}</span>,
            <span safe>{co.population.toLocaleString('fr-FR')}</span>,
            <span safe>
              {co.distancePoste === undefined ? 'aucun poste' : `${Math.round(co.distancePoste)} km`}
            </span>,
          ])}
      />
      {p.lieux.length === 0 ? (
        <p>Aucun lieu de médiation numérique ni France Services n’est encore connu dans ce département.</p>
      ) : (
        ''
      )}
      <Tableau
        legende="Lieux existants"
        entetes={['Lieu', 'Type']}
        lignes={p.lieux.map((l) => [
          <span safe>{l.nom}</span>,
          <span>{l.genre === 'france_services' ? 'France Services' : 'Lieu de médiation numérique'}</span>,
        ])}
      />
    </>
  )
}

export interface Jauge {
  quotaPostes: number
  postesAttribues: number
  enveloppeEuros: number
  montantEngage: number
  libelle: string
}

export function ComitePage(p: { jauge: Jauge; lignes: readonly VueStructureAvecAvis[] }) {
  const j = p.jauge
  return (
    <>
      <h1 class="fr-mt-4w">Comité national</h1>
      <p safe>{j.libelle}</p>
      <ul>
        <li>
          {Html.escapeHtml(
            `Postes attribués : ${j.postesAttribues.toLocaleString('fr-FR')} sur ${j.quotaPostes.toLocaleString('fr-FR')} (reste ${(j.quotaPostes - j.postesAttribues).toLocaleString('fr-FR')})`,
          )}
        </li>
        <li>
          Montant engagé : <strong safe>{euros(j.montantEngage)}</strong> sur{' '}
          {Html.escapeHtml(euros(j.enveloppeEuros))} (reste{' '}
          {Html.escapeHtml(euros(j.enveloppeEuros - j.montantEngage))})
        </li>
      </ul>
      <p>
        <a class="fr-link" href="/comite/programme">
          Phases, montants par poste, allocations et vagues
        </a>
      </p>
      {p.lignes.length === 0 ? (
        <p>Aucune proposition des préfectures en attente.</p>
      ) : (
        <Tableau
          legende="Propositions des préfectures"
          entetes={['Département', 'Structure', 'Statut', 'Avis de la préfecture', 'Postes proposés']}
          lignes={p.lignes.map(({ structure: s, avis }) => [
            <span safe>{s.codeDepartement}</span>,
            <a href={`/comite/structures/${s.id}`} safe>
              {s.nom}
            </a>,
            <span safe>{LIBELLES_STATUT_STRUCTURE[s.statut as StatutStructure] ?? s.statut}</span>,
            <span>{avis ? `${LIBELLES_AVIS[avis.avis]}, rang ${avis.rang}` : '—'}</span>,
            <span>{avis?.postesProposes ?? '—'}</span>,
          ])}
        />
      )}
    </>
  )
}

export function DecisionPage(p: PropsDossierStructure) {
  const champ = lierChamps(p.v, p.e)
  const s = p.structure
  return (
    <>
      <EnTeteStructure s={s} />
      {p.avis ? (
        <p safe>
          {`Avis de la préfecture : ${LIBELLES_AVIS[p.avis.avis].toLowerCase()}, rang ${p.avis.rang}, ${nombreDe(p.avis.postesProposes, 'poste proposé', 'postes proposés')}. « ${p.avis.commentaire} »`}
        </p>
      ) : (
        ''
      )}
      <FicheStructure s={s} lieux={p.lieux} />
      <FormulaireDossier
        titre="Décision du comité"
        action={`/comite/structures/${s.id}/decision`}
        bouton="Enregistrer la décision"
        csrf={p.csrf}
        e={p.e}
      >
        <Radios
          {...champ('avis')}
          legende="Décision"
          options={[
            { valeur: 'validee', libelle: 'Valider' },
            { valeur: 'examen_complementaire', libelle: 'Examen complémentaire' },
            { valeur: 'refusee', libelle: 'Refuser' },
          ]}
        />
        <Champ
          nom="postes_accordes"
          libelle="Postes accordés"
          inputmode="numeric"
          valeur={p.v.postes_accordes ?? String(p.avis?.postesProposes ?? s.postesSouhaites)}
          erreur={p.e.postes_accordes}
        />
      </FormulaireDossier>
    </>
  )
}
