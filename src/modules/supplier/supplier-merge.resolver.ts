import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Role } from '../../auth/roles';
import type { RequestContext } from '../../graphql/context';
import { runMutation } from '../../graphql/mutation';
import { idOfType } from '../../graphql/relay/global-id';
import { SupplierMergeInput, SupplierUnmergeInput } from './supplier-merge.inputs';
import { SupplierMergePayload, SupplierUnmergePayload } from './supplier-merge.payloads';
import { aliasesWithMerged, SupplierMergeService } from './supplier-merge.service';
import type { SupplierEntity } from './supplier.entity';
import { SupplierType } from './supplier.type';

/** Merging supplier records that are one party (a shared fact), and undoing it. */
@Resolver(() => SupplierType)
export class SupplierMergeResolver {
  @Mutation(() => SupplierMergePayload, { description: 'Merges one supplier into another (ANALYST who can read both); undone by supplierUnmerge.' })
  async supplierMerge(
    @Arg('input', () => SupplierMergeInput, { description: 'The survivor and the supplier merged into it.' }) input: SupplierMergeInput,
    @Ctx() context: RequestContext,
  ): Promise<SupplierMergePayload> {
    return runMutation(context, { role: Role.ANALYST, agency: 'registered' }, 'supplier', (manager, caller) =>
      new SupplierMergeService(manager, caller).merge({ survivorId: idOfType(input.survivorId, 'Supplier'), mergedId: idOfType(input.mergedId, 'Supplier') }));
  }

  @Mutation(() => SupplierUnmergePayload, { description: 'Undoes a merge, restoring both suppliers as they were (ANALYST who can read both).' })
  async supplierUnmerge(
    @Arg('input', () => SupplierUnmergeInput, { description: 'The merged supplier.' }) input: SupplierUnmergeInput,
    @Ctx() context: RequestContext,
  ): Promise<SupplierUnmergePayload> {
    return runMutation(context, { role: Role.ANALYST, agency: 'registered' }, 'supplier', (manager, caller) =>
      new SupplierMergeService(manager, caller).unmerge({ mergedId: idOfType(input.mergedId, 'Supplier') }));
  }

  @FieldResolver(() => [String], { description: 'Other names it trades or is known under, including those of the suppliers merged into it.' })
  async aliases(@Root() supplier: SupplierEntity, @Ctx() context: RequestContext): Promise<string[]> {
    return aliasesWithMerged(supplier, await context.loaders.supplier.membersOf.load(supplier.id));
  }

  @FieldResolver(() => [SupplierType], { description: 'The supplier records merged into this one (those the caller may read).' })
  mergedSuppliers(@Root() supplier: SupplierEntity, @Ctx() context: RequestContext): Promise<SupplierEntity[]> {
    return context.loaders.supplier.membersOf.load(supplier.id);
  }
}
