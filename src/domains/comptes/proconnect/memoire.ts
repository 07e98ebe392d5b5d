/**
 * The simulator's storage: one process's memory, entries dropped when they expire. Written here rather
 * than oidc-provider's own development adapter, which warns at every start; the simulator never runs
 * outside demo and tests, where one process and a restart that ends simulated sessions are fine.
 */
type Charge = Record<string, unknown> & { uid?: string; userCode?: string; grantId?: string }

const entrees = new Map<string, { charge: Charge; expire: number }>()

export class MemoireSimulateur {
  constructor(private readonly modele: string) {}

  private cle(id: string) {
    return `${this.modele}:${id}`
  }

  async upsert(id: string, charge: Charge, expireDansSecondes: number) {
    // Entries nobody reads again would stay: a sweep of the expired ones from time to time.
    if (entrees.size > 10_000) {
      const maintenant = Date.now()
      for (const [cle, e] of entrees) if (e.expire <= maintenant) entrees.delete(cle)
    }
    entrees.set(this.cle(id), { charge, expire: Date.now() + expireDansSecondes * 1000 })
  }

  async find(id: string): Promise<Charge | undefined> {
    const e = entrees.get(this.cle(id))
    if (!e) return undefined
    if (e.expire <= Date.now()) {
      entrees.delete(this.cle(id))
      return undefined
    }
    return e.charge
  }

  async findByUid(uid: string) {
    for (const [cle, e] of entrees)
      if (cle.startsWith(`${this.modele}:`) && e.charge.uid === uid)
        return this.find(cle.slice(this.modele.length + 1))
    return undefined
  }

  async findByUserCode(code: string) {
    for (const [cle, e] of entrees)
      if (cle.startsWith(`${this.modele}:`) && e.charge.userCode === code)
        return this.find(cle.slice(this.modele.length + 1))
    return undefined
  }

  async consume(id: string) {
    const e = entrees.get(this.cle(id))
    if (e) e.charge.consumed = Math.floor(Date.now() / 1000)
  }

  async destroy(id: string) {
    entrees.delete(this.cle(id))
  }

  /** Called on each model's adapter in turn: only this model's entries go (never a pending interaction). */
  async revokeByGrantId(grantId: string) {
    if (this.modele === 'Interaction') return
    for (const [cle, e] of entrees)
      if (cle.startsWith(`${this.modele}:`) && e.charge.grantId === grantId) entrees.delete(cle)
  }
}
