import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/relay/node';
import { DateTimeScalar } from '../../graphql/scalars/date-time';

@ObjectType('AuditEvent', { implements: Node, description: 'One entry of the audit trail; entries cannot be altered or deleted.' })
export class AuditEventType extends Node {
  @Field(() => DateTimeScalar, { description: 'When it happened.' })
  at: Date;

  @Field({ description: 'The token subject, or "unauthenticated".' })
  actor: string;

  @Field(() => String, { nullable: true, description: 'The agency code of the token, if any.' })
  agency: string | null;

  @Field({ description: 'The GraphQL root field (seizureRecord, supplyChain...), or "authenticate".' })
  operation: string;

  @Field({ description: 'SUCCESS, DENIED or FAILED.' })
  outcome: string;

  @Field(() => [ID], { description: 'Global ids of the records the operation created, changed or started from.' })
  entityIds: string[];

  @Field(() => String, { nullable: true, description: 'The request id, also in the response and the logs.' })
  requestId: string | null;

  @Field(() => String, { nullable: true, description: 'The client\'s network address.' })
  clientAddress: string | null;

  @Field(() => String, { nullable: true, description: 'The justification the caller gave (X-Justification header).' })
  justification: string | null;
}
