import type { EnumDeclaration } from '../registry-module';
import { MatchBasis, MatchStatus } from './matching.enums';

/** This module's GraphQL enums, with their descriptions. */
export const MATCHING_ENUMS: EnumDeclaration[] = [
  {
    type: MatchBasis,
    name: 'MatchBasis',
    description: 'Why two items are linked: the identifier field that matched, or an analyst\'s link.',
    valuesConfig: {
      SAME_HIN: { description: 'The hull identification numbers match.' },
      SAME_SERIAL: { description: 'The serial numbers match.' },
      SAME_BATCH: { description: 'The batch or lot numbers match.' },
      ANALYST_LINK: { description: 'An analyst linked the items.' },
    },
  },
  {
    type: MatchStatus,
    name: 'MatchStatus',
    description: 'Where an analyst stands on a match.',
    valuesConfig: {
      SUGGESTED: { description: 'Found by the registry; nobody has decided yet.' },
      CONFIRMED: { description: 'An analyst confirmed it is the same item or batch.' },
      REJECTED: { description: 'An analyst rejected it; it is not suggested again.' },
    },
  },
];
