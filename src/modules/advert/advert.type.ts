import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/relay/node';
import { DateTimeScalar } from '../../graphql/scalars/date-time';
import { HandlingCode } from '../../shared/handling';
import { ItemKind } from '../item/item.enums';
import { AdvertKind, AdvertPlatform } from './advert.enums';

// Fields resolved from the entity's properties of the same name; the rest are field resolvers.
@ObjectType('Advert', { implements: Node, description: 'A social-media post or listing captured as evidence: selling equipment or crossings, or recruiting.' })
export class AdvertType extends Node {
  @Field(() => HandlingCode, { description: 'Who may read it (TLP 2.0).' })
  handling: HandlingCode;

  @Field(() => AdvertPlatform, { description: 'Where it was posted.' })
  platform: AdvertPlatform;

  @Field(() => AdvertKind, { description: 'What it offers.' })
  kind: AdvertKind;

  @Field(() => String, { nullable: true, description: 'Its web address, as recorded.' })
  url: string | null;

  @Field(() => DateTimeScalar, { description: 'When it was captured.' })
  capturedAt: Date;

  @Field(() => String, { nullable: true, description: 'The captured text (at most 10,000 characters).' })
  text: string | null;

  @Field(() => String, { nullable: true, description: 'sha256 (hex, lower-case) of the captured file, if one was kept.' })
  contentHash: string | null;

  @Field(() => DateTimeScalar, { description: 'When it was recorded in the registry.' })
  recordedAt: Date;
}

@ObjectType('AdvertOffer', { description: 'Something an advert offers.' })
export class AdvertOfferType {
  @Field(() => ItemKind, { nullable: true, description: 'The kind of item, when equipment is offered.' })
  itemKind: ItemKind | null;

  @Field(() => String, { nullable: true, description: 'Make as written.' })
  make: string | null;

  @Field(() => String, { nullable: true, description: 'Model as written.' })
  model: string | null;

  @Field(() => Int, { nullable: true, description: 'How many.' })
  quantity: number | null;
}
