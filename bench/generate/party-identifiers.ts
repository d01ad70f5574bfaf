import { getExampleNumber, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { identifierKey } from '../../src/modules/supplier/party-identifiers';
import { IdentifierScheme } from '../../src/modules/supplier/supplier.enums';
import type { Random } from './random';
import type { DatasetTables } from './tables';

// Countries whose firms are identified here by a company registration rather than a VAT number.
const REGISTRATION_ONLY = new Set(['CN', 'TR']);

function vat(random: Random, country: string): string {
  const prefix = country === 'GR' ? 'EL' : country;
  const number = random.digits(country === 'FR' ? 11 : country === 'BE' ? 10 : 9);
  return random.chance(0.5) ? `${prefix}${number}` : `${prefix} ${number.slice(0, 3)} ${number.slice(3, 6)} ${number.slice(6)}`;
}

/** A mobile number of the country, possible there: its example number with the last six digits drawn. */
function phone(random: Random, country: string): string {
  const example = getExampleNumber(country as CountryCode, examples) ?? getExampleNumber('GB', examples)!;
  const national = `${example.nationalNumber.slice(0, -6)}${random.digits(6)}`;
  return random.chance(0.6) ? `+${example.countryCallingCode} ${national}` : `00${example.countryCallingCode}-${national.slice(0, 3)}-${national.slice(3)}`;
}

/**
 * Zero to four identifiers of a firm (VAT or company registration, phone, e-mail, website), keyed
 * by the service's own normalisation. Web and mail domains are under `.example`, never real.
 */
export function partyIdentifiers(
  random: Random,
  firm: { id: string; agencyId: string; brand: string; country: string },
  tables: DatasetTables,
): void {
  const domain = `${firm.brand.toLowerCase()}-${firm.country.toLowerCase()}.example`;
  const wanted: Array<[IdentifierScheme, string]> = [];
  if (random.chance(0.6)) {
    wanted.push(REGISTRATION_ONLY.has(firm.country)
      ? [IdentifierScheme.COMPANY_REG, `${firm.country}-${random.digits(6)}-${random.letters(2)}${random.digits(4)}`]
      : [IdentifierScheme.VAT, vat(random, firm.country)]);
  }
  if (random.chance(0.4)) wanted.push([IdentifierScheme.PHONE, phone(random, firm.country)]);
  if (random.chance(0.3)) wanted.push([IdentifierScheme.EMAIL, `${random.pick(['info', 'sales', 'export', 'orders'])}@${domain}`]);
  if (random.chance(0.25)) wanted.push([IdentifierScheme.WEBSITE, random.chance(0.5) ? `https://www.${domain}/shop` : `www.${domain}`]);
  wanted.forEach(([scheme, value], i) => {
    const key = identifierKey(scheme, value, firm.country);
    if (!key.ok) throw new Error(`generated ${scheme} '${value}' is not valid: ${key.message}`);
    tables.supplier_identifier.add([firm.id, i + 1, firm.agencyId, scheme, value, key.key]);
  });
}
