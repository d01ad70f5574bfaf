import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/errors/user-error';
import type { SeizureEntity } from './seizure.entity';
import { SeizureType } from './seizure.type';

@ObjectType({ description: 'Result of seizureRecord.' })
export class SeizureRecordPayload {
  @Field(() => SeizureType, {
    nullable: true,
    description: 'The seizure recorded; with DUPLICATE_REFERENCE, the one already held (null if the caller may not read it).',
  })
  seizure: SeizureEntity | null;

  @Field(() => [UserError], { description: 'Why the input was refused; empty on success.' })
  userErrors: UserError[];
}
