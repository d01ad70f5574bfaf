import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { requireBusinessReader } from '../../auth/access';
import type { RequestContext } from '../../graphql/context';
import { toGlobalId } from '../../graphql/relay/global-id';
import { registerNodeType } from '../../graphql/relay/node-registry';
import type { AgencyEntity } from '../agency/agency.entity';
import { AgencyType } from '../agency/agency.type';
import { SupplierEntity } from './supplier.entity';
import { PartyIdentifierType, SupplierType } from './supplier.type';

registerNodeType({
  name: 'Supplier',
  entity: SupplierEntity,
  load: async (id, context) => {
    requireBusinessReader(await context.tx.caller());
    return context.loaders.supplier.byId.load(id);
  },
});

@Resolver(() => SupplierType)
export class SupplierResolver {
  @FieldResolver(() => ID, { description: 'Global, opaque identifier.' })
  id(@Root() supplier: SupplierEntity): string {
    return toGlobalId('Supplier', supplier.id);
  }

  @FieldResolver(() => AgencyType, { description: 'The agency that recorded it and owns the record.' })
  async recordedBy(@Root() supplier: SupplierEntity, @Ctx() context: RequestContext): Promise<AgencyEntity> {
    return (await context.loaders.agency.byId.load(supplier.agencyId))!;
  }

  @FieldResolver(() => [PartyIdentifierType], { description: 'Identifiers: VAT number, company registration, phone, e-mail, website, social handle.' })
  async identifiers(@Root() supplier: SupplierEntity, @Ctx() context: RequestContext): Promise<PartyIdentifierType[]> {
    const identifiers = await context.loaders.supplier.identifiers.load(supplier.id);
    return identifiers.map((i) => ({ scheme: i.scheme, value: i.value, normalised: i.valueKey }));
  }
}
