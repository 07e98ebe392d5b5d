// Development helper: screenshots of pages, to look at what we build. Usage:
//   npx tsx scripts/capture.ts http://127.0.0.1:3000/ /tmp/accueil.png [largeur]
import { chromium } from 'playwright-core'

const [url = 'http://127.0.0.1:3000/', sortie = '/tmp/capture.png', largeur = '1280'] = process.argv.slice(2)
const navigateur = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
})
const page = await navigateur.newPage({ viewport: { width: Number(largeur), height: 900 } })
await page.goto(url)
await page.screenshot({ path: sortie, fullPage: true })
await navigateur.close()
