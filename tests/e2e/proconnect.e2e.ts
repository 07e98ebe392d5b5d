import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/app'
import { loadConfig } from '../../src/config'
import { lancerChromium, sansChromium, verifierAccessibilite } from './outils'

/** A free port on loopback: both servers must know each other's address before they start. */
async function portLibre(): Promise<number> {
  const s = createServer()
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok))
  const { port } = s.address() as { port: number }
  await new Promise((ok) => s.close(ok))
  return port
}

/**
 * ProConnect on another origin, as in production: one Escale (the professionals' service) logs in at
 * the ProConnect simulator of a second server on another port. The browser follows every redirect
 * itself, so a CSP that stopped a form's redirect towards the other origin would show here.
 */
describe.skipIf(sansChromium())('ProConnect sur une autre origine', () => {
  let navigateur: Browser
  let escale: FastifyInstance
  let fournisseur: FastifyInstance
  const dossiers: string[] = []
  let origineEscale: string
  let origineProConnect: string

  const demarrer = async (port: number, env: Record<string, string>) => {
    const dossier = mkdtempSync(path.join(os.tmpdir(), 'escale-e2e-proconnect-'))
    dossiers.push(dossier)
    const app = await buildApp(
      loadConfig({ DATA_DIR: dossier, LOG_LEVEL: 'silent', ESCALE_MODE: 'demo', PORT: String(port), ...env }),
    )
    await app.listen({ port, host: '127.0.0.1' })
    return app
  }

  beforeAll(async () => {
    const [pE, pP] = [await portLibre(), await portLibre()]
    origineEscale = `http://127.0.0.1:${pE}`
    origineProConnect = `http://127.0.0.1:${pP}`
    fournisseur = await demarrer(pP, { DEMO_DATA: '0', PROCONNECT_SIMULATEUR_ORIGINES: origineEscale })
    escale = await demarrer(pE, {
      DEMO_DATA: '1',
      PROCONNECT_ISSUER: `${origineProConnect}/simulateurs/proconnect`,
    })
    navigateur = await lancerChromium()
  })
  afterAll(async () => {
    await navigateur?.close()
    await escale?.close()
    await fournisseur?.close()
    for (const d of dossiers) rmSync(d, { recursive: true, force: true })
  })

  it('un conseiller se connecte avec ProConnect puis se déconnecte des deux services', async () => {
    const contexte = await navigateur.newContext({ locale: 'fr-FR' })
    const p = await contexte.newPage()
    const bloques: string[] = []
    p.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) bloques.push(m.text())
    })
    const sante = await (await fetch(`${origineEscale}/sante`)).json()
    expect(sante.connecteurs.proconnect).toBe('reel')

    await p.goto(`${origineEscale}/connexion`)
    await verifierAccessibilite(p)
    await p.getByRole('link', { name: 'S’identifier avec ProConnect' }).click()
    await p.waitForURL((u) => u.origin === origineProConnect && u.pathname.includes('/interaction/'))
    await verifierAccessibilite(p)
    await p.getByLabel(/Inès Fabre/).check({ force: true })
    await p.getByRole('button', { name: 'Continuer vers Escale' }).click()
    await p.waitForURL((u) => u.origin === origineEscale && u.pathname === '/espace')
    expect(await p.locator('body').textContent()).toContain('Inès')
    await verifierAccessibilite(p)

    await p.getByRole('button', { name: 'Se déconnecter' }).first().click()
    await p.waitForURL((u) => u.origin === origineProConnect && u.pathname.endsWith('/session/end'))
    await p.getByRole('button', { name: 'Se déconnecter' }).click()
    await p.waitForURL((u) => u.origin === origineEscale && u.pathname === '/')
    expect(await p.locator('body').textContent()).toContain('Vous êtes déconnecté d’Escale et de ProConnect.')
    expect(bloques).toEqual([])

    // Logged out at ProConnect too: the next login asks again which agent.
    await p.goto(`${origineEscale}/connexion/proconnect`)
    await p.waitForURL((u) => u.origin === origineProConnect && u.pathname.includes('/interaction/'))
    await contexte.close()
  })
})
