import type { GraphQLResolveInfo } from 'graphql';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../graphql/context';
import { fieldsOn, nodeFieldsOf, selectionOf, type Selection } from '../../graphql/look-ahead';
import { pageRequest, type PageArguments } from '../../shared/paging/page';
import { ItemService } from '../item/item.service';
import { readsWholeSeizures } from './seizure-planned-read';
import { plannedPartsOf, type ItemReadPlan, type Properties, type SeizureReadPlan } from './seizure-read-plan';
import type { SeizureEntity } from './seizure.entity';

/**
 * Plans of the reads of seizures and of items with their seizures, from what a query selects.
 *
 * The entity properties each GraphQL field reads (its column, or what its field resolver
 * needs); a field not listed here reads every column, so that a new field is never left
 * without what it needs.
 */
const SEIZURE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  __typename: [], id: ['id'], reference: ['reference'], jurisdiction: ['jurisdiction'], seizedAt: ['seizedAt'],
  handling: ['handling'], notes: ['notes'], recordedAt: ['recordedAt'], updatedAt: ['updatedAt'], version: ['version'],
  location: ['locationDescription', 'latitude', 'longitude'], sharedWith: ['sharedWith'], agency: ['agencyId'],
  items: ['id'], route: ['id'],
};
/** What every seizure read carries: its id, its cursor's time, and its agency. */
const SEIZURE_ALWAYS = ['id', 'seizedAt', 'agencyId'];

const ITEM_FIELDS: Readonly<Record<string, readonly string[]>> = {
  __typename: [], id: ['id'], kind: ['kind'], make: ['make'], model: ['model'], serialNumber: ['serialNumber'], hin: ['hin'],
  batchNumber: ['batchNumber'], markDamaged: ['markDamaged'], quantity: ['quantity'], condition: ['condition'],
  description: ['description'], capacityLitres: ['capacityLitres'], position: ['position'], recordedAt: ['recordedAt'],
  identifier: ['hinKey', 'serialKey', 'batchKey'], boat: ['kind', 'boat'], engine: ['kind', 'engine'], lifeJacket: ['kind', 'lifeJacket'],
  seizure: ['seizureId'], matches: ['id'], custody: ['id'], route: ['id'],
};
/** What every item read carries: its id, its seizure, its agency, and what its cursors are made of (its place in the seizure, when it was recorded). */
const ITEM_ALWAYS = ['id', 'seizureId', 'agencyId', 'position', 'recordedAt'];

function propertiesFor(fields: Selection[], known: Readonly<Record<string, readonly string[]>>, always: readonly string[]): Properties {
  const properties = new Set(always);
  for (const field of fields) {
    const needs = known[field.name];
    if (!needs) return 'all';
    needs.forEach((p) => properties.add(p));
  }
  return properties;
}

/** The plan of a page of items: one `items` field, with paging arguments that hold (a bad cursor is left to the field resolver, which refuses it as without a plan). */
function itemsPlan(fields: Selection[], info: GraphQLResolveInfo): SeizureReadPlan['items'] {
  const selected = fields.filter((f) => f.name === 'items');
  if (selected.length !== 1) return null;
  const [items] = selected;
  let page;
  try {
    page = ItemService.seizureItemsPage(pageRequest(items.args as PageArguments));
  } catch {
    return null;
  }
  const connection = fieldsOn(items, 'ItemConnection', info.schema);
  return {
    page,
    properties: propertiesFor(nodeFieldsOf(items, 'ItemConnection', 'Item', info.schema), ITEM_FIELDS, ITEM_ALWAYS),
    count: connection.some((f) => f.name === 'totalCount'),
  };
}

function planOf(fields: Selection[], info: GraphQLResolveInfo): SeizureReadPlan {
  return {
    properties: propertiesFor(fields, SEIZURE_FIELDS, SEIZURE_ALWAYS),
    agency: fields.some((f) => f.name === 'agency'),
    sharedWith: fields.some((f) => f.name === 'sharedWith'),
    items: itemsPlan(fields, info),
  };
}

/** The plan of `seizures`: what its connection's nodes select. */
export function seizureConnectionPlan(info: GraphQLResolveInfo): SeizureReadPlan | null {
  const selection = selectionOf(info);
  return selection ? planOf(nodeFieldsOf(selection, 'SeizureConnection', 'Seizure', info.schema), info) : null;
}

/** The plan of `seizure(id)`: what it selects. */
export function seizurePlan(info: GraphQLResolveInfo): SeizureReadPlan | null {
  const selection = selectionOf(info);
  return selection ? planOf(fieldsOn(selection, 'Seizure', info.schema), info) : null;
}

/** The plan of `items(filter)`: what its nodes select, with the seizure of each as `seizure(id)` plans one. */
export function itemConnectionPlan(info: GraphQLResolveInfo): ItemReadPlan | null {
  const selection = selectionOf(info);
  if (!selection) return null;
  const fields = nodeFieldsOf(selection, 'ItemConnection', 'Item', info.schema);
  const seizures = fields.filter((f) => f.name === 'seizure');
  return {
    properties: propertiesFor(fields, ITEM_FIELDS, ITEM_ALWAYS),
    seizure: seizures.length === 1 ? planOf(fieldsOn(seizures[0], 'Seizure', info.schema), info) : null,
    matches: fields.some((f) => f.name === 'matches'),
  };
}

/**
 * What a planned read fetched serves the request's other fields too: its agencies (read whole)
 * prime the agency loader, and its seizures the seizure loader when they were read whole.
 */
export function shareWithLoaders(context: RequestContext, manager: EntityManager, seizures: SeizureEntity[], plan: SeizureReadPlan): void {
  const whole = readsWholeSeizures(manager.connection, plan);
  for (const seizure of seizures) {
    const parts = plannedPartsOf(seizure);
    for (const agency of [...(parts?.agency ? [parts.agency] : []), ...(parts?.sharedWith ?? [])]) context.loaders.agency.byId.prime(agency.id, agency);
    if (whole) context.loaders.seizure.byId.prime(seizure.id, seizure);
  }
}
