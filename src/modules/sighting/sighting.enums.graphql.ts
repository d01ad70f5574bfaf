import type { EnumDeclaration } from '../registry-module';
import { SightingBasis } from './sighting.enums';

/** This module's GraphQL enums, with their descriptions. */
export const SIGHTING_ENUMS: EnumDeclaration[] = [
  {
    type: SightingBasis,
    name: 'SightingBasis',
    description: 'What two records seen by different agencies share.',
    valuesConfig: {
      SAME_IDENTIFIER: { description: 'The same phone, e-mail, handle, account, wallet or code, normalised.' },
      SAME_URL: { description: 'The same advert address, in canonical form.' },
      SAME_CONTENT: { description: 'The same captured file (content hash).' },
      SIMILAR_TEXT: { description: 'Near-duplicate advert texts.' },
    },
  },
];
