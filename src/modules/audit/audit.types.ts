import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/relay/connection';
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

@ObjectType('AuditEventConnection', { description: 'A page of audit events.' })
export class AuditEventConnection extends Connection(AuditEventType, 'AuditEvent', 'audit events') {}

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
