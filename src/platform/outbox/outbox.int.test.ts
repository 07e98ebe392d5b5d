import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MOTEURS, nouvelleBase } from '../../../tests/support/bases'
import type { DatabaseHandle } from '../db/database'
import { envoyerEnAttente, expediteurSmtp, mettreEnFileEmail } from './outbox'
import { outboxMessages } from './schema'

describe.each(MOTEURS)('file d’envoi des e-mails (%s)', (moteur) => {
  let base: DatabaseHandle
  let serveur: SMTPServer
  let recus: { to: string; data: string }[]
  let port: number
  beforeEach(async () => {
    base = await nouvelleBase(moteur)
    recus = []
    // A real SMTP server on loopback: the test goes through nodemailer and the SMTP protocol.
    serveur = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(flux, session, fin) {
        let data = ''
        flux.on('data', (c: Buffer) => {
          data += c.toString()
        })
        flux.on('end', () => {
          recus.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), data })
          fin()
        })
      },
    })
    await new Promise<void>((ok) => serveur.listen(0, '127.0.0.1', ok))
    port = (serveur.server.address() as AddressInfo).port
  })
  afterEach(async () => {
    await new Promise<void>((ok) => serveur.close(() => ok()))
    await base.close()
  })

  it('envoie par SMTP ce qui attend, une seule fois', async () => {
    await mettreEnFileEmail(base.db, {
      destinataire: 'a@exemple.fr',
      sujet: 'Bonjour',
      texte: 'Premier message',
    })
    await mettreEnFileEmail(base.db, { destinataire: 'b@exemple.fr', sujet: 'Re', texte: 'Second message' })
    const expediteur = expediteurSmtp(`smtp://127.0.0.1:${port}`, 'Escale <ne-pas-repondre@escale.localhost>')
    expect(await envoyerEnAttente(base.db, expediteur)).toBe(2)
    expect(await envoyerEnAttente(base.db, expediteur)).toBe(0)
    expect(recus.map((r) => r.to).sort()).toEqual(['a@exemple.fr', 'b@exemple.fr'])
    expect(recus.find((r) => r.to === 'a@exemple.fr')!.data).toContain('Premier message')
    const lignes = await base.db.select().from(outboxMessages)
    expect(lignes.every((l) => l.envoyeLe !== null && l.tentatives === 1)).toBe(true)
  })

  it('garde le message et note l’erreur quand le serveur est injoignable, puis réessaie', async () => {
    await mettreEnFileEmail(base.db, { destinataire: 'a@exemple.fr', sujet: 'Bonjour', texte: 'Texte' })
    const enPanne = expediteurSmtp('smtp://127.0.0.1:1', 'Escale <x@escale.localhost>')
    expect(await envoyerEnAttente(base.db, enPanne)).toBe(0)
    const [l] = await base.db.select().from(outboxMessages)
    expect(l!.envoyeLe).toBeNull()
    expect(l!.tentatives).toBe(1)
    expect(l!.derniereErreur).toBeTruthy()
    expect(
      await envoyerEnAttente(
        base.db,
        expediteurSmtp(`smtp://127.0.0.1:${port}`, 'Escale <x@escale.localhost>'),
      ),
    ).toBe(1)
  })
})
