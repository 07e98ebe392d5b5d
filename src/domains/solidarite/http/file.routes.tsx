import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { exigerRole, utilisateurConnecte } from '../../../platform/auth/utilisateur'
import { dateLongue } from '../../../platform/http/dates'
import { pageFormulaire, refus, reussite } from '../../../platform/http/page-formulaire'
import type { LigneDemande } from '../db/demandes-repository'
import { etatDeLaFile, tentativesDe } from '../db/file-repository'
import { momentLocal } from '../domain/creneaux'
import { BESOINS, DOMAINES_DEMARCHE, LANGUES, NOMS_TERRITOIRES } from '../domain/demande'
import { afficherTelephone, lireTelephone } from '../domain/telephone'
import { ISSUES_TENTATIVE, type IssueTentative } from '../domain/tentatives'
import type { DepsSolidarite } from '../use-cases/deposer'
import { ISSUES_APPEL, type IssueAppel, makeFile, mediateurDe } from '../use-cases/file'
import { FilePage, type VueDemandeTenue, type VueFile } from '../views/file.page'

const garde = exigerRole('mediateur')
const options = (o: Record<string, string>) =>
  Object.entries(o).map(([valeur, libelle]) => ({ valeur, libelle }))
const cle = <T extends Record<string, string>>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]]

const heureParis = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  hour: 'numeric',
  minute: '2-digit',
})
const duree = (ms: number) => {
  const minutes = Math.max(0, Math.round(ms / 60_000))
  if (minutes < 60) return `depuis ${minutes} min`
  const h = Math.floor(minutes / 60)
  return h < 48
    ? `depuis ${h} h ${String(minutes % 60).padStart(2, '0')}`
    : `depuis ${Math.floor(h / 24)} jours`
}

function vueDemande(
  d: LigneDemande,
  numeroE164: string,
  tentatives: { issue: string; faiteLe: Date }[],
): VueDemandeTenue {
  const lu = lireTelephone(numeroE164)
  const numero = lu.ok ? afficherTelephone(lu.telephone) : numeroE164
  const ailleurs = d.fuseau !== 'Europe/Paris'
  const quand =
    d.creneauDebut && d.creneauFin
      ? `${momentLocal(d.creneauDebut, d.fuseau)} – ${momentLocal(d.creneauFin, d.fuseau).replace(/^.* à /, '')}${
          ailleurs
            ? `, heure de ${NOMS_TERRITOIRES[d.territoire as keyof typeof NOMS_TERRITOIRES] ?? d.territoire} (${heureParis.format(d.creneauDebut)} – ${heureParis.format(d.creneauFin)} à Paris)`
            : ''
        }`
      : `Dès que possible, au plus tard ${momentLocal(d.echeance, 'Europe/Paris')} (heure de Paris)`
  return {
    id: d.id,
    reference: d.reference,
    prenom: d.prenom ?? 'Sans prénom',
    numero,
    lienTel: `tel:${numeroE164}`,
    besoin: BESOINS[d.besoin as keyof typeof BESOINS] ?? d.besoin,
    demarche: d.domaineDemarche
      ? DOMAINES_DEMARCHE[d.domaineDemarche as keyof typeof DOMAINES_DEMARCHE]
      : undefined,
    dateLimite: d.dateLimiteDemarche ? dateLongue(d.dateLimiteDemarche) : undefined,
    urgences: [d.arnaqueEnCours ? 'Arnaque en cours' : '', d.isolement ? 'Personne isolée' : ''].filter(
      Boolean,
    ),
    quand,
    langue: LANGUES[d.langue as keyof typeof LANGUES] ?? d.langue,
    reponseParSms: d.reponseParSms,
    tentatives: tentatives.map((t) => ({
      issue: ISSUES_TENTATIVE[t.issue as IssueTentative] ?? t.issue,
      le: `${heureParis.format(t.faiteLe)}`,
    })),
  }
}

/** `/solidarite`: the médiateur's queue, one request at a time. */
export function routesFile(app: FastifyInstance, deps: DepsSolidarite) {
  const file = makeFile(deps)

  const page = pageFormulaire(app, {
    url: '/solidarite',
    garde,
    charger: async ({ request }): Promise<VueFile> => {
      const m = mediateurDe(utilisateurConnecte(request))
      const maintenant = deps.horloge()
      const etat = await etatDeLaFile(deps.db, maintenant)
      const d = await file.tenue(m)
      const numero = d ? file.numero(d) : undefined
      return {
        enAttente: etat.enAttente,
        horsDelai: etat.horsDelai,
        attenteMax: etat.plusAncienne
          ? duree(maintenant.getTime() - new Date(etat.plusAncienne).getTime())
          : undefined,
        tenue: d ? vueDemande(d, numero ?? '', await tentativesDe(deps.db, d.id)) : undefined,
        issuesTentative: options(ISSUES_TENTATIVE),
        issuesAppel: options(ISSUES_APPEL),
      }
    },
    page: (v, etat, ctx) => ({
      titre: 'File des rappels',
      espace: 'pro',
      ariane: [{ libelle: 'File des rappels' }],
      contenu: <FilePage v={v} csrf={ctx.csrf} e={etat.erreurs} valeurs={etat.valeurs} />,
    }),
  })

  page.action('/solidarite/suivante', {
    schema: z.object({}),
    executer: async ({ request }) => {
      const d = await file.prendre(mediateurDe(utilisateurConnecte(request)))
      return d
        ? reussite('/solidarite')
        : reussite('/solidarite', 'Aucune demande ne peut être appelée maintenant.')
    },
  })

  const params = z.object({ id: z.uuid() })
  page.action('/solidarite/demandes/:id/tentative', {
    schema: z.object({
      issue: z.enum(cle(ISSUES_TENTATIVE), { error: 'Choisissez comment s’est passé l’appel.' }),
    }),
    executer: async ({ donnees, request }) => {
      const lu = params.safeParse(request.params)
      if (!lu.success) return refus({}, 404)
      const r = await file.tentative(mediateurDe(utilisateurConnecte(request)), lu.data.id, donnees.issue)
      if (!r.ok)
        return refus({ issue: 'Cette demande n’est plus à vous : elle a été reprise ou terminée.' }, 409)
      return reussite('/solidarite', 'L’appel est enregistré.')
    },
  })

  page.action('/solidarite/demandes/:id/cloture', {
    schema: z.object({
      cloture: z.enum(cle(ISSUES_APPEL), { error: 'Choisissez comment la personne a été aidée.' }),
    }),
    executer: async ({ donnees, request }) => {
      const { id } = params.parse(request.params)
      const r = await file.cloturer(
        mediateurDe(utilisateurConnecte(request)),
        id,
        donnees.cloture as IssueAppel,
      )
      if (!r.ok)
        return refus({ cloture: 'Cette demande n’est plus à vous : elle a été reprise ou terminée.' }, 409)
      return reussite('/solidarite', 'La demande est terminée. Merci !')
    },
  })
}
