import { ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/relay/connection';
import { ItemType } from './item.type';

@ObjectType('ItemConnection', { description: 'A page of items.' })
export class ItemConnection extends Connection(ItemType, 'Item', 'items') {}
