import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { problemeMotDePasse } from './mot-de-passe'
import { type Habilitation, inactiviteMinutes, peutInviter, totpObligatoire } from './roles'
import { codeTotp, normaliserCodeSecours, nouveauxCodesSecours, verifierTotp } from './totp'
import { dureeBlocageMinutes, estBloque } from './verrouillage'

const hab = (role: Habilitation['role'], type: Habilitation['portee']['type'], code = ''): Habilitation => ({
  role,
  portee: { type, code, libelle: '' },
})

describe('blocage progressif', () => {
  it('tolère quatre échecs puis double la durée jusqu’à une heure', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 50].map(dureeBlocageMinutes)).toEqual([
      0, 0, 0, 0, 1, 2, 4, 8, 60, 60, 60,
    ])
  })
  it('ne bloque jamais plus d’une heure et croît avec les échecs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (n) => {
        const d = dureeBlocageMinutes(n)
        expect(d).toBeGreaterThanOrEqual(0)
        expect(d).toBeLessThanOrEqual(60)
        expect(dureeBlocageMinutes(n + 1)).toBeGreaterThanOrEqual(d)
      }),
    )
  })
  it('un blocage passé ne bloque plus', () => {
    const now = new Date('2026-01-01T10:00:00Z')
    expect(estBloque(new Date('2026-01-01T10:00:01Z'), now)).toBe(true)
    expect(estBloque(new Date('2026-01-01T10:00:00Z'), now)).toBe(false)
    expect(estBloque(null, now)).toBe(false)
  })
})

describe('rôles', () => {
  it('exige le TOTP pour aidant, référent et administrateur seulement', () => {
    expect(totpObligatoire([hab('aidant', 'organisation', 'o')])).toBe(true)
    expect(totpObligatoire([hab('referent', 'organisation', 'o')])).toBe(true)
    expect(totpObligatoire([hab('admin', 'national')])).toBe(true)
    expect(
      totpObligatoire([hab('conseiller', 'structure', 's'), hab('prefecture', 'departement', '13')]),
    ).toBe(false)
  })
  it('limite les invitations au périmètre de la personne qui invite', () => {
    const gestionnaire = [hab('gestionnaire', 'structure', 'A')]
    expect(peutInviter(gestionnaire, hab('conseiller', 'structure', 'A'))).toBe(true)
    expect(peutInviter(gestionnaire, hab('conseiller', 'structure', 'B'))).toBe(false)
    expect(peutInviter(gestionnaire, hab('aidant', 'structure', 'A'))).toBe(false)
    const referent = [hab('referent', 'organisation', 'O')]
    expect(peutInviter(referent, hab('aidant', 'organisation', 'O'))).toBe(true)
    expect(peutInviter(referent, hab('admin', 'national'))).toBe(false)
    expect(peutInviter([hab('admin', 'national')], hab('prefecture', 'departement', '974'))).toBe(true)
    expect(peutInviter([hab('prefecture', 'departement', '13')], hab('conseiller', 'structure', 'A'))).toBe(
      false,
    )
  })
  it('prend la durée d’inactivité la plus stricte des rôles', () => {
    const parRole = { admin: 30, defaut: 120 }
    expect(inactiviteMinutes([hab('conseiller', 'structure', 's')], parRole)).toBe(120)
    expect(inactiviteMinutes([hab('conseiller', 'structure', 's'), hab('admin', 'national')], parRole)).toBe(
      30,
    )
  })
})

describe('TOTP', () => {
  const secret = 'KRUGS4ZANFZSAYJAOZSXE6JAONSWG4TF'
  const t0 = new Date('2026-11-23T12:00:10Z')
  it('accepte le pas courant et ±1 pas, pas au-delà', () => {
    for (const [decalage, attendu] of [
      [0, true],
      [-30_000, true],
      [30_000, true],
      [-60_000, false],
      [60_000, false],
    ] as const) {
      const code = codeTotp(secret, new Date(t0.getTime() + decalage))
      expect(verifierTotp(secret, code, t0, null) !== undefined, `décalage ${decalage}`).toBe(attendu)
    }
  })
  it('refuse un code déjà accepté ou plus ancien que le dernier accepté', () => {
    const code = codeTotp(secret, t0)
    const pas = verifierTotp(secret, code, t0, null)!
    expect(verifierTotp(secret, code, t0, pas)).toBeUndefined()
    const precedent = codeTotp(secret, new Date(t0.getTime() - 30_000))
    expect(verifierTotp(secret, precedent, t0, pas)).toBeUndefined()
  })
  it('ignore les espaces et refuse ce qui n’a pas six chiffres', () => {
    const code = codeTotp(secret, t0)
    expect(verifierTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, t0, null)).toBeDefined()
    expect(verifierTotp(secret, '12345', t0, null)).toBeUndefined()
    expect(verifierTotp(secret, 'abcdef', t0, null)).toBeUndefined()
  })
  it('produit 10 codes de secours distincts, normalisables depuis une saisie libre', () => {
    const codes = nouveauxCodesSecours((n) => crypto.getRandomValues(new Uint8Array(n)))
    expect(new Set(codes).size).toBe(10)
    for (const c of codes) {
      expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/)
      expect(normaliserCodeSecours(` ${c.toUpperCase().replace('-', ' ')} `)).toBe(c)
    }
  })
})

describe('mot de passe', () => {
  it('demande 12 caractères, variés, sans l’adresse e-mail', () => {
    expect(problemeMotDePasse('court', 'a@b.fr')).toMatch(/12 caractères/)
    expect(problemeMotDePasse('aaaaaaaaaaaaaaaa', 'a@b.fr')).toMatch(/répétitif/)
    expect(problemeMotDePasse('jeanne.roche-2026!', 'jeanne.roche@exemple.fr')).toMatch(/adresse e-mail/)
    expect(problemeMotDePasse('une phrase de passe correcte', 'a@b.fr')).toBeUndefined()
  })
})
