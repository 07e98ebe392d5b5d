// Minimal typings of oidc-provider (it ships none): only what this domain uses.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http'

  export interface AdapterPayload {
    [k: string]: unknown
    grantId?: string
    userCode?: string
    uid?: string
    consumed?: unknown
  }
  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void>
    find(id: string): Promise<AdapterPayload | undefined>
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>
    findByUid(uid: string): Promise<AdapterPayload | undefined>
    consume(id: string): Promise<void>
    destroy(id: string): Promise<void>
    revokeByGrantId(grantId: string): Promise<void>
  }
  export interface InteractionDetails {
    uid: string
    prompt: { name: string; reasons: string[]; details: Record<string, unknown> }
    params: Record<string, unknown>
    session?: { accountId?: string }
    grantId?: string
    lastSubmission?: Record<string, unknown>
  }
  export interface KoaContextWithOIDC {
    oidc: {
      route: string
      client?: { clientId: string }
      params?: Record<string, unknown>
      provider: Provider
    }
    type: string
    body: unknown
    status: number
  }
  export class Grant {
    constructor(init: { accountId: string; clientId: string })
    addOIDCScope(scope: string): void
    addOIDCClaims(claims: string[]): void
    save(): Promise<string>
    static find(id: string): Promise<Grant | undefined>
  }
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>)
    issuer: string
    Grant: typeof Grant
    proxy: boolean
    callback(): (req: IncomingMessage, res: ServerResponse) => void
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>
    interactionResult(
      req: IncomingMessage,
      res: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<string>
    on(event: string, listener: (...args: unknown[]) => void): this
  }
  export const errors: Record<string, new (description?: string) => Error>
  export const interactionPolicy: unknown
}
