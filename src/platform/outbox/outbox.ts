import { and, asc, desc, eq, isNull, lt, sql } from 'drizzle-orm'
import nodemailer from 'nodemailer'
import type { Database } from '../db/database'
import { outboxMessages } from './schema'

export interface Message {
  destinataire: string
  sujet: string
  texte: string
}

/** Queues an e-mail in the caller's transaction: it leaves only if the act that caused it is committed. */
export async function mettreEnFileEmail(db: Database, message: Message): Promise<void> {
  await db.insert(outboxMessages).values({ canal: 'email', ...message })
}

/**
 * Queues an SMS in the caller's transaction. Keep the text short and free of personal data beyond what the
 * recipient must read: SMS travel in clear through operators.
 */
export async function mettreEnFileSms(
  db: Database,
  message: { destinataire: string; texte: string },
): Promise<void> {
  await db.insert(outboxMessages).values({ canal: 'sms', sujet: 'SMS', ...message })
}

export async function derniersMessages(db: Database, limite = 50) {
  return db.select().from(outboxMessages).orderBy(desc(outboxMessages.creeLe)).limit(limite)
}

export interface Expediteur {
  envoyer(message: Message & { canal: 'email' | 'sms' }): Promise<void>
}

export function expediteurSmtp(smtpUrl: string, from: string): Expediteur {
  const transport = nodemailer.createTransport(smtpUrl)
  return {
    async envoyer(m) {
      if (m.canal !== 'email') throw new Error('canal SMS non configuré')
      await transport.sendMail({ from, to: m.destinataire, subject: m.sujet, text: m.texte })
    },
  }
}

const TENTATIVES_MAX = 8

/**
 * Sends what is waiting, a batch at a time. Rows are locked with SKIP LOCKED so that several app
 * instances can run the job without sending a message twice.
 */
export async function envoyerEnAttente(db: Database, expediteur: Expediteur, lot = 20): Promise<number> {
  let envoyes = 0
  await db.transaction(async (tx) => {
    const aEnvoyer = await tx
      .select()
      .from(outboxMessages)
      .where(and(isNull(outboxMessages.envoyeLe), lt(outboxMessages.tentatives, TENTATIVES_MAX)))
      .orderBy(asc(outboxMessages.creeLe))
      .limit(lot)
      .for('update', { skipLocked: true })
    for (const m of aEnvoyer) {
      try {
        await expediteur.envoyer(m)
        await tx
          .update(outboxMessages)
          .set({ envoyeLe: sql`now()`, tentatives: m.tentatives + 1 })
          .where(eq(outboxMessages.id, m.id))
        envoyes++
      } catch (e) {
        await tx
          .update(outboxMessages)
          .set({ tentatives: m.tentatives + 1, derniereErreur: String((e as Error).message).slice(0, 500) })
          .where(eq(outboxMessages.id, m.id))
      }
    }
  })
  return envoyes
}
