import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/errors/user-error';
import type { MovementEntity } from './movement.entity';
import { MovementType } from './movement.type';

@ObjectType({ description: 'Result of movementRecord.' })
export class MovementRecordPayload {
  @Field(() => MovementType, { nullable: true, description: 'The movement recorded; null when refused.' })
  movement: MovementEntity | null;

  @Field(() => [UserError], { description: 'Why the input was refused; empty on success.' })
  userErrors: UserError[];
}
