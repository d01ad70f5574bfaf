import { advertModule } from './advert/advert.module';
import { agencyModule } from './agency/agency.module';
import { auditModule } from './audit/audit.module';
import { changeFeedModule } from './change-feed/change-feed.module';
import { itemModule } from './item/item.module';
import { matchingModule } from './matching/matching.module';
import { moneyTrailModule } from './money-trail/money-trail.module';
import { movementModule } from './movement/movement.module';
import { paymentModule } from './payment/payment.module';
import type { LoadersOf } from './registry-module';
import { routeModule } from './route/route.module';
import { seizureModule } from './seizure/seizure.module';
import { sightingModule } from './sighting/sighting.module';
import { statisticsModule } from './statistics/statistics.module';
import { supplierModule } from './supplier/supplier.module';
import { supplyChainModule } from './supply-chain/supply-chain.module';
import { viewerModule } from './viewer/viewer.module';

/**
 * Every business module of the registry: the schema, the data source and the request context
 * are built from this list (server.ts and main.ts hand it on). A new module is a folder with a
 * `<noun>.module.ts`, and one line here.
 */
export const registryModules = [
  viewerModule,
  agencyModule,
  seizureModule,
  itemModule,
  routeModule,
  supplierModule,
  movementModule,
  supplyChainModule,
  matchingModule,
  sightingModule,
  paymentModule,
  advertModule,
  moneyTrailModule,
  statisticsModule,
  changeFeedModule,
  auditModule,
] as const;

export type RegistryModules = typeof registryModules;

/** Every request's loaders, by module. */
export type RegistryLoaders = LoadersOf<RegistryModules>;

/** Every entity the registry maps; the database schema itself is owned by migrations. */
export const registryEntities: Function[] = registryModules.flatMap((module) => ('entities' in module ? [...module.entities] : []));
