import { Field, ID, InputType, Int } from 'type-graphql';
import { MoneyInput } from '../../graphql/money';
import { DateTimeScalar } from '../../graphql/scalars/date-time';
import { HandlingCode } from '../../shared/handling';
import { ItemKind } from '../item/item.enums';
import { PartyIdentifierInput } from '../supplier/supplier.inputs';
import { AdvertKind, AdvertPlatform } from './advert.enums';

@InputType({ description: 'Something an advert offers.' })
export class AdvertOfferInput {
  @Field(() => ItemKind, { nullable: true, description: 'The kind of item, when equipment is offered.' })
  itemKind?: ItemKind | null;

  @Field(() => String, { nullable: true, description: 'Make as written, at most 500 characters.' })
  make?: string | null;

  @Field(() => String, { nullable: true, description: 'Model as written, at most 500 characters.' })
  model?: string | null;

  @Field(() => Int, { nullable: true, description: 'How many, from 1 to 1,000,000.' })
  quantity?: number | null;

  @Field(() => MoneyInput, { nullable: true, description: 'The asking price (for all of them, or for a seat on a crossing).' })
  price?: MoneyInput | null;
}

@InputType({ description: 'An advert captured as evidence, for the agency in the caller\'s token.' })
export class AdvertRecordInput {
  @Field(() => AdvertPlatform, { description: 'Where it was posted.' })
  platform: AdvertPlatform;

  @Field(() => AdvertKind, { description: 'What it offers.' })
  kind: AdvertKind;

  @Field(() => String, { nullable: true, description: 'Its web address (http or https), at most 2048 characters; compared with other adverts\' in its canonical form.' })
  url?: string | null;

  @Field(() => PartyIdentifierInput, {
    nullable: true,
    description: 'The posting account: scheme SOCIAL_HANDLE, as platform:handle, or just the handle on FACEBOOK, INSTAGRAM, TIKTOK, TELEGRAM, WHATSAPP, SNAPCHAT, X and YOUTUBE (the advert\'s platform is then used).',
  })
  account?: PartyIdentifierInput | null;

  @Field(() => [PartyIdentifierInput], {
    nullable: true,
    description: 'Phones, handles, e-mails, wallets shown in it, at most 20 (a phone in national form is read in the recording agency\'s jurisdiction); one repeated is kept once.',
  })
  contacts?: PartyIdentifierInput[] | null;

  @Field(() => DateTimeScalar, { description: 'When it was captured; not in the future.' })
  capturedAt: Date;

  @Field(() => String, { nullable: true, description: 'The captured text, at most 10,000 characters.' })
  text?: string | null;

  @Field(() => String, { nullable: true, description: 'sha256 of the captured file (screenshot, video), 64 hexadecimal digits in any case.' })
  contentHash?: string | null;

  @Field(() => [AdvertOfferInput], { nullable: true, description: 'What it offers, at most 20.' })
  offers?: AdvertOfferInput[] | null;

  @Field(() => ID, { nullable: true, description: 'The party behind it, when known (a supplier readable by the caller).' })
  advertiserId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Seizures it is evidence for (at most 100; readable by the caller).' })
  seizureIds?: string[] | null;

  @Field(() => HandlingCode, { nullable: true, defaultValue: HandlingCode.TLP_GREEN, description: 'Who may read it (TLP 2.0).' })
  handling?: HandlingCode | null;

  @Field(() => [String], { nullable: true, description: 'Codes of registered agencies that may also read it; only with TLP_AMBER.' })
  sharedWith?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Your own key for this create, at most 64 characters, unique per agency for adverts: a retry with the same key stores nothing and answers the advert first recorded with it, with a DUPLICATE_REFERENCE user error on clientKey. Checked before anything else.' })
  clientKey?: string | null;
}

@InputType({ description: 'What an analyst has learnt about one of the agency\'s adverts.' })
export class AdvertLinkInput {
  @Field(() => ID, { description: 'The advert, recorded by the caller\'s agency.' })
  advertId: string;

  @Field(() => ID, { nullable: true, description: 'The party behind it (a supplier readable by the caller); replaces the one named before.' })
  advertiserId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Seizures it is evidence for, added to those already linked (at most 100 in all; readable by the caller).' })
  seizureIds?: string[] | null;
}

@InputType({ description: 'Which adverts; every field given must hold.' })
export class AdvertFilter {
  @Field(() => [AdvertPlatform], { nullable: true, description: 'Posted on one of these platforms.' })
  platform?: AdvertPlatform[] | null;

  @Field(() => [AdvertKind], { nullable: true, description: 'Of one of these kinds.' })
  kind?: AdvertKind[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'A phone, handle (platform:handle, or @handle on any platform), e-mail, URL or wallet written any valid way (a national phone number is read in the caller\'s jurisdiction), matched against the account, the contacts and the URL.',
  })
  identifier?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Captured at or after this time.' })
  capturedFrom?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Captured before this time.' })
  capturedTo?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Words to find in the text, at most 16: each in its inflections in English, French, German, Dutch and Turkish, as written in other scripts, and without accents; ranked by relevance (ts_rank_cd) instead of newest first.',
  })
  text?: string | null;
}
