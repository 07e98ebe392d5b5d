import type { Role } from '../auth/roles'

/**
 * Domains declare their entries here when they are registered, so that the header menu and the
 * home page only show modules that exist.
 */
export interface EntreeMenu {
  libelle: string
  href: string
  /** Roles that see the entry in the header; empty = everyone, signed in or not. */
  roles: readonly Role[]
  ordre: number
}

export interface EntreeAccueil {
  titre: string
  description: string
  href: string
  public: 'grand_public' | 'professionnel'
  ordre: number
}

export class Navigation {
  readonly menu: EntreeMenu[] = []
  readonly accueil: EntreeAccueil[] = []

  ajouterMenu(entree: EntreeMenu): void {
    this.menu.push(entree)
    this.menu.sort((a, b) => a.ordre - b.ordre)
  }

  ajouterAccueil(entree: EntreeAccueil): void {
    this.accueil.push(entree)
    this.accueil.sort((a, b) => a.ordre - b.ordre)
  }

  menuPour(roles: readonly Role[]): EntreeMenu[] {
    return this.menu.filter((e) => e.roles.length === 0 || e.roles.some((r) => roles.includes(r)))
  }
}
