import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Caller } from '../../auth/caller';
import { Role } from '../../auth/roles';
import type { RequestContext } from '../../graphql/context';
import { forbidden } from '../../graphql/errors/graphql-errors';
import { toConnection, type ConnectionShape } from '../../graphql/relay/connection';
import { toGlobalId } from '../../graphql/relay/global-id';
import { pageRequest } from '../../graphql/relay/page';
import { PageArgs } from '../../graphql/relay/page-args';
import { AuditReadService, type AuditEventRow, type AuditScope } from './audit-read.service';
import { AuditEventConnection } from './audit.connection';
import { AuditFilter } from './audit.inputs';
import { AuditEventType } from './audit.type';

/** Whose events the caller reads: all of them (ADMIN), or their own registered agency's (AUDITOR). */
function auditScope(caller: Caller): AuditScope {
  if (caller.roles.has(Role.ADMIN)) return 'all';
  if (!caller.roles.has(Role.AUDITOR)) throw forbidden('reading the audit trail needs the AUDITOR or ADMIN role');
  // An agency's trail is for its own auditors: a code nobody registered is nobody's agency
  // (its events are an ADMIN's, such as registering it).
  if (!caller.agency) throw forbidden(`agency ${caller.agencyCode} is not registered: its auditors read nothing`);
  return { agencyId: caller.agency.id };
}

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
    const scope = auditScope(caller);
    const found = await new AuditReadService(await context.tx.manager()).list(scope, filter ?? {}, page);
    return toConnection(found, AuditReadService.cursorOf);
  }

  @FieldResolver(() => ID, { description: 'Global, opaque identifier.' })
  id(@Root() event: AuditEventRow): string {
    return toGlobalId('AuditEvent', event.id);
  }
}
