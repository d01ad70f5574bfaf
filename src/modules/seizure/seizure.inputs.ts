import { Field, Float, InputType } from 'type-graphql';
import { CountryCodeScalar } from '../../graphql/scalars/country-code';
import { DateTimeScalar } from '../../graphql/scalars/date-time';
import { HandlingCode } from '../../shared/handling';
import { ItemKind } from '../item/item.enums';
import { ItemInput } from '../item/item.inputs';
import { RouteLegInput } from '../route/route.inputs';

@InputType({ description: 'Where something happened.' })
export class LocationInput {
  @Field(() => String, { nullable: true, description: 'Place in words, e.g. "A16 lay-by near Dunkirk"; at most 500 characters.' })
  description?: string | null;

  @Field(() => Float, { nullable: true, description: 'WGS 84 latitude, -90 to 90; give it with longitude.' })
  latitude?: number | null;

  @Field(() => Float, { nullable: true, description: 'WGS 84 longitude, -180 to 180; give it with latitude.' })
  longitude?: number | null;
}

@InputType({ description: 'A seizure to record for the agency in the caller\'s token.' })
export class SeizureRecordInput {
  @Field({ description: 'The agency\'s own case reference, at most 64 characters; recording it again stores nothing (idempotent, ignoring case and surrounding spaces).' })
  reference: string;

  @Field(() => DateTimeScalar, { description: 'When the goods were seized; not more than 5 minutes in the future.' })
  seizedAt: Date;

  @Field(() => CountryCodeScalar, { nullable: true, description: 'Where it was seized; defaults to the agency\'s country.' })
  jurisdiction?: string | null;

  @Field(() => LocationInput, { nullable: true, description: 'Where it was seized, in words and/or coordinates.' })
  location?: LocationInput | null;

  @Field(() => HandlingCode, { nullable: true, defaultValue: HandlingCode.TLP_GREEN, description: 'Who may read it (TLP 2.0).' })
  handling?: HandlingCode | null;

  @Field(() => [String], { nullable: true, description: 'Codes of registered agencies that may also read it; only with TLP_AMBER.' })
  sharedWith?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Case notes, at most 10,000 characters.' })
  notes?: string | null;

  @Field(() => [ItemInput], { description: 'What was seized: 1 to 1,000 items.' })
  items: ItemInput[];

  @Field(() => [RouteLegInput], { nullable: true, description: 'The route the goods or people took, in order (at most 50 legs).' })
  route?: RouteLegInput[] | null;

  @Field(() => String, { nullable: true, description: 'Your own key for this create, at most 64 characters, unique per agency for seizures: a retry with the same key stores nothing and answers the seizure first recorded with it, with a DUPLICATE_REFERENCE user error on clientKey. Checked before the reference.' })
  clientKey?: string | null;
}

@InputType({ description: 'Which seizures to list; every field given must hold.' })
export class SeizureFilter {
  @Field(() => [CountryCodeScalar], { nullable: true, description: 'Seized in any of these countries.' })
  jurisdiction?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Recorded by any of these agencies (codes).' })
  agency?: string[] | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Seized at or after this moment.' })
  seizedFrom?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Seized at or before this moment.' })
  seizedTo?: Date | null;

  @Field(() => [ItemKind], { nullable: true, description: 'Holding at least one item of any of these kinds.' })
  itemKind?: ItemKind[] | null;

  @Field(() => String, { nullable: true, description: 'With this reference, ignoring case and surrounding spaces.' })
  reference?: string | null;
}
