import { HandlingCode } from '../../src/shared/handling';
import type { BenchAgency } from './agencies';
import type { Random } from './random';

export interface Sharing {
  handling: HandlingCode;
  sharedWith: string[];
}

/** How often each handling code is chosen: mostly community-wide, some need-to-know, a few owner-only. */
export const HANDLING_WEIGHTS: Record<HandlingCode, number> = {
  TLP_CLEAR: 4,
  TLP_GREEN: 76,
  TLP_AMBER: 11,
  TLP_AMBER_STRICT: 6,
  TLP_RED: 3,
};

/** A handling code, and for TLP_AMBER the one to three other agencies it is shared with. */
export function pickSharing(random: Random, owner: BenchAgency, agencies: BenchAgency[]): Sharing {
  const handling = random.weighted(HANDLING_WEIGHTS);
  if (handling !== HandlingCode.TLP_AMBER) return { handling, sharedWith: [] };
  const others = agencies.filter((a) => a.id !== owner.id);
  return { handling, sharedWith: random.sample(others, random.int(1, 3)).map((a) => a.id) };
}
