import { AgencyEntity } from '../modules/agency/agency.entity';
import { ItemEntity } from '../modules/item/item.entity';
import { IdentifierKeyEntity } from '../modules/matching/identifier-key.entity';
import { ItemMatchEntity } from '../modules/matching/item-match.entity';
import { MovementItemEntity } from '../modules/movement/movement-item.entity';
import { MovementEntity } from '../modules/movement/movement.entity';
import { RouteLegEntity } from '../modules/route/route-leg.entity';
import { SeizureEntity } from '../modules/seizure/seizure.entity';
import { SupplierMergeEntity } from '../modules/supplier/supplier-merge.entity';
import { SupplierIdentifierEntity } from '../modules/supplier/supplier-identifier.entity';
import { SupplierEntity } from '../modules/supplier/supplier.entity';

/** Every entity the registry maps; the schema itself is owned by migrations. */
export const entities = [
  AgencyEntity,
  SeizureEntity,
  ItemEntity,
  RouteLegEntity,
  SupplierEntity,
  SupplierIdentifierEntity,
  MovementEntity,
  MovementItemEntity,
  IdentifierKeyEntity,
  ItemMatchEntity,
  SupplierMergeEntity,
];
