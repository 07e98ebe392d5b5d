import { describe, expect, it } from 'vitest'
import { QUESTIONS } from '../domain/contenu'
import { resultat, resumeResultat } from '../domain/resultat'
import { lireFicheSuivi } from './fiche-suivi'

const ID = '3f2a1c4e-8b7d-4e6f-9a0b-1c2d3e4f5a6b'

describe('fiche de suivi de « Mes activités »', () => {
  it('lit l’adresse copiée depuis la page de la fiche, ou l’identifiant seul', () => {
    expect(lireFicheSuivi(`https://escale.exemple.gouv.fr/activites/beneficiaires/${ID}`)).toBe(ID)
    expect(lireFicheSuivi(`  http://127.0.0.1:3000/activites/beneficiaires/${ID.toUpperCase()}/ `)).toBe(ID)
    expect(lireFicheSuivi(`/activites/beneficiaires/${ID}?onglet=1`)).toBe(ID)
    expect(lireFicheSuivi(ID)).toBe(ID)
  })

  it('refuse un nom, une autre page ou un identifiant tronqué', () => {
    expect(lireFicheSuivi('Rose Martin')).toBeUndefined()
    expect(lireFicheSuivi(`https://x/diagnostic/beneficiaires/${ID}`)).toBeUndefined()
    expect(lireFicheSuivi(ID.slice(0, 30))).toBeUndefined()
    expect(lireFicheSuivi(`${ID} Rose`)).toBeUndefined()
    expect(lireFicheSuivi(`https://x/activites/beneficiaires/${ID}${'/a'.repeat(200)}`)).toBeUndefined()
  })

  it('résume un diagnostic en une ligne : niveaux, profil, demande, orientations', () => {
    const r = resultat([
      ...QUESTIONS.map((q) => ({
        item: q,
        resultat: 'reussi' as const,
        valeur: q === 'demarche' ? 'faire_pour_moi' : q === 'equipement' ? 'smartphone' : '',
      })),
      { item: 'double_cliquer', resultat: 'reussi' as const },
      { item: 'glisser', resultat: 'echoue' as const },
    ])
    const resume = resumeResultat(r)
    expect(resume).toContain('souris 2/3')
    expect(resume).toContain('arnaques 0/2')
    expect(resume).toContain('débutant')
    expect(resume).toContain('souhaite qu’on fasse une démarche pour elle')
    expect(resume).toContain('Quelqu’un peut faire la démarche pour vous')
  })
})
