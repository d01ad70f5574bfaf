import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { requireBusinessReader } from '../../auth/access';
import type { RequestContext } from '../../graphql/context';
import { badUserInput } from '../../graphql/errors/graphql-errors';
import { SupplierCandidatesInput } from './supplier-candidates.inputs';
import { SupplierCandidatesService } from './supplier-candidates.service';
import { SupplierCandidateType } from './supplier-candidates.type';

@Resolver()
export class SupplierCandidatesResolver {
  @Query(() => [SupplierCandidateType], {
    description: 'Suppliers the caller may read that may be the same party as the one described (likely duplicates), best first.',
  })
  async supplierCandidates(
    @Arg('input', () => SupplierCandidatesInput, { description: 'The party as written on the evidence.' }) input: SupplierCandidatesInput,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10, description: 'How many candidates, 1 to 50 (default 10).' }) first: number | null,
    @Ctx() context: RequestContext,
  ): Promise<SupplierCandidateType[]> {
    const limit = first ?? 10;
    if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw badUserInput(`first must be between 1 and 50, got ${limit}`, 'first');
    if (input.name.length > 500) throw badUserInput('name must be at most 500 characters', 'input.name');
    const caller = requireBusinessReader(await context.tx.caller());
    return new SupplierCandidatesService(await context.tx.manager(), caller).candidates(input, limit);
  }
}
