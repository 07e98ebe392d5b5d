import Html from '@kitajs/html'
import type { Valeurs } from '../../../platform/http/formulaire'
import { Badge, Case, dateFr, ZoneTexte } from '../../../platform/layout/champs'
import {
  Champ,
  ChoixListe,
  Csrf,
  type ErreursFormulaire,
  ResumeErreurs,
  Tableau,
} from '../../../platform/layout/components'
import type { CandidatureRow, MiseEnRelationRow } from '../db/candidatures-repository'
import type { ConventionRow, VersementRow } from '../db/conventions-repository'
import type { DecisionRow, StructureRow } from '../db/structures-repository'
import { euros, LIBELLES_TYPE_STRUCTURE, TYPES_STRUCTURE } from '../domain/financement'
import {
  LIBELLES_MOTIF_FIN,
  LIBELLES_STATUT_MISE_EN_RELATION,
  LIBELLES_STATUT_STRUCTURE,
  MOTIFS_FIN,
  type StatutMiseEnRelation,
  type StatutStructure,
  structurePeutPasser,
} from '../domain/statuts'
import { SITUATIONS } from '../http/recrutement.form'

export function valeursDeStructure(s: StructureRow): Valeurs {
  return {
    nom: s.nom,
    identifiant: s.siret ?? s.rna ?? '',
    type: s.type,
    adresse: s.adresse,
    code_commune: s.codeCommune,
    contact_prenom: s.contactPrenom,
    contact_nom: s.contactNom,
    contact_fonction: s.contactFonction,
    contact_telephone: s.contactTelephone,
    postes_souhaites: String(s.postesSouhaites),
    date_debut: s.dateDebutSouhaitee ?? '',
    projet: s.projet,
    zone_intervention: s.zoneIntervention,
    qpv: s.qpv ? 'oui' : '',
    zrr: s.zrr ? 'oui' : '',
    lieux_proches: s.lieuxProches,
  }
}

/**
 * The AMI form. `complement`: the structure's manager edits the application it has already sent
 * (before the prefecture's opinion, or when the prefecture asked for more), without the contact
 * e-mail (it is their account) nor the commitment (already given).
 */
export function StructureFormPage(p: {
  csrf: string
  v: Valeurs
  e: ErreursFormulaire
  complement?: { commentairePrefecture: string | undefined } | undefined
}) {
  const { v, e, complement } = p
  return (
    <div class="fr-grid-row">
      <div class="fr-col-12 fr-col-md-9">
        {complement ? (
          <>
            <h1 class="fr-mt-4w">Compléter la candidature</h1>
            {complement.commentairePrefecture ? (
              <div class="fr-callout">
                <h2 class="fr-callout__title fr-h6">Ce que demande la préfecture</h2>
                <p class="fr-callout__text" safe>
                  {complement.commentairePrefecture}
                </p>
              </div>
            ) : (
              ''
            )}
            <p>
              Une fois enregistrée, la candidature repart à la préfecture de votre département, qui en est
              prévenue par e-mail.
            </p>
          </>
        ) : (
          <>
            <h1 class="fr-mt-4w">Accueillir un conseiller numérique</h1>
            <p>
              Collectivités, associations et entreprises de l’économie sociale et solidaire : répondez à
              l’appel à manifestation d’intérêt. L’État finance chaque poste validé (50 000 € pour un
              organisme public, 40 000 € pour un organisme privé, sur deux ans) et forme le conseiller. La
              préfecture de votre département examine votre candidature, puis le comité national décide.
            </p>
          </>
        )}
        <p class="fr-text--sm">Tous les champs sont obligatoires, sauf mention contraire.</p>
        <ResumeErreurs erreurs={e} />
        <form
          method="post"
          action={complement ? '/structure/candidature' : '/candidature/structure'}
          novalidate
        >
          <Csrf jeton={p.csrf} />
          <fieldset class="fr-fieldset">
            <legend class="fr-fieldset__legend">La structure</legend>
            <div class="fr-fieldset__element">
              <Champ
                nom="nom"
                libelle="Nom de la structure"
                valeur={v.nom}
                erreur={e.nom}
                autocomplete="organization"
              />
              <Champ
                nom="identifiant"
                libelle="SIRET ou numéro RNA"
                aide="SIRET : 14 chiffres. Association sans SIRET : numéro RNA, W suivi de 9 chiffres."
                valeur={v.identifiant}
                erreur={e.identifiant}
                maxlength={20}
              />
              <ChoixListe
                nom="type"
                libelle="Type de structure"
                options={TYPES_STRUCTURE.map((t) => ({ valeur: t, libelle: LIBELLES_TYPE_STRUCTURE[t] }))}
                valeur={v.type}
                erreur={e.type}
                videLibelle="Choisir"
              />
              <Champ
                nom="adresse"
                libelle="Adresse"
                valeur={v.adresse}
                erreur={e.adresse}
                autocomplete="street-address"
              />
              <Champ
                nom="code_commune"
                libelle="Code INSEE de la commune"
                aide="5 caractères, par exemple 84007 pour Avignon."
                valeur={v.code_commune}
                erreur={e.code_commune}
                maxlength={5}
              />
            </div>
          </fieldset>
          <fieldset class="fr-fieldset">
            <legend class="fr-fieldset__legend">La personne à contacter</legend>
            <div class="fr-fieldset__element">
              <Champ
                nom="contact_prenom"
                libelle="Prénom"
                valeur={v.contact_prenom}
                erreur={e.contact_prenom}
                autocomplete="given-name"
              />
              <Champ
                nom="contact_nom"
                libelle="Nom"
                valeur={v.contact_nom}
                erreur={e.contact_nom}
                autocomplete="family-name"
              />
              <Champ
                nom="contact_fonction"
                libelle="Fonction"
                valeur={v.contact_fonction}
                erreur={e.contact_fonction}
              />
              {complement ? (
                ''
              ) : (
                <Champ
                  nom="contact_email"
                  libelle="Adresse e-mail"
                  aide="Elle recevra un lien pour créer le compte de la structure."
                  type="email"
                  valeur={v.contact_email}
                  erreur={e.contact_email}
                  autocomplete="email"
                />
              )}
              <Champ
                nom="contact_telephone"
                libelle="Téléphone"
                type="tel"
                valeur={v.contact_telephone}
                erreur={e.contact_telephone}
                autocomplete="tel"
              />
            </div>
          </fieldset>
          <fieldset class="fr-fieldset">
            <legend class="fr-fieldset__legend">Le projet</legend>
            <div class="fr-fieldset__element">
              <Champ
                nom="postes_souhaites"
                libelle="Nombre de postes souhaités"
                inputmode="numeric"
                valeur={v.postes_souhaites}
                erreur={e.postes_souhaites}
              />
              <Champ
                nom="date_debut"
                libelle="Date de début souhaitée"
                aide="Aujourd’hui ou une date dans les deux ans à venir."
                type="date"
                valeur={v.date_debut}
                erreur={e.date_debut}
              />
              <ZoneTexte
                nom="projet"
                libelle="Votre projet"
                aide="Publics, actions prévues, partenaires. Entre 20 et 2 500 caractères."
                valeur={v.projet}
                erreur={e.projet}
                maxlength={2500}
              />
              <ZoneTexte
                nom="zone_intervention"
                libelle="Zone d’intervention"
                aide="Communes ou quartiers où le conseiller interviendra."
                valeur={v.zone_intervention}
                erreur={e.zone_intervention}
                maxlength={500}
              />
              <Case
                nom="qpv"
                libelle="Le projet touche un quartier prioritaire de la politique de la ville (QPV)"
                coche={v.qpv === 'oui'}
              />
              <Case
                nom="zrr"
                libelle="Le projet touche une zone de revitalisation rurale (ZRR)"
                coche={v.zrr === 'oui'}
              />
              <ZoneTexte
                nom="lieux_proches"
                libelle="France Services et lieux de médiation numérique à proximité"
                aide="Ceux avec lesquels le conseiller travaillera."
                requis={false}
                valeur={v.lieux_proches}
                erreur={e.lieux_proches}
                maxlength={1000}
              />
            </div>
          </fieldset>
          {complement ? (
            <button class="fr-btn" type="submit">
              Enregistrer et renvoyer à la préfecture
            </button>
          ) : (
            <>
              <Case
                nom="engagement"
                libelle="La structure s’engage à recruter le conseiller sur un contrat d’au moins deux ans et à le laisser suivre sa formation."
                coche={v.engagement === 'oui'}
                erreur={e.engagement}
              />
              <button class="fr-btn" type="submit">
                Déposer la candidature
              </button>
            </>
          )}
        </form>
      </div>
    </div>
  )
}

export interface VueConvention {
  convention: ConventionRow
  versements: VersementRow[]
}

export function EspaceStructurePage(p: {
  csrf: string
  structure: StructureRow
  decisions: readonly DecisionRow[]
  conventions: readonly VueConvention[]
  equipe: readonly { mer: MiseEnRelationRow; candidature: CandidatureRow }[]
  commentairePrefecture?: string | undefined
  erreur?: string | undefined
}) {
  const s = p.structure
  const recrutes = p.equipe.filter((x) => x.mer.statut === 'recrutee')
  const suivis = p.equipe.filter((x) =>
    ['preselectionnee', 'entretien', 'non_retenue'].includes(x.mer.statut),
  )
  const partis = p.equipe.filter((x) => x.mer.statut === 'terminee')
  return (
    <>
      <h1 class="fr-mt-4w" safe>
        {s.nom}
      </h1>
      {p.erreur ? (
        <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-3w" role="alert">
          <p safe>{p.erreur}</p>
        </div>
      ) : (
        ''
      )}
      <p>
        Statut : <strong safe>{LIBELLES_STATUT_STRUCTURE[s.statut as StatutStructure] ?? s.statut}</strong> —
        postes validés : <strong>{s.postesValides}</strong>, pourvus : <strong>{recrutes.length}</strong>,
        vacants : <strong>{Math.max(0, s.postesValides - recrutes.length)}</strong>
      </p>
      {s.statut === 'a_completer' ? (
        <div class="fr-alert fr-alert--warning fr-mb-3w">
          <h2 class="fr-alert__title">La préfecture demande de compléter votre candidature</h2>
          {p.commentairePrefecture ? <p safe>{p.commentairePrefecture}</p> : ''}
          <p>
            <a class="fr-link" href="/structure/candidature">
              Compléter la candidature
            </a>
          </p>
        </div>
      ) : s.statut === 'deposee' ? (
        <p>
          Votre candidature attend l’avis de la préfecture.{' '}
          <a class="fr-link" href="/structure/candidature">
            Modifier la candidature
          </a>
        </p>
      ) : (
        ''
      )}
      {s.postesValides > 0 ? (
        <p>
          <a class="fr-btn" href="/structure/candidats">
            Voir les candidats classés
          </a>
        </p>
      ) : (
        <p>
          Vous pourrez voir les candidats de votre secteur quand le comité national aura validé des postes.
        </p>
      )}
      {p.decisions.length === 0 ? (
        <p class="fr-mt-4w">Aucune décision du comité national pour l’instant.</p>
      ) : (
        <Tableau
          legende="Décisions du comité national"
          entetes={['Numéro', 'Date', 'Décision', 'Postes', 'Montant']}
          lignes={p.decisions.map((d) => [
            <span safe>{d.numero}</span>,
            <span safe>{dateFr(d.dateDecision)}</span>,
            <span>
              {d.avis === 'validee' ? 'Validée' : d.avis === 'refusee' ? 'Refusée' : 'Examen complémentaire'}
            </span>,
            <span>{d.postesAccordes}</span>,
            <span safe>{euros(d.montantEuros)}</span>,
          ])}
        />
      )}
      {p.conventions.map(({ convention: c, versements }) => (
        <section class="fr-mt-4w">
          <h2 class="fr-h4">Convention {Html.escapeHtml(c.numero)}</h2>
          <p>
            {c.postes} poste(s), {Html.escapeHtml(euros(c.montantEuros))} (
            {Html.escapeHtml(euros(c.tauxEuros))} par poste), à partir du {Html.escapeHtml(dateFr(c.debut))}{' '}
            pour {c.dureeMois} mois — version {c.version}.
          </p>
          <p>
            <a
              class="fr-link fr-icon-download-line fr-link--icon-left"
              href={`/structure/conventions/${c.id}/pdf`}
            >
              Télécharger la convention (PDF)
            </a>
          </p>
          {c.signeeLe ? (
            <p>
              <Badge texte={`Signée par ${c.signataire ?? ''}`} type="success" />
            </p>
          ) : (
            <form method="post" action={`/structure/conventions/${c.id}/signature`} novalidate>
              <Csrf jeton={p.csrf} />
              <Champ nom="signataire" libelle="Nom et fonction du signataire" />
              <button class="fr-btn" type="submit">
                Enregistrer la signature
              </button>
            </form>
          )}
          <Tableau
            legende="Échéancier des versements"
            entetes={['Versement', 'Date prévue', 'Montant', 'État']}
            lignes={versements.map((v) => [
              <span>{v.rang}</span>,
              <span safe>{dateFr(v.datePrevue)}</span>,
              <span safe>{euros(v.montantEuros)}</span>,
              <span>{v.payeLe ? `Payé le ${dateFr(v.payeLe)}` : 'Prévu'}</span>,
            ])}
          />
        </section>
      ))}
      <h2 class="fr-h4 fr-mt-4w">Conseillers recrutés</h2>
      {recrutes.length === 0 ? (
        <p>Aucun conseiller recruté pour l’instant.</p>
      ) : (
        recrutes.map(({ mer, candidature: c }) => (
          <div class="fr-mb-3w">
            <div>
              <div>
                <h3 class="fr-h5 fr-mb-1w" safe>
                  {`${c.prenom} ${c.nom}`}
                </h3>
                <p class="fr-mb-1w">
                  Contrat de {mer.typeContrat === '3ans' ? 'trois' : 'deux'} ans, du{' '}
                  {Html.escapeHtml(dateFr(mer.debutContrat))} au {Html.escapeHtml(dateFr(mer.finContrat))}.
                </p>
                <p>
                  <a href={`/structure/candidats/${c.id}`}>Fiche et départ</a>
                </p>
              </div>
            </div>
          </div>
        ))
      )}
      {suivis.length > 0 ? (
        <>
          <h2 class="fr-h4 fr-mt-4w">Candidats suivis</h2>
          <ul>
            {suivis.map(({ mer, candidature: c }) => (
              <li>
                <a href={`/structure/candidats/${c.id}`} safe>
                  {`${c.prenom} ${c.nom}`}
                </a>{' '}
                — {Html.escapeHtml(LIBELLES_STATUT_MISE_EN_RELATION[mer.statut as StatutMiseEnRelation])}
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      {partis.length > 0 ? (
        <>
          <h2 class="fr-h4 fr-mt-4w">Départs</h2>
          <ul>
            {partis.map(({ mer, candidature: c }) => (
              <li safe>
                {`${c.prenom} ${c.nom} — ${LIBELLES_MOTIF_FIN[mer.motifFin as keyof typeof LIBELLES_MOTIF_FIN] ?? ''} le ${dateFr(mer.finLe)}`}
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      {s.postesValides === 0 && structurePeutPasser(s.statut as StatutStructure, 'abandonnee') ? (
        <form method="post" action="/structure/abandon" class="fr-mt-6w">
          <Csrf jeton={p.csrf} />
          <h2 class="fr-h5">Renoncer</h2>
          <p>
            Si votre structure ne souhaite plus accueillir de conseiller, retirez sa candidature : la
            préfecture en est prévenue et le dossier est clos.
          </p>
          <Case
            nom="confirmation"
            libelle="Je confirme que la structure renonce à sa candidature."
            coche={false}
          />
          <button class="fr-btn fr-btn--tertiary" type="submit">
            Abandonner la candidature
          </button>
        </form>
      ) : (
        ''
      )}
    </>
  )
}

export interface CandidatClasse {
  score: number
  distanceKm: number
  raisons: string[]
  candidature: CandidatureRow
  statut: string | undefined
}

export function CandidatsPage(p: {
  csrf: string
  structure: StructureRow
  candidats: readonly CandidatClasse[]
}) {
  return (
    <>
      <h1 class="fr-mt-4w">Candidats classés pour {Html.escapeHtml(p.structure.nom)}</h1>
      <p>
        Les candidats dont le rayon de mobilité couvre votre structure, du plus adapté au moins adapté. Le
        score sur 100 tient compte de la distance, de la date de disponibilité et du profil ; ses raisons sont
        détaillées.
      </p>
      {p.candidats.length === 0 ? (
        <p>Aucun candidat disponible dans votre secteur pour l’instant.</p>
      ) : (
        <ol class="fr-raw-list">
          {p.candidats.map((c, i) => (
            <li class="fr-mb-4w">
              <div>
                <div>
                  <h2 class="fr-h5 fr-mb-1w">
                    <a href={`/structure/candidats/${c.candidature.id}`}>
                      {i + 1}. {Html.escapeHtml(`${c.candidature.prenom} ${c.candidature.nom}`)} — score{' '}
                      {c.score} / 100
                    </a>
                  </h2>
                  <p class="fr-mb-1w">
                    {Html.escapeHtml(c.candidature.nomCommune)} —{' '}
                    {Html.escapeHtml(SITUATIONS[c.candidature.situation as keyof typeof SITUATIONS] ?? '')}
                    {c.statut
                      ? ` — ${Html.escapeHtml(LIBELLES_STATUT_MISE_EN_RELATION[c.statut as StatutMiseEnRelation])}`
                      : ''}
                  </p>
                  <p class="fr-text--sm fr-mb-0">Raisons du rang :</p>
                  <ul class="fr-text--sm">
                    {c.raisons.map((r) => (
                      <li safe>{r}</li>
                    ))}
                  </ul>
                </div>
              </div>
            </li>
          ))}
        </ol>
      )}
    </>
  )
}

export function CandidatPage(p: {
  csrf: string
  candidature: CandidatureRow
  mer: MiseEnRelationRow | undefined
  classement: { score: number; distanceKm: number; raisons: string[] } | undefined
  aUnCv: boolean
  e: ErreursFormulaire
  /** What was typed, shown again after a refused form (the forms shown together have distinct fields). */
  v?: Valeurs
}) {
  const c = p.candidature
  const v = p.v ?? {}
  const statut = p.mer?.statut as StatutMiseEnRelation | undefined
  const contactVisible = c.coordonneesVisibles || !!p.mer
  return (
    <>
      <h1 class="fr-mt-4w" safe>
        {`${c.prenom} ${c.nom}`}
      </h1>
      <ResumeErreurs erreurs={p.e} />
      {p.classement ? (
        <p>
          Score {p.classement.score} / 100 : {Html.escapeHtml(p.classement.raisons.join(' ; '))}.
        </p>
      ) : (
        ''
      )}
      <dl>
        <dt>Commune</dt>
        <dd safe>{`${c.nomCommune} (rayon de ${c.rayonKm} km)`}</dd>
        <dt>Disponible le</dt>
        <dd safe>{dateFr(c.disponibleLe)}</dd>
        <dt>Situation</dt>
        <dd safe>{SITUATIONS[c.situation as keyof typeof SITUATIONS] ?? c.situation}</dd>
        <dt>Diplômes</dt>
        <dd safe>{c.diplomes || '—'}</dd>
        <dt>Expérience auprès du public</dt>
        <dd safe>{c.experiencePublic || '—'}</dd>
        <dt>Certification PIX</dt>
        <dd>{c.niveauPix ? `niveau ${c.niveauPix}` : 'aucune'}</dd>
        <dt>Motivation</dt>
        <dd safe>{c.motivation}</dd>
        <dt>Coordonnées</dt>
        <dd>{contactVisible ? `${c.email} — ${c.telephone}` : 'Visibles après présélection.'}</dd>
      </dl>
      {p.aUnCv && contactVisible ? (
        <p>
          <a class="fr-link" href={`/structure/candidats/${c.id}/cv`}>
            Télécharger le CV (PDF)
          </a>
        </p>
      ) : (
        ''
      )}
      <p>
        État :{' '}
        <strong>{statut ? LIBELLES_STATUT_MISE_EN_RELATION[statut] : 'Pas encore présélectionné'}</strong>
      </p>
      {!statut || statut === 'non_retenue' || statut === 'terminee' ? (
        <form method="post" action={`/structure/candidats/${c.id}/preselection`}>
          <Csrf jeton={p.csrf} />
          <button class="fr-btn" type="submit">
            Présélectionner
          </button>
        </form>
      ) : (
        ''
      )}
      {statut === 'recrutee' ? (
        <form method="post" action={`/structure/candidats/${c.id}/depart`} class="fr-mt-2w" novalidate>
          <Csrf jeton={p.csrf} />
          <h2 class="fr-h5">Déclarer un départ</h2>
          <p safe>{`Contrat du ${dateFr(p.mer?.debutContrat)} au ${dateFr(p.mer?.finContrat)}.`}</p>
          <ChoixListe
            nom="motif"
            libelle="Motif"
            options={MOTIFS_FIN.map((m) => ({ valeur: m, libelle: LIBELLES_MOTIF_FIN[m] }))}
            valeur={v.motif}
            erreur={p.e.motif}
            videLibelle="Choisir le motif"
          />
          <Champ nom="le" libelle="Date de fin" type="date" valeur={v.le} erreur={p.e.le} />
          <button class="fr-btn fr-btn--tertiary" type="submit">
            Déclarer le départ
          </button>
        </form>
      ) : (
        ''
      )}
      {statut === 'preselectionnee' || statut === 'entretien' ? (
        <>
          <h2 class="fr-h5 fr-mt-4w">Entretien</h2>
          <form method="post" action={`/structure/candidats/${c.id}/entretien`} novalidate>
            <Csrf jeton={p.csrf} />
            <Champ
              nom="le"
              libelle="Date de l’entretien"
              type="date"
              valeur={v.le ?? p.mer?.entretienLe ?? ''}
              erreur={p.e.le}
            />
            <ZoneTexte
              nom="note"
              libelle="Notes d’entretien"
              valeur={v.note ?? p.mer?.noteEntretien ?? ''}
              erreur={p.e.note}
              maxlength={2000}
            />
            <button class="fr-btn fr-btn--secondary" type="submit">
              Enregistrer l’entretien
            </button>
          </form>
          <h2 class="fr-h5 fr-mt-4w">Recruter</h2>
          <form method="post" action={`/structure/candidats/${c.id}/recrutement`} novalidate>
            <Csrf jeton={p.csrf} />
            <ChoixListe
              nom="type_contrat"
              libelle="Durée du contrat"
              options={[
                { valeur: '2ans', libelle: '2 ans' },
                { valeur: '3ans', libelle: '3 ans' },
              ]}
              valeur={v.type_contrat}
              erreur={p.e.type_contrat}
              videLibelle="Choisir"
            />
            <Champ
              nom="debut"
              libelle="Date de début du contrat"
              type="date"
              valeur={v.debut}
              erreur={p.e.debut}
            />
            <button class="fr-btn" type="submit">
              Recruter ce candidat
            </button>
          </form>
          <form method="post" action={`/structure/candidats/${c.id}/non-retenu`} class="fr-mt-2w">
            <Csrf jeton={p.csrf} />
            <button class="fr-btn fr-btn--tertiary" type="submit">
              Ne pas retenir
            </button>
          </form>
        </>
      ) : (
        ''
      )}
    </>
  )
}
