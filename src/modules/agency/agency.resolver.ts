import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../auth/roles';
import type { RequestContext } from '../../graphql/context';
import { runMutation } from '../../graphql/mutation';
import { toGlobalId } from '../../graphql/relay/global-id';
import { AgencyEntity } from './agency.entity';
import { AgencyCreateInput } from './agency.inputs';
import { AgencyCreatePayload } from './agency.payloads';
import { AgencyService } from './agency.service';
import { AgencyType } from './agency.type';

// Agencies are readable by every authenticated caller.
@Resolver(() => AgencyType)
export class AgencyResolver {
  @Query(() => [AgencyType], { description: 'Every registered agency, by code.' })
  async agencies(@Ctx() context: RequestContext): Promise<AgencyEntity[]> {
    return new AgencyService(await context.tx.manager()).list();
  }

  @Mutation(() => AgencyCreatePayload, { description: 'Registers an agency (ADMIN).' })
  async agencyCreate(
    @Arg('input', () => AgencyCreateInput, { description: 'The agency to register.' }) input: AgencyCreateInput,
    @Ctx() context: RequestContext,
  ): Promise<AgencyCreatePayload> {
    return runMutation(context, { role: Role.ADMIN, agency: 'any' }, 'agency', (manager) =>
      new AgencyService(manager).create(input));
  }

  @FieldResolver(() => ID, { description: 'Global, opaque identifier.' })
  id(@Root() agency: AgencyEntity): string {
    return toGlobalId('Agency', agency.id);
  }
}
