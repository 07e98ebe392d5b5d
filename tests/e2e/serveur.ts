import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { TestProject } from 'vitest/node'
import { buildApp } from '../../src/app'
import { loadConfig } from '../../src/config'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    chromiumAbsent: boolean
  }
}

export default async function setup(project: TestProject) {
  const absent = !existsSync(CHROMIUM)
  if (absent && process.env.E2E_REQUIRED === '1')
    throw new Error(`E2E_REQUIRED=1 mais Chromium est introuvable (${CHROMIUM}).`)
  if (absent)
    console.warn(
      `\n⚠ Parcours navigateur IGNORÉS : Chromium introuvable (${CHROMIUM}). Installez-le : apt-get install -y chromium\n`,
    )
  project.provide('chromiumAbsent', absent)
  if (absent) {
    project.provide('baseUrl', '')
    return
  }
  const dossier = mkdtempSync(path.join(os.tmpdir(), 'escale-e2e-'))
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dossier,
    DEMO_DATA: '1',
    LOG_LEVEL: 'silent',
    ESCALE_MODE: 'demo',
    // No test loads a tile from outside: the maps show their outlines (communes-carte.e2e.ts serves
    // tiles of its own to check both backgrounds).
    CARTE_TUILES: 'aucune',
  })
  const app: FastifyInstance = await buildApp(config)
  const adresse = await app.listen({ port: 0, host: '127.0.0.1' })
  project.provide('baseUrl', adresse)
  return async () => {
    await app.close()
    rmSync(dossier, { recursive: true, force: true })
  }
}
