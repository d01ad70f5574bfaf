import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { AgencyType } from '../agency/agency.type';
import type { CallerAgency } from '../../auth/caller';

@ObjectType('Viewer', {
  description: 'The caller, as their token and the registry know them. Not a Node and has no id: a client cache keeps it unnormalised, under the query that read it.',
})
export class ViewerType {
  @Field({ description: 'The token subject (user).' })
  subject: string;

  @Field(() => AgencyType, { nullable: true, description: 'The caller\'s agency; null when the token names an agency that is not registered.' })
  agency: CallerAgency | null;

  @Field(() => [String], { description: 'Roles of the token: OFFICER, ANALYST, AUDITOR, ADMIN.' })
  roles: string[];
}

@Resolver()
export class ViewerResolver {
  @Query(() => ViewerType, { description: 'Who the caller is.' })
  async viewer(@Ctx() context: RequestContext): Promise<ViewerType> {
    const caller = await context.tx.caller();
    return { subject: caller.subject, agency: caller.agency, roles: [...caller.roles] };
  }
}
