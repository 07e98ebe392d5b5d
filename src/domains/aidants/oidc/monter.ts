/** Moved to the platform (one way to mount an OpenID provider in Fastify): kept as a re-export. */
export { monterFournisseur, origineDe, parOrigine } from '../../../platform/oidc/monter'
