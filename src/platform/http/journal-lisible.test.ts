import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { appDeTest } from '../../../tests/support/app'
import { loadConfig } from '../../config'
import { fluxLisible, formater } from './journal-lisible'

const lire = async (ecrire: (flux: NodeJS.WritableStream) => Promise<void>) => {
  const sortie = new PassThrough()
  let texte = ''
  sortie.on('data', (d) => {
    texte += d.toString()
  })
  await ecrire(fluxLisible(sortie))
  return texte
}

describe('journal lisible (développement)', () => {
  it('une seule ligne par requête : heure, statut, méthode, adresse masquée, durée', async () => {
    const texte = await lire(async (flux) => {
      const t = await appDeTest('pglite', { LOG_LEVEL: 'info' }, flux)
      await t.app.inject({ method: 'GET', url: '/lieux?q=marseille' })
      await t.app.inject({ method: 'GET', url: '/page-qui-n-existe-pas' })
      await t.fermer()
    })
    const requetes = texte.split('\n').filter((l) => / (GET|POST) /.test(l))
    expect(requetes).toHaveLength(2)
    expect(requetes[0]).toMatch(/^\d{2}:\d{2}:\d{2} 200 GET \/lieux\?q=\[masqué\] \d+ ms$/)
    expect(requetes[1]).toMatch(/^\d{2}:\d{2}:\d{2} 404 GET \/page-qui-n-existe-pas \d+ ms$/)
    expect(texte).not.toContain('{"level"')
    expect(texte).not.toContain('marseille')
  })

  it('les autres entrées : heure, niveau en mots, message et erreur', () => {
    const l = formater(
      JSON.stringify({
        level: 50,
        time: 0,
        msg: 'erreur inattendue',
        err: { type: 'TypeError', message: 'x' },
      }),
      new Map(),
    )
    expect(l).toMatch(/^\d{2}:\d{2}:\d{2} ERREUR erreur inattendue — TypeError: x$/)
    expect(formater('pas du JSON', new Map())).toBe('pas du JSON')
  })

  it('une ligne coupée entre deux écritures est recomposée', async () => {
    const ligne = JSON.stringify({ level: 40, time: 0, msg: 'attention' })
    const texte = await lire(async (flux) => {
      flux.write(ligne.slice(0, 10))
      flux.write(`${ligne.slice(10)}\n`)
    })
    expect(texte).toMatch(/^\d{2}:\d{2}:\d{2} ATTENTION attention\n$/)
  })

  it('JSON en production, quelle que soit la sortie ; lisible seulement demandé ou en démo dans un terminal', () => {
    expect(loadConfig({ ESCALE_MODE: 'demo', LOG_FORMAT: 'lisible' }).formatJournal).toBe('lisible')
    expect(loadConfig({ ESCALE_MODE: 'demo', LOG_FORMAT: 'json' }).formatJournal).toBe('json')
    expect(() => loadConfig({ LOG_FORMAT: 'joli' })).toThrow(/LOG_FORMAT : attendu json ou lisible/)
    const tty = process.stdout.isTTY
    try {
      process.stdout.isTTY = true
      expect(loadConfig({ ESCALE_MODE: 'demo' }).formatJournal).toBe('lisible')
      process.stdout.isTTY = false
      expect(loadConfig({ ESCALE_MODE: 'demo' }).formatJournal).toBe('json')
    } finally {
      process.stdout.isTTY = tty
    }
  })
})
