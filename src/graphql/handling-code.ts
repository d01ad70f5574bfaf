import type { EnumDeclaration } from '../modules/registry-module';
import { HandlingCode } from '../shared/handling';

/** The sharing restriction every record carries, as a GraphQL enum. */
export const HANDLING_CODE_ENUM: EnumDeclaration = {
  type: HandlingCode,
  name: 'HandlingCode',
  description: 'Traffic Light Protocol 2.0: who may read a record.',
  valuesConfig: {
    TLP_CLEAR: { description: 'No limit.' },
    TLP_GREEN: { description: 'Every registered agency.' },
    TLP_AMBER: { description: 'The owning agency and the agencies it shares with.' },
    TLP_AMBER_STRICT: { description: 'The owning agency only.' },
    TLP_RED: { description: 'The recording user only; gives no hits to anyone else.' },
  },
};
