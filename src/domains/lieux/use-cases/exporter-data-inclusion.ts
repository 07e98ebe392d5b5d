import {
  type ServiceDataInclusion,
  type StructureDataInclusion,
  serviceDataInclusionSchema,
  structureDataInclusionSchema,
  versDataInclusion,
} from '../domain/data-inclusion'
import type { Lieu } from '../domain/lieu'

export interface ExportDataInclusion {
  structures: StructureDataInclusion[]
  services: ServiceDataInclusion[]
  /** Places left out: refused by the ANCT library, or a record data·inclusion's rules would refuse. */
  exclus: number
}

/** Every place as a data·inclusion structure and service, each checked by the schema before it goes out. */
export function exporterDataInclusion(lieux: readonly Lieu[], baseUrl: string): ExportDataInclusion {
  const structures: StructureDataInclusion[] = []
  const services: ServiceDataInclusion[] = []
  let exclus = 0
  for (const l of lieux) {
    const d = versDataInclusion(l, baseUrl)
    const s = d && structureDataInclusionSchema.safeParse(d.structure)
    const v = d && serviceDataInclusionSchema.safeParse(d.service)
    if (!s?.success || !v?.success) {
      exclus++
      continue
    }
    structures.push(s.data)
    services.push(v.data)
  }
  return { structures, services, exclus }
}
