import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireBusinessReader } from '../../auth/access';
import { Role } from '../../auth/roles';
import type { RequestContext } from '../../graphql/context';
import { MoneyType } from '../../graphql/money';
import { recordMet, runMutation } from '../../graphql/mutation';
import { toConnection, type ConnectionShape } from '../../graphql/relay/connection';
import { idOfType, optionalIdOfType, toGlobalId } from '../../graphql/relay/global-id';
import { PageArgs } from '../../graphql/relay/page-args';
import { isLoaded } from '../../shared/loader-results';
import { formatAmount } from '../../shared/money';
import { pageRequest } from '../../shared/paging/page';
import type { AgencyEntity } from '../agency/agency.entity';
import { AgencyType } from '../agency/agency.type';
import type { SeizureEntity } from '../seizure/seizure.entity';
import { SeizureType } from '../seizure/seizure.type';
import type { SupplierEntity } from '../supplier/supplier.entity';
import { PartyIdentifierType, SupplierType } from '../supplier/supplier.type';
import { AdvertLinkService } from './advert-link.service';
import type { AdvertIdentifierEntity, AdvertOfferEntity } from './advert-parts.entity';
import { AdvertRecordService } from './advert-record.service';
import { AdvertConnection } from './advert.connection';
import type { AdvertEntity } from './advert.entity';
import { AdvertFilter, AdvertLinkInput, AdvertRecordInput } from './advert.inputs';
import { AdvertLinkPayload, AdvertRecordPayload } from './advert.payloads';
import { AdvertService } from './advert.service';
import { AdvertOfferType, AdvertType } from './advert.type';

const asPartyIdentifier = (row: AdvertIdentifierEntity): PartyIdentifierType => ({ scheme: row.scheme, value: row.value, normalised: row.valueKey });

@Resolver(() => AdvertType)
export class AdvertResolver {
  @Query(() => AdvertType, { nullable: true, description: 'An advert by id; null when it does not exist or the caller may not read it.' })
  async advert(@Arg('id', () => ID, { description: 'Global id of the advert.' }) id: string, @Ctx() context: RequestContext) {
    requireBusinessReader(await context.tx.caller());
    const advertId = idOfType(id, 'Advert');
    return advertId ? context.loaders.advert.byId.load(advertId) : null;
  }

  @Query(() => AdvertConnection, { description: 'Adverts the caller may read: newest recorded first, or best match first when searching their text.' })
  async adverts(
    @Arg('filter', () => AdvertFilter, { nullable: true, description: 'Which adverts; every field given must hold.' }) filter: AdvertFilter | null,
    @Args(() => PageArgs) paging: PageArgs,
    @Ctx() context: RequestContext,
  ): Promise<ConnectionShape<AdvertEntity>> {
    const page = pageRequest(paging);
    const caller = requireBusinessReader(await context.tx.caller());
    const found = await new AdvertService(await context.tx.manager(), caller).list(filter ?? {}, page);
    return toConnection(found, AdvertService.cursorOf);
  }

  @Mutation(() => AdvertRecordPayload, { description: 'Records an advert captured as evidence, for the caller\'s agency (OFFICER or ANALYST).' })
  async advertRecord(
    @Arg('input', () => AdvertRecordInput, { description: 'The advert.' }) input: AdvertRecordInput,
    @Ctx() context: RequestContext,
  ): Promise<AdvertRecordPayload> {
    return runMutation(context, { role: [Role.OFFICER, Role.ANALYST], agency: 'registered' }, 'advert', (manager, caller) =>
      new AdvertRecordService(manager, caller).record({
        ...input,
        advertiserId: optionalIdOfType(input.advertiserId, 'Supplier'),
        seizureIds: (input.seizureIds ?? []).map((id) => idOfType(id, 'Seizure')),
      }),
      // A clientKey already used: the record first made with it (null when unreadable).
      recordMet<AdvertEntity>);
  }

  @Mutation(() => AdvertLinkPayload, { description: 'Names the party behind one of the agency\'s adverts and the seizures it is evidence for (ANALYST).' })
  async advertLink(
    @Arg('input', () => AdvertLinkInput, { description: 'The advert and what to link it to.' }) input: AdvertLinkInput,
    @Ctx() context: RequestContext,
  ): Promise<AdvertLinkPayload> {
    return runMutation(context, { role: Role.ANALYST, agency: 'registered' }, 'advert', (manager, caller) =>
      new AdvertLinkService(manager, caller).link({
        advertId: idOfType(input.advertId, 'Advert'),
        advertiserId: optionalIdOfType(input.advertiserId, 'Supplier'),
        seizureIds: (input.seizureIds ?? []).map((id) => idOfType(id, 'Seizure')),
      }));
  }

  @FieldResolver(() => ID, { description: 'Global, opaque identifier.' })
  id(@Root() advert: AdvertEntity): string {
    return toGlobalId('Advert', advert.id);
  }

  @FieldResolver(() => AgencyType, { description: 'The agency that recorded it and owns the record.' })
  async recordedBy(@Root() advert: AdvertEntity, @Ctx() context: RequestContext): Promise<AgencyEntity> {
    return (await context.loaders.agency.byId.load(advert.agencyId))!;
  }

  @FieldResolver(() => [AgencyType], { description: 'Other agencies that may read it under TLP_AMBER.' })
  sharedWith(@Root() advert: AdvertEntity, @Ctx() context: RequestContext): Promise<AgencyEntity[]> {
    return context.loaders.agency.many(advert.sharedWith);
  }

  @FieldResolver(() => PartyIdentifierType, { nullable: true, description: 'The posting account, scheme SOCIAL_HANDLE.' })
  async account(@Root() advert: AdvertEntity, @Ctx() context: RequestContext): Promise<PartyIdentifierType | null> {
    const account = (await context.loaders.advert.identifiersOf.load(advert.id)).find((row) => row.isAccount);
    return account ? asPartyIdentifier(account) : null;
  }

  @FieldResolver(() => [PartyIdentifierType], { description: 'Phones, handles, e-mails, wallets shown in it, in the order recorded.' })
  async contacts(@Root() advert: AdvertEntity, @Ctx() context: RequestContext): Promise<PartyIdentifierType[]> {
    return (await context.loaders.advert.identifiersOf.load(advert.id)).filter((row) => !row.isAccount).map(asPartyIdentifier);
  }

  @FieldResolver(() => [AdvertOfferType], { description: 'What it offers, in the order recorded.' })
  offers(@Root() advert: AdvertEntity, @Ctx() context: RequestContext): Promise<AdvertOfferEntity[]> {
    return context.loaders.advert.offersOf.load(advert.id);
  }

  @FieldResolver(() => SupplierType, { nullable: true, description: 'The party behind it, once known and readable by the caller.' })
  async advertiser(@Root() advert: AdvertEntity, @Ctx() context: RequestContext): Promise<SupplierEntity | null> {
    return advert.advertiserId ? context.loaders.supplier.byId.load(advert.advertiserId) : null;
  }

  @FieldResolver(() => [SeizureType], { description: 'Seizures it is linked to as evidence (those the caller may read).' })
  async seizures(@Root() advert: AdvertEntity, @Ctx() context: RequestContext): Promise<SeizureEntity[]> {
    const ids = await context.loaders.advert.seizureIdsOf.load(advert.id);
    return (await context.loaders.seizure.byId.loadMany(ids)).filter(isLoaded);
  }
}

@Resolver(() => AdvertOfferType)
export class AdvertOfferResolver {
  @FieldResolver(() => MoneyType, { nullable: true, description: 'The asking price, with the currency\'s minor-unit digits; null when none was given.' })
  price(@Root() offer: AdvertOfferEntity): MoneyType | null {
    return offer.amount === null || offer.currency === null ? null : { amount: formatAmount(offer.amount, offer.currency), currency: offer.currency };
  }
}
