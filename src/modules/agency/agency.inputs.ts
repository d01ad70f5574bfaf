import { Field, InputType } from 'type-graphql';
import { CountryCodeScalar } from '../../graphql/scalars/country-code';

@InputType({ description: 'A new agency (ADMIN only).' })
export class AgencyCreateInput {
  @Field({ description: 'Unique code, letters, digits and hyphens, e.g. FR-PAF; stored upper-case.' })
  code: string;

  @Field({ description: 'Full name, at most 500 characters.' })
  name: string;

  @Field(() => CountryCodeScalar, { description: 'Country the agency belongs to.' })
  jurisdiction: string;
}
