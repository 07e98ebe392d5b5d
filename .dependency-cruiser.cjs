/**
 * Domain boundaries (docs/ARCHITECTURE.md): a domain is reached only through its index.ts; pure domain code
 * imports no framework; the platform never depends on a domain.
 */
module.exports = {
  forbidden: [
    {
      name: 'domaine-par-son-index',
      comment: 'Another domain is used only through its index.ts.',
      severity: 'error',
      from: { path: '^src/domains/([^/]+)/' },
      to: {
        path: '^src/domains/([^/]+)/.+',
        pathNot: ['^src/domains/$1/', '^src/domains/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'persistance-dans-db',
      comment:
        "Persistence has one home: routes, views and use cases read and write through the domain's db/ repository functions, never drizzle-orm or the tables.",
      severity: 'error',
      from: { path: '^src/domains/[^/]+/(http|views|use-cases)/' },
      to: { path: ['^node_modules/drizzle-orm/', '^src/domains/[^/]+/db/schema'] },
    },
    {
      name: 'vues-sans-db',
      comment:
        'A view receives a view model (the fields it shows), declared with the view: never a row type of db/.',
      severity: 'error',
      from: { path: '^src/domains/([^/]+)/views/' },
      to: { path: '^src/domains/[^/]+/db/' },
    },
    {
      name: 'hors-domaine-par-index',
      comment:
        'Code outside the domains (app, demo, platform, tests support) uses a domain only through its index.ts.',
      severity: 'error',
      from: { path: '^src/(?!domains/)' },
      to: {
        path: '^src/domains/[^/]+/.+',
        pathNot: ['^src/domains/[^/]+/index\\.ts$', '^src/domains/[^/]+/client\\.ts$'],
      },
    },
    {
      name: 'client-par-client-ts',
      comment:
        "A domain's client.ts (pure code and views bundled for the browser, ADR 010) is for the islands of src/client/ only.",
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/client/' },
      to: { path: '^src/domains/[^/]+/client\\.ts$' },
    },
    {
      name: 'client-pur',
      comment:
        "Nothing a domain's client.ts reaches may need the server: no framework, database, Node built-in, use case, route or table.",
      severity: 'error',
      from: { path: '^src/domains/[^/]+/client\\.ts$' },
      to: {
        reachable: true,
        path: [
          '^node_modules/(fastify|@fastify|drizzle-orm|pg|@electric-sql)',
          '^src/domains/[^/]+/(http|db|use-cases)/',
          '^src/platform/(db|http|assets|auth|outbox|journal|pdf|geo)/',
          '^(node:)?(fs|path|crypto|os|stream|child_process|net|http|https|zlib|url|util|worker_threads)$',
        ],
      },
    },
    {
      name: 'plateforme-independante',
      comment: 'The platform knows no domain.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/domains/' },
    },
    {
      name: 'domaine-pur',
      comment: 'domain/ is pure: no Fastify, no Drizzle, no views, no HTTP.',
      severity: 'error',
      from: { path: '^src/domains/[^/]+/domain/' },
      to: {
        path: [
          '^node_modules/(fastify|@fastify|drizzle-orm|pg|@electric-sql)',
          '^src/domains/[^/]+/(http|db|views|use-cases)/',
        ],
      },
    },
    {
      name: 'pas-de-cycle',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '\\.test\\.tsx?$' },
  },
}
