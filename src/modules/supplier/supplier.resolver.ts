import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireBusinessReader, requireRole } from '../../auth/access';
import { Role } from '../../auth/roles';
import type { RequestContext } from '../../graphql/context';
import { recordMet, runMutation } from '../../graphql/mutation';
import { toConnection, type ConnectionShape } from '../../graphql/relay/connection';
import { idOfType, toGlobalId } from '../../graphql/relay/global-id';
import { pageRequest } from '../../shared/paging/page';
import { PageArgs } from '../../graphql/relay/page-args';
import type { AgencyEntity } from '../agency/agency.entity';
import { AgencyType } from '../agency/agency.type';
import { SupplierCreateService } from './supplier-create.service';
import { SupplierConnection } from './supplier.connection';
import { SupplierEntity } from './supplier.entity';
import { SupplierCreateInput, SupplierFilter } from './supplier.inputs';
import { SupplierCreatePayload } from './supplier.payloads';
import { SupplierService } from './supplier.service';
import { PartyIdentifierType, SupplierType } from './supplier.type';

@Resolver(() => SupplierType)
export class SupplierResolver {
  @Query(() => SupplierType, { nullable: true, description: 'A supplier by id; null when it does not exist or the caller may not read it.' })
  async supplier(@Arg('id', () => ID, { description: 'Global id of the supplier.' }) id: string, @Ctx() context: RequestContext) {
    requireBusinessReader(await context.tx.caller());
    const supplierId = idOfType(id, 'Supplier');
    return supplierId ? context.loaders.supplier.byId.load(supplierId) : null;
  }

  @Query(() => SupplierConnection, {
    description: 'Suppliers the caller may read: newest first, or with `filter.search` the plausible candidates, best match first.',
  })
  async suppliers(
    @Arg('filter', () => SupplierFilter, { nullable: true, description: 'Which suppliers; every field given must hold.' }) filter: SupplierFilter | null,
    @Args(() => PageArgs) paging: PageArgs,
    @Ctx() context: RequestContext,
  ): Promise<ConnectionShape<SupplierEntity>> {
    const page = pageRequest(paging);
    const caller = requireBusinessReader(await context.tx.caller());
    const found = await new SupplierService(await context.tx.manager(), caller).list(filter, page);
    return toConnection(found, SupplierService.cursorOf);
  }

  @Mutation(() => SupplierCreatePayload, { description: 'Records a supplier with its identifiers for the caller\'s agency (ANALYST).' })
  async supplierCreate(
    @Arg('input', () => SupplierCreateInput, { description: 'The supplier and its identifiers.' }) input: SupplierCreateInput,
    @Ctx() context: RequestContext,
  ): Promise<SupplierCreatePayload> {
    return runMutation(context, { role: Role.ANALYST, agency: 'registered' }, 'supplier', (manager, caller) =>
      new SupplierCreateService(manager, caller).create(input),
      // A clientKey already used: the record first made with it (null when unreadable).
      recordMet<SupplierEntity>);
  }

  @FieldResolver(() => ID, { description: 'Global, opaque identifier.' })
  id(@Root() supplier: SupplierEntity): string {
    return toGlobalId('Supplier', supplier.id);
  }

  @FieldResolver(() => AgencyType, { description: 'The agency that recorded it and owns the record.' })
  async recordedBy(@Root() supplier: SupplierEntity, @Ctx() context: RequestContext): Promise<AgencyEntity> {
    return (await context.loaders.agency.byId.load(supplier.agencyId))!;
  }

  @FieldResolver(() => [AgencyType], { description: 'Other agencies that may read it under TLP_AMBER.' })
  sharedWith(@Root() supplier: SupplierEntity, @Ctx() context: RequestContext): Promise<AgencyEntity[]> {
    return context.loaders.agency.many(supplier.sharedWith);
  }

  @FieldResolver(() => [PartyIdentifierType], { description: 'Identifiers: VAT number, company registration, phone, e-mail, website, social handle.' })
  async identifiers(@Root() supplier: SupplierEntity, @Ctx() context: RequestContext): Promise<PartyIdentifierType[]> {
    const identifiers = await context.loaders.supplier.identifiers.load(supplier.id);
    return identifiers.map((i) => ({ scheme: i.scheme, value: i.value, normalised: i.valueKey }));
  }
}
