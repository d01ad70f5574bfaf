import { code as iso4217 } from 'currency-codes';
import { ErrorCode, type Problems } from './domain-error';

/** An amount of money: a decimal string in the currency's unit, and an ISO 4217 code. */
export interface Money {
  amount: string;
  currency: string;
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;
/** Far above any payment seen, short of what a typo would make. */
const MAX_WHOLE_DIGITS = 15;

/**
 * The minor-unit digits of an assigned ISO 4217 currency (2 for EUR, 0 for JPY, 3 for KWD), or
 * null for a code that is not one. The list's "ZZ" entries (gold, bond units, the testing and
 * no-currency codes) are not currencies money is paid in.
 */
export function currencyDigits(code: string): number | null {
  const found = /^[A-Z]{3}$/.test(code) ? iso4217(code) : undefined;
  if (!found || found.countries.some((entity) => /^zz\d/i.test(entity))) return null;
  return found.digits;
}

/**
 * An amount as given: a positive decimal string (digits, at most one point, no sign or
 * exponent) with at most the currency's minor-unit digits, in an assigned currency (upper-cased).
 * Each refusal is INVALID_INPUT on `field` + `amount` or `currency`.
 */
export function moneyOf(input: Money | null | undefined, field: string[], problems: Problems): Money | null {
  if (!input) return null;
  const currency = input.currency.trim().toUpperCase();
  const digits = currencyDigits(currency);
  if (digits === null) problems.add(ErrorCode.INVALID_INPUT, `currency must be an ISO 4217 code such as EUR, got '${input.currency}'`, [...field, 'currency']);
  const amount = input.amount.trim();
  const parts = DECIMAL.exec(amount);
  const amountField = [...field, 'amount'];
  if (!parts) {
    problems.add(ErrorCode.INVALID_INPUT, `amount must be a decimal number such as 1250.50 (digits and one point, no sign or exponent), got '${input.amount}'`, amountField);
  } else if (/^[0.]+$/.test(amount)) {
    problems.add(ErrorCode.INVALID_INPUT, `amount must be above zero, got '${input.amount}'`, amountField);
  } else if (parts[1].replace(/^0+/, '').length > MAX_WHOLE_DIGITS) {
    problems.add(ErrorCode.INVALID_INPUT, `amount must have at most ${MAX_WHOLE_DIGITS} digits before the point, got '${input.amount}'`, amountField);
  } else if (digits !== null && (parts[2]?.length ?? 0) > digits) {
    problems.add(ErrorCode.INVALID_INPUT, `amount in ${currency} has at most ${digits} digit(s) after the point, got '${input.amount}'`, amountField);
  }
  return { amount, currency };
}

/**
 * A stored amount (PostgreSQL's text of a numeric) with exactly the currency's minor-unit
 * digits: 1250.5 EUR is "1250.50", 1250 JPY "1250".
 */
export function formatAmount(stored: string, currency: string): string {
  const digits = currencyDigits(currency) ?? 2;
  const [whole, fraction = ''] = stored.split('.');
  const kept = fraction.padEnd(digits, '0').slice(0, digits);
  return digits === 0 ? whole : `${whole}.${kept}`;
}
