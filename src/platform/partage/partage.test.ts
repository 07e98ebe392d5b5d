import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../config'
import { ouvrirPartage } from './partage'

describe('partage entre instances', () => {
  it('sans REDIS_URL, les compteurs restent dans la mémoire du processus', async () => {
    const p = await ouvrirPartage(undefined)
    expect(p.type).toBe('memoire')
    expect(p.limitesDeDebit.redis).toBeUndefined()
    await p.close()
  })

  it('refuse de démarrer sur un Redis injoignable, en le disant', async () => {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    await expect(ouvrirPartage('redis://127.0.0.1:1')).rejects.toThrow(/Redis injoignable \(REDIS_URL\)/)
  })

  it('vérifie REDIS_URL au démarrage', () => {
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/0' }).redisUrl).toBe('redis://127.0.0.1:6379/0')
    expect(loadConfig({}).redisUrl).toBeUndefined()
    expect(() => loadConfig({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(ConfigError)
    expect(() => loadConfig({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(
      /REDIS_URL : doit commencer par redis/,
    )
  })
})
