import { ItemKind } from '../../src/modules/item/item.enums';
import { inventedWord } from './names';
import type { Random } from './random';

export type IdentifierField = 'hin' | 'serialNumber' | 'batchNumber';

/** One physical item or batch, whose identifier may be recorded in several seizures. */
export interface Identity {
  no: number;
  kind: ItemKind;
  field: IdentifierField;
  /** As the maker marked it, e.g. `6G5-1234567`. */
  canonical: string;
  make: string;
  model: string | null;
  /** Planned recordings in all; more than one makes it a recurring identity. */
  planned: number;
  usesLeft: number;
  lastAgency: string;
}

export interface Reading {
  identity: Identity;
  /** The identifier as this officer wrote it. */
  written: string;
  markDamaged: boolean;
}

interface KindRules {
  field: IdentifierField;
  /** Share of items of this kind that carry an identifier at all. */
  carried: number;
  /** Share of new identities that will be recorded again, and how many more times at most. */
  recurs: number;
  maxExtra: number;
  makeSuffix: string[];
}

const RULES: Record<ItemKind, KindRules> = {
  BOAT: { field: 'hin', carried: 1, recurs: 0.15, maxExtra: 2, makeSuffix: ['Boats', 'Inflatables'] },
  ENGINE: { field: 'serialNumber', carried: 1, recurs: 0.2, maxExtra: 3, makeSuffix: ['Marine', 'Outboards', 'Motors'] },
  LIFE_JACKET: { field: 'batchNumber', carried: 0.9, recurs: 0.45, maxExtra: 5, makeSuffix: ['Tekstil', 'Safety'] },
  FUEL_CONTAINER: { field: 'batchNumber', carried: 0.5, recurs: 0.3, maxExtra: 3, makeSuffix: ['Plastik', 'Containers'] },
  PUMP: { field: 'serialNumber', carried: 0.6, recurs: 0.1, maxExtra: 1, makeSuffix: ['Pumps'] },
  OTHER: { field: 'serialNumber', carried: 0.2, recurs: 0.05, maxExtra: 1, makeSuffix: ['Electronics', 'Outdoor'] },
};

// Confusable characters (O/0, I/1/L, S/5, B/8, Z/2) and how a worn plate gets misread.
const MISREAD: Record<string, string> = { '0': 'O', O: '0', '1': 'I', I: '1', L: '1', '5': 'S', S: '5', '8': 'B', B: '8', '2': 'Z', Z: '2' };
const MONTHS = 'ABCDEFGHIJKL';

interface Make {
  name: string;
  /** Manufacturer identity code in hull numbers, and the maker's country. */
  mic: string;
  country: string;
  modelCode: string;
  serialStyle: number;
}

/**
 * The identifiers items carry, and how they recur: a share of each kind's identities is recorded
 * again in later seizures, preferably by another agency, and each reading may be written with
 * other separators or case, with a confusable character misread, or as a damaged mark with
 * `?`/`*` for what could not be read.
 */
export class IdentityPool {
  private readonly open = new Map<ItemKind, Identity[]>();
  private readonly makes = new Map<ItemKind, Make[]>();
  private count = 0;

  constructor(private readonly random: Random) {
    for (const kind of Object.values(ItemKind)) {
      this.open.set(kind, []);
      this.makes.set(kind, Array.from({ length: 24 }, () => this.newMake(kind)));
    }
  }

  /** A reading for a new item of this kind, or null when it carries no identifier. */
  reading(kind: ItemKind, agencyId: string): Reading | null {
    const rules = RULES[kind];
    if (!this.random.chance(rules.carried)) return null;
    const open = this.open.get(kind)!;
    const expectedExtra = rules.recurs * ((rules.maxExtra + 1) / 2);
    const reuse = open.length > 0 && this.random.chance(expectedExtra / (1 + expectedExtra));
    const identity = reuse ? this.takeOpen(open, agencyId) : this.newIdentity(kind, agencyId);
    const first = identity.usesLeft === identity.planned - 1;
    return { identity, ...this.written(identity, first) };
  }

  /** A maker's name for an item that carries no identifier. */
  anyMake(kind: ItemKind): string {
    return this.random.pick(this.makes.get(kind)!).name;
  }

  get identities(): number {
    return this.count;
  }

  private takeOpen(open: Identity[], agencyId: string): Identity {
    let at = this.random.int(0, open.length - 1);
    // Prefer an identity last recorded by another agency: the cross-jurisdiction case.
    for (let tries = 0; tries < 3 && open[at].lastAgency === agencyId; tries++) at = this.random.int(0, open.length - 1);
    const identity = open[at];
    identity.usesLeft--;
    identity.lastAgency = agencyId;
    if (identity.usesLeft === 0) {
      open[at] = open[open.length - 1];
      open.pop();
    }
    return identity;
  }

  private newIdentity(kind: ItemKind, agencyId: string): Identity {
    const rules = RULES[kind];
    const make = this.random.pick(this.makes.get(kind)!);
    const planned = 1 + (this.random.chance(rules.recurs) ? this.random.int(1, rules.maxExtra) : 0);
    const identity: Identity = {
      no: ++this.count,
      kind,
      field: rules.field,
      canonical: this.canonical(kind, make),
      make: make.name,
      model: kind === ItemKind.ENGINE ? make.modelCode : kind === ItemKind.BOAT ? `${make.mic}-${this.random.int(3, 12) * 100 + 50}` : null,
      planned,
      usesLeft: planned - 1,
      lastAgency: agencyId,
    };
    if (identity.usesLeft > 0) this.open.get(kind)!.push(identity);
    return identity;
  }

  private newMake(kind: ItemKind): Make {
    const r = this.random;
    return {
      name: `${inventedWord(r)} ${r.pick(RULES[kind].makeSuffix)}`,
      mic: r.letters(3),
      country: kind === ItemKind.BOAT ? r.weighted({ CN: 80, TR: 20 }) : 'CN',
      modelCode: `${r.int(1, 9)}${r.letters(1)}${r.int(1, 9)}`,
      serialStyle: r.int(0, 2),
    };
  }

  private canonical(kind: ItemKind, make: Make): string {
    const r = this.random;
    switch (kind) {
      case ItemKind.BOAT: {
        const year = r.int(2019, 2024);
        const modelYear = (year + r.int(0, 1)) % 100;
        return `${make.country}-${make.mic}${r.digits(3)}${r.letters(1, 'ABCDEFGHJKMNPRTUVWXY0123456789')}${r.digits(1)}-${r.pick([...MONTHS])}${year % 10}-${String(modelYear).padStart(2, '0')}`;
      }
      case ItemKind.ENGINE:
        if (make.serialStyle === 0) return `${make.modelCode}-${r.digits(7)}`;
        if (make.serialStyle === 1) return `${r.int(0, 2)}T${r.digits(6)}`;
        return `${r.digits(5)}-${r.digits(6)}`;
      case ItemKind.LIFE_JACKET:
        return `${r.letters(2)}-LJ-${r.int(19, 25)}${String(r.int(1, 12)).padStart(2, '0')}-${r.digits(4)}`;
      case ItemKind.FUEL_CONTAINER:
        return `FC-${r.int(19, 25)}-${r.digits(5)}`;
      case ItemKind.PUMP:
        return `P${r.digits(7)}`;
      default:
        return `SN${r.digits(8)}`;
    }
  }

  /** How one officer wrote the identity: mostly as marked, sometimes re-spaced, misread or damaged. */
  private written(identity: Identity, first: boolean): { written: string; markDamaged: boolean } {
    const r = this.random;
    const style = first ? r.weighted({ marked: 80, respaced: 20 }) : r.weighted({ marked: 45, respaced: 25, misread: 18, damaged: 12 });
    const raw = identity.canonical;
    if (style === 'marked') return { written: raw, markDamaged: false };
    if (style === 'respaced') {
      const way = r.int(0, 3);
      const written = way === 0 ? raw.replace(/-/g, ' ') : way === 1 ? raw.replace(/-/g, '') : way === 2 ? raw.toLowerCase() : raw.replace(/-/g, '.');
      return { written, markDamaged: false };
    }
    const key = raw.replace(/-/g, '');
    // A HIN keeps its country, month and years readable: misreadings fall on the maker code and serial.
    const [from, to] = identity.field === 'hin' ? [2, 9] : [0, key.length - 1];
    if (style === 'misread') {
      const positions = [];
      for (let i = from; i <= to; i++) if (MISREAD[key[i]]) positions.push(i);
      if (positions.length === 0) return { written: raw, markDamaged: false };
      const at = r.pick(positions);
      const misread = key.slice(0, at) + MISREAD[key[at]] + key.slice(at + 1);
      return { written: identity.field === 'hin' ? formatHin(misread) : misread, markDamaged: false };
    }
    const at = r.int(from + 1, to - 2);
    const damaged = r.weighted({ one: 70, two: 15, run: 15 });
    const written = damaged === 'one'
      ? key.slice(0, at) + '?' + key.slice(at + 1)
      : damaged === 'two'
        ? key.slice(0, at) + '??' + key.slice(at + 2)
        : key.slice(0, at) + '*' + key.slice(at + r.int(2, 3));
    return { written, markDamaged: true };
  }
}

/** `CNQXB12345D424` as `CN-QXB12345-D4-24`. */
function formatHin(key: string): string {
  return `${key.slice(0, 2)}-${key.slice(2, 10)}-${key.slice(10, 12)}-${key.slice(12)}`;
}
