import Html from '@kitajs/html'
import type { FastifyInstance } from 'fastify'
import type { Database } from '../db/database'
import { EtatVide } from '../layout/components'
import { derniersMessages } from './outbox'

/**
 * Demo mode only: the messages the platform would have sent, so that magic links, invitations and
 * resets can be followed without a mail server. Never registered in production.
 */
export async function boiteMailRoutes(app: FastifyInstance, { db }: { db: Database }) {
  app.get('/boite-mail', async (_request, reply) => {
    const messages = await derniersMessages(db)
    return reply.page({
      titre: 'Boîte mail de démonstration',
      ariane: [{ libelle: 'Boîte mail de démonstration' }],
      contenu: (
        <>
          <h1>Boîte mail de démonstration</h1>
          <p class="fr-text--lead">
            En démonstration, Escale n’envoie aucun e-mail : les messages arrivent ici, du plus récent au plus
            ancien.
          </p>
          {messages.length === 0 ? (
            <EtatVide titre="Aucun message pour l’instant">
              <p class="fr-callout__text">
                Demandez un lien de connexion ou une invitation : le message apparaîtra ici.
              </p>
            </EtatVide>
          ) : (
            messages.map((m) => (
              <article class="fr-card fr-card--no-arrow fr-mb-3w escale-message">
                <div class="fr-card__body">
                  <div class="fr-card__content">
                    <h2 class="fr-card__title" safe>
                      {m.sujet}
                    </h2>
                    <p class="fr-card__detail">
                      À {Html.escapeHtml(m.destinataire)}, le{' '}
                      <span safe>{m.creeLe.toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })}</span>
                    </p>
                    <div class="fr-card__desc escale-message__texte">{safeTexteAvecLiens(m.texte)}</div>
                  </div>
                </div>
              </article>
            ))
          )}
        </>
      ),
    })
  })
}

/** Escapes the text, then turns our own absolute URLs into links. */
function safeTexteAvecLiens(texte: string): string {
  return Html.escapeHtml(texte)
    .split('\n')
    .map((ligne) => ligne.replace(/(https?:\/\/[^\s<]+)/g, (url) => `<a href="${url}">${url}</a>`))
    .join('<br>')
}
