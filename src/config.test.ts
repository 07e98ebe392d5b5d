import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config'

describe('configuration', () => {
  it('démarre sans rien : démo, PGlite dans ./var, port 3000, données de démonstration', () => {
    const c = loadConfig({})
    expect(c).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      mode: 'demo',
      dataDir: './var',
      demoData: true,
      simulateurs: true,
      databaseUrl: undefined,
    })
    expect(c.baseUrl).toBe('http://127.0.0.1:3000')
    expect(c.secureCookies).toBe(false)
    expect(Object.isFrozen(c)).toBe(true)
  })

  it('plusieurs processus : seulement avec PostgreSQL, 1 par défaut', () => {
    expect(loadConfig({}).travailleurs).toBe(1)
    expect(loadConfig({ WORKERS: '2', DATABASE_URL: 'postgresql://x/y' }).travailleurs).toBe(2)
    expect(() => loadConfig({ WORKERS: '2' })).toThrow(/WORKERS : plusieurs processus demandent PostgreSQL/)
    expect(() => loadConfig({ WORKERS: '0', DATABASE_URL: 'postgresql://x/y' })).toThrow(
      /WORKERS : 1 au moins/,
    )
  })

  it('refuse le mode production sans SESSION_SECRET ni BASE_URL, en nommant chaque clé', () => {
    expect(() => loadConfig({ ESCALE_MODE: 'production' })).toThrow(ConfigError)
    try {
      loadConfig({ ESCALE_MODE: 'production' })
    } catch (e) {
      expect((e as Error).message).toContain('SESSION_SECRET : obligatoire en mode production')
      expect((e as Error).message).toContain('BASE_URL : obligatoire en mode production')
    }
  })

  it('coupe démo, données fictives et simulateurs en production, et refuse DEMO_DATA=1', () => {
    const c = loadConfig({
      ESCALE_MODE: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      BASE_URL: 'https://escale.exemple.gouv.fr',
    })
    expect(c).toMatchObject({ demoData: false, simulateurs: false, secureCookies: true })
    expect(() =>
      loadConfig({
        ESCALE_MODE: 'production',
        SESSION_SECRET: 'x'.repeat(40),
        BASE_URL: 'https://e.fr',
        DEMO_DATA: '1',
      }),
    ).toThrow(/DEMO_DATA/)
  })

  it('liste toutes les valeurs invalides à la fois', () => {
    const erreur = (() => {
      try {
        loadConfig({
          PORT: 'quatre-vingt',
          DATABASE_URL: 'mysql://x',
          LOG_LEVEL: 'bavard',
          SESSION_IDLE_MINUTES: 'admin=0',
        })
      } catch (e) {
        return (e as Error).message
      }
    })()
    for (const cle of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'SESSION_IDLE_MINUTES'])
      expect(erreur).toContain(cle)
  })

  it('lit les durées d’inactivité par rôle', () => {
    expect(loadConfig({ SESSION_IDLE_MINUTES: 'admin=15,defaut=60' }).sessionIdleMinutes).toEqual({
      admin: 15,
      defaut: 60,
    })
    expect(() => loadConfig({ SESSION_IDLE_MINUTES: 'pirate=10' })).toThrow(/rôles/)
  })

  it('désactive les données de démonstration avec DEMO_DATA=0 et ignore les variables vides', () => {
    expect(loadConfig({ DEMO_DATA: '0', PORT: '' }).demoData).toBe(false)
    expect(loadConfig({ PORT: '' }).port).toBe(3000)
  })

  it('registre des entreprises : simulateur en démo, vrai service en production, désactivable', () => {
    expect(loadConfig({}).entreprises).toEqual({ mode: 'simule', url: undefined })
    const production = { ESCALE_MODE: 'production', SESSION_SECRET: 'x'.repeat(40), BASE_URL: 'https://e.fr' }
    expect(loadConfig(production).entreprises).toEqual({
      mode: 'reel',
      url: 'https://recherche-entreprises.api.gouv.fr',
    })
    expect(loadConfig({ ...production, ENTREPRISES_API: 'desactive' }).entreprises.mode).toBe('desactive')
    expect(loadConfig({ ENTREPRISES_API_URL: 'http://127.0.0.1:9999/registre/' }).entreprises).toEqual({
      mode: 'reel',
      url: 'http://127.0.0.1:9999/registre',
    })
    expect(() => loadConfig({ ENTREPRISES_API: 'oui' })).toThrow(
      /ENTREPRISES_API : attendu actif ou desactive/,
    )
    expect(() => loadConfig({ ENTREPRISES_API_URL: 'registre' })).toThrow(/ENTREPRISES_API_URL/)
  })
})
