import { defineConfig } from 'drizzle-kit'

// Migrations are generated from every domain's schema, read, and committed; they run at start.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/platform/*/schema.ts', './src/domains/*/db/schema.ts'],
  out: './db/migrations',
})
