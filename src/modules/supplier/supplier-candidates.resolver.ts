import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { requireBusinessReader } from '../../auth/access';
import type { RequestContext } from '../../graphql/context';
import { SupplierCandidatesInput } from './supplier-candidates.inputs';
import { checkedCandidatesRequest, DEFAULT_CANDIDATES, SupplierCandidatesService } from './supplier-candidates.service';
import { SupplierCandidateType } from './supplier-candidates.type';

@Resolver()
export class SupplierCandidatesResolver {
  @Query(() => [SupplierCandidateType], {
    description: 'Suppliers the caller may read that may be the same party as the one described (likely duplicates), best first.',
  })
  async supplierCandidates(
    @Arg('input', () => SupplierCandidatesInput, { description: 'The party as written on the evidence.' }) input: SupplierCandidatesInput,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_CANDIDATES, description: 'How many candidates, 1 to 50 (default 10).' }) first: number | null,
    @Ctx() context: RequestContext,
  ): Promise<SupplierCandidateType[]> {
    const limit = checkedCandidatesRequest(input, first);
    const caller = requireBusinessReader(await context.tx.caller());
    return new SupplierCandidatesService(await context.tx.manager(), caller).candidates(input, limit);
  }
}
