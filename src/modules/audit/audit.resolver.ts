import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../auth/roles';
import type { RequestContext } from '../../graphql/context';
import { forbidden } from '../../graphql/errors/graphql-errors';
import { toConnection, type ConnectionShape } from '../../graphql/relay/connection';
import { toGlobalId } from '../../graphql/relay/global-id';
import { pageRequest } from '../../graphql/relay/page';
import { PageArgs } from '../../graphql/relay/page-args';
import { AuditReadService, type AuditEventRow } from './audit-read.service';
import { AuditEventConnection } from './audit.connection';
import { AuditFilter } from './audit.inputs';
import { AuditEventType } from './audit.type';

@Resolver(() => AuditEventType)
export class AuditResolver {
  @Query(() => AuditEventConnection, { description: 'The audit trail, newest first: an AUDITOR reads their own agency\'s events, an ADMIN all.' })
  async auditEvents(
    @Arg('filter', () => AuditFilter, { nullable: true, description: 'Which events; every field given must hold.' }) filter: AuditFilter | null,
    @Args(() => PageArgs) paging: PageArgs,
    @Ctx() context: RequestContext,
  ): Promise<ConnectionShape<AuditEventRow>> {
    const page = pageRequest(paging);
    const caller = await context.tx.caller();
    const scope = caller.roles.has(Role.ADMIN) ? 'all' : caller.roles.has(Role.AUDITOR) ? { agencyCode: caller.agencyCode } : null;
    if (!scope) throw forbidden('reading the audit trail needs the AUDITOR or ADMIN role');
    // An agency's trail is for its own auditors: a code nobody registered is nobody's agency
    // (its events are an ADMIN's, such as registering it).
    if (scope !== 'all' && !caller.agency) throw forbidden(`agency ${caller.agencyCode} is not registered: its auditors read nothing`);
    const found = await new AuditReadService(await context.tx.manager()).list(scope, filter ?? {}, page);
    return toConnection(found, AuditReadService.cursorOf);
  }

  @FieldResolver(() => ID, { description: 'Global, opaque identifier.' })
  id(@Root() event: AuditEventRow): string {
    return toGlobalId('AuditEvent', event.id);
  }
}
