import { readFileSync, realpathSync } from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyPluginAsync } from 'fastify'

export interface AssetManifest {
  css(bundle: 'public' | 'pro'): string
  js(name: string): string
  file(logicalName: string): string
}

/**
 * The build directory behind the `public/build` link, resolved once at start: a rebuild for other
 * sources moves the link, and this server keeps serving the files its pages name. Unchanged when the
 * link is missing, so that `loadManifest` explains what to do.
 */
export function dossierConstruit(buildDir: string): string {
  try {
    return realpathSync(buildDir)
  } catch {
    return buildDir
  }
}

/**
 * `npm start` builds the assets while the server opens its database (scripts/demarrer.mjs): the server,
 * started with ESCALE_ATTENDRE_ASSETS=1 and an IPC channel, says it is waiting and goes on when the
 * launcher answers. Anywhere else (production, tests) there is nothing to wait for.
 */
export function attendreAssetsDuLanceur(): Promise<void> {
  if (process.env.ESCALE_ATTENDRE_ASSETS !== '1' || !process.send) return Promise.resolve()
  return new Promise((resolve) => {
    const recu = (message: unknown) => {
      if (message !== 'assets-prets') return
      process.off('message', recu)
      // Processes started later (WORKERS) have no launcher to wait for.
      delete process.env.ESCALE_ATTENDRE_ASSETS
      // The channel no longer holds the process open once its only message has come.
      process.channel?.unref()
      resolve()
    }
    process.on('message', recu)
    process.send?.('attente-assets')
  })
}

/** Reads `manifest.json` written by the asset build (logical name → hashed URL). */
export function loadManifest(buildDir: string): AssetManifest {
  const fichier = path.join(buildDir, 'manifest.json')
  let brut: string
  try {
    brut = readFileSync(fichier, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        `Les fichiers statiques (CSS, polices, icônes) ne sont pas construits : ${fichier} est introuvable. ` +
          'Lancez `npm run build:assets`. / Static assets are not built: run `npm run build:assets`.',
      )
    }
    throw e
  }
  const donnees: unknown = JSON.parse(brut)
  if (
    typeof donnees !== 'object' ||
    donnees === null ||
    Object.values(donnees).some((v) => typeof v !== 'string')
  ) {
    throw new Error(
      `${fichier} est invalide : relancez \`npm run build:assets\`. / Invalid asset manifest: run \`npm run build:assets\`.`,
    )
  }
  const urls = new Map(Object.entries(donnees as Record<string, string>))
  const file = (logicalName: string): string => {
    const url = urls.get(logicalName)
    if (url === undefined) {
      throw new Error(
        `Fichier statique inconnu : « ${logicalName} » n’est pas dans ${fichier} (relancez \`npm run build:assets\`).`,
      )
    }
    return url
  }
  return Object.freeze({
    css: (bundle: 'public' | 'pro') => file(`css/${bundle}.css`),
    js: (name: string) => file(`js/${name}.js`),
    file,
  })
}

/** `public.3f2a9c1b0d.css`, possibly served from its `.br`/`.gz` sibling. */
const NOM_HACHE = /\.[0-9a-f]{10}\.[a-z0-9]+(?:\.br|\.gz)?$/
const UN_AN = 'public, max-age=31536000, immutable'
// Favicons keep fixed names (browsers ask for them by name), so they must be able to change.
const UN_JOUR = 'public, max-age=86400'

/**
 * Serves the build directory under `/assets/` and `/favicon.ico`.
 *
 * Precompressed siblings are chosen from `Accept-Encoding` and sent with `Content-Encoding`
 * already set; @fastify/compress (registered globally by the app) leaves any response that has a
 * non-identity `Content-Encoding` untouched, so nothing is compressed twice.
 */
export const assetsPlugin: FastifyPluginAsync<{ buildDir: string }> = async (app, { buildDir }) => {
  await app.register(fastifyStatic, {
    root: path.resolve(buildDir),
    prefix: '/assets/',
    preCompressed: true,
    list: false,
    index: false,
    redirect: false,
    dotfiles: 'deny',
    // Set in setHeaders: the right lifetime depends on whether the name carries a hash.
    cacheControl: false,
    // The manifest is for the server; the compressed siblings are picked by Accept-Encoding and
    // must not be fetched by name (they would go out without Content-Encoding); directories get
    // a plain 404 rather than send's 403, which would confirm they exist.
    allowedPath: (chemin) =>
      chemin !== '/manifest.json' && !/\.(?:br|gz)$/.test(chemin) && !chemin.endsWith('/'),
    setHeaders: (reply, fichier) => {
      const nom = path.basename(fichier)
      reply.header(
        'cache-control',
        NOM_HACHE.test(nom)
          ? UN_AN
          : fichier.includes(`${path.sep}favicon${path.sep}`)
            ? UN_JOUR
            : 'no-cache',
      )
    },
  })

  // Browsers request it at the root whatever the page says.
  app.get('/favicon.ico', (_request, reply) => reply.sendFile('favicon/favicon.ico'))
}
