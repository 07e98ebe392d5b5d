import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeTest, appDeTest, connecter, creerCompteTest, H } from '../../../../tests/support/app'
import { MOTEURS } from '../../../../tests/support/bases'
import { Navigateur } from '../../../../tests/support/navigateur'
import { texteDuBloc } from '../../../../tests/support/tableau-de-bord'
import { creerInscription, creerSession, parcoursCourant } from '../db/formation-repository'
import { CODE_PARCOURS_CONSEILLER } from '../domain/formation'

describe.each(MOTEURS)('tableau de bord : formation (%s)', (moteur) => {
  let t: AppDeTest
  const n = {} as Record<'formateur' | 'admin' | 'conseiller', Navigateur>
  beforeAll(async () => {
    t = await appDeTest(moteur)
    t.maintenant.valeur = new Date('2026-03-15T10:00:00Z')
    const organisme = crypto.randomUUID()
    const parcours = await parcoursCourant(t.base.db, CODE_PARCOURS_CONSEILLER)
    const session = (libelle: string, debut: string, fin: string, organismeId = organisme) =>
      creerSession(t.base.db, {
        parcoursId: parcours!.id,
        libelle,
        debut,
        fin,
        lieu: 'Marseille',
        codeDepartement: '13',
        organismeId,
        organismeNom: 'Campus Sud',
        capacite: 12,
      })
    const printemps = await session('Session de printemps', '2026-03-20', '2026-04-30')
    await session('Session d’hiver', '2026-01-05', '2026-02-27')
    await session('Session d’un autre organisme', '2026-03-18', '2026-04-10', crypto.randomUUID())

    const comptes = {
      formateur: await creerCompteTest(t.base, {
        habilitations: [
          { role: 'formateur', portee: { type: 'structure', code: organisme, libelle: 'Campus Sud' } },
        ],
      }),
      admin: await creerCompteTest(t.base, { habilitations: H.admin(), totp: true }),
      conseiller: await creerCompteTest(t.base, { habilitations: H.conseiller(crypto.randomUUID()) }),
    }
    const inscrire = (
      compteId: string,
      sessionId: string | null,
      statut: 'inscrit' | 'termine' | 'abandon',
    ) =>
      creerInscription(t.base.db, {
        parcoursId: parcours!.id,
        sessionId,
        compteId,
        prenom: 'A',
        nom: 'B',
        statut,
      })
    await inscrire(comptes.conseiller.id, printemps!.id, 'inscrit')
    await inscrire(crypto.randomUUID(), printemps!.id, 'abandon')
    await inscrire(crypto.randomUUID(), null, 'inscrit')
    await inscrire(crypto.randomUUID(), null, 'inscrit')
    await inscrire(crypto.randomUUID(), printemps!.id, 'termine')
    for (const [qui, c] of Object.entries(comptes) as [keyof typeof n, (typeof comptes)['admin']][]) {
      n[qui] = new Navigateur(t.app)
      await connecter(n[qui], t, c)
    }
  })
  afterAll(async () => t.fermer())

  it('l’organisme voit ses sessions en cours ou à venir avec leurs inscrits, pas celles des autres', async () => {
    const b = texteDuBloc((await n.formateur.get('/espace')).body, 'tdb-formation-formateur')
    // The dropout does not take a seat; the one who completed does.
    expect(b).toContain('Session de printemps À partir du 20 mars 2026 · 2 inscrits sur 12 places')
    expect(b).not.toContain('Session d’hiver')
    expect(b).not.toContain('autre organisme')
  })

  it('l’équipe nationale voit les personnes à placer, en formation et formées', async () => {
    const b = texteDuBloc((await n.admin.get('/espace')).body, 'tdb-formation-national')
    expect(b).toContain('2 personnes à placer en session')
    expect(b).toContain('1 personne en formation')
    expect(b).toContain('1 formation terminée')
  })

  it('le conseiller voit son parcours et sa session', async () => {
    const b = texteDuBloc((await n.conseiller.get('/espace')).body, 'tdb-formation-conseiller')
    expect(b).toContain('En cours')
    expect(b).toContain('Session du 20 mars 2026 au 30 avril 2026 · Marseille')
  })
})
