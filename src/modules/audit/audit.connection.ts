import { ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/relay/connection';
import { AuditEventType } from './audit.type';

@ObjectType('AuditEventConnection', { description: 'A page of audit events.' })
export class AuditEventConnection extends Connection(AuditEventType, 'AuditEvent', 'audit events') {}
