import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/errors/user-error';
import { AgencyType } from './agency.type';
import type { AgencyEntity } from './agency.entity';

@ObjectType({ description: 'Result of agencyCreate.' })
export class AgencyCreatePayload {
  @Field(() => AgencyType, { nullable: true, description: 'The agency registered; null when refused.' })
  agency: AgencyEntity | null;

  @Field(() => [UserError], { description: 'Why the input was refused; empty on success.' })
  userErrors: UserError[];
}
