import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/errors/user-error';
import type { AdvertEntity } from './advert.entity';
import { AdvertType } from './advert.type';

@ObjectType({ description: 'Result of advertRecord.' })
export class AdvertRecordPayload {
  @Field(() => AdvertType, { nullable: true, description: 'The advert recorded; null when refused.' })
  advert: AdvertEntity | null;

  @Field(() => [UserError], { description: 'Why the input was refused; empty on success.' })
  userErrors: UserError[];
}

@ObjectType({ description: 'Result of advertLink.' })
export class AdvertLinkPayload {
  @Field(() => AdvertType, { nullable: true, description: 'The advert as linked now; null when refused.' })
  advert: AdvertEntity | null;

  @Field(() => [UserError], { description: 'Why the input was refused; empty on success.' })
  userErrors: UserError[];
}
