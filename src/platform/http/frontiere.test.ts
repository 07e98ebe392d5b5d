import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { type AppDeTest, appDeTest } from '../../../tests/support/app'
import { MOTEURS } from '../../../tests/support/bases'
import { Navigateur } from '../../../tests/support/navigateur'
import { dateExiste, dateFiltre, dateSaisie } from './dates'
import { lireFormulaire } from './formulaire'

/** What the edge does to bad input, whatever the route: French answers, never a 5xx. */

describe('dates saisies', () => {
  it('refuse les dates qui n’existent pas, accepte les jours réels (années bissextiles comprises)', () => {
    for (const d of [
      '0000-00-00',
      '2026-02-30',
      '2026-02-29',
      '2025-13-01',
      '2025-04-31',
      '2025-00-10',
      '20250101',
    ])
      expect(dateExiste(d), d).toBe(false)
    for (const d of ['2024-02-29', '2026-12-31', '2026-01-01', '2000-02-29'])
      expect(dateExiste(d), d).toBe(true)
    const champ = dateSaisie('la date de début')
    expect(champ.safeParse('2026-02-30').error?.issues[0]?.message).toBe(
      'Date de début : cette date n’existe pas.',
    )
    expect(champ.safeParse('0000-00-00').success).toBe(false)
    expect(champ.safeParse(' 2026-02-28 ').data).toBe('2026-02-28')
    expect(dateFiltre('la date de fin').safeParse('').data).toBeUndefined()
    expect(dateFiltre('la date de fin').safeParse(undefined).data).toBeUndefined()
    expect(dateFiltre('la date de fin').safeParse('2026-02-30').success).toBe(false)
  })
})

describe('messages de zod', () => {
  it('en français et sans vocabulaire technique quand un schéma n’a pas son propre message', () => {
    const schema = z.object({ nom: z.string().max(3), age: z.number(), choix: z.enum(['a', 'b']) })
    const r = schema.safeParse({ nom: ['x', 'y'], choix: 'c' })
    const messages = r.error?.issues.map((i) => i.message) ?? []
    expect(messages).toEqual([
      'Une seule valeur est attendue.',
      'Ce champ est obligatoire.',
      'Choisissez une des valeurs proposées.',
    ])
    expect(z.string().max(3).safeParse('abcd').error?.issues[0]?.message).toBe('3 caractères au plus.')
  })
})

describe('caractères de contrôle dans un formulaire', () => {
  it('le champ est signalé, la saisie revient sans le caractère', () => {
    const corps = { nom: 'Alex' }
    // What the edge hook does (caracteres.ts) before any handler reads the body.
    return import('./caracteres').then(({ nettoyerCorps }) => {
      const brut: Record<string, unknown> = { nom: 'Al\u0000ex', ville: 'Gap' }
      nettoyerCorps(brut)
      const f = lireFormulaire(z.object({ nom: z.string(), ville: z.string() }), brut)
      expect(f.ok).toBe(false)
      if (f.ok) return
      expect(f.valeurs).toEqual({ nom: corps.nom, ville: 'Gap' })
      expect(f.erreurs.nom).toMatch(/caractère invisible/)
      expect(f.erreurs.ville).toBeUndefined()
    })
  })

  it('un champ que le formulaire n’a pas est ignoré : son erreur ne s’afficherait nulle part', async () => {
    const { nettoyerCorps } = await import('./caracteres')
    const brut: Record<string, unknown> = { texte: 'bonjour', autre: '\u0000' }
    nettoyerCorps(brut)
    const schema = z.object({ texte: z.string().min(1) })
    expect(lireFormulaire(schema, brut)).toMatchObject({ ok: true, donnees: { texte: 'bonjour' } })
    // Through a refinement or a pipe, the form's own fields are still known.
    expect(
      lireFormulaire(
        schema.refine(() => true),
        brut,
      ).ok,
    ).toBe(true)
    expect(lireFormulaire(schema.pipe(z.object({ texte: z.string() })), brut).ok).toBe(true)
    const champConnu: Record<string, unknown> = { texte: 'bon\u0000jour' }
    nettoyerCorps(champConnu)
    expect(lireFormulaire(schema, champConnu).ok).toBe(false)
  })
})

describe.each(MOTEURS)('frontière HTTP (%s)', (moteur) => {
  let t: AppDeTest
  beforeAll(async () => {
    t = await appDeTest(moteur, {}, undefined, (app) => {
      app.post('/_essai', async (request) => ({ recu: request.body }))
      app.post('/api/_essai', { config: { csrf: false } }, async (request) => ({ recu: request.body }))
    })
  })
  afterAll(async () => {
    await t?.fermer()
  })

  it('un paramètre trop long (600 caractères) : page HTML en français, 414, jamais du JSON anglais', async () => {
    const r = await t.app.inject(`/lieux/${'a'.repeat(600)}`)
    expect(r.statusCode).toBe(414)
    expect(r.headers['content-type']).toMatch(/^text\/html/)
    expect(r.body).toContain('Adresse trop longue')
    expect(r.body).toContain('<html lang="fr"')
    expect(r.body).not.toMatch(/FST_ERR|exceeding|Bad Request/)
    // The router answers before any hook: the security headers are set all the same.
    expect(String(r.headers['content-security-policy'])).toContain("frame-ancestors 'none'")
    const api = await t.app.inject(`/api/v1/lieux/${'a'.repeat(600)}`)
    expect(api.statusCode).toBe(414)
    expect(api.json()).toEqual({ erreur: expect.stringContaining('trop longue') })
    const malEncode = await t.app.inject('/lieux/%E0%A4%A')
    expect(malEncode.statusCode).toBe(400)
    expect(malEncode.body).toContain('Adresse invalide')
  })

  it('un caractère NUL dans l’adresse : 400 en français (page, ou JSON sur /api/)', async () => {
    for (const url of ['/lieux?q=Gap%00', '/lieux/a%00b', '/diagnostic?x%01=1']) {
      const r = await t.app.inject(url)
      expect(r.statusCode, url).toBe(400)
      expect(r.body, url).toContain('caractère invisible non autorisé')
    }
    const api = await t.app.inject('/api/v1/lieux?near=%00')
    expect(api.statusCode).toBe(400)
    expect(api.json().erreur).toContain('caractère invisible')
  })

  it('un caractère NUL dans un corps est retiré avant le traitement', async () => {
    const n = new Navigateur(t.app)
    await n.get('/connexion')
    const r = await n.post('/_essai', { a: 'x\u0000y', b: 'z' })
    expect(r.json()).toEqual({ recu: expect.objectContaining({ a: 'xy', b: 'z' }) })
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/_essai',
      payload: { a: ['\u0000'], b: { c: 'd\u0007' } },
    })
    expect(json.json()).toEqual({ recu: { a: [''], b: { c: 'd' } } })
  })

  it('API des lieux : un paramètre reçu en liste au lieu d’une valeur est refusé en français', async () => {
    const r = await t.app.inject('/api/v1/lieux?near=1,2&near=3,4')
    expect(r.statusCode).toBe(400)
    expect(r.json().erreur).toBe('Paramètre « near » invalide : Une seule valeur est attendue.')
  })

  it('corps illisible ou de type inconnu : réponse en français', async () => {
    const illisible = await t.app.inject({
      method: 'POST',
      url: '/api/_essai',
      headers: { 'content-type': 'application/json' },
      payload: '{"a":',
    })
    expect(illisible.statusCode).toBe(400)
    expect(illisible.json().erreur).toContain('illisibles')
    const inconnu = await t.app.inject({
      method: 'POST',
      url: '/api/_essai',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    })
    expect(inconnu.statusCode).toBe(415)
    expect(inconnu.json().erreur).toContain('format')
  })
})
