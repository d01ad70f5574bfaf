import { keccak_256 } from '@noble/hashes/sha3';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { bech32, bech32m } from 'bech32';
import type Bs58check from 'bs58check' with { 'resolution-mode': 'import' };
import { ok, refuse, type KeyResult } from './key-result';

// The package runs under require() but its types are declared as ESM only.
const bs58check: typeof Bs58check = require('bs58check').default;

/** Other names of chains, keyed under one each. */
const CHAIN_ALIASES: Readonly<Record<string, string>> = {
  bitcoin: 'btc', xbt: 'btc', ethereum: 'eth', ether: 'eth', erc20: 'eth', tron: 'trx', trc20: 'trx',
};

const CHAIN = /^[a-z][a-z0-9-]{1,19}$/;
const ADDRESS = /^[A-Za-z0-9]+$/;

type AddressCheck = (address: string, raw: string) => KeyResult;

/**
 * A crypto wallet as `<chain>:<address>` ("btc:bc1q…", "eth:0x…", "trx:T…"), checked by its
 * chain's address form where that is checkable and keyed as that chain compares addresses:
 * Bitcoin base58check (case-sensitive) and bech32/bech32m (one case, compared lower-case),
 * Ethereum hex (EIP-55 checked when mixed-case, compared lower-case), Tron base58check. An
 * address of another chain is kept as written (letters and digits), as it cannot be checked.
 */
export function cryptoWalletKey(raw: string): KeyResult {
  const text = raw.normalize('NFKC').trim();
  const colon = text.indexOf(':');
  if (colon <= 0) return refuse(`crypto wallet '${raw}' needs its chain: write chain:address, e.g. btc:bc1q… or eth:0x…`);
  const written = text.slice(0, colon).trim().toLowerCase();
  const chain = CHAIN_ALIASES[written] ?? written;
  const address = text.slice(colon + 1).trim();
  if (!CHAIN.test(chain)) return refuse(`crypto wallet '${raw}' has a chain '${written}' that is not a name (e.g. btc, eth, trx)`);
  if (!ADDRESS.test(address)) return refuse(`crypto wallet '${raw}' has an address with characters other than letters and digits`);
  const check = CHECKS[chain];
  if (!check) return ok(`${chain}:${address}`);
  const checked = check(address, raw);
  return checked.ok ? ok(`${chain}:${checked.key}`) : checked;
}

const CHECKS: Readonly<Record<string, AddressCheck>> = { btc: bitcoinAddress, eth: ethereumAddress, trx: tronAddress };

/** Version bytes of base58check Bitcoin addresses: P2PKH and P2SH, main and test networks. */
const BITCOIN_BASE58_VERSIONS = new Set([0x00, 0x05, 0x6f, 0xc4]);

function bitcoinAddress(address: string, raw: string): KeyResult {
  if (/^(bc|tb)1/i.test(address)) return segwitAddress(address, raw);
  const payload = base58check(address);
  if (!payload || payload.length !== 21 || !BITCOIN_BASE58_VERSIONS.has(payload[0])) {
    return refuse(`crypto wallet '${raw}' is not a Bitcoin address: its base58check checksum or version does not fit (base58 is case-sensitive)`);
  }
  return ok(address);
}

/** bech32 (witness version 0) or bech32m (versions 1 to 16), BIP-173 and BIP-350; mixed case is refused. */
function segwitAddress(address: string, raw: string): KeyResult {
  if (address !== address.toLowerCase() && address !== address.toUpperCase()) {
    return refuse(`crypto wallet '${raw}' mixes upper and lower case, which a bech32 address may not (BIP-173)`);
  }
  const lower = address.toLowerCase();
  const decoded = decodeBech32(lower);
  const version = decoded?.words[0];
  const program = decoded && version !== undefined ? fromWords(decoded.words.slice(1)) : null;
  const fits = decoded && program && version !== undefined && version <= 16 &&
    (version === 0 ? decoded.encoding === 'bech32' && (program.length === 20 || program.length === 32) : decoded.encoding === 'bech32m' && program.length >= 2 && program.length <= 40);
  if (!fits) return refuse(`crypto wallet '${raw}' is not a Bitcoin address: its bech32 checksum or witness program does not fit`);
  return ok(lower);
}

function decodeBech32(address: string): { words: number[]; encoding: 'bech32' | 'bech32m' } | null {
  for (const [encoding, codec] of [['bech32', bech32], ['bech32m', bech32m]] as const) {
    const decoded = codec.decodeUnsafe(address, 90);
    if (decoded && (decoded.prefix === 'bc' || decoded.prefix === 'tb')) return { words: decoded.words, encoding };
  }
  return null;
}

function fromWords(words: number[]): number[] | null {
  return bech32.fromWordsUnsafe(words) ?? null;
}

function ethereumAddress(address: string, raw: string): KeyResult {
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) return refuse(`crypto wallet '${raw}' is not an Ethereum address: 0x and 40 hexadecimal digits`);
  const hex = address.slice(2);
  const mixed = hex !== hex.toLowerCase() && hex !== hex.toUpperCase();
  if (mixed && !eip55Holds(hex)) return refuse(`crypto wallet '${raw}' has upper and lower case that do not match its EIP-55 checksum`);
  return ok(`0x${hex.toLowerCase()}`);
}

/** EIP-55: a letter is upper-case exactly when the matching nibble of keccak256(lower-case hex) is 8 or more. */
function eip55Holds(hex: string): boolean {
  const hash = bytesToHex(keccak_256(utf8ToBytes(hex.toLowerCase())));
  return [...hex].every((c, i) => !/[a-f]/i.test(c) || (parseInt(hash[i], 16) >= 8) === (c === c.toUpperCase()));
}

function tronAddress(address: string, raw: string): KeyResult {
  const payload = base58check(address);
  if (!payload || payload.length !== 21 || payload[0] !== 0x41) {
    return refuse(`crypto wallet '${raw}' is not a Tron address: T…, base58check with its checksum (case-sensitive)`);
  }
  return ok(address);
}

function base58check(address: string): Uint8Array | null {
  try {
    return bs58check.decode(address);
  } catch {
    return null;
  }
}
