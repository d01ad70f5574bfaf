import { GraphQLError, parseValue as parseAst } from 'graphql';
import { CountryCodeScalar } from '../../src/graphql/scalars/country-code';
import { DateTimeScalar } from '../../src/graphql/scalars/date-time';

/** The value a client sends as a variable, and the same value written literally in the query. */
const asVariable = (scalar: typeof DateTimeScalar | typeof CountryCodeScalar, value: unknown) => scalar.parseValue(value);
const asLiteral = (scalar: typeof DateTimeScalar | typeof CountryCodeScalar, source: string) => scalar.parseLiteral(parseAst(source), {});

describe('DateTime', () => {
  it.each([
    ['an offset', '2026-03-14T05:30:00+01:00', '2026-03-14T04:30:00.000Z'],
    ['a negative offset', '2026-03-13T23:30:00-05:00', '2026-03-14T04:30:00.000Z'],
    ['Z', '2026-03-14T04:30:00Z', '2026-03-14T04:30:00.000Z'],
    ['fractional seconds', '2026-03-14T04:30:00.125Z', '2026-03-14T04:30:00.125Z'],
    ['fractional seconds and an offset', '2026-03-14T06:30:00.5+02:00', '2026-03-14T04:30:00.500Z'],
    ['29 February of a leap year', '2028-02-29T12:00:00Z', '2028-02-29T12:00:00.000Z'],
  ])('accepts a time with %s, as the same instant', (_name, text, utc) => {
    expect((asVariable(DateTimeScalar, text) as Date).toISOString()).toBe(utc);
    expect((asLiteral(DateTimeScalar, JSON.stringify(text)) as Date).toISOString()).toBe(utc);
  });

  it.each([
    ['no offset', '2026-03-14T05:30:00'],
    ['a date only', '2026-03-14'],
    ['a day that does not exist', '2026-02-30T00:00:00Z'],
    ['29 February of a common year', '2026-02-29T00:00:00Z'],
    ['month 13', '2026-13-01T00:00:00Z'],
    ['hour 25', '2026-03-14T25:00:00Z'],
    ['a space instead of T', '2026-03-14 05:30:00Z'],
    ['a human date', '14/03/2026 05:30'],
    ['an empty string', ''],
    ['trailing text', '2026-03-14T05:30:00Z and more'],
  ])('refuses %s', (_name, text) => {
    expect(() => asVariable(DateTimeScalar, text)).toThrow(GraphQLError);
    expect(() => asLiteral(DateTimeScalar, JSON.stringify(text))).toThrow(GraphQLError);
  });

  it.each([
    ['a number (epoch milliseconds)', 1773462600000],
    ['null', null],
    ['a boolean', true],
    ['an object', { year: 2026 }],
  ])('refuses %s sent as a variable', (_name, value) => {
    expect(() => asVariable(DateTimeScalar, value)).toThrow(GraphQLError);
  });

  it.each(['1773462600000', 'true', '{ year: 2026 }'])('refuses the literal %s', (source) => {
    expect(() => asLiteral(DateTimeScalar, source)).toThrow(GraphQLError);
  });

  it('answers in UTC ISO 8601', () => {
    expect(DateTimeScalar.serialize(new Date('2026-03-14T05:30:00+01:00'))).toBe('2026-03-14T04:30:00.000Z');
    expect(DateTimeScalar.serialize('2026-03-14T05:30:00+01:00')).toBe('2026-03-14T04:30:00.000Z');
    expect(() => DateTimeScalar.serialize(new Date(Number.NaN))).toThrow(GraphQLError);
  });
});

describe('CountryCode', () => {
  it.each(['FR', 'GB', 'GR', 'TR', 'US'])('accepts %s', (code) => {
    expect(asVariable(CountryCodeScalar, code)).toBe(code);
    expect(asLiteral(CountryCodeScalar, `"${code}"`)).toBe(code);
  });

  it.each([
    ['lower case', 'fr'],
    ['mixed case', 'Fr'],
    ['an unassigned code', 'XX'],
    ['UK (reserved; the ISO code is GB)', 'UK'],
    ['EL (EU usage; the ISO code is GR)', 'EL'],
    ['a three-letter code', 'FRA'],
    ['padding', ' FR'],
    ['an empty string', ''],
  ])('refuses %s', (_name, code) => {
    expect(() => asVariable(CountryCodeScalar, code)).toThrow(GraphQLError);
    expect(() => asLiteral(CountryCodeScalar, JSON.stringify(code))).toThrow(GraphQLError);
  });

  it.each([
    ['a number', 33],
    ['null', null],
    ['a list', ['FR']],
  ])('refuses %s sent as a variable', (_name, value) => {
    expect(() => asVariable(CountryCodeScalar, value)).toThrow(GraphQLError);
  });

  it.each(['33', 'FR', '["FR"]'])('refuses the non-string literal %s', (source) => {
    expect(() => asLiteral(CountryCodeScalar, source)).toThrow(GraphQLError);
  });

  it('answers the stored code', () => {
    expect(CountryCodeScalar.serialize('FR')).toBe('FR');
  });
});
