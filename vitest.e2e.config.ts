import { defineConfig } from 'vitest/config'

// Browser journeys: one app server for the run (demo data on a fresh embedded database), Chromium
// driven by playwright-core. Skipped with a clear message when Chromium is absent, unless E2E_REQUIRED=1.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: '@kitajs/html' },
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/serveur.ts'],
    pool: 'forks',
    poolOptions: { forks: { singleFork: true } },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
