/**
 * Second public surface of the diagnostic, for the browser islands only (dependency-cruiser rule
 * `client-par-client-ts`): the pure engine, marking, offline copy and the step views, so that the
 * page without network computes and renders the next step with the server's own code (ADR 010).
 * Nothing here may reach Fastify, Drizzle, Node built-ins, use cases or http/ (rule `client-pur`).
 */
export { messageErreur } from './domain/erreurs'
export { type Evaluation, evaluer } from './domain/evaluation'
export {
  aEnvoyer,
  apresEnvoi,
  type CopieLocale,
  copieDepuisLaPage,
  copiePerimee,
  type EtatDeLaPage,
  etapeLocale,
  idDeLEtape,
  lireCopie,
  noterEssai,
  noterLienVisite,
  reponsesConnues,
  retenir,
} from './domain/hors-ligne'
export { type Etape, progression, type Reponse } from './domain/moteur'
export { EtapePage, titreEtape } from './views/etape.page'
export { FinHorsLignePage } from './views/hors-ligne'
