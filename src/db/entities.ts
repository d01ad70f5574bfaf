import { AgencyEntity } from '../modules/agency/agency.entity';
import { ItemEntity } from '../modules/item/item.entity';
import { SeizureEntity } from '../modules/seizure/seizure.entity';

/** Every entity the registry maps; the schema itself is owned by migrations. */
export const entities = [AgencyEntity, SeizureEntity, ItemEntity];
