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
export function phone(random: Random, country: string): string {
  const example = getExampleNumber(country as CountryCode, examples) ?? getExampleNumber('GB', examples)!;
  const national = `${example.nationalNumber.slice(0, -6)}${random.digits(6)}`;
  return random.chance(0.6) ? `+${example.countryCallingCode} ${national}` : `00${example.countryCallingCode}-${national.slice(0, 3)}-${national.slice(3)}`;
}

const MAILBOXES = ['info', 'sales', 'export', 'orders', 'office', 'service'];

/**
 * The identifiers of a firm, five on average (a registry's traders are known by their VAT or
 * company registration, a shop line and their staff's mobiles, mailboxes and a website), keyed
 * by the service's own normalisation, so that a large dataset holds a million. Web and mail
 * domains are under `.example`, never real.
 */
export function partyIdentifiers(
  random: Random,
  firm: { id: string; agencyId: string; brand: string; country: string },
  tables: DatasetTables,
): void {
  const domain = `${firm.brand.toLowerCase()}-${firm.country.toLowerCase()}.example`;
  const wanted: Array<[IdentifierScheme, string]> = [];
  const registration: [IdentifierScheme, string] = [IdentifierScheme.COMPANY_REG, `${firm.country}-${random.digits(6)}-${random.letters(2)}${random.digits(4)}`];
  if (REGISTRATION_ONLY.has(firm.country)) {
    if (random.chance(0.9)) wanted.push(registration);
  } else {
    if (random.chance(0.9)) wanted.push([IdentifierScheme.VAT, vat(random, firm.country)]);
    if (random.chance(0.4)) wanted.push(registration);
  }
  for (let n = random.int(1, 3); n > 0; n--) wanted.push([IdentifierScheme.PHONE, phone(random, firm.country)]);
  for (const mailbox of random.sample(MAILBOXES, random.int(1, 2))) wanted.push([IdentifierScheme.EMAIL, `${mailbox}@${domain}`]);
  if (random.chance(0.5)) wanted.push([IdentifierScheme.WEBSITE, random.chance(0.5) ? `https://www.${domain}/shop` : `www.${domain}`]);
  wanted.forEach(([scheme, value], i) => {
    const key = identifierKey(scheme, value, firm.country);
    if (!key.ok) throw new Error(`generated ${scheme} '${value}' is not valid: ${key.message}`);
    tables.supplier_identifier.add([firm.id, i + 1, firm.agencyId, scheme, value, key.key]);
  });
}
