import { Field, ObjectType } from 'type-graphql';
import { CountryCodeScalar } from '../../graphql/scalars/country-code';
import { Node } from '../../graphql/relay/node';

@ObjectType('Agency', { implements: Node, description: 'A law-enforcement agency that records in the registry.' })
export class AgencyType extends Node {
  @Field({ description: 'Unique upper-case code, e.g. FR-PAF; the `agency` claim of its tokens.' })
  code: string;

  @Field({ description: 'Full name.' })
  name: string;

  @Field(() => CountryCodeScalar, { description: 'Country the agency belongs to.' })
  jurisdiction: string;
}
