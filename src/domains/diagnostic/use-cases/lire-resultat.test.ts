import { describe, expect, it } from 'vitest'
import { referentielCommunes } from '../../../platform/geo/referentiel-communes'

const communeDuCodePostal = (cp: string) => {
  const c = referentielCommunes().principaleDuCodePostal(cp)
  return c && { code: c.code, nom: c.nom }
}

import { ORIENTATIONS } from '../domain/orientation'
import type { DepsDiagnostic, LieuProche, TrouverLieux } from './deps'
import { makeLieuxPourAccompagnement, makeLieuxPourOrientations } from './lire-resultat'

const lieu = (id: string, distanceKm = 1.2, nom = `Lieu ${id}`): LieuProche => ({
  id,
  nom,
  adresse: '1 rue A',
  commune: 'Gap',
  distanceKm,
  url: `/lieux/${id}`,
})

function avec(trouverLieux: TrouverLieux) {
  const deps: DepsDiagnostic = {
    db: undefined as never,
    horloge: () => new Date(),
    baseUrl: 'http://x',
    trouverLieux,
  }
  return { orientations: makeLieuxPourOrientations(deps), accompagnement: makeLieuxPourAccompagnement(deps) }
}

describe('codes postaux', () => {
  it('lit un code postal comme la poste, pas comme un code INSEE', () => {
    // 13001 is Aix-en-Provence's INSEE code, and Marseille 1er's postal code.
    expect(communeDuCodePostal('13001')).toEqual({ code: '13055', nom: 'Marseille' })
    expect(communeDuCodePostal('05000')).toEqual({ code: '05061', nom: 'Gap' })
    expect(communeDuCodePostal('20000')?.nom).toBe('Ajaccio')
    expect(communeDuCodePostal('99999')).toBeUndefined()
  })
})

describe('lieux proposés après le diagnostic', () => {
  it('cherche une fois par service, autour de la commune du code postal, et signale les listes identiques', async () => {
    const appels: string[] = []
    const { orientations } = avec(async (commune, service, nombre, dispositif) => {
      appels.push(`${commune}|${service}|${nombre}|${dispositif ?? ''}`)
      return [lieu(`${service.length}`)]
    })
    const r = await orientations('13001', [
      ORIENTATIONS.aide_demarche,
      ORIENTATIONS.atelier_bases,
      ORIENTATIONS.accompagnement_individuel,
      ORIENTATIONS.atelier_securite,
      ORIENTATIONS.parcours,
    ])
    expect(r.ok && r.value.commune).toBe('Marseille')
    expect(appels.sort()).toEqual([
      '13055|Aide aux démarches administratives|6|',
      '13055|Maîtrise des outils numériques du quotidien|6|',
      '13055|Utilisation sécurisée du numérique|6|',
    ])
    if (!r.ok) return
    expect(r.value.parOrientation.map((o) => [o.orientation, o.memesQue])).toEqual([
      ['aide_demarche', undefined],
      ['atelier_bases', undefined],
      ['accompagnement_individuel', 'atelier_bases'],
      ['atelier_securite', undefined],
    ])
  })

  it('Aidants Connect : un lieu habilité proche d’abord, sinon une France services, sinon un lieu d’aide aux démarches', async () => {
    const reponses: Record<string, LieuProche[]> = {
      'Aidants Connect': [lieu('loin', 80)],
      'France Services': [lieu('fs', 11)],
      '': [lieu('mairie', 1)],
    }
    const { orientations } = avec(async (_c, _s, _n, dispositif) => reponses[dispositif ?? ''] ?? [])
    const r1 = await orientations('05000', [ORIENTATIONS.aidants_connect])
    expect(r1.ok && r1.value.parOrientation[0]).toMatchObject({
      dispositif: 'France Services',
      lieux: [{ id: 'fs' }],
    })
    reponses['Aidants Connect'] = [lieu('ac', 4)]
    const r2 = await orientations('05000', [ORIENTATIONS.aidants_connect])
    expect(r2.ok && r2.value.parOrientation[0]).toMatchObject({ dispositif: 'Aidants Connect' })
    reponses['Aidants Connect'] = []
    reponses['France Services'] = []
    const r3 = await orientations('05000', [ORIENTATIONS.aidants_connect])
    expect(r3.ok && r3.value.parOrientation[0]).toMatchObject({ lieux: [{ id: 'mairie' }] })
    expect(r3.ok && r3.value.parOrientation[0]?.dispositif).toBeUndefined()
  })

  it('ne montre pas deux fois le même lieu venu de deux fichiers, et 3 lieux au plus', async () => {
    const { orientations } = avec(async () => [
      lieu('a', 1, 'France services Vitrolles'),
      lieu('b', 1, 'FRANCE SERVICES VITROLLES'),
      lieu('c', 2),
      lieu('d', 3),
      lieu('e', 4),
    ])
    const r = await orientations('05000', [ORIENTATIONS.atelier_bases])
    expect(r.ok && r.value.parOrientation[0]?.lieux.map((l) => l.id)).toEqual(['a', 'c', 'd'])
  })

  it('refuse un code postal inconnu sans rien chercher', async () => {
    let appele = false
    const { orientations, accompagnement } = avec(async () => {
      appele = true
      return []
    })
    expect(await orientations('99999', [ORIENTATIONS.atelier_bases])).toEqual({
      ok: false,
      error: { code: 'CODE_POSTAL_INCONNU' },
    })
    expect(await accompagnement('00000')).toMatchObject({ ok: false })
    expect(appele).toBe(false)
  })
})
