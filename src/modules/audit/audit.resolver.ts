import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { toConnection, type ConnectionShape } from '../../graphql/relay/connection';
import { toGlobalId } from '../../graphql/relay/global-id';
import { pageRequest } from '../../shared/paging/page';
import { PageArgs } from '../../graphql/relay/page-args';
import { AuditReadService, auditScopeOf, type AuditEventRow } from './audit-read.service';
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
    const scope = auditScopeOf(caller);
    const found = await new AuditReadService(await context.tx.manager()).list(scope, filter ?? {}, page);
    return toConnection(found, AuditReadService.cursorOf);
  }

  @FieldResolver(() => ID, { description: 'Global, opaque identifier.' })
  id(@Root() event: AuditEventRow): string {
    return toGlobalId('AuditEvent', event.id);
  }
}
