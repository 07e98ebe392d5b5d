import type { FastifyInstance } from 'fastify'
import { lireFormulaire } from '../../../platform/http/formulaire'
import { messageErreur } from '../domain/erreurs'
import { makeCommencerPassation, makeRejoindreSession } from '../use-cases/commencer-passation'
import { makeLieuxPourAccompagnement } from '../use-cases/lire-resultat'
import { AccompagnementPage, AccueilDiagnosticPage, CodePage } from '../views/accueil.page'
import { ARIANE, type ContexteRoutes, CSS, LIMITE, lecturesPassation, poserCookie } from './commun'
import { codeForm, codeTapeForm, communeForm } from './diagnostic.form'

/** The way in: `/diagnostic`, `/diagnostic/commencer`, `/diagnostic/code`, `/diagnostic/accompagnement`. */
export async function accueilRoutes(app: FastifyInstance, { deps }: ContexteRoutes) {
  const commencer = makeCommencerPassation(deps)
  const rejoindre = makeRejoindreSession(deps)
  const lieuxAccompagnement = makeLieuxPourAccompagnement(deps)
  const { lire } = lecturesPassation(deps)

  app.get('/diagnostic', async (request, reply) => {
    const l = await lire(request)
    const enCours = !!l && 'passation' in l && !l.passation.termineLe
    return reply.page((ctx) => ({
      titre: 'Faire le point sur mes usages numériques',
      ariane: [{ libelle: 'Faire le point' }],
      contenu: <AccueilDiagnosticPage csrf={ctx.csrf} enCours={enCours} />,
      scripts: ['diagnostic-confort'],
      feuillesDeStyle: CSS,
    }))
  })

  app.post('/diagnostic/commencer', { config: LIMITE }, async (_request, reply) => {
    const { jeton } = await commencer()
    poserCookie(app, reply, jeton)
    return reply.redirect('/diagnostic/etape', 303)
  })

  app.get('/diagnostic/code', async (request, reply) => {
    const { code } = codeTapeForm.parse(request.query)
    return reply.page((ctx) => ({
      titre: 'J’ai un code',
      ariane: [...ARIANE, { libelle: 'J’ai un code' }],
      contenu: <CodePage csrf={ctx.csrf} valeur={code} />,
      scripts: ['diagnostic-confort'],
      feuillesDeStyle: CSS,
    }))
  })

  // Not `pageFormulaire`: the page shows the code typed again (the shared form state never keeps a
  // field named `code`, a one-time code elsewhere), and the route carries its own rate limit.
  app.post('/diagnostic/code', { config: LIMITE }, async (request, reply) => {
    const form = lireFormulaire(codeForm, request.body)
    const r = form.ok ? await rejoindre(form.donnees.code) : undefined
    if (!r?.ok) {
      const erreur = !form.ok ? form.erreurs.code : r ? messageErreur(r.error) : undefined
      const valeur = codeTapeForm.parse(request.body).code ?? ''
      return reply.page(
        (ctx) => ({
          titre: 'J’ai un code',
          enErreur: true,
          ariane: [...ARIANE, { libelle: 'J’ai un code' }],
          contenu: <CodePage csrf={ctx.csrf} valeur={valeur} erreur={erreur} />,
          feuillesDeStyle: CSS,
        }),
        !form.ok || r?.error.code === 'CODE_INVALIDE' ? 400 : 422,
      )
    }
    poserCookie(app, reply, r.value.jeton)
    return reply.redirect('/diagnostic/etape', 303)
  })

  app.get('/diagnostic/accompagnement', async (request, reply) => {
    const q = lireFormulaire(communeForm, request.query)
    const commune = q.ok ? q.donnees.commune : q.valeurs.commune
    const r = q.ok && q.donnees.commune ? await lieuxAccompagnement(q.donnees.commune) : undefined
    const erreur = !q.ok ? q.erreurs.commune : r && !r.ok ? messageErreur(r.error) : undefined
    return reply.page(
      {
        titre: 'Je préfère être accompagné',
        enErreur: !!erreur,
        ariane: [...ARIANE, { libelle: 'Être accompagné' }],
        contenu: (
          <AccompagnementPage
            commune={commune}
            erreur={erreur}
            lieux={r?.ok ? r.value.lieux : undefined}
            nomCommune={r?.ok ? r.value.commune : undefined}
          />
        ),
        scripts: ['diagnostic-confort'],
        feuillesDeStyle: CSS,
      },
      erreur ? 400 : 200,
    )
  })
}
