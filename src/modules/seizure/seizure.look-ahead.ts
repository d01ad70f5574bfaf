import type { GraphQLResolveInfo } from 'graphql';
import { fieldsOn, nodeFieldsOf, selectionOf, type Selection } from '../../graphql/look-ahead';
import { pageRequest, type PageArguments } from '../../shared/paging/page';
import { ItemService } from '../item/item.service';
import type { Properties, SeizureReadPlan } from './seizure-read-plan';

/**
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
/** What every item read carries: its id, its seizure, its place in the seizure (the cursor) and its agency. */
const ITEM_ALWAYS = ['id', 'seizureId', 'position', 'agencyId'];

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
