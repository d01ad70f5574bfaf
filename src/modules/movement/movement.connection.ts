import { ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/relay/connection';
import { MovementType } from './movement.type';

@ObjectType('MovementConnection', { description: 'A page of movements.' })
export class MovementConnection extends Connection(MovementType, 'Movement', 'movements') {}
