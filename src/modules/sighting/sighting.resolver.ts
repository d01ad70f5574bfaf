import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { requireBusinessReader } from '../../auth/access';
import { noteRestrictedHit, type RequestContext } from '../../graphql/context';
import { Node } from '../../graphql/relay/node';
import type { AdvertEntity } from '../advert/advert.entity';
import { AdvertType } from '../advert/advert.type';
import type { PaymentEntity } from '../payment/payment.entity';
import { PaymentType } from '../payment/payment.type';
import { RestrictedHitType } from '../supply-chain/supply-chain.type';
import type { SupplierEntity } from '../supplier/supplier.entity';
import { PartyIdentifierInput } from '../supplier/supplier.inputs';
import { PartyIdentifierType, SupplierType } from '../supplier/supplier.type';
import { SightedKind } from './sighting.enums';
import { SightingService, type SightingView } from './sighting.service';
import { SightingType } from './sighting.type';

@Resolver(() => SightingType)
export class SightingResolver {
  @Query(() => [SightingType], {
    description: 'Every record holding this identifier, written any valid way (a national phone number is read in the caller\'s jurisdiction): readable ones, then restricted hits. Audited.',
  })
  async sightings(
    @Arg('identifier', () => PartyIdentifierInput, { description: 'A party scheme, or URL for adverts, and the value.' }) identifier: PartyIdentifierInput,
    @Ctx() context: RequestContext,
  ): Promise<SightingView[]> {
    const caller = requireBusinessReader(await context.tx.caller());
    return new SightingService(await context.tx.manager(), caller).byIdentifier(identifier);
  }

  @FieldResolver(() => Node, { nullable: true, description: 'A Supplier, Advert or Payment; null when the caller may not read it.' })
  async record(@Root() sighting: SightingView, @Ctx() context: RequestContext): Promise<object | null> {
    if ('restrictedHit' in sighting) return null;
    switch (sighting.other.kind) {
      case SightedKind.SUPPLIER:
        return context.loaders.supplier.byId.load(sighting.other.id);
      case SightedKind.PAYMENT:
        return context.loaders.payment.byId.load(sighting.other.id);
      case SightedKind.ADVERT:
        return context.loaders.advert.byId.load(sighting.other.id);
    }
  }

  @FieldResolver(() => RestrictedHitType, { nullable: true, description: 'Set exactly when record is null: who to ask.' })
  async restricted(@Root() sighting: SightingView, @Ctx() context: RequestContext): Promise<RestrictedHitType | null> {
    if (!('restrictedHit' in sighting)) return null;
    const agency = (await context.loaders.agency.byId.load(sighting.restrictedHit.agencyId))!;
    return { agency, jurisdiction: agency.jurisdiction, handling: sighting.restrictedHit.handling };
  }

  @FieldResolver(() => PartyIdentifierType, { nullable: true, description: 'The shared identifier, normalised (SAME_IDENTIFIER only; null for a restricted hit).' })
  identifier(@Root() sighting: SightingView): PartyIdentifierType | null {
    if ('restrictedHit' in sighting || !sighting.identifier) return null;
    return { scheme: sighting.identifier.scheme, value: sighting.identifier.key, normalised: sighting.identifier.key };
  }
}

/** Nested sightings follow the core rule: audited when the answer holds a restricted hit. */
function noted(sightings: SightingView[], context: RequestContext, info: GraphQLResolveInfo): SightingView[] {
  if (sightings.some((s) => 'restrictedHit' in s)) noteRestrictedHit(context, info);
  return sightings;
}

/** A supplier's sightings. */
@Resolver(() => SupplierType)
export class SupplierSightingsResolver {
  @FieldResolver(() => [SightingType], {
    description: 'The same identifier held by other agencies\' records, best first; one the caller may not read shows as a restricted hit (none for TLP_RED).',
  })
  async sightings(@Root() supplier: SupplierEntity, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo): Promise<SightingView[]> {
    return noted(await context.loaders.sighting.ofSupplier.load(supplier.id), context, info);
  }
}

/** A payment's sightings. */
@Resolver(() => PaymentType)
export class PaymentSightingsResolver {
  @FieldResolver(() => [SightingType], {
    description: 'The same reference (compared as a HAWALA_CODE) held by other agencies\' records, best first; one the caller may not read shows as a restricted hit (none for TLP_RED).',
  })
  async sightings(@Root() payment: PaymentEntity, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo): Promise<SightingView[]> {
    return noted(await context.loaders.sighting.ofPayment.load(payment.id), context, info);
  }
}

/** An advert's sightings. */
@Resolver(() => AdvertType)
export class AdvertSightingsResolver {
  @FieldResolver(() => [SightingType], {
    description: 'The same account, contact, URL, file or near-duplicate text in other agencies\' records, best first; one the caller may not read shows as a restricted hit (none for TLP_RED).',
  })
  async sightings(@Root() advert: AdvertEntity, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo): Promise<SightingView[]> {
    return noted(await context.loaders.sighting.ofAdvert.load(advert.id), context, info);
  }
}
