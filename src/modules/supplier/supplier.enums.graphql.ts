import type { EnumDeclaration } from '../registry-module';
import { SupplierRole } from './supplier.enums';

/** This module's GraphQL enums, with their descriptions. */
export const SUPPLIER_ENUMS: EnumDeclaration[] = [
  {
    type: SupplierRole,
    name: 'SupplierRole',
    description: 'What a supplier does in the chain.',
    valuesConfig: {
      MANUFACTURER: { description: 'Makes the goods.' },
      IMPORTER: { description: 'Brings the goods into a country or customs union.' },
      WHOLESALER: { description: 'Sells in bulk to other sellers.' },
      RETAILER: { description: 'Sells to buyers from a shop or warehouse.' },
      ONLINE_SELLER: { description: 'Sells through a web shop, marketplace or social media.' },
      FACILITATOR: { description: 'Arranges, stores or transports for the smugglers.' },
      MONEY_BROKER: { description: 'Moves money for others: a hawaladar or a money-transfer agent.' },
      BUYER: { description: 'Bought equipment for crossings: the organisers.' },
      UNKNOWN: { description: 'Not known.' },
    },
  },
];
