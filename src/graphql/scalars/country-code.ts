import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isCountryCode } from '../../shared/iso-countries';

function parse(value: unknown): string {
  if (typeof value !== 'string' || !isCountryCode(value)) {
    throw new GraphQLError(`CountryCode must be an assigned ISO 3166-1 alpha-2 code in upper case, such as FR; got ${JSON.stringify(value)}`);
  }
  return value;
}

export const CountryCodeScalar = new GraphQLScalarType<string, string>({
  name: 'CountryCode',
  description: 'An assigned ISO 3166-1 alpha-2 country code, upper case (e.g. FR, GB, TR).',
  specifiedByURL: 'https://www.iso.org/iso-3166-country-codes.html',
  serialize: (value) => String(value).trim(),
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('CountryCode must be written as a string');
    return parse(ast.value);
  },
});
