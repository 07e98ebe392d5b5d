import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  comparerTexte,
  corriger,
  corrigerCourriel,
  corrigerFormulaireComplet,
  corrigerFormulaireSimple,
  distance,
  lireDate,
  normaliser,
} from './marquage'

describe('correction tolérante', () => {
  it('ignore la casse, les accents, les espaces et la ponctuation (T1)', () => {
    expect(comparerTexte('  MARTIN ', 'Martin')).toBe('exact')
    expect(comparerTexte('Hélène', 'helene')).toBe('exact')
    expect(comparerTexte('Mar-tin', 'Martin')).toBe('exact')
  })

  it('pardonne une petite faute de frappe sur un nom, pas un autre nom (T2)', () => {
    expect(comparerTexte('Martinn', 'Martin')).toBe('proche')
    expect(comparerTexte('Matin', 'Martin')).toBe('proche')
    expect(comparerTexte('Dupont', 'Martin')).toBe('faux')
    expect(comparerTexte('', 'Martin')).toBe('faux')
  })

  it('calcule la distance d’édition', () => {
    expect(distance('chat', 'chats')).toBe(1)
    expect(distance('kitten', 'sitting')).toBe(3)
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => distance(a, b) === distance(b, a)))
  })

  it('lit une date jour/mois/année avec n’importe quel séparateur (T4)', () => {
    for (const s of ['14/03/1956', '14/3/1956', '14-03-1956', '14.03.1956', '14 03 1956', '14031956'])
      expect(lireDate(s), s).toEqual({ ok: true, jour: 14, mois: 3, annee: 1956 })
    expect(lireDate('1956-03-14')).toEqual({ ok: false, raison: 'format' })
    expect(lireDate('14 mars 1956')).toEqual({ ok: false, raison: 'format' })
    expect(lireDate('31/02/1956')).toEqual({ ok: false, raison: 'impossible' })
    expect(lireDate(' ')).toEqual({ ok: false, raison: 'vide' })
  })

  it('corrige le formulaire simple champ par champ', () => {
    const juste = corrigerFormulaireSimple({ nom: 'MARTIN', prenom: 'rose', code_postal: '05 000' })
    expect(juste.reussi).toBe(true)
    const faux = corrigerFormulaireSimple({ nom: 'Martin', prenom: 'Rose', code_postal: '5000' })
    expect(faux.reussi).toBe(false)
    expect(faux.champs.code_postal).toEqual({
      ok: false,
      message: 'Un code postal a 5 chiffres, par exemple 75001.',
    })
    expect(
      corrigerFormulaireSimple({ nom: 'Martn', prenom: 'Rose', code_postal: '05000' }).champs.nom?.message,
    ).toContain('Presque')
  })

  it('corrige la démarche : format de date, e-mail exact, liste et case (T3, T4)', () => {
    const juste = corrigerFormulaireComplet({
      date_naissance: '14/03/1956',
      email: ' Rose.Martin@exemple.fr ',
      situation: 'retraite',
      certifie: 'oui',
    })
    expect(juste.reussi).toBe(true)
    const faux = corrigerFormulaireComplet({
      date_naissance: '1956-03-14',
      email: 'rose.matrin@exemple.fr',
      situation: 'salarie',
    })
    expect(faux.reussi).toBe(false)
    expect(faux.champs.date_naissance?.message).toContain('le jour, puis le mois, puis l’année')
    expect(faux.champs.email?.message).toContain('lettre par lettre')
    expect(faux.champs.situation?.ok).toBe(false)
    expect(faux.champs.certifie).toEqual({ ok: false, message: 'Cochez la case pour certifier.' })
    expect(corrigerFormulaireComplet({ email: 'rose.martin' }).champs.email?.message).toContain('@')
  })

  it('corrige l’e-mail à écrire : adresse exacte, objet, au moins 3 mots', () => {
    expect(
      corrigerCourriel({
        destinataire: 'contact@mediatheque-villebelle.fr',
        objet: 'Horaires',
        message: 'Bonjour, quels sont vos horaires ? Merci',
      }).reussi,
    ).toBe(true)
    const c = corrigerCourriel({
      destinataire: 'contact@mediateque-villebelle.fr',
      objet: '',
      message: 'bonjour',
    })
    expect(c.champs.destinataire?.ok).toBe(false)
    expect(c.champs.objet?.ok).toBe(false)
    expect(c.champs.message?.ok).toBe(false)
  })

  it('ne lève jamais d’erreur, quelles que soient les valeurs reçues', () => {
    const valeurs = fc.dictionary(
      fc.constantFrom(
        'nom',
        'prenom',
        'code_postal',
        'date_naissance',
        'email',
        'situation',
        'certifie',
        'choix',
        'termine',
        'destinataire',
        'objet',
        'message',
      ),
      fc.string({ maxLength: 40 }),
    )
    const exercices = fc.constantFrom(
      'cliquer',
      'double_cliquer',
      'glisser',
      'defiler',
      'lien',
      'parties_courriel',
      'ecrire_courriel',
      'formulaire_simple',
      'formulaire_complet',
      'arnaque_sms',
      'arnaque_courriel',
    ) as fc.Arbitrary<Parameters<typeof corriger>[0]>
    fc.assert(
      fc.property(exercices, valeurs, (e, v) => {
        const c = corriger(e, v)
        expect(typeof c.reussi).toBe('boolean')
      }),
    )
    expect(normaliser('É t é !')).toBe('ete')
  })
})
