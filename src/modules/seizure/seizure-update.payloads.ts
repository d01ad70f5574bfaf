import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/errors/user-error';
import type { SeizureEntity } from './seizure.entity';
import { SeizureType } from './seizure.type';

@ObjectType({ description: 'Result of seizureUpdate.' })
export class SeizureUpdatePayload {
  @Field(() => SeizureType, { nullable: true, description: 'The seizure as amended; with CONFLICT, as it stands now.' })
  seizure: SeizureEntity | null;

  @Field(() => [UserError], { description: 'Why the amendment was refused; empty on success.' })
  userErrors: UserError[];
}
