import { Foundation1795888290380 } from './1795888290380-Foundation';
import { RowLevelSecurity1795888290381 } from './1795888290381-RowLevelSecurity';
import { Provenance1795889902392 } from './1795889902392-Provenance';
import { ProvenanceRowLevelSecurity1795889902393 } from './1795889902393-ProvenanceRowLevelSecurity';
import { SupplierSearchLookup1795891000000 } from './1795891000000-SupplierSearchLookup';
import { ItemMatching1795892509892 } from './1795892509892-ItemMatching';
import { ItemMatchingSecurity1795892509893 } from './1795892509893-ItemMatchingSecurity';
import { SupplierMerge1795892973666 } from './1795892973666-SupplierMerge';
import { ItemMatchHits1795893600000 } from './1795893600000-ItemMatchHits';
import { SupplyChainHits1795893700000 } from './1795893700000-SupplyChainHits';
import { AuditTrail1795893800000 } from './1795893800000-AuditTrail';
import { ItemMatchLinking1795893900000 } from './1795893900000-ItemMatchLinking';
import { SupplyChainEndHits1795894000000 } from './1795894000000-SupplyChainEndHits';
import { ItemMatchLinkLocks1795894100000 } from './1795894100000-ItemMatchLinkLocks';
import { ClientKeys1795894200000 } from './1795894200000-ClientKeys';
import { IdentifierFold1795894300000 } from './1795894300000-IdentifierFold';
import { HitShown1795894400000 } from './1795894400000-HitShown';
import { Sightings1795894500000 } from './1795894500000-Sightings';
import { PaymentKinds1795894600000 } from './1795894600000-PaymentKinds';
import { Payments1795894700000 } from './1795894700000-Payments';
import { PaymentKeysByIndex1795894800000 } from './1795894800000-PaymentKeysByIndex';
import { AdvertKinds1795894900000 } from './1795894900000-AdvertKinds';
import { Adverts1795895000000 } from './1795895000000-Adverts';
import { Statistics1795895100000 } from './1795895100000-Statistics';
import { SupplySteps1795895200000 } from './1795895200000-SupplySteps';
import { ChangeFeed1795895300000 } from './1795895300000-ChangeFeed';

// Every migration, in order. `npm run migration:generate` writes a new file here; add its class below.
export const migrations: Function[] = [
  Foundation1795888290380,
  RowLevelSecurity1795888290381,
  Provenance1795889902392,
  ProvenanceRowLevelSecurity1795889902393,
  SupplierSearchLookup1795891000000,
  ItemMatching1795892509892,
  ItemMatchingSecurity1795892509893,
  SupplierMerge1795892973666,
  ItemMatchHits1795893600000,
  SupplyChainHits1795893700000,
  AuditTrail1795893800000,
  ItemMatchLinking1795893900000,
  SupplyChainEndHits1795894000000,
  ItemMatchLinkLocks1795894100000,
  ClientKeys1795894200000,
  IdentifierFold1795894300000,
  HitShown1795894400000,
  Sightings1795894500000,
  PaymentKinds1795894600000,
  Payments1795894700000,
  PaymentKeysByIndex1795894800000,
  AdvertKinds1795894900000,
  Adverts1795895000000,
  Statistics1795895100000,
  SupplySteps1795895200000,
  ChangeFeed1795895300000,
];
