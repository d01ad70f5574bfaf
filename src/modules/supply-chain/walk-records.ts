import type { RequestContext } from '../../graphql/context';
import type { WalkRecords } from './walk-answer';

/** The request's loaders, primed with the records a walk read and loading the seizures it names. */
export function walkRecordsOf(context: RequestContext): WalkRecords {
  const { supplier, movement, agency, seizure } = context.loaders;
  return {
    // byId only: its key is the id a supplier stands for (membersOf and the others are keyed otherwise).
    knownSuppliers: (suppliers) => suppliers.forEach((s) => supplier.byId.prime(s.id, s)),
    knownMovements: (movements) => movements.forEach((m) => movement.byId.prime(m.id, m)),
    knownAgencies: (agencies) => agencies.forEach((a) => agency.byId.prime(a.id, a)),
    seizures: (ids) => seizure.byId.loadMany(ids),
  };
}
