// Supplier search rates against the targets of issue 4.
import type { SearchObservation } from './supplier-names';
import type { SupplierLabel } from './sample';

export interface SupplierLabelResult {
  label: SupplierLabel;
  entries: number;
  /** same: the entry's supplier ranked first; different: the entry's supplier (wrongly) ranked first. */
  top1: number;
  rate: number;
  /** same only: the entry's supplier anywhere in the first five. */
  inTop5: number;
  /** Searches that returned no candidate at all. */
  empty: number;
  target: { measure: 'top1Rate' | 'wrongTop1Rate'; value: number };
  met: boolean;
}

const EPSILON = 1e-9;

export function supplierMetrics(observations: SearchObservation[]): SupplierLabelResult[] {
  return (['same', 'different'] as const)
    .map((label) => {
      const list = observations.filter((o) => o.entry.label === label);
      const top1 = list.filter((o) => o.rank === 1).length;
      const rate = list.length > 0 ? top1 / list.length : 0;
      const target = label === 'same' ? { measure: 'top1Rate' as const, value: 0.95 } : { measure: 'wrongTop1Rate' as const, value: 0.02 };
      return {
        label,
        entries: list.length,
        top1,
        rate,
        inTop5: list.filter((o) => o.rank !== null).length,
        empty: list.filter((o) => o.results.length === 0).length,
        target,
        met: label === 'same' ? rate >= target.value - EPSILON : rate <= target.value + EPSILON,
      };
    })
    .filter((result) => result.entries > 0);
}
