/** Reading a block of the home (`/espace`) in HTTP tests: its HTML, or its visible text. */

/** The HTML of the home block with this anchor (`tdb-activites-conseiller`), '' when absent. */
export function blocDe(page: string, id: string): string {
  const debut = page.indexOf(`<section class="fr-mt-4w" id="${id}"`)
  if (debut < 0) return ''
  return page.slice(debut, page.indexOf('</section>', debut))
}

/** What a reader sees: tags dropped, spaces collapsed, the escapes of quotes and ampersands undone. */
export function texteDe(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
}

/** The visible text of a home block. */
export const texteDuBloc = (page: string, id: string) => texteDe(blocDe(page, id))
