import type { FastifyInstance } from 'fastify'
import type { DepsComptes } from '../use-cases/deps'
import { pageChoixMotDePasse } from './choix-mot-de-passe'

/** `/invitation/:jeton`: an invited person (or an applicant) activates the account by choosing a password (7 days). */
export async function activationRoutes(app: FastifyInstance, { deps }: { deps: DepsComptes }) {
  pageChoixMotDePasse(app, deps, {
    usage: 'invitation',
    base: '/invitation',
    titre: 'Activer votre compte',
    intro: 'Bienvenue sur Escale. Choisissez le mot de passe de votre compte pour l’activer.',
    succes: 'Votre compte est activé.',
  })
}
