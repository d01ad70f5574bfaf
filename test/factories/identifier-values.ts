// Identifiers of invented accounts and wallets with correct check digits, so tests need no real ones.
import { keccak_256 } from '@noble/hashes/sha3';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { bech32, bech32m } from 'bech32';

/** An IBAN of an invented account: its check digits computed by mod 97 (ISO 13616). */
export function iban(country: string, bban: string): string {
  const digits = `${bban}${country}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  const check = 98 - Number(BigInt(digits) % 97n);
  return `${country}${String(check).padStart(2, '0')}${bban}`;
}

/** A lower-case hex address written with its EIP-55 checksum case. */
export function eip55(hex: string): string {
  const hash = bytesToHex(keccak_256(utf8ToBytes(hex)));
  return `0x${[...hex].map((c, i) => (parseInt(hash[i], 16) >= 8 ? c.toUpperCase() : c)).join('')}`;
}

// Its types are declared as ESM only; it runs under require(), as in the registry.
const bs58check: { encode(payload: Uint8Array): string } = require('bs58check').default;

/** A base58check address of an invented 20-byte payload after a version byte (0x00/0x05 Bitcoin, 0x41 Tron). */
export function base58Address(version: number, fill: number): string {
  return bs58check.encode(Uint8Array.from([version, ...Array.from({ length: 20 }, (_, i) => (fill + i * 7) % 256)]));
}

/** A Bitcoin segwit address of an invented program: bech32 for version 0, bech32m above. */
export function segwit(version: number, bytes: number, fill: number): string {
  const program = Array.from({ length: bytes }, (_, i) => (fill + i * 13) % 256);
  return (version === 0 ? bech32 : bech32m).encode('bc', [version, ...bech32.toWords(program)]);
}

/** The IBAN with its first pair of different adjacent digits of the account swapped. */
export function transposed(value: string): string {
  const i = [...value].findIndex((c, at) => at >= 4 && c !== value[at + 1] && /\d/.test(c) && /\d/.test(value[at + 1] ?? ''));
  return `${value.slice(0, i)}${value[i + 1]}${value[i]}${value.slice(i + 2)}`;
}

