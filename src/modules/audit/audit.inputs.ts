import { Field, ID, InputType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars/date-time';

@InputType({ description: 'Which audit events; every field given must hold.' })
export class AuditFilter {
  @Field(() => String, { nullable: true, description: 'By this actor (token subject).' })
  actor?: string | null;

  @Field(() => String, { nullable: true, description: 'Of this operation.' })
  operation?: string | null;

  @Field(() => String, { nullable: true, description: 'With this outcome: SUCCESS, DENIED or FAILED.' })
  outcome?: string | null;

  @Field(() => ID, { nullable: true, description: 'Naming this record (a global id).' })
  entityId?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'At or after this moment.' })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'At or before this moment.' })
  to?: Date | null;
}
