import type { EnumDeclaration } from '../registry-module';
import { TransportMode } from './movement.enums';

/** This module's GraphQL enums, with their descriptions. */
export const MOVEMENT_ENUMS: EnumDeclaration[] = [
  {
    type: TransportMode,
    name: 'TransportMode',
    description: 'How goods or people travelled.',
    valuesConfig: {
      ROAD: { description: 'By road (truck, van, car).' },
      SEA: { description: 'By sea (container, ferry).' },
      AIR: { description: 'By air freight.' },
      RAIL: { description: 'By rail.' },
      POST: { description: 'By post.' },
      COURIER: { description: 'By parcel courier.' },
      UNKNOWN: { description: 'Not known.' },
    },
  },
];
