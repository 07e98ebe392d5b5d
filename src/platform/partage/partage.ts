import type { RateLimitPluginOptions } from '@fastify/rate-limit'
import { Redis } from 'ioredis'

/**
 * What the instances of one deployment share besides the database. Everything that must be common —
 * sessions, OpenID Connect state, the outbox, account lockouts — is in PostgreSQL; what is left are the
 * per-address rate-limit counters, which a database round trip per request would make too costly and
 * which need nothing durable. With `REDIS_URL` they live in Redis, so that a limit holds across every
 * instance and process; without it, in each process's memory, where a limit of N behind K processes lets
 * through at most K × N (ADR 004). The rest kept in memory is caches, each checked or short-lived.
 */
export interface Partage {
  readonly type: 'memoire' | 'redis'
  /** Options of @fastify/rate-limit: its Redis store, or its in-memory store. */
  readonly limitesDeDebit: RateLimitPluginOptions
  close(): Promise<void>
}

/** Prefix of every key Escale writes: one Redis may serve other applications. */
export const PREFIXE_REDIS = 'escale:'

export async function ouvrirPartage(redisUrl: string | undefined): Promise<Partage> {
  if (!redisUrl) return { type: 'memoire', limitesDeDebit: { global: false }, close: async () => {} }
  const redis = new Redis(redisUrl, {
    // A request waits at most one retry for Redis, not for ever.
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    lazyConnect: true,
  })
  // Errors surface through the commands; without a listener ioredis would print each reconnection.
  redis.on('error', () => {})
  try {
    await redis.connect()
    await redis.ping()
  } catch (e) {
    redis.disconnect()
    throw new Error(`Redis injoignable (REDIS_URL) : ${(e as Error).message}`)
  }
  return {
    type: 'redis',
    limitesDeDebit: {
      global: false,
      redis,
      nameSpace: `${PREFIXE_REDIS}limite:`,
      // Redis down must not take the login down with it: the limit is skipped for that request, and the
      // progressive account lockout, in the database, still holds.
      skipOnError: true,
    },
    close: async () => {
      await redis.quit().catch(() => redis.disconnect())
    },
  }
}
